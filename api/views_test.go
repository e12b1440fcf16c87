package api_test

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/fixtures/pgtest"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

// viewText is the article the query endpoints are tested on: Armenia
// accuses Azerbaijan; a spokeswoman of Azerbaijan's (by affiliation) denies
// it to AFP; Russia warns both.
const viewText = "Armenia accused Azerbaijan of shelling the cathedral in Shusha. " +
	"Spokeswoman Leyla Abdullayeva told AFP that Baku never targets cultural sites. " +
	"Russia warned Armenia against escalation."

// viewClaim builds a claim of a whose parts are found in its (ASCII) text.
func viewClaim(t testing.TB, a schema.Article, speaker schema.Actor, mention, cue, content string, act schema.SpeechAct, targets ...schema.Actor) schema.Claim {
	t.Helper()
	span := func(s string) schema.Span {
		i := strings.Index(a.Text, s)
		if i < 0 {
			t.Fatalf("%q not in the text", s)
		}
		return schema.Span{Start: i, End: i + len(s), Text: s}
	}
	c := schema.Claim{Article: a.IRI, Speaker: schema.Speaker{Span: span(mention), Actors: []schema.Actor{speaker}},
		Cue: span(cue), Content: span(content), SpeechAct: act, Targets: targets,
		Extractor: "test", Confidence: 0.9, Review: schema.Unreviewed}
	return c
}

// viewServer is an API over a store of the backend holding the view article.
func viewServer(t *testing.T, backend string) testServer {
	t.Helper()
	address := filepath.Join(t.TempDir(), "claims.bolt")
	if backend == "postgres" {
		address = pgtest.New(t)
	}
	store, err := graph.Open(context.Background(), backend, address)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.New(store, api.Options{}))
	t.Cleanup(func() {
		srv.Close()
		store.Close()
	})
	armenia, azerbaijan := schema.NewActor("Armenia", schema.KindCountry), schema.NewActor("Azerbaijan", schema.KindCountry)
	russia := schema.NewActor("Russia", schema.KindCountry)
	leyla := schema.NewActor("Leyla Abdullayeva", schema.KindPerson)
	leyla.Affiliation = azerbaijan.IRI
	afp := schema.NewOutlet("AFP")
	cathedral := schema.NewEvent("cathedral shelling")
	a := schema.NewArticle(viewText, "https://example.org/view")
	a.Outlet, a.Published = &afp, time.Date(2020, 10, 8, 18, 0, 0, 0, time.UTC)
	c1 := viewClaim(t, a, armenia, "Armenia", "accused", "of shelling the cathedral in Shusha", schema.Accuse, azerbaijan)
	c1.Event, c1.Date = &cathedral, time.Date(2020, 10, 8, 9, 0, 0, 0, time.UTC)
	c2 := viewClaim(t, a, leyla, "Leyla Abdullayeva", "told", "Baku never targets cultural sites", schema.Deny, armenia)
	c2.Event, c2.Outlet, c2.Date = &cathedral, &afp, time.Date(2020, 10, 8, 10, 0, 0, 0, time.UTC)
	c3 := viewClaim(t, a, russia, "Russia", "warned", "against escalation", schema.Warn, armenia)
	c3.Date = time.Date(2020, 10, 8, 11, 0, 0, 0, time.UTC)
	claims := []schema.Claim{c1, c2, c3}
	for i := range claims {
		claims[i].SetID()
	}
	if _, _, err := store.AddArticle(context.Background(), a, claims); err != nil {
		t.Fatal(err)
	}
	return testServer{srv, store}
}

// jsonPath walks a decoded JSON value by object keys and array indexes.
func jsonPath(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

// viewCase is one request and what its answer must hold: the status, and
// values at paths into the JSON body (numbers as float64).
type viewCase struct {
	name, path string
	status     int
	want       map[string]any // "a.b.0.c" → value; "#a.b" → length of the array a.b
}

func runViewCases(t *testing.T, s testServer, cases []viewCase) {
	t.Helper()
	for _, tc := range cases {
		code, b := s.do(t, "GET", tc.path, "")
		if code != tc.status {
			t.Errorf("%s: GET %s = %d %s, want %d", tc.name, tc.path, code, b, tc.status)
			continue
		}
		var body any
		decode(t, b, &body)
		for path, want := range tc.want {
			got := lookup(body, path)
			if got != want {
				t.Errorf("%s: GET %s: %s = %v, want %v\n%s", tc.name, tc.path, path, got, want, b)
			}
		}
	}
}

// lookup reads a dotted path; a leading # asks for an array's length.
func lookup(body any, path string) any {
	count := strings.HasPrefix(path, "#")
	var keys []any
	for _, k := range strings.Split(strings.TrimPrefix(path, "#"), ".") {
		if n, ok := index(k); ok {
			keys = append(keys, n)
		} else {
			keys = append(keys, k)
		}
	}
	v := jsonPath(body, keys...)
	if count {
		a, _ := v.([]any)
		return float64(len(a))
	}
	return v
}

func index(k string) (int, bool) {
	n := 0
	for _, r := range k {
		if r < '0' || r > '9' {
			return 0, false
		}
		n = n*10 + int(r-'0')
	}
	return n, k != ""
}

func TestViews(t *testing.T) {
	for _, backend := range []string{"memstore", "bolt", "postgres"} {
		t.Run(backend, func(t *testing.T) { runViewCases(t, viewServer(t, backend), viewCases) })
	}
}
