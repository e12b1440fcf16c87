package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
)

// decodeJSON reads the request body into v strictly: valid UTF-8, one JSON
// value, no unknown fields. Its errors name the problem and the field.
func decodeJSON(c *gin.Context, v any) error {
	body, err := io.ReadAll(c.Request.Body)
	if err != nil {
		return err // *http.MaxBytesError → 413
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return badRequest("request body is empty: expected a JSON object")
	}
	if !utf8.Valid(body) {
		return badRequest("request body is not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return badRequest("request body has more after the JSON object")
	}
	return nil
}

// jsonError turns encoding/json's errors into messages for people.
func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return badRequest("malformed JSON at byte %d: %v", syn.Offset, err)
	case errors.As(err, &typ):
		if typ.Field == "" {
			return badRequest("request body must be a JSON object, not %s", typ.Value)
		}
		return badRequest("field %q must be %s, not %s", typ.Field, jsonType(typ.Type.Kind().String()), typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest("malformed JSON: the body ends too early")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return badRequest("unknown field %s", strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return badRequest("malformed JSON: %v", err)
}

// jsonType names a Go kind the way a JSON user thinks of it.
func jsonType(kind string) string {
	switch kind {
	case "string":
		return "a string"
	case "bool":
		return "true or false"
	case "slice", "array":
		return "an array"
	case "struct", "map", "ptr":
		return "an object"
	}
	return "a number"
}

// parseDate reads a date as RFC 3339 or YYYY-MM-DD; field names it in the
// error. A bare day has dayOnly set, so an upper bound can include the day.
func parseDate(field, s string) (t time.Time, dayOnly bool, err error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.UTC(), false, nil
	}
	if t, err := time.Parse("2006-01-02T15:04:05", s); err == nil {
		return t, false, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, true, nil
	}
	return time.Time{}, false, badRequest("%s: %q is not a date (use 2020-10-09 or RFC 3339, e.g. 2020-10-09T14:30:00Z)", field, s)
}

// checkText refuses text that is not prose: empty, binary, or wordless.
func checkText(text string) error {
	if strings.TrimSpace(text) == "" {
		return unprocessable("article text is empty")
	}
	ctl, letters := 0, 0
	for _, r := range text {
		switch {
		case r == 0 || r == utf8.RuneError:
			return unprocessable("article text is binary, not prose (it has NUL or undecodable bytes)")
		case unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t':
			ctl++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if letters == 0 {
		return unprocessable("article text has no words in it")
	}
	if ctl*20 > letters {
		return unprocessable("article text is binary, not prose (%d control characters)", ctl)
	}
	return nil
}

// fieldLen names a string field that is longer than max bytes.
func fieldLen(field, v string, max int) error {
	if len(v) > max {
		return badRequest("%s is %d bytes long, more than %d", field, len(v), max)
	}
	if strings.ContainsRune(v, 0) {
		return badRequest("%s contains a NUL character", field)
	}
	return nil
}
