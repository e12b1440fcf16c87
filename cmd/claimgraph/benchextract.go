package main

import (
	"context"
	"fmt"
)

// benchExtractCmd measures extraction speed over a directory of texts.
func benchExtractCmd(ctx context.Context, args []string, e env) error {
	return fmt.Errorf("bench extract: not built yet")
}
