package extract_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/schema"
)

func FuzzClaims(f *testing.F) {
	for _, s := range []string{
		fixtures.SeedArticle,
		"“We are ready,” Tehran told Reuters, adding that talks would follow.",
		"Ukraine accused Belarus on Sunday of massing troops, the Kremlin said.",
		"According to the Japanese foreign ministry, the envoy left. He said: \"No.\"",
		"said said “ ” , and who said that",
		"Both sides have accused the other of shelling; Azerbaijan has not admitted it.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		a := schema.NewArticle(text, "")
		for _, c := range extract.Claims(a) {
			checkClaim(t, a, c)
		}
	})
}

func BenchmarkClaimsSeed(b *testing.B) {
	a := schema.NewArticle(fixtures.SeedArticle, "")
	b.ReportAllocs()
	b.SetBytes(int64(len(a.Text)))
	for b.Loop() {
		extract.Claims(a)
	}
}

// TestLargeArticle runs the largest article allowed, prose and a flat
// unpunctuated run, checking every claim; BenchmarkLargeArticle measures how
// long they take (no timed assertion here: CI machines vary).
func TestLargeArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	for _, text := range largeTexts() {
		a := schema.NewArticle(text, "")
		claims := extract.Claims(a)
		for _, c := range claims[:min(len(claims), 200)] {
			checkClaim(t, a, c)
		}
	}
}

// largeTexts are two articles of the maximum size: the seed repeated, and
// one sentence with no punctuation, where a quadratic step would show.
func largeTexts() []string {
	return []string{
		strings.Repeat(fixtures.SeedArticle, schema.MaxTextBytes/len(fixtures.SeedArticle)),
		strings.Repeat("officials said ", schema.MaxTextBytes/15),
	}
}

func BenchmarkLargeArticle(b *testing.B) {
	for i, text := range largeTexts() {
		b.Run([]string{"seed-repeated", "unpunctuated"}[i], func(b *testing.B) {
			a := schema.NewArticle(text, "")
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				extract.Claims(a)
			}
		})
	}
}
