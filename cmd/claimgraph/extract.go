package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/schema"
)

// extractCmd prints the claims found in one text, without storing anything.
func extractCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags("extract", "FILE|-", e)
	format := fs.String("format", envOr(e, "CLAIMGRAPH_FORMAT", "json"), "output format: json (the scorer's {\"claims\": [...]}) or text (one line a claim)")
	if help, err := parse(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("%w: extract takes one FILE (or - for standard input)", errUsage)
	}
	text, err := readInput(fs.Arg(0), e.stdin)
	if err != nil {
		return err
	}
	a := schema.NewArticle(text, "")
	claims := extract.Claims(a)
	switch *format {
	case "json":
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if claims == nil {
			claims = []schema.Claim{}
		}
		return enc.Encode(struct {
			Claims []schema.Claim `json:"claims"`
		}{claims})
	case "text":
		for _, c := range claims {
			fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\n", c.Speaker.Text, c.SpeechAct, c.Cue.Text, c.Content.Text)
		}
		return nil
	}
	return fmt.Errorf("%w: unknown --format %q (json or text)", errUsage, *format)
}

// readInput reads a whole file, or standard input for "-", and checks that
// it is text.
func readInput(name string, stdin io.Reader) (string, error) {
	var b []byte
	var err error
	if name == "-" {
		b, err = io.ReadAll(io.LimitReader(stdin, schema.MaxTextBytes+1))
	} else {
		b, err = os.ReadFile(name)
	}
	if err != nil {
		return "", fmt.Errorf("read %s: %w", name, err)
	}
	if len(b) > schema.MaxTextBytes {
		return "", fmt.Errorf("read %s: more than %d bytes", name, schema.MaxTextBytes)
	}
	if !utf8.Valid(b) {
		return "", fmt.Errorf("read %s: not UTF-8 text", name)
	}
	return string(b), nil
}
