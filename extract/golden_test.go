package extract_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/schema"
)

var update = flag.Bool("update", false, "rewrite fixtures/seed/claims.golden.json")

var goldenPath = filepath.Join("..", "fixtures", "seed", "claims.golden.json")

// seedClaims runs the extractor on the seed article.
func seedClaims(tb testing.TB) (schema.Article, []schema.Claim) {
	tb.Helper()
	a := schema.NewArticle(fixtures.SeedArticle, "")
	return a, extract.Claims(a)
}

// encode prints claims as `claimgraph extract --format json` does.
func encode(tb testing.TB, claims []schema.Claim) []byte {
	tb.Helper()
	if claims == nil {
		claims = []schema.Claim{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(struct {
		Claims []schema.Claim `json:"claims"`
	}{claims}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestGoldenSeed(t *testing.T) {
	_, claims := seedClaims(t)
	got := encode(t, claims)
	if *update {
		if err := os.WriteFile(goldenPath, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("claims differ from %s (-want +got); rerun with -update if the change is intended:\n%s", goldenPath, diff)
	}
}

func TestSeedClaimsValid(t *testing.T) {
	a, claims := seedClaims(t)
	for _, c := range claims {
		checkClaim(t, a, c)
	}
	again := extract.Claims(a)
	if diff := cmp.Diff(claims, again); diff != "" {
		t.Errorf("a second run differs (-first +second):\n%s", diff)
	}
}

// checkClaim asserts what the contract promises of every claim.
func checkClaim(tb testing.TB, a schema.Article, c schema.Claim) {
	tb.Helper()
	if err := c.Validate(); err != nil {
		tb.Errorf("Validate: %v", err)
	}
	if err := c.CheckSpans(a.Text); err != nil {
		tb.Errorf("CheckSpans: %v", err)
	}
	if c.Article != a.IRI {
		tb.Errorf("claim %s: article %q, want %q", c.ID, c.Article, a.IRI)
	}
	if c.Extractor != extract.Name+"/"+extract.Version {
		tb.Errorf("claim %s: extractor %q", c.ID, c.Extractor)
	}
	if c.Review != schema.Unreviewed {
		tb.Errorf("claim %s: review %q", c.ID, c.Review)
	}
	if c.Cue.Empty() || c.Content.Empty() || c.Speaker.Empty() || c.Sentence.Empty() {
		tb.Errorf("claim %s has an empty span: %+v", c.ID, c)
	}
}

func TestConcurrent(t *testing.T) {
	a, want := seedClaims(t)
	errs := make(chan string, 8)
	for range 8 {
		go func() {
			if diff := cmp.Diff(want, extract.Claims(a)); diff != "" {
				errs <- diff
				return
			}
			errs <- ""
		}()
	}
	for range 8 {
		if d := <-errs; d != "" {
			t.Errorf("a concurrent run differs:\n%s", d)
		}
	}
}
