package graph

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// boltIndex keeps the claim index in buckets of the store's own bolt file,
// beside Cayley's.
type boltIndex struct{ db *bolt.DB }

// boltBuckets name the index's buckets; boltPostings holds filter key +
// sort key → nothing.
var (
	boltBuckets = [numBuckets][]byte{
		bCounts:   []byte("claimgraph.index.counts"),
		bClaims:   []byte("claimgraph.index.claims"),
		bIDs:      []byte("claimgraph.index.ids"),
		bPending:  []byte("claimgraph.index.pending"),
		bArticles: []byte("claimgraph.index.articles"),
		bDocs:     []byte("claimgraph.index.docs"),
	}
	boltPostings = []byte("claimgraph.index.postings")
)

// newBoltIndex opens the index in db, creating its buckets.
func newBoltIndex(db *bolt.DB) (*boltIndex, error) {
	err := db.Update(func(tx *bolt.Tx) error {
		for _, name := range append(boltBuckets[:], boltPostings) {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("open claim index: %w", err)
	}
	return &boltIndex{db: db}, nil
}

func (b *boltIndex) reset() error {
	return b.db.Update(func(tx *bolt.Tx) error {
		for _, name := range append(boltBuckets[:], boltPostings) {
			if err := tx.DeleteBucket(name); err != nil && !errors.Is(err, bolt.ErrBucketNotFound) {
				return err
			}
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		return nil
	})
}

func (b *boltIndex) view(fn func(ixTx) error) error {
	return b.db.View(func(tx *bolt.Tx) error { return fn(newBoltTx(tx)) })
}

// update runs fn in a bolt transaction; one not durable skips the sync,
// which the next durable one (or the next write of Cayley's) makes for it.
// The store's write lock keeps writers, and so this switch, one at a time.
func (b *boltIndex) update(durable bool, fn func(ixTx) error) error {
	if !durable && !b.db.NoSync {
		b.db.NoSync = true
		defer func() { b.db.NoSync = false }()
	}
	return b.db.Update(func(tx *bolt.Tx) error {
		t := newBoltTx(tx)
		if err := fn(t); err != nil {
			return err
		}
		return t.flush()
	})
}

// boltTx is a bolt transaction with the index's buckets looked up once, on
// first use: a page reads three of them. Lookups in a bucket share one
// cursor, until a write to it: bolt's Get makes a cursor a lookup, and a
// page makes a dozen lookups.
//
// A write keeps new postings and counts aside and puts them at the end, in
// key order, each count once: a bulk load's postings land all over the
// bucket, and bolt takes keys in order at a fraction of the cost (a count
// such as every claim's changes thousands of times in one load). Reads of
// the postings, and of counts but by key, put them first.
type boltTx struct {
	tx      *bolt.Tx
	buckets [numBuckets]*bolt.Bucket
	cursors [numBuckets]*bolt.Cursor
	posts   *bolt.Bucket      // the postings
	adds    [][]byte          // postings to put
	counts  map[string][]byte // counts to put; nil: to delete
}

func newBoltTx(tx *bolt.Tx) *boltTx {
	if tx.Writable() {
		packAppends(tx, indexAppendBuckets)
	}
	return &boltTx{tx: tx}
}

// indexAppendBuckets are the index's buckets keyed by claim number, which
// numberOf takes in order: they grow at their end (see packAppends).
var indexAppendBuckets = [][]byte{boltBuckets[bClaims], boltBuckets[bArticles], boltBuckets[bDocs]}

func (t *boltTx) bucket(b ixBucket) *bolt.Bucket {
	if t.buckets[b] == nil {
		t.buckets[b] = t.tx.Bucket(boltBuckets[b])
	}
	return t.buckets[b]
}

func (t *boltTx) list() *bolt.Bucket {
	if t.posts == nil {
		t.posts = t.tx.Bucket(boltPostings)
	}
	return t.posts
}

// flush puts the postings and counts kept aside, in key order.
func (t *boltTx) flush() error {
	if len(t.adds) > 0 {
		slices.SortFunc(t.adds, bytes.Compare)
		list := t.list()
		for _, k := range t.adds {
			if err := list.Put(k, []byte{}); err != nil {
				return err
			}
		}
		t.adds = t.adds[:0]
	}
	if len(t.counts) > 0 {
		keys := make([]string, 0, len(t.counts))
		for k := range t.counts {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		t.cursors[bCounts] = nil
		bk := t.bucket(bCounts)
		for _, k := range keys {
			var err error
			if v := t.counts[k]; v == nil {
				err = bk.Delete([]byte(k))
			} else {
				err = bk.Put([]byte(k), v)
			}
			if err != nil {
				return err
			}
		}
		clear(t.counts)
	}
	return nil
}

// get is bolt's Bucket.Get on the bucket's cursor: nil for a missing key
// and for a nested bucket's.
func (t *boltTx) get(b ixBucket, k []byte) []byte {
	if b == bCounts && t.counts != nil {
		if v, ok := t.counts[string(k)]; ok {
			return v
		}
	}
	if t.cursors[b] == nil {
		t.cursors[b] = t.bucket(b).Cursor()
	}
	key, v := t.cursors[b].Seek(k)
	if !bytes.Equal(key, k) {
		return nil
	}
	return v
}

func (t *boltTx) put(b ixBucket, k, v []byte) error {
	if v == nil {
		v = []byte{}
	}
	if b == bCounts {
		if t.counts == nil {
			t.counts = make(map[string][]byte)
		}
		t.counts[string(k)] = v
		return nil
	}
	t.cursors[b] = nil
	return t.bucket(b).Put(k, v)
}

func (t *boltTx) del(b ixBucket, k []byte) error {
	if b == bCounts {
		if t.counts == nil {
			t.counts = make(map[string][]byte)
		}
		t.counts[string(k)] = nil
		return nil
	}
	t.cursors[b] = nil
	return t.bucket(b).Delete(k)
}
func (t *boltTx) nextID() (uint64, error) { return t.bucket(bIDs).NextSequence() }

// size counts a bucket's keys; counts kept aside are not in it (it is asked
// of the claims).
func (t *boltTx) size(b ixBucket) int { return t.bucket(b).Stats().KeyN }

func (t *boltTx) each(b ixBucket, prefix []byte, fn func(k, v []byte) bool) error {
	if err := t.flush(); err != nil {
		return err
	}
	c := t.bucket(b).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && fn(k, v); k, v = c.Next() {
	}
	return nil
}

func (t *boltTx) addPosting(fk, sk []byte) error {
	t.adds = append(t.adds, append(slices.Clip(fk), sk...))
	return nil
}

func (t *boltTx) delPosting(fk, sk []byte) error {
	if err := t.flush(); err != nil {
		return err
	}
	return t.list().Delete(append(slices.Clip(fk), sk...))
}

func (t *boltTx) postings(fk []byte, fn func(sk []byte) bool) error {
	if err := t.flush(); err != nil {
		return err
	}
	c := t.list().Cursor()
	for k, _ := c.Seek(fk); k != nil && bytes.HasPrefix(k, fk) && fn(k[len(fk):]); k, _ = c.Next() {
	}
	return nil
}

func (t *boltTx) postingsBack(fk []byte, fn func(sk []byte) bool) error {
	if err := t.flush(); err != nil {
		return err
	}
	c := t.list().Cursor()
	k, _ := c.Seek(append(slices.Clip(fk), 0xff)) // past every sort key: dates never start with 0xff
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	for ; k != nil && bytes.HasPrefix(k, fk) && fn(k[len(fk):]); k, _ = c.Prev() {
	}
	return nil
}

// memIndex keeps the claim index in memory, for memstore. The store's lock
// guards it: writers hold it alone, readers share it.
type memIndex struct {
	buckets [numBuckets]map[string][]byte
	lists   map[string]*postingList // filter key → sort keys, in order
	seq     uint64
}

func newMemIndex() *memIndex {
	m := &memIndex{lists: make(map[string]*postingList)}
	for i := range m.buckets {
		m.buckets[i] = make(map[string][]byte)
	}
	return m
}

func (m *memIndex) reset() error {
	*m = *newMemIndex()
	return nil
}

func (m *memIndex) view(fn func(ixTx) error) error { return fn(m) }

// update applies fn as it goes: nothing in memory can fail half-way but fn
// itself, whose errors are bugs, not I/O.
func (m *memIndex) update(_ bool, fn func(ixTx) error) error { return fn(m) }

func (m *memIndex) get(b ixBucket, k []byte) []byte { return m.buckets[b][string(k)] }
func (m *memIndex) put(b ixBucket, k, v []byte) error {
	m.buckets[b][string(k)] = slices.Clone(v)
	return nil
}
func (m *memIndex) del(b ixBucket, k []byte) error {
	delete(m.buckets[b], string(k))
	return nil
}
func (m *memIndex) size(b ixBucket) int { return len(m.buckets[b]) }
func (m *memIndex) nextID() (uint64, error) {
	m.seq++
	return m.seq, nil
}

// each scans the whole bucket: memstore holds test-sized stores.
func (m *memIndex) each(b ixBucket, prefix []byte, fn func(k, v []byte) bool) error {
	var keys []string
	for k := range m.buckets[b] {
		if strings.HasPrefix(k, string(prefix)) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !fn([]byte(k), m.buckets[b][k]) {
			break
		}
	}
	return nil
}

func (m *memIndex) addPosting(fk, sk []byte) error {
	l := m.lists[string(fk)]
	if l == nil {
		l = &postingList{}
		m.lists[string(fk)] = l
	}
	l.add(string(sk))
	return nil
}

func (m *memIndex) delPosting(fk, sk []byte) error {
	if l := m.lists[string(fk)]; l != nil && l.del(string(sk)) {
		delete(m.lists, string(fk))
	}
	return nil
}

func (m *memIndex) postings(fk []byte, fn func(sk []byte) bool) error {
	if l := m.lists[string(fk)]; l != nil {
		l.each(false, func(sk string) bool { return fn([]byte(sk)) })
	}
	return nil
}

func (m *memIndex) postingsBack(fk []byte, fn func(sk []byte) bool) error {
	if l := m.lists[string(fk)]; l != nil {
		l.each(true, func(sk string) bool { return fn([]byte(sk)) })
	}
	return nil
}
