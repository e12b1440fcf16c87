package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/schema"
)

// Error codes in the JSON error body.
const (
	codeBadRequest    = "bad_request"
	codeInvalid       = "invalid"
	codeNotFound      = "not_found"
	codeConflict      = "conflict"
	codeTooLarge      = "too_large"
	codeUnprocessable = "unprocessable"
	codeNoMethod      = "method_not_allowed"
	codeUnauthorized  = "unauthorized"
	codeReadOnly      = "read_only"
	codeUnavailable   = "unavailable"
	codeInternal      = "internal"
	codeCanceled      = "canceled"
)

// statusClientGone is nginx's status for a request its client abandoned.
const statusClientGone = 499

// errorBody is the one shape of every error response.
type errorBody struct {
	Error string `json:"error"`
	Code  string `json:"code"`
}

// httpError is an error the API itself decides the status of: a malformed
// request, an article that is not text.
type httpError struct {
	status int
	code   string
	msg    string
}

func (e *httpError) Error() string { return e.msg }

// badRequest is a request the API cannot read: malformed JSON, a wrong type,
// an unknown field or parameter.
func badRequest(format string, args ...any) error {
	return &httpError{http.StatusBadRequest, codeBadRequest, fmt.Sprintf(format, args...)}
}

// unprocessable is a well-formed request whose content cannot be used, such
// as an article with no text in it.
func unprocessable(format string, args ...any) error {
	return &httpError{http.StatusUnprocessableEntity, codeUnprocessable, fmt.Sprintf(format, args...)}
}

// Refusals of the access rules (access.go) and the readiness probe.
var (
	errUnauthorized = &httpError{http.StatusUnauthorized, codeUnauthorized, "this write needs the header Authorization: Bearer TOKEN"}
	errReadOnly     = &httpError{http.StatusForbidden, codeReadOnly, "the server is read-only: writes are refused"}
	errUnavailable  = &httpError{http.StatusServiceUnavailable, codeUnavailable, "store unavailable"}
)

// status maps an error to its HTTP status, code and message: the one table
// from errors to HTTP. Anything unknown is a 500 whose detail stays in the log.
func status(err error) (int, errorBody) {
	var he *httpError
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		return he.status, errorBody{he.msg, he.code}
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge, errorBody{fmt.Sprintf("request body is larger than %d bytes", tooBig.Limit), codeTooLarge}
	case errors.Is(err, schema.ErrNotFound):
		return http.StatusNotFound, errorBody{err.Error(), codeNotFound}
	case errors.Is(err, schema.ErrInvalid):
		return http.StatusBadRequest, errorBody{err.Error(), codeInvalid}
	case errors.Is(err, schema.ErrConflict):
		return http.StatusConflict, errorBody{err.Error(), codeConflict}
	case errors.Is(err, context.Canceled):
		// The client went away (its request's context is cancelled when
		// the connection closes): nobody reads this answer, and it is not
		// the server's failure. nginx's 499, as Cayley's routes answer.
		return statusClientGone, errorBody{"request canceled", codeCanceled}
	}
	return http.StatusInternalServerError, errorBody{"internal error", codeInternal}
}

// fail answers c with err; 500s are logged with their detail.
func (s *server) fail(c *gin.Context, err error) {
	code, body := status(err)
	if code == http.StatusInternalServerError {
		s.log.Error("request failed", "method", c.Request.Method, "path", c.Request.URL.Path, "err", err)
	}
	c.AbortWithStatusJSON(code, body)
}

func (s *server) noRoute(c *gin.Context) {
	c.JSON(http.StatusNotFound, errorBody{fmt.Sprintf("no route %s %s", c.Request.Method, c.Request.URL.Path), codeNotFound})
}

func (s *server) noMethod(c *gin.Context) {
	c.JSON(http.StatusMethodNotAllowed, errorBody{fmt.Sprintf("method %s is not allowed on %s", c.Request.Method, c.Request.URL.Path), codeNoMethod})
}
