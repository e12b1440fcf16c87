package graph

import (
	"bytes"
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/schema"
)

// seedURL is where fixtures/claimreview.json says the seed appeared.
const seedURL = "https://news.example.com/2020/10/09/moscow-truce-talks"

// addSeed stores the seed article at seedURL with its extracted claims.
func addSeed(t *testing.T, s *Store) []schema.Claim {
	t.Helper()
	a := schema.NewArticle(fixtures.SeedArticle, seedURL)
	a.Headline = "Moscow Hosts Armenia, Azerbaijan Truce Talks as Fighting Rages"
	return add(t, s, a, extract.Claims(a))
}

func readFixture(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../fixtures/claimreview.json")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestClaimReview(t *testing.T) { eachBackend(t, testClaimReview) }

func testClaimReview(t *testing.T, s *Store) {
	ctx := context.Background()
	claims := addSeed(t, s)
	i := slices.IndexFunc(claims, func(c schema.Claim) bool { return c.Content.Text == "350 military deaths" })
	if i < 0 {
		t.Fatal("the seed has no claim of 350 military deaths")
	}
	deaths := claims[i]
	before := stats(t, s)
	if n := load(t, s, FormatClaimReview, readFixture(t)); n.Reviews != 2 {
		t.Errorf("imported %+v, want 2 reviews", n)
	}
	after := stats(t, s)
	if after.Actors != before.Actors+3 || after.Claims != before.Claims {
		t.Errorf("stats %+v after import, before %+v: want 3 new actors (2 fact-checkers and the society), Armenia matched, no claim", after, before)
	}
	crs, err := s.ClaimReviews(ctx, deaths.ID)
	if err != nil || len(crs) != 1 {
		t.Fatalf("ClaimReviews(350 deaths) = %+v, %v; want the fixture's review", crs, err)
	}
	if cr := crs[0]; cr.Item.Author.Name != "Armenia" || cr.Item.Author.Type != "Country" || cr.Rating.Name != "Unproven" ||
		!slices.Equal(cr.Item.Appearances, []string{seedURL}) || cr.Author.URL != "https://factcheck.example.org/" {
		t.Errorf("review of 350 deaths = %+v", cr)
	}
	if _, err := s.Actor(ctx, "Square World Society", false); err != nil {
		t.Errorf("the flat-earth claim's author is no actor: %v", err)
	}
	if _, err := s.ClaimReviews(ctx, claims[0].ID); !strings.Contains(errText(err), "no reviews") {
		t.Errorf("ClaimReviews of an unreviewed claim: %v", err)
	}

	// import → export → import: the same graph, the same document.
	exported := dump(t, s, FormatClaimReview, "")
	dup := openAt(t, "memstore", "")
	addSeed(t, dup)
	load(t, dup, FormatClaimReview, exported)
	if diff := cmp.Diff(string(exported), string(dump(t, dup, FormatClaimReview, ""))); diff != "" {
		t.Errorf("ClaimReview export of the copy (-original +copy):\n%s", diff)
	}
	if diff := cmp.Diff(sortedLines(dump(t, s, FormatNQuads, "")), sortedLines(dump(t, dup, FormatNQuads, ""))); diff != "" {
		t.Errorf("graph after import → export → import (-original +copy):\n%s", diff)
	}
	load(t, s, FormatClaimReview, exported)
	if again := stats(t, s); again != after {
		t.Errorf("importing the export again changed the store: %+v, was %+v", again, after)
	}

	// A review made here is a ClaimReview too.
	rev := schema.Review{Status: schema.Verified, Reason: "the ministry's figure", Reviewer: "token:t", Date: at(t, "2020-10-13T08:00:00Z")}
	if _, _, err := s.Review(ctx, deaths.ID, rev); err != nil {
		t.Fatal(err)
	}
	crs, err = s.ClaimReviews(ctx, deaths.ID)
	if err != nil || len(crs) != 2 {
		t.Fatalf("ClaimReviews after a review = %+v, %v; want 2", crs, err)
	}
	if !slices.ContainsFunc(crs, func(cr schema.ClaimReview) bool {
		return cr.Rating.Name == "verified" && cr.Rating.Value == "3" && cr.ClaimReviewed == "350 military deaths"
	}) {
		t.Errorf("no ClaimReview of the verified review in %+v", crs)
	}
	var buf bytes.Buffer
	a := schema.NewArticle(fixtures.SeedArticle, seedURL)
	if err := s.Export(ctx, &buf, FormatClaimReview, a.ID); err != nil || strings.Count(buf.String(), `"ClaimReview"`) != 2 {
		t.Errorf("ClaimReview export of the seed article: %v\n%s", err, buf.String())
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestClaimReviewMalformed(t *testing.T) {
	s := openAt(t, "memstore", "")
	addSeed(t, s)
	before := stats(t, s)
	doc := strings.Replace(string(readFixture(t)), `"ratingValue": 1,`, `"ratingValue": [1],`, 1)
	_, err := s.Import(context.Background(), strings.NewReader(doc), FormatClaimReview)
	wantErr(t, err, schema.ErrInvalid, "$.@graph[1].reviewRating.ratingValue")
	if after := stats(t, s); after != before {
		t.Errorf("stats after a malformed import = %+v, want %+v", after, before)
	}
}
