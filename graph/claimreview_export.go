package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// statusRating places a review status on a ClaimReview rating from 1
// (wrong) to 3 (verified).
func statusRating(st schema.ReviewStatus) string {
	switch st {
	case schema.Verified:
		return "3"
	case schema.Disputed:
		return "2"
	}
	return "1"
}

// ClaimReviews returns the claim ref's reviews as ClaimReview: those
// imported from fact-checkers and those made here. A claim without any is
// ErrNotFound.
func (s *Store) ClaimReviews(ctx context.Context, ref string) ([]schema.ClaimReview, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := newReader(s.qs)
	c, err := r.claimRef(ctx, ref)
	if err != nil {
		return nil, fmt.Errorf("claim reviews: %w", err)
	}
	nodes, err := subjects(ctx, s.qs, schema.PredReviewed, quad.IRI(c.IRI))
	if err == nil {
		var out []schema.ClaimReview
		if out, err = r.claimReviews(ctx, nodes); err == nil && len(out) == 0 {
			err = fmt.Errorf("%w: claim %q has no reviews", schema.ErrNotFound, c.ID)
		}
		if err == nil {
			return out, nil
		}
	}
	return nil, fmt.Errorf("claim reviews of %q: %w", c.IRI, err)
}

// writeClaimReviews writes every ClaimReview and review of the store, or
// those of the article's claims and those that saw the claim in it, as one
// JSON-LD document.
func (s *Store) writeClaimReviews(ctx context.Context, w io.Writer, article string) error {
	var nodes []string
	var err error
	if article == "" {
		nodes, err = s.reviewNodes(ctx)
	} else {
		nodes, err = s.articleReviewNodes(ctx, article)
	}
	if err != nil {
		return err
	}
	crs, err := newReader(s.qs).claimReviews(ctx, nodes)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(schema.ClaimReviewDocument(crs))
}

// reviewNodes lists every ClaimReview and review node, ClaimReviews first.
func (s *Store) reviewNodes(ctx context.Context) ([]string, error) {
	crs, err := subjects(ctx, s.qs, schema.PredType, quad.IRI(schema.TypeClaimReview))
	if err != nil {
		return nil, err
	}
	revs, err := subjects(ctx, s.qs, schema.PredType, quad.IRI(schema.TypeReview))
	return append(crs, revs...), err
}

// articleReviewNodes lists the review nodes of the article's claims and the
// ClaimReviews that saw the claim they review in it.
func (s *Store) articleReviewNodes(ctx context.Context, article string) ([]string, error) {
	out, err := subjects(ctx, s.qs, schema.PredAppearsIn, quad.IRI(article))
	if err != nil {
		return nil, err
	}
	claims, err := subjects(ctx, s.qs, schema.PredArticle, quad.IRI(article))
	if err != nil {
		return nil, err
	}
	for _, c := range claims {
		revs, err := subjects(ctx, s.qs, schema.PredReviewed, quad.IRI(c))
		if err != nil {
			return nil, err
		}
		out = append(out, revs...)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// claimReviews decodes review and ClaimReview nodes as ClaimReviews; a
// review of a claim whose article is gone is left out.
func (r *reader) claimReviews(ctx context.Context, nodes []string) ([]schema.ClaimReview, error) {
	var out []schema.ClaimReview
	for _, iri := range nodes {
		n, err := r.node(ctx, iri)
		if err != nil {
			return nil, err
		}
		var cr schema.ClaimReview
		switch types := n.strs(schema.PredType); {
		case slices.Contains(types, schema.TypeClaimReview):
			cr, err = r.claimReview(ctx, n)
		case slices.Contains(types, schema.TypeReview):
			cr, err = r.reviewAsClaimReview(ctx, n)
		default:
			continue
		}
		if errors.Is(err, schema.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, cr)
	}
	return out, nil
}

// claimReview decodes an imported ClaimReview node.
func (r *reader) claimReview(ctx context.Context, n node) (schema.ClaimReview, error) {
	cr := schema.ClaimReview{
		URL: n.str(schema.PredURL), ClaimReviewed: n.str(schema.PredClaimReviewed),
		DatePublished: n.time(schema.PredPubDate), ReviewBody: n.str(schema.PredReason),
		Item: schema.ClaimItem{DatePublished: n.time(schema.PredClaimDate), Appearances: n.strs(schema.PredAppearanceURL)},
	}
	var err error
	if a := n.str(schema.PredReviewAuthor); a != "" {
		if cr.Author, err = r.agent(ctx, a); err != nil {
			return cr, err
		}
		cr.Author.URL = n.str(schema.PredAuthorURL)
	}
	if a := n.str(schema.PredClaimAuthor); a != "" {
		if cr.Item.Author, err = r.agent(ctx, a); err != nil {
			return cr, err
		}
	}
	if rt := n.str(schema.PredRating); rt != "" {
		rn, err := r.node(ctx, rt)
		if err != nil {
			return cr, err
		}
		cr.Rating = &schema.Rating{Value: rn.str(schema.PredRatingValue), Best: rn.str(schema.PredBestRating),
			Worst: rn.str(schema.PredWorstRating), Name: rn.str(schema.PredRatingName)}
	}
	return cr, nil
}

// agent is the actor iri as a ClaimReview names it.
func (r *reader) agent(ctx context.Context, iri string) (*schema.Agent, error) {
	a, err := r.actor(ctx, iri)
	if err != nil {
		return nil, err
	}
	return &schema.Agent{Type: agentClass(a.Kind), Name: a.Name}, nil
}

// reviewAsClaimReview renders a review made here as a ClaimReview of the
// claim as corrected, rated 1 (wrong) to 3 (verified).
func (r *reader) reviewAsClaimReview(ctx context.Context, n node) (schema.ClaimReview, error) {
	rev, err := r.review(ctx, n)
	if err != nil {
		return schema.ClaimReview{}, err
	}
	c, err := r.claim(ctx, rev.Claim)
	if err != nil {
		return schema.ClaimReview{}, err
	}
	a, err := r.article(ctx, c.Article)
	if err != nil {
		return schema.ClaimReview{}, err
	}
	cr := schema.ClaimReview{
		ClaimReviewed: c.Content.Text, DatePublished: rev.Date, ReviewBody: rev.Reason,
		Author: &schema.Agent{Type: "Organization", Name: "claimgraph reviewer " + rev.Reviewer},
		Item:   schema.ClaimItem{DatePublished: c.Date},
		Rating: &schema.Rating{Value: statusRating(rev.Status), Best: "3", Worst: "1", Name: string(rev.Status)},
	}
	if len(c.Speaker.Actors) > 0 {
		sp := c.Speaker.Actors[0]
		cr.Item.Author = &schema.Agent{Type: agentClass(sp.Kind), Name: sp.Name}
	}
	if a.URL != "" {
		cr.Item.Appearances = []string{a.URL}
	}
	return cr, nil
}
