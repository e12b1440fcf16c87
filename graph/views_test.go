package graph

import (
	"context"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/claimgraph/claimgraph/schema"
)

// chain is an article whose speakers hang off Russia by affiliation:
// Zakharova → the foreign ministry → Russia, and two bodies affiliated
// with each other, a loop a roll-up must survive.
type chain struct {
	a                   schema.Article
	ministry, zakharova schema.Actor
	c5, c6, c7          schema.Claim
	alpha, beta         schema.Actor
	all                 []schema.Claim
}

func newChain(t testing.TB, k corpus) chain {
	t.Helper()
	russia := storedActors(k.c4.Speaker.Actors)[0]
	var ch chain
	text := "Russia's foreign ministry said talks must go on. Maria Zakharova denied that Moscow took sides. Alpha Council said yes."
	ch.a = schema.NewArticle(text, "https://example.org/news/chain")
	ch.ministry = schema.NewActor("Russian foreign ministry", schema.KindGovernment)
	ch.ministry.Affiliation = russia.IRI
	ch.zakharova = schema.NewActor("Maria Zakharova", schema.KindPerson)
	ch.zakharova.Affiliation = ch.ministry.IRI
	ch.alpha, ch.beta = schema.NewActor("Alpha Council", schema.KindOrganization), schema.NewActor("Beta Council", schema.KindOrganization)
	ch.alpha.Affiliation, ch.beta.Affiliation = ch.beta.IRI, ch.alpha.IRI
	ch.c5 = newClaim(t, ch.a, "Russia's foreign ministry", []schema.Actor{ch.ministry}, "said", "talks must go on",
		"Russia's foreign ministry said talks must go on.", schema.Assert)
	ch.c5.Date = at(t, "2020-10-10T10:00:00Z")
	ch.c6 = newClaim(t, ch.a, "Maria Zakharova", []schema.Actor{ch.zakharova}, "denied", "that Moscow took sides",
		"Maria Zakharova denied that Moscow took sides.", schema.Deny)
	ch.c6.Targets, ch.c6.Date = []schema.Actor{storedActors(k.c1.Targets)[0]}, at(t, "2020-10-10T11:00:00Z")
	ch.c7 = newClaim(t, ch.a, "Alpha Council", []schema.Actor{ch.alpha}, "said", "yes", "Alpha Council said yes.", schema.Assert)
	ch.c7.Targets = []schema.Actor{ch.beta}
	ch.all = []schema.Claim{ch.c5, ch.c6, ch.c7}
	return ch
}

func testRollup(t *testing.T, s *Store) {
	ctx := context.Background()
	k := newCorpus(t)
	add(t, s, k.a1, k.claims1)
	add(t, s, k.a2, k.claims2)
	ch := newChain(t, k)
	add(t, s, ch.a, ch.all)
	for _, tc := range []struct {
		ref         string
		rollup      bool
		members     []string
		said, about int
		speaker     []string
	}{
		{"russia", true, []string{ch.zakharova.IRI, ch.ministry.IRI}, 3, 1, []string{ch.c6.ID, ch.c5.ID, k.c4.ID}},
		{"russia", false, nil, 1, 1, []string{k.c4.ID}},
		{"azerbaijan", true, []string{storedActors(k.c2.Speaker.Actors)[0].IRI}, 1, 3, []string{k.c2.ID}},
		{"azerbaijan", false, nil, 0, 3, nil},
		{"Alpha Council", true, []string{ch.beta.IRI}, 1, 1, []string{ch.c7.ID}},
	} {
		p, err := s.Actor(ctx, tc.ref, tc.rollup)
		if err != nil {
			t.Fatalf("Actor(%q, %v): %v", tc.ref, tc.rollup, err)
		}
		var members []string
		for _, m := range p.Members {
			members = append(members, m.IRI)
		}
		if diff := gocmp.Diff(tc.members, members); diff != "" || p.Members == nil || p.Rollup != tc.rollup {
			t.Errorf("Actor(%q, %v) members (-want +got):\n%s (rollup %v)", tc.ref, tc.rollup, diff, p.Rollup)
		}
		if p.Said != tc.said || p.About != tc.about {
			t.Errorf("Actor(%q, %v): said %d, about %d; want %d, %d", tc.ref, tc.rollup, p.Said, p.About, tc.said, tc.about)
		}
		if diff := gocmp.Diff(tc.speaker, ids(p.Speaker), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Actor(%q, %v) speaker claims (-want +got):\n%s", tc.ref, tc.rollup, diff)
		}
	}
	if diff := gocmp.Diff([]string{ch.c6.ID, ch.c5.ID, k.c4.ID}, claims(t, s, Filter{Speaker: "Russia", Rollup: true})); diff != "" {
		t.Errorf("Claims(speaker russia, rollup) (-want +got):\n%s", diff)
	}
	// Both sides roll up: Zakharova's denial about Azerbaijan counts.
	if diff := gocmp.Diff([]string{ch.c6.ID, k.c4.ID}, claims(t, s, Filter{Speaker: "Russia", Target: "Azerbaijan", Rollup: true})); diff != "" {
		t.Errorf("Claims(russia → azerbaijan, rollup) (-want +got):\n%s", diff)
	}
}

func testRelations(t *testing.T, s *Store) {
	ctx := context.Background()
	k := newCorpus(t)
	add(t, s, k.a1, k.claims1)
	add(t, s, k.a2, k.claims2)
	// Yerevan accuses Baku a second time, two days later.
	a3 := schema.NewArticle("Yerevan accused Baku of shelling Stepanakert.", "https://example.org/news/3")
	again := newClaim(t, a3, "Yerevan", k.c1.Speaker.Actors, "accused", "of shelling Stepanakert", a3.Text, schema.Accuse)
	again.Targets, again.Date = k.c1.Targets, at(t, "2020-10-10T09:00:00Z")
	add(t, s, a3, []schema.Claim{again})
	arm, aze := "urn:claimgraph:actor:armenia", "urn:claimgraph:actor:azerbaijan"
	rus, leyla := "urn:claimgraph:actor:russia", "urn:claimgraph:actor:leyla-abdullayeva"
	type cell struct {
		Speaker, Target string
		Act             schema.SpeechAct
		Count           int
	}
	for _, tc := range []struct {
		name          string
		f             Filter
		want          []cell
		total, claims int
	}{
		{"all", Filter{}, []cell{{arm, aze, schema.Accuse, 2}, {arm, rus, schema.Appeal, 1},
			{leyla, arm, schema.Deny, 1}, {rus, arm, schema.Warn, 1}, {rus, aze, schema.Warn, 1}}, 5, 5},
		{"limit", Filter{Limit: 1}, []cell{{arm, aze, schema.Accuse, 2}}, 5, 5},
		{"speaker", Filter{Speaker: "Armenia"}, []cell{{arm, aze, schema.Accuse, 2}, {arm, rus, schema.Appeal, 1}}, 2, 3},
		{"target and act", Filter{Target: "azerbaijan", SpeechAct: schema.Warn}, []cell{{rus, aze, schema.Warn, 1}}, 1, 1},
		{"no rollup", Filter{Speaker: "azerbaijan"}, nil, 0, 0},
		{"rollup folds members", Filter{Speaker: "azerbaijan", Rollup: true}, []cell{{aze, arm, schema.Deny, 1}}, 1, 1},
	} {
		got, err := s.Relations(ctx, tc.f)
		if err != nil {
			t.Fatalf("%s: Relations: %v", tc.name, err)
		}
		var cells []cell
		for _, r := range got.Relations {
			cells = append(cells, cell{r.Speaker.IRI, r.Target.IRI, r.Act, r.Count})
		}
		if diff := gocmp.Diff(tc.want, cells); diff != "" || got.Total != tc.total || got.Claims != tc.claims || got.Relations == nil {
			t.Errorf("%s: total %d, claims %d, want %d, %d; cells (-want +got):\n%s", tc.name, got.Total, got.Claims, tc.total, tc.claims, diff)
		}
	}
	got, err := s.Relations(ctx, Filter{Speaker: "armenia", SpeechAct: schema.Accuse})
	if err != nil || len(got.Relations) != 1 {
		t.Fatalf("Relations(armenia, accuse) = %+v, %v", got, err)
	}
	r := got.Relations[0]
	if !r.First.Equal(schema.NormTime(k.c1.Date)) || !r.Last.Equal(again.Date) || r.Speaker.Name != "Armenia" {
		t.Errorf("cell = %+v; want first %v, last %v, speaker Armenia", r, k.c1.Date, again.Date)
	}
	_, err = s.Relations(ctx, Filter{Speaker: "nobody"})
	wantErr(t, err, schema.ErrNotFound, `"nobody"`)
}

func testEvent(t *testing.T, s *Store) {
	ctx := context.Background()
	k := newCorpus(t)
	add(t, s, k.a1, k.claims1)
	add(t, s, k.a2, k.claims2)
	type group struct {
		Speaker string
		Act     schema.SpeechAct
		Count   int
		Claims  []string
	}
	groups := func(v EventView) []group {
		var out []group
		for _, side := range v.Sides {
			for _, g := range side.Acts {
				out = append(out, group{side.Speaker.Name, g.Act, g.Count, ids(g.Claims)})
			}
		}
		return out
	}
	for _, tc := range []struct {
		ref          string
		f            Filter
		want         []group
		total, shown int
	}{
		{"Ghazanchetsots Cathedral shelling", Filter{}, []group{
			{"Armenia", schema.Accuse, 1, []string{k.c1.ID}},
			{"Leyla Abdullayeva", schema.Deny, 1, []string{k.c2.ID}}}, 2, 2},
		{k.c1.Event.IRI, Filter{Limit: 1}, []group{
			{"Armenia", schema.Accuse, 1, nil},
			{"Leyla Abdullayeva", schema.Deny, 1, []string{k.c2.ID}}}, 2, 1},
		{k.c1.Event.ID, Filter{SpeechAct: schema.Deny}, []group{
			{"Leyla Abdullayeva", schema.Deny, 1, []string{k.c2.ID}}}, 1, 1},
	} {
		v, err := s.Event(ctx, tc.ref, tc.f)
		if err != nil {
			t.Fatalf("Event(%q): %v", tc.ref, err)
		}
		if diff := gocmp.Diff(tc.want, groups(v), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("Event(%q, %+v) groups (-want +got):\n%s", tc.ref, tc.f, diff)
		}
		if v.Total != tc.total || v.Shown != tc.shown || v.Event.Place != "Shusha" {
			t.Errorf("Event(%q): total %d, shown %d, event %+v; want %d, %d", tc.ref, v.Total, v.Shown, v.Event, tc.total, tc.shown)
		}
	}
	_, err := s.Event(ctx, "war of 1812", Filter{})
	wantErr(t, err, schema.ErrNotFound, `"war of 1812"`)
}

func testOutlet(t *testing.T, s *Store) {
	ctx := context.Background()
	k := newCorpus(t)
	add(t, s, k.a1, k.claims1)
	add(t, s, k.a2, k.claims2)
	v, err := s.Outlet(ctx, "afp", 0)
	if err != nil {
		t.Fatal(err)
	}
	if v.Outlet.Name != "AFP" || v.Told != 1 || v.Published != 1 || v.Claims != 2 {
		t.Errorf("Outlet(afp) = told %d, published %d, claims %d, %+v; want 1, 1, 2", v.Told, v.Published, v.Claims, v.Outlet)
	}
	if diff := gocmp.Diff([]string{k.c2.ID}, ids(v.ToldClaims)); diff != "" {
		t.Errorf("told claims (-want +got):\n%s", diff)
	}
	if len(v.Articles) != 1 || v.Articles[0].IRI != k.a1.IRI || v.Articles[0].Text != "" || v.Articles[0].Headline != k.a1.Headline {
		t.Errorf("articles = %+v; want a1 without its text", v.Articles)
	}
	v, err = s.Outlet(ctx, schema.NewOutlet("Reuters").IRI, 0)
	if err != nil || v.Told != 0 || v.ToldClaims == nil || len(v.ToldClaims) != 0 || v.Published != 1 || v.Claims != 2 {
		t.Errorf("Outlet(Reuters) = %+v, %v; want nothing told, one article of 2 claims", v, err)
	}
	for _, ref := range []string{"TASS", "Armenia"} {
		_, err = s.Outlet(ctx, ref, 0)
		wantErr(t, err, schema.ErrNotFound, ref)
	}
}
