package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

// bridgeArticle is a second article for the batch tests, invented.
const bridgeArticle = `The city council said on Monday that the old bridge would reopen in May.
"We are ready for the traffic," the mayor told Reuters, adding that the repairs had cost less than planned.`

type batchItem struct {
	ID      string `json:"id"`
	Created bool   `json:"created"`
	Claims  int    `json:"claims"`
}

type batchResp struct {
	Articles []batchItem `json:"articles"`
	Created  int         `json:"created"`
	Claims   int         `json:"claims"`
}

// TestArticleBatch: a batch stores each new article with the claims a
// single POST finds in it, reports each article (one given twice is
// created once), and a batch with one bad article stores nothing and names
// it.
func TestArticleBatch(t *testing.T) {
	one, many := newServer(t, api.Options{}), newServer(t, api.Options{})
	var singles []articleResp
	for _, text := range []string{fixtures.SeedArticle, bridgeArticle} {
		code, b := one.do(t, "POST", "/v1/articles", mustJSON(t, map[string]string{"text": text, "outlet": "AFP"}))
		if code != http.StatusCreated {
			t.Fatalf("single POST: %d %s", code, b)
		}
		var r articleResp
		decode(t, b, &r)
		singles = append(singles, r)
	}
	body := mustJSON(t, map[string]any{"articles": []map[string]string{
		{"text": fixtures.SeedArticle, "outlet": "AFP"}, {"text": bridgeArticle, "outlet": "AFP"}, {"text": fixtures.SeedArticle, "outlet": "AFP"},
	}})
	code, b := many.do(t, "POST", "/v1/articles/batch", body)
	if code != http.StatusOK {
		t.Fatalf("POST batch: %d %s", code, b)
	}
	var got batchResp
	decode(t, b, &got)
	seedN, bridgeN := len(singles[0].Claims), len(singles[1].Claims)
	if seedN == 0 || bridgeN == 0 {
		t.Fatalf("single POSTs found %d and %d claims; the test needs some in each", seedN, bridgeN)
	}
	want := batchResp{Articles: []batchItem{{singles[0].Article.ID, true, seedN}, {singles[1].Article.ID, true, bridgeN},
		{singles[0].Article.ID, false, seedN}}, Created: 2, Claims: seedN + bridgeN}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("batch answer (-want +got):\n%s", diff)
	}
	for _, r := range singles {
		path := "/v1/articles/" + r.Article.ID + "/claims?limit=500"
		_, wantB := one.do(t, "GET", path, "")
		_, gotB := many.do(t, "GET", path, "")
		var wantPage, gotPage graph.Page
		decode(t, wantB, &wantPage)
		decode(t, gotB, &gotPage)
		if diff := cmp.Diff(wantPage, gotPage); diff != "" {
			t.Errorf("claims of %s, single POST vs batch (-single +batch):\n%s", r.Article.ID, diff)
		}
	}

	code, b = many.do(t, "POST", "/v1/articles/batch", body)
	decode(t, b, &got)
	if code != http.StatusOK || got.Created != 0 || got.Claims != 0 || got.Articles[1].Claims != bridgeN {
		t.Errorf("the same batch again: %d %s; want nothing created", code, b)
	}

	fresh := "The minister said on Tuesday that talks would resume."
	for _, tc := range []struct {
		name, body string
		code       int
		words      []string
	}{
		{"bad article", mustJSON(t, map[string]any{"articles": []map[string]string{{"text": fresh}, {"text": "  "}}}),
			http.StatusUnprocessableEntity, []string{"article 2 of 2", "text is empty"}},
		{"bad date", mustJSON(t, map[string]any{"articles": []map[string]string{{"text": fresh, "published": "soon"}}}),
			http.StatusBadRequest, []string{"article 1 of 1", "published"}},
		{"empty", `{"articles": []}`, http.StatusUnprocessableEntity, []string{"empty"}},
		{"too many", `{"articles": [` + strings.Repeat(`{"text": "x"},`, api.MaxBatch) + `{"text": "x"}]}`,
			http.StatusUnprocessableEntity, []string{"1001", "1000"}},
		{"unknown field", `{"articles": [{"txt": "x"}]}`, http.StatusBadRequest, []string{"txt"}},
	} {
		code, b := many.do(t, "POST", "/v1/articles/batch", tc.body)
		if code != tc.code {
			t.Errorf("%s: %d %s, want %d", tc.name, code, b, tc.code)
		}
		for _, w := range tc.words {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s: %s does not mention %q", tc.name, b, w)
			}
		}
	}
	if code, b := many.do(t, "GET", "/v1/articles/"+schema.NewArticle(fresh, "").ID, ""); code != http.StatusNotFound {
		t.Errorf("the good article of a refused batch: %d %s; want 404, nothing stored", code, b)
	}
}
