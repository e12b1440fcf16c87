package graph

import (
	"context"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// indexKey returns the kind of the index key that answers f, and its nodes,
// when there is one: f names one node by one of speaker, target, event,
// outlet and article, or a speaker and a target without roll-up, and
// filters by nothing else but dates. ok is false when f takes the plain
// path, which also reports references that name nothing.
func (r *reader) indexKey(ctx context.Context, f Filter) (kind byte, nodes []string, ok bool, err error) {
	if r.qs.cix == nil || f.SpeechAct != "" || f.Text != "" {
		return 0, nil, false, nil
	}
	type ref struct {
		kind, ref string
		key, up   byte // without and with roll-up
	}
	var set []ref
	for _, e := range []ref{
		{schema.KindArticleNode, f.Article, ixArticle, ixArticle},
		{schema.KindActorNode, f.Speaker, ixSpeaker, ixSpeakerUp},
		{schema.KindActorNode, f.Target, ixTarget, ixTargetUp},
		{schema.KindEventNode, f.Event, ixEvent, ixEvent},
		{schema.KindOutletNode, f.Outlet, ixOutlet, ixOutlet},
	} {
		if e.ref != "" {
			set = append(set, e)
		}
	}
	switch {
	case len(set) == 1 && f.Rollup:
		kind = set[0].up
	case len(set) == 1:
		kind = set[0].key
	case len(set) == 2 && !f.Rollup && f.Speaker != "" && f.Target != "":
		kind = ixPair
	default:
		return 0, nil, false, nil
	}
	for _, e := range set {
		iris, err := r.resolve(ctx, e.kind, e.ref)
		if err != nil || len(iris) != 1 {
			return 0, nil, false, err
		}
		nodes = append(nodes, iris[0])
	}
	return kind, nodes, true, nil
}

// indexedIRIs answers claimIRIs from the claim index when it can (see
// indexKey); ok is false when f takes the plain path.
func (r *reader) indexedIRIs(ctx context.Context, f Filter) (page IRIPage, ok bool, err error) {
	kind, nodes, ok, err := r.indexKey(ctx, f)
	if err != nil {
		return IRIPage{}, false, err
	}
	var (
		iris  []string
		total int
	)
	switch {
	case ok:
		iris, total, err = r.qs.cix.datedPage(kind, nodes, f)
	case noNode(f) && r.qs.cix != nil:
		iris, total, err = r.qs.cix.allIRIs(f)
	default:
		return IRIPage{}, false, nil
	}
	if err != nil {
		return IRIPage{}, false, err
	}
	if iris == nil {
		iris = []string{}
	}
	return IRIPage{IRIs: iris, Total: total, Limit: f.Limit, Offset: f.Offset}, true, nil
}

// noNode reports whether f names no node and no text: all claims, perhaps
// by speech act and date.
func noNode(f Filter) bool {
	return f.Article == "" && f.Speaker == "" && f.Target == "" && f.Event == "" && f.Outlet == "" && f.Text == ""
}

// allIRIs answers claimIRIs for a filter that names no node (see noNode):
// a page of the key of every claim, or of every claim with f's speech act,
// within f's dates.
func (ix *claimIndex) allIRIs(f Filter) ([]string, int, error) {
	var act []string
	if f.SpeechAct != "" {
		act = append(act, string(f.SpeechAct))
	}
	return ix.datedPage(ixEvery, act, f)
}

// isClaim is isKind for claims, from the index where there is one: it
// lists every stored claim (a record each), and one lookup beats reading
// type quads.
func (r *reader) isClaim(ctx context.Context, iri string) (bool, error) {
	if r.qs.cix == nil {
		return r.isKind(ctx, schema.KindClaimNode, iri)
	}
	var ok bool
	err := r.qs.cix.kv.view(func(tx ixTx) error {
		if id := tx.get(bIDs, []byte(iri)); id != nil {
			ok = tx.get(bClaims, id) != nil
		}
		return nil
	})
	return ok, err
}

// predKeys are the index keys that list the claims pointing at a node by
// a predicate.
var predKeys = map[string]byte{
	schema.PredSpeaker: ixSpeaker, schema.PredTarget: ixTarget,
	schema.PredEvent: ixEvent, schema.PredOutlet: ixTold,
}

// claimsAt returns the claims whose pred is iri: from the claim index when
// it keeps that key (a busy actor is in tens of thousands of claims, seconds
// of quads to walk), with their edges read from its records; else from the
// quads, their IRIs only.
func (r *reader) claimsAt(ctx context.Context, pred, iri string) ([]claimEdges, error) {
	kind, ok := predKeys[pred]
	if !ok || r.qs.cix == nil {
		iris, err := subjects(ctx, r.qs, pred, quad.IRI(iri))
		out := make([]claimEdges, len(iris))
		for i, c := range iris {
			out[i] = claimEdges{iri: c}
		}
		return out, err
	}
	var out []claimEdges
	err := r.qs.cix.records(kind, []string{iri}, func(rec ixRecord, _ time.Time) {
		out = append(out, claimEdges{iri: rec.iri, act: rec.act, read: true,
			speakers: rec.speakers, targets: rec.targets, events: rec.events, told: rec.told})
	})
	return out, err
}

// anyClaimAt reports whether any claim's pred is iri (see claimsAt).
func (r *reader) anyClaimAt(ctx context.Context, pred, iri string) (bool, error) {
	kind, ok := predKeys[pred]
	if !ok || r.qs.cix == nil {
		return exists(ctx, r.qs, pattern{predicate: quad.IRI(pred), object: quad.IRI(iri)})
	}
	n, err := r.qs.cix.count(kind, iri)
	return n > 0, err
}
