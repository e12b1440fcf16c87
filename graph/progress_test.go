package graph

import (
	"context"
	"os"
	"path/filepath"
	"slices"
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

// TestOpenIndexVersions: an index of a version whose records this one reads
// as its own (sameRecords) is taken as it is, and marked; any other version
// is rebuilt.
func TestOpenIndexVersions(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "claims.bolt")
	k := newCorpus(t)
	s, err := Open(ctx, "bolt", path)
	if err != nil {
		t.Fatal(err)
	}
	add(t, s, k.a1, k.claims1)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	var older byte // a version this one takes as its own
	for v := range sameRecords {
		older = v
	}
	for _, c := range []struct {
		version byte
		rebuilt bool
	}{{older, false}, {indexVersion, false}, {older - 1, true}, {indexVersion + 1, true}} {
		s, err := Open(ctx, "bolt", path)
		if err != nil {
			t.Fatal(err)
		}
		err = s.qs.cix.kv.update(true, func(tx ixTx) error { return tx.put(bCounts, builtKey, []byte{c.version}) })
		if cerr := s.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
		rebuilt := false
		s, err = Open(ctx, "bolt", path, WithProgress(func(what string, done, total int) {
			rebuilt = rebuilt || what == "claim index"
		}))
		if err != nil {
			t.Fatal(err)
		}
		var marked []byte
		err = s.qs.cix.kv.view(func(tx ixTx) error { marked = slices.Clone(tx.get(bCounts, builtKey)); return nil })
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Claims(ctx, Filter{Speaker: k.c1.Speaker.Actors[0].IRI})
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if rebuilt != c.rebuilt {
			t.Errorf("index of version %d: rebuilt %v, want %v", c.version, rebuilt, c.rebuilt)
		}
		if !slices.Equal(marked, []byte{indexVersion}) {
			t.Errorf("index of version %d: marked %v after open, want %d", c.version, marked, indexVersion)
		}
		if err != nil || len(got.Claims) == 0 {
			t.Errorf("index of version %d: claims of %s after open: %d, %v", c.version, k.c1.Speaker.Actors[0].Name, len(got.Claims), err)
		}
	}
}
