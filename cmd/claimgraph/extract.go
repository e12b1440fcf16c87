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
		out, err := scorerJSON(claims)
		if err != nil {
			return err
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case "text":
		for _, c := range claims {
			fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\n", c.Speaker.Text, c.SpeechAct, c.Cue.Text, c.Content.Text)
		}
		return nil
	}
	return fmt.Errorf("%w: unknown --format %q (json or text)", errUsage, *format)
}

// scorerJSON is claims as the scorer reads them: {"claims": [...]}, each
// claim as the API prints it, except that a speaker with no span in the text
// (the writer's own claim: "the plan is expected to pass") has no "start"
// and "end", so that score.py sees no speaker span rather than (0, 0).
func scorerJSON(claims []schema.Claim) (map[string]any, error) {
	if claims == nil {
		claims = []schema.Claim{}
	}
	b, err := json.Marshal(struct {
		Claims []schema.Claim `json:"claims"`
	}{claims})
	if err != nil {
		return nil, err
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, err
	}
	for i, c := range claims {
		if c.Speaker.Empty() {
			sp, _ := out["claims"].([]any)[i].(map[string]any)["speaker"].(map[string]any)
			delete(sp, "start")
			delete(sp, "end")
		}
	}
	return out, nil
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
