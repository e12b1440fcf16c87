package graph

import (
	"context"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// resolve finds the nodes of one kind (schema.KindActorNode, ...) that ref
// names: ref is an IRI, which names that node only, or else an ID or, for
// actors, outlets and events, a name, alias or label in any case, which
// name every node they fit. It returns the IRIs sorted, nil for no match.
func (r *reader) resolve(ctx context.Context, kind, ref string) ([]string, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return nil, nil
	}
	if strings.Contains(ref, ":") { // IDs and names have none; IRIs do
		if ok, err := r.isKind(ctx, kind, ref); err != nil || ok {
			return []string{ref}, err
		}
	}
	var out []string
	byID := schema.IRI(kind, ref)
	if ok, err := r.isKind(ctx, kind, byID); err != nil {
		return nil, err
	} else if ok {
		out = append(out, byID)
	}
	if kind == schema.KindArticleNode || kind == schema.KindClaimNode {
		return out, nil
	}
	named, err := r.keyed(ctx, schema.Key(ref))
	if err != nil {
		return nil, err
	}
	for _, iri := range named {
		ok, err := r.isKind(ctx, kind, iri)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, iri)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// keyed returns the subjects of the key quads with key as object: the
// nodes whose name, alias or label fits it, of any kind.
func (r *reader) keyed(ctx context.Context, key string) ([]string, error) {
	if iris, ok := r.qs.cache.keyed(key); ok {
		return iris, nil
	}
	iris, err := subjects(ctx, r.qs, schema.PredKey, quad.String(key))
	if err == nil {
		r.qs.cache.keepKeyed(key, iris)
	}
	return iris, err
}

// isKind reports whether iri is a stored node of the kind. It reads type
// quads, not the node (an actor named by many articles has many quads),
// and the first type quad settles it but for foreign quads.
func (r *reader) isKind(ctx context.Context, kind, iri string) (bool, error) {
	if n, ok := r.qs.cache.get(iri, "is "+kind); ok {
		return n.boolean(schema.PredType), nil
	}
	ok, err := r.readKind(ctx, kind, iri)
	if err == nil {
		r.qs.cache.put(iri, "is "+kind, node{iri: iri, vals: map[string][]quad.Value{schema.PredType: {quad.Bool(ok)}}})
	}
	return ok, err
}

// readKind is isKind without the cache.
func (r *reader) readKind(ctx context.Context, kind, iri string) (bool, error) {
	classes := kindClasses(kind)
	first, err := values(ctx, r.qs, quad.Object, pattern{subject: quad.IRI(iri), predicate: quad.IRI(schema.PredType)}, 1)
	if err != nil || len(first) == 0 {
		return false, err
	}
	if slices.Contains(classes, text(first[0])) {
		return true, nil
	}
	for _, class := range classes {
		p := pattern{subject: quad.IRI(iri), predicate: quad.IRI(schema.PredType), object: quad.IRI(class)}
		if ok, err := exists(ctx, r.qs, p); err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

// kindClasses lists the classes of the nodes of a kind.
func kindClasses(kind string) []string {
	switch kind {
	case schema.KindActorNode:
		return actorClasses()
	case schema.KindArticleNode:
		return []string{schema.TypeArticle}
	case schema.KindClaimNode:
		return []string{schema.TypeClaim}
	case schema.KindOutletNode:
		return []string{schema.TypeOutlet}
	case schema.KindEventNode:
		return []string{schema.TypeEvent}
	}
	return nil
}

// resolveOne is resolve for a caller that wants a single node: of several
// matches, one whose name (not just an alias) matches wins, then the one
// with ref as its ID, then the smallest IRI. ok is false when nothing matches.
func (r *reader) resolveOne(ctx context.Context, kind, ref string) (iri string, ok bool, err error) {
	ref = strings.TrimSpace(ref)
	iris, err := r.resolve(ctx, kind, ref)
	if err != nil || len(iris) == 0 {
		return "", false, err
	}
	if len(iris) == 1 {
		return iris[0], true, nil
	}
	for _, iri := range iris {
		n, err := r.sharedNode(ctx, kind, iri)
		if err != nil {
			return "", false, err
		}
		if schema.Key(n.str(schema.PredName)) == schema.Key(ref) {
			return iri, true, nil
		}
	}
	if byID := schema.IRI(kind, ref); slices.Contains(iris, byID) {
		return byID, true, nil
	}
	return iris[0], true, nil
}
