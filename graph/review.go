package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// Review stores a person's review of the claim ref and returns the claim as
// it now reads. The review's Claim, ID and IRI are filled in here. A
// correction's values become the claim's current edges, under the claim's
// reviews label; the machine's stay under the article's label, moved to the
// schema.Extracted predicates, so deleting and re-adding the article
// re-applies the review (see reapplyReviews).
func (s *Store) Review(ctx context.Context, ref string, rev schema.Review) (schema.Claim, schema.Review, error) {
	defer s.lock()()
	r := newReader(s.qs)
	c, err := r.claimRef(ctx, ref)
	if err != nil {
		return schema.Claim{}, rev, fmt.Errorf("review: %w", err)
	}
	rev.Claim = c.IRI
	rev.Date = schema.NormTime(rev.Date)
	rev.SetID()
	if err := s.writeReview(ctx, r, c, &rev); err != nil {
		return schema.Claim{}, rev, fmt.Errorf("review claim %q: %w", c.IRI, err)
	}
	out, err := newReader(s.qs).claim(ctx, c.IRI)
	if err != nil {
		return schema.Claim{}, rev, fmt.Errorf("review claim %q: %w", c.IRI, err)
	}
	return out, rev, nil
}

// writeReview checks rev against the claim and its article and writes it.
func (s *Store) writeReview(ctx context.Context, r *reader, c schema.Claim, rev *schema.Review) error {
	if rev.Correction != nil {
		if err := r.matchActors(ctx, rev.Correction); err != nil {
			return err
		}
	}
	if err := rev.Validate(); err != nil {
		return err
	}
	if rev.Correction != nil {
		a, err := r.article(ctx, c.Article)
		if err != nil {
			return err
		}
		if err := rev.Correction.Apply(c).CheckSpans(a.Text); err != nil {
			return err
		}
	}
	b := newBatch(schema.ReviewsLabel(c.ID))
	b.review(*rev)
	b.current(c.IRI, *rev)
	have, err := quadsAt(ctx, s.qs, quad.Subject, quad.IRI(c.IRI))
	if err != nil {
		return err
	}
	deltas := replaceDeltas(have, b, correctedPreds(*rev))
	if rev.Correction != nil && rev.Correction.Content != nil {
		if err := s.index(ctx, []textDoc{{Claim: c.IRI, Content: rev.Correction.Content.Text}}); err != nil {
			return err
		}
	}
	return s.apply(ctx, deltas) // reindexes the claim (see applyIndexed)
}

// matchActors replaces each actor a correction names by the stored actor of
// that IRI or name, when there is one, so a reviewer typing "Baku" gets the
// actor the extractor made, aliases and all.
func (r *reader) matchActors(ctx context.Context, c *schema.Correction) error {
	var actors []*schema.Actor
	if c.Speaker != nil {
		for i := range c.Speaker.Actors {
			actors = append(actors, &c.Speaker.Actors[i])
		}
	}
	for i := range c.Targets {
		actors = append(actors, &c.Targets[i])
	}
	for _, a := range actors {
		m, err := r.matchActor(ctx, *a)
		if err != nil {
			return err
		}
		*a = m
	}
	return nil
}

// matchActor returns the stored actor with a's IRI, else the one its name
// resolves to, else a itself.
func (r *reader) matchActor(ctx context.Context, a schema.Actor) (schema.Actor, error) {
	for _, ref := range []string{a.IRI, a.Name} {
		if ref == "" {
			continue
		}
		iri, ok, err := r.resolveOne(ctx, schema.KindActorNode, ref)
		if err != nil || ok {
			if err != nil {
				return a, err
			}
			return r.actor(ctx, iri)
		}
	}
	return a, nil
}

// review adds the quads of the review node.
func (b *batch) review(rev schema.Review) {
	s := rev.IRI
	b.add(s, schema.PredType, quad.IRI(schema.TypeReview))
	b.add(s, schema.PredReviewed, quad.IRI(rev.Claim))
	b.add(s, schema.PredStatus, str(string(rev.Status)))
	b.add(s, schema.PredReason, str(rev.Reason))
	b.add(s, schema.PredReviewer, str(rev.Reviewer))
	b.add(s, schema.PredReviewedAt, timeVal(rev.Date))
	c := rev.Correction
	for _, f := range c.Fields() {
		b.add(s, schema.PredCorrects, quad.String(f))
	}
	if c == nil {
		return
	}
	if c.Speaker != nil {
		for _, a := range c.Speaker.Actors {
			b.add(s, schema.PredNewSpeaker, quad.IRI(a.IRI))
		}
		b.add(s, schema.PredNewSpkText, str(c.Speaker.Text))
		b.add(s, schema.PredNewSpkStart, quad.Int(c.Speaker.Start))
		b.add(s, schema.PredNewSpkEnd, quad.Int(c.Speaker.End))
	}
	for _, a := range c.Targets {
		b.add(s, schema.PredNewTarget, quad.IRI(a.IRI))
	}
	if c.Content != nil {
		b.add(s, schema.PredNewContent, str(c.Content.Text))
		b.add(s, schema.PredNewCntStart, quad.Int(c.Content.Start))
		b.add(s, schema.PredNewCntEnd, quad.Int(c.Content.End))
	}
}

// current adds the claim's edges that rev sets: its status, and the fields
// its correction gives, with the quads of the actors they name.
func (b *batch) current(claim string, rev schema.Review) {
	b.add(claim, schema.PredReview, quad.String(string(rev.Status)))
	c := rev.Correction
	if c == nil {
		return
	}
	if c.Speaker != nil {
		for _, a := range c.Speaker.Actors {
			b.add(claim, schema.PredSpeaker, quad.IRI(a.IRI))
			b.actor(a)
		}
		b.add(claim, schema.PredSpeakerText, str(c.Speaker.Text))
		b.add(claim, schema.PredSpeakerStart, quad.Int(c.Speaker.Start))
		b.add(claim, schema.PredSpeakerEnd, quad.Int(c.Speaker.End))
	}
	if c.SetTargets {
		for _, a := range c.Targets {
			b.add(claim, schema.PredTarget, quad.IRI(a.IRI))
			b.actor(a)
		}
	}
	if c.Content != nil {
		b.add(claim, schema.PredContent, str(c.Content.Text))
		b.add(claim, schema.PredContentStart, quad.Int(c.Content.Start))
		b.add(claim, schema.PredContentEnd, quad.Int(c.Content.End))
	}
}

// correctedPreds lists the claim predicates a review sets.
func correctedPreds(rev schema.Review) map[string]bool {
	preds := map[string]bool{schema.PredReview: true}
	for _, f := range rev.Correction.Fields() {
		switch f {
		case "speaker":
			preds[schema.PredSpeaker], preds[schema.PredSpeakerText] = true, true
			preds[schema.PredSpeakerStart], preds[schema.PredSpeakerEnd] = true, true
		case "targets":
			preds[schema.PredTarget] = true
		case "content":
			preds[schema.PredContent], preds[schema.PredContentStart], preds[schema.PredContentEnd] = true, true, true
		}
	}
	return preds
}

// replaceDeltas turns the claim's stored quads have and the review's quads
// b into one transaction: the review's earlier values of the predicates it
// sets go, the machine's move to their Extracted predicates under the same
// label, and b's quads come (apply drops what is already stored).
func replaceDeltas(have []quad.Quad, b *batch, preds map[string]bool) []cgraph.Delta {
	var out []cgraph.Delta
	for _, q := range have {
		switch {
		case !preds[text(q.Predicate)]:
		case q.Label == b.label:
			out = append(out, cgraph.Delta{Quad: q, Action: cgraph.Delete})
		default:
			out = append(out, moveDeltas(q)...)
		}
	}
	for _, q := range b.list {
		out = append(out, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	return out
}

// moveDeltas moves a machine's quad of a claim to its Extracted predicate.
func moveDeltas(q quad.Quad) []cgraph.Delta {
	ext, ok := schema.Extracted(text(q.Predicate))
	if !ok {
		return nil
	}
	moved := q
	moved.Predicate = quad.IRI(ext)
	return []cgraph.Delta{{Quad: q, Action: cgraph.Delete}, {Quad: moved, Action: cgraph.Add}}
}
