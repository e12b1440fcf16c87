package api

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

// filterParams are the query parameters of GET /v1/claims.
var filterParams = []string{"speaker", "target", "rollup", "event", "outlet", "article", "act", "from", "to", "q", "limit", "offset"}

// maxLimit caps one page of claims.
const maxLimit = 1000

// claimFilter reads a graph.Filter from the query string. Only the allowed
// parameters may appear: a misspelt filter is an error, not silently ignored.
func claimFilter(c *gin.Context, allowed ...string) (graph.Filter, error) {
	var f graph.Filter
	q := c.Request.URL.Query() // parsed once: each call parses again
	if err := onlyKeys(q, allowed...); err != nil {
		return f, err
	}
	f.Speaker, f.Target, f.Event = q.Get("speaker"), q.Get("target"), q.Get("event")
	f.Outlet, f.Article, f.Text = q.Get("outlet"), q.Get("article"), q.Get("q")
	if act := q.Get("act"); act != "" {
		f.SpeechAct = schema.SpeechAct(strings.ToLower(act))
		if !f.SpeechAct.Valid() {
			return f, badRequest("act: %q is not a speech act (one of %v)", act, schema.SpeechActs)
		}
	}
	var err error
	// Off by default here: a filter should match exactly what it names.
	if f.Rollup, err = boolParam(q.Get("rollup"), "rollup", false); err != nil {
		return f, err
	}
	if f.From, err = bound(q.Get("from"), "from", false); err != nil {
		return f, err
	}
	if f.To, err = bound(q.Get("to"), "to", true); err != nil {
		return f, err
	}
	if f.Limit, err = intParam(q.Get("limit"), "limit", 1, maxLimit); err != nil {
		return f, err
	}
	f.Offset, err = intParam(q.Get("offset"), "offset", 0, 1<<30)
	return f, err
}

// onlyParams rejects a query parameter not in allowed: a misspelt filter
// is an error, not silently ignored.
func onlyParams(c *gin.Context, allowed ...string) error {
	return onlyKeys(c.Request.URL.Query(), allowed...)
}

// onlyKeys is onlyParams on a parsed query.
func onlyKeys(q url.Values, allowed ...string) error {
	for k := range q {
		if !slices.Contains(allowed, k) {
			return badRequest("unknown query parameter %q (allowed: %s)", k, strings.Join(allowed, ", "))
		}
	}
	return nil
}

// bound parses a date-range end. A bare day as the upper bound includes
// that whole day.
func bound(s, name string, upper bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, day, err := parseDate(name, s)
	if err == nil && day && upper {
		t = t.AddDate(0, 0, 1)
	}
	return t, err
}

// boolParam parses an optional true/false query parameter.
func boolParam(s, name string, def bool) (bool, error) {
	switch s {
	case "":
		return def, nil
	case "true", "1":
		return true, nil
	case "false", "0":
		return false, nil
	}
	return false, badRequest("%s: %q is not true or false", name, s)
}

// intParam parses an optional integer query parameter within [min, max].
func intParam(s, name string, min, max int) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > max {
		return 0, badRequest("%s: %q is not a whole number from %d to %d", name, s, min, max)
	}
	return n, nil
}

func (s *server) listClaims(c *gin.Context) {
	f, err := claimFilter(c, filterParams...)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.respondClaims(c, f)
}

// getClaim answers a claim with its reviews, as corrected by them, or
// with ?as=extracted as the machine extracted it.
func (s *server) getClaim(c *gin.Context) {
	if err := onlyParams(c, "as"); err != nil {
		s.fail(c, err)
		return
	}
	as := c.Query("as")
	if as != "" && as != "extracted" && as != "corrected" {
		s.fail(c, badRequest("as: %q is not extracted or corrected", as))
		return
	}
	claim, err := s.store.ReviewedClaim(c.Request.Context(), c.Param("id"), as == "extracted")
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, claim)
}

// claimConflicts answers a claim with the claims about the same event that
// give other figures for the same measure.
func (s *server) claimConflicts(c *gin.Context) {
	conflicts, err := s.store.Conflicts(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, conflicts)
}

// createClaim stores a hand-entered claim.
func (s *server) createClaim(c *gin.Context) {
	var req claimRequest
	if err := decodeJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	claim, source, err := req.claim()
	if err != nil {
		s.fail(c, err)
		return
	}
	stored, err := s.store.AddClaim(c.Request.Context(), claim, source)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.metrics.claims.Inc()
	c.Header("Location", "/v1/claims/"+stored.ID)
	c.JSON(http.StatusCreated, stored)
}
