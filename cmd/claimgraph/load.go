package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/schema"
)

// loadCmd runs a mixed read/write load against a running server and reports
// throughput, latency per kind of request, errors and the server's RSS.
func loadCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags("load", "", e)
	server := fs.String("server", envOr(e, "CLAIMGRAPH_SERVER", "http://localhost:8080"), "the claimgraph server to load (env CLAIMGRAPH_SERVER)")
	token := fs.String("token", envOr(e, "CLAIMGRAPH_TOKEN", ""), "bearer token for the writes (env CLAIMGRAPH_TOKEN)")
	duration := fs.Duration("duration", 5*time.Minute, "how long to run")
	conns := fs.Int("conns", 16, "concurrent connections, each sending one request after another")
	ratio := fs.Float64("write-ratio", 0.1, "share of requests that post a new article (0 to 1)")
	if help, err := parse(fs, args); help || err != nil {
		return err
	}
	if *conns < 1 || *ratio < 0 || *ratio > 1 || *duration <= 0 {
		return fmt.Errorf("%w: load needs --conns >= 1, --write-ratio in [0, 1] and a positive --duration", errUsage)
	}
	l := newLoad(strings.TrimRight(*server, "/"), *token, *conns, *ratio)
	rep, err := l.run(ctx, *duration)
	if err != nil {
		return err
	}
	rep.print(e.stdout)
	return nil
}

// loadKinds are the kinds of request the load sends, reads first.
var loadKinds = []string{"claims", "search", "graph", "actors", "write"}

// load is one run's plan and the figures it gathers.
type load struct {
	base, token string
	conns       int
	ratio       float64
	http        *http.Client
	speakers    []string // actor names to ask about: the seed's
	targets     []string
	words       []string // search words from the seed's claims
	tag         string   // makes this run's articles new to the store
	next        atomic.Int64
}

func newLoad(base, token string, conns int, ratio float64) *load {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns, tr.MaxIdleConnsPerHost = conns, conns
	l := &load{base: base, token: token, conns: conns, ratio: ratio,
		http: &http.Client{Transport: tr, Timeout: time.Minute}, tag: fmt.Sprintf("%x", time.Now().UnixNano())}
	l.speakers, l.targets, l.words = seedVocabulary()
	return l
}

// seedVocabulary lists the speakers, targets and content words of the
// seed's claims: names and words a seed-loaded store knows.
func seedVocabulary() (speakers, targets, words []string) {
	for _, c := range extract.Claims(schema.NewArticle(fixtures.SeedArticle, "")) {
		for _, a := range c.Speaker.Actors {
			speakers = appendNew(speakers, a.Name)
		}
		for _, a := range c.Targets {
			targets = appendNew(targets, a.Name)
		}
		for _, w := range strings.Fields(c.Content.Text) {
			if w = strings.Trim(w, `.,;:"“”'’()`); len(w) > 5 {
				words = appendNew(words, strings.ToLower(w))
			}
		}
	}
	return speakers, targets, words
}

func appendNew(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// dispatch is a generated article: three paragraphs of the seed, chosen by
// i, under a headline that makes the text (and so the article) unique to tag
// and i. Each has a few claims, extracted as the seed's are.
func dispatch(tag string, i int) string {
	paras := strings.Split(strings.TrimSpace(fixtures.SeedArticle), "\n\n")
	k := (i * 7) % len(paras)
	var b strings.Builder
	fmt.Fprintf(&b, "Dispatch %s-%d\n\n", tag, i)
	for j := range 3 {
		if j > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(paras[(k+j)%len(paras)])
	}
	return b.String()
}

// kindStats are one kind's figures, gathered by one worker or merged.
type kindStats struct {
	latencies []time.Duration // of the answered requests, errors included
	errors    map[string]int  // by status, or "transport"
}

// worker sends requests one after another until stop is closed, and
// returns its figures by kind. The request in flight at stop is let finish:
// a write cut short would be stored yet not counted.
func (l *load) worker(ctx context.Context, stop <-chan struct{}, seed uint64) []kindStats {
	rng := rand.New(rand.NewPCG(seed, 0x10ad))
	stats := make([]kindStats, len(loadKinds))
	for !closed(stop) && ctx.Err() == nil {
		k := len(loadKinds) - 1 // write
		if rng.Float64() >= l.ratio {
			k = rng.IntN(len(loadKinds) - 1)
		}
		req, err := l.request(ctx, k, rng)
		if err != nil {
			return stats
		}
		start := time.Now()
		resp, err := l.http.Do(req)
		outcome := ""
		if err == nil {
			_, err = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode/100 != 2 {
				outcome = fmt.Sprint(resp.StatusCode)
			}
		}
		if err != nil {
			if ctx.Err() != nil {
				break // the command was interrupted, not the server's fault
			}
			outcome = "transport"
		}
		s := &stats[k]
		s.latencies = append(s.latencies, time.Since(start))
		if outcome != "" {
			if s.errors == nil {
				s.errors = map[string]int{}
			}
			s.errors[outcome]++
		}
	}
	return stats
}

// request builds one request of kind k.
func (l *load) request(ctx context.Context, k int, rng *rand.Rand) (*http.Request, error) {
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	var path string
	switch loadKinds[k] {
	case "claims":
		if rng.IntN(2) == 0 {
			path = "/v1/claims?speaker=" + url.QueryEscape(pick(l.speakers))
		} else {
			path = "/v1/claims?target=" + url.QueryEscape(pick(l.targets))
		}
	case "search":
		path = "/v1/search?q=" + url.QueryEscape(pick(l.words))
	case "graph":
		path = "/v1/graph?depth=2&limit=100&focus=" + url.QueryEscape(pick(l.speakers))
	case "actors":
		path = "/v1/actors/" + url.PathEscape(pick(l.speakers))
	case "write":
		body, _ := json.Marshal(articleDoc{Text: dispatch(l.tag, int(l.next.Add(1)))})
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.base+"/v1/articles", strings.NewReader(string(body)))
		if err == nil {
			req.Header.Set("Content-Type", "application/json")
			if l.token != "" {
				req.Header.Set("Authorization", "Bearer "+l.token)
			}
		}
		return req, err
	}
	return http.NewRequestWithContext(ctx, http.MethodGet, l.base+path, nil)
}

// run loads the server for d and gathers the report; the server must
// answer /metrics at the start.
func (l *load) run(ctx context.Context, d time.Duration) (loadReport, error) {
	rep := loadReport{Server: l.base, Conns: l.conns, WriteRatio: l.ratio}
	var err error
	if rep.RSS.Start, err = l.rss(ctx); err != nil {
		return rep, fmt.Errorf("load: %w", err)
	}
	stop := make(chan struct{})
	timer := time.AfterFunc(d, func() { close(stop) })
	defer timer.Stop()
	var wg sync.WaitGroup
	wg.Go(func() {
		select {
		case <-time.After(d / 2):
			rep.RSS.Mid, _ = l.rss(ctx)
		case <-stop:
		case <-ctx.Done():
		}
	})
	results := make([][]kindStats, l.conns)
	start := time.Now()
	for i := range l.conns {
		wg.Go(func() { results[i] = l.worker(ctx, stop, uint64(i)+1) })
	}
	wg.Wait()
	rep.Seconds = time.Since(start).Seconds()
	if rep.RSS.End, err = l.rss(ctx); err != nil {
		return rep, fmt.Errorf("load: at the end: %w", err)
	}
	rep.add(results)
	return rep, nil
}

// closed reports whether c is closed.
func closed(c <-chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// rss reads the server's resident memory from its /metrics.
func (l *load) rss(ctx context.Context) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, l.base+"/metrics", nil)
	if err != nil {
		return 0, err
	}
	resp, err := l.http.Do(req)
	if err != nil {
		return 0, fmt.Errorf("read the server's RSS: %w", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, fmt.Errorf("read the server's RSS: %w", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "process_resident_memory_bytes "); ok {
			var f float64
			if _, err := fmt.Sscan(v, &f); err == nil {
				return int64(f), nil
			}
		}
	}
	return 0, fmt.Errorf("%s/metrics (%s) has no process_resident_memory_bytes", l.base, resp.Status)
}
