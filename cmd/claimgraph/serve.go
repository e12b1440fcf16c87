package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/graph"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// serveCmd runs the HTTP server until ctx is cancelled, then drains it.
func serveCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags("serve", "", e)
	addr := fs.String("addr", envOr(e, "CLAIMGRAPH_ADDR", "localhost:8080"), "listen address; :0 picks a free port (env CLAIMGRAPH_ADDR)")
	cfg := storeFlags(fs, e)
	seed := fs.Bool("seed", envOr(e, "CLAIMGRAPH_SEED", "true") == "true", "ingest the seed article when the store is empty (env CLAIMGRAPH_SEED)")
	cayley := cayleyFlags(fs, e)
	access := accessFlags(fs, e)
	logs := logFlags(fs, e)
	answers, answersErr := answerCacheFlag(fs, e)
	if help, err := parse(fs, args); help || err != nil {
		return err
	}
	if err := cmp.Or(cayley.err, answersErr); err != nil {
		return err
	}
	if *answers < 0 {
		return fmt.Errorf("%w: --answer-cache %d: want a number of MiB, 0 for none", errUsage, *answers)
	}
	if *cayley.memory <= 0 {
		return fmt.Errorf("%w: --query-memory %d: want a positive number of MiB", errUsage, *cayley.memory)
	}
	log, err := logs.logger(e.stderr)
	if err != nil {
		return err
	}
	cfg.log = log
	store, err := cfg.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	opts := access.options(log)
	opts.Logger, opts.Version, opts.Cayley = log, version, cayley.options()
	opts.Cayley.Writes = opts.Cayley.Writes && !opts.ReadOnly
	opts.QueryMemory = int64(*cayley.memory) << 20
	opts.AnswerCache = cmp.Or(int64(*answers)<<20, -1) // 0 MiB: none
	if err := startSeed(ctx, *seed, opts.ReadOnly, store, log); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	fmt.Fprintf(e.stdout, "claimgraph listening on http://%s (backend %s)\n", displayAddr(ln.Addr()), store.Backend())
	return serveUntil(ctx, ln, api.New(store, opts), log)
}

// startSeed loads the seed when asked, except on a read-only server, which
// must not write even that. It goes through a handler with no token, so a
// token does not stand in its way.
func startSeed(ctx context.Context, seed, readOnly bool, store *graph.Store, log *slog.Logger) error {
	switch {
	case !seed:
		return nil
	case readOnly:
		log.Info("read-only: seed article not loaded")
		return nil
	}
	return loadSeed(ctx, store, api.New(store, api.Options{Logger: log, Version: version}), log)
}

// accessConfig holds the flags that decide who may write and which web
// origins may call the API.
type accessConfig struct {
	token    *string
	readOnly *bool
	origins  *string
}

func accessFlags(fs *flag.FlagSet, e env) accessConfig {
	return accessConfig{
		token: fs.String("token", envOr(e, "CLAIMGRAPH_TOKEN", ""),
			"bearer token every write must send (Authorization: Bearer TOKEN); empty leaves writes open\n(env CLAIMGRAPH_TOKEN; prefer it: flags show in ps)"),
		readOnly: fs.Bool("read-only", envOr(e, "CLAIMGRAPH_READ_ONLY", "false") == "true",
			"refuse every write with 403, Cayley's included, and skip the seed (env CLAIMGRAPH_READ_ONLY)"),
		origins: fs.String("cors-origin", envOr(e, "CLAIMGRAPH_CORS_ORIGIN", ""),
			"comma-separated origins browsers may call the API from, e.g. https://a.example; empty: no CORS\n(env CLAIMGRAPH_CORS_ORIGIN)"),
	}
}

// options turns the flags into the handler's, warning once when writes are
// open to anyone who can reach the port.
func (a accessConfig) options(log *slog.Logger) api.Options {
	o := api.Options{Token: *a.token, ReadOnly: *a.readOnly}
	for _, origin := range strings.Split(*a.origins, ",") {
		if origin = strings.TrimSpace(origin); origin != "" {
			o.CORSOrigins = append(o.CORSOrigins, origin)
		}
	}
	if o.Token == "" && !o.ReadOnly {
		log.Warn("no --token (CLAIMGRAPH_TOKEN): anyone who can reach the server can write to it")
	}
	return o
}

// logConfig holds the flags that shape the log on standard error.
type logConfig struct {
	format, level *string
}

func logFlags(fs *flag.FlagSet, e env) logConfig {
	return logConfig{
		format: fs.String("log-format", envOr(e, "CLAIMGRAPH_LOG_FORMAT", "text"), "log as text (key=value) or json, one object a line (env CLAIMGRAPH_LOG_FORMAT)"),
		level:  fs.String("log-level", envOr(e, "CLAIMGRAPH_LOG_LEVEL", "info"), "least level logged: debug, info, warn or error (env CLAIMGRAPH_LOG_LEVEL)"),
	}
}

// logger is the structured logger the flags describe, writing to w.
func (l logConfig) logger(w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(*l.level)); err != nil {
		return nil, fmt.Errorf("%w: --log-level %q is not debug, info, warn or error", errUsage, *l.level)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch *l.format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("%w: --log-format %q is not text or json", errUsage, *l.format)
}

// answerCacheFlag is the memory, in MiB, for claim lists kept whole
// between writes (see api.Options.AnswerCache).
func answerCacheFlag(fs *flag.FlagSet, e env) (*int, error) {
	mib, err := strconv.Atoi(envOr(e, "CLAIMGRAPH_ANSWER_CACHE", strconv.Itoa(api.DefaultAnswerCache>>20)))
	if err != nil {
		err = fmt.Errorf("%w: CLAIMGRAPH_ANSWER_CACHE: %v", errUsage, err)
	}
	return fs.Int("answer-cache", mib, "MiB of claim lists kept whole, each until the next write, and served again; 0 keeps none\n(env CLAIMGRAPH_ANSWER_CACHE)"), err
}

// cayleyConfig holds the flags that bound Cayley's REST interface under /api.
type cayleyConfig struct {
	timeout *time.Duration
	limit   *int
	memory  *int // MiB
	writes  *bool
	err     error // a malformed environment default
}

func cayleyFlags(fs *flag.FlagSet, e env) cayleyConfig {
	var c cayleyConfig
	timeout, err := time.ParseDuration(envOr(e, "CLAIMGRAPH_QUERY_TIMEOUT", graph.DefaultQueryTimeout.String()))
	if err != nil {
		c.err = fmt.Errorf("%w: CLAIMGRAPH_QUERY_TIMEOUT: %v", errUsage, err)
	}
	limit, err := strconv.Atoi(envOr(e, "CLAIMGRAPH_QUERY_LIMIT", strconv.Itoa(graph.DefaultQueryLimit)))
	if err != nil {
		c.err = fmt.Errorf("%w: CLAIMGRAPH_QUERY_LIMIT: %v", errUsage, err)
	}
	memory, err := strconv.Atoi(envOr(e, "CLAIMGRAPH_QUERY_MEMORY", strconv.Itoa(api.DefaultQueryMemory>>20)))
	if err != nil {
		c.err = fmt.Errorf("%w: CLAIMGRAPH_QUERY_MEMORY: %v", errUsage, err)
	}
	c.memory = fs.Int("query-memory", memory, "MiB the live heap may grow while one query through Cayley's API runs; past it the\nquery is stopped with 422 memory_limit (env CLAIMGRAPH_QUERY_MEMORY)")
	c.timeout = fs.Duration("query-timeout", timeout, "time limit of one query through Cayley's API under /api (env CLAIMGRAPH_QUERY_TIMEOUT)")
	c.limit = fs.Int("query-limit", limit, "most results of one query through Cayley's API (env CLAIMGRAPH_QUERY_LIMIT)")
	c.writes = fs.Bool("cayley-writes", envOr(e, "CLAIMGRAPH_CAYLEY_WRITES", "false") == "true",
		"allow /api/v2/write and /api/v2/delete, which bypass validation and provenance labels\n(env CLAIMGRAPH_CAYLEY_WRITES)")
	return c
}

func (c cayleyConfig) options() graph.QueryOptions {
	return graph.QueryOptions{Timeout: *c.timeout, Limit: *c.limit, Writes: *c.writes}
}

// serveUntil serves on ln until ctx ends, then lets requests in flight finish.
func serveUntil(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// loadSeed ingests the seed article into an empty store, through the same
// handler, extractor and validation as any posted article.
func loadSeed(ctx context.Context, store *graph.Store, h http.Handler, log *slog.Logger) error {
	empty, err := store.Empty(ctx)
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	if !empty {
		return nil
	}
	start := time.Now()
	doc := articleDoc{Text: fixtures.SeedArticle, Headline: firstLine(fixtures.SeedArticle), Outlet: fixtures.SeedOutlet}
	res, err := newClient(inProcess(h), "").post(ctx, doc)
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	log.Info("seed article ingested", "claims", len(res.Claims), "duration", time.Since(start))
	return nil
}

// displayAddr turns a wildcard listen address into one a browser can open.
func displayAddr(a net.Addr) string {
	s := a.String()
	if host, port, err := net.SplitHostPort(s); err == nil && (host == "::" || host == "0.0.0.0" || host == "") {
		return "localhost:" + port
	}
	return strings.TrimSpace(s)
}
