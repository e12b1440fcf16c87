package graph

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/claimgraph/claimgraph/fixtures/pgtest"
	"github.com/claimgraph/claimgraph/schema"
)

// search lists the IDs of the hits of f, failing the test on error.
func search(t testing.TB, s *Store, f Filter) []string {
	t.Helper()
	h, err := s.Search(context.Background(), f)
	if err != nil {
		t.Fatalf("Search(%+v): %v", f, err)
	}
	if h.Claims == nil {
		t.Errorf("Search(%+v).Claims is nil", f)
	}
	return ids(h.Claims)
}

// indexCount is how many claims the text index holds.
func indexCount(t testing.TB, s *Store) int {
	t.Helper()
	n, err := s.idx.count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func testSearch(t *testing.T, s *Store) {
	ctx := context.Background()
	k := newCorpus(t)
	add(t, s, k.a1, k.claims1)
	add(t, s, k.a2, k.claims2)
	// Ranking: the claim about little but talks comes before the long one.
	a3 := schema.NewArticle("Lavrov said talks, talks and more talks. Pashinyan said the talks in Moscow had stalled over the status of the region and the return of prisoners.", "")
	dense := newClaim(t, a3, "Lavrov", []schema.Actor{schema.NewActor("Lavrov", schema.KindPerson)}, "said",
		"talks, talks and more talks", "Lavrov said talks, talks and more talks.", schema.Assert)
	long := newClaim(t, a3, "Pashinyan", []schema.Actor{schema.NewActor("Pashinyan", schema.KindPerson)}, "said",
		"the talks in Moscow had stalled over the status of the region and the return of prisoners",
		"Pashinyan said the talks in Moscow had stalled over the status of the region and the return of prisoners.", schema.Assert)
	add(t, s, a3, []schema.Claim{long, dense})
	for _, tc := range []struct {
		name string
		f    Filter
		want []string
	}{
		{"one word", Filter{Text: "cultural"}, []string{k.c2.ID}},
		{"any case", Filter{Text: "CATHEDRAL"}, []string{k.c1.ID}},
		{"stemmed", Filter{Text: "shelled"}, []string{k.c1.ID}},
		{"every word", Filter{Text: "cathedral sites"}, nil},
		{"ranked", Filter{Text: "talks"}, []string{dense.ID, long.ID}},
		{"paged", Filter{Text: "talks", Offset: 1}, []string{long.ID}},
		{"speaker filter", Filter{Text: "talks", Speaker: "pashinyan"}, []string{long.ID}},
		{"speaker filter, none", Filter{Text: "shelling", Speaker: "azerbaijan"}, nil},
		{"act filter", Filter{Text: "cultural", SpeechAct: schema.Accuse}, nil},
		{"date filter", Filter{Text: "escalation", From: at(t, "2020-10-09T00:00:00Z")}, []string{k.c4.ID}},
		{"outlet filter", Filter{Text: "cultural", Outlet: "AFP"}, []string{k.c2.ID}},
		{"no match", Filter{Text: "zeppelin"}, nil},
	} {
		if diff := cmp.Diff(tc.want, search(t, s, tc.f), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
	if h, err := s.Search(ctx, Filter{Text: "talks", Limit: 1}); err != nil || h.Total != 2 || len(h.Claims) != 1 {
		t.Errorf("Search(talks, limit 1) = total %d, %d claims, %v; want 2, 1", h.Total, len(h.Claims), err)
	}
	_, err := s.Search(ctx, Filter{Text: "  "})
	wantErr(t, err, schema.ErrInvalid, "words")
	_, err = s.Search(ctx, Filter{Text: "talks", Speaker: "nobody"})
	wantErr(t, err, schema.ErrNotFound, "nobody")

	// The write paths keep the index in step.
	manual := schema.Claim{Article: k.a2.IRI, Speaker: schema.Speaker{Actors: k.c3.Speaker.Actors},
		Content: schema.Span{Text: "Negotiations will resume in Geneva."}, SpeechAct: schema.Announce,
		Extractor: "manual", Confidence: 1, Review: schema.Unreviewed}
	manual.SetID()
	if _, err := s.AddClaim(ctx, manual, nil); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{manual.ID}, search(t, s, Filter{Text: "geneva"})); diff != "" {
		t.Errorf("after AddClaim (-want +got):\n%s", diff)
	}
	if err := s.DeleteArticle(ctx, k.a1.ID); err != nil {
		t.Fatal(err)
	}
	if got := search(t, s, Filter{Text: "cultural"}); len(got) != 0 {
		t.Errorf("after DeleteArticle: %v, want nothing", got)
	}
	if n, st := indexCount(t, s), stats(t, s); int64(n) != st.Claims {
		t.Errorf("index holds %d claims, store %d", n, st.Claims)
	}
}

func TestReindex(t *testing.T) {
	t.Run("bolt", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "claims.bolt")
		testReindex(t, "bolt", path, func() {
			if err := os.RemoveAll(path + ".bleve"); err != nil {
				t.Fatal(err)
			}
		})
	})
	t.Run("postgres", func(t *testing.T) {
		admin := pgtest.Admin(t)
		addr := pgtest.Database(t, admin)
		testReindex(t, "postgres", addr, func() {
			s := openAt(t, "postgres", addr)
			if _, err := s.idx.(*pgIndex).db.Exec(`DROP TABLE claimgraph_search`); err != nil {
				t.Fatal(err)
			}
		})
	})
}

// testReindex stores claims, loses the index (drop), reopens the store
// and finds the claims by their words again.
func testReindex(t *testing.T, backend, address string, drop func()) {
	k := newCorpus(t)
	s, err := Open(context.Background(), backend, address)
	if err != nil {
		t.Fatal(err)
	}
	add(t, s, k.a1, k.claims1)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	drop()
	s = openAt(t, backend, address)
	if n := indexCount(t, s); n != 2 {
		t.Errorf("index after reopen holds %d claims, want 2", n)
	}
	if diff := cmp.Diff([]string{k.c2.ID}, search(t, s, Filter{Text: "cultural sites"})); diff != "" {
		t.Errorf("search after reindex (-want +got):\n%s", diff)
	}
}

func testBulk(t *testing.T, open func(t testing.TB) *Store) {
	ctx := context.Background()
	k := newCorpus(t)
	one := open(t)
	add(t, one, k.a1, k.claims1)
	add(t, one, k.a2, k.claims2)
	s := open(t)
	docs := []Doc{{k.a1, k.claims1}, {k.a2, k.claims2}, {k.a1, k.claims1}}
	added, err := s.AddArticles(ctx, docs)
	want := []Added{{true, len(k.claims1)}, {true, len(k.claims2)}, {false, len(k.claims1)}} // the third repeats the first
	if err != nil || !slices.Equal(added, want) {
		t.Fatalf("AddArticles = %v, %v; want %v", added, err, want)
	}
	if got, want := stats(t, s), stats(t, one); got != want {
		t.Errorf("stats after bulk = %+v, want those of one at a time: %+v", got, want)
	}
	if diff := cmp.Diff(claims(t, one, Filter{}), claims(t, s, Filter{})); diff != "" {
		t.Errorf("claims after bulk (-one at a time +bulk):\n%s", diff)
	}
	if diff := cmp.Diff([]string{k.c2.ID}, search(t, s, Filter{Text: "cultural"})); diff != "" {
		t.Errorf("search after bulk (-want +got):\n%s", diff)
	}
	want = []Added{{false, len(k.claims1)}, {false, len(k.claims2)}, {false, len(k.claims1)}}
	if added, err := s.AddArticles(ctx, docs); err != nil || !slices.Equal(added, want) {
		t.Errorf("AddArticles again = %v, %v; want %v", added, err, want)
	}
	a3 := schema.NewArticle("Another text entirely.", "")
	taken := k.c1
	taken.Article = a3.IRI
	taken.Content, taken.Cue, taken.Speaker.Span, taken.Sentence = schema.Span{}, schema.Span{}, schema.Span{}, schema.Span{}
	taken.Content.Text = "x"
	before := stats(t, s)
	a4 := schema.NewArticle("A fourth text, fine on its own.", "")
	_, err = s.AddArticles(ctx, []Doc{{a4, nil}, {a3, []schema.Claim{taken}}})
	wantErr(t, err, schema.ErrConflict, k.c1.IRI, "article 2 of 2")
	bad := k.c3
	bad.Content.End = 9999
	_, err = s.AddArticles(ctx, []Doc{{a4, nil}, {k.a2, []schema.Claim{bad}}})
	wantErr(t, err, schema.ErrInvalid, "article 2 of 2")
	if got := stats(t, s); got != before {
		t.Errorf("stats after the failed loads = %+v, want %+v: nothing written", got, before)
	}
}
