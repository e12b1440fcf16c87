package graph

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/fixtures/pgtest"
	"github.com/claimgraph/claimgraph/schema"
)

// eachBackend runs f on a new, empty store of every backend: memstore, bolt,
// and PostgreSQL when it is reachable.
func eachBackend(t *testing.T, f func(t *testing.T, s *Store)) {
	t.Run("memstore", func(t *testing.T) { f(t, openAt(t, "memstore", "")) })
	t.Run("bolt", func(t *testing.T) { f(t, openAt(t, "bolt", filepath.Join(t.TempDir(), "claims.bolt"))) })
	t.Run("postgres", func(t *testing.T) { f(t, openAt(t, "postgres", pgtest.New(t))) })
}

// indexedBackends runs f on a new, empty store of every backend that keeps
// a claim index and a node cache: memstore and bolt.
func indexedBackends(t *testing.T, f func(t *testing.T, s *Store)) {
	t.Run("memstore", func(t *testing.T) { f(t, openAt(t, "memstore", "")) })
	t.Run("bolt", func(t *testing.T) { f(t, openAt(t, "bolt", filepath.Join(t.TempDir(), "claims.bolt"))) })
}

func TestReview(t *testing.T) { eachBackend(t, testReview) }

func testReview(t *testing.T, s *Store) {
	ctx := context.Background()
	k := newCorpus(t)
	add(t, s, k.a1, k.claims1)
	army := schema.NewActor("Azerbaijani army", schema.KindOrganization)
	first := schema.Review{Status: schema.Disputed, Reason: "the army, not the state", Reviewer: "token:test",
		Date:       at(t, "2020-10-10T10:00:00Z"),
		Correction: &schema.Correction{Targets: []schema.Actor{army}, SetTargets: true}}
	got, rev, err := s.Review(ctx, k.c1.ID, first)
	if err != nil {
		t.Fatalf("Review: %v", err)
	}
	if rev.Claim != k.c1.IRI || rev.ID == "" {
		t.Errorf("review = %+v, want it filled in for %s", rev, k.c1.IRI)
	}
	want := asStored(k.c1)
	want.Targets, want.Review = []schema.Actor{army}, schema.Disputed
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reviewed claim (-want +got):\n%s", diff)
	}
	if p, err := s.Claims(ctx, Filter{Target: "Azerbaijani army"}); err != nil || len(p.Claims) != 1 {
		t.Errorf("claims about the army = %v, %v; want the corrected claim", ids(p.Claims), err)
	}
	if p, err := s.Claims(ctx, Filter{Target: "Azerbaijan"}); err != nil || len(p.Claims) != 0 {
		t.Errorf("claims about Azerbaijan = %v, %v; want none after the correction", ids(p.Claims), err)
	}

	// A second review corrects the content; the first correction stays.
	content := span(t, text1, "shelling the Ghazanchetsots Cathedral")
	second := schema.Review{Status: schema.Verified, Reason: "narrower content", Reviewer: "token:test",
		Date: at(t, "2020-10-11T10:00:00Z"), Correction: &schema.Correction{Content: &content}}
	if _, _, err := s.Review(ctx, k.c1.IRI, second); err != nil {
		t.Fatalf("second Review: %v", err)
	}
	want.Content, want.Review = content, schema.Verified
	checkReviewed(t, s, k.c1.ID, want, 2)

	// A third review removes the targets; the extracted view still has them.
	third := schema.Review{Status: schema.Verified, Reason: "no target", Reviewer: "token:test",
		Date: at(t, "2020-10-11T12:00:00Z"), Correction: &schema.Correction{SetTargets: true}}
	if got, _, err := s.Review(ctx, k.c1.IRI, third); err != nil || len(got.Targets) != 0 {
		t.Fatalf("third Review: targets %v, %v; want none", got.Targets, err)
	}
	if orig, err := s.ReviewedClaim(ctx, k.c1.ID, true); err != nil || len(orig.Targets) != 1 || orig.Targets[0].Name != "Azerbaijan" {
		t.Errorf("extracted targets after they were removed: %+v, %v", orig.Targets, err)
	}
	second.Date = at(t, "2020-10-11T13:00:00Z")
	second.Correction = &schema.Correction{Targets: []schema.Actor{army}, SetTargets: true}
	if _, _, err := s.Review(ctx, k.c1.IRI, second); err != nil {
		t.Fatal(err)
	}

	// Bad reviews change nothing.
	before := stats(t, s)
	bad := second
	bad.Date = at(t, "2020-10-12T10:00:00Z")
	bad.Correction = &schema.Correction{Content: &schema.Span{Start: 0, End: 7, Text: "Not the text"}}
	_, _, err = s.Review(ctx, k.c1.ID, bad)
	wantErr(t, err, schema.ErrInvalid, "content")
	bad.Correction, bad.Status = nil, "maybe"
	_, _, err = s.Review(ctx, k.c1.ID, bad)
	wantErr(t, err, schema.ErrInvalid, "maybe")
	_, _, err = s.Review(ctx, "nope", second)
	wantErr(t, err, schema.ErrNotFound, "nope")
	if after := stats(t, s); after != before {
		t.Errorf("stats after bad reviews = %+v, want %+v", after, before)
	}

	// Delete the article and add it again: the reviews come back on top.
	if err := s.DeleteArticle(ctx, k.a1.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Claim(ctx, k.c1.ID); err == nil {
		t.Fatal("claim still readable after its article was deleted")
	}
	if p, err := s.Claims(ctx, Filter{Target: "Azerbaijani army"}); err != nil || p.Total != 0 {
		t.Errorf("claims about the army with the article deleted = %v, %v; want none", ids(p.Claims), err)
	}
	add(t, s, k.a1, k.claims1)
	checkReviewed(t, s, k.c1.ID, want, 4)
	if got, err := s.Claim(ctx, k.c2.ID); err != nil || got.Review != schema.Verified {
		t.Errorf("unreviewed claim after re-ingest: %+v, %v", got, err)
	}

	// The same through a bulk load.
	if err := s.DeleteArticle(ctx, k.a1.ID); err != nil {
		t.Fatal(err)
	}
	if added, err := s.AddArticles(ctx, []Doc{{Article: k.a1, Claims: k.claims1}}); err != nil || len(added) != 1 || !added[0].Created {
		t.Fatalf("AddArticles after delete: %v, %v", added, err)
	}
	checkReviewed(t, s, k.c1.ID, want, 4)
}

// checkReviewed checks the claim as corrected, as extracted, and its reviews.
func checkReviewed(t *testing.T, s *Store, id string, want schema.Claim, reviews int) {
	t.Helper()
	ctx := context.Background()
	got, err := s.ReviewedClaim(ctx, id, false)
	if err != nil {
		t.Fatalf("ReviewedClaim: %v", err)
	}
	if diff := cmp.Diff(want, got.Claim); diff != "" {
		t.Errorf("corrected claim (-want +got):\n%s", diff)
	}
	if len(got.Reviews) != reviews {
		t.Fatalf("%d reviews, want %d: %+v", len(got.Reviews), reviews, got.Reviews)
	}
	if c := got.Reviews[0].Correction; c == nil || !c.SetTargets || len(c.Targets) != 1 {
		t.Errorf("first review's correction = %+v, want the army as target", c)
	}
	orig, err := s.ReviewedClaim(ctx, id, true)
	if err != nil {
		t.Fatalf("ReviewedClaim(extracted): %v", err)
	}
	k := newCorpus(t)
	if diff := cmp.Diff(asStored(k.c1), orig.Claim); diff != "" {
		t.Errorf("extracted claim (-want +got):\n%s", diff)
	}
	if plain, err := s.Claim(ctx, id); err != nil || !cmp.Equal(want, plain) {
		t.Errorf("Claim = %+v, %v; want the corrected claim", plain, err)
	}
}
