package graph

import (
	"context"
	"slices"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// restStore is the quad store as Cayley's REST writes see it: they bypass
// the store's own writes, so each brings the claim index up to date with the
// claims it touches, as a write of the store's does (see claimWrite). They
// run under the store's write lock.
type restStore struct {
	quadStore
	s *Store
}

// ApplyDeltas marks the claims the deltas touch, writes, and reindexes them.
func (q restStore) ApplyDeltas(in []cgraph.Delta, opts cgraph.IgnoreOpts) error {
	if q.cix == nil {
		return q.quadStore.ApplyDeltas(in, opts)
	}
	ctx := context.Background()
	claims, err := q.touched(ctx, in)
	if err != nil {
		return err
	}
	if err := q.s.pendClaims(claims); err != nil {
		return err
	}
	err = q.quadStore.ApplyDeltas(in, opts)
	if rerr := q.s.reindexClaims(ctx, claims); err == nil {
		err = rerr
	}
	return err
}

// indexPreds are the predicates of a claim's quads that the index reads.
var indexPreds = []string{schema.PredType, schema.PredSpeaker, schema.PredTarget, schema.PredEvent,
	schema.PredOutlet, schema.PredArticle, schema.PredDate, schema.PredContentStart, schema.PredSpeechAct,
	schema.PredPubDate}

// touched lists the claims (and articles) whose index entries the deltas
// may change: their subjects', the claims of an article whose publisher changes, and those
// whose roll-up an affiliation changes.
func (q restStore) touched(ctx context.Context, in []cgraph.Delta) ([]string, error) {
	r := newReader(q.quadStore)
	var out []string
	var edges []quad.Quad
	for _, d := range in {
		switch p := text(d.Quad.Predicate); {
		case slices.Contains(indexPreds, p):
			out = append(out, text(d.Quad.Subject))
		case p == schema.PredPublish:
			cs, err := subjects(ctx, q.quadStore, schema.PredArticle, d.Quad.Subject)
			if err != nil {
				return nil, err
			}
			out = append(append(out, text(d.Quad.Subject)), cs...)
		case p == schema.PredAffil:
			edges = append(edges, d.Quad)
		}
	}
	// Whether an edge comes or goes, the claims under it are read again.
	for _, adding := range []bool{true, false} {
		cs, err := r.edgeClaims(ctx, affiliationQuads(edges), adding)
		if err != nil {
			return nil, err
		}
		out = append(out, cs...)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// applyIndexed writes deltas as one transaction and keeps the claim index
// exact, as Cayley's REST writes do: the way for writes outside AddArticle,
// AddArticles, AddClaim and DeleteArticle (a review's correction, an actor
// merge) to change claims, articles or affiliations. It runs under s.mu.
func (s *Store) applyIndexed(deltas []cgraph.Delta) error {
	return restStore{quadStore: s.qs, s: s}.ApplyDeltas(deltas, cgraph.IgnoreOpts{})
}
