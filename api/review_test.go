package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/schema"
)

// reviewedClaim is GET /v1/claims/{id}.
type reviewedClaim struct {
	schema.Claim
	Reviews []schema.Review `json:"reviews"`
}

// authed sends a request with the bearer token.
func (s testServer) authed(t testing.TB, method, path, body, token string) (int, []byte) {
	t.Helper()
	resp, b := s.send(t, method, path, body, map[string]string{"Authorization": "Bearer " + token})
	return resp.StatusCode, []byte(b)
}

func targetNames(c schema.Claim) []string {
	var out []string
	for _, a := range c.Targets {
		out = append(out, a.Name)
	}
	return out
}

func TestReviewClaim(t *testing.T) {
	const token = "s3cret-review-token"
	s := newServer(t, api.Options{Token: token})
	seed := mustJSON(t, map[string]string{"text": fixtures.SeedArticle, "outlet": "AFP", "published": "2020-10-09"})
	code, b := s.authed(t, "POST", "/v1/articles", seed, token)
	if code != http.StatusCreated {
		t.Fatalf("POST seed: %d %s", code, b)
	}
	var art articleResp
	decode(t, b, &art)
	claim, ok := cathedral(art.Claims)
	if !ok {
		t.Fatal("no cathedral claim in the seed")
	}
	path := "/v1/claims/" + claim.ID
	body := `{"status":"disputed","reason":"the army is the target","correction":{"targets":[{"name":"Azerbaijani army","kind":"organization"}]}}`
	if code, b := s.do(t, "POST", path+"/review", body); code != http.StatusUnauthorized {
		t.Fatalf("review without token: %d %s, want 401", code, b)
	}
	code, b = s.authed(t, "POST", path+"/review", body, token)
	if code != http.StatusCreated {
		t.Fatalf("review: %d %s", code, b)
	}
	var res struct {
		Claim  schema.Claim  `json:"claim"`
		Review schema.Review `json:"review"`
	}
	decode(t, b, &res)
	if got := targetNames(res.Claim); len(got) != 1 || got[0] != "Azerbaijani army" || res.Claim.Review != schema.Disputed {
		t.Errorf("reviewed claim targets %v, status %q; want the army, disputed", got, res.Claim.Review)
	}
	if !strings.HasPrefix(res.Review.Reviewer, "token:") || strings.Contains(string(b), token) {
		t.Errorf("reviewer = %q: want a token identity, never the token", res.Review.Reviewer)
	}
	checkClaimViews(t, s, path, targetNames(claim))

	for _, c := range []struct {
		name, path, body string
		code             int
		words            string
	}{
		{"bad status", path + "/review", `{"status":"maybe","reason":"x"}`, 400, "maybe"},
		{"no reason", path + "/review", `{"status":"wrong"}`, 400, "reason"},
		{"unknown field", path + "/review", `{"status":"wrong","reason":"x","why":1}`, 400, "why"},
		{"empty correction", path + "/review", `{"status":"wrong","reason":"x","correction":{}}`, 400, "corrects nothing"},
		{"bad span", path + "/review", `{"status":"wrong","reason":"x","correction":{"content":{"start":0,"end":3,"text":"zzz"}}}`, 400, "content"},
		{"no claim", "/v1/claims/nope/review", `{"status":"wrong","reason":"x"}`, 404, "nope"},
	} {
		code, b := s.authed(t, "POST", c.path, c.body, token)
		if code != c.code || !strings.Contains(string(b), c.words) {
			t.Errorf("%s: %d %s, want %d mentioning %q", c.name, code, b, c.code, c.words)
		}
	}

	// Re-ingest: the review and its correction survive.
	if code, b := s.authed(t, "DELETE", "/v1/articles/"+art.Article.ID, "", token); code != http.StatusNoContent {
		t.Fatalf("DELETE: %d %s", code, b)
	}
	if code, b := s.authed(t, "POST", "/v1/articles", seed, token); code != http.StatusCreated {
		t.Fatalf("POST seed again: %d %s", code, b)
	}
	checkClaimViews(t, s, path, targetNames(claim))
}

// checkClaimViews checks the corrected and the extracted views of a claim
// reviewed once, and that queries follow the correction.
func checkClaimViews(t *testing.T, s testServer, path string, extracted []string) {
	t.Helper()
	var got reviewedClaim
	code, b := s.do(t, "GET", path, "")
	if code != http.StatusOK {
		t.Fatalf("GET claim: %d %s", code, b)
	}
	decode(t, b, &got)
	if len(got.Reviews) != 1 || got.Reviews[0].Reason != "the army is the target" || targetNames(got.Claim)[0] != "Azerbaijani army" {
		t.Errorf("GET claim: targets %v, reviews %+v", targetNames(got.Claim), got.Reviews)
	}
	code, b = s.do(t, "GET", path+"?as=extracted", "")
	decode(t, b, &got)
	if code != http.StatusOK || strings.Join(targetNames(got.Claim), ",") != strings.Join(extracted, ",") || got.Review != schema.Unreviewed {
		t.Errorf("GET ?as=extracted: %d targets %v status %q, want %v unreviewed", code, targetNames(got.Claim), got.Review, extracted)
	}
	if code, b := s.do(t, "GET", path+"?as=bogus", ""); code != http.StatusBadRequest {
		t.Errorf("GET ?as=bogus: %d %s", code, b)
	}
	code, b = s.do(t, "GET", "/v1/claims?target=Azerbaijani+army", "")
	var page struct{ Claims []json.RawMessage }
	decode(t, b, &page)
	if code != http.StatusOK || len(page.Claims) != 1 {
		t.Errorf("claims about the army: %d, %d claims, want 1", code, len(page.Claims))
	}
}
