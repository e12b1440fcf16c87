package api

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// get fetches path from h and returns the status and body.
func get(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	b, err := io.ReadAll(rec.Result().Body)
	if err != nil {
		t.Fatal(err)
	}
	return rec.Code, string(b)
}

// closedBolt is a handler over a bolt store that has been closed under it:
// the store fails every call, as a lost disk or database would.
func closedBolt(t *testing.T) (*graph.Store, http.Handler) {
	t.Helper()
	store, err := graph.Open(context.Background(), "bolt", filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	h := New(store, Options{})
	if code, body := get(t, h, "/readyz"); code != http.StatusOK {
		t.Fatalf("readyz on an open store: %d %s", code, body)
	}
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}
	return store, h
}

// checkInternal checks a 500 says nothing of where or why it failed.
func checkInternal(t *testing.T, what string, code int, body string) {
	t.Helper()
	var e errorBody
	if err := json.Unmarshal([]byte(body), &e); err != nil || code != http.StatusInternalServerError ||
		e != (errorBody{"internal error", codeInternal}) {
		t.Errorf("%s: %d %s, want 500 {internal error, internal}", what, code, body)
	}
	for _, leak := range []string{".go", "goroutine", "/tmp", "bolt", "panic", "database"} {
		if strings.Contains(body, leak) {
			t.Errorf("%s: body %s mentions %q", what, body, leak)
		}
	}
}

func TestReadyz(t *testing.T) {
	_, h := closedBolt(t)
	code, body := get(t, h, "/readyz")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, `"code":"unavailable"`) {
		t.Errorf("readyz on a closed store: %d %s", code, body)
	}
}

func TestNoInternalsInErrors(t *testing.T) {
	_, h := closedBolt(t)
	for _, path := range []string{"/v1/claims", "/v1/articles/0000000000000000", "/v1/search?q=shelling"} {
		code, body := get(t, h, path)
		checkInternal(t, "GET "+path+" on a closed store", code, body)
	}
	// A test-only route panics with a message full of internals.
	h.(*gin.Engine).GET("/test/panic", func(*gin.Context) { panic("open /srv/claimgraph/secret.go: boom") })
	code, body := get(t, h, "/test/panic")
	checkInternal(t, "panic", code, body)
}

func TestMetrics(t *testing.T) {
	store, err := graph.Open(context.Background(), "memstore", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	h := New(store, Options{})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/v1/articles",
		strings.NewReader(`{"text": "Russia accused Ukraine of shelling the dam, the Kremlin said on Monday."}`)))
	if rec.Code != http.StatusCreated {
		t.Fatalf("POST article: %d %s", rec.Code, rec.Body)
	}
	get(t, h, "/v1/claims/0000000000000000")
	get(t, h, "/v1/claims/1111111111111111")
	code, body := get(t, h, "/metrics")
	if code != http.StatusOK {
		t.Fatalf("metrics: %d", code)
	}
	for _, want := range []string{
		`claimgraph_http_requests_total{method="POST",route="/v1/articles",status="201"} 1`,
		`claimgraph_http_requests_total{method="GET",route="/v1/claims/:id",status="404"} 2`,
		`claimgraph_http_request_duration_seconds_bucket{route="/v1/articles",le="+Inf"} 1`,
		"claimgraph_articles_ingested_total 1",
		"claimgraph_store_articles 1",
		"claimgraph_store_claims ",
		"go_goroutines ",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if strings.Contains(body, "claimgraph_store_claims 0") || strings.Contains(body, "claimgraph_claims_ingested_total 0") {
		t.Errorf("no claims counted:\n%s", body)
	}
}
