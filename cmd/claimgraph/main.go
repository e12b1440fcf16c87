// Command claimgraph turns news text into a knowledge graph of who said what
// about whom, and serves it. Run "claimgraph help" for the subcommands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "claimgraph:", err)
		os.Exit(exitCode(err))
	}
}
