package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/schema"
)

const benchExtractHelp = `Measures extraction speed on one core: extracts every .txt file in DIR, and
the "text" of every gold .json file there (the format of ../shared/eval/),
over and over for -duration or -rounds full rounds, then prints articles/s,
ms per article (p50, p99), claims/s and a final JSON line with the figures.
`

// benchResult is the final JSON line of bench extract.
type benchResult struct {
	Articles       int     `json:"articles"`
	Bytes          int     `json:"bytes"`
	Rounds         int     `json:"rounds"`
	Extractions    int     `json:"extractions"`
	Seconds        float64 `json:"seconds"`
	ArticlesPerSec float64 `json:"articles_per_sec"`
	MsP50          float64 `json:"ms_p50"`
	MsP99          float64 `json:"ms_p99"`
	ClaimsPerSec   float64 `json:"claims_per_sec"`
	ClaimsPerRound int     `json:"claims_per_round"`
	Extractor      string  `json:"extractor"`
}

// benchExtractCmd measures extraction speed over a directory of texts.
func benchExtractCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags("bench extract", "DIR", e)
	dur := fs.Duration("duration", 10*time.Second, "how long to run (at least one full round)")
	rounds := fs.Int("rounds", 0, "run exactly this many full rounds instead of -duration")
	usage := fs.Usage
	fs.Usage = func() { fmt.Fprint(e.stderr, benchExtractHelp, "\n"); usage() }
	if help, err := parse(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("%w: bench extract takes one DIR", errUsage)
	}
	if *rounds < 0 || *dur <= 0 {
		return fmt.Errorf("%w: bench extract: -rounds must be >= 0 and -duration > 0", errUsage)
	}
	texts, err := benchTexts(fs.Arg(0))
	if err != nil {
		return err
	}
	res, err := benchExtract(ctx, texts, *rounds, *dur)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "bench extract: %d articles (%d KB) from %s, %d rounds on 1 core, %s\n",
		res.Articles, res.Bytes/1024, fs.Arg(0), res.Rounds, res.Extractor)
	fmt.Fprintf(e.stdout, "articles/s  %.1f\n", res.ArticlesPerSec)
	fmt.Fprintf(e.stdout, "ms/article  p50 %.3f  p99 %.3f\n", res.MsP50, res.MsP99)
	fmt.Fprintf(e.stdout, "claims/s    %.1f (%d claims a round)\n", res.ClaimsPerSec, res.ClaimsPerRound)
	return json.NewEncoder(e.stdout).Encode(res)
}

// benchTexts reads the .txt files and the gold .json files' texts in dir, in
// name order.
func benchTexts(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("bench extract: %w", err)
	}
	var texts []string
	for _, ent := range ents {
		name := ent.Name()
		if ent.IsDir() || !strings.HasSuffix(name, ".txt") && !strings.HasSuffix(name, ".json") {
			continue
		}
		path := filepath.Join(dir, name)
		if strings.HasSuffix(name, ".txt") {
			t, err := readInput(path, nil)
			if err != nil {
				return nil, fmt.Errorf("bench extract: %w", err)
			}
			texts = append(texts, t)
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("bench extract: %w", err)
		}
		var g struct {
			Text string `json:"text"`
		}
		if json.Unmarshal(b, &g) == nil && g.Text != "" {
			texts = append(texts, g.Text) // other JSON files are not articles
		}
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("bench extract: %s: no .txt files or gold .json texts", dir)
	}
	return texts, nil
}

// benchExtract extracts every text per round on one core, for the given
// number of rounds or, with none, until dur has passed after a full round.
func benchExtract(ctx context.Context, texts []string, rounds int, dur time.Duration) (benchResult, error) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	arts := make([]schema.Article, len(texts))
	res := benchResult{Articles: len(texts), Extractor: extract.Name + "/" + extract.Version}
	for i, t := range texts {
		arts[i] = schema.NewArticle(t, "")
		res.Bytes += len(t)
	}
	var times []time.Duration
	claims := 0
	start := time.Now()
	for rounds == 0 && (res.Rounds == 0 || time.Since(start) < dur) || res.Rounds < rounds {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		n := 0
		for _, a := range arts {
			t0 := time.Now()
			n += len(extract.Claims(a))
			times = append(times, time.Since(t0))
		}
		claims += n
		res.ClaimsPerRound = n
		res.Rounds++
	}
	elapsed := time.Since(start)
	res.Extractions = len(times)
	res.Seconds = elapsed.Seconds()
	res.ArticlesPerSec = float64(len(times)) / res.Seconds
	res.ClaimsPerSec = float64(claims) / res.Seconds
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	res.MsP50, res.MsP99 = ms(quantile(times, 0.50)), ms(quantile(times, 0.99))
	return res, nil
}

// quantile returns the q-quantile of sorted (nearest rank).
func quantile(sorted []time.Duration, q float64) time.Duration {
	i := int(q*float64(len(sorted))+0.5) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
