package graph

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// TestClaimIndexRESTWrites: quads written and deleted through Cayley's REST
// API (which bypass the store's writes) show in indexed answers as in plain
// ones: a claim given another target, an actor given an affiliation.
func TestClaimIndexRESTWrites(t *testing.T) {
	indexedBackends(t, func(t *testing.T, s *Store) {
		k := newCorpus(t)
		add(t, s, k.a1, k.claims1)
		add(t, s, k.a2, k.claims2)
		h := s.QueryHandler(QueryOptions{Writes: true})
		russia := k.c3.Targets[0]
		armenia := k.c1.Speaker.Actors[0]
		nq := fmt.Sprintf("<%s> <%s> <%s> <%s> .\n<%s> <%s> <%s> <%s> .\n",
			k.c1.IRI, schema.PredTarget, russia.IRI, k.a1.IRI,
			armenia.IRI, schema.PredAffil, russia.IRI, k.a1.IRI)
		filters := []Filter{
			{Target: russia.IRI, Limit: 50}, {Speaker: armenia.IRI, Target: russia.IRI, Limit: 50},
			{Speaker: russia.IRI, Rollup: true, Limit: 50}, {Target: russia.IRI, Rollup: true, Limit: 50},
		}
		for _, path := range []string{"/api/v2/write", "/api/v2/delete"} {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest("POST", path, strings.NewReader(nq)))
			if w.Code != http.StatusOK {
				t.Fatalf("%s: %d %s", path, w.Code, w.Body)
			}
			checkIndex(t, s, filters, path)
			got, err := s.Claims(context.Background(), filters[0])
			if err != nil {
				t.Fatal(err)
			}
			has := slices.ContainsFunc(got.Claims, func(c schema.Claim) bool { return c.IRI == k.c1.IRI })
			if has != (path == "/api/v2/write") {
				t.Errorf("after %s, claims about Russia = %d, c1 among them: %v", path, got.Total, has)
			}
		}
	})
}

// TestApplyIndexed: a correction written through applyIndexed (a claim's
// target replaced) moves the claim in the index as in the plain path.
func TestApplyIndexed(t *testing.T) {
	indexedBackends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		k := newCorpus(t)
		add(t, s, k.a1, k.claims1)
		add(t, s, k.a2, k.claims2)
		from, to := k.c1.Targets[0], k.c3.Targets[0]
		q := func(target string) quad.Quad {
			return quad.Quad{Subject: quad.IRI(k.c1.IRI), Predicate: quad.IRI(schema.PredTarget), Object: quad.IRI(target), Label: quad.IRI(k.a1.IRI)}
		}
		s.mu.Lock()
		err := s.applyIndexed([]cgraph.Delta{{Quad: q(from.IRI), Action: cgraph.Delete}, {Quad: q(to.IRI), Action: cgraph.Add}})
		s.mu.Unlock()
		if err != nil {
			t.Fatal(err)
		}
		filters := []Filter{{Target: from.IRI, Limit: 50}, {Target: to.IRI, Limit: 50}, {Speaker: k.c1.Speaker.Actors[0].IRI, Target: to.IRI, Limit: 50}}
		checkIndex(t, s, filters, "corrected")
		got, err := s.Claims(ctx, filters[1])
		if err != nil || !slices.ContainsFunc(got.Claims, func(c schema.Claim) bool { return c.IRI == k.c1.IRI }) {
			t.Errorf("claims about %s after the correction: %+v, %v; want c1 among them", to.Name, got, err)
		}
	})
}

// TestClaimDocsRESTWrites: a REST write to a field of a claim that the
// index does not list (its content) shows in the claim read next: the doc
// kept of the claim on bolt is dropped before the quads change.
func TestClaimDocsRESTWrites(t *testing.T) {
	indexedBackends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		k := newCorpus(t)
		add(t, s, k.a1, k.claims1)
		before, err := s.Claim(ctx, k.c1.IRI)
		if err != nil {
			t.Fatal(err)
		}
		h := s.QueryHandler(QueryOptions{Writes: true})
		content := func(text string) string {
			return quad.Make(quad.IRI(k.c1.IRI), quad.IRI(schema.PredContent), quad.String(text), quad.IRI(k.a1.IRI)).NQuad() + "\n"
		}
		for _, w := range []struct{ path, nq, want string }{
			{"/api/v2/delete", content(before.Content.Text), ""},
			{"/api/v2/write", content("a content written through Cayley"), "a content written through Cayley"},
		} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("POST", w.path, strings.NewReader(w.nq)))
			if rec.Code != http.StatusOK {
				t.Fatalf("%s: %d %s", w.path, rec.Code, rec.Body)
			}
			got, err := s.Claim(ctx, k.c1.IRI)
			if err != nil {
				t.Fatal(err)
			}
			if got.Content.Text != w.want {
				t.Errorf("after %s, the claim's content is %q, want %q", w.path, got.Content.Text, w.want)
			}
		}
	})
}

// TestSharedDocsAfterWrites: an actor read before a write that changes it
// gets no doc of what it was, and one written after a read shows the write;
// an actor given a doc and then changed is read as changed.
func TestSharedDocsAfterWrites(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, "bolt", t.TempDir()+"/docs.bolt")
	k := newCorpus(t)
	add(t, s, k.a1, k.claims1)
	armenia := k.c1.Speaker.Actors[0]
	h := s.QueryHandler(QueryOptions{Writes: true})
	alias := func(name string) {
		t.Helper()
		nq := quad.Make(quad.IRI(armenia.IRI), quad.IRI(schema.PredAlias), quad.String(name), quad.IRI(k.a1.IRI)).NQuad() + "\n"
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("POST", "/api/v2/write", strings.NewReader(nq)))
		if rec.Code != http.StatusOK {
			t.Fatalf("write: %d %s", rec.Code, rec.Body)
		}
	}
	aliases := func(when string, want ...string) {
		t.Helper()
		if err := s.flushDocs(); err != nil {
			t.Fatal(err)
		}
		s.qs.cache.clear()
		c, err := s.Claim(ctx, k.c1.IRI)
		if err != nil {
			t.Fatal(err)
		}
		got := c.Speaker.Actors[0].Aliases
		for _, a := range want {
			if !slices.Contains(got, a) {
				t.Errorf("%s: %s's aliases %q lack %q", when, armenia.Name, got, a)
			}
		}
		if err := s.flushDocs(); err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := s.qs.cix.sharedDoc(armenia.IRI, schema.KindActorNode); !ok {
			t.Errorf("%s: %s has no doc after it was read and no write came", when, armenia.Name)
		}
	}
	if _, err := s.Claim(ctx, k.c1.IRI); err != nil { // asks for the actor's doc
		t.Fatal(err)
	}
	alias("Hayastan") // comes before the doc is written: it must not be
	aliases("read before the write", "Hayastan")
	aliases("doc written", "Hayastan")
	alias("Armenian Republic") // drops the doc
	aliases("changed after its doc", "Hayastan", "Armenian Republic")
}

// TestAffiliationDocsAfterWrites: an affiliation written or deleted through
// Cayley drops the parents doc of its member and the members doc of its
// body, so that both read as changed, and no other.
func TestAffiliationDocsAfterWrites(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, "bolt", t.TempDir()+"/affil.bolt")
	k := newCorpus(t)
	add(t, s, k.a1, k.claims1)
	leyla, armenia, azerbaijan := k.c2.Speaker.Actors[0].IRI, k.c1.Speaker.Actors[0].IRI, k.c1.Targets[0].IRI
	h := s.QueryHandler(QueryOptions{Writes: true})
	nq := quad.Make(quad.IRI(leyla), quad.IRI(schema.PredAffil), quad.IRI(armenia), quad.IRI(k.a1.IRI)).NQuad() + "\n"
	write := func(path string) {
		t.Helper()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("POST", path, strings.NewReader(nq)))
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", path, rec.Code, rec.Body)
		}
	}
	// check reads the affiliations twice, the second time from the docs
	// the first asked for, and wants them as given; the first read finds a
	// doc unless the last write dropped it.
	check := func(when string, leylaOf, armeniaHas, azerbaijanHas []string, azerbaijanDropped bool) {
		t.Helper()
		for pass, from := range []string{"the quads", "the docs"} {
			for _, c := range []struct {
				iri, kind string
				want      []string
				dropped   bool
			}{{leyla, docParents, leylaOf, true}, {armenia, docMembers, armeniaHas, true},
				{azerbaijan, docMembers, azerbaijanHas, azerbaijanDropped}} {
				_, docked, err := s.qs.cix.sharedDoc(c.iri, c.kind)
				if err != nil {
					t.Fatal(err)
				}
				if want := pass == 1 || !c.dropped; docked != want {
					t.Errorf("%s, pass %d: %s has a %q doc: %v, want %v", when, pass, c.iri, c.kind, docked, want)
				}
				got, err := newReader(s.qs).affiliated(ctx, c.iri, c.kind)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, c.want) {
					t.Errorf("%s, read from %s: %q of %s are %q, want %q", when, from, c.kind, c.iri, got, c.want)
				}
			}
			if err := s.flushDocs(); err != nil {
				t.Fatal(err)
			}
		}
	}
	check("as added", []string{azerbaijan}, nil, []string{leyla}, true)
	write("/api/v2/write")
	check("after a second affiliation", []string{armenia, azerbaijan}, []string{leyla}, []string{leyla}, false)
	write("/api/v2/delete")
	check("after its delete", []string{azerbaijan}, nil, []string{leyla}, false)
}
