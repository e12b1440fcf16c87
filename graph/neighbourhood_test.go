package graph

import (
	"cmp"
	"context"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/schema"
)

// sortedIDs lists the IDs of nodes, sorted, to compare as sets.
func sortedIDs(nodes []GraphNode) []string {
	var out []string
	for _, n := range nodes {
		out = append(out, idOf(n.ID))
	}
	slices.Sort(out)
	return out
}

func testNeighbourhood(t *testing.T, s *Store) {
	ctx := context.Background()
	k := newCorpus(t)
	add(t, s, k.a1, k.claims1)
	add(t, s, k.a2, k.claims2)
	type edge struct{ Source, Target, Label string }
	edges := func(g Subgraph) []edge {
		var out []edge
		for _, e := range g.Edges {
			out = append(out, edge{idOf(e.Source), idOf(e.Target), e.Label})
		}
		slices.SortFunc(out, func(a, b edge) int {
			return cmp.Compare(a.Source+" "+a.Target+" "+a.Label, b.Source+" "+b.Target+" "+b.Label)
		})
		return out
	}
	g, err := s.Neighbourhood(ctx, "Armenia", 1, 0)
	if err != nil {
		t.Fatal(err)
	}
	if g.Nodes[0].ID != "urn:claimgraph:actor:armenia" || g.Nodes[0].Type != "actor" || g.Nodes[0].Label != "Armenia" || g.Truncated {
		t.Errorf("focus = %+v, truncated %v; want Armenia first", g.Nodes[0], g.Truncated)
	}
	cathedral := k.c1.Event.ID
	wantNodes := []string{"afp", "armenia", "azerbaijan", cathedral, "leyla-abdullayeva", "russia"}
	if diff := gocmp.Diff(wantNodes, sortedIDs(g.Nodes)); diff != "" {
		t.Errorf("nodes (-want +got):\n%s", diff)
	}
	wantEdges := []edge{
		{"armenia", "azerbaijan", "accused"}, {"armenia", cathedral, "accused"}, {"armenia", "russia", "appealed to"},
		{"leyla-abdullayeva", "afp", "told AFP"}, {"leyla-abdullayeva", "armenia", "denied"}, {"leyla-abdullayeva", cathedral, "denied"},
		{"russia", "armenia", "warned"}, {"russia", "azerbaijan", "warned"},
	}
	if diff := gocmp.Diff(wantEdges, edges(g)); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
	g, err = s.Neighbourhood(ctx, "azerbaijan", 2, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(edges(g), edge{"leyla-abdullayeva", "azerbaijan", "member of"}) {
		t.Errorf("depth 2 from Azerbaijan: no affiliation edge in %v", edges(g))
	}
	for _, e := range g.Edges {
		// Both articles name Leyla, each with her affiliation: one edge still.
		if e.Label == "member of" && e.Count != 1 {
			t.Errorf("affiliation edge %+v: want count 1", e)
		}
	}
	g, err = s.Neighbourhood(ctx, "Armenia", 1, 3)
	if err != nil || len(g.Nodes) != 3 || !g.Truncated {
		t.Fatalf("limit 3: %d nodes, truncated %v, %v; want 3, true", len(g.Nodes), g.Truncated, err)
	}
	in := map[string]bool{}
	for _, n := range g.Nodes {
		in[n.ID] = true
	}
	for _, e := range g.Edges {
		if !in[e.Source] || !in[e.Target] {
			t.Errorf("edge %+v leaves the 3 nodes", e)
		}
	}
	g, err = s.Neighbourhood(ctx, "AFP", 1, 0)
	wantEdges = []edge{{"leyla-abdullayeva", "afp", "told AFP"}, {"leyla-abdullayeva", "armenia", "denied"},
		{"leyla-abdullayeva", cathedral, "denied"}} // the claim told to AFP, whole
	if diff := gocmp.Diff(wantEdges, edges(g)); err != nil || diff != "" {
		t.Errorf("from AFP (-want +got):\n%s%v", diff, err)
	}
	// Full after the cathedral's two claims: one step further, the claims of
	// Armenia (and the rest) are left out; no affiliation leaves the 5 nodes.
	for depth, truncated := range []bool{1: false, 2: true} {
		if depth == 0 {
			continue
		}
		g, err = s.Neighbourhood(ctx, cathedral, depth, 5)
		if err != nil || len(g.Nodes) != 5 || g.Truncated != truncated {
			t.Errorf("from the cathedral, depth %d, limit 5: %d nodes, truncated %v, %v; want 5, %v", depth, len(g.Nodes), g.Truncated, err, truncated)
		}
	}
	// A new member of Azerbaijan shows once the graph has been drawn before
	// (the direct members are cached until an affiliation changes).
	mod := schema.NewActor("Azerbaijan defence ministry", schema.KindGovernment)
	mod.Affiliation = "urn:claimgraph:actor:azerbaijan"
	a3 := schema.NewArticle("The Azerbaijan defence ministry said its forces held the line.", "")
	add(t, s, a3, []schema.Claim{newClaim(t, a3, "The Azerbaijan defence ministry", []schema.Actor{mod}, "said",
		"its forces held the line", a3.Text, schema.Assert)})
	g, err = s.Neighbourhood(ctx, "azerbaijan", 1, 0)
	if err != nil || !slices.Contains(edges(g), edge{"azerbaijan-defence-ministry", "azerbaijan", "member of"}) {
		t.Errorf("from Azerbaijan after a new member: %v, %v", edges(g), err)
	}
	_, err = s.Neighbourhood(ctx, "Armenia", 4, 0)
	wantErr(t, err, schema.ErrInvalid, "depth")
	_, err = s.Neighbourhood(ctx, "nobody", 1, 0)
	wantErr(t, err, schema.ErrNotFound, `"nobody"`)
}
