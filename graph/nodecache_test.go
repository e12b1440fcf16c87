package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/claimgraph/claimgraph/schema"
)

// TestNodeCacheWrites: what a later write says about a node already read
// (and cached) shows in the next read, and what a delete takes away goes.
func TestNodeCacheWrites(t *testing.T) {
	indexedBackends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		k := newCorpus(t)
		add(t, s, k.a1, k.claims1)
		before, err := s.Claim(ctx, k.c1.IRI)
		if err != nil {
			t.Fatal(err)
		}
		if slices.Contains(before.Speaker.Actors[0].Aliases, "Hayastan") {
			t.Fatalf("alias before it was written: %+v", before.Speaker.Actors[0])
		}
		// A new article names Armenia by one more alias.
		armenia := k.c1.Speaker.Actors[0]
		armenia.Aliases = append(armenia.Aliases, "Hayastan")
		a := schema.NewArticle("Hayastan said so.", "https://example.org/cache")
		c := newClaim(t, a, "Hayastan", []schema.Actor{armenia}, "said", "so", a.Text, schema.Assert)
		add(t, s, a, []schema.Claim{c})
		after, err := s.Claim(ctx, k.c1.IRI)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(after.Speaker.Actors[0].Aliases, "Hayastan") {
			t.Errorf("aliases after a write = %v, want Hayastan among them", after.Speaker.Actors[0].Aliases)
		}
		if err := s.DeleteArticle(ctx, a.IRI); err != nil {
			t.Fatal(err)
		}
		gone, err := s.Claim(ctx, k.c1.IRI)
		if err != nil {
			t.Fatal(err)
		}
		if slices.Contains(gone.Speaker.Actors[0].Aliases, "Hayastan") {
			t.Errorf("aliases after the delete = %v, want no Hayastan", gone.Speaker.Actors[0].Aliases)
		}
		if _, err := s.Claim(ctx, c.IRI); err == nil {
			t.Errorf("Claim(%s) after its article was deleted: no error", c.ID)
		}
	})
}

// TestMembersCacheWrites: a roll-up read before an affiliation is written
// shows the new member after.
func TestMembersCacheWrites(t *testing.T) {
	indexedBackends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		country := schema.NewActor("Ruritania", schema.KindCountry)
		minister := schema.NewActor("Rudolf Rassendyll", schema.KindPerson)
		a1 := schema.NewArticle("Ruritania said so.", "https://example.org/m1")
		add(t, s, a1, []schema.Claim{newClaim(t, a1, "Ruritania", []schema.Actor{country}, "said", "so", a1.Text, schema.Assert)})
		if p, err := s.Actor(ctx, country.IRI, true); err != nil || len(p.Members) != 0 {
			t.Fatalf("Actor before: %+v, %v; want no members", p.Members, err)
		}
		minister.Affiliation = country.IRI
		a2 := schema.NewArticle("Rudolf Rassendyll said so.", "https://example.org/m2")
		add(t, s, a2, []schema.Claim{newClaim(t, a2, "Rudolf Rassendyll", []schema.Actor{minister}, "said", "so", a2.Text, schema.Assert)})
		p, err := s.Actor(ctx, country.IRI, true)
		if err != nil || len(p.Members) != 1 || p.Members[0].IRI != minister.IRI || p.Said != 2 {
			t.Fatalf("Actor after: members %+v, said %d, %v; want the minister, 2", p.Members, p.Said, err)
		}
	})
}

// TestAncestorsCacheWrites: an actor's ancestors, kept from one write to
// the next, follow an affiliation that a later article adds, repeats or
// takes away again, and so do the roll-up counts the claim index keeps.
func TestAncestorsCacheWrites(t *testing.T) {
	indexedBackends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		country := schema.NewActor("Ruritania", schema.KindCountry)
		minister := schema.NewActor("Rudolf Rassendyll", schema.KindPerson)
		say := func(n int, who schema.Actor) schema.Article {
			a := schema.NewArticle(fmt.Sprintf("%s said so %d times.", who.Name, n), fmt.Sprintf("https://example.org/up%d", n))
			add(t, s, a, []schema.Claim{newClaim(t, a, who.Name, []schema.Actor{who}, "said", "so", a.Text, schema.Assert)})
			return a
		}
		said := func(want int, when string) {
			t.Helper()
			p, err := s.Actor(ctx, country.IRI, true)
			if err != nil || p.Said != want {
				t.Fatalf("%s: the country's roll-up said %d (%v), want %d", when, p.Said, err, want)
			}
		}
		say(1, country)
		say(2, minister) // its ancestors are read and kept: itself only
		said(1, "before the affiliation")
		affiliated := minister
		affiliated.Affiliation = country.IRI
		a3 := say(3, affiliated)
		said(3, "after an article gives the affiliation")
		a4 := say(4, affiliated)
		said(4, "after another article repeats it")
		if err := s.DeleteArticle(ctx, a3.IRI); err != nil {
			t.Fatal(err)
		}
		said(3, "after one of the two articles is deleted")
		if err := s.DeleteArticle(ctx, a4.IRI); err != nil {
			t.Fatal(err)
		}
		said(1, "after the last article with the affiliation is deleted")
	})
}

// TestKeyCacheWrites: a name resolved (and its lookup cached) before a write
// gives it to one more actor, or takes it away, resolves as written after.
func TestKeyCacheWrites(t *testing.T) {
	indexedBackends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		k := newCorpus(t)
		add(t, s, k.a1, k.claims1)
		total := func() int { // the number of claims by Hayastan; none when nothing is called so
			t.Helper()
			p, err := s.Claims(ctx, Filter{Speaker: "Hayastan"})
			if errors.Is(err, schema.ErrNotFound) {
				return 0
			}
			if err != nil {
				t.Fatal(err)
			}
			return p.Total
		}
		if n := total(); n != 0 {
			t.Fatalf("claims by Hayastan before the alias was written: %d, want 0", n)
		}
		armenia := k.c1.Speaker.Actors[0]
		armenia.Aliases = append(armenia.Aliases, "Hayastan")
		a := schema.NewArticle("Hayastan said so.", "https://example.org/keys")
		add(t, s, a, []schema.Claim{newClaim(t, a, "Hayastan", []schema.Actor{armenia}, "said", "so", a.Text, schema.Assert)})
		want, err := s.Claims(ctx, Filter{Speaker: armenia.IRI})
		if err != nil {
			t.Fatal(err)
		}
		if n := total(); n != want.Total || n < 2 {
			t.Errorf("claims by Hayastan after the alias was written: %d, want Armenia's %d", n, want.Total)
		}
		if err := s.DeleteArticle(ctx, a.IRI); err != nil {
			t.Fatal(err)
		}
		if n := total(); n != 0 {
			t.Errorf("claims by Hayastan after the article naming it was deleted: %d, want 0", n)
		}
	})
}

// TestGenerationCountsWrites: every kind of write moves the generation on,
// and reads do not.
func TestGenerationCountsWrites(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, "memstore", "")
	k := newCorpus(t)
	gen := func() uint64 {
		t.Helper()
		g, ok := s.Generation()
		if !ok {
			t.Fatal("Generation on memstore: not exact")
		}
		return g
	}
	last := gen()
	step := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if g := gen(); g == last {
			t.Errorf("generation after %s = %d, unchanged", what, g)
		} else {
			last = g
		}
	}
	_, _, err := s.AddArticle(ctx, k.a1, k.claims1)
	step("AddArticle", err)
	_, err = s.AddArticles(ctx, []Doc{{Article: k.a2, Claims: k.claims2}})
	step("AddArticles", err)
	if _, err := s.Claims(ctx, Filter{Speaker: "Armenia"}); err != nil {
		t.Fatal(err)
	}
	if g := gen(); g != last {
		t.Errorf("generation after a read = %d, want %d", g, last)
	}
	_, _, err = s.Review(ctx, k.c1.IRI, schema.Review{Status: schema.Verified, Reason: "checked", Reviewer: "token:test",
		Date: at(t, "2020-10-10T10:00:00Z")})
	step("Review", err)
	step("DeleteArticle", s.DeleteArticle(ctx, k.a2.IRI))
}
