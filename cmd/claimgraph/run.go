package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// usage is the top-level help.
const usage = `claimgraph turns news text into a graph of who said what about whom.

Usage:
  claimgraph serve   [flags]              run the HTTP API and the web page
  claimgraph ingest  [flags] FILE|DIR|-   extract and store articles
  claimgraph extract [flags] FILE|-       print the claims in a text (no storage)
  claimgraph eval    [flags] GOLD...      score extraction against gold files (as score.py)
  claimgraph export  [flags]              dump the store: N-Quads, JSON-LD or ClaimReview
  claimgraph import  [flags] FILE|-       load a dump or a ClaimReview document
  claimgraph bench   [flags]              measure ingest and queries on a synthetic corpus
  claimgraph bench extract [flags] DIR    measure extraction speed over a directory of texts
  claimgraph load    [flags]              mixed read/write load against a running server
  claimgraph help                         show this help

Run "claimgraph COMMAND --help" for a command's flags. Every flag has an
environment variable default (CLAIMGRAPH_ADDR, CLAIMGRAPH_BACKEND, ...).
`

// errUsage marks an error in the command line: exit code 2.
var errUsage = errors.New("usage")

// env lets tests run commands without touching the process environment.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

// run dispatches to a subcommand. It is main without the process: tests call
// it directly.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	return runEnv(ctx, args, env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv})
}

func runEnv(ctx context.Context, args []string, e env) error {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usage)
		return fmt.Errorf("%w: no command given", errUsage)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return serveCmd(ctx, rest, e)
	case "ingest":
		return ingestCmd(ctx, rest, e)
	case "extract":
		return extractCmd(ctx, rest, e)
	case "eval":
		return evalCmd(ctx, rest, e)
	case "export":
		return exportCmd(ctx, rest, e)
	case "import":
		return importCmd(ctx, rest, e)
	case "bench":
		if len(rest) > 0 && rest[0] == "extract" {
			return benchExtractCmd(ctx, rest[1:], e)
		}
		return benchCmd(ctx, rest, e)
	case "load":
		return loadCmd(ctx, rest, e)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(e.stdout, usage)
		return nil
	}
	fmt.Fprint(e.stderr, usage)
	return fmt.Errorf("%w: unknown command %q", errUsage, cmd)
}

// exitCode is 2 for command-line mistakes, 1 for everything else.
func exitCode(err error) int {
	if errors.Is(err, errUsage) {
		return 2
	}
	return 1
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(name, args string, e env) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: claimgraph %s [flags] %s\n\nFlags:\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args, turning -h into a clean exit and other mistakes into
// errUsage.
func parse(fs *flag.FlagSet, args []string) (help bool, err error) {
	err = fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return true, nil
	}
	if err != nil {
		return false, fmt.Errorf("%w: %s: %v", errUsage, fs.Name(), err)
	}
	return false, nil
}

// envOr returns the environment variable's value, or def when it is unset.
func envOr(e env, key, def string) string {
	if v := strings.TrimSpace(e.getenv(key)); v != "" {
		return v
	}
	return def
}
