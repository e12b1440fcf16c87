package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/graph"
)

// TestSecurityHeaders: the page and its assets say what the browser may
// run, load and frame, and not to guess content types.
func TestSecurityHeaders(t *testing.T) {
	s := newServer(t, api.Options{})
	for _, path := range []string{"/", "/web/app.js", "/web/style.css", "/web/vendor/cytoscape.min.js"} {
		h := get(t, s, path).header
		for name, want := range map[string]string{
			"Content-Security-Policy": "default-src 'self'",
			"X-Content-Type-Options":  "nosniff",
			"X-Frame-Options":         "DENY",
			"Referrer-Policy":         "same-origin",
		} {
			if !strings.Contains(h.Get(name), want) {
				t.Errorf("GET %s: %s = %q, want %q", path, name, h.Get(name), want)
			}
		}
	}
}

// TestSameArticleConcurrently posts one article from many clients at once,
// on memstore and bolt: exactly one answer is 201, every other 200, all
// with the same claims, and the store holds the article once.
func TestSameArticleConcurrently(t *testing.T) {
	stores := map[string]string{"memstore": "", "bolt": filepath.Join(t.TempDir(), "same.db")}
	for backend, addr := range stores {
		t.Run(backend, func(t *testing.T) {
			store, err := graph.Open(context.Background(), backend, addr)
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(api.New(store, api.Options{}))
			t.Cleanup(func() { srv.Close(); store.Close() })
			body := mustJSON(t, map[string]string{"text": fixtures.SeedArticle, "outlet": "AFP"})
			const clients = 16
			codes, claims := make([]int, clients), make([][]string, clients)
			var wg sync.WaitGroup
			for i := range clients {
				wg.Go(func() { codes[i], claims[i] = postClaimIDs(t, srv.URL, body) })
			}
			wg.Wait()
			created := 0
			for _, c := range codes {
				if c == http.StatusCreated {
					created++
				}
			}
			if created != 1 || slices.ContainsFunc(codes, func(c int) bool { return c != 200 && c != 201 }) {
				t.Errorf("answers %v, want one 201 and the rest 200", codes)
			}
			for i := range clients {
				if !slices.Equal(claims[i], claims[0]) || len(claims[i]) == 0 {
					t.Errorf("client %d got claims %v, client 0 %v", i, claims[i], claims[0])
				}
			}
			st, err := store.Stats(context.Background())
			if err != nil || st.Articles != 1 || st.Claims != int64(len(claims[0])) {
				t.Errorf("store holds %+v (%v), want 1 article and %d claims", st, err, len(claims[0]))
			}
		})
	}
}

// postClaimIDs posts an article body and returns the status and the IDs of
// the claims in the answer, sorted.
func postClaimIDs(t *testing.T, base, body string) (int, []string) {
	resp, err := http.Post(base+"/v1/articles", "application/json", strings.NewReader(body))
	if err != nil {
		t.Error(err)
		return 0, nil
	}
	defer resp.Body.Close()
	var r struct{ Claims []struct{ ID string } }
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Error(err)
	}
	var ids []string
	for _, c := range r.Claims {
		ids = append(ids, c.ID)
	}
	slices.Sort(ids)
	return resp.StatusCode, ids
}

// TestCayleyMemoryLimit: a Gizmo script that keeps what it allocates is
// stopped by the memory budget long before its time limit, with 422
// memory_limit; /v1 and other queries are answered afterwards.
func TestCayleyMemoryLimit(t *testing.T) {
	s := newServer(t, api.Options{QueryMemory: 64 << 20, Cayley: graph.QueryOptions{Timeout: time.Minute}})
	postSeed(t, s)
	const hog = `var a = []; for (var i = 0; ; i++) a.push("x".repeat(1 << 16) + i)`
	code, body, _ := s.query(t, "POST", "/api/v2/query?lang=gizmo", "", hog)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, `"code":"memory_limit"`) {
		t.Fatalf("allocating query: %d %.300s, want 422 memory_limit", code, body)
	}
	if c, b := s.do(t, "GET", "/v1/claims?speaker=armenia", ""); c != http.StatusOK {
		t.Errorf("/v1 after the stopped query: %d %s", c, b)
	}
	if c, b, _ := s.query(t, "POST", "/api/v2/query?lang=gizmo", "", gizmoAccusedBy); c != http.StatusOK || !strings.Contains(b, cathedralTx) {
		t.Errorf("a query after the stopped one: %d %.300s", c, b)
	}
}
