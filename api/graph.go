package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// getGraph answers the neighbourhood of a node for the web page: nodes and
// edges labelled with what speakers did ("accused", "told AFP").
func (s *server) getGraph(c *gin.Context) {
	if err := onlyParams(c, "focus", "depth", "limit"); err != nil {
		s.fail(c, err)
		return
	}
	focus := c.Query("focus")
	if focus == "" {
		s.fail(c, badRequest("focus: give the IRI, id or name of an actor, event or outlet"))
		return
	}
	depth, err := intParam(c.Query("depth"), "depth", 1, 3)
	if err != nil {
		s.fail(c, err)
		return
	}
	limit, err := intParam(c.Query("limit"), "limit", 1, 500)
	if err != nil {
		s.fail(c, err)
		return
	}
	g, err := s.store.Neighbourhood(c.Request.Context(), focus, depth, limit)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, g)
}
