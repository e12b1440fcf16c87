package graph

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// importClaimReviews reads a ClaimReview document and stores each review as
// a node under a label of its own, linked to the actors, articles and claim
// it matches, in one transaction.
func (s *Store) importClaimReviews(ctx context.Context, r io.Reader) (Imported, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Imported{}, fmt.Errorf("import claimreview: %w", err)
	}
	crs, err := schema.ParseClaimReviews(data)
	if err != nil {
		return Imported{}, fmt.Errorf("import claimreview: %w", err)
	}
	defer s.lock()()
	rd := newReader(s.qs)
	var deltas []cgraph.Delta
	for _, cr := range crs {
		b, err := rd.claimReviewBatch(ctx, cr)
		if err != nil {
			return Imported{}, fmt.Errorf("import claimreview %q: %w", cr.ClaimReviewed, err)
		}
		for _, q := range b.list {
			deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
		}
	}
	if err := s.apply(ctx, deltas); err != nil {
		return Imported{}, fmt.Errorf("import claimreview: %w", err)
	}
	return Imported{Quads: len(deltas), Reviews: len(crs)}, nil
}

// claimReviewBatch returns the quads of one ClaimReview.
func (r *reader) claimReviewBatch(ctx context.Context, cr schema.ClaimReview) (*batch, error) {
	id := cr.ID()
	node := schema.IRI(schema.KindClaimReviewNode, id)
	b := newBatch(node)
	b.add(node, schema.PredType, quad.IRI(schema.TypeClaimReview))
	b.add(node, schema.PredURL, str(cr.URL))
	b.add(node, schema.PredClaimReviewed, str(cr.ClaimReviewed))
	b.add(node, schema.PredPubDate, timeVal(cr.DatePublished))
	b.add(node, schema.PredReason, str(cr.ReviewBody))
	b.add(node, schema.PredClaimDate, timeVal(cr.Item.DatePublished))
	if cr.Author != nil {
		a, err := r.agentActor(ctx, b, *cr.Author)
		if err != nil {
			return nil, err
		}
		b.add(node, schema.PredReviewAuthor, quad.IRI(a))
		b.add(node, schema.PredAuthorURL, str(cr.Author.URL))
	}
	author := ""
	if cr.Item.Author != nil {
		var err error
		if author, err = r.agentActor(ctx, b, *cr.Item.Author); err != nil {
			return nil, err
		}
		b.add(node, schema.PredClaimAuthor, quad.IRI(author))
	}
	var articles []string
	for _, u := range cr.Item.Appearances {
		b.add(node, schema.PredAppearanceURL, quad.String(u))
		found, err := r.articlesAt(ctx, u)
		if err != nil {
			return nil, err
		}
		for _, a := range found {
			b.add(node, schema.PredAppearsIn, quad.IRI(a))
		}
		articles = append(articles, found...)
	}
	claim, err := r.matchClaim(ctx, cr.ClaimReviewed, author, articles)
	if err != nil {
		return nil, err
	}
	b.add(node, schema.PredReviewed, iri(claim))
	b.rating(schema.IRI(schema.KindRatingNode, id), node, cr.Rating)
	return b, nil
}

// rating adds the quads of a ClaimReview's rating.
func (b *batch) rating(node, review string, r *schema.Rating) {
	if r == nil {
		return
	}
	b.add(review, schema.PredRating, quad.IRI(node))
	b.add(node, schema.PredType, quad.IRI(schema.TypeRating))
	b.add(node, schema.PredRatingValue, str(r.Value))
	b.add(node, schema.PredBestRating, str(r.Best))
	b.add(node, schema.PredWorstRating, str(r.Worst))
	b.add(node, schema.PredRatingName, str(r.Name))
}

// agentActor returns the IRI of the stored actor an agent names, by name,
// alias or slug, adding a new actor to b when none matches.
func (r *reader) agentActor(ctx context.Context, b *batch, ag schema.Agent) (string, error) {
	a, err := r.matchActor(ctx, schema.NewActor(ag.Name, agentKind(ag.Type)))
	if err != nil {
		return "", err
	}
	if ok, err := r.isKind(ctx, schema.KindActorNode, a.IRI); err != nil || ok {
		return a.IRI, err
	}
	b.actor(a)
	return a.IRI, nil
}

// agentKind maps a schema.org class name to an actor kind, and back.
func agentKind(class string) schema.ActorKind {
	switch class {
	case "Person":
		return schema.KindPerson
	case "GovernmentOrganization":
		return schema.KindGovernment
	case "Country":
		return schema.KindCountry
	}
	return schema.KindOrganization
}

func agentClass(k schema.ActorKind) string {
	switch k {
	case schema.KindPerson:
		return "Person"
	case schema.KindGovernment:
		return "GovernmentOrganization"
	case schema.KindCountry:
		return "Country"
	}
	return "Organization"
}

// articlesAt returns the stored articles at the URL u.
func (r *reader) articlesAt(ctx context.Context, u string) ([]string, error) {
	nodes, err := subjects(ctx, r.qs, schema.PredURL, quad.String(u))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, n := range nodes {
		if ok, err := r.isKind(ctx, schema.KindArticleNode, n); err != nil {
			return nil, err
		} else if ok {
			out = append(out, n)
		}
	}
	return out, nil
}

// matchClaim finds the stored claim a fact-checker's wording refers to:
// among the claims of the articles it appeared in (else among the author's
// claims), the first whose content the wording contains or is contained
// in, made by the author when one is known. "" when none fits.
func (r *reader) matchClaim(ctx context.Context, wording, author string, articles []string) (string, error) {
	var cands []string
	for _, a := range articles {
		cs, err := subjects(ctx, r.qs, schema.PredArticle, quad.IRI(a))
		if err != nil {
			return "", err
		}
		cands = append(cands, cs...)
	}
	if len(articles) == 0 && author != "" {
		var err error
		if cands, err = subjects(ctx, r.qs, schema.PredSpeaker, quad.IRI(author)); err != nil {
			return "", err
		}
	}
	slices.Sort(cands)
	key := schema.Key(wording)
	for _, c := range slices.Compact(cands) {
		n, err := readNode(ctx, r.qs, c, one(schema.PredContent), many(schema.PredSpeaker))
		if err != nil {
			return "", err
		}
		ck := schema.Key(n.str(schema.PredContent))
		if ck == "" || !(strings.Contains(key, ck) || strings.Contains(ck, key)) {
			continue
		}
		if author == "" || slices.Contains(n.strs(schema.PredSpeaker), author) {
			return c, nil
		}
	}
	return "", nil
}
