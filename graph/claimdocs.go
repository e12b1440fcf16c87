package graph

import (
	"encoding/binary"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"

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
// Shared nodes (actors, events, outlets) have docs too: what sharedNode
// reads of them, which their quads give one copy per article naming them,
// a few megabytes of the file's pages for a busy actor at a million claims.
// A reader that read one from the quads asks for its doc (wantDoc), and
// flushDocs writes it later with the store's lock held for reading, if no
// write came between (the store's generation is the one it was read at).
//
// An actor's affiliations have docs of their own, under its number and a
// byte: its direct parents (the IRI objects of its schema:affiliation
// quads) and its direct members (the subjects of those pointing at it), each
// once, sorted. Every article naming a member repeats its affiliation
// quads, so reading either from the quads walks a copy per article: at 100k
// claims, 190 of the 210 MB of the file that 20 depth-1 graphs mapped. They
// are asked for and written as shared nodes' docs are; a write of an
// affiliation drops its subject's parents and its object's members.
//
// A doc is its kind (length-prefixed; "" for a claim's whole node), then
// the number of predicates, then per predicate in order its
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
	return taggedDoc("", n)
}

// doc returns the node of the claim iri from its doc; ok is false when the
// index keeps none.
func (ix *claimIndex) doc(iri string) (n node, ok bool, err error) {
	return ix.docOfKind(iri, "")
}

// sharedDoc returns what sharedNode reads of the node iri of kind, or its
// affiliations (kind docParents or docMembers), from its doc; ok is false
// when the index keeps none. ix may be nil.
func (ix *claimIndex) sharedDoc(iri, kind string) (n node, ok bool, err error) {
	if ix == nil {
		return node{}, false, nil
	}
	return ix.docOfKind(iri, kind)
}

func (ix *claimIndex) docOfKind(iri, kind string) (n node, ok bool, err error) {
	if !ix.docs {
		return node{}, false, nil
	}
	var data []byte
	err = ix.kv.view(func(tx ixTx) error {
		if id := tx.get(bIDs, []byte(iri)); id != nil {
			data = slices.Clone(tx.get(bDocs, docKey(id, kind)))
		}
		return nil
	})
	if err != nil || data == nil {
		return node{}, false, err
	}
	tag, rest, good := lenPrefixed(data)
	if !good {
		return node{}, false, fmt.Errorf("claim doc of %s: %w", iri, errBadRecord)
	}
	if string(tag) != kind {
		return node{}, false, nil
	}
	n, err = decodeDoc(iri, rest)
	return n, err == nil, err
}

// Kinds of the affiliation docs, kept as a node whose schema:affiliation
// values are the IRIs.
const (
	docParents = "\x00parents"
	docMembers = "\x00members"
)

// docKey is the key of the doc of kind of the node numbered id: the number
// itself, or for an affiliation doc the number and a byte.
func docKey(id []byte, kind string) []byte {
	switch kind {
	case docParents:
		return append(slices.Clip(id), 'p')
	case docMembers:
		return append(slices.Clip(id), 'm')
	}
	return id
}

// affiliationDoc is the node an affiliation doc of iri keeps.
func affiliationDoc(iri string, iris []string) node {
	vs := make([]quad.Value, len(iris))
	for i, x := range iris {
		vs[i] = quad.IRI(x)
	}
	return node{iri: iri, vals: map[string][]quad.Value{schema.PredAffil: vs}}
}

// taggedDoc is the value a doc of kind is kept as.
func taggedDoc(kind string, n node) ([]byte, error) {
	b, err := encodeDoc(n)
	if err != nil {
		return nil, err
	}
	return append(appendPrefixed(nil, []byte(kind)), b...), nil
}

// wantedDoc is a shared node (or an actor's affiliations) read from the
// quads, at a generation.
type wantedDoc struct {
	iri, kind string
	n         node
	gen       uint64
}

// maxWantedDocs bounds the shared nodes waiting for their docs.
const maxWantedDocs = 10_000

// wantDoc asks for a doc of kind (a shared node's, or an affiliation doc)
// of n, read from the quads. ix may be nil.
func (ix *claimIndex) wantDoc(iri, kind string, n node) {
	if ix == nil || !ix.docs || ix.gen == nil {
		return
	}
	ix.wantMu.Lock()
	defer ix.wantMu.Unlock()
	if len(ix.wanted) >= maxWantedDocs {
		return
	}
	if ix.wanted == nil {
		ix.wanted = make(map[string]wantedDoc)
	}
	ix.wanted[kind+" "+iri] = wantedDoc{iri: iri, kind: kind, n: n, gen: ix.gen.Load()}
}

// putWanted writes the docs asked for that were read at generation gen,
// which must be the store's now, with its lock held for reading: no write
// has come since they were read.
func (ix *claimIndex) putWanted(gen uint64) error {
	ix.wantMu.Lock()
	wanted := ix.wanted
	ix.wanted = nil
	ix.wantMu.Unlock()
	if len(wanted) == 0 {
		return nil
	}
	keys := make([]string, 0, len(wanted))
	for k, w := range wanted {
		if w.gen == gen {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	slices.Sort(keys)
	// Not durable: a doc lost in a crash is read from the quads again.
	return ix.kv.update(false, func(tx ixTx) error {
		for _, k := range keys {
			w := wanted[k]
			id := tx.get(bIDs, []byte(w.iri))
			if id == nil {
				continue // listed under no key: not worth a number
			}
			key := slices.Clone(docKey(id, w.kind))
			if tx.get(bDocs, key) != nil {
				continue
			}
			doc, err := taggedDoc(w.kind, w.n)
			if err != nil {
				return err
			}
			if err := tx.put(bDocs, key, doc); err != nil {
				return err
			}
		}
		return nil
	})
}

// dropDocs drops the docs of the subjects of deltas, and the affiliation
// docs an affiliation among them changes, before the deltas are written: a
// doc must not outlive the quads it was made from.
func (ix *claimIndex) dropDocs(deltas []cgraph.Delta) error {
	if !ix.docs {
		return nil
	}
	var keys [][]byte
	seen := make(map[string]bool)
	err := ix.kv.view(func(tx ixTx) error {
		drop := func(v quad.Value, kind string) {
			iri, ok := v.(quad.IRI)
			if !ok || seen[kind+" "+string(iri)] {
				return
			}
			seen[kind+" "+string(iri)] = true
			if id := tx.get(bIDs, []byte(iri)); id != nil {
				if k := docKey(id, kind); tx.get(bDocs, k) != nil {
					keys = append(keys, slices.Clone(k))
				}
			}
		}
		for _, d := range deltas {
			drop(d.Quad.Subject, "") // a claim's or shared node's, whichever it has
			if text(d.Quad.Predicate) == schema.PredAffil {
				drop(d.Quad.Subject, docParents)
				drop(d.Quad.Object, docMembers)
			}
		}
		return nil
	})
	if err != nil || len(keys) == 0 {
		return err
	}
	// Not durable, as noteLabels' write: Cayley's write of the quads, next
	// in the same file, syncs it, and until then neither is on disk.
	return ix.kv.update(false, func(tx ixTx) error {
		for _, k := range keys {
			if err := tx.del(bDocs, k); err != nil {
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

// docFillEvery is how often a store writes the docs its reads asked for.
const docFillEvery = time.Second

// fillDocs writes the docs reads ask for, every docFillEvery, until stop
// is closed; then it closes done.
func (s *Store) fillDocs(stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	t := time.NewTicker(docFillEvery)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			if err := s.flushDocs(); err != nil {
				slog.Warn("writing shared nodes' docs", "err", err) // they are read from the quads meanwhile
			}
		}
	}
}

// flushDocs writes the docs that reads asked for since the last write.
func (s *Store) flushDocs() error {
	ix := s.qs.cix
	if ix == nil || !ix.docs {
		return nil
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil
	}
	// Reads hold the lock for reading too, but only this goroutine (and
	// tests, in turn) writes the index under it: bolt takes one write
	// transaction at a time beside any number of reads.
	s.docMu.Lock()
	defer s.docMu.Unlock()
	return ix.putWanted(s.gen.Load())
}

// docState is what a claim index keeps for shared nodes' docs.
type docState struct {
	gen    *atomic.Uint64 // the store's generation
	wantMu sync.Mutex
	wanted map[string]wantedDoc
}
