package graph

import (
	"bytes"
	"context"
	"slices"

	"github.com/claimgraph/claimgraph/schema"
)

// indexedNarrow is narrow from the claim index: a hit is kept when its
// record lists the filter key of every reference f names (the keys Claims
// pages by) and its speech act and date match. A busy speaker has tens of
// thousands of claims for candidates to walk; the hits are a few hundred
// records to read. ok is false when f takes the plain path: no index, or a
// reference that does not name exactly one node.
func (r *reader) indexedNarrow(ctx context.Context, iris []string, f Filter) (out []string, ok bool, err error) {
	if r.qs.cix == nil {
		return nil, false, nil
	}
	type ref struct {
		kind, ref string
		key       byte
	}
	speaker, target := ixSpeaker, ixTarget
	if f.Rollup {
		speaker, target = ixSpeakerUp, ixTargetUp
	}
	var keys [][]string // kind, node IRI
	for _, e := range []ref{
		{schema.KindArticleNode, f.Article, ixArticle}, {schema.KindActorNode, f.Speaker, speaker},
		{schema.KindActorNode, f.Target, target}, {schema.KindEventNode, f.Event, ixEvent},
		{schema.KindOutletNode, f.Outlet, ixOutlet},
	} {
		if e.ref == "" {
			continue
		}
		nodes, err := r.resolve(ctx, e.kind, e.ref)
		if err != nil || len(nodes) != 1 {
			return nil, false, err
		}
		keys = append(keys, []string{string(e.key), nodes[0]})
	}
	err = r.qs.cix.kv.view(func(tx ixTx) error {
		var fks [][]byte
		for _, k := range keys {
			fk := filterKey(tx, k[0][0], k[1])
			if fk == nil {
				return nil // a node no claim is listed under: no hit is kept
			}
			fks = append(fks, fk)
		}
		for _, iri := range iris {
			id := tx.get(bIDs, []byte(iri))
			if id == nil {
				continue
			}
			v := tx.get(bClaims, id)
			if v == nil {
				continue // indexed for search, then its article was deleted
			}
			rec, dk, err := decodeRecord(v)
			if err != nil {
				return err
			}
			if !matches(schema.Claim{SpeechAct: schema.SpeechAct(rec.act), Date: dateOf(dk)}, f) {
				continue
			}
			if !slices.ContainsFunc(fks, func(fk []byte) bool {
				return !slices.ContainsFunc(rec.keys, func(k []byte) bool { return bytes.Equal(k, fk) })
			}) {
				out = append(out, iri)
			}
		}
		return nil
	})
	return out, err == nil, err
}
