// Package extract turns news text into claims: every attribution (who said
// what, about whom, to which outlet) with its spans in Unicode code points.
// It is pure: text in, []schema.Claim out, no I/O. The rules read their
// lexicons (cue verbs, word classes, a gazetteer, event triggers) from
// embedded data files, parsed once when the package loads.
package extract

// The learned data: cue forms (data/learned.tsv), then the cue model's
// weights (data/cuemodel.tsv), from PolNeAR train next to the repository.
//go:generate go run ./internal/train -o data/learned.tsv ../../shared/eval/polnear/train
//go:generate go test -count=1 -run TestLearnCueModel . -args -learn ../../shared/eval/polnear/train

import (
	"sort"

	"github.com/claimgraph/claimgraph/schema"
)

// Name and Version identify this extractor in every claim it makes.
const (
	Name    = "claimgraph-rules"
	Version = "0.17.0"
)

// Claims extracts every attribution in a.Text, ordered by where its content
// (then its cue) starts. It is safe for concurrent use.
func Claims(a schema.Article) []schema.Claim {
	if a.Text == "" {
		return nil
	}
	x := newDoc(a.Text)
	sents := sentences(x.toks)
	per := make([][]*cand, len(sents))
	for i, s := range sents {
		per[i] = x.frames(s)
	}
	x.continueQuotes(sents, per)
	x.continueColons(sents, per)
	x.dropInsideColons(per)
	var out []schema.Claim
	for _, cs := range per {
		for _, c := range cs {
			x.writersOwn(c)
			if c.content.empty() || c.speaker.empty() && !c.writer {
				continue
			}
			x.endAtQuote(c)
			if cl, ok := x.claim(a, c); ok {
				out = append(out, cl)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		ci, cj := out[i], out[j]
		if ci.Content.Start != cj.Content.Start {
			return ci.Content.Start < cj.Content.Start
		}
		if ci.Cue.Start != cj.Cue.Start {
			return ci.Cue.Start < cj.Cue.Start
		}
		return ci.Speaker.Start < cj.Speaker.Start
	})
	out = dedupe(out)
	if len(out) > schema.MaxClaims {
		out = out[:schema.MaxClaims]
	}
	return out
}

// dedupe drops a claim identical (same ID) to one just before it: two
// readings of the same words give one attribution.
func dedupe(cs []schema.Claim) []schema.Claim {
	out := cs[:0]
	for i, c := range cs {
		if i > 0 && c.ID == out[len(out)-1].ID {
			continue
		}
		out = append(out, c)
	}
	return out
}
