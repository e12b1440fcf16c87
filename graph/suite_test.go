package graph

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/schema"
)

// testStore is the conformance suite every backend runs. open returns a new,
// empty store, closed at the end of the test.
func testStore(t *testing.T, open func(t testing.TB) *Store) {
	t.Run("RoundTrip", func(t *testing.T) { testRoundTrip(t, open(t)) })
	t.Run("Idempotent", func(t *testing.T) { testIdempotent(t, open(t)) })
	t.Run("Concurrent", func(t *testing.T) { testConcurrent(t, open(t)) })
	t.Run("GroupCommit", func(t *testing.T) { testGroupCommit(t, open(t)) })
	t.Run("Filters", func(t *testing.T) { testFilters(t, open(t)) })
	t.Run("Paging", func(t *testing.T) { testPaging(t, open(t)) })
	t.Run("Actor", func(t *testing.T) { testActor(t, open(t)) })
	t.Run("Delete", func(t *testing.T) { testDelete(t, open) })
	t.Run("Invalid", func(t *testing.T) { testInvalid(t, open(t)) })
	t.Run("AddClaim", func(t *testing.T) { testAddClaim(t, open(t)) })
	t.Run("Bulk", func(t *testing.T) { testBulk(t, open) })
	t.Run("Rollup", func(t *testing.T) { testRollup(t, open(t)) })
	t.Run("Relations", func(t *testing.T) { testRelations(t, open(t)) })
	t.Run("Event", func(t *testing.T) { testEvent(t, open(t)) })
	t.Run("Outlet", func(t *testing.T) { testOutlet(t, open(t)) })
	t.Run("Search", func(t *testing.T) { testSearch(t, open(t)) })
	t.Run("Neighbourhood", func(t *testing.T) { testNeighbourhood(t, open(t)) })
	t.Run("Conflicts", func(t *testing.T) { testConflicts(t, open(t)) })
}

// add stores an article and fails the test on error.
func add(t testing.TB, s *Store, a schema.Article, claims []schema.Claim) []schema.Claim {
	t.Helper()
	got, created, err := s.AddArticle(context.Background(), a, claims)
	if err != nil {
		t.Fatalf("AddArticle(%s): %v", a.ID, err)
	}
	if !created {
		t.Fatalf("AddArticle(%s): created = false on first add", a.ID)
	}
	return got
}

func stats(t testing.TB, s *Store) Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return st
}

// wantErr fails unless err wraps kind and mentions each of the words.
func wantErr(t testing.TB, err, kind error, words ...string) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Fatalf("err = %v, want %v", err, kind)
	}
	for _, w := range words {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("err = %q, want it to mention %q", err, w)
		}
	}
}

func testRoundTrip(t *testing.T, s *Store) {
	ctx := context.Background()
	k := newCorpus(t)
	got := add(t, s, k.a1, k.claims1)
	want := []schema.Claim{asStored(k.c1), asStored(k.c2)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("AddArticle claims (-want +got):\n%s", diff)
	}
	for _, c := range k.claims1 {
		for _, ref := range []string{c.IRI, c.ID} {
			got, err := s.Claim(ctx, ref)
			if err != nil {
				t.Fatalf("Claim(%q): %v", ref, err)
			}
			if diff := cmp.Diff(asStored(c), got); diff != "" {
				t.Errorf("Claim(%q) (-want +got):\n%s", ref, diff)
			}
		}
	}
	wantA := k.a1
	wantA.Published = schema.NormTime(wantA.Published)
	for _, ref := range []string{k.a1.IRI, k.a1.ID} {
		a, err := s.Article(ctx, ref)
		if err != nil {
			t.Fatalf("Article(%q): %v", ref, err)
		}
		if diff := cmp.Diff(wantA, a); diff != "" {
			t.Errorf("Article(%q) (-want +got):\n%s", ref, diff)
		}
	}
	_, err := s.Claim(ctx, "nope")
	wantErr(t, err, schema.ErrNotFound, `"nope"`)
	_, err = s.Article(ctx, k.a2.IRI)
	wantErr(t, err, schema.ErrNotFound, k.a2.IRI)
}

func testIdempotent(t *testing.T, s *Store) {
	k := newCorpus(t)
	first := add(t, s, k.a1, k.claims1)
	before := stats(t, s)
	again, created, err := s.AddArticle(context.Background(), k.a1, k.claims1)
	if err != nil || created {
		t.Fatalf("second AddArticle: created = %v, err = %v; want false, nil", created, err)
	}
	if diff := cmp.Diff(first, again); diff != "" {
		t.Errorf("second AddArticle claims (-first +second):\n%s", diff)
	}
	if after := stats(t, s); after != before {
		t.Errorf("stats after second add = %+v, want %+v", after, before)
	}
	if want := (Stats{Articles: 1, Claims: 2, Actors: 3, Quads: before.Quads}); before != want {
		t.Errorf("stats = %+v, want %+v", before, want)
	}
}

func testConcurrent(t *testing.T, s *Store) {
	k := newCorpus(t)
	const n = 8
	var (
		wg      sync.WaitGroup
		created = make([]bool, n)
		results = make([][]schema.Claim, n)
		errs    = make([]error, n)
	)
	for i := range n {
		wg.Go(func() {
			results[i], created[i], errs[i] = s.AddArticle(context.Background(), k.a1, k.claims1)
		})
	}
	wg.Wait()
	count := 0
	for i := range n {
		if errs[i] != nil {
			t.Fatalf("AddArticle #%d: %v", i, errs[i])
		}
		if created[i] {
			count++
		}
		if diff := cmp.Diff(results[0], results[i]); diff != "" {
			t.Errorf("AddArticle #%d claims differ (-#0 +#%d):\n%s", i, i, diff)
		}
	}
	if count != 1 {
		t.Errorf("%d of %d AddArticle calls created the article, want 1", count, n)
	}
	if st := stats(t, s); st.Articles != 1 || st.Claims != 2 {
		t.Errorf("stats = %+v, want 1 article, 2 claims", st)
	}

	// Reads alongside a write, for the race detector.
	for range n {
		wg.Go(func() {
			if _, err := s.Claims(context.Background(), Filter{Speaker: "armenia"}); err != nil {
				t.Errorf("Claims: %v", err)
			}
			if _, err := s.Actor(context.Background(), "Azerbaijan", false); err != nil {
				t.Errorf("Actor: %v", err)
			}
		})
	}
	wg.Go(func() {
		if _, _, err := s.AddArticle(context.Background(), k.a2, k.claims2); err != nil {
			t.Errorf("AddArticle: %v", err)
		}
	})
	wg.Wait()
}

func testAddClaim(t *testing.T, s *Store) {
	ctx := context.Background()
	k := newCorpus(t)
	stub := schema.NewArticle("", "https://example.org/statement")
	c := schema.Claim{
		Article: stub.IRI, Speaker: schema.Speaker{Actors: k.c1.Speaker.Actors},
		Content: schema.Span{Text: "Talks will resume."}, SpeechAct: schema.Announce,
		Extractor: "manual", Confidence: 1, Review: schema.Verified,
	}
	c.SetID()
	_, err := s.AddClaim(ctx, c, nil)
	wantErr(t, err, schema.ErrNotFound, stub.IRI)
	got, err := s.AddClaim(ctx, c, &stub)
	if err != nil {
		t.Fatalf("AddClaim with source: %v", err)
	}
	if diff := cmp.Diff(asStored(c), got); diff != "" {
		t.Errorf("AddClaim (-want +got):\n%s", diff)
	}
	if a, err := s.Article(ctx, stub.ID); err != nil || a.URL != stub.URL {
		t.Errorf("Article(stub) = %+v, %v; want its URL %q", a, err, stub.URL)
	}
	_, err = s.AddClaim(ctx, c, &stub)
	wantErr(t, err, schema.ErrConflict, c.IRI)

	// A claim added by hand to a stored article that already names its
	// speaker, and deleted with it.
	add(t, s, k.a1, k.claims1)
	before := stats(t, s)
	extra := newClaim(t, k.a1, "Armenia", k.c1.Speaker.Actors, "accused", "Azerbaijan", k.c1.Sentence.Text, schema.Accuse)
	if _, err := s.AddClaim(ctx, extra, nil); err != nil {
		t.Fatalf("AddClaim to a stored article: %v", err)
	}
	if st := stats(t, s); st.Claims != before.Claims+1 || st.Actors != before.Actors {
		t.Errorf("stats after AddClaim = %+v, before %+v: want one more claim, no new actor", st, before)
	}
	bad := extra
	bad.Content = schema.Span{Start: 500, End: 510, Text: "x"}
	bad.SetID()
	_, err = s.AddClaim(ctx, bad, nil)
	wantErr(t, err, schema.ErrInvalid)
	if err := s.DeleteArticle(ctx, k.a1.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.Claim(ctx, extra.ID)
	wantErr(t, err, schema.ErrNotFound)
}

func testInvalid(t *testing.T, s *Store) {
	ctx := context.Background()
	k := newCorpus(t)
	add(t, s, k.a2, k.claims2)
	before := stats(t, s)
	outside := k.c1
	outside.Content.End = 10000
	wrongText := k.c2
	wrongText.Cue.Text = "said"
	noSpeaker := k.c1
	noSpeaker.Speaker.Actors = nil
	elsewhere := k.c3 // a claim of the other article
	for name, claims := range map[string][]schema.Claim{
		"span outside text": {k.c1, outside},
		"span text differs": {wrongText},
		"no speaker":        {k.c1, noSpeaker},
		"other article":     {k.c1, elsewhere},
	} {
		if _, _, err := s.AddArticle(ctx, k.a1, claims); !errors.Is(err, schema.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
	taken := k.c1 // with the IRI of a claim of the stored article
	taken.ID, taken.IRI = k.c3.ID, k.c3.IRI
	_, _, err := s.AddArticle(ctx, k.a1, []schema.Claim{taken})
	wantErr(t, err, schema.ErrConflict, k.c3.IRI)
	_, _, err = s.AddArticle(ctx, schema.Article{IRI: "urn:claimgraph:article:x"}, nil)
	wantErr(t, err, schema.ErrInvalid, "neither text nor url")
	if after := stats(t, s); after != before {
		t.Errorf("stats after invalid adds = %+v, want %+v", after, before)
	}
	if _, err := s.Article(ctx, k.a1.ID); !errors.Is(err, schema.ErrNotFound) {
		t.Errorf("Article of a rejected add: err = %v, want ErrNotFound", err)
	}
}
