package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// bulkQuads is about how many quads AddArticles writes to a transaction:
// one transaction per article pays a disk sync (5 ms on bolt) for each, and
// Cayley's bolt writes ran some 1.5-2x faster at 100k-200k quads a
// transaction than at 50k (a noisy, shared machine; one transaction for a
// whole 400k-quad load was no faster).
const bulkQuads = 100_000

// Doc is an article with its claims, for AddArticles.
type Doc struct {
	Article schema.Article
	Claims  []schema.Claim
}

// Added is what AddArticles did with one Doc.
type Added struct {
	Created bool // false: the article was stored already and is left as it was
	Claims  int  // its claims in the store
}

// AddArticles stores many articles with their claims, as AddArticle does
// one, but several to a transaction: for imports and benchmarks, where a
// sync per article dominates. An article already stored, or given twice, is
// left as it is. Every Doc is checked, and the stored ones looked up, before
// anything is written: an invalid Doc, or a claim stored with another
// article, fails the call with nothing written. A failure of the store
// itself leaves the transactions before it written (each holds about
// bulkQuads quads).
func (s *Store) AddArticles(ctx context.Context, docs []Doc) (added []Added, err error) {
	for i, d := range docs {
		if err := checkArticle(d.Article, d.Claims); err != nil {
			return nil, fmt.Errorf("add articles: article %d of %d: %w", i+1, len(docs), err)
		}
	}
	defer s.lock()()
	var fresh map[string]bool // none on bolt and memstore: their checks are lookups
	if s.pg != nil {
		if fresh, err = unknownIRIs(ctx, s.pg, docIRIs(docs)); err != nil {
			return nil, fmt.Errorf("add articles: %w", err)
		}
	}
	seen := make(map[string]bool) // article and claim IRIs of this call
	batches := make([]*batch, len(docs))
	added = make([]Added, len(docs))
	for i, d := range docs {
		if batches[i], err = s.newArticle(ctx, d, seen, fresh); err != nil {
			return nil, fmt.Errorf("add articles: article %d of %d: %w", i+1, len(docs), err)
		}
		if batches[i] != nil {
			added[i] = Added{Created: true, Claims: len(d.Claims)}
		}
	}
	if s.bolt != nil {
		sync := s.syncAfter()
		defer func() {
			if serr := sync(); serr != nil && err == nil {
				added, err = nil, fmt.Errorf("add articles: %w", serr)
			}
		}()
	}
	w := bulkWriter{s: s}
	for i, b := range batches {
		if b == nil {
			continue
		}
		if err := w.add(ctx, b, docs[i]); err != nil {
			return nil, fmt.Errorf("add articles: %w", err)
		}
	}
	if err := w.flush(ctx); err != nil {
		return nil, fmt.Errorf("add articles: %w", err)
	}
	for i, d := range docs { // stored before, or earlier in docs
		if !added[i].Created {
			iris, err := subjects(ctx, s.qs, schema.PredArticle, quad.IRI(d.Article.IRI))
			if err != nil {
				return nil, fmt.Errorf("add articles: %w", err)
			}
			added[i].Claims = len(iris)
		}
	}
	return added, nil
}

// bulkWriter gathers articles' quads and index entries into transactions.
type bulkWriter struct {
	s     *Store
	qq    []quad.Quad
	text  []textDoc
	facts []claimFacts
	claim []schema.Claim // the claims of the articles gathered
}

func (w *bulkWriter) add(ctx context.Context, b *batch, d Doc) error {
	w.qq, w.text = append(w.qq, b.list...), append(w.text, claimDocs(d.Claims)...)
	w.facts, w.claim = append(w.facts, newArticleFacts(d.Article)), append(w.claim, d.Claims...)
	first := len(w.facts)
	for _, c := range d.Claims {
		w.facts = append(w.facts, newFacts(d.Article, c))
	}
	if err := w.s.qs.withDocs(w.facts[first:], b.list); err != nil {
		return err
	}
	if len(w.qq) < bulkQuads {
		return nil
	}
	return w.flush(ctx)
}

// flush indexes, then writes (see textIndex and claimWrite for the order),
// then lays stored reviews and merges over the claims, as AddArticle does.
func (w *bulkWriter) flush(ctx context.Context) error {
	if len(w.qq) == 0 {
		return nil
	}
	cw := claimWrite{s: w.s, facts: w.facts}
	defer func() { w.qq, w.text, w.facts, w.claim = w.qq[:0], w.text[:0], nil, w.claim[:0] }()
	if err := cw.begin(ctx, newReader(w.s.qs), w.qq, true); err != nil {
		return err
	}
	if err := w.s.index(ctx, w.text); err != nil {
		return err
	}
	if err := w.s.add(ctx, w.qq); err != nil {
		cw.fail(ctx)
		return err
	}
	if err := cw.done(ctx); err != nil {
		return err
	}
	return w.s.reapplyPeople(ctx, w.claim)
}

// docIRIs lists the article and claim IRIs of docs.
func docIRIs(docs []Doc) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.Article.IRI)
		for _, c := range d.Claims {
			out = append(out, c.IRI)
		}
	}
	return out
}

// newArticle returns the quads of d, or nil if its article is stored or
// seen earlier in the same load. IRIs in fresh are known not to be stored.
func (s *Store) newArticle(ctx context.Context, d Doc, seen, fresh map[string]bool) (*batch, error) {
	r := newReader(s.qs)
	if seen[d.Article.IRI] {
		return nil, nil
	}
	if !fresh[d.Article.IRI] {
		if ok, err := r.isKind(ctx, schema.KindArticleNode, d.Article.IRI); err != nil || ok {
			return nil, err
		}
	}
	seen[d.Article.IRI] = true
	b := newBatch(d.Article.IRI)
	b.article(d.Article)
	for _, c := range d.Claims {
		stored := false
		if !fresh[c.IRI] {
			ok, err := r.isClaim(ctx, c.IRI)
			if err != nil {
				return nil, err
			}
			stored = ok
		}
		if stored || seen[c.IRI] {
			return nil, fmt.Errorf("%w: claim %q is stored with another article", schema.ErrConflict, c.IRI)
		}
		seen[c.IRI] = true
		b.claim(c)
	}
	return b, nil
}

// syncAfter turns off bolt's sync per transaction, for the
// transactions of one AddArticles, and returns what syncs them all at once
// and turns it back on. A process that dies in between loses nothing (the
// writes are in the file; the index marks are replayed on open); a machine
// that loses power may lose the unsynced load.
func (s *Store) syncAfter() func() error {
	s.bolt.NoSync = true
	return func() error {
		s.bolt.NoSync = false
		return s.bolt.Sync()
	}
}
