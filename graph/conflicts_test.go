package graph

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/schema"
)

// figureClaim is a claim of its own article about event, stating n deaths.
func figureClaim(t testing.TB, s *Store, speaker string, figure string, value float64, approx bool, event schema.Event) schema.Claim {
	t.Helper()
	text := speaker + " said " + figure + " had died in the shelling."
	a := schema.NewArticle(text, "")
	c := newClaim(t, a, speaker, []schema.Actor{schema.NewActor(speaker, schema.KindCountry)},
		"said", figure+" had died in the shelling", text, schema.Assert)
	c.Event = &event
	q := span(t, text, figure)
	c.Quantities = []schema.Quantity{{Span: q, Value: value, Measure: "deaths", Approx: approx}}
	c.SetID()
	return add(t, s, a, []schema.Claim{c})[0]
}

// testConflicts stores claims giving figures for one event and checks that
// the disagreeing ones, and only those, come back linked.
func testConflicts(t *testing.T, s *Store) {
	ev := schema.NewEvent("shelling of Stepanakert")
	armenia := figureClaim(t, s, "Armenia", "350 soldiers", 350, false, ev)
	azerbaijan := figureClaim(t, s, "Azerbaijan", "120 soldiers", 120, false, ev)
	roughly := figureClaim(t, s, "Russia", "some 340 soldiers", 340, true, ev)
	other := figureClaim(t, s, "Iran", "900 soldiers", 900, false, schema.NewEvent("battle of Shusha"))

	if diff := cmp.Diff([]schema.Quantity{{Span: armenia.Quantities[0].Span, Value: 350, Measure: "deaths"}}, armenia.Quantities); diff != "" {
		t.Errorf("quantities after a round trip (-want +got):\n%s", diff)
	}
	got, err := s.Conflicts(t.Context(), armenia.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Conflicts) != 1 || got.Conflicts[0].Claim.ID != azerbaijan.ID ||
		got.Conflicts[0].Value != 350 || got.Conflicts[0].Other != 120 || got.Conflicts[0].Measure != "deaths" {
		t.Errorf("conflicts of Armenia's figure: %+v, want only Azerbaijan's 120", got.Conflicts)
	}
	got, err = s.Conflicts(t.Context(), roughly.IRI)
	if err != nil || len(got.Conflicts) != 1 || got.Conflicts[0].Claim.ID != azerbaijan.ID {
		t.Errorf("conflicts of an approximate 340: %+v %v, want only the 120 (350 is within 10%%)", got.Conflicts, err)
	}
	if got, err := s.Conflicts(t.Context(), other.ID); err != nil || len(got.Conflicts) != 0 {
		t.Errorf("a figure about another event: %+v %v, want no conflicts", got.Conflicts, err)
	}
	_, err = s.Conflicts(t.Context(), "0000000000000000")
	wantErr(t, err, schema.ErrNotFound, "0000000000000000")
}
