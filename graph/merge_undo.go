package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// Unmerge undoes the merge of the actor ref: its claims' edges point at it
// again, under the labels they had, and the actor it was merged into loses
// the aliases the merge gave it. It returns ref's profile.
func (s *Store) Unmerge(ctx context.Context, ref string) (Profile, error) {
	defer s.lock()()
	r := newReader(s.qs)
	from, ok, err := r.resolveOne(ctx, schema.KindActorNode, ref)
	if err == nil && !ok {
		err = fmt.Errorf("%w: no actor matches %q", schema.ErrNotFound, ref)
	}
	if err != nil {
		return Profile{}, fmt.Errorf("unmerge actor: %w", err)
	}
	deltas, err := s.unmergeDeltas(ctx, from)
	if err == nil {
		err = s.apply(ctx, deltas) // reindexes the claims moved back (see applyIndexed)
	}
	if err != nil {
		return Profile{}, fmt.Errorf("unmerge actor %q: %w", from, err)
	}
	p, err := newReader(s.qs).profile(ctx, from, false)
	if err != nil {
		return Profile{}, fmt.Errorf("unmerge actor %q: %w", from, err)
	}
	return p, nil
}

// unmergeDeltas returns the deltas that undo the merge of from.
func (s *Store) unmergeDeltas(ctx context.Context, from string) ([]cgraph.Delta, error) {
	to, err := mergedInto(ctx, s.qs, from)
	if err != nil {
		return nil, err
	}
	if to == "" {
		return nil, fmt.Errorf("%w: actor %q is not merged into another", schema.ErrConflict, from)
	}
	label := quad.IRI(schema.MergeLabel(idOf(from)))
	del := func(q quad.Quad) cgraph.Delta { return cgraph.Delta{Quad: q, Action: cgraph.Delete} }
	deltas := []cgraph.Delta{del(quad.Quad{Subject: quad.IRI(schema.MergesNode), Predicate: quad.IRI(schema.PredMerged), Object: quad.IRI(from), Label: label})}
	for _, subject := range []string{from, to} {
		qq, err := quadsAt(ctx, s.qs, quad.Subject, quad.IRI(subject))
		if err != nil {
			return nil, err
		}
		for _, q := range qq {
			if q.Label == label {
				deltas = append(deltas, del(q))
			}
		}
	}
	moves, err := subjects(ctx, s.qs, schema.PredMoveActor, quad.IRI(from))
	if err != nil {
		return nil, err
	}
	for _, m := range moves {
		qq, err := quadsAt(ctx, s.qs, quad.Subject, quad.IRI(m))
		if err != nil {
			return nil, err
		}
		n := node{iri: m, vals: make(map[string][]quad.Value)}
		for _, q := range qq {
			deltas = append(deltas, del(q))
			n.vals[text(q.Predicate)] = append(n.vals[text(q.Predicate)], q.Object)
		}
		claim, pred := n.str(schema.PredMoveClaim), n.str(schema.PredMovePred)
		back := quad.Quad{Subject: quad.IRI(claim), Predicate: quad.IRI(pred), Object: quad.IRI(from), Label: n.one(schema.PredMoveLabel)}
		moved := quad.Quad{Subject: quad.IRI(claim), Predicate: quad.IRI(pred), Object: quad.IRI(to), Label: label}
		deltas = append(deltas, del(moved), cgraph.Delta{Quad: back, Action: cgraph.Add})
	}
	return deltas, nil
}

// reapplyMerges re-points the edges of claims just written again at the
// actors their actors were merged into: a merge outlives the deletion and
// re-ingestion of an article. Called under s.mu, after the quads are in.
func (s *Store) reapplyMerges(ctx context.Context, claims []schema.Claim) error {
	// One lookup when nothing was ever merged, the usual case on ingest.
	if any, err := exists(ctx, s.qs, pattern{subject: quad.IRI(schema.MergesNode), predicate: quad.IRI(schema.PredMerged)}); err != nil || !any {
		return err
	}
	into := make(map[string]string) // actor -> the actor it was merged into, "" if none
	var deltas []cgraph.Delta
	for _, c := range claims {
		for pred, actors := range map[string][]schema.Actor{schema.PredSpeaker: c.Speaker.Actors, schema.PredTarget: c.Targets} {
			for _, a := range actors {
				to, seen := into[a.IRI]
				if !seen {
					var err error
					if to, err = mergedInto(ctx, s.qs, a.IRI); err != nil {
						return err
					}
					into[a.IRI] = to
				}
				if to == "" {
					continue
				}
				b := newBatch(schema.MergeLabel(idOf(a.IRI)))
				q := quad.Quad{Subject: quad.IRI(c.IRI), Predicate: quad.IRI(pred), Object: quad.IRI(a.IRI), Label: quad.IRI(c.Article)}
				deltas = append(deltas, b.moveEdge(q, to))
				for _, q := range b.list {
					deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
				}
			}
		}
	}
	return s.apply(ctx, deltas) // reindexes the claims moved (see applyIndexed)
}
