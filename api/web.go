package api

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
)

// webFiles is the explorer page and its assets, vendored scripts included:
// the binary serves them with no CDN and nothing to build.
//
//go:embed web
var webFiles embed.FS

// webRoot is web/ as the root the asset route serves from.
var webRoot = func() http.FileSystem {
	sub, err := fs.Sub(webFiles, "web")
	if err != nil {
		panic(err) // only if the embed pattern above changes
	}
	return http.FS(sub)
}()

// pageCSP lets the page run only what this server sent: no inline script,
// nothing from elsewhere, no framing. Cytoscape sets element styles from
// script, which style-src does not govern.
const pageCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders go on the page and its assets.
func securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("Content-Security-Policy", pageCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
}

// index serves the explorer page.
func (s *server) index(c *gin.Context) {
	securityHeaders(c)
	c.FileFromFS("/", webRoot)
}

// asset serves the page's scripts, styles and vendored libraries.
func (s *server) asset(c *gin.Context) {
	if strings.HasSuffix(c.Param("file"), "/") {
		s.noRoute(c) // no directory listings
		return
	}
	securityHeaders(c)
	c.FileFromFS(c.Param("file"), webRoot)
}
