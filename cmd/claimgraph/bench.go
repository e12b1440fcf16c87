package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	_ "github.com/lib/pq" // database/sql driver "postgres", for the SQL floor and the database size

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/graph"
)

// benchHelp explains what bench measures.
const benchHelp = `Measures a store on the synthetic corpus (fixtures.Corpus): bulk ingest,
then each /v1 query through the real HTTP handler on hot keys (the busiest)
and cold keys (the tail), each next to its baseline from the same run: the
same answer through Cayley's /api/v2/query (Gizmo) and, on PostgreSQL, a
hand-written SQL query over Cayley's tables. Ends with one JSON line.

RSS (rss_mb, with its anonymous and mapped-file parts) is what a server
holds after answering the suite: on bolt and PostgreSQL the store is opened
again and every /v1 query asked once on each key, without the baselines.
rss_bench_mb is the whole bench process at the end of the timed queries,
baselines included; rss_peak_mb its peak, ingest included.

A --data store that already holds the same corpus (same --seed and --claims)
is reused: ingest is then not measured (its figures are left out of the
JSON line, and "reused" is 1).`

// benchChunk is how many articles one AddArticles call takes, so progress
// shows; AddArticles cuts its own transactions.
const benchChunk = 1000

// bench is one run of the bench command.
type bench struct {
	backend, data string
	claims        int
	seed          int64
	samples       int
	budget        time.Duration
	e             env
	figs          map[string]float64
	table         []benchRow
	mismatches    []string
	cpuprofile    string // where the ingest's CPU profile goes, if anywhere
	loadOnly      bool   // stop after the ingest
}

func benchCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags("bench", "", e)
	backend := fs.String("backend", "bolt", "store backend: bolt, memstore or postgres")
	claims := fs.Int("claims", 10_000, "claims in the synthetic corpus")
	data := fs.String("data", "", "bolt: the file (default: a temporary one, removed after); postgres: the URL (required)")
	seed := fs.Int64("seed", 1, "seed of the synthetic corpus")
	samples := fs.Int("samples", 100, "timed requests per query, path and key set (hot, cold)")
	budget := fs.Duration("budget", 5*time.Second, "time after which a query's key set takes no more samples (each key is asked at least once)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the ingest to this file")
	loadOnly := fs.Bool("load-only", false, "measure the ingest only: no reopen and no queries")
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: claimgraph bench [flags]\n\n%s\n\nFlags:\n", benchHelp)
		fs.PrintDefaults()
	}
	if help, err := parse(fs, args); help || err != nil {
		return err
	}
	switch {
	case *claims <= 0 || *samples <= 0:
		return fmt.Errorf("%w: bench: --claims and --samples must be positive", errUsage)
	case *backend == "postgres" && *data == "":
		return fmt.Errorf("%w: bench: --backend postgres needs --data postgres://USER@HOST:PORT/DB", errUsage)
	case *backend != "bolt" && *backend != "memstore" && *backend != "postgres":
		return fmt.Errorf("%w: bench: --backend %q is not bolt, memstore or postgres", errUsage, *backend)
	}
	b := &bench{backend: *backend, data: *data, claims: *claims, seed: *seed, samples: *samples, budget: *budget, e: e, figs: map[string]float64{},
		cpuprofile: *cpuprofile, loadOnly: *loadOnly}
	if b.backend == "bolt" && b.data == "" {
		dir, err := os.MkdirTemp("", "claimgraph-bench-")
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer os.RemoveAll(dir)
		b.data = filepath.Join(dir, "bench.db")
	}
	return b.run(ctx)
}

// run loads the corpus, reopens the store as a server would, measures the
// queries and prints the report.
func (b *bench) run(ctx context.Context) error {
	docs := fixtures.Corpus(b.seed, b.claims)
	queries := benchQueries(benchKeysOf(docs))
	store, err := graph.Open(ctx, b.backend, b.data)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	defer func() {
		if store != nil {
			store.Close()
		}
	}()
	if err := b.load(ctx, store, docs); err != nil {
		return err
	}
	docs = nil
	if b.loadOnly {
		b.resources(ctx)
		return b.report()
	}
	if b.backend != "memstore" {
		store.Close()
		if store, err = b.reopen(ctx, queries[1]); err != nil {
			return err
		}
	} else if err := b.firstQuery(ctx, store, queries[1]); err != nil {
		return err
	}
	runtime.GC()
	debug.FreeOSMemory()
	if err := b.measure(ctx, store, queries); err != nil {
		return err
	}
	b.resources(ctx)
	if b.backend != "memstore" {
		b.rss("rss_bench")
		store.Close()
		if store, err = b.serving(ctx, queries); err != nil {
			return err
		}
	}
	return b.report()
}

// serving measures what a server holds once it has answered the suite:
// the store opened again in this process (its file's pages unmapped, the
// heap given back), every /v1 query asked once on each of its keys, hot and
// cold, then RSS. The baselines are left out: Gizmo walks Cayley's own
// indexes, which a server answering /v1 does not read.
func (b *bench) serving(ctx context.Context, queries []benchQuery) (*graph.Store, error) {
	runtime.GC()
	debug.FreeOSMemory()
	store, err := graph.Open(ctx, b.backend, b.data)
	if err != nil {
		return nil, fmt.Errorf("bench: reopen: %w", err)
	}
	srv := httptest.NewServer(api.New(store, api.Options{}))
	defer srv.Close()
	for _, q := range queries {
		for _, k := range append(slices.Clone(q.hot), q.cold...) {
			if _, _, err := benchGet(ctx, srv.URL+q.v1(k)); err != nil {
				return store, fmt.Errorf("bench: %s: %w", q.name, err)
			}
		}
	}
	b.rss("rss")
	return store, nil
}

// load bulk-loads docs unless the store already holds them, and records
// the ingest rates.
func (b *bench) load(ctx context.Context, store *graph.Store, docs []fixtures.Doc) error {
	b.figs["claims"], b.figs["articles"] = float64(b.claims), float64(len(docs))
	st, err := store.Stats(ctx)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	if st.Articles > 0 {
		if st.Articles != int64(len(docs)) || st.Claims != int64(b.claims) {
			return fmt.Errorf("bench: the store at %s holds %d articles and %d claims, not the corpus of seed %d (%d articles, %d claims): give an empty store",
				b.data, st.Articles, st.Claims, b.seed, len(docs), b.claims)
		}
		fmt.Fprintf(b.e.stderr, "reusing the store at %s: it holds this corpus; ingest not measured\n", b.data)
		b.figs["reused"], b.figs["quads"] = 1, float64(st.Quads)
		return nil
	}
	if b.cpuprofile != "" {
		f, err := os.Create(b.cpuprofile)
		if err != nil {
			return fmt.Errorf("bench: --cpuprofile: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("bench: --cpuprofile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	p := newProgress(b.e.stderr, len(docs))
	start := time.Now()
	for i := 0; i < len(docs); i += benchChunk {
		chunk := docs[i:min(i+benchChunk, len(docs))]
		bulk := make([]graph.Doc, len(chunk))
		for j, d := range chunk {
			bulk[j] = graph.Doc(d)
		}
		if _, err := store.AddArticles(ctx, bulk); err != nil {
			return fmt.Errorf("bench: load: %w", err)
		}
		for _, d := range chunk {
			p.done(len(d.Claims), true)
		}
	}
	p.finish()
	took := time.Since(start).Seconds()
	if st, err = store.Stats(ctx); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	b.figs["quads"], b.figs["ingest_s"] = float64(st.Quads), took
	b.figs["ingest_articles_per_s"] = float64(len(docs)) / took
	b.figs["ingest_claims_per_s"] = float64(b.claims) / took
	b.figs["ingest_quads_per_s"] = float64(st.Quads) / took
	if st.Claims != int64(b.claims) {
		b.mismatches = append(b.mismatches, fmt.Sprintf("stats: %d claims stored, want %d", st.Claims, b.claims))
	}
	return nil
}

// reopen opens the store again and times it up to the first answered
// query, as a restarted server would see it.
func (b *bench) reopen(ctx context.Context, q benchQuery) (*graph.Store, error) {
	start := time.Now()
	store, err := graph.Open(ctx, b.backend, b.data)
	if err != nil {
		return nil, fmt.Errorf("bench: reopen: %w", err)
	}
	b.figs["open_ms"] = benchMS(time.Since(start))
	srv := httptest.NewServer(api.New(store, api.Options{}))
	defer srv.Close()
	if _, _, err := benchGet(ctx, srv.URL+q.v1(q.hot[0])); err != nil {
		store.Close()
		return nil, fmt.Errorf("bench: first query: %w", err)
	}
	b.figs["open_first_query_ms"] = benchMS(time.Since(start))
	return store, nil
}

// firstQuery stands in for reopen on memstore, which cannot be reopened:
// the time from a new handler to its first answer.
func (b *bench) firstQuery(ctx context.Context, store *graph.Store, q benchQuery) error {
	start := time.Now()
	srv := httptest.NewServer(api.New(store, api.Options{}))
	defer srv.Close()
	if _, _, err := benchGet(ctx, srv.URL+q.v1(q.hot[0])); err != nil {
		return fmt.Errorf("bench: first query: %w", err)
	}
	b.figs["open_first_query_ms"] = benchMS(time.Since(start))
	return nil
}

// resources records memory (this process: corpus generator and store; on
// bolt and PostgreSQL serving replaces it) and bytes on disk.
func (b *bench) resources(ctx context.Context) {
	b.rss("rss")
	b.figs["rss_peak_mb"] = benchRSS()["VmHWM"]
	switch b.backend {
	case "bolt":
		b.figs["disk_mb"] = (benchSize(b.data) + benchSize(b.data+".bleve")) / (1 << 20)
	case "postgres":
		db, err := sql.Open("postgres", b.data)
		if err == nil {
			var n int64
			err = db.QueryRowContext(ctx, `SELECT pg_database_size(current_database())`).Scan(&n)
			b.figs["disk_mb"] = float64(n) / (1 << 20)
			db.Close()
		}
		if err != nil {
			fmt.Fprintf(b.e.stderr, "bench: database size: %v\n", err)
		}
	default:
		b.figs["disk_mb"] = 0
	}
}

// rss records this process's resident memory now as the figures name_mb,
// name_anon_mb and name_file_mb (see benchRSS).
func (b *bench) rss(name string) {
	m := benchRSS()
	b.figs[name+"_mb"], b.figs[name+"_anon_mb"], b.figs[name+"_file_mb"] = m["VmRSS"], m["RssAnon"], m["RssFile"]
}

// benchRSS reads this process's resident memory from /proc, in MB, by the
// names /proc/self/status gives them: VmRSS (now), VmHWM (peak), and the two
// parts of VmRSS that matter apart, RssAnon (the heap and stacks) and
// RssFile (pages of mapped files: bolt's file, which the kernel can drop and
// read again). A name it lacks reads 0.
func benchRSS() map[string]float64 {
	m := make(map[string]float64)
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return m
	}
	for _, line := range strings.Split(string(data), "\n") {
		name, val, ok := strings.Cut(line, ":")
		kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(val), " kB"), 64)
		if ok && err == nil {
			m[name] = kb / 1024
		}
	}
	return m
}

// benchSize is the bytes of a file, or of every file under a directory.
func benchSize(path string) float64 {
	var n int64
	filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return float64(n)
}

// report prints the table, then the JSON line with every figure.
func (b *bench) report() error {
	b.printTable()
	for _, m := range b.mismatches {
		fmt.Fprintln(b.e.stdout, "MISMATCH:", m)
	}
	out := map[string]any{"backend": b.backend, "seed": b.seed, "samples": b.samples, "mismatches": len(b.mismatches)}
	for k, v := range b.figs {
		out[k] = benchRound(v)
	}
	line, err := json.Marshal(out)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	fmt.Fprintln(b.e.stdout, string(line))
	if len(b.mismatches) > 0 {
		return fmt.Errorf("bench: %d answers differ from their baselines or the corpus", len(b.mismatches))
	}
	return nil
}

// benchMS is a duration in milliseconds.
func benchMS(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// benchRound keeps three decimals: enough for a figure in ms or MB.
func benchRound(v float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', 3, 64), 64)
	return f
}
