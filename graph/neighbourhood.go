package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/claimgraph/claimgraph/schema"
)

// Limits of Neighbourhood.
const (
	defaultDepth      = 1
	maxDepth          = 3
	defaultNodes      = 100
	maxNodes          = 500
	maxClaimsPerGraph = 5000 // claims read to draw one graph: a busy actor has tens of thousands
)

// Subgraph is a neighbourhood for the web page: actors, events and outlets
// as nodes, claims folded into edges labelled with what was done ("accused",
// "denied", "told AFP"), and affiliations ("member of").
type Subgraph struct {
	Nodes     []GraphNode `json:"nodes"` // the focus first; never nil
	Edges     []GraphEdge `json:"edges"` // never nil
	Truncated bool        `json:"truncated"`
}

// GraphNode is a node of a Subgraph; Type is actor, event or outlet.
type GraphNode struct {
	ID    string `json:"id"` // the IRI
	Type  string `json:"type"`
	Kind  string `json:"kind,omitempty"` // an actor's kind
	Label string `json:"label"`
}

// GraphEdge is every claim of one kind between two nodes.
type GraphEdge struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Label  string `json:"label"`
	Count  int    `json:"count"` // claims folded into the edge
}

// pastTense labels an edge with what a speaker did.
var pastTense = map[schema.SpeechAct]string{
	schema.Assert: "said", schema.Accuse: "accused", schema.Deny: "denied", schema.Confirm: "confirmed",
	schema.Acknowledge: "acknowledged", schema.Announce: "announced", schema.Appeal: "appealed to",
	schema.Warn: "warned", schema.Denounce: "denounced", schema.Reject: "rejected",
	schema.Threaten: "threatened", schema.Promise: "promised", schema.Predict: "predicted",
	schema.Question: "questioned",
}

// Neighbourhood returns the nodes within depth claims (or affiliations) of
// focus (the IRI or ID of an actor, event or outlet, or an actor's name),
// at most limit nodes (0 means 100, at most 500), and the edges between them
// that the claims read give. A node's claims are read newest first, as
// Claims lists them: once the nodes are full, no more claims are read, and
// Truncated says so.
func (s *Store) Neighbourhood(ctx context.Context, focus string, depth, limit int) (Subgraph, error) {
	depth, limit = cmp.Or(depth, defaultDepth), cmp.Or(limit, defaultNodes)
	if depth < 0 || depth > maxDepth || limit < 0 {
		return Subgraph{}, fmt.Errorf("graph: %w: depth %d must be 1 to %d, limit %d positive", schema.ErrInvalid, depth, maxDepth, limit)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return newReader(s.qs).neighbourhood(ctx, focus, depth, limit)
}

func (r *reader) neighbourhood(ctx context.Context, focus string, depth, limit int) (Subgraph, error) {
	start, err := r.focus(ctx, focus)
	if err != nil {
		return Subgraph{}, fmt.Errorf("graph: %w", err)
	}
	w := &walk{r: r, limit: min(limit, maxNodes), nodes: make(map[string]bool), edges: make(map[GraphEdge]int)}
	if err := w.run(ctx, start, depth); err != nil {
		return Subgraph{}, fmt.Errorf("graph %q: %w", start.ID, err)
	}
	return w.result(), nil
}

// focus finds the start node: an actor, event or outlet, in that order.
func (r *reader) focus(ctx context.Context, ref string) (GraphNode, error) {
	for _, kind := range []string{schema.KindActorNode, schema.KindEventNode, schema.KindOutletNode} {
		iri, ok, err := r.resolveOne(ctx, kind, ref)
		if err != nil {
			return GraphNode{}, err
		}
		if ok {
			return r.graphNode(ctx, kind, iri)
		}
	}
	return GraphNode{}, fmt.Errorf("%w: no actor, event or outlet matches %q", schema.ErrNotFound, ref)
}

// graphNode decodes a node of the kind for the page.
func (r *reader) graphNode(ctx context.Context, kind, iri string) (GraphNode, error) {
	n, err := r.sharedNode(ctx, kind, iri)
	if err != nil {
		return GraphNode{}, err
	}
	return GraphNode{ID: iri, Type: kind, Kind: n.str(schema.PredKind), Label: n.str(schema.PredName)}, nil
}

// walk is one breadth-first walk out from the focus.
type walk struct {
	r         *reader
	limit     int
	list      []GraphNode
	nodes     map[string]bool
	edges     map[GraphEdge]int // by edge without its count
	read      int               // claims read so far
	truncated bool
}

// claimPreds are the ways a claim points at a node, with the node's kind.
var claimPreds = map[string]string{
	schema.PredSpeaker: schema.KindActorNode, schema.PredTarget: schema.KindActorNode,
	schema.PredEvent: schema.KindEventNode, schema.PredOutlet: schema.KindOutletNode,
}

func (w *walk) run(ctx context.Context, start GraphNode, depth int) error {
	w.list, w.nodes[start.ID] = []GraphNode{start}, true
	frontier := []GraphNode{start}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []GraphNode
		for _, n := range frontier {
			found, err := w.expand(ctx, n)
			if err != nil {
				return err
			}
			next = append(next, found...)
		}
		frontier = next
	}
	return nil
}

// expand reads the claims and affiliations that touch n, records their
// edges and returns the nodes they brought in. Claims are read newest
// first (the claim lists' order), and no more once the nodes are full.
func (w *walk) expand(ctx context.Context, n GraphNode) ([]GraphNode, error) {
	var preds []string
	for pred, kind := range claimPreds {
		if kind == n.Type {
			preds = append(preds, pred)
		}
	}
	slices.Sort(preds)
	found, err := w.claims(ctx, n, preds)
	if err != nil {
		return nil, err
	}
	if n.Type == schema.KindActorNode {
		nodes, err := w.affiliations(ctx, n.ID)
		if err != nil {
			return nil, err
		}
		found = append(found, nodes...)
	}
	return found, nil
}

// claims records the edges of the claims whose predicate, one of preds, is
// n, and returns the nodes they brought in.
func (w *walk) claims(ctx context.Context, n GraphNode, preds []string) ([]GraphNode, error) {
	if len(w.list) >= w.limit {
		// No claim would be read: whether there is one is all that counts,
		// and the frontier of a full graph is long.
		for _, pred := range preds {
			any, err := w.r.anyClaimAt(ctx, pred, n.ID)
			if err != nil {
				return nil, err
			}
			w.truncated = w.truncated || any
		}
		return nil, nil
	}
	q, err := w.r.claimsAt(ctx, preds, n.ID)
	if err != nil {
		return nil, err
	}
	var found []GraphNode
	for {
		cs, err := q.next(ctx)
		if err != nil || len(cs) == 0 {
			return found, err
		}
		for _, c := range cs {
			if w.read >= maxClaimsPerGraph || len(w.list) >= w.limit {
				// Full: the rest could only add edges between the nodes
				// shown, and a busy actor has thousands of claims to read.
				w.truncated = true
				return found, nil
			}
			w.read++
			nodes, err := w.claim(ctx, c)
			if err != nil {
				return nil, err
			}
			found = append(found, nodes...)
		}
	}
}
