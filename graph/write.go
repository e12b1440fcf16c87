package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// AddArticle stores a with its claims in one transaction. An article already
// stored is left as it is: created is false and stored holds its claims as
// stored before. Otherwise stored holds the claims as read back. Claims come
// in the order of the text: by content start, then ID.
//
// On bolt and memstore, calls that arrive while another write is under way
// are stored together, in the transactions of one bulk write (see
// commitGroup); each still gets its own answer and its own error.
func (s *Store) AddArticle(ctx context.Context, a schema.Article, claims []schema.Claim) (stored []schema.Claim, created bool, err error) {
	if err := checkArticle(a, claims); err != nil {
		return nil, false, fmt.Errorf("add article: %w", err)
	}
	if s.pg == nil {
		w := &articleWrite{doc: Doc{Article: a, Claims: claims}}
		s.group.do(w, func(ws []*articleWrite) { s.addGroup(context.WithoutCancel(ctx), ws) })
		stored, created, err = w.stored, w.created, w.err
	} else {
		stored, created, err = s.addAlone(ctx, a, claims)
	}
	if err != nil {
		return nil, false, fmt.Errorf("add article %q: %w", a.IRI, err)
	}
	return stored, created, nil
}

// addAlone stores a as AddArticle does, in a write of its own: PostgreSQL's
// path, where the existence check must see other processes' writes.
func (s *Store) addAlone(ctx context.Context, a schema.Article, claims []schema.Claim) (stored []schema.Claim, created bool, err error) {
	defer s.lock()()
	if created, err = s.addArticle(ctx, a, claims); err != nil {
		return nil, false, err
	}
	stored, err = newReader(s.qs).claimsOf(ctx, a.IRI)
	return stored, created, err
}

// addArticle writes a and its claims unless a is already stored.
func (s *Store) addArticle(ctx context.Context, a schema.Article, claims []schema.Claim) (created bool, err error) {
	r := newReader(s.qs)
	if ok, err := r.isKind(ctx, schema.KindArticleNode, a.IRI); err != nil || ok {
		return false, err
	}
	for _, c := range claims {
		// A new article's claims are new: an IRI seen before is another's.
		if ok, err := r.isKind(ctx, schema.KindClaimNode, c.IRI); err != nil {
			return false, err
		} else if ok {
			// Unless another process sharing the database stored this
			// very article since it was looked up.
			if again, err := newReader(s.qs).isKind(ctx, schema.KindArticleNode, a.IRI); err != nil || again {
				return false, err
			}
			return false, fmt.Errorf("%w: claim %q is stored with another article", schema.ErrConflict, c.IRI)
		}
	}
	c := new(chunk)
	if err := c.gather(s.qs, Doc{Article: a, Claims: claims}); err != nil {
		return false, err
	}
	// The write as a bulk load's: text index, quads, claim index, then the
	// merges and reviews that outlive their article's deletion.
	err = s.writeChunk(ctx, c)
	if cgraph.IsQuadExist(err) {
		// Another process sharing the PostgreSQL database stored it first
		// (PostgreSQL has no claim index for the failed write to restore).
		return false, nil
	}
	return err == nil, err
}

// claimsOf reads every claim of the article iri, in the order of the text.
func (r *reader) claimsOf(ctx context.Context, article string) ([]schema.Claim, error) {
	iris, err := subjects(ctx, r.qs, schema.PredArticle, quad.IRI(article))
	if err != nil {
		return nil, err
	}
	out := make([]schema.Claim, 0, len(iris))
	for _, iri := range iris {
		c, err := r.claim(ctx, iri)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b schema.Claim) int {
		return cmp.Or(cmp.Compare(a.Content.Start, b.Content.Start), strings.Compare(a.ID, b.ID))
	})
	return out, nil
}

// checkArticle validates a and every claim, against a's text.
func checkArticle(a schema.Article, claims []schema.Claim) error {
	if err := a.Validate(); err != nil {
		return err
	}
	if len(claims) > schema.MaxClaims {
		return fmt.Errorf("%w: article has %d claims, more than %d", schema.ErrInvalid, len(claims), schema.MaxClaims)
	}
	for _, c := range claims {
		if err := checkClaim(c, a); err != nil {
			return err
		}
	}
	return nil
}

// checkClaim validates c as a claim of the article a.
func checkClaim(c schema.Claim, a schema.Article) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if c.Article != a.IRI {
		return fmt.Errorf("%w: claim %q belongs to article %q, not %q", schema.ErrInvalid, c.IRI, c.Article, a.IRI)
	}
	if err := c.CheckSpans(a.Text); err != nil {
		return fmt.Errorf("claim %q: %w", c.IRI, err)
	}
	return nil
}

// add writes quads in one transaction.
func (s *Store) add(ctx context.Context, qq []quad.Quad) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	deltas := make([]cgraph.Delta, len(qq))
	for i, q := range qq {
		deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
	}
	return s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{})
}

// AddClaim stores one hand-entered claim. Its article must be stored, or be
// given as source (a stub without text will do), which is then stored with
// the claim in the same transaction.
func (s *Store) AddClaim(ctx context.Context, c schema.Claim, source *schema.Article) (schema.Claim, error) {
	if err := c.Validate(); err != nil {
		return schema.Claim{}, fmt.Errorf("add claim: %w", err)
	}
	defer s.lock()()
	r := newReader(s.qs)
	if ok, err := r.isKind(ctx, schema.KindClaimNode, c.IRI); err != nil {
		return schema.Claim{}, fmt.Errorf("add claim %q: %w", c.IRI, err)
	} else if ok {
		return schema.Claim{}, fmt.Errorf("add claim: %w: claim %q is already stored", schema.ErrConflict, c.IRI)
	}
	qq, err := s.claimQuads(ctx, r, c, source)
	if err != nil {
		return schema.Claim{}, fmt.Errorf("add claim %q: %w", c.IRI, err)
	}
	// The claim's article may be stored: its facts are read back.
	w := claimWrite{s: s, changed: []string{c.IRI, c.Article}}
	if err := w.begin(ctx, r, qq, true); err != nil {
		return schema.Claim{}, fmt.Errorf("add claim %q: %w", c.IRI, err)
	}
	if err := s.index(ctx, claimDocs([]schema.Claim{c})); err != nil {
		return schema.Claim{}, fmt.Errorf("add claim %q: %w", c.IRI, err)
	}
	if err := s.add(ctx, qq); err != nil {
		w.fail(ctx)
		return schema.Claim{}, fmt.Errorf("add claim %q: %w", c.IRI, err)
	}
	if err := w.done(ctx); err != nil {
		return schema.Claim{}, fmt.Errorf("add claim %q: %w", c.IRI, err)
	}
	out, err := newReader(s.qs).claim(ctx, c.IRI)
	if err != nil {
		return schema.Claim{}, fmt.Errorf("add claim %q: %w", c.IRI, err)
	}
	return out, nil
}

// claimQuads checks c against its article (the stored one, else source) and
// returns the quads to write: the claim's, source's when it is new, less
// those of shared nodes the article already brought.
func (s *Store) claimQuads(ctx context.Context, r *reader, c schema.Claim, source *schema.Article) ([]quad.Quad, error) {
	a, err := r.article(ctx, c.Article)
	stored := err == nil
	switch {
	case errors.Is(err, schema.ErrNotFound) && source == nil:
		return nil, fmt.Errorf("%w: no article %q and no source given", schema.ErrNotFound, c.Article)
	case errors.Is(err, schema.ErrNotFound):
		if err := source.Validate(); err != nil {
			return nil, err
		}
		a = *source
	case err != nil:
		return nil, err
	}
	if err := checkClaim(c, a); err != nil {
		return nil, err
	}
	b := newBatch(a.IRI)
	if !stored {
		b.article(a)
	}
	b.claim(c)
	if !stored {
		return b.list, nil
	}
	return s.missing(ctx, b)
}

// missing returns the quads of b not yet stored: an article's later claim
// may name actors, an event or an outlet that the article already brought.
func (s *Store) missing(ctx context.Context, b *batch) ([]quad.Quad, error) {
	done := make(map[quad.Value]bool)
	for _, q := range b.list {
		if done[q.Subject] {
			continue
		}
		done[q.Subject] = true
		have, err := quadsAt(ctx, s.qs, quad.Subject, q.Subject)
		if err != nil {
			return nil, err
		}
		for _, h := range have {
			if h.Label == b.label {
				delete(b.seen, h.String())
			}
		}
	}
	var out []quad.Quad
	for _, q := range b.list {
		if b.seen[q.String()] {
			out = append(out, q)
		}
	}
	return out, nil
}

// DeleteArticle removes every quad labelled with the article: the article,
// its claims, and what it said about shared nodes. Quads other articles
// brought stay.
func (s *Store) DeleteArticle(ctx context.Context, ref string) error {
	defer s.lock()()
	r := newReader(s.qs)
	iri, ok, err := r.resolveOne(ctx, schema.KindArticleNode, ref)
	if err != nil {
		return fmt.Errorf("delete article %q: %w", ref, err)
	}
	if !ok {
		return fmt.Errorf("delete article: %w: no article %q", schema.ErrNotFound, ref)
	}
	qq, subjects, err := s.labelled(ctx, iri)
	if err != nil {
		return fmt.Errorf("delete article %q: %w", iri, err)
	}
	if qq, err = s.withPeople(ctx, qq); err != nil { // reviews' and merges' edges on its claims
		return fmt.Errorf("delete article %q: %w", iri, err)
	}
	deltas := make([]cgraph.Delta, len(qq))
	for i, q := range qq {
		deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Delete}
	}
	w := claimWrite{s: s, changed: append(claimsIn(qq), iri)}
	if err := w.begin(ctx, r, qq, false); err != nil {
		return fmt.Errorf("delete article %q: %w", iri, err)
	}
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{}); err != nil {
		w.fail(ctx)
		return fmt.Errorf("delete article %q: %w", iri, err)
	}
	if err := w.done(ctx); err != nil {
		return fmt.Errorf("delete article %q: %w", iri, err)
	}
	if subjects != nil {
		if err := s.qs.cix.forgetLabel(iri, subjects); err != nil {
			return fmt.Errorf("delete article %q: %w", iri, err)
		}
	}
	// After the quads: a failure here leaves entries that searches skip.
	if err := s.idx.remove(ctx, claimsIn(qq)); err != nil {
		return fmt.Errorf("delete article %q: %w", iri, err)
	}
	return nil
}

// claimsIn lists the claims that quads type as claims.
func claimsIn(qq []quad.Quad) []string {
	var out []string
	for _, q := range qq {
		if text(q.Predicate) == schema.PredType && text(q.Object) == schema.TypeClaim {
			out = append(out, text(q.Subject))
		}
	}
	return out
}

// index adds docs to the text index; none is nothing to do.
func (s *Store) index(ctx context.Context, docs []textDoc) error {
	if len(docs) == 0 {
		return nil
	}
	return s.idx.add(ctx, docs)
}
