package graph

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/fixtures"
)

// TestMappedTrim reads every page of a bolt store, releases the mapping, and
// checks that none of its pages stays mapped and that the answers are the
// same after; then that a store opened with a budget trims by itself.
func TestMappedTrim(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "claims.bolt")
	s, err := Open(ctx, "bolt", path)
	if err != nil {
		t.Fatal(err)
	}
	var bulk []Doc
	for _, d := range fixtures.Corpus(7, 1000) {
		bulk = append(bulk, Doc(d))
	}
	if _, err := s.AddArticles(ctx, bulk); err != nil {
		t.Fatal(err)
	}
	answers := func(s *Store) []any {
		t.Helper()
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		out := []any{st}
		for _, f := range []Filter{{Speaker: bulk[0].Claims[0].Speaker.Actors[0].Name}, {Target: bulk[1].Claims[0].Speaker.Actors[0].Name, Limit: 1000}} {
			p, err := s.Claims(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, p)
		}
		return out
	}
	want := answers(s)
	touchAll(t, s.bolt)
	start := s.bolt.Info().Data
	if before := mappedRSS(t, start); before < 1<<20 {
		t.Fatalf("%d bytes of the bolt file mapped after reading all of it, want at least 1 MiB", before)
	}
	if err := (&mappedTrim{db: s.bolt}).trim(); err != nil {
		t.Fatal(err)
	}
	if after := mappedRSS(t, start); after > 16<<10 {
		t.Errorf("%d bytes of the bolt file mapped after a trim, want none", after)
	}
	if diff := cmp.Diff(want, answers(s)); diff != "" {
		t.Errorf("answers after a trim (-before +after):\n%s", diff)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	// A budget of one byte: every check finds it exceeded.
	s, err = Open(ctx, "bolt", path, WithMappedBudget(1))
	if err != nil {
		t.Fatal(err)
	}
	m := s.mapped
	for deadline := time.Now().Add(time.Minute); m.trims.Load() == 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no trim within a minute of opening with a budget of one byte")
		}
	}
	touchAll(t, s.bolt)
	if diff := cmp.Diff(want, answers(s)); diff != "" {
		t.Errorf("answers with trims running (-before +after):\n%s", diff)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-m.done:
	default:
		t.Error("the trims go on after Close")
	}
}

// touchAll reads every key and value of db's top-level buckets.
func touchAll(t testing.TB, db *bolt.DB) {
	t.Helper()
	var n int
	err := db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(_ []byte, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				n += len(k) + len(v)
				return nil
			})
		})
	})
	if err != nil || n == 0 {
		t.Fatalf("read the bolt file: %d bytes, %v", n, err)
	}
}

// mappedRSS is the resident size of the process's mapping that starts at
// addr, from /proc/self/smaps.
func mappedRSS(t testing.TB, addr uintptr) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	head := []byte(strconv.FormatUint(uint64(addr), 16) + "-")
	sc := bufio.NewScanner(f)
	for in := false; sc.Scan(); {
		line := sc.Bytes()
		if bytes.HasPrefix(line, head) {
			in = true
		} else if rest, ok := bytes.CutPrefix(line, []byte("Rss:")); ok && in {
			kb, err := strconv.ParseInt(string(bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(rest), []byte("kB")))), 10, 64)
			if err != nil {
				t.Fatalf("smaps: %q: %v", line, err)
			}
			return kb << 10
		}
	}
	t.Fatalf("smaps: no mapping starts at %#x (%v)", addr, sc.Err())
	return 0
}
