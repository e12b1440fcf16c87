package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/schema"
)

// TestBenchExtract runs bench extract for a fixed number of rounds over a
// .txt file and a gold .json file holding the seed, and checks the counts
// its final JSON line reports against extracting the seed directly.
func TestBenchExtract(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("seed.txt", fixtures.SeedArticle)
	gold, err := json.Marshal(map[string]any{"text": fixtures.SeedArticle, "attributions": []any{}})
	if err != nil {
		t.Fatal(err)
	}
	write("seed-gold.json", string(gold))
	write("notes.json", `{"comment": "not an article"}`)
	write("readme.md", "not read")

	var out, errb bytes.Buffer
	if err := runEnv(context.Background(), []string{"bench", "extract", "-rounds", "3", dir}, testEnv(&out, &errb)); err != nil {
		t.Fatalf("bench extract: %v\n%s", err, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var res benchResult
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &res); err != nil {
		t.Fatalf("last line is not the JSON result: %v\n%s", err, out.String())
	}
	perSeed := len(extract.Claims(schema.NewArticle(fixtures.SeedArticle, "")))
	if perSeed == 0 {
		t.Fatal("the seed has no claims")
	}
	if res.Articles != 2 || res.Rounds != 3 || res.Extractions != 6 || res.ClaimsPerRound != 2*perSeed {
		t.Errorf("got %+v, want 2 articles, 3 rounds, 6 extractions, %d claims a round", res, 2*perSeed)
	}
	if res.ArticlesPerSec <= 0 || res.ClaimsPerSec <= 0 || res.MsP99 < res.MsP50 || res.Bytes != 2*len(fixtures.SeedArticle) {
		t.Errorf("inconsistent figures: %+v", res)
	}
	for _, want := range []string{"articles/s", "ms/article  p50", "claims/s"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestBenchExtractErrors checks that a missing or empty directory and bad
// flags fail with a message naming the problem.
func TestBenchExtractErrors(t *testing.T) {
	empty := t.TempDir()
	for _, tc := range []struct {
		args  []string
		want  string
		usage bool
	}{
		{[]string{empty}, "no .txt files", false},
		{[]string{filepath.Join(empty, "missing")}, "no such file", false},
		{[]string{}, "takes one DIR", true},
		{[]string{"-rounds", "-1", empty}, "-rounds", true},
	} {
		var out, errb bytes.Buffer
		err := runEnv(context.Background(), append([]string{"bench", "extract"}, tc.args...), testEnv(&out, &errb))
		if err == nil || !strings.Contains(err.Error(), tc.want) || errors.Is(err, errUsage) != tc.usage {
			t.Errorf("bench extract %v: err %v, want one containing %q (usage error: %v)", tc.args, err, tc.want, tc.usage)
		}
	}
}
