package graph

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"
)

// claimIndex is a derived, exact index of claims for the filters that
// /v1/claims, profiles and views ask most: by speaker, target, speaker and
// target together, event, outlet (told or published) and article, each with
// and without roll-up where it applies. Each filter key lists its claims in
// the order Claims returns them (newest first), with an exact count kept
// beside it, so a page is a short prefix scan instead of a walk over every
// candidate claim. The write path keeps it in step with the quads; a filter
// it cannot answer takes the plain path.
//
// Postings are keyed by filter key and sort key: the claim's date (newest
// first) and its number in the index's dictionary. Claims of the same date
// are put in order (article IRI, content start, ID) when a page is read,
// from the records kept per claim; dates rarely tie but within an article.
type claimIndex struct {
	kv ixKV
	// docs says whether the index keeps each claim's node (bDocs), which a
	// read takes instead of the claim's quads: on bolt, where those are
	// a dozen pages of the file per claim.
	docs bool
	docState
}

// Kinds of filter keys: a kind byte, then the dictionary numbers of one node
// (two for pairs).
const (
	ixSpeaker   byte = 'S' // a claim's speaker
	ixTarget    byte = 'T' // a claim's target
	ixPair      byte = 'P' // a speaker and a target of the claim
	ixEvent     byte = 'E'
	ixOutlet    byte = 'O' // the outlet told, or the publisher of the claim's article
	ixArticle   byte = 'A'
	ixSpeakerUp byte = 'R' // a speaker or an actor it rolls up to
	ixTargetUp  byte = 'Q' // a target or an actor it rolls up to
	ixTold      byte = 'o' // the outlet a speaker told
	ixPublished byte = 'p' // the publisher of the claim's article; counted only
	ixSide      byte = 'V' // event, speaker IRI, 0, speech act; counted only
	ixPublisher byte = 'a' // articles (not claims) by their publisher and date
	ixEvery     byte = 'C' // every claim
	ixEveryAct  byte = 'c' // every claim with a speech act (the act's bytes, then 0)
	ixCell      byte = 'X' // a cell of the whole graph's relations: speaker IRI, 0, target IRI, 0, act, 0
	ixTargeted  byte = 'D' // claims with a target; with an act (its bytes, then 0), those with it; counted only
	ixAll       byte = 0   // every claim: never a stored key, records reads them all

	// Keys of one side of the relations matrix, so that a speaker's or a
	// target's row is read from its cells, not from every record of its
	// claims (see sideRelations). Counted only, and derived from a claim's
	// record when it is listed or unlisted, not kept in the record's keys.
	ixSpeakerTargeted byte = 'd' // claims of a speaker with a target: speaker IRI, 0; with an act (its bytes, then 0), those with it
	ixTargetAct       byte = 'e' // claims with a target and an act: target IRI, 0, act, 0
	ixCellByTarget    byte = 'x' // a cell, target first: target IRI, 0, speaker IRI, 0, act, 0
)

// countOnly reports whether keys of kind are counted without postings.
func countOnly(kind byte) bool {
	switch kind {
	case ixPublished, ixSide, ixTargeted, ixSpeakerTargeted, ixTargetAct, ixCellByTarget:
		return true
	}
	return false
}

// dateLen is the length of the date part of a sort key; idLen of a
// dictionary number.
const (
	dateLen = 12
	idLen   = 8
)

// ixBucket names one of the index's key spaces.
type ixBucket int

const (
	bCounts   ixBucket = iota // filter key → number of postings
	bClaims                   // claim number → record
	bIDs                      // IRI → dictionary number
	bPending                  // claim IRI → nothing: claims whose quads may be ahead of the index
	bArticles                 // article number → record, as of claims
	bDocs                     // claim number → the claim's own node (see claimdocs.go)
	numBuckets
)

// ixKV is where the index lives: a bucket of the bolt file, or memory.
type ixKV interface {
	// reset empties the index.
	reset() error
	view(fn func(ixTx) error) error
	// update runs fn in one transaction; durable asks for it to be on disk
	// when update returns.
	update(durable bool, fn func(ixTx) error) error
}

// ixTx is one transaction on the index. Slices it returns are valid only
// inside the transaction.
type ixTx interface {
	get(b ixBucket, k []byte) []byte
	put(b ixBucket, k, v []byte) error
	del(b ixBucket, k []byte) error
	// each calls fn with every key of b that starts with prefix, in order,
	// until fn returns false.
	each(b ixBucket, prefix []byte, fn func(k, v []byte) bool) error
	nextID() (uint64, error)
	// size counts the keys of b.
	size(b ixBucket) int
	addPosting(fk, sk []byte) error
	delPosting(fk, sk []byte) error
	// postings calls fn with fk's sort keys in order until fn returns false.
	postings(fk []byte, fn func(sk []byte) bool) error
	// postingsBack is postings from the last.
	postingsBack(fk []byte, fn func(sk []byte) bool) error
}

// filterKey is the key of kind for the nodes iris, or nil when one of
// them has no number: nothing is listed under it.
func filterKey(tx ixTx, kind byte, iris ...string) []byte {
	k := []byte{kind}
	for _, iri := range iris {
		id := tx.get(bIDs, []byte(iri))
		if id == nil {
			return nil
		}
		k = append(k, id...)
	}
	return k
}

// everyKey is the key of every claim, or of every claim with the speech
// act given. The act ends in 0: a key must not be the prefix of another's
// postings.
func everyKey(act ...string) []byte {
	if len(act) == 0 {
		return []byte{ixEvery}
	}
	return rawKey(ixEveryAct, act[0])
}

// rawKey is a key of kind whose parts are bytes, not dictionary numbers:
// each ends in 0, as no IRI or speech act holds one.
func rawKey(kind byte, parts ...string) []byte {
	k := []byte{kind}
	for _, p := range parts {
		k = append(append(k, p...), 0)
	}
	return k
}

// page returns the IRIs of the claims listed under the key of kind for
// the nodes iris, offset and limit applied, in Claims' order, and how many
// there are in all. For ixEvery, iris is at most a speech act.
func (ix *claimIndex) page(kind byte, iris []string, offset, limit int) (out []string, total int, err error) {
	return ix.datedPage(kind, iris, Filter{Offset: offset, Limit: limit})
}

// datedPage is page for f's offset and limit, of the claims dated within
// f's From and To, if it names them: postings are in date order, so those
// are one run of them, counted as they are read.
func (ix *claimIndex) datedPage(kind byte, iris []string, f Filter) (out []string, total int, err error) {
	recs := bClaims
	if kind == ixPublisher {
		recs = bArticles
	}
	dated := !f.From.IsZero() || !f.To.IsZero()
	err = ix.kv.view(func(tx ixTx) error {
		fk := filterKey(tx, kind, iris...)
		if kind == ixEvery {
			fk = everyKey(iris...)
		}
		if fk == nil {
			return nil
		}
		if total = countOf(tx.get(bCounts, fk)); dated {
			total = 0
		} else if f.Offset >= total {
			return nil
		}
		w := window{tx: tx, recs: recs, offset: f.Offset, end: f.Offset + f.Limit}
		var ierr error
		err := tx.postings(fk, func(sk []byte) bool {
			if dated {
				if d := dateOf(sk[:dateLen]); d.IsZero() || d.Before(f.From) {
					return false // older postings follow
				} else if !f.To.IsZero() && !d.Before(f.To) {
					return true
				}
				if total++; w.pos >= w.end {
					return true // past the page: count only
				}
			}
			if len(w.group) > 0 && !bytes.Equal(w.group[0][:dateLen], sk[:dateLen]) {
				if ierr = w.flush(); ierr != nil || (w.pos >= w.end && !dated) {
					return false
				}
				if w.pos >= w.end {
					return true
				}
			}
			w.group = append(w.group, sk) // valid until the transaction ends (see ixTx)
			return true
		})
		if err == nil && ierr == nil && w.pos < w.end {
			ierr = w.flush()
		}
		out = w.out
		return cmp.Or(err, ierr)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("read claim index: %w", err)
	}
	return out, total, nil
}

// window collects one page of postings, a group of the same date at a time.
type window struct {
	tx          ixTx
	recs        ixBucket // where the records of the listed nodes are
	offset, end int
	pos         int      // postings before group
	group       [][]byte // sort keys of one date
	out         []string
}

// flush puts the group in order and keeps the part of it in the page.
func (w *window) flush() error {
	n := len(w.group)
	defer func() { w.pos, w.group = w.pos+n, w.group[:0] }()
	if w.pos+n <= w.offset {
		return nil
	}
	recs := make([]order, n)
	for i, sk := range w.group {
		v := w.tx.get(w.recs, sk[dateLen:])
		if v == nil {
			return fmt.Errorf("%w: posting without a record", errBadRecord)
		}
		r, err := orderOf(v)
		if err != nil {
			return err
		}
		recs[i] = r
	}
	if n > 1 {
		slices.SortFunc(recs, order.compare)
	}
	for i, r := range recs {
		if p := w.pos + i; p >= w.offset && p < w.end {
			w.out = append(w.out, string(r.iri))
		}
	}
	return nil
}

// claimsKey, in the counts bucket, counts the claim records: every claim
// stored. Counting the records instead reads all of them.
var claimsKey = []byte("\x00claims")

// claims counts the claims the index lists: every claim stored.
func (ix *claimIndex) claims() (int, error) {
	var n int
	err := ix.kv.view(func(tx ixTx) error { n = countOf(tx.get(bCounts, claimsKey)); return nil })
	if err != nil {
		return 0, fmt.Errorf("read claim index: %w", err)
	}
	return n, nil
}

// countClaims sets claimsKey from the records, for an index that has none.
func (ix *claimIndex) countClaims() error {
	var have bool
	if err := ix.kv.view(func(tx ixTx) error { have = tx.get(bCounts, claimsKey) != nil; return nil }); err != nil || have {
		return err
	}
	return ix.kv.update(true, func(tx ixTx) error {
		if tx.get(bCounts, claimsKey) != nil {
			return nil
		}
		return tx.put(bCounts, claimsKey, binary.BigEndian.AppendUint64(nil, uint64(tx.size(bClaims))))
	})
}

// addClaims adds d to claimsKey.
func addClaims(tx ixTx, d int) error {
	return tx.put(bCounts, claimsKey, binary.BigEndian.AppendUint64(nil, uint64(countOf(tx.get(bCounts, claimsKey))+d)))
}

// count returns the count of the key of kind for the nodes iris.
func (ix *claimIndex) count(kind byte, iris ...string) (int, error) {
	var n int
	err := ix.kv.view(func(tx ixTx) error {
		if fk := filterKey(tx, kind, iris...); fk != nil {
			n = countOf(tx.get(bCounts, fk))
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("read claim index: %w", err)
	}
	return n, nil
}
