package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph"
)

// accessCase is one request and what the access rules must answer.
type accessCase struct {
	name, method, path, body, auth string
	status                         int
	code                           string // of the error body; "" for a success
}

const (
	testQuad    = `<urn:test:a> <urn:test:knows> <urn:test:b> .` + "\n"
	testArticle = `{"text": "Russia accused Ukraine of shelling the dam, the Kremlin said on Monday."}`
)

// checkAccess runs cases in order against s and checks that refusals leave
// the store as it was.
func checkAccess(t *testing.T, s testServer, cases []accessCase) {
	t.Helper()
	for _, tc := range cases {
		before, err := s.store.Stats(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		h := map[string]string{}
		if tc.auth != "" {
			h["Authorization"] = tc.auth
		}
		resp, body := s.send(t, tc.method, tc.path, tc.body, h)
		if resp.StatusCode != tc.status || (tc.code != "" && !strings.Contains(body, `"code":"`+tc.code+`"`)) {
			t.Errorf("%s: %s %s: %d %.200s, want %d %s", tc.name, tc.method, tc.path, resp.StatusCode, body, tc.status, tc.code)
		}
		if resp.StatusCode == http.StatusUnauthorized && !strings.HasPrefix(resp.Header.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("%s: 401 without WWW-Authenticate: Bearer", tc.name)
		}
		if tc.code == "" {
			continue
		}
		after, err := s.store.Stats(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(before, after); diff != "" {
			t.Errorf("%s: a refused request changed the store:\n%s", tc.name, diff)
		}
	}
}

func TestToken(t *testing.T) {
	s := newServer(t, api.Options{Token: "s3cret", Cayley: graph.QueryOptions{Writes: true}})
	checkAccess(t, s, []accessCase{
		{"no token", "POST", "/v1/articles", testArticle, "", 401, "unauthorized"},
		{"wrong token", "POST", "/v1/articles", testArticle, "Bearer s3cre", 401, "unauthorized"},
		{"wrong scheme", "POST", "/v1/articles", testArticle, "Basic s3cret", 401, "unauthorized"},
		{"claim without token", "POST", "/v1/claims", `{}`, "", 401, "unauthorized"},
		{"delete without token", "DELETE", "/v1/articles/0000000000000000", "", "", 401, "unauthorized"},
		{"put without token", "PUT", "/v1/claims", "", "", 401, "unauthorized"},
		{"cayley write without token", "POST", "/api/v2/write", testQuad, "", 401, "unauthorized"},
		{"cayley delete without token", "POST", "/api/v2/delete", testQuad, "Bearer nope", 401, "unauthorized"},
		{"read", "GET", "/v1/claims", "", "", 200, ""},
		{"cayley query is a read", "POST", "/api/v2/query?lang=gizmo", `g.V().all()`, "", 200, ""},
		{"with token", "POST", "/v1/articles", testArticle, "Bearer s3cret", 201, ""},
		{"cayley write with token", "POST", "/api/v2/write", testQuad, "Bearer s3cret", 200, ""},
	})
}

func TestNoTokenWritesOpen(t *testing.T) {
	s := newServer(t, api.Options{})
	checkAccess(t, s, []accessCase{{"open write", "POST", "/v1/articles", testArticle, "", 201, ""}})
}

func TestReadOnly(t *testing.T) {
	s := newServer(t, api.Options{ReadOnly: true, Token: "s3cret", Cayley: graph.QueryOptions{Writes: true}})
	checkAccess(t, s, []accessCase{
		{"article", "POST", "/v1/articles", testArticle, "Bearer s3cret", 403, "read_only"},
		{"article without token", "POST", "/v1/articles", testArticle, "", 403, "read_only"},
		{"claim", "POST", "/v1/claims", `{}`, "Bearer s3cret", 403, "read_only"},
		{"delete", "DELETE", "/v1/articles/0000000000000000", "", "Bearer s3cret", 403, "read_only"},
		{"cayley write", "POST", "/api/v2/write", testQuad, "Bearer s3cret", 403, "read_only"},
		{"cayley delete", "POST", "/api/v2/delete", testQuad, "Bearer s3cret", 403, "read_only"},
		{"read", "GET", "/v1/claims", "", "", 200, ""},
		{"cayley query", "POST", "/api/v2/query?lang=gizmo", `g.V().all()`, "", 200, ""},
		{"cayley read", "GET", "/api/v2/read?format=nquads", "", "", 200, ""},
	})
}

func TestCORS(t *testing.T) {
	preflight := map[string]string{"Origin": "https://ok.example", "Access-Control-Request-Method": "POST",
		"Access-Control-Request-Headers": "authorization, content-type"}
	t.Run("off", func(t *testing.T) {
		s := newServer(t, api.Options{})
		for _, h := range []map[string]string{{"Origin": "https://ok.example"}, preflight} {
			method := map[bool]string{true: "OPTIONS", false: "GET"}[len(h) > 1]
			resp, _ := s.send(t, method, "/v1/claims", "", h)
			for k := range resp.Header {
				if strings.HasPrefix(k, "Access-Control-") {
					t.Errorf("%s with no CORS configured: header %s", method, k)
				}
			}
		}
	})
	s := newServer(t, api.Options{CORSOrigins: []string{"https://ok.example", "http://localhost:3000"}})
	resp, _ := s.send(t, "OPTIONS", "/v1/articles", "", preflight)
	if resp.StatusCode != http.StatusNoContent || resp.Header.Get("Access-Control-Allow-Origin") != "https://ok.example" ||
		!strings.Contains(resp.Header.Get("Access-Control-Allow-Methods"), "POST") ||
		!strings.Contains(resp.Header.Get("Access-Control-Allow-Headers"), "Authorization") {
		t.Errorf("preflight: %d %v", resp.StatusCode, resp.Header)
	}
	resp, _ = s.send(t, "GET", "/v1/claims", "", map[string]string{"Origin": "https://ok.example"})
	if resp.StatusCode != 200 || resp.Header.Get("Access-Control-Allow-Origin") != "https://ok.example" {
		t.Errorf("GET from an allowed origin: %d %v", resp.StatusCode, resp.Header)
	}
	preflight["Origin"] = "https://evil.example"
	resp, _ = s.send(t, "OPTIONS", "/v1/articles", "", preflight)
	if resp.Header.Get("Access-Control-Allow-Origin") != "" || resp.StatusCode == http.StatusNoContent {
		t.Errorf("preflight from another origin: %d %v", resp.StatusCode, resp.Header)
	}
	resp, _ = s.send(t, "GET", "/v1/claims", "", map[string]string{"Origin": "https://evil.example"})
	if resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("GET from another origin got %q", resp.Header.Get("Access-Control-Allow-Origin"))
	}
}
