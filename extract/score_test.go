package extract_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/extract/score"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/schema"
)

// gold is the scorer's annotation format (../shared/eval/README.md).
type gold struct {
	Text         string `json:"text"`
	Attributions []struct {
		Speaker   []int    `json:"speaker_span"`
		Cue       []int    `json:"cue_span"`
		Content   []int    `json:"content_span"`
		Entities  []string `json:"speaker_entities"`
		Targets   []string `json:"targets"`
		Outlet    *string  `json:"outlet"`
		SpeechAct string   `json:"speech_act"`
		Required  *bool    `json:"required"`
	} `json:"attributions"`
}

// seedScore scores claims against the seed gold with extract/score (the Go
// port of score.py), on the JSON `claimgraph extract` prints.
func seedScore(tb testing.TB, claims []schema.Claim) ([]score.Match, score.Counts) {
	tb.Helper()
	var g, p map[string]any
	if err := json.Unmarshal(fixtures.SeedGold, &g); err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal(encode(tb, claims), &p); err != nil {
		tb.Fatal(err)
	}
	return score.Matches(g, p), score.Doc(g, p).Counts
}

var entityMatch = score.EntityMatch

func actorNames(as []schema.Actor) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func loadGold(tb testing.TB) gold {
	tb.Helper()
	var g gold
	if err := json.Unmarshal(fixtures.SeedGold, &g); err != nil {
		tb.Fatal(err)
	}
	return g
}

// Floors: what the rules reach on the seed today. Raise them as they improve.
const (
	minSeedFound    = 18 // of 18 required attributions
	maxSeedSpurious = 0
)

func TestScoreSeed(t *testing.T) {
	g := loadGold(t)
	_, claims := seedClaims(t)
	matches, n := seedScore(t, claims)
	tp, fp, fn := n.TP, n.FP, n.FN
	t.Logf("seed: tp=%d fp=%d fn=%d", tp, fp, fn)
	if tp < minSeedFound {
		t.Errorf("found %d required attributions, want at least %d (missed %d)", tp, minSeedFound, fn)
	}
	if fp > maxSeedSpurious {
		t.Errorf("%d spurious claims, want at most %d", fp, maxSeedSpurious)
	}
	for _, m := range matches {
		a, c := g.Attributions[m.Gold], claims[m.Pred]
		if a.SpeechAct != "" && string(c.SpeechAct) != a.SpeechAct {
			t.Errorf("%q: speech act %s, want %s", c.Content.Text, c.SpeechAct, a.SpeechAct)
		}
		if len(a.Targets) > 0 && !entityMatch(actorNames(c.Targets), a.Targets) {
			t.Errorf("%q: targets %v, want one of %v", c.Content.Text, actorNames(c.Targets), a.Targets)
		}
		if a.Outlet != nil && (c.Outlet == nil || !entityMatch([]string{c.Outlet.Name}, []string{*a.Outlet})) {
			t.Errorf("%q: outlet %v, want %s", c.Content.Text, c.Outlet, *a.Outlet)
		}
		for _, n := range actorNames(c.Speaker.Actors) {
			if len(a.Entities) > 0 && !entityMatch([]string{n}, a.Entities) {
				t.Errorf("%q: speaker entity %q, want one of %v", c.Content.Text, n, a.Entities)
			}
		}
	}
}

func TestSeedAccusation(t *testing.T) {
	_, claims := seedClaims(t)
	for _, c := range claims {
		if !strings.HasPrefix(c.Content.Text, "shelling the iconic Ghazanchetsots") {
			continue
		}
		if c.Speaker.Text != "Armenia" || len(c.Speaker.Actors) != 1 || c.Speaker.Actors[0].Name != "Armenia" || c.Speaker.Actors[0].Wikidata != "Q399" {
			t.Errorf("speaker %q %+v, want Armenia (Q399)", c.Speaker.Text, c.Speaker.Actors)
		}
		if c.SpeechAct != schema.Accuse || c.Cue.Text != "accused" {
			t.Errorf("cue %q act %s, want accused/accuse", c.Cue.Text, c.SpeechAct)
		}
		if got := actorNames(c.Targets); len(got) != 1 || got[0] != "Azerbaijan" {
			t.Errorf("targets %v, want [Azerbaijan]", got)
		}
		if c.Event == nil || c.Event.Label != "shelling of Ghazanchetsots Cathedral" {
			t.Errorf("event %+v, want shelling of Ghazanchetsots Cathedral", c.Event)
		}
		return
	}
	t.Error("no claim whose content starts at \"shelling the iconic Ghazanchetsots\"")
}
