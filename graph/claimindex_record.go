package graph

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"strings"
	"time"
)

// ixRecord is what the index keeps of one claim: enough to order claims of
// the same date and to take the claim out of every key it is listed under.
type ixRecord struct {
	iri, article string
	start        int
	date         time.Time
	// act, speakers and targets (sorted) are what relations count; with
	// the events and the outlets told (sorted) they are the claim's edges
	// in a neighbourhood.
	act                             string
	speakers, targets, events, told []string
	keys                            [][]byte // filter keys
}

// dateKey orders dates newest first, the zero date (none) last.
func dateKey(t time.Time) []byte {
	b := make([]byte, dateLen)
	binary.BigEndian.PutUint64(b, ^(uint64(t.Unix()) ^ 1<<63))
	binary.BigEndian.PutUint32(b[8:], ^uint32(t.Nanosecond()))
	return b
}

// dateOf is the date a dateKey holds.
func dateOf(k []byte) time.Time {
	sec := int64(^binary.BigEndian.Uint64(k) ^ 1<<63)
	t := time.Unix(sec, int64(^binary.BigEndian.Uint32(k[8:]))).UTC()
	if t.Equal(time.Time{}) {
		return time.Time{}
	}
	return t
}

func idBytes(id uint64) []byte { return binary.BigEndian.AppendUint64(nil, id) }

func (r ixRecord) encode() []byte {
	var b []byte
	b = binary.AppendUvarint(b, uint64(len(r.iri)))
	b = append(b, r.iri...)
	b = binary.AppendUvarint(b, uint64(len(r.article)))
	b = append(b, r.article...)
	b = binary.AppendVarint(b, int64(r.start))
	b = append(b, dateKey(r.date)...)
	b = binary.AppendUvarint(b, uint64(len(r.act)))
	b = append(b, r.act...)
	for _, list := range [][]string{r.speakers, r.targets, r.events, r.told} {
		b = binary.AppendUvarint(b, uint64(len(list)))
		for _, iri := range list {
			b = binary.AppendUvarint(b, uint64(len(iri)))
			b = append(b, iri...)
		}
	}
	for _, k := range r.keys {
		b = binary.AppendUvarint(b, uint64(len(k)))
		b = append(b, k...)
	}
	return b
}

var errBadRecord = errors.New("claim index: malformed record")

// decodeRecord reads a record; the date comes back as its key only.
func decodeRecord(b []byte) (r ixRecord, dk []byte, err error) {
	r, dk, b, err = decodeHead(b)
	for len(b) > 0 && err == nil {
		key, rest, ok := lenPrefixed(b)
		if !ok {
			return ixRecord{}, nil, errBadRecord
		}
		r.keys, b = append(r.keys, bytes.Clone(key)), rest
	}
	return r, dk, err
}

// lenPrefixed splits off the field at the start of b, written as its
// length (a uvarint) and its bytes; ok is false if b is too short.
func lenPrefixed(b []byte) (field, rest []byte, ok bool) {
	n, k := binary.Uvarint(b)
	if k <= 0 || uint64(len(b)-k) < n {
		return nil, nil, false
	}
	return b[k : k+int(n)], b[k+int(n):], true
}

// decodeHead reads a record but its filter keys, and returns the bytes that
// hold them: a list of claims or a neighbourhood reads thousands of
// records, and needs no keys.
func decodeHead(b []byte) (r ixRecord, dk, keys []byte, err error) {
	str := func() string {
		f, rest, ok := lenPrefixed(b)
		if !ok {
			err = errBadRecord
			return ""
		}
		b = rest
		return string(f)
	}
	r.iri = str()
	r.article = str()
	start, k := binary.Varint(b)
	if err != nil || k <= 0 || len(b)-k < dateLen {
		return ixRecord{}, nil, nil, errBadRecord
	}
	r.start, dk, b = int(start), bytes.Clone(b[k:k+dateLen]), b[k+dateLen:]
	r.act = str()
	for _, list := range []*[]string{&r.speakers, &r.targets, &r.events, &r.told} {
		n, k := binary.Uvarint(b)
		if err != nil || k <= 0 || n > uint64(len(b)) {
			return ixRecord{}, nil, nil, errBadRecord
		}
		b = b[k:]
		for range n {
			*list = append(*list, str())
		}
	}
	if err != nil {
		return ixRecord{}, nil, nil, err
	}
	return r, dk, b, nil
}

// order is what puts the claims of one date in order (see window.flush),
// pointing into the record it was read from.
type order struct {
	iri, article []byte
	start        int
}

// orderOf reads the order part of a record, which comes first, and nothing
// after it: a page reads it for every claim of the dates it covers.
func orderOf(b []byte) (o order, err error) {
	for _, s := range []*[]byte{&o.iri, &o.article} {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return order{}, errBadRecord
		}
		*s, b = b[k:k+int(n)], b[k+int(n):]
	}
	start, k := binary.Varint(b)
	if k <= 0 {
		return order{}, errBadRecord
	}
	o.start = int(start)
	return o, nil
}

// compare orders claims of one date: by article IRI, content start, ID and
// IRI, as sortClaims does.
func (o order) compare(p order) int {
	if c := bytes.Compare(o.article, p.article); c != 0 {
		return c
	}
	if c := cmp.Compare(o.start, p.start); c != 0 {
		return c
	}
	a, b := string(o.iri), string(p.iri) // rarely reached: one article, one start
	return cmp.Or(strings.Compare(idOf(a), idOf(b)), strings.Compare(a, b))
}

func countOf(v []byte) int {
	if len(v) != 8 {
		return 0
	}
	return int(binary.BigEndian.Uint64(v))
}
