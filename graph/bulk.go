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
// whole 400k-quad load was no faster). A variable, so a test can make a
// small load span many transactions.
var bulkQuads = 100_000

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
	added = make([]Added, len(docs))
	var todo []Doc
	for i, d := range docs {
		ok, err := s.isNew(ctx, d, seen, fresh)
		if err != nil {
			return nil, fmt.Errorf("add articles: article %d of %d: %w", i+1, len(docs), err)
		}
		if ok {
			added[i] = Added{Created: true, Claims: len(d.Claims)}
			todo = append(todo, d)
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
	if err := s.writeDocs(ctx, todo); err != nil {
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

// writeDocs writes docs, none of them stored, in transactions of about
// bulkQuads quads each, building each one's quads just before it is
// written: a load holds one transaction's quads at a time, not the call's.
func (s *Store) writeDocs(ctx context.Context, docs []Doc) error {
	c := new(chunk)
	for _, d := range docs {
		if err := c.gather(s.qs, d); err != nil {
			return err
		}
		if len(c.qq) >= bulkQuads {
			if err := s.writeChunk(ctx, c); err != nil {
				return err
			}
			c = new(chunk)
		}
	}
	return s.writeChunk(ctx, c)
}

// chunk is the quads of some articles with their index entries: what one
// transaction of a bulk write stores.
type chunk struct {
	qq    []quad.Quad
	text  []textDoc
	facts []claimFacts
	claim []schema.Claim // the claims of the articles gathered
}

// gather adds the quads and index entries of d, a new article, to c. It
// reads nothing from the store.
func (c *chunk) gather(qs quadStore, d Doc) error {
	b := newBatch(d.Article.IRI)
	b.article(d.Article)
	for _, cl := range d.Claims {
		b.claim(cl)
	}
	c.qq, c.text = append(c.qq, b.list...), append(c.text, claimDocs(d.Claims)...)
	c.facts, c.claim = append(c.facts, newArticleFacts(d.Article)), append(c.claim, d.Claims...)
	first := len(c.facts)
	for _, cl := range d.Claims {
		c.facts = append(c.facts, newFacts(d.Article, cl))
	}
	return qs.withDocs(c.facts[first:], b.list)
}

// writeChunk adds c to the text index, writes its quads and brings the
// claim index in line (see textIndex and claimWrite for the order); then it
// lays stored reviews and merges over the claims, as AddArticle does.
func (s *Store) writeChunk(ctx context.Context, c *chunk) error {
	if len(c.qq) == 0 {
		return nil
	}
	cw := claimWrite{s: s, facts: c.facts}
	if err := cw.begin(ctx, newReader(s.qs), c.qq, true); err != nil {
		return err
	}
	if err := s.index(ctx, c.text); err != nil {
		return err
	}
	if err := s.add(ctx, c.qq); err != nil {
		cw.fail(ctx)
		return err
	}
	if err := cw.done(ctx); err != nil {
		return err
	}
	return s.reapplyPeople(ctx, c.claim)
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

// isNew says whether d is to be written: false if its article is stored or
// seen earlier in the same load; an error if one of its claims is stored,
// or seen, with another article. It marks d's IRIs seen. IRIs in fresh are
// known not to be stored.
func (s *Store) isNew(ctx context.Context, d Doc, seen, fresh map[string]bool) (bool, error) {
	r := newReader(s.qs)
	if seen[d.Article.IRI] {
		return false, nil
	}
	if !fresh[d.Article.IRI] {
		if ok, err := r.isKind(ctx, schema.KindArticleNode, d.Article.IRI); err != nil || ok {
			return false, err
		}
	}
	seen[d.Article.IRI] = true
	for _, c := range d.Claims {
		stored := false
		if !fresh[c.IRI] {
			ok, err := r.isClaim(ctx, c.IRI)
			if err != nil {
				return false, err
			}
			stored = ok
		}
		if stored || seen[c.IRI] {
			return false, fmt.Errorf("%w: claim %q is stored with another article", schema.ErrConflict, c.IRI)
		}
		seen[c.IRI] = true
	}
	return true, nil
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
