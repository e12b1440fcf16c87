package api_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/graph"
)

// gizmoSpeakerTarget is /v1/claims?speaker=armenia&target=azerbaijan in
// Gizmo: the claims' IRIs and contents (v1 returns whole claims).
const gizmoSpeakerTarget = `g.V("<urn:claimgraph:actor:armenia>").in("<https://schema.org/author>")` +
	`.has("<http://claimgraph.org/ns#target>", "<urn:claimgraph:actor:azerbaijan>")` +
	`.tag("claim").out("<https://schema.org/text>").all()`

// BenchmarkSpeakerTarget compares one speaker+target question on the seed
// through /v1/claims and through Gizmo on /api/v2/query, on each backend.
func BenchmarkSpeakerTarget(b *testing.B) {
	for _, backend := range []string{"memstore", "bolt"} {
		store, err := graph.Open(context.Background(), backend, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		defer store.Close()
		h := api.New(store, api.Options{})
		body := mustJSON(b, map[string]string{"text": fixtures.SeedArticle, "outlet": "AFP"})
		if w := serve(h, "POST", "/v1/articles", body); w.Code != http.StatusCreated {
			b.Fatalf("seed: %d %s", w.Code, w.Body)
		}
		b.Run(backend+"/v1", func(b *testing.B) {
			for b.Loop() {
				if w := serve(h, "GET", "/v1/claims?speaker=armenia&target=azerbaijan", ""); w.Code != 200 || !strings.Contains(w.Body.String(), "Ghazanchetsots") {
					b.Fatalf("%d %s", w.Code, w.Body)
				}
			}
		})
		b.Run(backend+"/gizmo", func(b *testing.B) {
			for b.Loop() {
				if w := serve(h, "POST", "/api/v2/query?lang=gizmo", gizmoSpeakerTarget); w.Code != 200 || !strings.Contains(w.Body.String(), "Ghazanchetsots") {
					b.Fatalf("%d %s", w.Code, w.Body)
				}
			}
		})
	}
}

// serve runs one request through h.
func serve(h http.Handler, method, path, body string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(method, path, strings.NewReader(body)))
	return w
}
