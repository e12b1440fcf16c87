package api

import (
	"crypto/subtle"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
)

// isWrite reports whether a request changes the store: a mutating method
// under /v1, or one of Cayley's write routes (queries are POSTs there too,
// but read).
func isWrite(r *http.Request) bool {
	switch r.URL.Path {
	case "/api/v2/write", "/api/v2/delete", "/api/v2/node/delete":
		return true
	}
	switch r.Method {
	case http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete:
		return strings.HasPrefix(r.URL.Path, "/v1/")
	}
	return false
}

// guard refuses writes in read-only mode, and without the token when one is
// set. Reads stay open: the archive is meant to be read.
func (s *server) guard(c *gin.Context) {
	if !isWrite(c.Request) {
		c.Next()
		return
	}
	if s.opts.ReadOnly {
		s.fail(c, errReadOnly)
		return
	}
	if s.opts.Token != "" && !s.authorized(c.Request) {
		// RFC 6750: a 401 names the scheme the client should use.
		c.Header("WWW-Authenticate", `Bearer realm="claimgraph"`)
		s.fail(c, errUnauthorized)
		return
	}
	c.Next()
}

// authorized compares the bearer token in constant time, so its timing
// does not tell how much of a guess was right.
func (s *server) authorized(r *http.Request) bool {
	scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.opts.Token)) == 1
}

// corsMaxAge is how long a browser may cache a preflight's answer.
const corsMaxAge = 10 * 60

// cors lets the configured origins call the API from a browser; with none
// configured it adds nothing, and browsers keep other sites out.
func (s *server) cors(c *gin.Context) {
	origin := c.Request.Header.Get("Origin")
	if origin == "" || !slices.Contains(s.opts.CORSOrigins, origin) {
		c.Next()
		return
	}
	h := c.Writer.Header()
	h.Add("Vary", "Origin")
	h.Set("Access-Control-Allow-Origin", origin)
	if c.Request.Method != http.MethodOptions || c.Request.Header.Get("Access-Control-Request-Method") == "" {
		h.Set("Access-Control-Expose-Headers", "Location, Claimgraph-Truncated, Retry-After, ETag")
		c.Next()
		return
	}
	h.Add("Vary", "Access-Control-Request-Method, Access-Control-Request-Headers")
	h.Set("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE")
	h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept")
	h.Set("Access-Control-Max-Age", strconv.Itoa(corsMaxAge))
	c.AbortWithStatus(http.StatusNoContent)
}
