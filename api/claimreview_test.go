package api_test

import (
	"encoding/json"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/schema"
)

// crDoc is a ClaimReview JSON-LD document as the API writes it.
type crDoc struct {
	Context string           `json:"@context"`
	Graph   []map[string]any `json:"@graph"`
}

func TestClaimReviewAPI(t *testing.T) {
	fixture, err := os.ReadFile("../fixtures/claimreview.json")
	if err != nil {
		t.Fatal(err)
	}
	s := newServer(t, api.Options{})
	body := mustJSON(t, map[string]string{"text": fixtures.SeedArticle, "url": "https://news.example.com/2020/10/09/moscow-truce-talks"})
	code, b := s.do(t, "POST", "/v1/articles", body)
	if code != http.StatusCreated {
		t.Fatalf("POST seed: %d %s", code, b)
	}
	var art articleResp
	decode(t, b, &art)
	i := slices.IndexFunc(art.Claims, func(c schema.Claim) bool { return c.Content.Text == "350 military deaths" })
	if i < 0 {
		t.Fatal("no claim of 350 military deaths")
	}
	path := "/v1/claims/" + art.Claims[i].ID + "/claimreview"
	if code, b := s.do(t, "GET", path, ""); code != http.StatusNotFound || !strings.Contains(string(b), "no reviews") {
		t.Errorf("ClaimReview of an unreviewed claim: %d %s", code, b)
	}
	code, b = s.do(t, "POST", "/v1/import/claimreview", string(fixture))
	if code != http.StatusOK || !strings.Contains(string(b), `"reviews":2`) {
		t.Fatalf("import the fixture: %d %s", code, b)
	}
	resp, got := s.send(t, "GET", path, "", nil)
	var doc crDoc
	decode(t, []byte(got), &doc)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/ld+json" || doc.Context != "https://schema.org" || len(doc.Graph) != 1 {
		t.Fatalf("GET claimreview: %d %s %s", resp.StatusCode, resp.Header.Get("Content-Type"), got)
	}
	if cr := doc.Graph[0]; cr["@type"] != "ClaimReview" || cr["claimReviewed"] != "The Armenian side reported 350 military deaths" {
		t.Errorf("ClaimReview = %v", cr)
	}

	// The whole export, imported into a store holding the same article,
	// gives the same export; as one object and as an array it loads too.
	_, exported := s.send(t, "GET", "/v1/export?format=claimreview", "", nil)
	dst := boltServer(t, api.Options{})
	dst.do(t, "POST", "/v1/articles", body)
	if code, b := dst.do(t, "POST", "/v1/import?format=claimreview", exported); code != http.StatusOK {
		t.Fatalf("import the export: %d %s", code, b)
	}
	if _, again := dst.send(t, "GET", "/v1/export?format=claimreview", "", nil); again != exported {
		t.Errorf("export of the copy differs:\n%s\nwant\n%s", again, exported)
	}
	var full struct {
		Graph []json.RawMessage `json:"@graph"`
	}
	decode(t, fixture, &full)
	for _, d := range []string{string(full.Graph[1]), "[" + string(full.Graph[0]) + "]"} {
		if code, b := dst.do(t, "POST", "/v1/import/claimreview", d); code != http.StatusOK {
			t.Errorf("import %.60s: %d %s", d, code, b)
		}
	}
	for _, c := range []struct{ body, words string }{
		{`{"@type": "ClaimReview"}`, "$.claimReviewed"},
		{`[{"@type": "ClaimReview", "claimReviewed": "x", "itemReviewed": {"author": 5}}]`, "$[0].itemReviewed.author"},
		{"{\n\"@type\": ,\n}", "line 2"},
	} {
		if code, b := s.do(t, "POST", "/v1/import/claimreview", c.body); code != http.StatusBadRequest || !strings.Contains(string(b), c.words) {
			t.Errorf("import %s: %d %s, want 400 naming %s", c.body, code, b, c.words)
		}
	}
}
