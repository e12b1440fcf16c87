package schema

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseClaimReviews(t *testing.T) {
	doc, err := os.ReadFile("../fixtures/claimreview.json")
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseClaimReviews(doc)
	if err != nil {
		t.Fatalf("fixture: %v", err)
	}
	flat := ClaimReview{
		URL: "https://example.com/news/science/worldisflat.html", ClaimReviewed: "The world is flat",
		Author: &Agent{Type: "Organization", Name: "Example.com science watch"},
		Item: ClaimItem{Author: &Agent{Type: "Organization", Name: "Square World Society"},
			DatePublished: time.Date(2016, 6, 20, 0, 0, 0, 0, time.UTC), Appearances: []string{"https://example.com/news/a122121"}},
		Rating: &Rating{Value: "1", Best: "5", Worst: "1", Name: "False"},
	}
	if len(got) != 2 {
		t.Fatalf("%d reviews, want 2", len(got))
	}
	if diff := cmp.Diff(flat, got[1]); diff != "" {
		t.Errorf("schema.org's example (-want +got):\n%s", diff)
	}
	if got[0].Item.Author.Name != "Armenia" || got[0].Rating.Name != "Unproven" || got[0].DatePublished.IsZero() {
		t.Errorf("first review = %+v", got[0])
	}

	// The same reviews as an array, one alone, and written back out.
	var g struct {
		Graph []json.RawMessage `json:"@graph"`
	}
	json.Unmarshal(doc, &g)
	arr := "[" + string(g.Graph[0]) + "," + string(g.Graph[1]) + "]"
	for name, d := range map[string]string{"array": arr, "object": string(g.Graph[1])} {
		crs, err := ParseClaimReviews([]byte(d))
		if err != nil || !cmp.Equal(crs[len(crs)-1], flat) {
			t.Errorf("%s: %v\n%s", name, err, cmp.Diff(flat, crs[len(crs)-1]))
		}
	}
	out, err := json.Marshal(ClaimReviewDocument(got))
	if err != nil {
		t.Fatal(err)
	}
	again, err := ParseClaimReviews(out)
	if err != nil || !cmp.Equal(got, again) {
		t.Errorf("written and read back: %v\n%s", err, cmp.Diff(got, again))
	}
	if got[0].ID() == got[1].ID() || got[1].ID() != again[1].ID() {
		t.Error("IDs are not stable and distinct")
	}
}

func TestParseClaimReviewsMalformed(t *testing.T) {
	for _, c := range []struct{ doc, path string }{
		{"{\n\"@type\": \"ClaimReview\",\n\"claimReviewed\": \"x\",,\n}", "line 3"},
		{`{"@type": "WebPage"}`, "$.@type"},
		{`{"@type": "ClaimReview"}`, "$.claimReviewed"},
		{`{"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": {"ratingValue": true}}`, "$.reviewRating.ratingValue"},
		{`[{"@type": "ClaimReview", "claimReviewed": "x"}, {"@type": "ClaimReview", "claimReviewed": "y", "itemReviewed": {"appearance": [{"url": "ftp://x"}]}}]`,
			"$[1].itemReviewed.appearance[0].url"},
		{`{"@graph": [{"@type": "ClaimReview", "claimReviewed": "x", "author": {"@type": "Organization"}}]}`, "$.@graph[0].author.name"},
		{`{"@graph": [{"@type": "ClaimReview", "claimReviewed": "x", "datePublished": "last week"}]}`, "$.@graph[0].datePublished"},
		{`{"@graph": [{"@type": "WebPage"}]}`, "no ClaimReview"},
		{`[1]`, "$[0]"},
	} {
		_, err := ParseClaimReviews([]byte(c.doc))
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), c.path) {
			t.Errorf("%s: err = %v, want ErrInvalid naming %s", c.doc, err, c.path)
		}
	}
}
