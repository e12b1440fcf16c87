package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/extract/score"
	"github.com/claimgraph/claimgraph/schema"
)

const evalHelp = `Scores the extractor against gold files: runs it on each gold file's "text"
and prints the figures ../shared/eval/score.py prints for the same
predictions, in the same format (key=value, or one JSON object with --json).
A GOLD is a gold file ({"text": ..., "attributions": [...]}, the format of
../shared/eval/) or a directory of them (*.json, in name order).

One difference from score.py: a gold attribution whose "content" is null
(some PolNeAR train files) is listed as "" by -v, where score.py crashes.
`

// evalCmd scores extraction against gold files, as score.py would.
func evalCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags("eval", "GOLD...", e)
	asJSON := fs.Bool("json", false, "print the figures as one JSON object, like score.py --json")
	verbose := fs.Bool("v", false, "list each document's misses and spurious claims, like score.py -v")
	usage := fs.Usage
	fs.Usage = func() { fmt.Fprint(e.stderr, evalHelp, "\n"); usage() }
	// Flags may come after the gold files, as score.py allows.
	var golds []string
	for {
		if help, err := parse(fs, args); help || err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		golds = append(golds, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(golds) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: eval takes at least one GOLD file or directory", errUsage)
	}
	var files []string
	for _, g := range golds {
		st, err := os.Stat(g)
		if err != nil {
			return err
		}
		if !st.IsDir() {
			files = append(files, g)
			continue
		}
		m, err := filepath.Glob(filepath.Join(g, "*.json"))
		if err != nil {
			return err
		}
		sort.Strings(m)
		if len(m) == 0 {
			return fmt.Errorf("%s: no .json gold files", g)
		}
		files = append(files, m...)
	}
	var tot score.Totals
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		gold, pred, err := evalDoc(f)
		if err != nil {
			return err
		}
		r := score.Doc(gold, pred)
		if *verbose {
			fmt.Fprintf(e.stdout, "== %s: tp=%d fp=%d fn=%d\n", f, r.Counts.TP, r.Counts.FP, r.Counts.FN)
			for _, m := range r.Misses {
				fmt.Fprintln(e.stdout, "  miss:", m)
			}
			for _, s := range r.Spurious {
				fmt.Fprintln(e.stdout, "  spurious:", s)
			}
		}
		tot.Add(r)
	}
	if *asJSON {
		fmt.Fprintln(e.stdout, score.JSON(tot.Figures()))
	} else {
		fmt.Fprintln(e.stdout, score.Line(tot.Figures()))
	}
	return nil
}

// evalDoc reads a gold file and extracts from its text, returning both as
// score.py sees them: decoded JSON, the prediction as `claimgraph extract
// --format json` prints it.
func evalDoc(path string) (gold, pred map[string]any, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	text, ok := gold["text"].(string)
	if !ok {
		return nil, nil, fmt.Errorf("%s: no \"text\"", path)
	}
	pb, err := json.Marshal(scorerJSON(extract.Claims(schema.NewArticle(text, ""))))
	if err != nil {
		return nil, nil, err
	}
	if err := json.Unmarshal(pb, &pred); err != nil {
		return nil, nil, err
	}
	return gold, pred, nil
}
