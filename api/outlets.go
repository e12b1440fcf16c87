package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// getOutlet answers an outlet (IRI, id or name) with what reached us
// through it: claims told to it and articles it published, newest first.
func (s *server) getOutlet(c *gin.Context) {
	if err := onlyParams(c, "limit"); err != nil {
		s.fail(c, err)
		return
	}
	limit, err := intParam(c.Query("limit"), "limit", 1, maxLimit)
	if err != nil {
		s.fail(c, err)
		return
	}
	v, err := s.store.Outlet(c.Request.Context(), c.Param("id"), limit)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, v)
}
