package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

// boltServer is an API over a fresh bolt store in a temporary directory.
func boltServer(t testing.TB, opts api.Options) testServer {
	t.Helper()
	store, err := graph.Open(context.Background(), "bolt", filepath.Join(t.TempDir(), "copy.bolt"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.New(store, opts))
	t.Cleanup(func() {
		srv.Close()
		store.Close()
	})
	return testServer{srv, store}
}

// stocked is a memstore server holding the seed, 40 synthetic claims and
// a review with a correction.
func stocked(t *testing.T) (testServer, articleResp) {
	t.Helper()
	s := newServer(t, api.Options{})
	seed := postSeed(t, s)
	docs := fixtures.Corpus(7, 40)
	gd := make([]graph.Doc, len(docs))
	for i, d := range docs {
		gd[i] = graph.Doc{Article: d.Article, Claims: d.Claims}
	}
	if _, err := s.store.AddArticles(context.Background(), gd); err != nil {
		t.Fatal(err)
	}
	claim, _ := cathedral(seed.Claims)
	body := `{"status":"wrong","reason":"the ministry said it","correction":{"speaker":{"name":"Armenian defence ministry","kind":"government"}}}`
	if code, b := s.do(t, "POST", "/v1/claims/"+claim.ID+"/review", body); code != http.StatusCreated {
		t.Fatalf("review: %d %s", code, b)
	}
	return s, seed
}

func TestExportImportRoundTrip(t *testing.T) {
	src, seed := stocked(t)
	claim, _ := cathedral(seed.Claims)
	paths := []string{
		"/v1/claims?limit=1000", "/v1/claims/" + claim.ID, "/v1/claims/" + claim.ID + "?as=extracted",
		"/v1/articles/" + seed.Article.ID, "/v1/actors/Armenia", "/v1/actors/Armenian%20defence%20ministry",
		"/v1/relations?speaker=Azerbaijan", "/v1/search?q=shelling", "/v1/graph?focus=Armenia&depth=1&limit=100",
	}
	for _, format := range []string{"nquads", "jsonld"} {
		resp, dump := src.send(t, "GET", "/v1/export?format="+format, "", nil)
		if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), map[string]string{"nquads": "n-quads", "jsonld": "ld+json"}[format]) {
			t.Fatalf("export %s: %d %s", format, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		dst := boltServer(t, api.Options{})
		code, b := dst.do(t, "POST", "/v1/import?format="+format, dump)
		if code != http.StatusOK {
			t.Fatalf("import %s: %d %s", format, code, b)
		}
		for _, p := range append(paths, "/healthz") {
			_, want := src.send(t, "GET", p, "", nil)
			_, got := dst.send(t, "GET", p, "", nil)
			switch {
			case p == "/healthz":
				want, got = statsOf(t, want), statsOf(t, got)
			case strings.HasPrefix(p, "/v1/search"):
				want, got = hitSet(t, want), hitSet(t, got)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s: GET %s differs after the round trip (-memstore +bolt):\n%s", format, p, diff)
			}
		}
	}
}

// statsOf is the stats part of a /healthz answer: the backend differs.
func statsOf(t *testing.T, body string) string {
	var h struct{ Stats json.RawMessage }
	decode(t, []byte(body), &h)
	return string(h.Stats)
}

// hitSet is a search answer with its hits sorted: ties in relevance come
// in the text index's insertion order, which an import does not repeat.
func hitSet(t *testing.T, body string) string {
	var h graph.Hits
	decode(t, []byte(body), &h)
	slices.SortFunc(h.Claims, func(a, b schema.Claim) int { return strings.Compare(a.ID, b.ID) })
	return mustJSON(t, h)
}

func TestExportImportErrors(t *testing.T) {
	const token = "tok"
	s := newServer(t, api.Options{Token: token})
	good := `<urn:claimgraph:actor:x> <https://schema.org/name> "X" <urn:l> .` + "\n"
	for _, c := range []struct {
		method, path, body string
		code               int
		words              string
	}{
		{"GET", "/v1/export?format=csv", "", 400, "csv"},
		{"GET", "/v1/export?article=nope", "", 404, "nope"},
		{"GET", "/v1/export?limit=1", "", 400, "limit"},
		{"POST", "/v1/import?format=nquads", good + "<urn:a> <urn:b> \"open <urn:l> .\n", 400, "line 2"},
		{"POST", "/v1/import?format=jsonld", `{"@id": ["x"]}`, 400, "$.@id"},
		{"POST", "/v1/import?format=nquads", "  ", 400, "empty"},
	} {
		code, b := s.authed(t, c.method, c.path, c.body, token)
		if code != c.code || !strings.Contains(string(b), c.words) {
			t.Errorf("%s %s: %d %s, want %d mentioning %q", c.method, c.path, code, b, c.code, c.words)
		}
	}
	resp, b := s.send(t, "POST", "/v1/import", good, map[string]string{"Authorization": "Bearer " + token, "Content-Type": "text/plain"})
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(b, "format is required") {
		t.Errorf("import of text/plain without a format: %d %s", resp.StatusCode, b)
	}
	if code, b := s.do(t, "POST", "/v1/import?format=nquads", good); code != http.StatusUnauthorized {
		t.Errorf("import without the token: %d %s", code, b)
	}
	if code, b := s.authed(t, "POST", "/v1/import?format=nquads", good, token); code != http.StatusOK || !strings.Contains(string(b), `"quads":1`) {
		t.Errorf("import: %d %s", code, b)
	}
	if resp, body := s.send(t, "GET", "/v1/export", "", nil); resp.StatusCode != 200 || body != good {
		t.Errorf("export after import = %d %q, want %q", resp.StatusCode, body, good)
	}
}
