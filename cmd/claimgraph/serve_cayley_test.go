package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// post sends body to url and returns the status and the body.
func post(t *testing.T, url, body string) (int, string) {
	t.Helper()
	resp, err := http.Post(url, "text/plain", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServeCayley: the binary serves Cayley's API on the seed with the
// query limits and write switch of its flags.
func TestServeCayley(t *testing.T) {
	base := startServe(t, "--backend", "memstore", "--query-timeout", "300ms", "--query-limit", "2")
	code, body := post(t, base+"/api/v2/query?lang=gizmo", `g.V("<urn:claimgraph:actor:armenia>").in("<https://schema.org/author>").has("<http://claimgraph.org/ns#speechAct>", "accuse").out("<https://schema.org/text>").all()`)
	if code != http.StatusOK || !strings.Contains(body, "Ghazanchetsots") {
		t.Errorf("gizmo: %d %s", code, body)
	}
	start := time.Now()
	if code, body := post(t, base+"/api/v1/query/gizmo", `while (true) {}`); code != http.StatusGatewayTimeout || time.Since(start) > 15*time.Second {
		t.Errorf("runaway: %d after %v: %s", code, time.Since(start), body)
	}
	if code, body := post(t, base+"/api/v1/query/gizmo", `g.V().all()`); code != http.StatusOK || strings.Count(body, `"id"`) != 2 {
		t.Errorf("limit 2: %d %s", code, body)
	}
	if code, body := post(t, base+"/api/v2/write", "<urn:t:a> <urn:t:p> <urn:t:b> .\n"); code != http.StatusForbidden {
		t.Errorf("write without --cayley-writes: %d %s", code, body)
	}
}

// TestServeQueryMemory: --query-memory is the budget a query that keeps
// what it allocates is stopped at (the answer names it).
func TestServeQueryMemory(t *testing.T) {
	base := startServe(t, "--backend", "memstore", "--query-memory", "32")
	hog := `var a = []; for (var i = 0; ; i++) a.push("x".repeat(1 << 16) + i)`
	code, body := post(t, base+"/api/v1/query/gizmo", hog)
	if code != http.StatusUnprocessableEntity || !strings.Contains(body, `"code":"memory_limit"`) || !strings.Contains(body, "budget of 32 MiB") {
		t.Errorf("allocating query under --query-memory 32: %d %.300s, want 422 memory_limit naming 32 MiB", code, body)
	}
}

func TestServeCayleyEnv(t *testing.T) {
	var out, errb bytes.Buffer
	e := testEnv(&out, &errb)
	e.getenv = func(k string) string { return map[string]string{"CLAIMGRAPH_QUERY_TIMEOUT": "soon"}[k] }
	if err := runEnv(context.Background(), []string{"serve", "--backend", "memstore"}, e); !errors.Is(err, errUsage) {
		t.Errorf("bad CLAIMGRAPH_QUERY_TIMEOUT: %v, want a usage error", err)
	}
	for _, bad := range []string{"0", "-1"} {
		if err := runEnv(context.Background(), []string{"serve", "--backend", "memstore", "--query-memory", bad}, testEnv(&out, &errb)); !errors.Is(err, errUsage) {
			t.Errorf("--query-memory %s: %v, want a usage error", bad, err)
		}
	}
	if err := runEnv(context.Background(), []string{"serve", "--help"}, testEnv(&out, &out)); err != nil ||
		!strings.Contains(out.String(), "-query-timeout") || !strings.Contains(out.String(), "-cayley-writes") {
		t.Errorf("serve --help: %v\n%s", err, out.String())
	}
}
