package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// getEvent answers an event (IRI, id or label) with every side's claims
// about it, grouped by speaker and speech act; limit and offset page the
// claims shown, newest first, and counts cover them all.
func (s *server) getEvent(c *gin.Context) {
	f, err := claimFilter(c, "act", "from", "to", "limit", "offset")
	if err != nil {
		s.fail(c, err)
		return
	}
	v, err := s.store.Event(c.Request.Context(), c.Param("id"), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, v)
}
