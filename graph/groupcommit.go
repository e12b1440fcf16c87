package graph

import (
	"context"
	"errors"
	"maps"
	"sync"

	"github.com/claimgraph/claimgraph/schema"
)

// commitGroup gathers the AddArticle calls that arrive while a write is
// under way, so that the next write stores them all together: one write
// lock, one set of synced transactions and one search index batch for the
// lot, where each article used to take its own. Under a read load each write
// lock also holds every new read back until the reads in flight are done,
// so fewer of them matter as much as the syncs.
//
// The first caller to find no write under way writes the queue, its own
// article included; the others wait for it, and any left queued when it is
// done write theirs the same way.
type commitGroup struct {
	mu      sync.Mutex
	done    *sync.Cond // broadcast when a write ends
	queue   []*articleWrite
	writing bool
}

// articleWrite is one AddArticle call in a commitGroup: its article, and
// what came of it (outcome: stored, created and err are set), once finished.
type articleWrite struct {
	doc      Doc
	stored   []schema.Claim
	created  bool
	err      error
	outcome  bool // set by the writer
	finished bool // set with commitGroup.mu held
}

// errUnfinished is the error of the articles whose grouped write stopped
// short (a panic in it).
var errUnfinished = errors.New("the write it was grouped with stopped short")

// do queues w and returns when it is written, by this call or another.
func (g *commitGroup) do(w *articleWrite, write func([]*articleWrite)) {
	g.mu.Lock()
	if g.done == nil {
		g.done = sync.NewCond(&g.mu)
	}
	g.queue = append(g.queue, w)
	for g.writing && !w.finished {
		g.done.Wait()
	}
	if w.finished {
		g.mu.Unlock()
		return
	}
	group := g.queue
	g.queue, g.writing = nil, true
	g.mu.Unlock()
	defer func() { // a panic in write must not leave the others waiting
		g.mu.Lock()
		for _, w := range group {
			w.finished = true
			if !w.outcome {
				w.created, w.err = false, errUnfinished
			}
		}
		g.writing = false
		g.done.Broadcast()
		g.mu.Unlock()
	}()
	write(group)
}

// addGroup stores the articles of ws as AddArticle does one, in the
// transactions of one bulk write (see AddArticles), and sets each one's
// outcome. An article whose claims conflict with stored ones fails alone;
// a failure of the store fails every article that was to be written. An
// article given twice is stored once: the later call finds it stored.
func (s *Store) addGroup(ctx context.Context, ws []*articleWrite) {
	defer s.lock()()
	seen := make(map[string]bool)
	var todo []Doc
	for _, w := range ws {
		mine := maps.Clone(seen) // a failing article marks nothing seen
		ok, err := s.isNew(ctx, w.doc, mine, nil)
		if err != nil {
			w.err = err
			continue
		}
		seen = mine
		if ok { // else stored already, or earlier in ws
			w.created = true
			todo = append(todo, w.doc)
		}
	}
	werr := s.writeDocs(ctx, todo)
	for _, w := range ws {
		switch {
		case w.err != nil:
		case w.created && werr != nil:
			w.created, w.err = false, werr
		default:
			w.stored, w.err = newReader(s.qs).claimsOf(ctx, w.doc.Article.IRI)
		}
		w.outcome = true
	}
}
