package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// getActor answers an actor with what it said and what was said about it.
// The id may be an IRI, an id or a name, in any case.
func (s *server) getActor(c *gin.Context) {
	p, err := s.store.Actor(c, c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, p)
}

// actorClaims lists the claims an actor made (role=speaker, the default) or
// that were made about it (role=target), with the other filters of
// GET /v1/claims.
func (s *server) actorClaims(c *gin.Context) {
	f, err := claimFilter(c, "role", "event", "outlet", "article", "act", "from", "to", "q", "limit", "offset")
	if err != nil {
		s.fail(c, err)
		return
	}
	switch role := c.Query("role"); role {
	case "", "speaker":
		f.Speaker = c.Param("id")
	case "target":
		f.Target = c.Param("id")
	default:
		s.fail(c, badRequest("role: %q is not speaker or target", role))
		return
	}
	s.respondClaims(c, f)
}
