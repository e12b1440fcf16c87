package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/fixtures"
)

// runOK runs a command and fails the test on error; it returns stdout.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if err := runEnv(context.Background(), args, testEnv(&out, &errb)); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, errb.String())
	}
	return out.String()
}

func TestExportImportCommands(t *testing.T) {
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "src.db"), filepath.Join(dir, "dst.db")
	article := filepath.Join(dir, "seed.txt")
	if err := os.WriteFile(article, []byte(fixtures.SeedArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	runOK(t, "ingest", "--data", src, article)
	dump := filepath.Join(dir, "dump.nq")
	runOK(t, "export", "--data", src, "--out", dump)
	out := runOK(t, "import", "--data", dst, dump)
	if !strings.Contains(out, "1 articles") {
		t.Errorf("import said %q, want 1 article", out)
	}
	want, err := os.ReadFile(dump)
	if err != nil {
		t.Fatal(err)
	}
	got := runOK(t, "export", "--data", dst, "--format", "nquads")
	sorted := func(s string) []string {
		l := strings.Split(strings.TrimSpace(s), "\n")
		slices.Sort(l)
		return l
	}
	if !slices.Equal(sorted(string(want)), sorted(got)) || len(sorted(got)) < 100 {
		t.Errorf("the copy's dump differs from the original's (%d and %d lines)", len(sorted(got)), len(sorted(string(want))))
	}
	if out := runOK(t, "import", "--data", dst, "../../fixtures/claimreview.json"); !strings.Contains(out, "2 claim reviews") {
		t.Errorf("import of the ClaimReview fixture said %q", out)
	}
	if cr := runOK(t, "export", "--data", dst, "--format", "claimreview"); strings.Count(cr, `"ClaimReview"`) != 2 {
		t.Errorf("ClaimReview export:\n%s", cr)
	}
	jsonld := runOK(t, "export", "--data", dst, "--format", "jsonld")
	if !strings.HasPrefix(jsonld, "[") && !strings.HasPrefix(jsonld, "{") {
		t.Errorf("jsonld export starts %.40q", jsonld)
	}

	bad := filepath.Join(dir, "bad.nq")
	os.WriteFile(bad, append(want[:len(want):len(want)], []byte("<urn:x> <urn:y> \"open\n")...), 0o644)
	var errb bytes.Buffer
	err = runEnv(context.Background(), []string{"import", "--data", dst, bad}, testEnv(&bytes.Buffer{}, &errb))
	if n := strings.Count(string(want), "\n") + 1; err == nil || !strings.Contains(err.Error(), "line "+itoa(n)) {
		t.Errorf("import of a bad line: %v, want it to name line %d", err, n)
	}
	err = runEnv(context.Background(), []string{"import", "--data", dst, article}, testEnv(&bytes.Buffer{}, &errb))
	if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), "--format") {
		t.Errorf("import of a .txt: %v, want a usage error asking for --format", err)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
