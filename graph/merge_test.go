package graph

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/schema"
)

func TestMerge(t *testing.T) { eachBackend(t, testMerge) }

func testMerge(t *testing.T, s *Store) {
	ctx := context.Background()
	k := newCorpus(t)
	add(t, s, k.a1, k.claims1)
	add(t, s, k.a2, k.claims2)
	stub := schema.NewArticle("", "https://example.org/statement")
	dup := schema.Claim{Article: stub.IRI, Speaker: schema.Speaker{Actors: []schema.Actor{schema.NewActor("Republic of Armenia", schema.KindCountry)}},
		Content: schema.Span{Text: "Talks will resume."}, SpeechAct: schema.Announce, Extractor: "manual", Confidence: 1, Review: schema.Unreviewed}
	dup.SetID()
	if _, err := s.AddClaim(ctx, dup, &stub); err != nil {
		t.Fatal(err)
	}
	before := sortedLines(dump(t, s, FormatNQuads, ""))
	said := func(ref string) int {
		t.Helper()
		p, err := s.Actor(ctx, ref, false)
		if err != nil {
			t.Fatalf("Actor(%s): %v", ref, err)
		}
		return p.Said
	}
	armenia := said("Armenia")

	p, err := s.Merge(ctx, "Republic of Armenia", "Armenia")
	if err != nil {
		t.Fatalf("Merge: %v", err)
	}
	if p.Said != armenia+1 || !slices.Contains(p.Actor.Aliases, "Republic of Armenia") {
		t.Errorf("Armenia after the merge: said %d (want %d), aliases %v", p.Said, armenia+1, p.Actor.Aliases)
	}
	if c, err := s.Claim(ctx, dup.ID); err != nil || c.Speaker.Actors[0].Name != "Armenia" {
		t.Errorf("moved claim = %+v, %v; want Armenia as the speaker", c.Speaker.Actors, err)
	}
	if page, err := s.Claims(ctx, Filter{Speaker: "republic of armenia"}); err != nil || page.Total != armenia+1 {
		t.Errorf("claims by the merged name = %d, %v; want %d", page.Total, err, armenia+1)
	}
	_, err = s.Merge(ctx, "Republic of Armenia", "Russia")
	wantErr(t, err, schema.ErrConflict, "already merged")
	_, err = s.Merge(ctx, "Russia", "Russia")
	wantErr(t, err, schema.ErrInvalid)
	_, err = s.Merge(ctx, "Atlantis", "Russia")
	wantErr(t, err, schema.ErrNotFound, "Atlantis")
	_, err = s.Unmerge(ctx, "Russia")
	wantErr(t, err, schema.ErrConflict, "not merged")

	// A merge of an article's actor outlives the article's deletion.
	if _, err := s.Merge(ctx, "Leyla Abdullayeva", "Azerbaijan"); err != nil {
		t.Fatal(err)
	}
	one := openAt(t, "memstore", "")
	load(t, one, FormatNQuads, dump(t, s, FormatNQuads, k.a1.ID))
	if c, err := one.Claim(ctx, k.c2.ID); err != nil || len(c.Speaker.Actors) != 1 || c.Speaker.Actors[0].Name != "Azerbaijan" {
		t.Errorf("claim of the merged actor in its article's dump: %+v, %v", c.Speaker.Actors, err)
	}
	if err := s.DeleteArticle(ctx, k.a1.ID); err != nil {
		t.Fatal(err)
	}
	if page, err := s.Claims(ctx, Filter{Speaker: "Azerbaijan"}); err != nil || page.Total != 0 {
		t.Errorf("claims by Azerbaijan with the article deleted = %v, %v; want none", ids(page.Claims), err)
	}
	add(t, s, k.a1, k.claims1)
	if c, err := s.Claim(ctx, k.c2.ID); err != nil || len(c.Speaker.Actors) != 1 || c.Speaker.Actors[0].Name != "Azerbaijan" {
		t.Errorf("claim of the merged actor after re-ingest: %+v, %v", c.Speaker.Actors, err)
	}

	// Undone, both merges leave the graph as it was.
	for _, ref := range []string{"Leyla Abdullayeva", dup.Speaker.Actors[0].IRI} {
		if _, err := s.Unmerge(ctx, ref); err != nil {
			t.Fatalf("Unmerge(%s): %v", ref, err)
		}
	}
	if diff := cmp.Diff(before, sortedLines(dump(t, s, FormatNQuads, ""))); diff != "" {
		t.Errorf("graph after merge and unmerge (-before +after):\n%s", diff)
	}
	if got := said("Armenia"); got != armenia {
		t.Errorf("Armenia said %d after unmerge, want %d", got, armenia)
	}
}
