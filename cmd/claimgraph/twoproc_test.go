package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/fixtures/pgtest"
	"github.com/claimgraph/claimgraph/graph"
)

// twoProcArticles are the texts both servers ingest: the seed's paragraphs
// rotated and stamped, each with several claims.
func twoProcArticles(n int) []string {
	paras := strings.Split(fixtures.SeedArticle, "\n\n")
	texts := make([]string, n)
	for i := range texts {
		k := i % len(paras)
		rot := append(append([]string{}, paras[k:]...), paras[:k]...)
		texts[i] = fmt.Sprintf("Dispatch %d\n\n%s", i, strings.Join(rot, "\n\n"))
	}
	return texts
}

// twoProcQueries are the /v1 reads both servers and the reference must
// answer alike.
var twoProcQueries = []string{
	"/v1/claims?limit=1000",
	"/v1/claims?speaker=armenia&limit=1000",
	"/v1/claims?speaker=azerbaijan&target=armenia",
	"/v1/relations",
	"/v1/actors/armenia",
	"/v1/search?q=cathedral&limit=100",
	"/v1/graph?focus=armenia&depth=1",
}

// TestTwoProcessesOneDatabase starts two "claimgraph serve" processes on
// one new PostgreSQL database at the same moment, posts overlapping sets of
// articles through both at once, and checks that each article and claim is
// stored exactly once (the same claims and quads as one process storing
// the union) and that both servers answer every query identically.
func TestTwoProcessesOneDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs two servers")
	}
	dsn := pgtest.New(t)
	bin := buildBinary(t)
	// The schema first, as the loader of docker-compose.yml does: two
	// servers creating it at once is TestTwoProcessesStartTogether.
	store, err := graph.Open(context.Background(), "postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	store.Close()
	bases := startTwoProcs(t, bin, dsn)
	var wg sync.WaitGroup
	texts := twoProcArticles(16)
	// Server 0 gets articles 0–11, server 1 gets 4–15: 4–11 go to both, at
	// the same time, from four clients each.
	sets := [2][]string{texts[:12], texts[4:]}
	codes := make(chan string, 2*len(texts))
	for i, set := range sets {
		for w := range 4 {
			wg.Go(func() {
				for j := w; j < len(set); j += 4 {
					codes <- postArticle(t, bases[i], set[j])
				}
			})
		}
	}
	wg.Wait()
	close(codes)
	counts := map[string]int{}
	for c := range codes {
		counts[c]++
	}
	if counts["201"] != len(texts) || counts["200"] != 8 || len(counts) != 2 {
		t.Errorf("answers to the %d posts: %v; want 201 for each of the %d articles and 200 for the 8 posted twice",
			len(sets[0])+len(sets[1]), counts, len(texts))
	}
	ref, refH := reference(t, texts)
	for _, q := range twoProcQueries {
		a, b, want := getBody(t, bases[0]+q), getBody(t, bases[1]+q), serveBody(t, refH, q)
		if !jsonEqual(t, a, b) {
			t.Errorf("GET %s: the two servers differ:\n%s\n%s", q, a, b)
		}
		if !jsonEqual(t, a, want) {
			t.Errorf("GET %s: the servers differ from one process storing the union:\n%s\n%s", q, a, want)
		}
	}
	checkStoredOnce(t, dsn, ref, len(texts))
}

// TestTwoProcessesStartTogether starts two servers on a new database at
// the same moment: both must come up, whichever creates the tables.
func TestTwoProcessesStartTogether(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs two servers")
	}
	dsn := pgtest.New(t)
	bases := startTwoProcs(t, buildBinary(t), dsn)
	for _, base := range bases {
		if code := getJSON(t, base+"/v1/claims", new(claimsPage)); code != http.StatusOK {
			t.Errorf("GET %s/v1/claims: %d", base, code)
		}
	}
}

// startTwoProcs starts two servers on the database at the same moment,
// so they race to create the tables, without the seed; it returns their
// base URLs once both answer.
func startTwoProcs(t *testing.T, bin, dsn string) [2]string {
	var outs [2]*bufio.Reader
	for i := range outs {
		cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--backend", "postgres", "--data", dsn, "--seed=false")
		stderr := new(strings.Builder)
		cmd.Stderr = stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			cmd.Process.Kill()
			cmd.Wait()
			if t.Failed() {
				t.Logf("server %d log:\n%s", i, stderr.String())
			}
		})
		outs[i] = bufio.NewReader(out)
	}
	var bases [2]string
	for i, out := range outs {
		line, err := out.ReadString('\n')
		if err != nil {
			t.Fatalf("server %d printed no address: %v", i, err)
		}
		bases[i] = listenURL(t, line)
		waitHealthy(t, bases[i])
	}
	return bases
}

// postArticle posts one text and returns the status code, or the error.
func postArticle(t *testing.T, base, text string) string {
	body, _ := json.Marshal(articleDoc{Text: text, Outlet: "AFP"})
	resp, err := http.Post(base+"/v1/articles", "application/json", strings.NewReader(string(body)))
	if err != nil {
		return err.Error()
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 300 {
		t.Logf("POST %s/v1/articles: %s %s", base, resp.Status, msg)
	}
	return fmt.Sprint(resp.StatusCode)
}

// reference is one process storing the union of the texts, on memstore:
// the store and its handler.
func reference(t *testing.T, texts []string) (*graph.Store, http.Handler) {
	store, err := graph.Open(context.Background(), "memstore", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	h := api.New(store, api.Options{})
	for _, text := range texts {
		body, _ := json.Marshal(articleDoc{Text: text, Outlet: "AFP"})
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("POST", "/v1/articles", strings.NewReader(string(body))))
		if w.Code != http.StatusCreated {
			t.Fatalf("reference: %d %s", w.Code, w.Body)
		}
	}
	return store, h
}

func getBody(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s %s", url, resp.Status, body)
	}
	return body
}

func serveBody(t *testing.T, h http.Handler, path string) []byte {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
	if w.Code != http.StatusOK {
		t.Fatalf("reference GET %s: %d %s", path, w.Code, w.Body)
	}
	return w.Body.Bytes()
}

// jsonEqual compares two JSON documents as values.
func jsonEqual(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	return cmp.Equal(x, y)
}

// checkStoredOnce reads the database itself: each article and claim once,
// no quad twice, as many quads as ref (one process storing them all), and
// each claim once in the search index.
func checkStoredOnce(t *testing.T, dsn string, ref *graph.Store, articles int) {
	t.Helper()
	store, err := graph.Open(context.Background(), "postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	got, err := store.Stats(context.Background())
	store.Close()
	if err != nil {
		t.Fatal(err)
	}
	want, err := ref.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("stored %+v, one process storing the same articles: %+v", got, want)
	}
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var dups, indexed int
	if err := db.QueryRow(`SELECT count(*) FROM (SELECT 1 FROM quads GROUP BY subject_hash, predicate_hash, object_hash, label_hash HAVING count(*) > 1) d`).Scan(&dups); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT count(*) FROM claimgraph_search`).Scan(&indexed); err != nil {
		t.Fatal(err)
	}
	if dups != 0 || int64(indexed) != want.Claims {
		t.Errorf("%d quads stored more than once, %d claims in the search index; want 0 and %d", dups, indexed, want.Claims)
	}
	if got.Articles != int64(articles) {
		t.Errorf("%d articles stored, want %d", got.Articles, articles)
	}
}
