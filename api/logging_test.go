package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph"
)

// TestAccessLog sends requests with and without the token to a server that
// logs JSON, and checks each request has one line that parses and names
// its method, route, path, status, duration, size and request ID, that the
// ID is the one the response carries, and that the token is nowhere in the
// log.
func TestAccessLog(t *testing.T) {
	const token = "s3cret-t0ken"
	store, err := graph.Open(context.Background(), "memstore", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	var log bytes.Buffer
	h := api.New(store, api.Options{Token: token, Logger: slog.New(slog.NewJSONHandler(&log, nil))})
	reqs := []struct {
		method, path, body, auth, id string
		status                       int
		route                        string
	}{
		{"POST", "/v1/articles", testArticle, "Bearer " + token, "", 201, "/v1/articles"},
		{"POST", "/v1/articles", testArticle, "Bearer wrong-" + token, "", 401, "/v1/articles"},
		{"GET", "/v1/claims/0000000000000000?as=" + token, "", "", "client-id-42", 400, "/v1/claims/:id"},
		{"GET", "/nowhere", "", "", "bad id\nwith a newline", 404, "unmatched"},
	}
	var ids []string
	for _, r := range reqs {
		req := httptest.NewRequest(r.method, r.path, strings.NewReader(r.body))
		req.Header.Set("Content-Type", "application/json")
		if r.auth != "" {
			req.Header.Set("Authorization", r.auth)
		}
		if r.id != "" {
			req.Header.Set("X-Request-Id", r.id)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != r.status {
			t.Fatalf("%s %s: %d %s", r.method, r.path, w.Code, w.Body)
		}
		ids = append(ids, w.Header().Get("X-Request-Id"))
	}
	if ids[2] != "client-id-42" || ids[3] == "" || strings.Contains(ids[3], "\n") || ids[0] == ids[1] {
		t.Errorf("request IDs %q: want the client's sane one kept, others new and distinct", ids)
	}
	if strings.Contains(log.String(), token) {
		t.Errorf("the token is in the log:\n%s", log.String())
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != len(reqs) {
		t.Fatalf("%d log lines for %d requests:\n%s", len(lines), len(reqs), log.String())
	}
	for i, line := range lines {
		var got struct {
			Level, Msg, Method, Route, Path string
			Status, Bytes                   int
			Duration                        *float64 `json:"duration_ms"`
			ID                              string   `json:"request_id"`
		}
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatalf("line %d is not JSON: %v\n%s", i, err, line)
		}
		r := reqs[i]
		if got.Msg != "request" || got.Method != r.method || got.Route != r.route || got.Path != strings.Split(r.path, "?")[0] ||
			got.Status != r.status || got.Bytes <= 0 || got.Duration == nil || *got.Duration < 0 || got.ID != ids[i] {
			t.Errorf("line %d: %s, want %s %s (%s) %d with ID %s", i, line, r.method, r.path, r.route, r.status, ids[i])
		}
	}
}

// TestAccessLogFailure: a request the server fails (its store closed
// under it) is logged at error level with its 500.
func TestAccessLogFailure(t *testing.T) {
	store, err := graph.Open(context.Background(), "bolt", filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	h := api.New(store, api.Options{Logger: slog.New(slog.NewJSONHandler(&log, nil))})
	store.Close()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/v1/claims", nil))
	if w.Code != http.StatusInternalServerError {
		t.Fatalf("GET /v1/claims on a closed store: %d", w.Code)
	}
	var found bool
	for _, line := range strings.Split(strings.TrimSpace(log.String()), "\n") {
		var got struct {
			Level, Msg string
			Status     int
		}
		if err := json.Unmarshal([]byte(line), &got); err != nil {
			t.Fatalf("not JSON: %s", line)
		}
		if got.Msg == "request" {
			found = true
			if got.Level != "ERROR" || got.Status != 500 {
				t.Errorf("access line of a 500: %s", line)
			}
		}
	}
	if !found {
		t.Errorf("no access line:\n%s", log.String())
	}
}

// TestClientGone: a request whose client went away while the store was
// read is not a server failure: 499, logged at info, no error line.
func TestClientGone(t *testing.T) {
	store, err := graph.Open(context.Background(), "memstore", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	var log bytes.Buffer
	h := api.New(store, api.Options{Logger: slog.New(slog.NewJSONHandler(&log, nil))})
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("POST", "/v1/articles", strings.NewReader(testArticle)))
	if w.Code != http.StatusCreated {
		t.Fatalf("POST: %d %s", w.Code, w.Body)
	}
	log.Reset()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/v1/claims?speaker=Russia", nil).WithContext(ctx))
	if w.Code != 499 || !strings.Contains(w.Body.String(), `"code":"canceled"`) {
		t.Errorf("abandoned request: %d %s, want 499 canceled", w.Code, w.Body)
	}
	if strings.Contains(log.String(), `"level":"ERROR"`) {
		t.Errorf("an abandoned request is logged as an error:\n%s", log.String())
	}
}
