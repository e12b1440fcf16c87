package graph

import (
	"context"
	"slices"

	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// maxRollupDepth bounds how far down affiliation edges a roll-up walks:
// person → ministry → country is two steps; a deeper chain is more likely a
// loop or an extraction error than an organisation chart.
const maxRollupDepth = 4

// members returns the actors affiliated with any of roots, directly or
// through other members (schema:affiliation points from member to body),
// sorted, without the roots themselves. Cycles stop the walk, not hang it.
func (r *reader) members(ctx context.Context, roots []string) ([]string, error) {
	if ms, ok := r.qs.cache.memberList(roots); ok {
		return ms, nil
	}
	ms, err := r.walkMembers(ctx, roots)
	if err == nil {
		r.qs.cache.keepMembers(roots, ms)
	}
	return ms, err
}

// directMembers returns the actors affiliated with iri directly, sorted.
// The node cache keeps them beside the roll-up's lists, under a key no list
// of roots makes: a busy actor's members take a walk over every article's
// copy of their affiliations.
func (r *reader) directMembers(ctx context.Context, iri string) ([]string, error) {
	key := []string{"\x00direct", iri}
	if ms, ok := r.qs.cache.memberList(key); ok {
		return ms, nil
	}
	ms, err := r.affiliated(ctx, iri, docMembers)
	if err == nil {
		r.qs.cache.keepMembers(key, ms)
	}
	return ms, err
}

// affiliated returns the direct parents (kind docParents) or the direct
// members (docMembers) of iri, sorted, from its affiliation doc if the index
// keeps one; else from the quads, and then it asks for the doc.
func (r *reader) affiliated(ctx context.Context, iri, kind string) ([]string, error) {
	n, ok, err := r.qs.cix.sharedDoc(iri, kind)
	if err != nil || ok {
		return n.strs(schema.PredAffil), err
	}
	var out []string
	if kind == docMembers {
		out, err = subjects(ctx, r.qs, schema.PredAffil, quad.IRI(iri))
	} else {
		var vs []quad.Value
		if r.qs.pg != nil {
			vs, err = r.qs.pg.objects(ctx, iri, schema.PredAffil)
		} else {
			vs, err = values(ctx, r.qs, quad.Object, pattern{subject: quad.IRI(iri), predicate: quad.IRI(schema.PredAffil)}, -1)
		}
		for _, v := range vs {
			// members walks in from IRIs only.
			if p, ok := v.(quad.IRI); ok {
				out = append(out, string(p))
			}
		}
		slices.Sort(out)
		out = slices.Compact(out)
	}
	if err != nil {
		return nil, err
	}
	r.qs.cix.wantDoc(iri, kind, affiliationDoc(iri, out))
	return out, nil
}

// walkMembers is members without the cache.
func (r *reader) walkMembers(ctx context.Context, roots []string) ([]string, error) {
	seen := make(map[string]bool, len(roots))
	for _, iri := range roots {
		seen[iri] = true
	}
	var out []string
	frontier := roots
	for depth := 0; depth < maxRollupDepth && len(frontier) > 0; depth++ {
		var next []string
		for _, iri := range frontier {
			subs, err := r.affiliated(ctx, iri, docMembers)
			if err != nil {
				return nil, err
			}
			for _, m := range subs {
				if !seen[m] {
					seen[m] = true
					next = append(next, m)
				}
			}
		}
		out = append(out, next...)
		frontier = next
	}
	slices.Sort(out)
	return out, nil
}

// rollupMap maps each member of each root to its root, and each root to
// itself: relations fold what a ministry said into its country's row.
func (r *reader) rollupMap(ctx context.Context, roots []string) (map[string]string, error) {
	out := make(map[string]string)
	for _, root := range roots {
		out[root] = root
		ms, err := r.members(ctx, []string{root})
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			if _, ok := out[m]; !ok {
				out[m] = root
			}
		}
	}
	return out, nil
}
