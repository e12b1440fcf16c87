package graph

import (
	"encoding/binary"
	"fmt"
	"slices"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"

	"github.com/claimgraph/claimgraph/schema"
)

// A claim's doc is its node as readNode reads it (every quad with the claim
// as subject, each value once), kept in the claim index under the claim's
// number: one lookup where reading the quads through Cayley takes the
// subject's index entries, each quad from the log and each value from the
// nodes' buckets, a dozen pages of the file per claim. A doc is written with
// the claim's entries (a new claim's from the quads of its write, another's
// read back from the store); any write to a claim's quads drops the doc
// before the quads change (see dropDocs), and the reindex that follows
// writes it again, so a doc is never older than the quads: a claim without
// one is read from the quads.
//
// Encoding: the number of predicates, then per predicate in order its
// IRI (length-prefixed) and values, each a length-prefixed pquads value,
// as Cayley's KV layer keeps them. Predicates that recur in every claim are
// a byte each (see docPreds).

// docPreds are the predicates written as their number, from 1; 0 is a
// predicate spelled out. The list only grows: docs on disk keep numbers.
var docPreds = func() map[string]int {
	m := make(map[string]int)
	for i, p := range docPredList {
		m[p] = i + 1
	}
	return m
}()

// encodeDoc encodes n.
func encodeDoc(n node) ([]byte, error) {
	preds := make([]string, 0, len(n.vals))
	for p, vs := range n.vals {
		if len(vs) > 0 {
			preds = append(preds, p)
		}
	}
	slices.Sort(preds)
	b := binary.AppendUvarint(make([]byte, 0, 512), uint64(len(preds)))
	for _, p := range preds {
		if i, ok := docPreds[p]; ok {
			b = binary.AppendUvarint(b, uint64(i))
		} else {
			b = binary.AppendUvarint(b, 0)
			b = appendPrefixed(b, []byte(p))
		}
		b = binary.AppendUvarint(b, uint64(len(n.vals[p])))
		for _, v := range n.vals[p] {
			data, err := pquads.MarshalValue(v)
			if err != nil {
				return nil, fmt.Errorf("encode %s of %s: %w", p, n.iri, err)
			}
			b = appendPrefixed(b, data)
		}
	}
	return b, nil
}

func appendPrefixed(b, data []byte) []byte {
	return append(binary.AppendUvarint(b, uint64(len(data))), data...)
}

// decodeDoc decodes the doc b of the node iri.
func decodeDoc(iri string, b []byte) (node, error) {
	n := node{iri: iri, vals: make(map[string][]quad.Value)}
	count := func() (int, error) { // of things of a byte or more each, or a predicate's number
		v, k := binary.Uvarint(b)
		if k <= 0 || v > uint64(len(b))+uint64(len(docPredList)) {
			return 0, errBadRecord
		}
		b = b[k:]
		return int(v), nil
	}
	field := func() ([]byte, error) {
		f, rest, ok := lenPrefixed(b)
		if !ok {
			return nil, errBadRecord
		}
		b = rest
		return f, nil
	}
	np, err := count()
	for range np {
		if err != nil {
			break
		}
		var i, nv int
		var p string
		if i, err = count(); err != nil {
			break
		}
		switch {
		case i == 0:
			var f []byte
			f, err = field()
			p = string(f)
		case i <= len(docPredList):
			p = docPredList[i-1]
		default:
			err = errBadRecord
		}
		if err == nil {
			nv, err = count()
		}
		vs := make([]quad.Value, 0, nv)
		for j := 0; j < nv && err == nil; j++ {
			var f []byte
			if f, err = field(); err == nil {
				var v quad.Value
				if v, err = pquads.UnmarshalValue(f); err == nil {
					vs = append(vs, v)
				}
			}
		}
		n.vals[p] = vs
	}
	if err == nil && len(b) > 0 {
		err = errBadRecord
	}
	if err != nil {
		return node{}, fmt.Errorf("claim doc of %s: %w", iri, err)
	}
	n.tidy()
	return n, nil
}

// docOf is the doc of the node iri that quads, the whole of its write,
// make.
func docOf(iri string, quads []quad.Quad) ([]byte, error) {
	n := node{iri: iri, vals: make(map[string][]quad.Value)}
	for _, q := range quads {
		if s, ok := q.Subject.(quad.IRI); ok && string(s) == iri {
			p := text(q.Predicate)
			n.vals[p] = append(n.vals[p], q.Object)
		}
	}
	n.tidy()
	return encodeDoc(n)
}

// doc returns the node of the claim iri from its doc; ok is false when the
// index keeps none.
func (ix *claimIndex) doc(iri string) (n node, ok bool, err error) {
	if !ix.docs {
		return node{}, false, nil
	}
	var data []byte
	err = ix.kv.view(func(tx ixTx) error {
		if id := tx.get(bIDs, []byte(iri)); id != nil {
			data = slices.Clone(tx.get(bDocs, id))
		}
		return nil
	})
	if err != nil || data == nil {
		return node{}, false, err
	}
	n, err = decodeDoc(iri, data)
	return n, err == nil, err
}

// dropDocs drops the docs of the subjects of deltas, before the deltas are
// written: a doc must not outlive the quads it was made from.
func (ix *claimIndex) dropDocs(deltas []cgraph.Delta) error {
	if !ix.docs {
		return nil
	}
	var ids [][]byte
	seen := make(map[quad.IRI]bool)
	err := ix.kv.view(func(tx ixTx) error {
		for _, d := range deltas {
			iri, ok := d.Quad.Subject.(quad.IRI)
			if !ok || seen[iri] {
				continue
			}
			seen[iri] = true
			if id := tx.get(bIDs, []byte(iri)); id != nil && tx.get(bDocs, id) != nil {
				ids = append(ids, slices.Clone(id))
			}
		}
		return nil
	})
	if err != nil || len(ids) == 0 {
		return err
	}
	// Durable: the quads change next, and a doc left on disk after a crash
	// would then be older than them.
	return ix.kv.update(true, func(tx ixTx) error {
		for _, id := range ids {
			if err := tx.del(bDocs, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// docPredList are a claim's predicates: see docPreds.
var docPredList = []string{
	schema.PredType, schema.PredSpeaker, schema.PredTarget, schema.PredEvent, schema.PredOutlet,
	schema.PredArticle, schema.PredDerived, schema.PredSpeechAct, schema.PredSpeakerText, schema.PredCue,
	schema.PredContent, schema.PredSentence, schema.PredSpeakerStart, schema.PredSpeakerEnd,
	schema.PredCueStart, schema.PredCueEnd, schema.PredContentStart, schema.PredContentEnd,
	schema.PredSentStart, schema.PredSentEnd, schema.PredDirect, schema.PredNegated, schema.PredDate,
	schema.PredExtractor, schema.PredConfidence, schema.PredReview, schema.PredQuantity,
}

// withDocs gives the facts of new claims their docs, from quads, the whole
// of their write, when the index keeps docs.
func (qs quadStore) withDocs(facts []claimFacts, quads []quad.Quad) error {
	if qs.cix == nil || !qs.cix.docs {
		return nil
	}
	for i := range facts {
		if facts[i].isArticle {
			continue
		}
		doc, err := docOf(facts[i].iri, quads)
		if err != nil {
			return err
		}
		facts[i].doc = doc
	}
	return nil
}
