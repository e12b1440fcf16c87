package api_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/api"
)

// TestExplorerPage checks what the browser tests take for granted: the page
// and every file it names are served from the binary, under a policy that
// lets nothing else run.
func TestExplorerPage(t *testing.T) {
	s := newServer(t, api.Options{})
	resp := get(t, s, "/")
	page := resp.body
	if resp.code != http.StatusOK || !strings.HasPrefix(resp.header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /: %d %s", resp.code, resp.header.Get("Content-Type"))
	}
	csp := resp.header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
	if got := resp.header.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("X-Content-Type-Options = %q", got)
	}
	// The policy refuses inline scripts: every script must come from a file.
	if m := regexp.MustCompile(`<script>|<script [^>]*>[^<]`).FindString(page); m != "" {
		t.Errorf("inline script in the page: %q", m)
	}
	refs := regexp.MustCompile(`(?:src|href)="(/web/[^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(refs) < 6 {
		t.Fatalf("the page names %d files under /web/, want the scripts and the style sheet", len(refs))
	}
	types := map[string]string{".js": "text/javascript", ".css": "text/css"}
	for _, r := range refs {
		path := r[1]
		got := get(t, s, path)
		want := types[path[strings.LastIndex(path, "."):]]
		if got.code != http.StatusOK || !strings.HasPrefix(got.header.Get("Content-Type"), want) || got.body == "" {
			t.Errorf("GET %s: %d %q, want 200 %s", path, got.code, got.header.Get("Content-Type"), want)
		}
	}
}

// TestExplorerFiles: the vendored licences ship with the scripts, and the
// asset route lists no directories and answers a missing file with 404.
func TestExplorerFiles(t *testing.T) {
	s := newServer(t, api.Options{})
	for _, tc := range []struct {
		path string
		code int
		has  string
	}{
		{"/web/vendor/cytoscape.LICENSE", http.StatusOK, "Cytoscape Consortium"},
		{"/web/vendor/cytoscape-fcose.LICENSE", http.StatusOK, "Permission is hereby granted"},
		{"/web/vendor/cose-base.LICENSE", http.StatusOK, "MIT License"},
		{"/web/vendor/layout-base.LICENSE", http.StatusOK, "MIT License"},
		{"/web/vendor/", http.StatusNotFound, `"code"`},
		{"/web/", http.StatusNotFound, `"code"`},
		{"/web/nothing.js", http.StatusNotFound, ""},
	} {
		got := get(t, s, tc.path)
		if got.code != tc.code || !strings.Contains(got.body, tc.has) {
			t.Errorf("GET %s: %d %.80q, want %d with %q", tc.path, got.code, got.body, tc.code, tc.has)
		}
	}
}

type response struct {
	code   int
	header http.Header
	body   string
}

// get fetches path without following redirects.
func get(t *testing.T, s testServer, path string) response {
	t.Helper()
	resp, b := s.send(t, "GET", path, "", nil)
	return response{resp.StatusCode, resp.Header, b}
}
