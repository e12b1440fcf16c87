package api

import (
	"container/list"
	"sync"
)

// DefaultAnswerCache is the memory kept for whole answers when Options
// leave it unset.
const DefaultAnswerCache = 16 << 20

// answerCache keeps whole answers of claim lists, by URL, for the store
// generation they were read at (see graph.Store.Generation): an answer is served
// again only while no write has happened since, so it is exactly what the
// store would answer. A write empties it. It holds at most max bytes of
// answers, dropping the least recently served first; an answer larger than
// an eighth of it is not kept.
type answerCache struct {
	mu      sync.Mutex
	max     int
	size    int
	gen     uint64
	entries map[string]*list.Element // URL → element of lru holding an *answer
	lru     list.List                // most recently served first
}

type answer struct {
	url  string
	body []byte // never changed once kept
}

// newAnswerCache returns a cache of max bytes, or nil (no cache) for max <= 0.
func newAnswerCache(max int) *answerCache {
	if max <= 0 {
		return nil
	}
	return &answerCache{max: max, entries: make(map[string]*list.Element)}
}

// get returns the answer kept for url at generation gen.
func (ac *answerCache) get(url string, gen uint64) ([]byte, bool) {
	if ac == nil {
		return nil, false
	}
	ac.mu.Lock()
	defer ac.mu.Unlock()
	if ac.gen != gen {
		return nil, false
	}
	e, ok := ac.entries[url]
	if !ok {
		return nil, false
	}
	ac.lru.MoveToFront(e)
	return e.Value.(*answer).body, true
}

// keep keeps body as the answer for url at generation gen.
func (ac *answerCache) keep(url string, gen uint64, body []byte) {
	if ac == nil || len(body) > ac.max/8 {
		return
	}
	ac.mu.Lock()
	defer ac.mu.Unlock()
	switch {
	case gen < ac.gen: // read before a write that has been seen already
		return
	case gen > ac.gen:
		clear(ac.entries)
		ac.lru.Init()
		ac.gen, ac.size = gen, 0
	}
	if _, ok := ac.entries[url]; ok {
		return
	}
	for ac.size+len(url)+len(body) > ac.max {
		old := ac.lru.Remove(ac.lru.Back()).(*answer)
		delete(ac.entries, old.url)
		ac.size -= len(old.url) + len(old.body)
	}
	ac.entries[url] = ac.lru.PushFront(&answer{url: url, body: body})
	ac.size += len(url) + len(body)
}
