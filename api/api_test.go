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

// do sends a request and returns the status and the body.
func (s testServer) do(t testing.TB, method, path, body string) (int, []byte) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, s.URL+path, r)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := s.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
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
