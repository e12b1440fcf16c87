package graph

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/query"

	"github.com/claimgraph/claimgraph/fixtures/pgtest"
)

// TestGizmoStops: a runaway script ends at its deadline or when its client
// goes away, and runQuery returns only once the JavaScript VM has stopped
// (it would otherwise keep reading memstore after the read lock is gone).
func TestGizmoStops(t *testing.T) {
	s := openAt(t, "memstore", "")
	for _, tt := range []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
		want error
	}{
		{"deadline", func() (context.Context, context.CancelFunc) {
			return context.WithTimeout(context.Background(), 200*time.Millisecond)
		}, ErrQueryTimeout},
		{"client gone", func() (context.Context, context.CancelFunc) {
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(200*time.Millisecond, cancel)
			return ctx, cancel
		}, context.Canceled},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := tt.ctx()
			defer cancel()
			start := time.Now()
			_, err := runQuery(ctx, s.qs, "gizmo", `var n = 0; while (true) { n++ }`, 10, query.JSON)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if d := time.Since(start); d > 15*time.Second { // the limit is far shorter: this catches a loop left running
				t.Errorf("stopped after %v", d)
			}
			buf := make([]byte, 1<<20)
			if n := runtime.Stack(buf, true); bytes.Contains(buf[:n], []byte("github.com/dop251/goja.")) {
				t.Errorf("the Gizmo VM is still running:\n%s", buf[:n])
			}
		})
	}
}

// TestQueryHandlerBackends runs Cayley's REST interface on each embedded
// backend: a query, a read, a write, and queries alongside the store's own
// reads (on PostgreSQL, the race detector watches Cayley's planner).
func TestQueryHandlerBackends(t *testing.T) {
	for backend, open := range map[string]func(t *testing.T) *Store{
		"memstore": func(t *testing.T) *Store { return openAt(t, "memstore", "") },
		"bolt":     func(t *testing.T) *Store { return openAt(t, "bolt", filepath.Join(t.TempDir(), "claims.bolt")) },
		"postgres": func(t *testing.T) *Store { return openAt(t, "postgres", pgtest.New(t)) },
	} {
		t.Run(backend, func(t *testing.T) {
			s := open(t)
			k := newCorpus(t)
			add(t, s, k.a1, k.claims1)
			add(t, s, k.a2, k.claims2)
			h := s.QueryHandler(QueryOptions{Writes: true})
			serve := func(method, path, body string) (int, string) {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, httptest.NewRequest(method, path, strings.NewReader(body)))
				return w.Code, w.Body.String()
			}
			accused := `g.V("<` + k.c1.Speaker.Actors[0].IRI + `>").in("<https://schema.org/author>").out("<http://claimgraph.org/ns#target>").all()`
			if code, body := serve("POST", "/api/v2/query?lang=gizmo", accused); code != http.StatusOK || !strings.Contains(body, k.c1.Targets[0].IRI) {
				t.Errorf("gizmo: %d %s", code, body)
			}
			if code, body := serve("GET", "/api/v2/read?format=nquads&sub=<"+k.c1.IRI+">", ""); code != http.StatusOK || !strings.Contains(body, "<"+k.a1.IRI+"> .") {
				t.Errorf("read: %d %s", code, body)
			}
			if code, body := serve("POST", "/api/v2/write", "<urn:t:a> <urn:t:p> <urn:t:b> .\n"); code != http.StatusOK {
				t.Fatalf("write: %d %s", code, body)
			}
			if code, body := serve("POST", "/api/v1/query/gizmo", `g.V("<urn:t:a>").out("<urn:t:p>").all()`); code != http.StatusOK || !strings.Contains(body, "urn:t:b") {
				t.Errorf("query after write: %d %s", code, body)
			}
			var wg sync.WaitGroup
			for range 4 {
				wg.Go(func() {
					for range 5 {
						if code, body := serve("POST", "/api/v2/query?lang=gizmo", accused); code != http.StatusOK {
							t.Errorf("concurrent gizmo: %d %s", code, body)
						}
						if _, err := s.Claims(context.Background(), Filter{Speaker: k.c1.Speaker.Actors[0].IRI}); err != nil {
							t.Errorf("concurrent Claims: %v", err)
						}
					}
				})
			}
			wg.Wait()
		})
	}
}
