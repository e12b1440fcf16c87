package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

// listCase is a claim list URL and the filter it stands for.
type listCase struct {
	path string
	f    graph.Filter
}

// TestClaimListsAsEncodingJSON: the claim lists the handler writes from
// what it keeps between requests (whole answers, each claim's JSON) are,
// byte for byte, what encoding/json writes for the page the store answers
// at that moment: on the seed and a synthetic corpus, after every kind of
// write (an article posted, a bulk load, a review, a merge and its undoing,
// an import of each kind, a Cayley REST write, a deletion), with the answers
// read before each write so that anything kept from before it would show.
func TestClaimListsAsEncodingJSON(t *testing.T) {
	for _, backend := range []string{"memstore", "bolt"} {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			store, err := graph.Open(ctx, backend, filepath.Join(t.TempDir(), "lists.bolt"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { store.Close() })
			opts := api.Options{Cayley: graph.QueryOptions{Writes: true}}
			kept := httptest.NewServer(api.New(store, opts))
			t.Cleanup(kept.Close)
			opts.AnswerCache = -1
			claimsOnly := httptest.NewServer(api.New(store, opts))
			t.Cleanup(claimsOnly.Close)
			servers := []*httptest.Server{kept, claimsOnly}

			seedURL := "https://news.example.com/2020/10/09/moscow-truce-talks" // what the ClaimReview fixture names
			var seed articleResp
			decode(t, mustSend(t, kept, "POST", "/v1/articles", mustJSON(t, map[string]string{
				"text": fixtures.SeedArticle, "url": seedURL, "outlet": "AFP", "published": "2020-10-09"}), http.StatusCreated), &seed)
			docs := fixtures.Corpus(11, 150)
			if _, err := store.AddArticles(ctx, graphDocs(docs[:len(docs)-3])); err != nil {
				t.Fatal(err)
			}
			cases := listCases(seed, docs)
			check := func(step string) {
				t.Helper()
				for _, c := range cases {
					want, werr := store.Claims(ctx, c.f)
					wantBody, err := json.Marshal(want)
					if err != nil {
						t.Fatal(err)
					}
					for i, srv := range servers {
						for try := range 2 { // the second answer comes from what the first kept
							code, got := fetch(t, srv, c.path)
							switch {
							case werr != nil && code == http.StatusOK:
								t.Errorf("%s: server %d, try %d: GET %s = 200, want an error as the store gives (%v)", step, i, try, c.path, werr)
							case werr == nil && (code != http.StatusOK || !bytes.Equal(got, wantBody)):
								t.Errorf("%s: server %d, try %d: GET %s = %d\n%s\nwant encoding/json's\n%s", step, i, try, c.path, code, got, wantBody)
							}
						}
					}
				}
			}
			check("seed and corpus")
			writes := seedWrites(t, store, kept, seed, docs)
			for _, w := range writes {
				w.do()
				check("after " + w.name)
			}
		})
	}
}

// write is one step of TestClaimListsAsEncodingJSON.
type write struct {
	name string
	do   func()
}

// seedWrites are the writes TestClaimListsAsEncodingJSON makes, in order.
func seedWrites(t *testing.T, store *graph.Store, srv *httptest.Server, seed articleResp, docs []fixtures.Doc) []write {
	ctx := context.Background()
	cathedralClaim, _ := cathedral(seed.Claims)
	var dump string
	return []write{
		{"a posted article", func() {
			mustSend(t, srv, "POST", "/v1/articles", mustJSON(t, map[string]string{
				"text": "Armenia said the ceasefire was holding. Azerbaijan denied that the ceasefire was holding.", "outlet": "AFP"}), http.StatusCreated)
		}},
		{"a bulk load", func() {
			if _, err := store.AddArticles(ctx, graphDocs(docs[len(docs)-3:len(docs)-1])); err != nil {
				t.Fatal(err)
			}
		}},
		{"a review", func() {
			mustSend(t, srv, "POST", "/v1/claims/"+cathedralClaim.ID+"/review",
				`{"status":"wrong","reason":"the ministry said it","correction":{"speaker":{"name":"Armenian defence ministry","kind":"government"}}}`, http.StatusCreated)
		}},
		{"a merge", func() {
			mustSend(t, srv, "POST", "/v1/actors/Vladimir%20Putin/merge", `{"into": "Presidency of Russia"}`, http.StatusOK)
		}},
		{"an unmerge", func() { mustSend(t, srv, "DELETE", "/v1/actors/Vladimir%20Putin/merge", "", http.StatusOK) }},
		{"a ClaimReview import", func() {
			fixture, err := os.ReadFile("../fixtures/claimreview.json")
			if err != nil {
				t.Fatal(err)
			}
			mustSend(t, srv, "POST", "/v1/import/claimreview", string(fixture), http.StatusOK)
		}},
		{"a Cayley REST write", func() { // Armenia gets an alias, written past the store's own writes
			quads := fmt.Sprintf("<%s> <%s> \"Hayastan\" .\n<%s> <%s> \"hayastan\" .\n",
				schema.IRI(schema.KindActorNode, "armenia"), schema.PredAlias, schema.IRI(schema.KindActorNode, "armenia"), schema.PredKey)
			mustSend(t, srv, "POST", "/api/v2/write", quads, http.StatusOK)
		}},
		{"a deleted article", func() { mustSend(t, srv, "DELETE", "/v1/articles/"+seed.Article.ID, "", http.StatusNoContent) }},
		{"an import", func() {
			other, err := graph.Open(ctx, "memstore", "")
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			if _, err := other.AddArticles(ctx, graphDocs(docs[len(docs)-1:])); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			if err := other.Export(ctx, &b, "nquads", ""); err != nil {
				t.Fatal(err)
			}
			dump = b.String()
			mustSend(t, srv, "POST", "/v1/import?format=nquads", dump, http.StatusOK)
		}},
	}
}

// listCases are the claim lists checked: every index key kind, the plain
// path (speech act, text, dates), paging, and the claim lists of the actor
// and article routes, on the seed and on claims of the corpus.
func listCases(seed articleResp, docs []fixtures.Doc) []listCase {
	cases := []listCase{
		{"/v1/claims?speaker=armenia", graph.Filter{Speaker: "armenia"}},
		{"/v1/claims?speaker=Azerbaijan&limit=3&offset=1", graph.Filter{Speaker: "Azerbaijan", Limit: 3, Offset: 1}},
		{"/v1/claims?speaker=hayastan", graph.Filter{Speaker: "hayastan"}},
		{"/v1/claims?target=armenia", graph.Filter{Target: "armenia"}},
		{"/v1/claims?speaker=Azerbaijan&target=armenia", graph.Filter{Speaker: "Azerbaijan", Target: "armenia"}},
		{"/v1/claims?speaker=Russia&rollup=true", graph.Filter{Speaker: "Russia", Rollup: true}},
		{"/v1/claims?speaker=Presidency%20of%20Russia", graph.Filter{Speaker: "Presidency of Russia"}},
		{"/v1/claims?outlet=AFP", graph.Filter{Outlet: "AFP"}},
		{"/v1/claims?article=" + seed.Article.ID, graph.Filter{Article: seed.Article.ID}},
		{"/v1/claims?act=deny", graph.Filter{SpeechAct: schema.Deny}},
		{"/v1/claims?q=ceasefire", graph.Filter{Text: "ceasefire"}},
		{"/v1/claims?from=2020-01-01&to=2020-12-31&limit=20", graph.Filter{From: day("2020-01-01"), To: day("2021-01-01"), Limit: 20}},
		{"/v1/claims?limit=200", graph.Filter{Limit: 200}},
		{"/v1/actors/armenia/claims?role=target", graph.Filter{Target: "armenia"}},
		{"/v1/articles/" + seed.Article.ID + "/claims", graph.Filter{Article: seed.Article.ID}},
	}
	for _, d := range []fixtures.Doc{docs[0], docs[len(docs)/2], docs[len(docs)-1]} {
		c := d.Claims[0]
		speaker := c.Speaker.Actors[0]
		cases = append(cases,
			listCase{"/v1/claims?speaker=" + url.QueryEscape(speaker.Name), graph.Filter{Speaker: speaker.Name}},
			listCase{"/v1/claims?speaker=" + speaker.ID + "&rollup=true", graph.Filter{Speaker: speaker.ID, Rollup: true}},
			listCase{"/v1/claims?article=" + d.Article.ID + "&limit=2", graph.Filter{Article: d.Article.ID, Limit: 2}})
		if len(c.Targets) > 0 {
			cases = append(cases, listCase{"/v1/claims?speaker=" + speaker.ID + "&target=" + c.Targets[0].ID,
				graph.Filter{Speaker: speaker.ID, Target: c.Targets[0].ID}})
		}
		if c.Event != nil {
			cases = append(cases, listCase{"/v1/claims?event=" + url.QueryEscape(c.Event.IRI), graph.Filter{Event: c.Event.IRI}})
		}
		if d.Article.Outlet != nil {
			cases = append(cases, listCase{"/v1/claims?outlet=" + url.QueryEscape(d.Article.Outlet.Name), graph.Filter{Outlet: d.Article.Outlet.Name}})
		}
	}
	return cases
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func graphDocs(docs []fixtures.Doc) []graph.Doc {
	out := make([]graph.Doc, len(docs))
	for i, d := range docs {
		out[i] = graph.Doc{Article: d.Article, Claims: d.Claims}
	}
	return out
}

// fetch sends a GET and returns the status and the body (see send).
func fetch(t *testing.T, srv *httptest.Server, path string) (int, []byte) {
	t.Helper()
	resp, b := testServer{Server: srv}.send(t, "GET", path, "", nil)
	return resp.StatusCode, []byte(b)
}

// mustSend sends a write (see send) and fails the test unless it is
// answered with want. Imports name their format otherwise than by a JSON
// content type.
func mustSend(t *testing.T, srv *httptest.Server, method, path, body string, want int) []byte {
	t.Helper()
	var header map[string]string
	if strings.HasPrefix(path, "/v1/import") {
		header = map[string]string{"Content-Type": ""}
	}
	resp, b := testServer{Server: srv}.send(t, method, path, body, header)
	if resp.StatusCode != want {
		t.Fatalf("%s %s: %d %s, want %d", method, path, resp.StatusCode, b, want)
	}
	return []byte(b)
}

// TestClaimListETag: a claim list carries an ETag; asked again with it, the
// server answers 304 without a body until a write, and 200 with another
// tag after it. Another server on the same kind of store does not take the
// first one's tags.
func TestClaimListETag(t *testing.T) {
	s := newServer(t, api.Options{})
	seed := postSeed(t, s)
	const path = "/v1/claims?speaker=armenia"
	resp, body := s.send(t, "GET", path, "", nil)
	tag := resp.Header.Get("ETag")
	if resp.StatusCode != http.StatusOK || tag == "" || !strings.HasPrefix(tag, `"`) {
		t.Fatalf("GET %s: %d, ETag %q; want 200 with a tag", path, resp.StatusCode, tag)
	}
	for _, inm := range []string{tag, "W/" + tag, `"other", ` + tag} {
		resp, b := s.send(t, "GET", path, "", map[string]string{"If-None-Match": inm})
		if resp.StatusCode != http.StatusNotModified || b != "" || resp.Header.Get("ETag") != tag {
			t.Errorf("If-None-Match %s: %d %q, ETag %q; want 304, no body, the same tag", inm, resp.StatusCode, b, resp.Header.Get("ETag"))
		}
	}
	for _, inm := range []string{`"other"`, "*"} {
		if resp, _ := s.send(t, "GET", path, "", map[string]string{"If-None-Match": inm}); resp.StatusCode != http.StatusOK {
			t.Errorf("If-None-Match %s: %d, want 200", inm, resp.StatusCode)
		}
	}
	claim, _ := cathedral(seed.Claims)
	if code, b := s.do(t, "POST", "/v1/claims/"+claim.ID+"/review", `{"status":"verified","reason":"seen"}`); code != http.StatusCreated {
		t.Fatalf("review: %d %s", code, b)
	}
	resp, after := s.send(t, "GET", path, "", map[string]string{"If-None-Match": tag})
	if resp.StatusCode != http.StatusOK || resp.Header.Get("ETag") == tag || after == body {
		t.Errorf("after a write, If-None-Match of the old tag: %d, ETag %q (old %q), body changed %v; want 200, a new tag, the new body",
			resp.StatusCode, resp.Header.Get("ETag"), tag, after != body)
	}
	other := newServer(t, api.Options{})
	postSeed(t, other)
	if resp, _ := other.send(t, "GET", path, "", map[string]string{"If-None-Match": tag}); resp.StatusCode != http.StatusOK {
		t.Errorf("another server given the first one's tag: %d, want 200", resp.StatusCode)
	}
}
