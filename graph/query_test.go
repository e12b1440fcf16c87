package graph

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/claimgraph/claimgraph/schema"
)

// claims lists the IDs of the claims f selects, failing the test on error.
func claims(t testing.TB, s *Store, f Filter) []string {
	t.Helper()
	p, err := s.Claims(context.Background(), f)
	if err != nil {
		t.Fatalf("Claims(%+v): %v", f, err)
	}
	if p.Total != len(p.Claims) && f.Limit == 0 && f.Offset == 0 {
		t.Errorf("Claims(%+v): total %d, %d claims", f, p.Total, len(p.Claims))
	}
	return ids(p.Claims)
}

func testFilters(t *testing.T, s *Store) {
	k := newCorpus(t)
	add(t, s, k.a1, k.claims1)
	add(t, s, k.a2, k.claims2)
	c1, c2, c3, c4 := k.c1.ID, k.c2.ID, k.c3.ID, k.c4.ID
	armenia := k.c1.Speaker.Actors[0]
	cathedral := k.c1.Event
	for _, tc := range []struct {
		name string
		f    Filter
		want []string
	}{
		{"all, newest first", Filter{}, []string{c4, c3, c2, c1}},
		{"speaker by IRI", Filter{Speaker: armenia.IRI}, []string{c3, c1}},
		{"speaker by ID", Filter{Speaker: armenia.ID}, []string{c3, c1}},
		{"speaker by name", Filter{Speaker: "ARMENIA"}, []string{c3, c1}},
		{"speaker by alias", Filter{Speaker: "yerevan"}, []string{c3, c1}},
		{"speaker of a mention", Filter{Speaker: "Leyla  ABDULLAYEVA"}, []string{c2}},
		{"target", Filter{Target: "Azerbaijan"}, []string{c4, c1}},
		{"speaker and target", Filter{Speaker: "armenia", Target: "azerbaijan"}, []string{c1}},
		{"speaker and target, none", Filter{Speaker: "russia", Target: "russia"}, nil},
		{"event by label", Filter{Event: "ghazanchetsots cathedral SHELLING"}, []string{c2, c1}},
		{"event by ID", Filter{Event: cathedral.ID}, []string{c2, c1}},
		{"event by IRI", Filter{Event: cathedral.IRI}, []string{c2, c1}},
		{"outlet told and publisher", Filter{Outlet: "afp"}, []string{c2, c1}},
		{"outlet publisher", Filter{Outlet: "Reuters"}, []string{c4, c3}},
		{"article by ID", Filter{Article: k.a2.ID}, []string{c4, c3}},
		{"article by IRI", Filter{Article: k.a1.IRI}, []string{c2, c1}},
		{"speech act", Filter{SpeechAct: schema.Deny}, []string{c2}},
		{"speech act and speaker", Filter{SpeechAct: schema.Appeal, Speaker: "Armenia"}, []string{c3}},
		{"text", Filter{Text: "CULTURAL sites"}, []string{c2}},
		{"from", Filter{From: at(t, "2020-10-09T00:00:00Z")}, []string{c4, c3}},
		{"to", Filter{To: at(t, "2020-10-09T00:00:00Z")}, []string{c2, c1}},
		{"from inclusive, to exclusive", Filter{From: k.c2.Date, To: k.c3.Date}, []string{c2}},
		{"date range and target", Filter{From: at(t, "2020-10-09T00:00:00Z"), Target: "Armenia"}, []string{c4}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, claims(t, s, tc.f), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	for _, tc := range []struct {
		f     Filter
		words []string
	}{
		{Filter{Speaker: "Armenai"}, []string{"speaker", `"Armenai"`}},
		{Filter{Target: "nobody"}, []string{"target", `"nobody"`}},
		{Filter{Event: "war of 1812"}, []string{"event", `"war of 1812"`}},
		{Filter{Outlet: "TASS"}, []string{"outlet", `"TASS"`}},
		{Filter{Article: "0123456789abcdef"}, []string{"article", `"0123456789abcdef"`}},
		{Filter{Speaker: "Armenia", Target: "Zzz"}, []string{"target", `"Zzz"`}},
	} {
		_, err := s.Claims(context.Background(), tc.f)
		wantErr(t, err, schema.ErrNotFound, tc.words...)
	}
	_, err := s.Claims(context.Background(), Filter{SpeechAct: "gossip"})
	wantErr(t, err, schema.ErrInvalid, "gossip")
}

func testPaging(t *testing.T, s *Store) {
	ctx := context.Background()
	k := newCorpus(t)
	add(t, s, k.a1, k.claims1)
	add(t, s, k.a2, k.claims2)
	all := []string{k.c4.ID, k.c3.ID, k.c2.ID, k.c1.ID}
	for _, tc := range []struct {
		f                  Filter
		want               []string
		wantLimit, wantOff int
	}{
		{Filter{Limit: 2}, all[:2], 2, 0},
		{Filter{Limit: 2, Offset: 2}, all[2:], 2, 2},
		{Filter{Limit: 3, Offset: 2}, all[2:], 3, 2},
		{Filter{Limit: 2, Offset: 4}, []string{}, 2, 4},
		{Filter{Offset: 9}, []string{}, 50, 9},
		{Filter{Offset: math.MaxInt}, []string{}, 50, math.MaxInt},
		{Filter{}, all, 50, 0},
		{Filter{Limit: 5000}, all, 1000, 0},
	} {
		p, err := s.Claims(ctx, tc.f)
		if err != nil {
			t.Fatalf("Claims(%+v): %v", tc.f, err)
		}
		if p.Claims == nil {
			t.Errorf("Claims(%+v).Claims is nil, want empty", tc.f)
		}
		if p.Total != 4 || p.Limit != tc.wantLimit || p.Offset != tc.wantOff {
			t.Errorf("Claims(%+v): total %d, limit %d, offset %d; want 4, %d, %d",
				tc.f, p.Total, p.Limit, p.Offset, tc.wantLimit, tc.wantOff)
		}
		if diff := cmp.Diff(tc.want, ids(p.Claims)); diff != "" {
			t.Errorf("Claims(%+v) (-want +got):\n%s", tc.f, diff)
		}
	}
	_, err := s.Claims(ctx, Filter{Limit: -1})
	wantErr(t, err, schema.ErrInvalid)
}

func testActor(t *testing.T, s *Store) {
	ctx := context.Background()
	k := newCorpus(t)
	add(t, s, k.a1, k.claims1)
	add(t, s, k.a2, k.claims2)
	armenia := storedActors(k.c1.Speaker.Actors)[0]
	for _, ref := range []string{armenia.IRI, armenia.ID, "armenia", "Armenia", " ARMENIA ", "Yerevan"} {
		p, err := s.Actor(ctx, ref, false)
		if err != nil {
			t.Fatalf("Actor(%q): %v", ref, err)
		}
		if diff := cmp.Diff(armenia, p.Actor); diff != "" {
			t.Errorf("Actor(%q) (-want +got):\n%s", ref, diff)
		}
		if p.Said != 2 || p.About != 2 {
			t.Errorf("Actor(%q): said %d, about %d; want 2, 2", ref, p.Said, p.About)
		}
		if diff := cmp.Diff([]string{k.c3.ID, k.c1.ID}, ids(p.Speaker)); diff != "" {
			t.Errorf("Actor(%q) speaker claims (-want +got):\n%s", ref, diff)
		}
		if diff := cmp.Diff([]string{k.c4.ID, k.c2.ID}, ids(p.Target)); diff != "" {
			t.Errorf("Actor(%q) target claims (-want +got):\n%s", ref, diff)
		}
	}
	p, err := s.Actor(ctx, "azerbaijan", false)
	if err != nil || p.Said != 0 || p.About != 2 || p.Speaker == nil || len(p.Speaker) != 0 {
		t.Errorf("Actor(azerbaijan) = said %d, about %d, speaker %v, %v; want 0, 2, [], nil", p.Said, p.About, p.Speaker, err)
	}
	_, err = s.Actor(ctx, "Armenai", false)
	wantErr(t, err, schema.ErrNotFound, `"Armenai"`)

	// "Kremlin" is an actor's name and another's alias: the name wins a
	// profile; a filter takes both.
	a3 := schema.NewArticle("The Kremlin said talks must go on.", "https://example.org/news/3")
	kremlin := schema.NewActor("Kremlin", schema.KindGovernment)
	kremlin.Affiliation = storedActors(k.c4.Speaker.Actors)[0].IRI
	c5 := newClaim(t, a3, "The Kremlin", []schema.Actor{kremlin}, "said", "talks must go on", a3.Text, schema.Assert)
	add(t, s, a3, []schema.Claim{c5})
	if p, err := s.Actor(ctx, "KREMLIN", false); err != nil || p.Actor.IRI != kremlin.IRI {
		t.Errorf("Actor(KREMLIN) = %v, %v; want %s", p.Actor.IRI, err, kremlin.IRI)
	}
	if diff := cmp.Diff([]string{k.c4.ID, c5.ID}, claims(t, s, Filter{Speaker: "kremlin"})); diff != "" {
		t.Errorf("speaker kremlin (-want +got):\n%s", diff)
	}
	// An outlet is not an actor.
	_, err = s.Actor(ctx, "AFP", false)
	wantErr(t, err, schema.ErrNotFound)
}

func testDelete(t *testing.T, open func(t testing.TB) *Store) {
	ctx := context.Background()
	k := newCorpus(t)
	only2 := open(t)
	want2 := add(t, only2, k.a2, k.claims2)
	sortClaims(want2) // Claims' order, not the text's
	s := open(t)
	add(t, s, k.a1, k.claims1)
	add(t, s, k.a2, k.claims2)
	if err := s.DeleteArticle(ctx, k.a1.IRI); err != nil {
		t.Fatalf("DeleteArticle: %v", err)
	}
	if got, want := stats(t, s), stats(t, only2); got != want {
		t.Errorf("stats after delete = %+v, want those of the other article alone: %+v", got, want)
	}
	p, err := s.Claims(ctx, Filter{Article: k.a2.ID})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want2, p.Claims); diff != "" {
		t.Errorf("claims of the other article (-want +got):\n%s", diff)
	}
	for _, ref := range []string{k.c1.ID, k.c2.IRI} {
		_, err := s.Claim(ctx, ref)
		wantErr(t, err, schema.ErrNotFound)
	}
	_, err = s.Article(ctx, k.a1.ID)
	wantErr(t, err, schema.ErrNotFound)
	_, err = s.Actor(ctx, "Leyla Abdullayeva", false) // named by the deleted article only
	wantErr(t, err, schema.ErrNotFound)
	if a, err := s.Actor(ctx, "armenia", false); err != nil || a.Said != 1 || a.About != 1 {
		t.Errorf("Actor(armenia) after delete: said %d, about %d, %v; want 1, 1", a.Said, a.About, err)
	}
	_, err = s.Claims(ctx, Filter{Outlet: "AFP"})
	wantErr(t, err, schema.ErrNotFound, "AFP")
	err = s.DeleteArticle(ctx, k.a1.IRI)
	wantErr(t, err, schema.ErrNotFound, k.a1.IRI)
	if !errors.Is(s.DeleteArticle(ctx, "nothing"), schema.ErrNotFound) {
		t.Error("DeleteArticle(nothing): want ErrNotFound")
	}
}
