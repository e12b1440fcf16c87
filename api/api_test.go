package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph"
)

// testServer is an API over a fresh in-memory store.
type testServer struct {
	*httptest.Server
	store *graph.Store
}

func newServer(t testing.TB, opts api.Options) testServer {
	t.Helper()
	store, err := graph.Open(context.Background(), "memstore", "")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.New(store, opts))
	t.Cleanup(func() {
		srv.Close()
		store.Close()
	})
	return testServer{srv, store}
}

// send makes a request with the given headers (a JSON content type by
// default under /v1/) and returns the response, its body read. Redirects are
// not followed: the tests check what the server itself answers.
func (s testServer) send(t testing.TB, method, path, body string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, s.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(path, "/v1/") {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	client := *s.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// do sends a JSON request and returns the status and the body.
func (s testServer) do(t testing.TB, method, path, body string) (int, []byte) {
	t.Helper()
	resp, b := s.send(t, method, path, body, map[string]string{"Content-Type": "application/json"})
	return resp.StatusCode, []byte(b)
}

// decode unmarshals a response body into v, failing the test on error.
func decode(t testing.TB, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
}

// mustJSON marshals v.
func mustJSON(t testing.TB, v any) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}
