package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// defaultBoltPath is where the embedded store lives unless told otherwise.
var defaultBoltPath = filepath.Join("data", "claimgraph.db")

// storeConfig is the --backend and --data pair shared by the commands that
// open a store.
type storeConfig struct {
	backend, data *string
	stderr        io.Writer    // where rebuilds on open are reported, unless log is set
	log           *slog.Logger // set by serve: its own logger
}

func storeFlags(fs *flag.FlagSet, e env) storeConfig {
	return storeConfig{
		stderr:  e.stderr,
		backend: fs.String("backend", envOr(e, "CLAIMGRAPH_BACKEND", "bolt"), "store backend: bolt (embedded file), memstore (in memory, lost on exit), postgres or\ncockroach (env CLAIMGRAPH_BACKEND)"),
		data:    fs.String("data", envOr(e, "CLAIMGRAPH_DATA", ""), "bolt: the file (default "+defaultBoltPath+"); postgres and cockroach: the URL, e.g.\npostgres://postgres@127.0.0.1:5432/claimgraph?sslmode=disable (env CLAIMGRAPH_DATA)"),
	}
}

// open opens the configured store.
func (c storeConfig) open(ctx context.Context) (*graph.Store, error) {
	addr := *c.data
	switch *c.backend {
	case "bolt":
		if addr == "" {
			addr = defaultBoltPath
		}
		if err := os.MkdirAll(filepath.Dir(addr), 0o755); err != nil {
			return nil, fmt.Errorf("create data directory: %w", err)
		}
	case "postgres", "cockroach":
		if addr == "" {
			return nil, fmt.Errorf("%w: --backend %s needs --data postgres://USER@HOST:PORT/DB", errUsage, *c.backend)
		}
	case "memstore":
	default:
		return nil, fmt.Errorf("%w: --backend %q is not bolt, memstore, postgres or cockroach", errUsage, *c.backend)
	}
	log := c.log
	if log == nil {
		log = slog.New(slog.NewTextHandler(c.stderr, nil))
	}
	return graph.Open(ctx, *c.backend, addr, graph.WithProgress(rebuildLog(log)))
}

// rebuildLog reports what Open rebuilds (an index after an upgrade takes
// minutes on a large store) to log: when each rebuild starts and ends, and
// every 5 seconds between.
func rebuildLog(log *slog.Logger) graph.Progress {
	last := make(map[string]time.Time)
	return func(what string, done, total int) {
		if done > 0 && done < total && time.Since(last[what]) < 5*time.Second {
			return
		}
		last[what] = time.Now()
		log.Info("rebuilding "+what, "done", done, "total", total)
	}
}
