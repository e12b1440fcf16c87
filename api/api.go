// Package api is claimgraph's HTTP interface: the JSON API under /v1, health
// checks, the web page, and Cayley's REST interface and web UI on the same
// store, on Gin. It is the only package that imports Gin; New hands back a
// plain http.Handler so cmd never sees it.
package api

import (
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// Options configure the handler. The zero value is usable.
type Options struct {
	Logger       *slog.Logger       // request and error log; nil discards
	MaxBodyBytes int64              // request body limit; 0 means DefaultMaxBody
	Version      string             // reported by /healthz
	Cayley       graph.QueryOptions // limits of Cayley's REST interface under /api
	Token        string             // when set, writes need "Authorization: Bearer Token"
	ReadOnly     bool               // refuse every write, Cayley's included, with 403
	CORSOrigins  []string           // origins a browser may call from; none means no CORS headers
	QueryMemory  int64              // live-heap growth a Cayley request may cause; 0 means DefaultQueryMemory
	// AnswerCache is the memory, in bytes, for claim lists kept whole
	// between writes (see answerCache); 0 means DefaultAnswerCache, a
	// negative value keeps none.
	AnswerCache int64
}

// DefaultMaxBody is the request body limit when Options leave it unset: a
// long article with room for JSON escaping.
const DefaultMaxBody = 8 << 20

// server holds what the handlers share.
type server struct {
	store   *graph.Store
	log     *slog.Logger
	opts    Options
	metrics *metrics
	// What the claim lists are encoded with: see respondClaims.
	answers   *answerCache
	claimJSON *claimJSON
	bufs      bufs
	boot      string // this handler's part of ETags: random
}

// New returns the HTTP handler for store.
func New(store *graph.Store, opts Options) http.Handler {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = DefaultMaxBody
	}
	if opts.QueryMemory <= 0 {
		opts.QueryMemory = DefaultQueryMemory
	}
	if opts.AnswerCache == 0 {
		opts.AnswerCache = DefaultAnswerCache
	}
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.ContextWithFallback = true
	s := &server{store: store, log: opts.Logger, opts: opts, metrics: newMetrics(store),
		answers: newAnswerCache(int(opts.AnswerCache)), claimJSON: newClaimJSON(), boot: requestID("")}
	// metrics and the access log come first so they see the 500 recovery
	// makes of a panic.
	r.Use(s.metrics.observe, s.accessLog, s.recovery, s.cors, s.guard, s.limitBody)
	s.routes(r)
	return r
}

// routes declares every route, one line each.
func (s *server) routes(r *gin.Engine) {
	r.GET("/", s.index)
	r.GET("/web/*file", s.asset)
	r.GET("/healthz", s.healthz)
	r.GET("/readyz", s.readyz)
	r.GET("/metrics", s.metrics.handler())
	r.GET("/openapi.json", s.openapi)

	v1 := r.Group("/v1")
	v1.POST("/articles", s.createArticle)
	v1.POST("/articles/batch", s.createArticles)
	v1.GET("/articles/:id", s.getArticle)
	v1.GET("/articles/:id/claims", s.articleClaims)
	v1.DELETE("/articles/:id", s.deleteArticle)
	v1.POST("/claims", s.createClaim)
	v1.GET("/claims", s.listClaims)
	v1.GET("/claims/:id", s.getClaim)
	v1.GET("/claims/:id/conflicts", s.claimConflicts)
	v1.POST("/claims/:id/review", s.reviewClaim)
	v1.GET("/claims/:id/claimreview", s.claimReview)
	v1.GET("/actors/:id", s.getActor)
	v1.GET("/actors/:id/claims", s.actorClaims)
	v1.POST("/actors/:id/merge", s.mergeActor)
	v1.DELETE("/actors/:id/merge", s.unmergeActor)
	v1.GET("/relations", s.listRelations)
	v1.GET("/events/:id", s.getEvent)
	v1.GET("/outlets/:id", s.getOutlet)
	v1.GET("/search", s.search)
	v1.GET("/graph", s.getGraph)
	v1.GET("/export", s.exportGraph)
	v1.POST("/import", s.importGraph)
	v1.POST("/import/claimreview", s.importClaimReview)

	cayley := gin.WrapH(memoryGuard(s.store.QueryHandler(s.opts.Cayley), s.opts.QueryMemory)) // Gin panics if other routes share these prefixes
	r.Any("/api/v1/*any", cayley)
	r.Any("/api/v2/*any", cayley)
	r.GET("/cayley/*any", cayleyUI())

	r.NoRoute(s.noRoute)
	r.NoMethod(s.noMethod)
}

// recovery turns a panic into a logged 500 with the standard error body.
func (s *server) recovery(c *gin.Context) {
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			s.log.Error("panic", "method", c.Request.Method, "path", c.Request.URL.Path, "panic", p)
			if !c.Writer.Written() {
				c.AbortWithStatusJSON(http.StatusInternalServerError, errorBody{Error: "internal error", Code: codeInternal})
			}
		}
	}()
	c.Next()
}

// limitBody caps every request body; reading past it fails with
// *http.MaxBytesError, which the error table maps to 413.
func (s *server) limitBody(c *gin.Context) {
	if c.Request.Body != nil {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, s.opts.MaxBodyBytes)
	}
	c.Next()
}
