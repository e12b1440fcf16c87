package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// Reviewed is a claim with the reviews people gave it, oldest first.
type Reviewed struct {
	schema.Claim
	Reviews []schema.Review `json:"reviews"` // never nil
}

// ReviewedClaim returns the claim ref with its reviews. With extracted, the
// claim reads as the machine extracted it, before any correction.
func (s *Store) ReviewedClaim(ctx context.Context, ref string, extracted bool) (Reviewed, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := newReader(s.qs)
	iri, ok, err := r.resolveOne(ctx, schema.KindClaimNode, ref)
	if err == nil && !ok {
		err = fmt.Errorf("%w: no claim %q", schema.ErrNotFound, ref)
	}
	if err != nil {
		return Reviewed{}, fmt.Errorf("claim: %w", err)
	}
	var out Reviewed
	if extracted {
		if err := r.asExtracted(ctx, iri); err != nil {
			return Reviewed{}, fmt.Errorf("claim %q: %w", iri, err)
		}
	}
	if out.Claim, err = r.claim(ctx, iri); err == nil {
		out.Reviews, err = r.reviews(ctx, iri)
	}
	if err != nil {
		return Reviewed{}, fmt.Errorf("claim %q: %w", iri, err)
	}
	return out, nil
}

// asExtracted reads the claim node iri into the reader's cache with the
// machine's values in place of the corrected ones, so that claim decodes
// the extracted version.
func (r *reader) asExtracted(ctx context.Context, iri string) error {
	n, err := readNode(ctx, r.qs, iri)
	if err != nil {
		return err
	}
	for _, p := range []string{schema.PredSpeaker, schema.PredTarget, schema.PredSpeakerText, schema.PredSpeakerStart,
		schema.PredSpeakerEnd, schema.PredContent, schema.PredContentStart, schema.PredContentEnd, schema.PredReview} {
		if ext, _ := schema.Extracted(p); len(n.vals[ext]) > 0 {
			n.vals[p] = n.vals[ext] // a correction may have removed every current value
		}
	}
	r.nodes[iri] = n
	return nil
}

// reviews decodes the reviews of the claim iri, oldest first.
func (r *reader) reviews(ctx context.Context, claim string) ([]schema.Review, error) {
	iris, err := subjects(ctx, r.qs, schema.PredReviewed, quad.IRI(claim))
	if err != nil {
		return nil, err
	}
	out := []schema.Review{}
	for _, iri := range iris {
		n, ok, err := r.typed(ctx, iri, schema.TypeReview)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue // an imported ClaimReview: see claimReviews
		}
		rev, err := r.review(ctx, n)
		if err != nil {
			return nil, err
		}
		out = append(out, rev)
	}
	slices.SortFunc(out, func(a, b schema.Review) int { return cmp.Or(a.Date.Compare(b.Date), strings.Compare(a.ID, b.ID)) })
	return out, nil
}

// review decodes a review node.
func (r *reader) review(ctx context.Context, n node) (schema.Review, error) {
	rev := schema.Review{
		ID: idOf(n.iri), IRI: n.iri,
		Claim:    n.str(schema.PredReviewed),
		Status:   schema.ReviewStatus(n.str(schema.PredStatus)),
		Reason:   n.str(schema.PredReason),
		Reviewer: n.str(schema.PredReviewer),
		Date:     n.time(schema.PredReviewedAt),
	}
	fields := n.strs(schema.PredCorrects)
	if len(fields) == 0 {
		return rev, nil
	}
	c := &schema.Correction{}
	for _, f := range fields {
		var err error
		switch f {
		case "speaker":
			c.Speaker = &schema.Speaker{Span: schema.Span{Start: n.integer(schema.PredNewSpkStart),
				End: n.integer(schema.PredNewSpkEnd), Text: n.str(schema.PredNewSpkText)}}
			c.Speaker.Actors, err = r.actors(ctx, n.strs(schema.PredNewSpeaker))
		case "targets":
			c.SetTargets = true
			c.Targets, err = r.actors(ctx, n.strs(schema.PredNewTarget))
		case "content":
			c.Content = &schema.Span{Start: n.integer(schema.PredNewCntStart), End: n.integer(schema.PredNewCntEnd),
				Text: n.str(schema.PredNewContent)}
		}
		if err != nil {
			return rev, err
		}
	}
	rev.Correction = c
	return rev, nil
}

// reapplyPeople re-applies what people did to claims just written again
// (their actors' merges, then their reviews) when an article is re-added
// after a deletion. Called under s.mu, after the article's quads are in.
func (s *Store) reapplyPeople(ctx context.Context, claims []schema.Claim) error {
	if err := s.reapplyMerges(ctx, claims); err != nil {
		return err
	}
	return s.reapplyReviews(ctx, claims)
}

// reapplyReviews re-applies the stored reviews of claims just written
// again, when their article is re-added after a deletion: the machine's
// values of every field a review corrected move back to the Extracted
// predicates, and corrected content goes back into the text index. Called
// under s.mu, after the article's quads are in.
func (s *Store) reapplyReviews(ctx context.Context, claims []schema.Claim) error {
	if any, err := exists(ctx, s.qs, pattern{predicate: quad.IRI(schema.PredType), object: quad.IRI(schema.TypeReview)}); err != nil || !any {
		return err
	}
	r := newReader(s.qs)
	var deltas []cgraph.Delta
	for _, c := range claims {
		revs, err := r.reviews(ctx, c.IRI)
		if err != nil || len(revs) == 0 {
			if err != nil {
				return err
			}
			continue
		}
		d, err := s.reapply(ctx, c, revs)
		if err != nil {
			return err
		}
		deltas = append(deltas, d...)
	}
	return s.apply(ctx, deltas) // reindexes the claims (see applyIndexed)
}

// reapply returns the deltas that lay the reviews revs (oldest first) of c
// back over it: their correction rebuilt from the review nodes, as the
// latest review of each field gives it, with the latest status.
func (s *Store) reapply(ctx context.Context, c schema.Claim, revs []schema.Review) ([]cgraph.Delta, error) {
	eff := effective(revs)
	b := newBatch(schema.ReviewsLabel(c.ID))
	b.current(c.IRI, eff)
	have, err := quadsAt(ctx, s.qs, quad.Subject, quad.IRI(c.IRI))
	if err != nil {
		return nil, err
	}
	if eff.Correction != nil && eff.Correction.Content != nil {
		if err := s.index(ctx, []textDoc{{Claim: c.IRI, Content: eff.Correction.Content.Text}}); err != nil {
			return nil, err
		}
	}
	return replaceDeltas(have, b, correctedPreds(eff)), nil
}

// effective is the latest of revs (oldest first) with, as its correction,
// the latest correction of each field.
func effective(revs []schema.Review) schema.Review {
	out := revs[len(revs)-1]
	c := &schema.Correction{}
	for _, r := range revs {
		rc := r.Correction
		if rc == nil {
			continue
		}
		if rc.Speaker != nil {
			c.Speaker = rc.Speaker
		}
		if rc.SetTargets {
			c.SetTargets, c.Targets = true, rc.Targets
		}
		if rc.Content != nil {
			c.Content = rc.Content
		}
	}
	out.Correction = nil
	if len(c.Fields()) > 0 {
		out.Correction = c
	}
	return out
}

// withPeople adds to an article's quads, about to be deleted, those that
// people laid over its claims: their current edges under reviews and merge
// labels, and the merges' records of the edges they moved. The review nodes
// and the merges themselves stay, to be laid again if the article returns
// (see reapplyPeople); left alone, the edges would name claims that are gone.
func (s *Store) withPeople(ctx context.Context, qq []quad.Quad) ([]quad.Quad, error) {
	reviews, merges := schema.IRI(schema.KindReviewsNode, ""), schema.IRI(schema.KindMergeNode, "")
	out := qq
	for _, c := range claimsIn(qq) {
		have, err := quadsAt(ctx, s.qs, quad.Subject, quad.IRI(c))
		if err != nil {
			return nil, err
		}
		for _, q := range have {
			if l := text(q.Label); q.Label != nil && (strings.HasPrefix(l, reviews) || strings.HasPrefix(l, merges)) {
				out = append(out, q)
			}
		}
		moves, err := subjects(ctx, s.qs, schema.PredMoveClaim, quad.IRI(c))
		if err != nil {
			return nil, err
		}
		for _, m := range moves {
			mq, err := quadsAt(ctx, s.qs, quad.Subject, quad.IRI(m))
			if err != nil {
				return nil, err
			}
			out = append(out, mq...)
		}
	}
	return out, nil
}
