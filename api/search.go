package api

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// search answers a ranked full-text search over claim content, with the
// filters of GET /v1/claims. Here q is words to find, not a substring.
func (s *server) search(c *gin.Context) {
	f, err := claimFilter(c, filterParams...)
	if err != nil {
		s.fail(c, err)
		return
	}
	if strings.TrimSpace(f.Text) == "" {
		s.fail(c, badRequest("q: give the words to search for"))
		return
	}
	hits, err := s.store.Search(c.Request.Context(), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, hits)
}
