package graph

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/schema"
)

// corpus is two articles that share actors and an event, built by hand.
type corpus struct {
	a1, a2         schema.Article
	claims1        []schema.Claim // accuse (c1), deny (c2)
	claims2        []schema.Claim // appeal (c3), warn (c4)
	c1, c2, c3, c4 schema.Claim
}

const (
	text1 = "Armenia accused Azerbaijan of shelling the Ghazanchetsots Cathedral in Shusha. " +
		"Baku denied it, and foreign ministry spokeswoman Leyla Abdullayeva told AFP: “We never target cultural sites.”"
	text2 = "Armenia appealed to Russia for help on Friday. Moscow warned both sides against escalation."
)

// span returns the span of the first sub in text, in code points.
func span(t testing.TB, text, sub string) schema.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q is not in the text", sub)
	}
	start := utf8.RuneCountInString(text[:i])
	return schema.Span{Start: start, End: start + utf8.RuneCountInString(sub), Text: sub}
}

// at parses an RFC 3339 time, with more precision than backends keep.
func at(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// newClaim builds a claim of a with the spans of speaker, cue, content and
// sentence found in its text.
func newClaim(t testing.TB, a schema.Article, speaker string, actors []schema.Actor, cue, content, sentence string, act schema.SpeechAct) schema.Claim {
	t.Helper()
	c := schema.Claim{
		Article:    a.IRI,
		Speaker:    schema.Speaker{Span: span(t, a.Text, speaker), Actors: actors},
		Cue:        span(t, a.Text, cue),
		Content:    span(t, a.Text, content),
		Sentence:   span(t, a.Text, sentence),
		SpeechAct:  act,
		Extractor:  "test/1",
		Confidence: 0.75,
		Review:     schema.Unreviewed,
	}
	c.SetID()
	return c
}

func newCorpus(t testing.TB) corpus {
	t.Helper()
	armenia := schema.NewActor("Armenia", schema.KindCountry)
	armenia.Aliases, armenia.Wikidata = []string{"Yerevan"}, "Q399"
	azerbaijan := schema.NewActor("Azerbaijan", schema.KindCountry)
	russia := schema.NewActor("Russia", schema.KindCountry)
	russia.Aliases = []string{"Kremlin", "Moscow"}
	leyla := schema.NewActor("Leyla Abdullayeva", schema.KindPerson)
	leyla.Role, leyla.Affiliation = "foreign ministry spokeswoman", azerbaijan.IRI
	cathedral := schema.NewEvent("Ghazanchetsots Cathedral shelling")
	cathedral.Kind, cathedral.Place = "attack", "Shusha"
	cathedral.Time = at(t, "2020-10-08T11:30:00.123456789+04:00")
	afp, reuters := schema.NewOutlet("AFP"), schema.NewOutlet("Reuters")

	var k corpus
	k.a1 = schema.NewArticle(text1, "https://example.org/news/1")
	k.a1.Headline, k.a1.Outlet, k.a1.Published = "Cathedral shelled", &afp, at(t, "2020-10-08T18:00:00Z")
	k.a2 = schema.NewArticle(text2, "https://example.org/news/2")
	k.a2.Headline, k.a2.Outlet, k.a2.Published = "Armenia asks Russia for help", &reuters, at(t, "2020-10-09T20:00:00Z")

	s1 := "Armenia accused Azerbaijan of shelling the Ghazanchetsots Cathedral in Shusha."
	k.c1 = newClaim(t, k.a1, "Armenia", []schema.Actor{armenia}, "accused",
		"of shelling the Ghazanchetsots Cathedral in Shusha", s1, schema.Accuse)
	k.c1.Targets, k.c1.Event = []schema.Actor{azerbaijan}, &cathedral
	k.c1.Date = at(t, "2020-10-08T12:00:00.987654321+04:00")

	s2 := "Baku denied it, and foreign ministry spokeswoman Leyla Abdullayeva told AFP: “We never target cultural sites.”"
	k.c2 = newClaim(t, k.a1, "foreign ministry spokeswoman Leyla Abdullayeva", []schema.Actor{leyla}, "told",
		"We never target cultural sites.", s2, schema.Deny)
	k.c2.Targets, k.c2.Event, k.c2.Outlet = []schema.Actor{armenia}, &cathedral, &afp
	k.c2.Direct, k.c2.Negated, k.c2.Confidence, k.c2.Review = true, true, 0.5, schema.Verified
	k.c2.Date = at(t, "2020-10-08T15:00:00Z")

	k.c3 = newClaim(t, k.a2, "Armenia", []schema.Actor{armenia}, "appealed",
		"to Russia for help", "Armenia appealed to Russia for help on Friday.", schema.Appeal)
	k.c3.Targets, k.c3.Date = []schema.Actor{russia}, at(t, "2020-10-09T09:00:00Z")

	k.c4 = newClaim(t, k.a2, "Moscow", []schema.Actor{russia}, "warned",
		"both sides against escalation", "Moscow warned both sides against escalation.", schema.Warn)
	k.c4.Targets, k.c4.Date = []schema.Actor{armenia, azerbaijan}, at(t, "2020-10-09T18:00:00Z")

	k.claims1 = []schema.Claim{k.c1, k.c2}
	k.claims2 = []schema.Claim{k.c3, k.c4}
	return k
}

// asStored is c as the store gives it back: times normalised, actors ordered
// by IRI (quads keep no order), aliases sorted.
func asStored(c schema.Claim) schema.Claim {
	c.Date = schema.NormTime(c.Date)
	c.Speaker.Actors = storedActors(c.Speaker.Actors)
	c.Targets = storedActors(c.Targets)
	if c.Event != nil {
		e := *c.Event
		e.Time = schema.NormTime(e.Time)
		c.Event = &e
	}
	return c
}

func storedActors(as []schema.Actor) []schema.Actor {
	out := slices.Clone(as)
	for i := range out {
		out[i].Aliases = slices.Sorted(slices.Values(out[i].Aliases))
	}
	slices.SortFunc(out, func(a, b schema.Actor) int { return strings.Compare(a.IRI, b.IRI) })
	return out
}

// ids lists the IDs of claims, to compare orders.
func ids(cs []schema.Claim) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}
