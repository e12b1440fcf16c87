package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// server is a running "serve" whose stop the test controls.
type server struct {
	base, addr string
	stop       context.CancelFunc
	done       chan error
	mu         sync.Mutex
	log        bytes.Buffer // serve's stderr
}

func (s *server) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.log.Write(p)
}

func (s *server) logged() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.log.String()
}

// launch runs "serve" on memstore with the environment vars, and stops it
// when the test ends if the test did not.
func launch(t *testing.T, vars map[string]string, args ...string) *server {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &server{stop: cancel, done: make(chan error, 1)}
	pr, pw := io.Pipe()
	e := env{stdin: strings.NewReader(""), stdout: pw, stderr: s, getenv: func(k string) string { return vars[k] }}
	go func() {
		s.done <- runEnv(ctx, append([]string{"serve", "--addr", "127.0.0.1:0", "--backend", "memstore"}, args...), e)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-s.done; err != nil {
			t.Errorf("serve: %v\n%s", err, s.logged())
		}
		s.done <- nil // for a second cleanup read
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	go io.Copy(io.Discard, pr)
	if err != nil {
		t.Fatalf("serve printed no address: %v\n%s", err, s.logged())
	}
	s.addr = strings.TrimPrefix(listenURL(t, line), "http://")
	s.base = "http://" + s.addr
	return s
}

func postAs(t *testing.T, url, ctype, body, token string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("POST", url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", ctype)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

const article = `{"text": "Russia accused Ukraine of shelling the dam, the Kremlin said on Monday."}`

// TestServeGracefulShutdown starts a query that runs for seconds, stops the
// server while it runs, and checks that new connections are refused at once
// while the query still gets its whole answer.
func TestServeGracefulShutdown(t *testing.T) {
	s := launch(t, nil, "--seed=false")
	const slow = `var t0 = Date.now(); while (Date.now() - t0 < 2500) {} g.emit("finished")`
	type answer struct {
		code int
		body string
		at   time.Time
	}
	got := make(chan answer, 1)
	go func() {
		resp, err := http.Post(s.base+"/api/v2/query?lang=gizmo", "text/plain", strings.NewReader(slow))
		if err != nil {
			got <- answer{body: err.Error(), at: time.Now()}
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		got <- answer{resp.StatusCode, string(b), time.Now()}
	}()
	time.Sleep(500 * time.Millisecond) // the query is running by now
	s.stop()
	refused := time.Now()
	for {
		c, err := net.DialTimeout("tcp", s.addr, 100*time.Millisecond)
		if err != nil {
			break
		}
		c.Close()
		if time.Since(refused) > 2*time.Second {
			t.Fatal("new connections still accepted 2s after shutdown began")
		}
		time.Sleep(10 * time.Millisecond)
	}
	refused = time.Now()
	a := <-got
	if a.code != http.StatusOK || !strings.Contains(a.body, `"finished"`) {
		t.Errorf("in-flight query: %d %s", a.code, a.body)
	}
	if !a.at.After(refused) {
		t.Errorf("the query answered before new connections were refused: shutdown did not overlap it")
	}
	if err := <-s.done; err != nil {
		t.Errorf("serve: %v", err)
	}
	s.done <- nil
}

func TestServeReadOnly(t *testing.T) {
	s := launch(t, map[string]string{"CLAIMGRAPH_READ_ONLY": "true"}, "--cayley-writes")
	var page claimsPage
	if code := getJSON(t, s.base+"/v1/claims", &page); code != http.StatusOK || page.Total != 0 {
		t.Errorf("read-only start: %d, %d claims: the seed was loaded", code, page.Total)
	}
	if !strings.Contains(s.logged(), "seed article not loaded") {
		t.Errorf("no log line for the skipped seed:\n%s", s.logged())
	}
	if code, body := postAs(t, s.base+"/v1/articles", "application/json", article, ""); code != http.StatusForbidden || !strings.Contains(body, "read_only") {
		t.Errorf("POST article: %d %s", code, body)
	}
	if code, body := postAs(t, s.base+"/api/v2/write", "application/n-quads", "<urn:a> <urn:b> <urn:c> .\n", ""); code != http.StatusForbidden {
		t.Errorf("Cayley write despite --cayley-writes: %d %s", code, body)
	}
}

func TestServeToken(t *testing.T) {
	s := launch(t, map[string]string{"CLAIMGRAPH_TOKEN": "s3cret"}, "--seed")
	var page claimsPage
	if code := getJSON(t, s.base+"/v1/claims", &page); code != http.StatusOK || page.Total == 0 {
		t.Errorf("token start: %d, %d claims: the seed should load regardless of the token", code, page.Total)
	}
	if code, body := postAs(t, s.base+"/v1/articles", "application/json", article, ""); code != http.StatusUnauthorized {
		t.Errorf("POST without token: %d %s", code, body)
	}
	if code, body := postAs(t, s.base+"/v1/articles", "application/json", article, "s3cret"); code != http.StatusCreated {
		t.Errorf("POST with token: %d %s", code, body)
	}
	if strings.Contains(s.logged(), "no --token") {
		t.Errorf("warned of open writes with a token set")
	}
}

func TestServeWarnsOpenWrites(t *testing.T) {
	s := launch(t, map[string]string{"CLAIMGRAPH_CORS_ORIGIN": "https://a.example, https://b.example"}, "--seed=false")
	if n := strings.Count(s.logged(), "no --token"); n != 1 {
		t.Errorf("warned %d times of open writes, want once:\n%s", n, s.logged())
	}
	req, _ := http.NewRequest("GET", s.base+"/v1/claims", nil)
	req.Header.Set("Origin", "https://b.example")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "https://b.example" {
		t.Errorf("Access-Control-Allow-Origin = %q", got)
	}
}

// TestIngestToken: "ingest --server" sends CLAIMGRAPH_TOKEN, and fails
// without it.
func TestIngestToken(t *testing.T) {
	vars := map[string]string{"CLAIMGRAPH_TOKEN": "s3cret"}
	s := launch(t, vars, "--seed=false")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Dam\nRussia accused Ukraine of shelling the dam, the Kremlin said on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := runEnv(context.Background(), []string{"ingest", "--server", s.base, dir}, testEnv(&out, &errb)); err == nil {
		t.Errorf("ingest without the token succeeded")
	}
	e := testEnv(&out, &errb)
	e.getenv = func(k string) string { return vars[k] }
	if err := runEnv(context.Background(), []string{"ingest", "--server", s.base, dir}, e); err != nil {
		t.Errorf("ingest with the token: %v\n%s", err, errb.String())
	}
	var page claimsPage
	if getJSON(t, s.base+"/v1/claims", &page); page.Total == 0 {
		t.Errorf("nothing stored")
	}
}

// TestServeJSONLog: with CLAIMGRAPH_LOG_FORMAT=json every line serve logs
// is a JSON object, requests among them, and the token is in none.
func TestServeJSONLog(t *testing.T) {
	vars := map[string]string{"CLAIMGRAPH_LOG_FORMAT": "json", "CLAIMGRAPH_TOKEN": "s3cret-t0ken"}
	s := launch(t, vars, "--seed")
	if code, body := postAs(t, s.base+"/v1/articles", "application/json", article, "s3cret-t0ken"); code != http.StatusCreated {
		t.Fatalf("POST: %d %s", code, body)
	}
	s.stop()
	<-s.done
	s.done <- nil
	var requests int
	for _, line := range strings.Split(strings.TrimSpace(s.logged()), "\n") {
		var l struct{ Level, Msg, Route string }
		if err := json.Unmarshal([]byte(line), &l); err != nil || l.Level == "" || l.Msg == "" {
			t.Errorf("not a JSON log line: %q (%v)", line, err)
		}
		if l.Msg == "request" && l.Route == "/v1/articles" {
			requests++
		}
	}
	if requests != 2 { // the seed's, and ours
		t.Errorf("%d request lines for POST /v1/articles, want 2:\n%s", requests, s.logged())
	}
	if strings.Contains(s.logged(), "s3cret-t0ken") {
		t.Errorf("the token is in the log:\n%s", s.logged())
	}
}

// TestServeLogLevel: --log-level warn keeps the warning of open writes and
// drops the request lines; nonsense levels and formats are usage errors.
func TestServeLogLevel(t *testing.T) {
	s := launch(t, nil, "--seed=false", "--log-level", "warn")
	getJSON(t, s.base+"/healthz", &health{})
	if log := s.logged(); !strings.Contains(log, "no --token") || strings.Contains(log, "msg=request") {
		t.Errorf("at level warn:\n%s", log)
	}
	for _, args := range [][]string{{"serve", "--log-level", "loud"}, {"serve", "--log-format", "xml"}} {
		var out bytes.Buffer
		if err := runEnv(context.Background(), args, testEnv(&out, &out)); exitCode(err) != 2 {
			t.Errorf("%q: %v, want a usage error", args, err)
		}
	}
}

// TestServeAnswerCache: --answer-cache 0 serves claim lists without keeping
// them, and a negative size, or a malformed environment default, is a usage
// error.
func TestServeAnswerCache(t *testing.T) {
	base := startServe(t, "--backend", "memstore", "--answer-cache", "0")
	for range 2 {
		resp, err := http.Get(base + "/v1/claims?speaker=Armenia")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("claims with --answer-cache 0: %s", resp.Status)
		}
	}
	var out, errb bytes.Buffer
	if err := runEnv(context.Background(), []string{"serve", "--backend", "memstore", "--answer-cache", "-1"}, testEnv(&out, &errb)); !errors.Is(err, errUsage) {
		t.Errorf("--answer-cache -1: %v, want a usage error", err)
	}
	e := testEnv(&out, &errb)
	e.getenv = func(k string) string { return map[string]string{"CLAIMGRAPH_ANSWER_CACHE": "lots"}[k] }
	if err := runEnv(context.Background(), []string{"serve", "--backend", "memstore"}, e); !errors.Is(err, errUsage) {
		t.Errorf("CLAIMGRAPH_ANSWER_CACHE=lots: %v, want a usage error", err)
	}
}
