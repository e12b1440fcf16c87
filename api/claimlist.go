package api

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// respondClaims answers with one page of the claims f selects. Where the
// store's generation is exact (see graph.Store.Generation), the answer is kept
// whole (see answerCache), and each claim's JSON too (see claimJSON), until
// the next write: a list is then written by copying bytes, and only the
// claims not seen since the last write are read and encoded. The bytes
// sent are those encoding/json writes for the graph.Page.
//
// An answer read at one generation carries it in its ETag, and a request
// whose If-None-Match names the current one is answered 304.
func (s *server) respondClaims(c *gin.Context, f graph.Filter) {
	ctx := c.Request.Context()
	gen, exact := s.store.Generation()
	if exact && s.notModified(c, gen) {
		return
	}
	url := c.Request.URL.Path + "?" + c.Request.URL.RawQuery
	if body, ok := s.answers.get(url, gen); ok && exact {
		c.Header("ETag", s.etag(gen))
		sendJSON(c, http.StatusOK, body)
		return
	}
	buf := s.bufs.get()
	defer s.bufs.put(buf)
	var (
		kept bool
		err  error
	)
	if exact {
		*buf, kept, err = s.keptPage(ctx, *buf, f, gen)
	}
	if err == nil && !kept {
		*buf, err = s.readPage(ctx, (*buf)[:0], f)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	if kept {
		c.Header("ETag", s.etag(gen))
		if s.answers != nil {
			s.answers.keep(url, gen, bytes.Clone(*buf))
		}
	}
	sendJSON(c, http.StatusOK, *buf)
}

// etag is the entity tag of answers read at generation gen. It names the
// process too: generations start again at 0 when the server does.
func (s *server) etag(gen uint64) string {
	return `"` + s.boot + "." + strconv.FormatUint(gen, 36) + `"`
}

// notModified answers 304 when the request's If-None-Match names the answer
// it would get at generation gen. "*" is not taken: the list may be an error
// (a speaker that names no one), which has no representation to match.
func (s *server) notModified(c *gin.Context, gen uint64) bool {
	inm := c.GetHeader("If-None-Match")
	if inm == "" {
		return false
	}
	tag := s.etag(gen)
	for _, t := range strings.Split(inm, ",") {
		if strings.TrimPrefix(strings.TrimSpace(t), "W/") == tag {
			c.Header("ETag", tag)
			c.Status(http.StatusNotModified)
			return true
		}
	}
	return false
}

// keptPage appends the JSON of the page f selects at generation gen, from
// the claims' JSON kept, reading the claims not kept. ok is false when a
// write came in between: the page may mix both sides of it, and the caller
// reads it again with readPage.
func (s *server) keptPage(ctx context.Context, dst []byte, f graph.Filter, gen uint64) (_ []byte, ok bool, err error) {
	ip, err := s.store.ClaimIRIs(ctx, f)
	if err != nil {
		return dst, false, err
	}
	claims := make([][]byte, len(ip.IRIs))
	var missing []int
	for i, iri := range ip.IRIs {
		if claims[i], ok = s.claimJSON.get(iri, gen); !ok {
			missing = append(missing, i)
		}
	}
	for _, i := range missing {
		c, err := s.store.Claim(ctx, ip.IRIs[i])
		if err != nil {
			if now, _ := s.store.Generation(); now != gen {
				return dst, false, nil // deleted since the page was read, say
			}
			return dst, false, err
		}
		if claims[i], err = json.Marshal(c); err != nil {
			return dst, false, err
		}
	}
	if now, _ := s.store.Generation(); now != gen {
		return dst, false, nil
	}
	for _, i := range missing {
		s.claimJSON.keep(ip.IRIs[i], gen, claims[i])
	}
	return appendPage(dst, claims, ip.Total, ip.Limit, ip.Offset), true, nil
}

// readPage appends the JSON of the page f selects, read and encoded whole,
// as it is where the generation is not exact.
func (s *server) readPage(ctx context.Context, dst []byte, f graph.Filter) ([]byte, error) {
	page, err := s.store.Claims(ctx, f)
	if err != nil {
		return dst, err
	}
	b, err := json.Marshal(page)
	return append(dst, b...), err
}
