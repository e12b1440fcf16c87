package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/fixtures/pgtest"
)

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
	t.Run("postgres", func(t *testing.T) { killServer(t, bin, "postgres", pgtest.New(t)) })
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
