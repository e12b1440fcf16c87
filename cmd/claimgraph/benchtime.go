package main

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph"
)

// benchPaths are the ways to one answer: our API, then its baselines.
var benchPaths = []string{"v1", "gizmo", "sql"}

// benchRow is one line of the table: a query's percentiles on one key set,
// by path (0 where a path has no figure).
type benchRow struct {
	query, keys string
	n           int // samples of each path
	p50, p99    [3]float64
}

// benchAsk answers one key through one path: the time and the size of the
// answer (read only when count is set).
type benchAsk func(ctx context.Context, k benchKey, count bool) (time.Duration, int, error)

// measure checks that every path gives each key the same answer as the
// corpus, then times them, round the keys, path after path in turn so
// they share the machine's state.
func (b *bench) measure(ctx context.Context, store *graph.Store, queries []benchQuery) error {
	limits := graph.QueryOptions{Limit: 10*b.claims + 1000, Timeout: 10 * time.Minute}
	srv := httptest.NewServer(api.New(store, api.Options{Cayley: limits}))
	defer srv.Close()
	var db *sql.DB
	if b.backend == "postgres" {
		var err error
		if db, err = sql.Open("postgres", b.data); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer db.Close()
	}
	for _, q := range queries {
		asks := b.asks(srv.URL, db, q)
		for _, k := range append(slices.Clone(q.hot), q.cold...) {
			if err := b.check(ctx, q, k, asks); err != nil {
				return err
			}
		}
		var all [3][]time.Duration
		for _, set := range []struct {
			name string
			keys []benchKey
		}{{"hot", q.hot}, {"cold", q.cold}} {
			var took [3][]time.Duration
			start := time.Now()
			for i := 0; i < b.samples && (i < len(set.keys) || time.Since(start) < b.budget); i++ {
				for p, ask := range asks {
					if ask == nil {
						continue
					}
					d, _, err := ask(ctx, set.keys[i%len(set.keys)], false)
					if err != nil {
						return fmt.Errorf("bench: %s %s: %w", q.name, benchPaths[p], err)
					}
					took[p] = append(took[p], d)
					all[p] = append(all[p], d)
				}
			}
			b.record(q.name, set.name, took)
		}
		b.record(q.name, "", all)
	}
	b.figs["busy_pair_p50_ms"], b.figs["busy_pair_p99_ms"] = b.figs["speaker_target_hot_p50_ms"], b.figs["speaker_target_hot_p99_ms"]
	return nil
}

// asks returns the query's paths that this backend has: v1, Gizmo, SQL.
func (b *bench) asks(base string, db *sql.DB, q benchQuery) [3]benchAsk {
	var asks [3]benchAsk
	asks[0] = func(ctx context.Context, k benchKey, count bool) (time.Duration, int, error) {
		return benchHTTP(ctx, http.MethodGet, base+q.v1(k), "", count, q.v1Count)
	}
	if q.gizmo != nil {
		asks[1] = func(ctx context.Context, k benchKey, count bool) (time.Duration, int, error) {
			return benchHTTP(ctx, http.MethodPost, base+"/api/v2/query?lang=gizmo", q.gizmo(k), count, benchResults)
		}
	}
	if q.sql != nil && db != nil {
		asks[2] = func(ctx context.Context, k benchKey, count bool) (time.Duration, int, error) {
			text, args := q.sql(k)
			start := time.Now()
			n, err := benchRows(ctx, db, text, args)
			return time.Since(start), n, err
		}
	}
	return asks
}

// check compares the sizes of the key's answers on every path with the
// corpus's count; a difference is reported, not fatal, so the figures of
// a run still come out.
func (b *bench) check(ctx context.Context, q benchQuery, k benchKey, asks [3]benchAsk) error {
	want := k.want
	for p, ask := range asks {
		if ask == nil {
			continue
		}
		_, n, err := ask(ctx, k, true)
		if err != nil {
			return fmt.Errorf("bench: %s %s %s: %w", q.name, benchPaths[p], strings.TrimSpace(k.a+" "+k.b), err)
		}
		switch {
		case want < 0 && q.name == "graph" && n == 0:
			b.mismatches = append(b.mismatches, fmt.Sprintf("graph around %s: no nodes", k.a))
		case want >= 0 && n != want:
			b.mismatches = append(b.mismatches, fmt.Sprintf("%s %s: %s found %d, the corpus has %d",
				q.name, strings.TrimSpace(k.a+" "+k.b), benchPaths[p], n, want))
		}
	}
	return nil
}

// benchHTTP sends one request and times it until the whole body is read;
// with count, it then reads the answer's size.
func benchHTTP(ctx context.Context, method, url, body string, count bool, size func([]byte) (int, error)) (time.Duration, int, error) {
	req, err := http.NewRequestWithContext(ctx, method, url, strings.NewReader(body))
	if err != nil {
		return 0, 0, err
	}
	start := time.Now()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, 0, err
	}
	data, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	took := time.Since(start)
	if err != nil {
		return 0, 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, 0, fmt.Errorf("%s %s: %s: %s", method, url, resp.Status, bytes.TrimSpace(data))
	}
	if !count {
		return took, 0, nil
	}
	n, err := size(data)
	return took, n, err
}

// benchGet is one timed GET whose answer is not counted.
func benchGet(ctx context.Context, url string) (time.Duration, int, error) {
	return benchHTTP(ctx, http.MethodGet, url, "", false, nil)
}

// benchRows runs a query and counts its rows.
func benchRows(ctx context.Context, db *sql.DB, text string, args []any) (int, error) {
	rows, err := db.QueryContext(ctx, text, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var s sql.NullString
		if err := rows.Scan(&s); err != nil {
			return 0, err
		}
		n++
	}
	return n, rows.Err()
}

// record keeps the p50 and p99 of each path: query_keys_p50_ms for v1,
// gizmo_… and sql_… for the baselines; keys "" is every sample.
func (b *bench) record(query, keys string, took [3][]time.Duration) {
	row := benchRow{query: query, keys: cmp.Or(keys, "all"), n: len(took[0])}
	for p, ds := range took {
		if len(ds) == 0 {
			continue
		}
		slices.Sort(ds)
		row.p50[p], row.p99[p] = benchMS(ds[(len(ds)-1)*50/100]), benchMS(ds[(len(ds)-1)*99/100])
		name := query
		if keys != "" {
			name += "_" + keys
		}
		if p > 0 {
			name = benchPaths[p] + "_" + name
		}
		b.figs[name+"_p50_ms"], b.figs[name+"_p99_ms"] = row.p50[p], row.p99[p]
	}
	b.table = append(b.table, row)
}

// printTable writes the human-readable report.
func (b *bench) printTable() {
	f := b.figs
	fmt.Fprintf(b.e.stdout, "claimgraph bench: %s, %d claims in %.0f articles, %.0f quads, seed %d, up to %d samples or %v per cell\n",
		b.backend, b.claims, f["articles"], f["quads"], b.seed, b.samples, b.budget)
	if f["reused"] > 0 {
		fmt.Fprintln(b.e.stdout, "ingest: not measured (store reused)")
	} else {
		fmt.Fprintf(b.e.stdout, "ingest: %.1f s, %.0f articles/s, %.0f claims/s, %.0f quads/s\n",
			f["ingest_s"], f["ingest_articles_per_s"], f["ingest_claims_per_s"], f["ingest_quads_per_s"])
	}
	if b.loadOnly {
		fmt.Fprintf(b.e.stdout, "RSS %.0f MB (%.0f MB anonymous, %.0f MB of mapped files; peak %.0f MB); disk %.1f MB; no queries (--load-only)\n\n",
			f["rss_mb"], f["rss_anon_mb"], f["rss_file_mb"], f["rss_peak_mb"], f["disk_mb"])
		return
	}
	fmt.Fprintf(b.e.stdout, "open + first query: %.1f ms (open %.1f ms); disk %.1f MB\n", f["open_first_query_ms"], f["open_ms"], f["disk_mb"])
	fmt.Fprintf(b.e.stdout, "RSS serving (reopened, every /v1 query once per key): %.0f MB (%.0f MB anonymous, %.0f MB of mapped files)\n",
		f["rss_mb"], f["rss_anon_mb"], f["rss_file_mb"])
	if f["rss_bench_mb"] > 0 {
		fmt.Fprintf(b.e.stdout, "RSS of this bench after the timed queries, baselines included: %.0f MB (%.0f MB anonymous, %.0f MB of mapped files); peak %.0f MB\n",
			f["rss_bench_mb"], f["rss_bench_anon_mb"], f["rss_bench_file_mb"], f["rss_peak_mb"])
	}
	fmt.Fprintln(b.e.stdout)
	w := tabwriter.NewWriter(b.e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "query\tkeys\tn\tv1 p50 ms\tv1 p99 ms\tgizmo p50\tgizmo p99\tsql p50\tsql p99\tgizmo/v1 p50\t")
	cell := func(v float64) string {
		if v == 0 {
			return "-"
		}
		return fmt.Sprintf("%.2f", v)
	}
	for _, r := range b.table {
		ratio := "-"
		if r.p50[0] > 0 && r.p50[1] > 0 {
			ratio = fmt.Sprintf("%.1fx", r.p50[1]/r.p50[0])
		}
		fmt.Fprintf(w, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", r.query, r.keys, r.n,
			cell(r.p50[0]), cell(r.p99[0]), cell(r.p50[1]), cell(r.p99[1]), cell(r.p50[2]), cell(r.p99[2]), ratio)
	}
	w.Flush()
	fmt.Fprintln(b.e.stdout)
}
