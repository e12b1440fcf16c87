package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// listRelations answers the who-accused-whom matrix: (speaker, target,
// speech act) cells with counts and first and last dates, busiest first.
// limit counts cells.
func (s *server) listRelations(c *gin.Context) {
	f, err := claimFilter(c, "speaker", "target", "rollup", "act", "event", "outlet", "article", "from", "to", "q", "limit")
	if err != nil {
		s.fail(c, err)
		return
	}
	rel, err := s.store.Relations(c.Request.Context(), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, rel)
}
