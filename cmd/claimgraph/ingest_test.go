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
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

// writeArticles writes n distinct articles to dir: the seed's paragraphs,
// rotated and stamped, so each has its own text and several claims.
func writeArticles(t *testing.T, dir string, n int) []string {
	t.Helper()
	paras := strings.Split(fixtures.SeedArticle, "\n\n")
	var texts []string
	for i := range n {
		k := i % len(paras)
		rot := append(append([]string{}, paras[k:]...), paras[:k]...)
		text := fmt.Sprintf("Dispatch %d\n\n%s", i, strings.Join(rot, "\n\n"))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, text)
	}
	return texts
}

// buildBinary compiles claimgraph once for the tests that need a process to kill.
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
// checks after each kill that every article is either whole (all the claims
// a fresh extraction gives) or absent; the last round runs to the end.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the binary")
	}
	bin := buildBinary(t)
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "kill.db")
	texts := writeArticles(t, dir, 60)
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
		stored := checkWholeOrAbsent(t, db, texts)
		t.Logf("round %d: %d of %d articles stored", round, stored, len(texts))
		if last && stored != len(texts) {
			t.Errorf("after a full run %d of %d articles are stored", stored, len(texts))
		}
	}
}

// checkWholeOrAbsent opens the store and returns how many of the texts are
// stored, failing for any stored with other claims than extraction gives.
func checkWholeOrAbsent(t *testing.T, db string, texts []string) int {
	t.Helper()
	ctx := context.Background()
	store, err := graph.Open(ctx, "bolt", db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	stored, total := 0, 0
	for _, text := range texts {
		a := schema.NewArticle(text, "")
		want := extract.Claims(a)
		page, err := store.Claims(ctx, graph.Filter{Article: a.ID, Limit: 1000})
		if errors.Is(err, schema.ErrNotFound) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != len(want) {
			t.Errorf("article %s is half there: %d of %d claims", a.ID, page.Total, len(want))
		}
		stored++
		total += page.Total
	}
	st, err := store.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != int64(stored) || st.Claims != int64(total) {
		t.Errorf("store holds %d articles and %d claims, want %d and %d", st.Articles, st.Claims, stored, total)
	}
	return stored
}

// TestServerKilledDuringIngest runs "serve" as a process, points
// "ingest --server" at it, SIGKILLs the server at random moments and checks
// the bolt file after each kill: every article whole or absent.
func TestServerKilledDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the binary")
	}
	bin := buildBinary(t)
	dir, db := t.TempDir(), filepath.Join(t.TempDir(), "server.db")
	texts := writeArticles(t, dir, 40)
	rng := rand.New(rand.NewPCG(3, 4))
	for round := range 3 {
		srv := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--data", db, "--seed=false")
		base := startProcess(t, srv)
		waitHealthy(t, base)
		ing := exec.Command(bin, "ingest", "--server", base, dir)
		if err := ing.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(50+rng.IntN(400)) * time.Millisecond)
		srv.Process.Signal(syscall.SIGKILL)
		srv.Wait()
		ing.Wait() // fails: its server died
		stored := checkWholeOrAbsent(t, db, texts)
		t.Logf("round %d: %d of %d articles stored", round, stored, len(texts))
	}
}

// startProcess starts a "serve" process and returns the base URL it prints.
func startProcess(t *testing.T, cmd *exec.Cmd) string {
	t.Helper()
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
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
