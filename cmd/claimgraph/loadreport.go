package main

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
)

// loadReport is what a run measured; its JSON is the last line printed.
type loadReport struct {
	Server     string              `json:"server"`
	Seconds    float64             `json:"seconds"`
	Conns      int                 `json:"conns"`
	WriteRatio float64             `json:"write_ratio"`
	Requests   int                 `json:"requests"`
	PerSecond  float64             `json:"requests_per_second"`
	Errors     int                 `json:"errors"`
	Kinds      map[string]kindFigs `json:"kinds"`
	RSS        struct {
		Start int64 `json:"start"`
		Mid   int64 `json:"mid"`
		End   int64 `json:"end"`
	} `json:"rss_bytes"`
}

// kindFigs are one kind of request's figures.
type kindFigs struct {
	Requests  int            `json:"requests"`
	PerSecond float64        `json:"requests_per_second"`
	P50ms     float64        `json:"p50_ms"`
	P99ms     float64        `json:"p99_ms"`
	Errors    map[string]int `json:"errors,omitempty"`
}

// add merges the workers' figures into the report.
func (r *loadReport) add(results [][]kindStats) {
	r.Kinds = map[string]kindFigs{}
	for k, name := range loadKinds {
		var lat []time.Duration
		f := kindFigs{}
		for _, w := range results {
			lat = append(lat, w[k].latencies...)
			for code, n := range w[k].errors {
				if f.Errors == nil {
					f.Errors = map[string]int{}
				}
				f.Errors[code] += n
				r.Errors += n
			}
		}
		slices.Sort(lat)
		f.Requests, f.PerSecond = len(lat), float64(len(lat))/r.Seconds
		f.P50ms, f.P99ms = quantileMS(lat, 0.50), quantileMS(lat, 0.99)
		r.Kinds[name] = f
		r.Requests += len(lat)
	}
	r.PerSecond = float64(r.Requests) / r.Seconds
}

// quantileMS is the q-quantile of sorted latencies, in milliseconds.
func quantileMS(sorted []time.Duration, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	d := sorted[min(len(sorted)-1, int(q*float64(len(sorted))))]
	return float64(d.Microseconds()) / 1000
}

// print writes a table for people, then the report as one JSON line.
func (r loadReport) print(w io.Writer) {
	fmt.Fprintf(w, "%s: %d requests in %.1fs over %d connections: %.1f/s, %d errors\n",
		r.Server, r.Requests, r.Seconds, r.Conns, r.PerSecond, r.Errors)
	fmt.Fprintf(w, "%-8s %9s %9s %9s %9s  %s\n", "kind", "requests", "per s", "p50 ms", "p99 ms", "errors")
	for _, k := range loadKinds {
		f := r.Kinds[k]
		fmt.Fprintf(w, "%-8s %9d %9.1f %9.2f %9.2f  %s\n", k, f.Requests, f.PerSecond, f.P50ms, f.P99ms, errorList(f.Errors))
	}
	mb := func(b int64) float64 { return float64(b) / (1 << 20) }
	fmt.Fprintf(w, "server RSS: %.1f MiB at start, %.1f MiB midway, %.1f MiB at the end\n", mb(r.RSS.Start), mb(r.RSS.Mid), mb(r.RSS.End))
	b, _ := json.Marshal(r)
	fmt.Fprintf(w, "%s\n", b)
}

// errorList is "none", or the counts by status such as "503:2 transport:1".
func errorList(errs map[string]int) string {
	if len(errs) == 0 {
		return "none"
	}
	var parts []string
	for _, code := range slices.Sorted(maps.Keys(errs)) {
		parts = append(parts, fmt.Sprintf("%s:%d", code, errs[code]))
	}
	return strings.Join(parts, " ")
}
