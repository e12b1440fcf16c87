package graph

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/writer"
	"github.com/cayleygraph/quad"
	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/fixtures/pgtest"
	"github.com/claimgraph/claimgraph/schema"
)

// openAt opens a store and closes it when the test ends.
func openAt(t testing.TB, backend, address string) *Store {
	t.Helper()
	s, err := Open(context.Background(), backend, address)
	if err != nil {
		t.Fatalf("Open(%s, %s): %v", backend, address, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	if s.Backend() != backend {
		t.Errorf("Backend() = %q, want %q", s.Backend(), backend)
	}
	return s
}

func TestMemstore(t *testing.T) {
	testStore(t, func(t testing.TB) *Store { return openAt(t, "memstore", "") })
}

func TestBolt(t *testing.T) {
	testStore(t, func(t testing.TB) *Store {
		return openAt(t, "bolt", filepath.Join(t.TempDir(), "data", "claims.bolt"))
	})
}

func TestPostgres(t *testing.T) {
	admin := pgtest.Admin(t)
	testStore(t, func(t testing.TB) *Store { return openAt(t, "postgres", pgtest.Database(t, admin)) })
}

func TestOpenUnknownBackend(t *testing.T) {
	_, err := Open(context.Background(), "mongo", "x")
	wantErr(t, err, schema.ErrInvalid, `"mongo"`, "bolt", "memstore", "postgres")
}

func TestReopen(t *testing.T) {
	t.Run("bolt", func(t *testing.T) {
		testReopen(t, "bolt", filepath.Join(t.TempDir(), "a", "b", "claims.bolt"))
	})
	t.Run("postgres", func(t *testing.T) { testReopen(t, "postgres", pgtest.New(t)) })
}

// testReopen stores an article, closes the store, opens it again and finds
// everything.
func testReopen(t *testing.T, backend, address string) {
	ctx := context.Background()
	k := newCorpus(t)
	s, err := Open(ctx, backend, address)
	if err != nil {
		t.Fatal(err)
	}
	want := add(t, s, k.a1, k.claims1)
	wantStats := stats(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil { // a second Close does nothing
		t.Fatalf("second Close: %v", err)
	}
	s = openAt(t, backend, address)
	if got := stats(t, s); got != wantStats {
		t.Errorf("stats after reopen = %+v, want %+v", got, wantStats)
	}
	p, err := s.Claims(ctx, Filter{Article: k.a1.ID})
	if err != nil {
		t.Fatalf("Claims after reopen: %v", err)
	}
	sortClaims(want)
	if diff := cmp.Diff(want, p.Claims); diff != "" {
		t.Errorf("claims after reopen (-want +got):\n%s", diff)
	}
	if _, created, err := s.AddArticle(ctx, k.a1, k.claims1); err != nil || created {
		t.Errorf("AddArticle after reopen: created %v, %v; want false, nil", created, err)
	}
}

func TestBoltLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "claims.bolt")
	openAt(t, "bolt", path)
	start := time.Now()
	s, err := Open(context.Background(), "bolt", path)
	if err == nil {
		s.Close()
		t.Fatal("second Open of a locked bolt file succeeded")
	}
	if took := time.Since(start); took > 15*time.Second { // the lock timeout is 1 s: this catches a hang
		t.Errorf("second Open took %v, want it to fail fast", took)
	}
	if !strings.Contains(err.Error(), "in use") || !strings.Contains(err.Error(), path) {
		t.Errorf("err = %q, want it to say the file %s is in use", err, path)
	}
	if errors.Is(err, schema.ErrInvalid) {
		t.Errorf("err = %v: a locked file is not invalid input", err)
	}
}

// TestEmptyBoltStats: a bolt file that was never written to reports zeros,
// not an error (Cayley's KV store has no meta bucket until the first write).
func TestEmptyBoltStats(t *testing.T) {
	s, err := Open(t.Context(), "bolt", filepath.Join(t.TempDir(), "empty.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if st, err := s.Stats(t.Context()); err != nil || st != (Stats{}) {
		t.Errorf("Stats of an empty bolt store: %+v, %v", st, err)
	}
}

// TestPostgresForeignKeys: a database whose tables Cayley's own postgres
// backend made (with foreign keys from quads to nodes, and osp_index) loses
// them when a store opens it, and takes and deletes articles as before.
func TestPostgresForeignKeys(t *testing.T) {
	ctx := context.Background()
	address := pgtest.New(t)
	if err := cgraph.InitQuadStore("postgres", address, nil); err != nil {
		t.Fatalf("Cayley's postgres init: %v", err)
	}
	db, err := sql.Open("postgres", address)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fks := func() int {
		t.Helper()
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM pg_constraint WHERE conrelid = 'quads'::regclass AND contype = 'f'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	osp := func() bool {
		t.Helper()
		var ok bool
		if err := db.QueryRowContext(ctx, `SELECT to_regclass('osp_index') IS NOT NULL`).Scan(&ok); err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if n := fks(); n != 4 || !osp() {
		t.Fatalf("Cayley's tables have %d foreign keys and osp_index %v, want 4 and true", n, osp())
	}
	s := openAt(t, "postgres", address)
	if n := fks(); n != 0 {
		t.Errorf("after Open: %d foreign keys, want none", n)
	}
	if osp() {
		t.Error("after Open: osp_index is still there")
	}
	k := newCorpus(t)
	add(t, s, k.a1, k.claims1)
	if got, err := s.Claim(ctx, k.c1.IRI); err != nil || got.IRI != k.c1.IRI {
		t.Fatalf("Claim after the add: %v, %v", got.IRI, err)
	}
	if err := s.DeleteArticle(ctx, k.a1.IRI); err != nil {
		t.Fatal(err)
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Quads != 0 || st.Claims != 0 {
		t.Errorf("Stats after the delete = %+v, %v; want nothing stored", st, err)
	}
	var nodes int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM nodes`).Scan(&nodes); err != nil || nodes != 0 {
		t.Errorf("nodes left after the delete: %d, %v", nodes, err)
	}
}

// TestPostgresDuplicateWrites: Cayley's REST writer skips quads already
// stored, and their nodes count only the quads that went in, so deleting
// every quad leaves no node behind (Cayley's own backend counted the
// skipped quads too, and such nodes never went).
func TestPostgresDuplicateWrites(t *testing.T) {
	ctx := context.Background()
	address := pgtest.New(t)
	s := openAt(t, "postgres", address)
	qw, err := writer.NewSingleReplication(restStore{quadStore: s.qs, s: s}, nil)
	if err != nil {
		t.Fatal(err)
	}
	q := func(s, o, label string) quad.Quad {
		return quad.Make(quad.IRI(s), quad.IRI("ex:says"), quad.String(o), quad.IRI(label))
	}
	first := []quad.Quad{q("ex:a", "one", "ex:l1"), q("ex:b", "one", "ex:l1")}
	again := append(slices.Clone(first), q("ex:a", "two", "ex:l2")) // two stored, one new
	for _, set := range [][]quad.Quad{first, again, again} {
		if err := qw.AddQuadSet(set); err != nil {
			t.Fatalf("AddQuadSet: %v", err)
		}
	}
	db, err := sql.Open("postgres", address)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	refs := func() map[string]int {
		t.Helper()
		rows, err := db.QueryContext(ctx, `SELECT coalesce(value_string, iri::text, ''), refs FROM nodes`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		got := make(map[string]int)
		for rows.Next() {
			var v string
			var n int
			if err := rows.Scan(&v, &n); err != nil {
				t.Fatal(err)
			}
			got[v] = n
		}
		return got
	}
	// ex:a is in 2 quads, "one" in 2, ex:says in 3, ex:l1 labels 2.
	want := map[string]int{"ex:a": 2, "ex:b": 1, "ex:says": 3, "one": 2, "two": 1, "ex:l1": 2, "ex:l2": 1}
	if diff := cmp.Diff(want, refs()); diff != "" {
		t.Errorf("node reference counts after writing duplicates (-want +got):\n%s", diff)
	}
	for _, x := range again {
		if err := qw.RemoveQuad(x); err != nil {
			t.Fatalf("RemoveQuad: %v", err)
		}
	}
	if got := refs(); len(got) != 0 {
		t.Errorf("nodes left after every quad went: %v", got)
	}
}

// TestStatsKept checks that Stats keeps its count until the next write, and
// counts again after one.
func TestStatsKept(t *testing.T) {
	s := openAt(t, "memstore", "")
	k := newCorpus(t)
	add(t, s, k.a1, k.claims1)
	if st := stats(t, s); st.Articles != 1 || st.Claims != 2 {
		t.Fatalf("stats = %+v, want 1 article, 2 claims", st)
	}
	s.statsMu.Lock()
	s.stats.Articles = 99 // a kept count is served as it is
	s.statsMu.Unlock()
	if st := stats(t, s); st.Articles != 99 {
		t.Errorf("stats with no write since: %d articles, want the kept 99", st.Articles)
	}
	add(t, s, k.a2, k.claims2)
	if st := stats(t, s); st.Articles != 2 {
		t.Errorf("stats after a write: %d articles, want 2, counted again", st.Articles)
	}
	if empty, err := s.Empty(context.Background()); err != nil || empty {
		t.Errorf("Empty = %v, %v; want false", empty, err)
	}
	if empty, err := openAt(t, "memstore", "").Empty(context.Background()); err != nil || !empty {
		t.Errorf("Empty on a new store = %v, %v; want true", empty, err)
	}
}
