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
		return enc.Encode(scorerJSON(claims))
	case "text":
		for _, c := range claims {
			speaker := c.Speaker.Text
			if speaker == "" && len(c.Speaker.Actors) > 0 {
				speaker = c.Speaker.Actors[0].Name // the writer's own claim: "the author"
			}
			fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\n", speaker, c.SpeechAct, c.Cue.Text, c.Content.Text)
		}
		return nil
	}
	return fmt.Errorf("%w: unknown --format %q (json or text)", errUsage, *format)
}

// scorerJSON is claims as the scorer reads them: {"claims": [...]}, each
// claim as the API prints it, except that a speaker with no span in the text
// (the writer's own claim: "the plan is expected to pass") has no "start"
// and "end", so that score.py sees no speaker span rather than (0, 0).
func scorerJSON(claims []schema.Claim) scorerClaims {
	out := scorerClaims{Claims: make([]scorerClaim, len(claims))}
	for i, c := range claims {
		out.Claims[i] = scorerClaim{Claim: c, Speaker: c.Speaker}
		if c.Speaker.Empty() {
			out.Claims[i].Speaker = spanlessSpeaker{c.Speaker.Actors}
		}
	}
	return out
}

type scorerClaims struct {
	Claims []scorerClaim `json:"claims"`
}

// scorerClaim is a claim whose "speaker" field shadows the claim's own.
type scorerClaim struct {
	schema.Claim
	Speaker any `json:"speaker"`
}

// spanlessSpeaker is a speaker with its actors and no span.
type spanlessSpeaker struct {
	Actors []schema.Actor `json:"entities"`
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
