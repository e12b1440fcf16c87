package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/fixtures"
)

func TestMergeActors(t *testing.T) {
	const token = "merge-token"
	s := newServer(t, api.Options{Token: token})
	seed := mustJSON(t, map[string]string{"text": fixtures.SeedArticle})
	if code, b := s.authed(t, "POST", "/v1/articles", seed, token); code != http.StatusCreated {
		t.Fatalf("POST seed: %d %s", code, b)
	}
	total := func(speaker string) int {
		t.Helper()
		var page struct{ Total int }
		code, b := s.do(t, "GET", "/v1/claims?speaker="+strings.ReplaceAll(speaker, " ", "+"), "")
		if code != http.StatusOK {
			t.Fatalf("claims by %s: %d %s", speaker, code, b)
		}
		decode(t, b, &page)
		return page.Total
	}
	putin, kremlin := total("Vladimir Putin"), total("Presidency of Russia")
	if putin == 0 || kremlin == 0 {
		t.Fatalf("seed claims: Putin %d, Kremlin %d", putin, kremlin)
	}
	path := "/v1/actors/Vladimir%20Putin/merge"
	body := `{"into": "Presidency of Russia"}`
	if code, _ := s.do(t, "POST", path, body); code != http.StatusUnauthorized {
		t.Errorf("merge without the token: %d", code)
	}
	code, b := s.authed(t, "POST", path, body, token)
	var p struct {
		Actor struct{ Name string }
		Said  int
	}
	decode(t, b, &p)
	if code != http.StatusOK || p.Actor.Name != "Presidency of Russia" || p.Said != putin+kremlin {
		t.Fatalf("merge: %d %s; want the Kremlin saying %d", code, b, putin+kremlin)
	}
	if got := total("Presidency of Russia"); got != putin+kremlin {
		t.Errorf("claims by the Kremlin after the merge = %d, want %d", got, putin+kremlin)
	}
	for _, c := range []struct {
		method, path, body string
		code               int
		words              string
	}{
		{"POST", path, body, 409, "already merged"},
		{"POST", path, `{}`, 400, "into"},
		{"POST", path, `{"into": 5}`, 400, "into"},
		{"POST", "/v1/actors/Atlantis/merge", body, 404, "Atlantis"},
		{"POST", "/v1/actors/Iran/merge", `{"into": "Iran"}`, 400, "same actor"},
		{"DELETE", "/v1/actors/Iran/merge", "", 409, "not merged"},
	} {
		if code, b := s.authed(t, c.method, c.path, c.body, token); code != c.code || !strings.Contains(string(b), c.words) {
			t.Errorf("%s %s %s: %d %s, want %d mentioning %q", c.method, c.path, c.body, code, b, c.code, c.words)
		}
	}
	if code, b := s.authed(t, "DELETE", path, "", token); code != http.StatusOK {
		t.Fatalf("unmerge: %d %s", code, b)
	}
	if a, b := total("Vladimir Putin"), total("Presidency of Russia"); a != putin || b != kremlin {
		t.Errorf("after unmerge: Putin %d, Kremlin %d; want %d, %d", a, b, putin, kremlin)
	}
}
