package api

import (
	"strconv"
	"sync"

	"github.com/gin-gonic/gin"
)

// claimJSONBytes bounds the claims' JSON kept between requests: some 3,000
// claims of a long article's size.
const claimJSONBytes = 8 << 20

// claimJSON keeps each claim's JSON, as encoding/json writes it, from one
// request to the next: a page of claims is then written by copying bytes,
// and reflection runs once per claim and store generation instead of once
// per claim and request. A claim's JSON depends only on the store's
// contents, which change only with its generation (see graph.Store.Generation):
// the cache holds the claims of one generation and is emptied when it moves.
type claimJSON struct {
	mu    sync.Mutex
	gen   uint64
	byIRI map[string][]byte // claim IRI → JSON; never changed once kept
	size  int
}

func newClaimJSON() *claimJSON {
	return &claimJSON{byIRI: make(map[string][]byte)}
}

// get returns the JSON kept for the claim iri at generation gen.
func (cj *claimJSON) get(iri string, gen uint64) ([]byte, bool) {
	cj.mu.Lock()
	defer cj.mu.Unlock()
	if cj.gen != gen {
		return nil, false
	}
	b, ok := cj.byIRI[iri]
	return b, ok
}

// keep keeps b as the JSON of the claim iri, read at generation gen.
func (cj *claimJSON) keep(iri string, gen uint64, b []byte) {
	if len(b) > claimJSONBytes/64 {
		return
	}
	cj.mu.Lock()
	defer cj.mu.Unlock()
	switch {
	case gen < cj.gen: // read before a write that has been seen already
		return
	case gen > cj.gen || cj.size+len(b) > claimJSONBytes:
		clear(cj.byIRI)
		cj.gen, cj.size = gen, 0
	}
	if _, ok := cj.byIRI[iri]; !ok {
		cj.byIRI[iri], cj.size = b, cj.size+len(b)
	}
}

// appendPage appends what encoding/json writes for a graph.Page, byte for
// byte, given the JSON of its claims.
func appendPage(dst []byte, claims [][]byte, total, limit, offset int) []byte {
	dst = append(dst, `{"claims":[`...)
	for i, c := range claims {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, c...)
	}
	dst = strconv.AppendInt(append(dst, `],"total":`...), int64(total), 10)
	dst = strconv.AppendInt(append(dst, `,"limit":`...), int64(limit), 10)
	dst = strconv.AppendInt(append(dst, `,"offset":`...), int64(offset), 10)
	return append(dst, '}')
}

// bufs are the buffers answers are encoded into, reused across requests.
type bufs struct{ pool sync.Pool }

// maxPooledBuf keeps a rare huge answer's buffer from being held for good.
const maxPooledBuf = 1 << 20

func (b *bufs) get() *[]byte {
	if p, ok := b.pool.Get().(*[]byte); ok {
		return p
	}
	buf := make([]byte, 0, 16<<10)
	return &buf
}

func (b *bufs) put(p *[]byte) {
	if cap(*p) <= maxPooledBuf {
		*p = (*p)[:0]
		b.pool.Put(p)
	}
}

// sendJSON sends body, already JSON, with its length: the server then
// sends it in one piece instead of in chunks.
func sendJSON(c *gin.Context, status int, body []byte) {
	h := c.Writer.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	c.Status(status)
	c.Writer.Write(body) // a client gone is not ours to report
}
