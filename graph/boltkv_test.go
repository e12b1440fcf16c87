package graph

import (
	"context"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/fixtures"
)

// TestBoltPacksAppends loads a corpus into a bolt store, one article at a
// time and then in bulk, and checks that the buckets that only grow at their
// end have full pages, where bolt's default split leaves them half empty;
// and that the other buckets keep bolt's default.
func TestBoltPacksAppends(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "claims.bolt")
	s, err := Open(ctx, "bolt", path)
	if err != nil {
		t.Fatal(err)
	}
	docs := fixtures.Corpus(5, 3000)
	for _, d := range docs[:20] {
		if _, _, err := s.AddArticle(ctx, d.Article, d.Claims); err != nil {
			t.Fatal(err)
		}
	}
	bulk := make([]Doc, 0, len(docs))
	for _, d := range docs[20:] {
		bulk = append(bulk, Doc(d))
	}
	if _, err := s.AddArticles(ctx, bulk); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	db, err := bolt.Open(path, 0o644, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fill := func(name []byte) float64 {
		var st bolt.BucketStats
		err := db.View(func(tx *bolt.Tx) error {
			st = tx.Bucket(name).Stats()
			return nil
		})
		if err != nil || st.LeafAlloc == 0 {
			t.Fatalf("bucket %q: %v, %d bytes of leaf pages", name, err, st.LeafAlloc)
		}
		return float64(st.LeafInuse) / float64(st.LeafAlloc)
	}
	for _, name := range append(cayleyAppendBuckets, indexAppendBuckets...) {
		if f := fill(name); f < 0.9 {
			t.Errorf("bucket %q: leaf pages %.2f full, want at least 0.9", name, f)
		}
	}
	// Keys put anywhere: bolt's default split, which leaves room for them.
	for _, name := range [][]byte{[]byte("sp"), boltPostings} {
		if f := fill(name); f > 0.8 {
			t.Errorf("bucket %q: leaf pages %.2f full, want bolt's default (about half)", name, f)
		}
	}
}
