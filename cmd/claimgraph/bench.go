package main

import (
	"context"
	"fmt"
)

// benchCmd measures ingest and the /v1 queries on a synthetic corpus.
func benchCmd(ctx context.Context, args []string, e env) error {
	return fmt.Errorf("bench: not built yet")
}
