// Command train learns the extractor's cue lexicon from gold attributions:
// how often each word form is (part of) an annotated cue against how often
// it occurs at all. It writes extract/data/learned.tsv, one row per new cue
// form in the format of cues.tsv, holding single words and counts only: no
// text of the training articles.
//
// Usage, from the repository root:
//
//	go run ./extract/internal/train ../shared/eval/polnear/train
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	out := flag.String("o", filepath.Join("extract", "data", "learned.tsv"), "the lexicon file to write")
	minCount := flag.Int("min", 2, "fewest times a form must be a gold cue")
	minRatio := flag.Float64("ratio", 0.5, "least share of a form's occurrences that are cues")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: go run ./extract/internal/train [flags] GOLD_DIR...")
		os.Exit(2)
	}
	if err := run(flag.Args(), *out, *minCount, *minRatio); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run(dirs []string, out string, minCount int, minRatio float64) error {
	data := filepath.Dir(out)
	known, err := knownCues(filepath.Join(data, "cues.tsv"))
	if err != nil {
		return err
	}
	closed, err := closedWords(filepath.Join(data, "words.tsv"))
	if err != nil {
		return err
	}
	st := newStats()
	n := 0
	for _, d := range dirs {
		files, err := filepath.Glob(filepath.Join(d, "*.json"))
		if err != nil {
			return err
		}
		for _, f := range files {
			if err := st.addFile(f); err != nil {
				return err
			}
			n++
		}
	}
	if n == 0 {
		return fmt.Errorf("no gold files in %v", dirs)
	}
	rows := st.pick(known, closed, minCount, minRatio)
	return write(out, rows, n, minCount, minRatio)
}
