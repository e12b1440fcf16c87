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

	"github.com/claimgraph/claimgraph/fixtures/pgtest"
)

// runBench runs the bench command on a tiny corpus and returns the figures
// of its JSON line.
func runBench(t *testing.T, args ...string) map[string]any {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args = append([]string{"bench", "--claims", "300", "--samples", "3"}, args...)
	if err := runEnv(context.Background(), args, testEnv(&stdout, &stderr)); err != nil {
		t.Fatalf("bench: %v\n%s\n%s", err, stdout.String(), stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	var figs map[string]any
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &figs); err != nil {
		t.Fatalf("the last line is not JSON: %v\n%s", err, stdout.String())
	}
	if !strings.Contains(stdout.String(), "speaker_target") {
		t.Errorf("no table before the JSON line:\n%s", stdout.String())
	}
	return figs
}

// benchRequired are the figures every run must report above zero.
var benchRequired = []string{"claims", "quads", "ingest_quads_per_s", "ingest_claims_per_s", "ingest_articles_per_s",
	"speaker_target_p50_ms", "speaker_target_p99_ms", "gizmo_speaker_target_p50_ms", "busy_pair_p99_ms",
	"open_first_query_ms", "rss_mb", "rss_anon_mb", "rss_file_mb", "speaker_p50_ms", "speaker_cold_p99_ms", "event_hot_p50_ms", "outlet_p99_ms",
	"relations_p50_ms", "search_p50_ms", "graph_p50_ms", "gizmo_event_p50_ms", "gizmo_outlet_p50_ms"}

func TestBench(t *testing.T) {
	for _, tc := range []struct {
		backend string
		data    func(t *testing.T) string
		more    []string // more figures above zero on this backend
	}{
		{"memstore", func(*testing.T) string { return "" }, nil},
		{"bolt", func(t *testing.T) string { return filepath.Join(t.TempDir(), "b.db") }, []string{"disk_mb", "rss_bench_mb", "rss_bench_file_mb"}},
		{"postgres", func(t *testing.T) string { return pgtest.New(t) }, []string{"disk_mb", "sql_speaker_target_p50_ms", "sql_outlet_p50_ms", "rss_bench_mb"}},
	} {
		t.Run(tc.backend, func(t *testing.T) {
			figs := runBench(t, "--backend", tc.backend, "--data", tc.data(t))
			for _, name := range append(benchRequired, tc.more...) {
				if v, ok := figs[name].(float64); !ok || v <= 0 {
					t.Errorf("%s = %v, want a number above 0", name, figs[name])
				}
			}
			if figs["claims"] != 300.0 || figs["mismatches"] != 0.0 || figs["backend"] != tc.backend {
				t.Errorf("claims %v, mismatches %v, backend %v; want 300, 0, %s", figs["claims"], figs["mismatches"], figs["backend"], tc.backend)
			}
			if _, ok := figs["sql_speaker_p50_ms"]; ok != (tc.backend == "postgres") {
				t.Errorf("an SQL baseline on %s: %v; want one on postgres only", tc.backend, ok)
			}
		})
	}
}

// TestBenchReuse runs bench twice on one bolt file: the second run finds
// the corpus loaded, says so, and answers from the same quads.
func TestBenchReuse(t *testing.T) {
	data := filepath.Join(t.TempDir(), "b.db")
	first := runBench(t, "--backend", "bolt", "--data", data)
	second := runBench(t, "--backend", "bolt", "--data", data)
	if first["reused"] != nil || second["reused"] != 1.0 || second["quads"] != first["quads"] || second["ingest_quads_per_s"] != nil {
		t.Errorf("reused %v then %v, quads %v then %v, second ingest %v; want a reuse of the same quads, ingest unmeasured",
			first["reused"], second["reused"], first["quads"], second["quads"], second["ingest_quads_per_s"])
	}
	var stdout, stderr bytes.Buffer
	err := runEnv(context.Background(), []string{"bench", "--claims", "200", "--data", data}, testEnv(&stdout, &stderr))
	if err == nil || !strings.Contains(err.Error(), "not the corpus") {
		t.Errorf("bench on a store of another corpus: %v, want an error naming it", err)
	}
}

// TestBenchLoadOnly: --load-only measures the ingest alone, and
// --cpuprofile writes a profile of it.
func TestBenchLoadOnly(t *testing.T) {
	prof := filepath.Join(t.TempDir(), "cpu.prof")
	var stdout, stderr bytes.Buffer
	args := []string{"bench", "--claims", "300", "--load-only", "--cpuprofile", prof, "--data", filepath.Join(t.TempDir(), "b.db")}
	if err := runEnv(context.Background(), args, testEnv(&stdout, &stderr)); err != nil {
		t.Fatalf("bench: %v\n%s", err, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	var figs map[string]any
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &figs); err != nil {
		t.Fatalf("the last line is not JSON: %v\n%s", err, stdout.String())
	}
	if v, ok := figs["ingest_quads_per_s"].(float64); !ok || v <= 0 || figs["claims"] != 300.0 {
		t.Errorf("ingest_quads_per_s %v, claims %v; want a rate for 300 claims", figs["ingest_quads_per_s"], figs["claims"])
	}
	if _, ok := figs["speaker_target_p50_ms"]; ok || strings.Contains(stdout.String(), "open + first query") {
		t.Errorf("queries measured with --load-only:\n%s", stdout.String())
	}
	if fi, err := os.Stat(prof); err != nil || fi.Size() == 0 {
		t.Errorf("CPU profile: %v, %v; want a non-empty file", fi, err)
	}
}

func TestBenchUsage(t *testing.T) {
	for _, args := range [][]string{
		{"--claims", "0"}, {"--backend", "mysql"}, {"--backend", "postgres"}, {"--samples", "-1"}, {"--seed", "x"},
	} {
		var stdout, stderr bytes.Buffer
		err := runEnv(context.Background(), append([]string{"bench"}, args...), testEnv(&stdout, &stderr))
		if !errors.Is(err, errUsage) {
			t.Errorf("bench %v: %v, want a usage error", args, err)
		}
	}
}
