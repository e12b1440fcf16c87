package extract_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/schema"
)

// actor is the part of a resolved speaker a resolution test checks.
type actor struct {
	Name, Kind, Wikidata, Role, Affiliation string
}

func speakerActors(text string) []actor {
	var out []actor
	for _, c := range extract.Claims(schema.NewArticle(text, "")) {
		for _, a := range c.Speaker.Actors {
			out = append(out, actor{a.Name, string(a.Kind), a.Wikidata, a.Role, a.Affiliation})
		}
	}
	return out
}

func TestResolve(t *testing.T) {
	iri := func(name string) string { return schema.NewActor(name, "").IRI }
	tests := []struct {
		text string
		want []actor
	}{
		{"Baku said the road was open.", []actor{{"Azerbaijan", "country", "Q227", "", ""}}},
		{"Yerevan denied the report.", []actor{{"Armenia", "country", "Q399", "", ""}}},
		{"The Kremlin said the talks went well.", []actor{{"Presidency of Russia", "government", "", "", iri("Russia")}}},
		{"Russia’s foreign ministry confirmed the visit.",
			[]actor{{"Ministry of Foreign Affairs of Russia", "government", "", "", iri("Russia")}}},
		{"Russia’s foreign ministry confirmed the visit. “It will happen,” foreign ministry spokeswoman Maria Zakharova said.",
			[]actor{
				{"Ministry of Foreign Affairs of Russia", "government", "", "", iri("Russia")},
				{"Maria Zakharova", "person", "", "foreign ministry spokeswoman", iri("Ministry of Foreign Affairs of Russia")}}},
		{"Armenian and Azerbaijan defense officials said the shelling went on.",
			[]actor{{"Armenia", "country", "Q399", "", ""}, {"Azerbaijan", "country", "Q227", "", ""}}},
		{"The Armenian side acknowledged the losses.", []actor{{"Armenia", "country", "Q399", "", ""}}},
		{"The city was quiet, an AFP journalist said.", []actor{{"AFP", "organization", "Q40464", "", ""}}},
		{"French President Emmanuel Macron said the deal was done.",
			[]actor{{"Emmanuel Macron", "person", "Q3052772", "President", iri("France")}}},
		{"President Vladimir Putin met them. Later Putin said the deal was done.",
			[]actor{{"Vladimir Putin", "person", "Q7747", "President", iri("Russia")}}},
		{"Georgia’s rights ombudsman Nino Lomjaria told reporters the jail was full.",
			[]actor{{"Nino Lomjaria", "person", "", "rights ombudsman", iri("Georgia")}}},
		{"Turkey and Iran said the border would reopen. Both countries warned of delays.",
			[]actor{{"Turkey", "country", "Q43", "", ""}, {"Iran", "country", "Q794", "", ""},
				{"Turkey", "country", "Q43", "", ""}, {"Iran", "country", "Q794", "", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, speakerActors(tt.text)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestOutletAndEvent(t *testing.T) {
	cs := extract.Claims(schema.NewArticle("Syria accused Israel of bombing the historic Umayyad Mosque, a state official told AFP.", ""))
	if len(cs) == 0 {
		t.Fatal("no claims")
	}
	var event string
	for _, c := range cs {
		if c.Event != nil {
			event = c.Event.Label
		}
	}
	if event != "bombing of Umayyad Mosque" {
		t.Errorf("event %q, want %q", event, "bombing of Umayyad Mosque")
	}
	a := schema.NewArticle("Ukraine accused Russia of shelling the Holy Cathedral overnight.", "")
	b := schema.NewArticle("Officials in Kyiv said the shelling of the Holy Cathedral was deliberate.", "")
	ea, eb := extract.Claims(a), extract.Claims(b)
	if len(ea) != 1 || len(eb) != 1 || ea[0].Event == nil || eb[0].Event == nil || ea[0].Event.IRI != eb[0].Event.IRI {
		t.Errorf("the same event in two wordings should map to one IRI: %+v / %+v", ea, eb)
	}
}
