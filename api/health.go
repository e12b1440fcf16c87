package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// healthz reports whether the store answers, with its size.
func (s *server) healthz(c *gin.Context) {
	st, err := s.store.Stats(c.Request.Context())
	if err != nil {
		s.log.Error("health check", "err", err)
		c.JSON(http.StatusServiceUnavailable, errorBody{"store unavailable", "unavailable"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok", "backend": s.store.Backend(), "version": s.opts.Version, "stats": st})
}
