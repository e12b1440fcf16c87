package graph

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// TestOpenProgress: a store whose claim and search indexes are lost
// rebuilds both on open and says so through WithProgress, from nothing
// done to all done; a store with both in step reports nothing.
func TestOpenProgress(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "claims.bolt")
	k := newCorpus(t)
	s, err := Open(ctx, "bolt", path)
	if err != nil {
		t.Fatal(err)
	}
	add(t, s, k.a1, k.claims1)
	add(t, s, k.a2, k.claims2)
	loseClaimIndex(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(path + ".bleve"); err != nil {
		t.Fatal(err)
	}
	type step struct {
		what        string
		done, total int
	}
	var got []step
	open := func() {
		t.Helper()
		got = nil
		s, err := Open(ctx, "bolt", path, WithProgress(func(what string, done, total int) {
			got = append(got, step{what, done, total})
		}))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	open()
	claims := len(k.claims1) + len(k.claims2)
	want := []step{
		{"claim index", 0, claims + 2}, {"claim index", claims + 2, claims + 2}, // and the 2 articles
		{"search index", 0, claims}, {"search index", claims, claims},
	}
	if diff := gocmp.Diff(want, got, gocmp.AllowUnexported(step{})); diff != "" {
		t.Errorf("progress of the rebuilding open (-want +got):\n%s", diff)
	}
	open()
	if len(got) != 0 {
		t.Errorf("progress of an open with nothing to rebuild: %v", got)
	}
}
