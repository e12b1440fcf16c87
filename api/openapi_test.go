package api

import (
	"context"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// cayleyPrefixes are routes that hand a whole subtree to Cayley's own REST
// interface and UI: Cayley documents those, and a wildcard is no OpenAPI path.
var cayleyPrefixes = []string{"/api/", "/cayley/"}

// TestOpenAPIMatchesRoutes: every route is described, and every described
// operation is a route.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	store, err := graph.Open(context.Background(), "memstore", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	engine := New(store, Options{}).(*gin.Engine)
	param := regexp.MustCompile(`[:*]([a-z]+)`) // :id and *file both become {id}, {file}
	var routes []string
	for _, r := range engine.Routes() {
		if slices.ContainsFunc(cayleyPrefixes, func(p string) bool { return strings.HasPrefix(r.Path, p) }) {
			continue
		}
		routes = append(routes, r.Method+" "+param.ReplaceAllString(r.Path, "{$1}"))
	}
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi = %q, want 3.x", doc.OpenAPI)
	}
	var described []string
	for path, ops := range doc.Paths {
		for method := range ops {
			described = append(described, strings.ToUpper(method)+" "+path)
		}
	}
	slices.Sort(routes)
	slices.Sort(described)
	for _, r := range routes {
		if !slices.Contains(described, r) {
			t.Errorf("route %s is not in openapi.json", r)
		}
	}
	for _, d := range described {
		if !slices.Contains(routes, d) {
			t.Errorf("openapi.json describes %s, which is no route", d)
		}
	}
	if len(routes) < 15 {
		t.Errorf("only %d routes found: %v", len(routes), routes)
	}
}

// TestOpenAPIRefs: every $ref points at a component that exists.
func TestOpenAPIRefs(t *testing.T) {
	var doc struct {
		Components map[string]map[string]json.RawMessage `json:"components"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`"\$ref": "#/components/([a-z]+)/([A-Za-z]+)"`).FindAllStringSubmatch(string(openAPI), -1) {
		if _, ok := doc.Components[m[1]][m[2]]; !ok {
			t.Errorf("$ref to missing %s/%s", m[1], m[2])
		}
	}
}
