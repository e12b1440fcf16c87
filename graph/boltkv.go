// This file is hidalgo's bbolt adapter (github.com/hidal-go/hidalgo v0.3.0,
// kv/bbolt/bolt.go, Copyright 2016 The Cayley Authors, Apache License 2.0),
// with one change: a write transaction packs the pages of the buckets that
// only grow at their end (see appendBuckets). hidalgo's adapter gives no way
// to reach bolt's buckets, so it is copied rather than wrapped.

package graph

import (
	"bytes"
	"context"

	"github.com/hidal-go/hidalgo/kv"
	bolt "go.etcd.io/bbolt"
)

var (
	_ kv.KV             = (*boltKV)(nil)
	_ kv.Seeker         = (*boltKVIter)(nil)
	_ kv.PrefixIterator = (*boltKVIter)(nil)
)

type boltKV struct {
	db *bolt.DB
}

func (db *boltKV) DB() *bolt.DB {
	return db.db
}

func (db *boltKV) Close() error {
	return db.db.Close()
}

func (db *boltKV) Tx(ctx context.Context, rw bool) (kv.Tx, error) {
	tx, err := db.db.Begin(rw)
	if err != nil {
		return nil, err
	}
	if rw {
		packAppends(tx, cayleyAppendBuckets)
	}
	return &boltKVTx{tx: tx}, nil
}

// cayleyAppendBuckets are the buckets of Cayley's KV layout that only grow at
// their end: "log" holds every node and quad under an 8-byte big-endian ID
// that each write takes from a counter.
var cayleyAppendBuckets = [][]byte{[]byte("log")}

// packAppends fills the pages of the named buckets in the write transaction
// tx: bolt splits a page it writes back at half its size by default, which
// suits keys put anywhere but leaves every page of a bucket that only grows
// at its end half empty for good (measured at 100k claims: "log" 566 MB of
// pages holding 278 MB). bolt keeps a write transaction's buckets, so the
// setting holds for every later lookup of them in tx.
func packAppends(tx *bolt.Tx, names [][]byte) {
	for _, name := range names {
		if b := tx.Bucket(name); b != nil {
			b.FillPercent = appendFill
		}
	}
}

// appendFill is how full a bucket that grows at its end has its pages
// written: full, as bolt's documentation advises for appends.
const appendFill = 1.0

func (db *boltKV) View(ctx context.Context, fn func(tx kv.Tx) error) error {
	return kv.View(ctx, db, fn)
}

func (db *boltKV) Update(ctx context.Context, fn func(tx kv.Tx) error) error {
	return kv.Update(ctx, db, fn)
}

type boltKVTx struct {
	tx *bolt.Tx
}

func (tx *boltKVTx) root() *bolt.Bucket {
	// a hack to get the root bucket
	c := tx.tx.Cursor()
	return c.Bucket()
}

func (tx *boltKVTx) bucket(key kv.Key) (*bolt.Bucket, kv.Key) {
	if len(key) <= 1 {
		return tx.root(), key
	}
	b := tx.tx.Bucket(key[0])
	key = key[1:]
	for b != nil && len(key) > 1 {
		b = b.Bucket(key[0])
		key = key[1:]
	}
	return b, key
}

func (tx *boltKVTx) Get(ctx context.Context, key kv.Key) (kv.Value, error) {
	b, k := tx.bucket(key)
	if b == nil || len(k) != 1 {
		return nil, kv.ErrNotFound
	}
	v := b.Get(k[0])
	if v == nil {
		return nil, kv.ErrNotFound
	}
	return v, nil
}

func (tx *boltKVTx) GetBatch(ctx context.Context, keys []kv.Key) ([]kv.Value, error) {
	vals := make([]kv.Value, len(keys))
	for i, key := range keys {
		if b, k := tx.bucket(key); b != nil && len(k) == 1 {
			vals[i] = b.Get(k[0])
		}
	}
	return vals, nil
}

func (tx *boltKVTx) Commit(ctx context.Context) error {
	return tx.tx.Commit()
}

func (tx *boltKVTx) Close() error {
	return tx.tx.Rollback()
}

func (tx *boltKVTx) Put(ctx context.Context, k kv.Key, v kv.Value) error {
	var (
		b   *bolt.Bucket
		err error
	)
	if len(k) <= 1 {
		b = tx.root()
	} else {
		b, err = tx.tx.CreateBucketIfNotExists(k[0])
		k = k[1:]
	}
	for err == nil && b != nil && len(k) > 1 {
		b, err = b.CreateBucketIfNotExists(k[0])
		k = k[1:]
	}
	if err != nil {
		return err
	} else if len(k[0]) == 0 && len(v) == 0 {
		return nil // bucket creation, no need to put value
	}
	err = b.Put(k[0], v)
	if err == bolt.ErrTxNotWritable {
		err = kv.ErrReadOnly
	}
	return err
}

func (tx *boltKVTx) Del(ctx context.Context, k kv.Key) error {
	b, k := tx.bucket(k)
	if b == nil || len(k) != 1 {
		return nil
	}
	err := b.Delete(k[0])
	if err == bolt.ErrTxNotWritable {
		err = kv.ErrReadOnly
	}
	return err
}

func (tx *boltKVTx) Scan(ctx context.Context, opts ...kv.IteratorOption) kv.Iterator {
	var it kv.Iterator = &boltKVIter{
		tx:    tx,
		rootb: tx.root(),
	}
	it.Reset()
	return kv.ApplyIteratorOptions(it, opts)
}

type boltKVIter struct {
	tx    *boltKVTx // only used for iterator optimization
	rootb *bolt.Bucket
	rootk kv.Key // used to reconstruct a full key
	pref  kv.Key // prefix to check all keys against
	stack struct {
		k kv.Key
		b []*bolt.Bucket
		c []*bolt.Cursor
	}
	k, v []byte // inside the current bucket
}

func (it *boltKVIter) Reset() {
	it.k = nil
	it.v = nil
	it.stack.c = nil
	it.stack.b = nil
	if cap(it.stack.k) >= len(it.rootk) {
		it.stack.k = it.stack.k[:len(it.rootk)]
	} else {
		// we will append to it
		it.stack.k = it.rootk.Clone()
	}
	copy(it.stack.k, it.rootk)
	if it.rootb != nil {
		it.stack.b = []*bolt.Bucket{it.rootb}
	}
}

func (it *boltKVIter) WithPrefix(pref kv.Key) kv.Iterator {
	it.Reset()
	kpref := pref
	b, p := it.tx.bucket(pref)
	if b == nil || len(p) > 1 {
		// if the prefix key is still longer than 1, it means that
		// a bucket mentioned in the prefix does not exists and
		// we can safely return an empty iterator
		*it = boltKVIter{tx: it.tx}
		return it
	}
	// the key for bucket we iterate
	it.rootk = kpref[:len(kpref)-len(p)]
	it.rootb = b
	it.pref = p
	it.Reset()
	return it
}

func (it *boltKVIter) next(pref kv.Key) bool {
	for len(it.stack.b) > 0 {
		i := len(it.stack.b) - 1
		cb := it.stack.b[i]
		if len(it.stack.c) < len(it.stack.b) {
			c := cb.Cursor()
			it.stack.c = append(it.stack.c, c)
			if i >= len(pref) {
				it.k, it.v = c.First()
			} else {
				it.k, it.v = c.Seek(pref[i])
			}
		} else {
			c := it.stack.c[i]
			it.k, it.v = c.Next()
		}
		if it.k != nil {
			// found a key, check prefix
			if i >= len(pref) || bytes.HasPrefix(it.k, pref[i]) {
				// prefix matches, or is not specified
				if it.v == nil {
					// it's a bucket
					cb := it.stack.b[len(it.stack.b)-1]
					if b := cb.Bucket(it.k); b != nil {
						it.stack.b = append(it.stack.b, b)
						it.stack.k = append(it.stack.k, it.k)
						continue
					}
					// or maybe it's a key after all
				}
				// return this value
				return true
			}
		}
		// iterator is ended, or we reached the end of the prefix
		// return to top-level bucket
		it.stack.c = it.stack.c[:len(it.stack.c)-1]
		it.stack.b = it.stack.b[:len(it.stack.b)-1]
		if len(it.stack.k) > 0 { // since we hide top-level bucket it can be smaller
			it.stack.k = it.stack.k[:len(it.stack.k)-1]
		}
	}
	return false
}

func (it *boltKVIter) Seek(ctx context.Context, key kv.Key) bool {
	it.Reset()
	if !it.next(key) {
		return false
	}
	return it.Key().HasPrefix(it.pref)
}

func (it *boltKVIter) Next(ctx context.Context) bool {
	return it.next(it.pref)
}

func (it *boltKVIter) Key() kv.Key {
	if len(it.stack.b) == 0 {
		return nil
	}
	k := it.stack.k.Clone()
	k = append(k, append([]byte{}, it.k...))
	return k
}

func (it *boltKVIter) Val() kv.Value {
	return it.v
}

func (it *boltKVIter) Err() error {
	return nil
}

func (it *boltKVIter) Close() error {
	*it = boltKVIter{}
	return nil
}
