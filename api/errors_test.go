package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/api"
)

// TestErrors sends bad requests and checks each gets its status, one error
// shape naming the problem, and leaves the store as it was.
func TestErrors(t *testing.T) {
	s := newServer(t, api.Options{MaxBodyBytes: 64 << 10})
	seed := postSeed(t, s)
	before, err := s.store.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, method, path, body string
		status                   int
		code, mention            string
	}{
		{"malformed JSON", "POST", "/v1/articles", `{"text": "x"`, 400, "bad_request", "malformed JSON"},
		{"syntax error", "POST", "/v1/articles", `{"text" "x"}`, 400, "bad_request", "malformed JSON"},
		{"empty body", "POST", "/v1/articles", ``, 400, "bad_request", "empty"},
		{"not an object", "POST", "/v1/articles", `["text"]`, 400, "bad_request", "JSON object"},
		{"unknown field", "POST", "/v1/articles", `{"text": "Armenia said so.", "autor": "x"}`, 400, "bad_request", `"autor"`},
		{"wrong type", "POST", "/v1/articles", `{"text": 42}`, 400, "bad_request", `"text"`},
		{"trailing data", "POST", "/v1/articles", `{"text": "Armenia said so."} {}`, 400, "bad_request", "more after"},
		{"invalid UTF-8", "POST", "/v1/articles", "{\"text\": \"Armenia \xff said so.\"}", 400, "bad_request", "UTF-8"},
		{"bad date", "POST", "/v1/articles", `{"text": "Armenia said so.", "published": "last Friday"}`, 400, "bad_request", "published"},
		{"bad url", "POST", "/v1/articles", `{"text": "Armenia said so.", "url": "not a url"}`, 400, "invalid", "url"},
		{"empty text", "POST", "/v1/articles", `{"text": "  \n "}`, 422, "unprocessable", "empty"},
		{"binary text", "POST", "/v1/articles", `{"text": "\u0000\u0001\u0002PK"}`, 422, "unprocessable", "binary"},
		{"no words", "POST", "/v1/articles", `{"text": "12 34 -- 56"}`, 422, "unprocessable", "no words"},
		{"too large", "POST", "/v1/articles", `{"text": "` + strings.Repeat("word ", 20000) + `"}`, 413, "too_large", "larger than"},
		{"unknown parameter", "GET", "/v1/claims?speker=Armenia", "", 400, "bad_request", `"speker"`},
		{"bad speech act", "GET", "/v1/claims?act=shout", "", 400, "bad_request", `"shout"`},
		{"bad limit", "GET", "/v1/claims?limit=0", "", 400, "bad_request", "limit"},
		{"bad offset", "GET", "/v1/claims?offset=-1", "", 400, "bad_request", "offset"},
		{"bad from", "GET", "/v1/claims?from=yesterday", "", 400, "bad_request", "from"},
		{"unknown speaker", "GET", "/v1/claims?speaker=Atlantis", "", 404, "not_found", "Atlantis"},
		{"unknown claim", "GET", "/v1/claims/0000000000000000", "", 404, "not_found", "0000000000000000"},
		{"unknown actor", "GET", "/v1/actors/atlantis", "", 404, "not_found", "atlantis"},
		{"bad role", "GET", "/v1/actors/armenia/claims?role=boss", "", 400, "bad_request", "role"},
		{"unknown article", "DELETE", "/v1/articles/0000000000000000", "", 404, "not_found", "0000000000000000"},
		{"no route", "GET", "/v2/claims", "", 404, "not_found", "/v2/claims"},
		{"wrong method", "PUT", "/v1/claims", "", 405, "method_not_allowed", "PUT"},
		{"claim without speaker", "POST", "/v1/claims", `{"article": "` + seed.Article.ID + `", "content": {"text": "x"}}`, 400, "bad_request", "speaker"},
		{"claim without source", "POST", "/v1/claims", `{"speaker": {"name": "Iran"}, "content": {"text": "x"}}`, 400, "bad_request", "source"},
		{"claim on unknown article", "POST", "/v1/claims", `{"article": "0000000000000000", "speaker": {"name": "Iran"}, "content": {"text": "x"}}`, 404, "not_found", "0000000000000000"},
		{"claim span outside text", "POST", "/v1/claims", `{"article": "` + seed.Article.ID + `", "speaker": {"name": "Iran"}, "content": {"text": "x", "start": 9000, "end": 9001}}`, 400, "invalid", "outside"},
		{"claim text not at span", "POST", "/v1/claims", `{"article": "` + seed.Article.ID + `", "speaker": {"name": "Iran"}, "content": {"text": "Moscow", "start": 7, "end": 13}}`, 400, "invalid", "does not match"},
		{"claim bad act", "POST", "/v1/claims", `{"source": {"url": "https://example.org/a"}, "speaker": {"name": "Iran"}, "speech_act": "mumble", "content": {"text": "x"}}`, 400, "bad_request", "mumble"},
		{"claim bad kind", "POST", "/v1/claims", `{"source": {"url": "https://example.org/a"}, "speaker": {"name": "Iran", "kind": "planet"}, "content": {"text": "x"}}`, 400, "bad_request", "planet"},
		{"claim bad confidence", "POST", "/v1/claims", `{"source": {"url": "https://example.org/a"}, "speaker": {"name": "Iran"}, "content": {"text": "x"}, "confidence": 2}`, 400, "invalid", "confidence"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, b := s.do(t, tc.method, tc.path, tc.body)
			var e struct{ Error, Code string }
			decode(t, b, &e)
			if code != tc.status || e.Code != tc.code || !strings.Contains(e.Error, tc.mention) {
				t.Errorf("%s %s: %d %s, want %d %s mentioning %q", tc.method, tc.path, code, b, tc.status, tc.code, tc.mention)
			}
		})
	}
	after, err := s.store.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("bad requests changed the store (-before +after):\n%s", diff)
	}
	if code, _ := s.do(t, "GET", "/healthz", ""); code != http.StatusOK {
		t.Errorf("healthz after errors: %d", code)
	}
}
