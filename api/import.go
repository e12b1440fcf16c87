package api

import (
	"bytes"
	"io"
	"mime"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// importGraph loads a dump (N-Quads, JSON-LD, or ClaimReview) in one
// transaction. The format is ?format=, else the Content-Type's.
func (s *server) importGraph(c *gin.Context) {
	if err := onlyParams(c, "format"); err != nil {
		s.fail(c, err)
		return
	}
	s.importAs(c, formatOf(c.GetHeader("Content-Type")))
}

// importClaimReview loads a ClaimReview document: one object, an array of
// them, or a @graph.
func (s *server) importClaimReview(c *gin.Context) {
	if err := onlyParams(c); err != nil {
		s.fail(c, err)
		return
	}
	s.importAs(c, graph.FormatClaimReview)
}

func (s *server) importAs(c *gin.Context, def string) {
	format, err := formatParam(c, def)
	if err != nil {
		s.fail(c, err)
		return
	}
	body, err := io.ReadAll(c.Request.Body)
	if err != nil {
		s.fail(c, err)
		return
	}
	if len(bytes.TrimSpace(body)) == 0 {
		s.fail(c, badRequest("request body is empty: expected a %s document", format))
		return
	}
	n, err := s.store.Import(c.Request.Context(), bytes.NewReader(body), format)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, n)
}

// formatOf is the dump format a media type names, "" for none: a JSON body
// defaults to JSON-LD.
func formatOf(contentType string) string {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "application/n-quads", "text/x-nquads":
		return graph.FormatNQuads
	case "application/ld+json", "application/json":
		return graph.FormatJSONLD
	}
	return ""
}
