package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph"
)

// TestIngestBatches: ingest posts a directory in batches (one POST for
// a small one, with the claims of posting each file); a bad file in a
// batch is named, and the batch's other files are stored; a server without
// the batch route gets each file on its own, with the same result.
func TestIngestBatches(t *testing.T) {
	dir := t.TempDir()
	texts := writeArticles(t, dir, 5)
	if err := os.WriteFile(filepath.Join(dir, "a0002b.txt"), []byte("   \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, batch := range []bool{true, false} {
		store, err := graph.Open(context.Background(), "memstore", "")
		if err != nil {
			t.Fatal(err)
		}
		var batches, singles atomic.Int64
		h := api.New(store, api.Options{})
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch r.URL.Path {
			case "/v1/articles/batch":
				batches.Add(1)
				if !batch { // a server from before the batch route
					http.NotFound(w, r)
					return
				}
			case "/v1/articles":
				singles.Add(1)
			}
			h.ServeHTTP(w, r)
		}))
		var out, errb bytes.Buffer
		err = runEnv(context.Background(), []string{"ingest", "--server", srv.URL, dir}, testEnv(&out, &errb))
		srv.Close()
		if err == nil || !strings.Contains(err.Error(), "1 of 6 files failed") {
			t.Errorf("batch route %v: err = %v, want 1 of 6 files failed", batch, err)
		}
		if !strings.Contains(errb.String(), "a0002b.txt") || !strings.Contains(errb.String(), "text is empty") {
			t.Errorf("batch route %v: stderr does not name the empty file:\n%s", batch, errb.String())
		}
		if !strings.Contains(out.String(), "ingested 5 articles (5 new, 0 already stored)") {
			t.Errorf("batch route %v: stdout = %q", batch, out.String())
		}
		st, err := store.Stats(context.Background())
		if err != nil || st.Articles != int64(len(texts)) {
			t.Errorf("batch route %v: %d articles stored, %v; want %d", batch, st.Articles, err, len(texts))
		}
		store.Close()
		// One batch, refused for the empty file, then each of the six alone;
		// without the route, the batch once and each file alone.
		if batches.Load() != 1 || singles.Load() != 6 {
			t.Errorf("batch route %v: %d batch and %d single posts, want 1 and 6", batch, batches.Load(), singles.Load())
		}
	}

	// All good, into a bolt file: one batch, and the claims one at a time
	// would give (storeCheck extracts each text afresh).
	good, db := t.TempDir(), filepath.Join(t.TempDir(), "b.db")
	texts = writeArticles(t, good, 7)
	out := runOK(t, "ingest", "--data", db, good)
	if !strings.Contains(out, "ingested 7 articles (7 new, 0 already stored)") {
		t.Errorf("ingest of good files: %q", out)
	}
	all := slices.Repeat([]bool{true}, len(texts))
	if n := (&storeCheck{backend: "bolt", addr: db, texts: texts}).run(t, all, all, true); n != len(texts) {
		t.Errorf("%d of %d articles stored whole", n, len(texts))
	}
}
