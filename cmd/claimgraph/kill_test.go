package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

// writeArticles writes n distinct generated articles (dispatch) to dir.
func writeArticles(t *testing.T, dir string, n int) []string {
	t.Helper()
	var texts []string
	for i := range n {
		text := dispatch("ingest", i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, text)
	}
	return texts
}

// buildBinary compiles claimgraph (without -race, whatever the test runs
// under) for the tests that need a process to kill.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "claimgraph")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestIngestKilled SIGKILLs "claimgraph ingest DIR" at random moments and
// checks after each kill that every article is either whole (the claims a
// fresh extraction gives) or absent; the last round runs to the end.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the binary")
	}
	bin := buildBinary(t)
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "kill.db")
	texts := writeArticles(t, dir, 60)
	all := make([]bool, len(texts))
	for i := range all {
		all[i] = true
	}
	check := &storeCheck{backend: "bolt", addr: db, texts: texts}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 4 {
		cmd := exec.Command(bin, "ingest", "--data", db, dir)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		last := round == 3
		if !last {
			time.Sleep(time.Duration(100+rng.IntN(600)) * time.Millisecond)
			cmd.Process.Signal(syscall.SIGKILL)
		}
		err := cmd.Wait()
		if last && err != nil {
			t.Fatalf("final ingest: %v\n%s", err, out.String())
		}
		stored := check.run(t, all, nil, true)
		t.Logf("round %d: %d of %d articles stored", round, stored, len(texts))
		if last && stored != len(texts) {
			t.Errorf("after a full run %d of %d articles are stored", stored, len(texts))
		}
	}
}

// storeCheck checks a store after a kill: every article tried is whole or
// absent, every acknowledged one is there, and the store holds nothing
// else. known holds the articles found whole by earlier checks, with their
// claim counts: a check that is not full counts them in the store's totals
// instead of reading them again, so a run of rounds is not quadratic.
type storeCheck struct {
	backend, addr string
	texts         []string
	known         map[int]int
}

// run returns how many of the texts are stored.
func (c *storeCheck) run(t *testing.T, tried, acked []bool, full bool) int {
	t.Helper()
	ctx := context.Background()
	store, err := graph.Open(ctx, c.backend, c.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if full || c.known == nil {
		c.known = map[int]int{}
	}
	for i, text := range c.texts {
		if _, ok := c.known[i]; ok || !tried[i] {
			continue
		}
		a := schema.NewArticle(text, "")
		page, err := store.Claims(ctx, graph.Filter{Article: a.ID, Limit: 1000})
		if errors.Is(err, schema.ErrNotFound) {
			if acked != nil && acked[i] {
				t.Errorf("article %d (%s) was acknowledged and is lost", i, a.ID)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(normClaims(extract.Claims(a)), normClaims(page.Claims), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("article %d (%s) is not whole: (-extracted +stored)\n%s", i, a.ID, diff)
		}
		c.known[i] = page.Total
	}
	claims := 0
	for _, n := range c.known {
		claims += n
	}
	st, err := store.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != int64(len(c.known)) || st.Claims != int64(claims) {
		t.Errorf("store holds %d articles and %d claims, want %d and %d", st.Articles, st.Claims, len(c.known), claims)
	}
	return len(c.known)
}

// normClaims puts claims in the form the store gives them back: in ID
// order, times normalised, actors by IRI.
func normClaims(cs []schema.Claim) []schema.Claim {
	out := slices.Clone(cs)
	for i := range out {
		c := &out[i]
		c.Date = schema.NormTime(c.Date)
		c.Speaker.Actors, c.Targets = normActors(c.Speaker.Actors), normActors(c.Targets)
		if c.Event != nil {
			e := *c.Event
			e.Time = schema.NormTime(e.Time)
			c.Event = &e
		}
	}
	slices.SortFunc(out, func(a, b schema.Claim) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// normActors keeps the actors' IRIs, in order: what a claim says of its
// actors. Their profiles are nodes shared with other articles, whose quads
// may add to them (an affiliation another article gives).
func normActors(as []schema.Actor) []schema.Actor {
	out := make([]schema.Actor, len(as))
	for i, a := range as {
		out[i] = schema.Actor{IRI: a.IRI}
	}
	slices.SortFunc(out, func(a, b schema.Actor) int { return strings.Compare(a.IRI, b.IRI) })
	return out
}

// startProcess starts a "serve" process, killed when the test ends if it
// still runs, and returns the base URL it prints.
func startProcess(t *testing.T, cmd *exec.Cmd) string {
	t.Helper()
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("serve printed no address: %v", err)
	}
	return listenURL(t, line)
}

// waitHealthy polls base/healthz until it answers 200, for up to 30 s.
func waitHealthy(t *testing.T, base string) {
	t.Helper()
	for range 300 {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s never became healthy", base)
}

// Rounds of TestServerKilled: each kills the server once, at a random
// moment of a burst of posts from several clients.
const (
	killRounds   = 20
	killClients  = 4
	killPerRound = 120 // new articles queued a round, more than a round posts
)

// TestServerKilled runs "serve" as a process on bolt and on PostgreSQL,
// posts generated articles to it from several clients at once, SIGKILLs it
// at a random moment (after 6 to 18 answers, and up to 150 ms more), and
// checks the store after each kill: every article answered 200 or 201 is
// stored whole (the claims a fresh extraction gives), and every other one
// posted is whole or absent. The next round restarts the server on the
// same store and posts the unanswered ones again with new ones.
func TestServerKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the binary")
	}
	bin := buildBinary(t)
	t.Run("bolt", func(t *testing.T) { killServer(t, bin, "bolt", filepath.Join(t.TempDir(), "kill.db")) })
	t.Run("postgres", func(t *testing.T) { killServer(t, bin, "postgres", postgresDB(t)) })
}

// killRun is the state of a TestServerKilled run across rounds.
type killRun struct {
	texts        []string
	tried, acked []bool
	mu           sync.Mutex // over tried and acked while clients post
}

func killServer(t *testing.T, bin, backend, addr string) {
	n := killRounds * killPerRound
	r := &killRun{texts: make([]string, n), tried: make([]bool, n), acked: make([]bool, n)}
	for i := range r.texts {
		r.texts[i] = dispatch("kill", i)
	}
	check := &storeCheck{backend: backend, addr: addr, texts: r.texts}
	rng := rand.New(rand.NewPCG(5, 6))
	fresh := 0 // the first text never queued
	for round := range killRounds {
		srv := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--backend", backend, "--data", addr, "--seed=false")
		base := startProcess(t, srv)
		waitHealthy(t, base)
		start := time.Now()
		queue := r.queue(fresh, fresh+killPerRound)
		fresh += killPerRound
		ctx, cancel := context.WithCancel(context.Background())
		answered := make(chan struct{}, len(r.texts))
		var wg sync.WaitGroup
		for range killClients {
			wg.Go(func() { r.post(ctx, base, queue, answered) })
		}
		// A random moment, once a random number of articles is in, so that
		// each round writes some whatever the backend's speed.
		waitFor(answered, 6+rng.IntN(13), 20*time.Second)
		time.Sleep(time.Duration(rng.IntN(150)) * time.Millisecond)
		srv.Process.Signal(syscall.SIGKILL)
		srv.Wait()
		cancel()
		wg.Wait()
		checked := time.Now()
		stored := check.run(t, r.tried, r.acked, round == killRounds-1)
		t.Logf("round %d: %d posted, %d acknowledged, %d stored (%.1fs of posts, %.1fs of checks)",
			round, count(r.tried), count(r.acked), stored, checked.Sub(start).Seconds(), time.Since(checked).Seconds())
		if t.Failed() {
			return
		}
	}
}

// queue lists the texts to post in a round: those posted before and not
// answered, then the fresh ones from lo to hi.
func (r *killRun) queue(lo, hi int) chan int {
	q := make(chan int, len(r.texts))
	for i := range lo {
		if r.tried[i] && !r.acked[i] {
			q <- i
		}
	}
	for i := lo; i < hi; i++ {
		q <- i
	}
	close(q)
	return q
}

// post is one client: it posts the queued texts one after another on a
// connection of its own until the queue or ctx ends, and notes the answers.
func (r *killRun) post(ctx context.Context, base string, queue <-chan int, answered chan<- struct{}) {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
	defer c.CloseIdleConnections()
	for i := range queue {
		if ctx.Err() != nil {
			return
		}
		r.mu.Lock()
		r.tried[i] = true
		r.mu.Unlock()
		body, _ := json.Marshal(articleDoc{Text: r.texts[i]})
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/v1/articles", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := c.Do(req)
		if err != nil {
			return // the server died: unanswered, and no use going on
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusCreated || resp.StatusCode == http.StatusOK {
			r.mu.Lock()
			r.acked[i] = true
			r.mu.Unlock()
			answered <- struct{}{}
		}
	}
}

// waitFor returns once n values came on c, or after d.
func waitFor(c <-chan struct{}, n int, d time.Duration) {
	timeout := time.After(d)
	for range n {
		select {
		case <-c:
		case <-timeout:
			return
		}
	}
}

func count(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// postgresDB creates a database of its own for one test on the PostgreSQL
// service, dropped when the test ends, and returns its URL. It skips the
// test when PostgreSQL is unreachable, or fails under CI=true.
func postgresDB(t *testing.T) string {
	t.Helper()
	const server = "postgres://postgres@127.0.0.1:5432/"
	admin, err := sql.Open("postgres", server+"postgres?sslmode=disable&connect_timeout=5")
	if err == nil {
		err = admin.Ping()
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL is not reachable at %s: %v", server, err)
		}
		t.Skipf("PostgreSQL is not reachable at %s: %v (set CI=true to fail instead)", server, err)
	}
	name := fmt.Sprintf("claimgraph_kill_%d", time.Now().UnixNano())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
		admin.Close()
	})
	return server + name + "?sslmode=disable"
}
