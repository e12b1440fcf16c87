package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/schema"
)

// testEnv runs commands with no environment variables set.
func testEnv(stdout, stderr io.Writer) env {
	return env{stdin: strings.NewReader(""), stdout: stdout, stderr: stderr, getenv: func(string) string { return "" }}
}

// startServe runs "serve" in the background and returns its base URL; the
// server stops when the test ends, and must stop cleanly.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	var stderr bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- runEnv(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), testEnv(pw, &stderr))
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v\n%s", err, stderr.String())
		}
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	go io.Copy(io.Discard, pr)
	if err != nil {
		t.Fatalf("serve printed no address: %v\n%s", err, stderr.String())
	}
	return listenURL(t, line)
}

// listenURL reads the base URL from serve's "listening on http://ADDR" line.
func listenURL(t testing.TB, line string) string {
	t.Helper()
	_, rest, ok := strings.Cut(line, "http://")
	if !ok || len(strings.Fields(rest)) == 0 {
		t.Fatalf("serve printed %q, not its address", line)
	}
	return "http://" + strings.Fields(rest)[0]
}

func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return resp.StatusCode
}

type claimsPage struct {
	Claims []schema.Claim `json:"claims"`
	Total  int            `json:"total"`
}

// TestServeSeed runs the binary's serve on a new bolt file, finds the seed
// loaded, asks for Armenia's accusations of Azerbaijan, and restarts on the
// same file without loading the seed twice.
func TestServeSeed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "data", "claimgraph.db")
	base := startServe(t, "--data", db)
	var page claimsPage
	if code := getJSON(t, base+"/v1/claims?speaker=Armenia&target=Azerbaijan", &page); code != http.StatusOK {
		t.Fatalf("GET claims: %d", code)
	}
	var found *schema.Claim
	for i, c := range page.Claims {
		if strings.Contains(c.Content.Text, "Ghazanchetsots") {
			found = &page.Claims[i]
		}
	}
	if found == nil {
		t.Fatalf("no cathedral accusation among %d claims", page.Total)
	}
	if found.SpeechAct != schema.Accuse || found.Article == "" || found.Sentence.Text == "" ||
		found.Content.Text != string([]rune(fixtures.SeedArticle)[found.Content.Start:found.Content.End]) {
		t.Errorf("cathedral claim: %+v", found)
	}
	var all claimsPage
	getJSON(t, base+"/v1/claims?limit=1000", &all)
	if all.Total < 10 {
		t.Errorf("seed gave %d claims, want at least 10", all.Total)
	}
}

func TestServeRestart(t *testing.T) {
	db := filepath.Join(t.TempDir(), "claimgraph.db")
	var before, after claimsPage
	t.Run("first", func(t *testing.T) { getJSON(t, startServe(t, "--data", db)+"/v1/claims?limit=1000", &before) })
	t.Run("second", func(t *testing.T) { getJSON(t, startServe(t, "--data", db)+"/v1/claims?limit=1000", &after) })
	if before.Total == 0 || before.Total != after.Total {
		t.Errorf("claims before restart %d, after %d", before.Total, after.Total)
	}
}

func TestExtractCmd(t *testing.T) {
	var out, errb bytes.Buffer
	path := filepath.Join("..", "..", "fixtures", "seed", "article.txt")
	if err := runEnv(context.Background(), []string{"extract", "--format", "json", path}, testEnv(&out, &errb)); err != nil {
		t.Fatal(err, errb.String())
	}
	var got struct {
		Claims []struct {
			Speaker struct {
				Start, End int
				Entities   []struct{ Name string }
			}
			Cue, Content struct{ Start, End int }
			SpeechAct    string `json:"speech_act"`
		}
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Claims) < 10 {
		t.Fatalf("extract printed %d claims", len(got.Claims))
	}
	for _, c := range got.Claims {
		if len(c.Speaker.Entities) == 0 || c.Cue.End <= c.Cue.Start || c.SpeechAct == "" {
			t.Errorf("incomplete claim %+v", c)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"extract"}, {"extract", "a", "b"}, {"serve", "--nope"},
		{"extract", "--format", "xml", "-"}, {"ingest"}, {"serve", "--backend", "postgres"}, {"serve", "--backend", "mysql"}} {
		var out, errb bytes.Buffer
		err := runEnv(context.Background(), args, testEnv(&out, &errb))
		if !errors.Is(err, errUsage) || exitCode(err) != 2 {
			t.Errorf("%q: %v, want a usage error", args, err)
		}
	}
	var out bytes.Buffer
	if err := runEnv(context.Background(), []string{"serve", "--help"}, testEnv(&out, &out)); err != nil || !strings.Contains(out.String(), "-backend") {
		t.Errorf("serve --help: %v\n%s", err, out.String())
	}
	if err := runEnv(context.Background(), []string{"extract", "/does/not/exist"}, testEnv(&out, &out)); err == nil || errors.Is(err, errUsage) {
		t.Errorf("extract of a missing file: %v", err)
	}
}
