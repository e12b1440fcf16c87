package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// getActor answers an actor with what it said and what was said about it.
// The id may be an IRI, an id or a name, in any case. Roll-up is on by
// default: "what did Russia say" means its ministries and spokespeople too.
func (s *server) getActor(c *gin.Context) {
	if err := onlyParams(c, "rollup"); err != nil {
		s.fail(c, err)
		return
	}
	rollup, err := boolParam(c.Query("rollup"), "rollup", true)
	if err != nil {
		s.fail(c, err)
		return
	}
	p, err := s.store.Actor(c.Request.Context(), c.Param("id"), rollup)
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
	f, err := claimFilter(c, "role", "rollup", "event", "outlet", "article", "act", "from", "to", "q", "limit", "offset")
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
