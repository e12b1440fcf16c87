package api_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

type articleResp struct {
	Article schema.Article `json:"article"`
	Claims  []schema.Claim `json:"claims"`
	Created bool           `json:"created"`
}

func postSeed(t *testing.T, s testServer) articleResp {
	t.Helper()
	body := mustJSON(t, map[string]string{"text": fixtures.SeedArticle, "outlet": "AFP", "published": "2020-10-09"})
	code, b := s.do(t, "POST", "/v1/articles", body)
	if code != http.StatusCreated {
		t.Fatalf("POST seed: %d %s", code, b)
	}
	var r articleResp
	decode(t, b, &r)
	return r
}

// cathedral finds the seed's accusation over the cathedral shelling.
func cathedral(claims []schema.Claim) (schema.Claim, bool) {
	i := slices.IndexFunc(claims, func(c schema.Claim) bool { return strings.Contains(c.Content.Text, "Ghazanchetsots") })
	if i < 0 {
		return schema.Claim{}, false
	}
	return claims[i], true
}

func TestArticleLifecycle(t *testing.T) {
	s := newServer(t, api.Options{})
	first := postSeed(t, s)
	if !first.Created || len(first.Claims) < 10 {
		t.Fatalf("first post: created=%v, %d claims", first.Created, len(first.Claims))
	}
	code, b := s.do(t, "POST", "/v1/articles", mustJSON(t, map[string]string{"text": fixtures.SeedArticle, "outlet": "AFP", "published": "2020-10-09"}))
	var again articleResp
	decode(t, b, &again)
	if code != http.StatusOK || again.Created {
		t.Fatalf("second post: %d created=%v", code, again.Created)
	}
	ids := func(cs []schema.Claim) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.ID)
		}
		slices.Sort(out)
		return out
	}
	if diff := cmp.Diff(ids(first.Claims), ids(again.Claims)); diff != "" {
		t.Errorf("second post returned other claims (-first +again):\n%s", diff)
	}

	for _, q := range []string{"speaker=Armenia&target=Azerbaijan", "speaker=armenia&target=AZERBAIJAN",
		"speaker=" + url.QueryEscape(schema.IRI("actor", "armenia")) + "&target=azerbaijan&act=accuse"} {
		code, b := s.do(t, "GET", "/v1/claims?"+q, "")
		var page graph.Page
		decode(t, b, &page)
		c, ok := cathedral(page.Claims)
		if code != http.StatusOK || !ok {
			t.Fatalf("GET /v1/claims?%s: %d, no cathedral claim in %s", q, code, b)
		}
		if c.Article != first.Article.IRI || c.SpeechAct != schema.Accuse || !strings.Contains(c.Sentence.Text, c.Content.Text) {
			t.Errorf("cathedral claim: article %q act %q sentence %q", c.Article, c.SpeechAct, c.Sentence.Text)
		}
	}

	c, _ := cathedral(first.Claims)
	code, b = s.do(t, "GET", "/v1/claims/"+c.ID, "")
	var got schema.Claim
	decode(t, b, &got)
	if code != http.StatusOK || got.Content != c.Content || got.Sentence.Text == "" {
		t.Errorf("GET claim: %d content %+v sentence %q", code, got.Content, got.Sentence.Text)
	}

	code, b = s.do(t, "GET", "/v1/actors/Azerbaijan/claims?role=target", "")
	var about graph.Page
	decode(t, b, &about)
	if _, ok := cathedral(about.Claims); code != http.StatusOK || !ok {
		t.Errorf("claims about Azerbaijan: %d, cathedral missing: %s", code, b)
	}
	code, b = s.do(t, "GET", "/v1/actors/armenia", "")
	var prof graph.Profile
	decode(t, b, &prof)
	if code != http.StatusOK || prof.Actor.Name != "Armenia" || prof.Said == 0 {
		t.Errorf("GET actor: %d %+v", code, prof)
	}

	if code, b := s.do(t, "DELETE", "/v1/articles/"+first.Article.ID, ""); code != http.StatusNoContent {
		t.Fatalf("DELETE: %d %s", code, b)
	}
	if code, _ := s.do(t, "GET", "/v1/claims/"+c.ID, ""); code != http.StatusNotFound {
		t.Errorf("claim after DELETE: %d, want 404", code)
	}
	if code, _ := s.do(t, "DELETE", "/v1/articles/"+first.Article.ID, ""); code != http.StatusNotFound {
		t.Errorf("second DELETE: %d, want 404", code)
	}
	st, err := s.store.Stats(t.Context())
	if err != nil || st.Quads != 0 {
		t.Errorf("after DELETE: %+v %v, want an empty store", st, err)
	}
}

func TestCreateClaim(t *testing.T) {
	s := newServer(t, api.Options{})
	body := `{"source": {"url": "https://example.org/statement", "outlet": "TASS", "published": "2020-10-10"},
	  "speaker": {"name": "Azerbaijan", "kind": "country"}, "speech_act": "deny", "cue": {"text": "denied"},
	  "content": {"text": "its forces shelled the cathedral"}, "targets": [{"name": "Armenia"}], "outlet": "TASS"}`
	code, b := s.do(t, "POST", "/v1/claims", body)
	if code != http.StatusCreated {
		t.Fatalf("POST claim: %d %s", code, b)
	}
	var c schema.Claim
	decode(t, b, &c)
	if code, b := s.do(t, "POST", "/v1/claims", body); code != http.StatusConflict {
		t.Errorf("same claim again: %d %s, want 409", code, b)
	}
	code, b = s.do(t, "GET", "/v1/claims?speaker=azerbaijan&target=armenia&act=deny&outlet=tass", "")
	var page graph.Page
	decode(t, b, &page)
	if code != http.StatusOK || page.Total != 1 || page.Claims[0].ID != c.ID || page.Claims[0].Extractor != "manual" {
		t.Errorf("hand-entered claim not found by its filters: %d %s", code, b)
	}
}

// TestConflicts enters two claims about one event with different death
// tolls and a third that agrees, and asks for the first one's conflicts.
func TestConflicts(t *testing.T) {
	s := newServer(t, api.Options{})
	post := func(speaker, url string, deaths float64) schema.Claim {
		body := mustJSON(t, map[string]any{"source": map[string]string{"url": url},
			"speaker": map[string]string{"name": speaker}, "event": "shelling of Stepanakert",
			"content":    map[string]string{"text": "soldiers died"},
			"quantities": []map[string]any{{"value": deaths, "measure": "Deaths", "text": "soldiers"}}})
		code, b := s.do(t, "POST", "/v1/claims", body)
		if code != http.StatusCreated {
			t.Fatalf("POST claim: %d %s", code, b)
		}
		var c schema.Claim
		decode(t, b, &c)
		return c
	}
	armenia := post("Armenia", "https://example.org/1", 350)
	azerbaijan := post("Azerbaijan", "https://example.org/2", 120)
	post("Russia", "https://example.org/3", 350)
	code, b := s.do(t, "GET", "/v1/claims/"+armenia.ID+"/conflicts", "")
	var got graph.Conflicts
	decode(t, b, &got)
	if code != http.StatusOK || got.Claim.ID != armenia.ID || len(got.Conflicts) != 1 ||
		got.Conflicts[0].Claim.ID != azerbaijan.ID || got.Conflicts[0].Other != 120 || got.Conflicts[0].Measure != "deaths" {
		t.Errorf("conflicts: %d %s", code, b)
	}
	if code, b := s.do(t, "GET", "/v1/claims/0000000000000000/conflicts", ""); code != http.StatusNotFound {
		t.Errorf("conflicts of an unknown claim: %d %s", code, b)
	}
	if code, b := s.do(t, "POST", "/v1/claims", `{"source": {"url": "https://example.org/4"}, "speaker": {"name": "Iran"}, "content": {"text": "x"}, "quantities": [{"value": 3}]}`); code != http.StatusBadRequest || !strings.Contains(string(b), "measure") {
		t.Errorf("quantity without a measure: %d %s", code, b)
	}
}
