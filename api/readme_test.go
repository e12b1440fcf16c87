package api_test

import (
	"os"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

// readmeGizmo returns the README's Gizmo examples: its ```js blocks.
func readmeGizmo(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var blocks []string
	rest := string(data)
	for {
		_, after, ok := strings.Cut(rest, "\n```js\n")
		if !ok {
			return blocks
		}
		block, after, ok := strings.Cut(after, "\n```\n")
		if !ok {
			t.Fatalf("README: unclosed ```js block: %.80s", after)
		}
		blocks, rest = append(blocks, block), after
	}
}

// postOther posts a second article, whose claims the README's label
// example must leave out.
func postOther(t *testing.T, s testServer) articleResp {
	t.Helper()
	code, b := s.do(t, "POST", "/v1/articles", `{"text": "Russia accused Ukraine of shelling the dam, the Kremlin said on Monday."}`)
	var other articleResp
	decode(t, b, &other)
	if code != 201 || len(other.Claims) == 0 {
		t.Fatalf("second article: %d %s", code, b)
	}
	return other
}

// TestReadmeGizmo runs the README's five Gizmo examples on the seed, so the
// documentation cannot drift from the graph.
func TestReadmeGizmo(t *testing.T) {
	want := []struct {
		name string
		has  []string
	}{
		{"accusations by Armenia", []string{cathedralTx, `"id":"<urn:claimgraph:actor:azerbaijan>"`, `"claim":"<urn:claimgraph:claim:`}},
		{"speakers on an event", []string{`"act":"accuse"`, `"speaker":"Armenia"`}},
		{"relayed by AFP", []string{`"speaker":"Maria Zakharova"`, "Baku and Yerevan"}},
		{"one article by label", []string{cathedralTx, "Baku and Yerevan"}},
		{"two hops", []string{`"accused":"<urn:claimgraph:actor:azerbaijan>"`, `"id":"<urn:claimgraph:actor:armenia>"`}},
	}
	blocks := readmeGizmo(t)
	if len(blocks) != len(want) {
		t.Fatalf("README has %d Gizmo examples, want %d", len(blocks), len(want))
	}
	s := newServer(t, apiOptions(graph.QueryOptions{}))
	seed := postSeed(t, s)
	other := postOther(t, s)
	for i, w := range want {
		t.Run(w.name, func(t *testing.T) {
			code, body, _ := s.query(t, "POST", "/api/v2/query?lang=gizmo", "", blocks[i])
			if code != 200 {
				t.Fatalf("%d %s\nquery:\n%s", code, body, blocks[i])
			}
			for _, h := range w.has {
				if !strings.Contains(body, h) {
					t.Errorf("result lacks %s:\n%.1000s", h, body)
				}
			}
		})
	}
	t.Run("every claim of the article", func(t *testing.T) {
		_, body, _ := s.query(t, "POST", "/api/v2/query?lang=gizmo", "", blocks[3])
		for _, c := range seed.Claims {
			if !strings.Contains(body, `"id":"<`+c.IRI+`>"`) {
				t.Errorf("claim %s missing", c.IRI)
			}
		}
		for _, c := range other.Claims {
			if strings.Contains(body, c.IRI) {
				t.Errorf("claim %s of another article included", c.IRI)
			}
		}
	})
}
