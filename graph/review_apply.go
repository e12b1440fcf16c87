package graph

import (
	"context"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// apply writes deltas in one transaction. Cayley's KV stores count node
// references wrongly when told to ignore duplicate or missing quads (a
// node can then be collected while quads still use it), so the deltas are
// first reduced to exact ones: the last action on a quad wins, and only
// adds of absent quads and deletes of present ones remain.
func (s *Store) apply(ctx context.Context, deltas []cgraph.Delta) error {
	exact, err := s.exact(ctx, deltas, true)
	if err != nil {
		return err
	}
	if len(exact) == 0 {
		return nil
	}
	if s.backend != "bolt" {
		return s.applyIndexed(exact)
	}
	// Cayley's KV stores net node references over a transaction, and a quad
	// added next to deletions that leave one of its nodes with fewer
	// references is written with that node missing. So on bolt the adds go
	// first and the deletes after, in a second transaction: a crash between
	// them leaves both versions, never a broken quad.
	var adds, dels []cgraph.Delta
	for _, d := range exact {
		if d.Action == cgraph.Add {
			adds = append(adds, d)
		} else {
			dels = append(dels, d)
		}
	}
	for _, part := range [][]cgraph.Delta{adds, dels} {
		if len(part) == 0 {
			continue
		}
		if err := s.applyIndexed(part); err != nil {
			return err
		}
	}
	return nil
}

// exact reduces deltas as apply describes; without check it trusts that
// none of the quads is stored (an import into an empty store).
func (s *Store) exact(ctx context.Context, deltas []cgraph.Delta, check bool) ([]cgraph.Delta, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	last := make(map[string]int, len(deltas))
	for i, d := range deltas {
		last[d.Quad.NQuad()] = i
	}
	var out []cgraph.Delta
	for i, d := range deltas {
		if last[d.Quad.NQuad()] != i {
			continue
		}
		stored := false
		if check {
			var err error
			if stored, err = has(ctx, s.qs, d.Quad); err != nil {
				return nil, err
			}
		}
		if stored == (d.Action == cgraph.Delete) {
			out = append(out, d)
		}
	}
	return out, nil
}

// has reports whether the quad q is stored, label included. It reads the
// labels of q's triple, which every backend finds through an index.
func has(ctx context.Context, qs quadStore, q quad.Quad) (bool, error) {
	labels, err := values(ctx, qs, quad.Label, pattern{subject: q.Subject, predicate: q.Predicate, object: q.Object}, -1)
	if err != nil {
		return false, err
	}
	if q.Label == nil {
		return len(labels) > 0, nil
	}
	for _, l := range labels {
		if l != nil && l.String() == q.Label.String() {
			return true, nil
		}
	}
	return false, nil
}
