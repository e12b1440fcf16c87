package graph

import (
	"context"
	"errors"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/schema"
)

// testGroupCommit holds the write lock while AddArticle calls arrive, so
// that they gather behind the first: then the first is written alone and
// the rest as one group. Each call must get the answer it would get alone:
// its article created once (an article posted twice: once), its claims read
// back, a conflicting article refused alone; and the index must agree with
// the plain path.
func testGroupCommit(t *testing.T, s *Store) {
	if s.pg != nil {
		t.Skip("PostgreSQL stores one article at a time: other processes write the same database")
	}
	ctx := context.Background()
	docs := fixtures.Corpus(7, 80)
	type call struct {
		d       fixtures.Doc
		stored  []schema.Claim
		created bool
		err     error
	}
	calls := make([]*call, 0, len(docs)+2)
	for _, d := range docs {
		calls = append(calls, &call{d: d})
	}
	calls = append(calls, &call{d: docs[0]})                                        // posted twice
	thief := fixtures.Doc{Article: schema.NewArticle(docs[1].Article.Text+" ", "")} // with docs[1]'s claims
	for _, c := range docs[1].Claims {
		c.Article = thief.Article.IRI
		thief.Claims = append(thief.Claims, c)
	}
	calls = append(calls, &call{d: thief})

	gen0, _ := s.Generation()
	unlock := s.lock()
	var (
		wg       sync.WaitGroup
		returned atomic.Int32
	)
	for i, c := range calls { // one at a time, so that they queue in order
		wg.Go(func() {
			c.stored, c.created, c.err = s.AddArticle(ctx, c.d.Article, c.d.Claims)
			returned.Add(1)
		})
		for queued := -1; queued < i && returned.Load() == 0; time.Sleep(100 * time.Microsecond) {
			s.group.mu.Lock()
			if queued = len(s.group.queue); !s.group.writing {
				queued = -1
			}
			s.group.mu.Unlock()
		}
	}
	unlock()
	if n := returned.Load(); n > 0 {
		wg.Wait()
		t.Fatalf("%d calls returned while the write lock was held, want none", n)
	}
	wg.Wait()
	if gen, _ := s.Generation(); gen-gen0 != 3 {
		t.Errorf("%d writes for %d calls, want 3: the test's lock, the first call's, and one for the rest", gen-gen0, len(calls))
	}

	first := map[string]*call{}
	for i, c := range calls {
		iri := c.d.Article.IRI
		switch {
		case c == calls[len(calls)-1]:
			if !errors.Is(c.err, schema.ErrConflict) || c.created {
				t.Errorf("the thief's article: created %v, err %v; want a conflict", c.created, c.err)
			}
			continue
		case c.err != nil:
			t.Fatalf("call %d: %v", i, c.err)
		}
		if f := first[iri]; f != nil {
			if f.created == c.created {
				t.Errorf("article %s posted twice: created %v both times, want once", iri, c.created)
			}
			if diff := cmp.Diff(f.stored, c.stored); diff != "" {
				t.Errorf("article %s posted twice: the answers' claims differ (-first +second):\n%s", iri, diff)
			}
			continue
		}
		first[iri] = c
		got, want := claimIRIs(c.stored), claimIRIs(c.d.Claims)
		slices.Sort(got)
		slices.Sort(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("article %s: stored claims differ (-want +got):\n%s", iri, diff)
		}
		if !c.created && iri != docs[0].Article.IRI { // docs[0]: checked above
			t.Errorf("article %s: created = false, want true", iri)
		}
	}
	n := 0
	for _, d := range docs {
		n += len(d.Claims)
	}
	if st := stats(t, s); st.Articles != int64(len(docs)) || st.Claims != int64(n) {
		t.Errorf("stats = %d articles, %d claims; want %d, %d", st.Articles, st.Claims, len(docs), n)
	}
	checkIndex(t, s, indexFilters(docs), "after a grouped write")
}

// TestGroupCommitUnfinished checks that a grouped write that stops short
// (here a panic) answers every call in it with an error, and lets later
// writes through.
func TestGroupCommitUnfinished(t *testing.T) {
	var g commitGroup
	w := &articleWrite{}
	func() {
		defer func() { _ = recover() }()
		g.do(w, func([]*articleWrite) { panic("boom") })
	}()
	if !errors.Is(w.err, errUnfinished) || w.created {
		t.Errorf("after a panic: created %v, err %v; want errUnfinished", w.created, w.err)
	}
	next := &articleWrite{}
	g.do(next, func(ws []*articleWrite) {
		for _, w := range ws {
			w.created, w.outcome = true, true
		}
	})
	if !next.created || next.err != nil {
		t.Errorf("the write after: created %v, err %v; want it written", next.created, next.err)
	}
}
