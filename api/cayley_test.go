package api_test

import (
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph"
)

// IRIs of the seed, as Cayley's query languages write them.
const (
	iriArmenia  = "<urn:claimgraph:actor:armenia>"
	predAuthor  = "<https://schema.org/author>"
	predText    = "<https://schema.org/text>"
	predAct     = "<http://claimgraph.org/ns#speechAct>"
	cathedralTx = "Ghazanchetsots"
)

// gizmoAccusedBy is the seed's accusations by Armenia, in Gizmo.
const gizmoAccusedBy = `g.V("` + iriArmenia + `").in("` + predAuthor + `").has("` + predAct + `", "accuse").out("` + predText + `").all()`

// newSeeded is an API over a memstore holding the seed article, posted
// through the handler like any article.
func newSeeded(t *testing.T, o graph.QueryOptions) testServer {
	t.Helper()
	s := newServer(t, apiOptions(o))
	postSeed(t, s)
	return s
}

// apiOptions are the handler's options with o for Cayley's interface.
func apiOptions(o graph.QueryOptions) api.Options { return api.Options{Cayley: o} }

// query sends body to path with an Accept header, returning status, body
// and response headers.
func (s testServer) query(t testing.TB, method, path, accept, body string) (int, string, http.Header) {
	t.Helper()
	h := map[string]string{}
	if accept != "" {
		h["Accept"] = accept
	}
	resp, b := s.send(t, method, path, body, h)
	return resp.StatusCode, b, resp.Header
}

func TestCayleyREST(t *testing.T) {
	s := newSeeded(t, graph.QueryOptions{})
	tests := []struct {
		name, method, path, accept, body string
		status                           int
		want                             []string
	}{
		{"v2 gizmo", "POST", "/api/v2/query?lang=gizmo", "", gizmoAccusedBy, 200, []string{`{"result":[`, cathedralTx}},
		{"v2 gizmo GET", "GET", "/api/v2/query?lang=gizmo&qu=" + strings.ReplaceAll(strings.ReplaceAll(gizmoAccusedBy, "#", "%23"), " ", "%20"), "", "", 200, []string{cathedralTx}},
		{"v2 gizmo JSON-LD", "POST", "/api/v2/query?lang=gizmo", "application/ld+json", `g.V("<urn:claimgraph:event:shelling-of-ghazanchetsots-cathedral>").in("<https://schema.org/about>").out("` + predAuthor + `").all()`, 200, []string{`{"id":{"@id":"urn:claimgraph:actor:armenia"}}`}},
		{"v2 graphql", "POST", "/api/v2/query?lang=graphql", "", `{ nodes(id: ` + iriArmenia + `) { ~` + predAuthor + ` { ` + predText + ` } } }`, 200, []string{`"data"`, cathedralTx}},
		{"v2 mql", "POST", "/api/v2/query?lang=mql", "", `[{"id": null, "` + predAuthor + `": "` + iriArmenia + `", "` + predAct + `": "accuse", "` + predText + `": null}]`, 200, []string{cathedralTx}},
		{"v2 linkedql", "POST", "/api/v2/query?lang=linkedql", "", `{"@type": "http://cayley.io/linkedql#Vertex", "values": [{"@id": "urn:claimgraph:actor:armenia"}]}`, 200, []string{"urn:claimgraph:actor:armenia"}},
		{"v2 read nquads", "GET", "/api/v2/read?format=nquads&sub=" + iriArmenia, "", "", 200, []string{iriArmenia + ` <https://schema.org/name> "Armenia" <urn:claimgraph:article:`}},
		{"v2 read jsonld", "GET", "/api/v2/read?format=jsonld&sub=" + iriArmenia, "", "", 200, []string{`"@id"`}},
		{"v2 formats", "GET", "/api/v2/formats", "", "", 200, []string{`"nquads"`, `"jsonld"`, `"json"`}},
		{"v1 query gizmo", "POST", "/api/v1/query/gizmo", "", gizmoAccusedBy, 200, []string{`{"result":[`, cathedralTx}},
		{"v1 shape", "POST", "/api/v1/shape/gizmo", "", gizmoAccusedBy, 501, []string{`"error":"Query shape API v1 is deprecated."`}},
		{"syntax error", "POST", "/api/v1/query/gizmo", "", `g.V(`, 400, []string{`"code":"bad_request"`}},
		{"exception", "POST", "/api/v2/query?lang=gizmo", "", `throw new Error("nope")`, 400, []string{"nope"}},
		{"unknown language", "POST", "/api/v1/query/sparql", "", `SELECT *`, 400, []string{`unknown query language \"sparql\"`}},
		{"no language", "POST", "/api/v2/query", "", `g.V().all()`, 400, []string{`"error"`}},
		{"empty query", "POST", "/api/v1/query/gizmo", "", ` `, 400, []string{"query is empty"}},
		{"v1 query GET", "GET", "/api/v1/query/gizmo", "", "", 405, []string{`"code":"method_not_allowed"`}},
		{"unknown route", "GET", "/api/v2/nothing", "", "", 404, []string{`"code":"not_found"`}},
		{"write off", "POST", "/api/v2/write", "", `<a> <b> <c> .`, 403, []string{`"code":"forbidden"`, "bypass validation"}},
		{"delete off", "POST", "/api/v2/delete", "", `<a> <b> <c> .`, 403, []string{`"code":"forbidden"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body, _ := s.query(t, tt.method, tt.path, tt.accept, tt.body)
			if code != tt.status {
				t.Fatalf("status %d, want %d: %s", code, tt.status, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %s:\n%.600s", w, body)
				}
			}
		})
	}
}

func TestCayleyWrites(t *testing.T) {
	s := newSeeded(t, graph.QueryOptions{Writes: true})
	const nq = `<urn:test:a> <urn:test:knows> <urn:test:b> .` + "\n"
	if code, body, _ := s.query(t, "POST", "/api/v2/write", "", nq); code != 200 || !strings.Contains(body, `"count":1`) {
		t.Fatalf("write: %d %s", code, body)
	}
	_, body, _ := s.query(t, "POST", "/api/v2/query?lang=gizmo", "", `g.V("<urn:test:a>").out("<urn:test:knows>").all()`)
	if !strings.Contains(body, "urn:test:b") {
		t.Fatalf("written quad not found: %s", body)
	}
	if code, body, _ := s.query(t, "POST", "/api/v2/delete", "", nq); code != 200 || !strings.Contains(body, `"count": 1`) {
		t.Fatalf("delete: %d %s", code, body)
	}
	_, body, _ = s.query(t, "POST", "/api/v2/query?lang=gizmo", "", `g.V("<urn:test:a>").out("<urn:test:knows>").all()`)
	if strings.Contains(body, "urn:test:b") {
		t.Fatalf("deleted quad still found: %s", body)
	}
}

func TestCayleyWriteTooLarge(t *testing.T) {
	s := newServer(t, api.Options{MaxBodyBytes: 64, Cayley: graph.QueryOptions{Writes: true}})
	code, body, _ := s.query(t, "POST", "/api/v2/write", "", strings.Repeat("<urn:t:a> <urn:t:p> <urn:t:b> .\n", 10))
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(body, `"code":"too_large"`) {
		t.Errorf("%d %s", code, body)
	}
}

func TestCayleyResultLimit(t *testing.T) {
	s := newSeeded(t, graph.QueryOptions{Limit: 3})
	// getLimit raises Gizmo's own limit; ours still holds.
	for _, q := range []string{`g.V().all()`, `g.V().getLimit(1000)`, `for (var i = 0; i < 100; i++) g.emit(i)`} {
		code, body, h := s.query(t, "POST", "/api/v1/query/gizmo", "", q)
		if code != 200 {
			t.Fatalf("%s: %d %s", q, code, body)
		}
		var res struct{ Result []any }
		decode(t, []byte(body), &res)
		if len(res.Result) != 3 || h.Get("Claimgraph-Truncated") != "3" {
			t.Errorf("%s: %d results, truncated header %q, want 3 and \"3\"", q, len(res.Result), h.Get("Claimgraph-Truncated"))
		}
	}
}

// TestCayleyRunaway: an endless Gizmo loop is stopped at the time limit,
// while /v1 and other Cayley queries are answered meanwhile.
func TestCayleyRunaway(t *testing.T) {
	const limit = 3 * time.Second
	s := newSeeded(t, graph.QueryOptions{Timeout: limit})
	var wg sync.WaitGroup
	start := time.Now()
	var code int
	var body string
	var finished atomic.Bool
	wg.Go(func() {
		code, body, _ = s.query(t, "POST", "/api/v1/query/gizmo", "", `while (true) {}`)
		finished.Store(true)
	})
	time.Sleep(100 * time.Millisecond) // let the loop start
	for i := 0; i < 3; i++ {
		if c, b := s.do(t, "GET", "/v1/claims?speaker=armenia", ""); c != 200 {
			t.Fatalf("/v1 during the loop: %d %s", c, b)
		}
		if c, b, _ := s.query(t, "POST", "/api/v2/query?lang=gizmo", "", gizmoAccusedBy); c != 200 || !strings.Contains(b, cathedralTx) {
			t.Fatalf("gizmo during the loop: %d %s", c, b)
		}
		if finished.Load() {
			t.Errorf("request %d was answered only after the runaway query ended", i)
		}
	}
	wg.Wait()
	took := time.Since(start)
	if code != http.StatusGatewayTimeout || !strings.Contains(body, `"code":"timeout"`) {
		t.Fatalf("runaway query: %d %s", code, body)
	}
	if took < limit {
		t.Errorf("runaway query answered after %v, before its limit %v", took, limit)
	}
}

// TestCayleyBusy: past MaxInFlight, Cayley requests get 503 and /v1 goes on.
func TestCayleyBusy(t *testing.T) {
	s := newSeeded(t, graph.QueryOptions{Timeout: time.Second, MaxInFlight: 1})
	var wg sync.WaitGroup
	wg.Go(func() { s.query(t, "POST", "/api/v1/query/gizmo", "", `while (true) {}`) })
	time.Sleep(200 * time.Millisecond)
	code, body, h := s.query(t, "POST", "/api/v2/query?lang=gizmo", "", gizmoAccusedBy)
	if code != http.StatusServiceUnavailable || h.Get("Retry-After") == "" || !strings.Contains(body, `"code":"unavailable"`) {
		t.Errorf("second query: %d %s", code, body)
	}
	if c, b := s.do(t, "GET", "/v1/claims", ""); c != 200 {
		t.Errorf("/v1 while Cayley is busy: %d %s", c, b)
	}
	wg.Wait()
	if code, body, _ := s.query(t, "POST", "/api/v2/query?lang=gizmo", "", gizmoAccusedBy); code != 200 {
		t.Errorf("query after the slot freed: %d %s", code, body)
	}
}

// TestCayleyUIFiles: the UI's files come rewritten for /cayley/ and this
// origin, and Monaco comes from the binary, gzipped or not.
func TestCayleyUIFiles(t *testing.T) {
	s := newServer(t, api.Options{})
	get := func(path, encoding string) (int, string, http.Header) {
		t.Helper()
		req, _ := http.NewRequest("GET", s.URL+path, nil)
		req.Header.Set("Accept-Encoding", encoding) // set by hand, Go leaves the body gzipped
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), resp.Header
	}
	code, index, _ := get("/cayley/", "")
	if code != 200 || !strings.Contains(index, `src="/cayley/static/js/main.`) || !strings.Contains(index, `l.p="/cayley/"`) {
		t.Fatalf("index: %d %.300s", code, index)
	}
	main := index[strings.Index(index, `/cayley/static/js/main.`):]
	main = main[:strings.Index(main, `"`)]
	if code, js, h := get(main, ""); code != 200 || strings.Contains(js, "localhost:64210") || !strings.Contains(js, "/cayley/gizmo.d.ts") || !strings.Contains(h.Get("Content-Type"), "javascript") {
		t.Errorf("main js: %d %s, still has localhost:64210 or lacks the gizmo.d.ts path", code, h.Get("Content-Type"))
	}
	if code, body, _ := get("/cayley/gizmo.d.ts", ""); code != 200 || !strings.Contains(body, "interface") {
		t.Errorf("gizmo.d.ts: %d %.100s", code, body)
	}
	code, gz, h := get("/cayley/monaco/vs/loader.js", "gzip")
	if code != 200 || h.Get("Content-Encoding") != "gzip" || !strings.HasPrefix(gz, "\x1f\x8b") {
		t.Errorf("gzipped loader: %d %q", code, h.Get("Content-Encoding"))
	}
	code, plain, h := get("/cayley/monaco/vs/loader.js", "identity")
	if code != 200 || h.Get("Content-Encoding") != "" || !strings.Contains(plain, "define") {
		t.Errorf("plain loader: %d %q %.80q", code, h.Get("Content-Encoding"), plain)
	}
	if code, _, _ := get("/cayley/monaco/vs/nothing.js", ""); code != 404 {
		t.Errorf("missing monaco file: %d", code)
	}
}
