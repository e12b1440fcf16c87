package api

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// mergeRequest is the body of POST /v1/actors/{id}/merge.
type mergeRequest struct {
	Into string `json:"into"` // the actor that stays: IRI, id or name
}

// mergeActor merges the actor into another when two nodes are the same:
// the answer is the profile of the one that stays.
func (s *server) mergeActor(c *gin.Context) {
	var req mergeRequest
	if err := decodeJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	if strings.TrimSpace(req.Into) == "" {
		s.fail(c, badRequest("into (the actor to merge into) is required"))
		return
	}
	p, err := s.store.Merge(c.Request.Context(), c.Param("id"), req.Into)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, p)
}

// unmergeActor undoes the actor's merge: the answer is its profile.
func (s *server) unmergeActor(c *gin.Context) {
	p, err := s.store.Unmerge(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, p)
}
