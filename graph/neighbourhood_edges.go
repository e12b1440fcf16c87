package graph

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// claimEdges are the fields of a claim that make edges in a neighbourhood,
// lists sorted; read is false while only iri is known.
type claimEdges struct {
	iri, act                        string
	speakers, targets, events, told []string
	read                            bool
}

// edgesOf reads the edge fields of the claim iri from the quads, as the
// claim index's records keep them (see storedFacts).
func (r *reader) edgesOf(ctx context.Context, iri string) (claimEdges, error) {
	n, err := readNode(ctx, r.qs, iri, edgeFields...)
	if err != nil {
		return claimEdges{}, err
	}
	return edgesFrom(n), nil
}

// edgeFields are the fields of a claim that edgesFrom reads.
var edgeFields = []field{many(schema.PredSpeaker), many(schema.PredTarget),
	many(schema.PredEvent), many(schema.PredOutlet), one(schema.PredSpeechAct)}

// edgesFrom decodes the edges of claim node n, read with edgeFields.
func edgesFrom(n node) claimEdges {
	return claimEdges{iri: n.iri, act: n.str(schema.PredSpeechAct), read: true,
		speakers: sortedSet(n.strs(schema.PredSpeaker)), targets: sortedSet(n.strs(schema.PredTarget)),
		events: sortedSet(n.strs(schema.PredEvent)), told: sortedSet(n.strs(schema.PredOutlet))}
}

// claim records the edges of one claim: each speaker to each target and to
// each event with the speech act, and to each outlet it talked to.
func (w *walk) claim(ctx context.Context, c claimEdges) ([]GraphNode, error) {
	if !c.read {
		var err error
		if c, err = w.r.edgesOf(ctx, c.iri); err != nil {
			return nil, err
		}
	}
	act := schema.SpeechAct(c.act)
	verb := cmp.Or(pastTense[act], string(act))
	type end struct{ kind, iri, label string }
	var ends []end
	for _, t := range c.targets {
		ends = append(ends, end{schema.KindActorNode, t, verb})
	}
	for _, e := range c.events {
		ends = append(ends, end{schema.KindEventNode, e, verb})
	}
	for _, o := range c.told {
		ends = append(ends, end{schema.KindOutletNode, o, ""})
	}
	if w.r.qs.pg != nil && len(w.list) < w.limit { // the claim's nodes not read yet, at once
		byKind := map[string][]string{schema.KindActorNode: c.speakers}
		for _, e := range ends {
			byKind[e.kind] = append(byKind[e.kind], e.iri)
		}
		for kind, iris := range byKind {
			if err := w.r.prefetchKind(ctx, kind, iris); err != nil {
				return nil, err
			}
		}
	}
	var found []GraphNode
	for _, sp := range c.speakers {
		for _, end := range ends {
			nodes, err := w.link(ctx, schema.KindActorNode, sp, end.kind, end.iri, end.label)
			if err != nil {
				return nil, err
			}
			found = append(found, nodes...)
		}
	}
	return found, nil
}

// affiliations records an actor's "member of" edges, both ways. An edge
// counts once: every article naming the actor repeats its affiliation quads
// (the node cache has read them once already, see reader.up), and a walk
// may come to the edge from both of its ends.
func (w *walk) affiliations(ctx context.Context, iri string) ([]GraphNode, error) {
	up, err := w.r.up(ctx, iri)
	if err != nil {
		return nil, err
	}
	down, err := w.r.directMembers(ctx, iri)
	if err != nil {
		return nil, err
	}
	type pair struct{ member, of string }
	var edges []pair
	for _, p := range up.parents {
		edges = append(edges, pair{iri, p})
	}
	for _, m := range down {
		edges = append(edges, pair{m, iri})
	}
	var found []GraphNode
	for _, e := range edges {
		nodes, err := w.link(ctx, schema.KindActorNode, e.member, schema.KindActorNode, e.of, "member of")
		if err != nil {
			return nil, err
		}
		found = append(found, nodes...)
		if k := (GraphEdge{Source: e.member, Target: e.of, Label: "member of"}); w.edges[k] > 1 {
			w.edges[k] = 1
		}
	}
	return found, nil
}

// link records an edge from src to dst, adding whichever end is new while
// there is room; an edge to a node left out is dropped. An empty label on an
// edge to an outlet becomes "told <outlet>".
func (w *walk) link(ctx context.Context, srcKind, src, dstKind, dst, label string) ([]GraphNode, error) {
	var found []GraphNode
	for _, end := range []struct{ kind, iri string }{{srcKind, src}, {dstKind, dst}} {
		if w.nodes[end.iri] {
			continue
		}
		if len(w.list) >= w.limit {
			w.truncated = true
			return found, nil
		}
		gn, err := w.r.graphNode(ctx, end.kind, end.iri)
		if err != nil {
			return nil, err
		}
		w.nodes[end.iri] = true
		w.list = append(w.list, gn)
		found = append(found, gn)
	}
	if label == "" {
		o, err := w.r.sharedNode(ctx, dstKind, dst)
		if err != nil {
			return nil, err
		}
		label = "told " + o.str(schema.PredName)
	}
	w.edges[GraphEdge{Source: src, Target: dst, Label: label}]++
	return found, nil
}

// result lists the nodes in the order found and the edges sorted.
func (w *walk) result() Subgraph {
	g := Subgraph{Nodes: w.list, Edges: make([]GraphEdge, 0, len(w.edges)), Truncated: w.truncated}
	for e, n := range w.edges {
		e.Count = n
		g.Edges = append(g.Edges, e)
	}
	slices.SortFunc(g.Edges, func(a, b GraphEdge) int {
		return cmp.Or(strings.Compare(a.Source, b.Source), strings.Compare(a.Target, b.Target), strings.Compare(a.Label, b.Label))
	})
	return g
}
