package api

import (
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// formatTypes maps each dump format to its media type.
var formatTypes = map[string]string{
	graph.FormatNQuads:      "application/n-quads",
	graph.FormatJSONLD:      "application/ld+json",
	graph.FormatClaimReview: "application/ld+json",
}

// formatParam reads ?format=, one of graph.Formats; def when absent.
func formatParam(c *gin.Context, def string) (string, error) {
	f := c.Query("format")
	if f == "" {
		f = def
	}
	if f == "" {
		return "", badRequest("format is required: one of %v (or send Content-Type application/n-quads or application/ld+json)", graph.Formats)
	}
	if !slices.Contains(graph.Formats, f) {
		return "", badRequest("format: %q is not one of %v", f, graph.Formats)
	}
	return f, nil
}

// exportGraph streams the whole graph, or one article's part of it, as a
// dump in one of Cayley's formats or as ClaimReview.
func (s *server) exportGraph(c *gin.Context) {
	if err := onlyParams(c, "format", "article"); err != nil {
		s.fail(c, err)
		return
	}
	format, err := formatParam(c, graph.FormatNQuads)
	if err != nil {
		s.fail(c, err)
		return
	}
	w := &lazyWriter{c: c, contentType: formatTypes[format]}
	err = s.store.Export(c.Request.Context(), w, format, c.Query("article"))
	switch {
	case err != nil && !w.started:
		s.fail(c, err)
	case err != nil:
		// The status is sent: all that is left is to cut the body short.
		s.log.Error("export failed midway", "format", format, "err", err)
		panic(http.ErrAbortHandler)
	case !w.started:
		w.start()
	}
}

// lazyWriter sends the 200 and its headers with the first byte, so an
// error found before any output still gets a proper error status.
type lazyWriter struct {
	c           *gin.Context
	contentType string
	started     bool
}

func (w *lazyWriter) start() {
	w.started = true
	w.c.Header("Content-Type", w.contentType)
	w.c.Status(http.StatusOK)
	w.c.Writer.WriteHeaderNow()
}

func (w *lazyWriter) Write(p []byte) (int, error) {
	if !w.started {
		w.start()
	}
	return w.c.Writer.Write(p)
}
