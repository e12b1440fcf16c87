package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// healthz is liveness: it reports whether the store answers, with its size.
func (s *server) healthz(c *gin.Context) {
	st, err := s.store.Stats(c.Request.Context())
	if err != nil {
		s.log.Error("health check", "err", err)
		c.JSON(http.StatusServiceUnavailable, errorBody{"store unavailable", "unavailable"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok", "backend": s.store.Backend(), "version": s.opts.Version, "stats": st})
}

// readyz is readiness: 200 while the store answers a ping, 503 while not,
// so a load balancer stops sending requests before they fail.
func (s *server) readyz(c *gin.Context) {
	if err := s.store.Ping(c.Request.Context()); err != nil {
		s.log.Warn("readiness check", "err", err)
		s.fail(c, errUnavailable)
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ready"})
}
