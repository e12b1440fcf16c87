package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/claimgraph/claimgraph/graph"
)

// defaultBoltPath is where the embedded store lives unless told otherwise.
var defaultBoltPath = filepath.Join("data", "claimgraph.db")

// storeConfig is the --backend and --data pair shared by the commands that
// open a store.
type storeConfig struct {
	backend, data *string
}

func storeFlags(fs *flag.FlagSet, e env) storeConfig {
	return storeConfig{
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
	return graph.Open(ctx, *c.backend, addr)
}
