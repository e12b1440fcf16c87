package graph

import (
	"context"
	"slices"

	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// rollUp fills in the roll-up keys of facts: each speaker and target with
// the actors it rolls up to, as members walks them the other way.
func (r *reader) rollUp(ctx context.Context, facts []claimFacts) error {
	for i := range facts {
		f := &facts[i]
		if f.gone {
			continue
		}
		var err error
		if f.speakersUp, err = r.upAll(ctx, f.speakers); err != nil {
			return err
		}
		if f.targetsUp, err = r.upAll(ctx, f.targets); err != nil {
			return err
		}
	}
	return nil
}

// upAll returns actors with every actor each rolls up to, sorted.
func (r *reader) upAll(ctx context.Context, actors []string) ([]string, error) {
	var out []string
	for _, a := range actors {
		up, err := r.ancestors(ctx, a)
		if err != nil {
			return nil, err
		}
		out = append(out, up...)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// ancestors returns iri and the actors it is affiliated with, directly or
// through others, up to maxRollupDepth steps: exactly the roots whose
// members (see members) include it. The node cache keeps them: a load
// names the same actors over and over.
func (r *reader) ancestors(ctx context.Context, iri string) ([]string, error) {
	u, err := r.up(ctx, iri)
	return u.ancestors, err
}

// up returns the ancestors of iri (see ancestors) and its direct parents,
// each once: the parents sorted, then their parents, and so on.
func (r *reader) up(ctx context.Context, iri string) (upNode, error) {
	if u, ok := r.qs.cache.up(iri); ok {
		return u, nil
	}
	seen := map[string]bool{iri: true}
	out, frontier := []string{iri}, []string{iri}
	var parents []string
	for depth := 0; depth < maxRollupDepth && len(frontier) > 0; depth++ {
		var next []string
		for _, x := range frontier {
			ps, err := r.affiliated(ctx, x, docParents)
			if err != nil {
				return upNode{}, err
			}
			for _, p := range ps {
				if !seen[p] {
					seen[p] = true
					next = append(next, p)
				}
			}
		}
		if depth == 0 {
			parents = next
		}
		out = append(out, next...)
		frontier = next
	}
	r.qs.cache.keepAncestors(iri, out, parents)
	return upNode{ancestors: out, parents: parents}, nil
}

// affiliationQuads returns the quads of qq that affiliate an actor.
func affiliationQuads(qq []quad.Quad) []quad.Quad {
	var out []quad.Quad
	for _, q := range qq {
		if text(q.Predicate) == schema.PredAffil {
			if _, ok := q.Object.(quad.IRI); ok {
				out = append(out, q)
			}
		}
	}
	return out
}

// edgeClaims returns the stored claims whose roll-up the affiliation edges
// change: those of each edge's member and of that member's own members.
// adding says whether the quads are about to be added (an edge is new if
// no quad has it yet) or deleted (an edge goes if no other label has it).
func (r *reader) edgeClaims(ctx context.Context, edges []quad.Quad, adding bool) ([]string, error) {
	if r.qs.cix == nil || len(edges) == 0 {
		return nil, nil
	}
	var changed []string
	done := make(map[string]bool)
	for _, q := range edges {
		p := pattern{subject: q.Subject, predicate: q.Predicate, object: q.Object}
		k := p.subject.String() + " " + p.object.String()
		if done[k] {
			continue
		}
		done[k] = true
		if u, ok := r.qs.cache.up(text(q.Subject)); adding && ok && slices.Contains(u.parents, text(q.Object)) {
			continue // stored already: the cache keeps an actor's parents as stored
		}
		labels, err := values(ctx, r.qs, quad.Label, p, 2)
		if err != nil {
			return nil, err
		}
		if (adding && len(labels) == 0) || (!adding && len(labels) < 2) {
			changed = append(changed, text(q.Subject))
		}
	}
	if len(changed) == 0 {
		return nil, nil
	}
	ms, err := r.members(ctx, changed)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, a := range append(changed, ms...) {
		for _, pred := range []string{schema.PredSpeaker, schema.PredTarget} {
			cs, err := subjects(ctx, r.qs, pred, quad.IRI(a))
			if err != nil {
				return nil, err
			}
			out = append(out, cs...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}
