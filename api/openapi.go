package api

import (
	_ "embed"
	"net/http"

	"github.com/gin-gonic/gin"
)

// openAPI describes the routes of routes(), written by hand; a test checks
// the two agree.
//
//go:embed openapi.json
var openAPI []byte

func (s *server) openapi(c *gin.Context) {
	c.Data(http.StatusOK, "application/json", openAPI)
}
