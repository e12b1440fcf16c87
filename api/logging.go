package api

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"time"

	"github.com/gin-gonic/gin"
)

// requestIDHeader carries a request's ID: taken from a proxy in front when
// it sends a sane one, made up otherwise, and always sent back, so a client
// can quote it and a log line can be found.
const requestIDHeader = "X-Request-Id"

// accessLog logs one line a request, after it is answered: method, route
// pattern, path, status, duration, bytes sent and the request ID. Nothing
// from the headers or the query string is logged: the token travels in a
// header, and queries may carry what a reader typed.
func (s *server) accessLog(c *gin.Context) {
	start := time.Now()
	id := requestID(c.GetHeader(requestIDHeader))
	c.Header(requestIDHeader, id)
	c.Next()
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	level := slog.LevelInfo
	if c.Writer.Status() >= 500 {
		level = slog.LevelError
	}
	if !s.log.Enabled(c.Request.Context(), level) {
		return // spares building the line
	}
	s.log.LogAttrs(c.Request.Context(), level, "request",
		slog.String("method", c.Request.Method),
		slog.String("route", route),
		slog.String("path", c.Request.URL.Path),
		slog.Int("status", c.Writer.Status()),
		slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
		slog.Int("bytes", max(c.Writer.Size(), 0)),
		slog.String("request_id", id))
}

// requestID keeps an incoming ID of up to 64 letters, digits, '-', '_' or
// '.', so that a client cannot write what it likes into the log, and makes
// a new one otherwise.
func requestID(in string) string {
	ok := in != "" && len(in) <= 64
	for _, r := range in {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			ok = false
			break
		}
	}
	if ok {
		return in
	}
	b := make([]byte, 8)
	rand.Read(b) // never fails (crypto/rand since Go 1.24)
	return hex.EncodeToString(b)
}
