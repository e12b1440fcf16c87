package api_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph"
)

// fuzzBody posts arbitrary bodies to path and checks that none is a 500,
// that every error has the one JSON shape, and that a refused body leaves
// the store as it was.
func fuzzBody(f *testing.F, path string, seeds ...string) {
	store, err := graph.Open(context.Background(), "memstore", "")
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { store.Close() })
	h := api.New(store, api.Options{MaxBodyBytes: 64 << 10})
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		before, err := store.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("POST", path, strings.NewReader(body)))
		if w.Code >= 500 {
			t.Fatalf("POST %s %q: %d %s", path, body, w.Code, w.Body)
		}
		if w.Code < 400 {
			forget(t, store, w.Body.Bytes())
			return
		}
		var e struct{ Error, Code string }
		if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error == "" || e.Code == "" {
			t.Fatalf("POST %s %q: %d with a body not in the error shape: %s", path, body, w.Code, w.Body)
		}
		if after, err := store.Stats(context.Background()); err != nil || after != before {
			t.Fatalf("POST %s %q: refused with %d but the store changed: %+v -> %+v (%v)", path, body, w.Code, before, after, err)
		}
	})
}

// forget deletes the article a successful post stored, so the store stays
// small and each run's Stats stays cheap.
func forget(t *testing.T, store *graph.Store, body []byte) {
	var r struct {
		Article  json.RawMessage `json:"article"`
		Articles []struct {
			ID      string
			Created bool
		} `json:"articles"` // POST /v1/articles/batch
	}
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatalf("a 2xx answer that is not JSON: %s", body)
	}
	if r.Articles != nil {
		for _, a := range r.Articles {
			if a.Created {
				if err := store.DeleteArticle(context.Background(), a.ID); err != nil {
					t.Fatalf("delete %s: %v", a.ID, err)
				}
			}
		}
		return
	}
	var ref string
	var art struct{ IRI string }
	if json.Unmarshal(r.Article, &art) == nil && art.IRI != "" {
		ref = art.IRI // POST /v1/articles answers the article
	} else if json.Unmarshal(r.Article, &ref) != nil {
		t.Fatalf("no article in %s", body) // POST /v1/claims answers the claim, naming its article
	}
	if err := store.DeleteArticle(context.Background(), ref); err != nil {
		t.Fatalf("delete %s: %v", ref, err)
	}
}

// FuzzArticles: go test ./api -run '^$' -fuzz FuzzArticles -fuzztime 5m
func FuzzArticles(f *testing.F) {
	fuzzBody(f, "/v1/articles",
		`{"text": "Armenia accused Azerbaijan of shelling the cathedral, officials said."}`,
		`{"text": "“We never target civilians,” Baku told AFP.", "outlet": "AFP", "published": "2020-10-09", "url": "https://example.org/a"}`,
		`{"text": "x", "published": "2020-13-45"}`, `{"text": ""}`, `{"text": 5}`, `[]`, `{`, `{"text": "a", "extra": 1}`)
}

// FuzzArticleBatch: go test ./api -run '^$' -fuzz FuzzArticleBatch -fuzztime 5m
func FuzzArticleBatch(f *testing.F) {
	fuzzBody(f, "/v1/articles/batch",
		`{"articles": [{"text": "Armenia accused Azerbaijan of shelling the cathedral, officials said."}, {"text": "“We never target civilians,” Baku told AFP.", "outlet": "AFP"}]}`,
		`{"articles": [{"text": "Iran denied it, the ministry said."}, {"text": "Iran denied it, the ministry said."}]}`,
		`{"articles": [{"text": "Iran denied it."}, {"text": ""}]}`, `{"articles": []}`, `{"articles": {}}`, `{"articles": [1]}`, `[]`)
}

// FuzzClaims: go test ./api -run '^$' -fuzz FuzzClaims -fuzztime 5m
func FuzzClaims(f *testing.F) {
	fuzzBody(f, "/v1/claims",
		`{"source": {"url": "https://example.org/s"}, "speaker": {"name": "Azerbaijan", "kind": "country"}, "speech_act": "deny", "content": {"text": "its forces shelled the cathedral"}, "targets": [{"name": "Armenia"}]}`,
		`{"source": {"url": "https://example.org/q"}, "speaker": {"name": "Armenia"}, "event": "shelling of Stepanakert", "content": {"text": "350 died"}, "quantities": [{"value": 350, "measure": "deaths"}]}`,
		`{"article": "0000000000000000", "speaker": {"name": "Iran"}, "content": {"text": "x", "start": 3, "end": 1}}`,
		`{"source": {"url": "ftp://x"}, "speaker": {}, "content": {}}`, `{"confidence": 2}`)
}
