package extract_test

import (
	"strings"
	"testing"
	"time"
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

func TestLargeArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	text := strings.Repeat(fixtures.SeedArticle, schema.MaxTextBytes/len(fixtures.SeedArticle))
	start := time.Now()
	claims := extract.Claims(schema.NewArticle(text, ""))
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("%d claims from %d bytes took %v", len(claims), len(text), d)
	}
	flat := strings.Repeat("officials said ", schema.MaxTextBytes/15)
	start = time.Now()
	extract.Claims(schema.NewArticle(flat, ""))
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("%d bytes without punctuation took %v", len(flat), d)
	}
}
