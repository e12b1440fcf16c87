package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"runtime"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	"github.com/cayleygraph/cayley/ui"
	"github.com/cayleygraph/cayley/writer"
	"github.com/julienschmidt/httprouter"
)

// Defaults of QueryOptions.
const (
	DefaultQueryTimeout = 30 * time.Second
	DefaultQueryLimit   = 10000
)

// maxQueryBytes caps a query's text, as Cayley's own server does.
const maxQueryBytes = 1 << 20

// QueryOptions bound what a request to Cayley's REST interface may cost:
// queries are untrusted code (Gizmo is JavaScript).
type QueryOptions struct {
	Timeout     time.Duration // per query; 0 means DefaultQueryTimeout
	Limit       int           // results per query; 0 means DefaultQueryLimit
	Writes      bool          // serve /api/v2/write and /api/v2/delete
	MaxInFlight int           // requests served at once, more get 503; 0 means 2×GOMAXPROCS
}

// cayleyHandler serves Cayley's REST interface on a Store: APIv2 from
// Cayley's server package, and our own query endpoints in the shapes of
// Cayley's v1 API (which lives in an internal package).
type cayleyHandler struct {
	store *Store
	opts  QueryOptions
	v2    http.Handler
	slots chan struct{} // a semaphore: slow queries must not starve /v1
}

// QueryHandler serves Cayley's REST interface on s under /api/v1 and
// /api/v2: queries in Gizmo, GraphQL, MQL and LinkedQL, reads in the
// registered quad formats, and, when o.Writes, writes that bypass the
// store's validation and provenance labels.
func (s *Store) QueryHandler(o QueryOptions) http.Handler {
	if o.Timeout <= 0 {
		o.Timeout = DefaultQueryTimeout
	}
	if o.Limit <= 0 {
		o.Limit = DefaultQueryLimit
	}
	if o.MaxInFlight <= 0 {
		o.MaxInFlight = 2 * runtime.GOMAXPROCS(0)
	}
	// With nil options the single writer takes Cayley's package defaults,
	// as Cayley's own server does; it cannot fail then.
	qw, _ := writer.NewSingleReplication(restStore{quadStore: s.qs, s: s}, nil)
	r := httprouter.New()
	r.NotFound = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "not_found", fmt.Sprintf("no route %s %s", r.Method, r.URL.Path))
	})
	r.MethodNotAllowed = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", fmt.Sprintf("method %s is not allowed on %s", r.Method, r.URL.Path))
	})
	// Queries go through our handler (see query), so APIv2's own query
	// timeout and limit are set only to keep the two in step.
	v2 := cayleyhttp.NewBoundAPIv2(&cgraph.Handle{QuadStore: s.qs, QuadWriter: qw}, r)
	v2.SetReadOnly(!o.Writes)
	v2.SetQueryTimeout(o.Timeout)
	v2.SetQueryLimit(o.Limit)
	return &cayleyHandler{store: s, opts: o, v2: v2, slots: make(chan struct{}, o.MaxInFlight)}
}

// isWrite reports whether p is one of APIv2's routes that change the store.
func isWrite(p string) bool {
	switch p {
	case "/api/v2/write", "/api/v2/delete", "/api/v2/node/delete":
		return true
	}
	return false
}

// ServeHTTP routes a request, once a slot is free, to our query endpoints
// or to Cayley's APIv2, under the locks the backend needs.
func (h *cayleyHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	select {
	case h.slots <- struct{}{}:
		defer func() { <-h.slots }()
	default:
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusServiceUnavailable, "unavailable", "too many Cayley API requests in flight, try again")
		return
	}
	p := r.URL.Path
	switch {
	case p == "/api/v2/query":
		h.query(w, r, r.URL.Query().Get("lang"), collation(r))
	case strings.HasPrefix(p, "/api/v1/query/"):
		h.query(w, r, strings.TrimPrefix(p, "/api/v1/query/"), query.JSON)
	case strings.HasPrefix(p, "/api/v1/shape/"):
		// What Cayley's own v1 API answers: this Cayley has no query shapes.
		writeError(w, http.StatusNotImplemented, "not_implemented", "Query shape API v1 is deprecated.")
	case isWrite(p):
		h.write(w, r)
	case strings.HasPrefix(p, "/api/v2/"):
		unlock := h.store.readLock()
		defer unlock()
		h.v2.ServeHTTP(w, r)
	default:
		writeError(w, http.StatusNotFound, "not_found", fmt.Sprintf("no route %s %s", r.Method, p))
	}
}

// readLock takes what a read through Cayley's API needs and returns its
// release. Memstore has no locking of its own, so a REST read holds the
// store's read lock for its whole run (writers, and the readers queued
// behind them, wait for it: a query at most its timeout, a dump while it is
// sent). Bolt and PostgreSQL isolate readers themselves.
func (s *Store) readLock() func() {
	if s.backend != "memstore" {
		return func() {}
	}
	s.mu.RLock()
	return s.mu.RUnlock
}

// write serves APIv2's writes, when allowed, one at a time with the store's
// own writes.
func (h *cayleyHandler) write(w http.ResponseWriter, r *http.Request) {
	if !h.opts.Writes {
		writeError(w, http.StatusForbidden, "forbidden",
			"writes through Cayley's API are off: they bypass validation and provenance labels (start the server with --cayley-writes to allow them)")
		return
	}
	// Read the body first: a slow upload must not hold the write lock,
	// which every /v1 read queues behind. The caller bounds its size.
	body, err := io.ReadAll(r.Body)
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		writeError(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("request body is larger than %d bytes", tooBig.Limit))
		return
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_request", fmt.Sprintf("read body: %v", err))
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	defer h.store.lock()()
	h.v2.ServeHTTP(w, r)
}

// query runs one query under the time and result limits and answers as
// Cayley does: {"result": [...]}, or {"error": "..."} (plus our "code").
func (h *cayleyHandler) query(w http.ResponseWriter, r *http.Request, lang string, col query.Collation) {
	if r.Method != http.MethodPost && !(r.Method == http.MethodGet && r.URL.Path == "/api/v2/query") {
		writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", fmt.Sprintf("method %s is not allowed on %s", r.Method, r.URL.Path))
		return
	}
	text, err := queryText(r)
	if err == nil && strings.TrimSpace(text) == "" {
		err = errors.New("query is empty")
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad_request", err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.opts.Timeout)
	defer cancel()
	unlock := h.store.readLock()
	if l := query.GetLanguage(lang); l != nil && l.HTTPQuery != nil {
		// GraphQL answers in GraphQL's own shape, {"data", "errors"}, as
		// on Cayley; its result size is bounded by time only.
		defer unlock()
		w.Header().Set("Content-Type", "application/json")
		l.HTTPQuery(ctx, h.store.qs, w, strings.NewReader(text))
		return
	}
	res, err := runQuery(ctx, h.store.qs, lang, text, h.opts.Limit, col)
	unlock()
	if err != nil {
		h.queryFailed(w, err)
		return
	}
	h.answer(w, res, col)
}

// answer writes a query's results as Cayley does, {"result": [...]}; a
// header tells a cut answer from a whole one.
func (h *cayleyHandler) answer(w http.ResponseWriter, res result, col query.Collation) {
	if res.truncated {
		w.Header().Set("Claimgraph-Truncated", fmt.Sprint(h.opts.Limit))
	}
	w.Header().Set("Content-Type", "application/json")
	if col == query.JSONLD {
		w.Header().Set("Content-Type", "application/ld+json")
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(map[string]any{"result": res.values}) // an error is a client gone: nobody to tell
}

// queryFailed maps a query's error to a status: a query that cannot run is
// the client's (400, as on Cayley), a query past its time is 504, a client
// that went away gets nginx's 499 that nobody reads.
func (h *cayleyHandler) queryFailed(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, ErrQueryTimeout):
		writeError(w, http.StatusGatewayTimeout, "timeout", fmt.Sprintf("query exceeded its time limit of %v", h.opts.Timeout))
	case errors.Is(err, context.Canceled):
		writeError(w, 499, "canceled", "request canceled")
	default:
		writeError(w, http.StatusBadRequest, "bad_request", err.Error())
	}
}

// queryText is the query: the body of a POST, parameter qu of a GET.
func queryText(r *http.Request) (string, error) {
	if r.Method == http.MethodGet {
		return r.URL.Query().Get("qu"), nil
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, maxQueryBytes+1))
	if err != nil {
		return "", fmt.Errorf("read query: %w", err)
	}
	if len(data) > maxQueryBytes {
		return "", fmt.Errorf("read query: longer than %d bytes", maxQueryBytes)
	}
	return string(data), nil
}

// collation is JSON-LD when the client asks for it first, as Cayley's web
// UI does, else plain JSON.
func collation(r *http.Request) query.Collation {
	first, _, _ := strings.Cut(r.Header.Get("Accept"), ",")
	if mt, _, _ := strings.Cut(first, ";"); strings.TrimSpace(mt) == "application/ld+json" {
		return query.JSONLD
	}
	return query.JSON
}

// writeError answers with the error shape of the rest of the API,
// {"error", "code"}; Cayley's clients read "error" and ignore "code".
func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(struct {
		Error string `json:"error"`
		Code  string `json:"code"`
	}{msg, code})
}

// CayleyUI is Cayley's web UI, as built: index.html at its root. It is here
// because graph is the only package that imports Cayley; serving it under a
// prefix and against our address is the caller's business.
func CayleyUI() fs.FS {
	sub, err := fs.Sub(ui.FS, "web")
	if err != nil {
		panic(fmt.Sprintf("cayley ui: %v", err)) // a fixed path in an embedded FS
	}
	return sub
}
