package graph

import (
	"bytes"
	"context"
	"fmt"
	"slices"

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

// claimQueue is the claims that point at a node, in the claim lists'
// order (newest first, see sortClaims), for a neighbourhood's walk to take
// a date at a time: the walk stops once its nodes are full, and a busy
// actor is in tens of thousands of claims. From the claim index, the
// claims' sort keys are read from the node's postings, and the edges of one
// date's claims from their records when the walk comes to them; from the
// quads, every claim's date is read to sort them, and its edges when taken.
type claimQueue struct {
	r       *reader
	indexed bool
	sks     [][]byte     // indexed: sort keys (date, claim number), in order, without repeats
	plain   []claimEdges // or: the claims in order, edges unread
}

// claimsAt returns the queue of the claims whose predicate, one of preds,
// is iri.
func (r *reader) claimsAt(ctx context.Context, preds []string, iri string) (*claimQueue, error) {
	q := &claimQueue{r: r}
	if r.qs.cix == nil {
		seen := make(map[string]bool)
		var claims []string
		for _, pred := range preds {
			iris, err := subjects(ctx, r.qs, pred, quad.IRI(iri))
			if err != nil {
				return nil, err
			}
			for _, c := range iris {
				if !seen[c] {
					seen[c] = true
					claims = append(claims, c)
				}
			}
		}
		nodes, err := r.keyNodes(ctx, claims, Filter{})
		if err != nil {
			return nil, err
		}
		var cs []schema.Claim
		for _, n := range nodes {
			cs = append(cs, claimFields(n))
		}
		if err := r.sortByKeys(ctx, cs); err != nil {
			return nil, err
		}
		q.plain = make([]claimEdges, len(cs))
		for i, c := range cs {
			q.plain[i] = claimEdges{iri: c.IRI}
		}
		return q, nil
	}
	q.indexed = true
	err := r.qs.cix.kv.view(func(tx ixTx) error {
		for _, pred := range preds {
			fk := filterKey(tx, predKeys[pred], iri)
			if fk == nil {
				continue
			}
			err := tx.postings(fk, func(sk []byte) bool { q.sks = append(q.sks, bytes.Clone(sk)); return true })
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read claim index: %w", err)
	}
	if len(preds) > 1 { // a claim may name the node twice: as speaker and target
		slices.SortFunc(q.sks, bytes.Compare)
		q.sks = slices.CompactFunc(q.sks, bytes.Equal)
	}
	return q, nil
}

// next takes the claims of the next date, in order, with their edges read;
// none when the queue is empty. From the quads it takes one claim at a
// time: they are in order already.
func (q *claimQueue) next(ctx context.Context) ([]claimEdges, error) {
	if !q.indexed {
		if len(q.plain) == 0 {
			return nil, nil
		}
		if !q.plain[0].read && q.r.qs.pg != nil {
			// The edges of the next claims in one query: a walk that stops
			// when its nodes are full reads few of a busy node's claims.
			if err := q.r.pgEdges(ctx, q.plain[:min(len(q.plain), pgEdgeRun)]); err != nil {
				return nil, err
			}
		}
		c, err := q.plain[0], error(nil)
		if !c.read {
			c, err = q.r.edgesOf(ctx, c.iri)
		}
		q.plain = q.plain[1:]
		return []claimEdges{c}, err
	}
	if len(q.sks) == 0 {
		return nil, nil
	}
	n := 1
	for n < len(q.sks) && bytes.Equal(q.sks[n][:dateLen], q.sks[0][:dateLen]) {
		n++
	}
	run := q.sks[:n]
	q.sks = q.sks[n:]
	type ordered struct {
		o order
		c claimEdges
	}
	out := make([]ordered, 0, len(run))
	err := q.r.qs.cix.kv.view(func(tx ixTx) error {
		for _, sk := range run {
			v := tx.get(bClaims, sk[dateLen:])
			if v == nil {
				return fmt.Errorf("%w: posting without a record", errBadRecord)
			}
			rec, _, _, err := decodeHead(v)
			if err != nil {
				return err
			}
			out = append(out, ordered{order{iri: []byte(rec.iri), article: []byte(rec.article), start: rec.start},
				claimEdges{iri: rec.iri, act: rec.act, read: true,
					speakers: rec.speakers, targets: rec.targets, events: rec.events, told: rec.told}})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read claim index: %w", err)
	}
	slices.SortFunc(out, func(a, b ordered) int { return a.o.compare(b.o) })
	cs := make([]claimEdges, len(out))
	for i, o := range out {
		cs[i] = o.c
	}
	return cs, nil
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
