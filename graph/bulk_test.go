package graph

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/claimgraph/claimgraph/fixtures"
)

// TestAddArticlesChunks loads a corpus in one AddArticles call that spans
// many transactions (bulkQuads made small: an article each, a dozen claims
// each with a part left over, and all in one), and the same corpus one
// article at a time into another store: the two must hold the same quads,
// claims, claim index and text index, and the call must report each
// article's claims. A repeat of the call writes nothing.
func TestAddArticlesChunks(t *testing.T) {
	defer func(n int) { bulkQuads = n }(bulkQuads)
	for _, n := range []int{1, 700, 1 << 30} {
		bulkQuads = n
		t.Run(fmt.Sprint(n), testAddArticlesChunks)
	}
}

func testAddArticlesChunks(t *testing.T) {
	ctx := context.Background()
	docs := fixtures.Corpus(11, 300)
	bulk := make([]Doc, len(docs))
	for i, d := range docs {
		bulk[i] = Doc(d)
	}
	for _, backend := range []string{"bolt", "memstore"} {
		t.Run(backend, func(t *testing.T) {
			address := func(name string) string {
				if backend == "bolt" {
					return filepath.Join(t.TempDir(), name)
				}
				return ""
			}
			chunked, single := openAt(t, backend, address("chunked.bolt")), openAt(t, backend, address("single.bolt"))
			added, err := chunked.AddArticles(ctx, bulk)
			if err != nil {
				t.Fatal(err)
			}
			for i, a := range added {
				if !a.Created || a.Claims != len(docs[i].Claims) {
					t.Fatalf("article %d: %+v, want created with %d claims", i, a, len(docs[i].Claims))
				}
			}
			for _, d := range docs {
				add(t, single, d.Article, d.Claims)
			}
			want, err := single.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			got, err := chunked.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got != want || got.Claims != 300 {
				t.Fatalf("chunked load: %+v; one at a time: %+v (300 claims)", got, want)
			}
			for _, f := range indexFilters(docs) {
				f.Limit = 1000
				w, err := single.Claims(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				g, err := chunked.Claims(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(g, w) {
					t.Fatalf("%+v: chunked load gives %d claims, one at a time %d", f, len(g.Claims), len(w.Claims))
				}
			}
			hits := 0
			for _, word := range []string{"ceasefire", "talks", "troops", "said"} {
				w, err := single.Search(ctx, Filter{Text: word, Limit: 1000})
				if err != nil {
					t.Fatal(err)
				}
				g, err := chunked.Search(ctx, Filter{Text: word, Limit: 1000})
				if err != nil {
					t.Fatal(err)
				}
				if g.Total != w.Total {
					t.Fatalf("search %q: chunked load %d hits, one at a time %d", word, g.Total, w.Total)
				}
				hits += w.Total
			}
			if hits == 0 {
				t.Fatal("no search hits to compare: the words are not in the corpus")
			}
			again, err := chunked.AddArticles(ctx, bulk)
			if err != nil {
				t.Fatal(err)
			}
			for i, a := range again {
				if a.Created || a.Claims != len(docs[i].Claims) {
					t.Fatalf("again, article %d: %+v, want stored with %d claims", i, a, len(docs[i].Claims))
				}
			}
			if st, err := chunked.Stats(ctx); err != nil || st != want {
				t.Fatalf("after the repeat: %+v, %v; want %+v", st, err, want)
			}
		})
	}
}
