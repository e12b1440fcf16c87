package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/schema"
)

func TestQuantities(t *testing.T) {
	type q struct {
		Text    string
		Value   float64
		Measure string
		Approx  bool
	}
	for _, tc := range []struct {
		content string
		want    []q
	}{
		{"350 military deaths", []q{{"350 military deaths", 350, "deaths", false}}},
		{"the fighting has claimed some 400 lives", []q{{"some 400 lives", 400, "deaths", true}}},
		{"half of Karabakh’s 140,000 residents and some 90 percent of its women",
			[]q{{"140,000 residents", 140000, "residents", false}, {"some 90 percent", 90, "percent", true}}},
		{"nearly 1.5 million people fled", []q{{"nearly 1.5 million people", 1.5e6, "people", true}}},
		{"three soldiers were wounded and 12% of homes burned", []q{{"three soldiers", 3, "soldiers", false}, {"12%", 12, "percent", false}}},
		{"sixty soldiers and seventeen civilians died", []q{{"sixty soldiers", 60, "soldiers", false}, {"seventeen civilians", 17, "civilians", false}}},
		{"a ceasefire agreed in 1994 held until 2020", nil},
		{"talks on October 9 with 2 sides", nil},
		{"", nil},
	} {
		var got []q
		for _, x := range quantities(schema.Span{Start: 10, End: 10 + len([]rune(tc.content)), Text: tc.content}) {
			if x.End-x.Start != len([]rune(x.Text)) || string([]rune(tc.content)[x.Start-10:x.End-10]) != x.Text {
				t.Errorf("%q: span %d-%d does not hold %q", tc.content, x.Start, x.End, x.Text)
			}
			got = append(got, q{x.Text, x.Value, x.Measure, x.Approx})
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("quantities(%q) (-want +got):\n%s", tc.content, diff)
		}
	}
}
