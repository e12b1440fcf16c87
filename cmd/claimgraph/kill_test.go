package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
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
