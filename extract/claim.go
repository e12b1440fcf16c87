package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// claim turns a candidate into a schema.Claim; false when its speaker
// resolves to no actor.
func (x *doc) claim(a schema.Article, c *cand) (schema.Claim, bool) {
	actors := slices.Clone(x.speakerActors(c)) // a pronoun's actors are another claim's
	expletive := x.expletive(c)
	if x.firstPerson(c.speaker) || expletive || c.writer {
		actors = author(a)
	}
	if len(actors) == 0 && c.loose && !c.antecedent.empty() {
		actors = []schema.Actor{x.phraseActor(c.antecedent)}
	} else if len(actors) == 0 && c.loose {
		actors = []schema.Actor{x.phraseActor(c.speaker)}
	}
	if len(actors) == 0 {
		return schema.Claim{}, false
	}
	if !expletive && !c.writer {
		x.persons = append(x.persons, personMention{at: c.speaker.lo, actors: actors}) // a later "he" is no one's "it"
	}
	cl := schema.Claim{
		Article:    a.IRI,
		Speaker:    schema.Speaker{Span: x.span(c.speaker), Actors: actors},
		Cue:        x.span(c.cue),
		Content:    x.span(c.content),
		Sentence:   x.span(c.sent),
		SpeechAct:  c.entry.act,
		Direct:     c.direct,
		Negated:    c.negated,
		Targets:    x.targets(c, actors),
		Event:      x.event(c.content),
		Outlet:     c.outlet,
		Date:       a.Published,
		Extractor:  Name + "/" + Version,
		Confidence: c.conf,
		Review:     schema.Unreviewed,
	}
	if cl.Outlet == nil {
		cl.Outlet = x.outletIn(c.speaker)
	}
	cl.Quantities = x.figuresIn(cl.Content)
	if c.negated && (cl.SpeechAct == schema.Acknowledge || cl.SpeechAct == schema.Confirm) {
		cl.SpeechAct = schema.Deny
	}
	if cl.Targets == nil {
		cl.Targets = []schema.Actor{}
	}
	ownAliases(cl.Speaker.Actors)
	ownAliases(cl.Targets)
	cl.SetID()
	return cl, true
}

// firstPerson reports whether sp is "I" or "we" outside a quotation: the
// writer of an opinion piece or a first-person report.
func (x *doc) firstPerson(sp span) bool {
	if sp.hi-sp.lo != 1 || x.quoted[sp.lo] {
		return false
	}
	w := x.toks[sp.lo].lower
	return w == "i" || w == "we"
}

// expletive reports whether c's speaker is an "it" that stands for no one:
// "it seems that", "It appears, though, that", "it became clear that". The
// writer is the one who judges; the "it" does not refer back to the last
// name. "It appears to show" may be a report's, and keeps its antecedent.
func (x *doc) expletive(c *cand) bool {
	sp := c.speaker
	if sp.hi-sp.lo != 1 || x.toks[sp.lo].lower != "it" || x.quoted[sp.lo] || c.cue.lo < sp.hi {
		return false
	}
	last := x.toks[c.cue.hi-1].lower
	if impersonal[last] {
		return true
	}
	return x.seemCue(c) && (c.cue.hi >= len(x.toks) || x.toks[c.cue.hi].lower != "to")
}

// seemCue reports whether c's cue ends in a form of "seem" or "appear", or
// in one and the "like" that seemLike gives it ("seems like").
func (x *doc) seemCue(c *cand) bool {
	v := c.cue.hi - 1
	if x.toks[v].lower == "like" && v > c.cue.lo {
		v--
	}
	return seemVerbs[x.toks[v].lower]
}

// seemVerbs take an expletive "it": "it seems", "it appears".
var seemVerbs = map[string]bool{"seem": true, "seems": true, "seemed": true, "appear": true, "appears": true, "appeared": true}

// impersonal are the adjectives of an expletive "it is ... that": "it is
// clear", "it became likely".
var impersonal = map[string]bool{"clear": true, "likely": true, "unlikely": true, "possible": true, "obvious": true,
	"evident": true, "apparent": true, "important": true, "difficult": true, "true": true}

// phraseActor is the actor a loose speaker phrase names: the phrase itself,
// without its determiner ("forecasters", "source close to him").
func (x *doc) phraseActor(sp span) schema.Actor {
	if sp.hi-sp.lo > 1 && lex.is(x.toks[sp.lo].lower, wDet) {
		sp.lo++
	}
	return schema.NewActor(x.span(sp).Text, schema.KindOrganization)
}

// author is the writer of article a, an actor of its own for each article
// (one writer's "I" is not another's); none for an article without an ID.
func author(a schema.Article) []schema.Actor {
	if a.ID == "" {
		return nil
	}
	id := "author-" + a.ID
	return []schema.Actor{{ID: id, IRI: schema.IRI(schema.KindActorNode, id), Name: "the author", Kind: schema.KindPerson}}
}

// ownAliases gives each actor its own copy of the gazetteer's aliases, so
// that a caller who edits a claim cannot edit the gazetteer.
func ownAliases(as []schema.Actor) {
	for i := range as {
		as[i].Aliases = slices.Clone(as[i].Aliases)
	}
}

// speakerActors resolves c's speaker, through its antecedent for "who" and
// an appositive ("Smith, a former adviser,"), which gives a role.
func (x *doc) speakerActors(c *cand) []schema.Actor {
	if c.antecedent.empty() {
		return x.speakers(c.resolvable())
	}
	actors := x.speakers(c.antecedent)
	if len(actors) == 1 && actors[0].Kind == schema.KindPerson && actors[0].Role == "" && !c.appos.empty() {
		ap := c.appos
		if lex.is(x.toks[ap.lo].lower, wDet) {
			ap.lo++
		}
		if !ap.empty() && ap.hi-ap.lo <= 8 {
			actors[0].Role = x.span(ap).Text
		}
	}
	return actors
}

// span converts tokens to a schema.Span in code points, with its text.
func (x *doc) span(s span) schema.Span {
	if s.empty() {
		return schema.Span{}
	}
	lo, hi := x.toks[s.lo], x.toks[s.hi-1]
	return schema.Span{Start: lo.rs, End: hi.re, Text: x.text[lo.bs:hi.be]}
}

// outletIn returns the news outlet named in s ("AFP" in "an AFP
// journalist"), or nil.
func (x *doc) outletIn(s span) *schema.Outlet {
	for _, m := range x.mentionsIn(s) {
		if m.r.p.typ == "outlet" {
			o := schema.NewOutlet(m.r.p.actor.Name)
			return &o
		}
	}
	return nil
}

// targets returns whom a claim is about: the accused, and the countries,
// regions and organisations its content names, apart from the speaker's
// own.
func (x *doc) targets(c *cand, speakers []schema.Actor) []schema.Actor {
	var out []schema.Actor
	if !c.target.empty() {
		if lex.is(x.toks[c.target.hi-1].lower, wRecip) {
			out = appendActors(out, x.reciprocal(speakers)...)
		} else {
			out = appendActors(out, x.speakers(c.target)...)
		}
	}
	own := map[string]bool{}
	for _, a := range speakers {
		own[a.IRI] = true
		if a.Affiliation != "" {
			own[a.Affiliation] = true
		}
	}
	for _, b := range x.bodies {
		if own[b.IRI] && b.Affiliation != "" {
			own[b.Affiliation] = true
		}
	}
	for _, a := range x.named(c.content) {
		if !own[a.IRI] && (a.Affiliation == "" || !own[a.Affiliation]) {
			out = appendActors(out, a)
		}
	}
	return out
}

// reciprocal is whom "each accused the other" accuses: the speakers
// themselves when there are several, else the other party.
func (x *doc) reciprocal(speakers []schema.Actor) []schema.Actor {
	if len(speakers) > 1 {
		return speakers
	}
	var out []schema.Actor
	for _, p := range x.parties {
		if len(speakers) == 1 && p.actor.IRI != speakers[0].IRI {
			out = append(out, p.actor)
		}
	}
	return out
}

// named returns the countries, regions and organisations named in s, by
// name, demonym or capital, and by "the two countries" or "the region".
func (x *doc) named(s span) []schema.Actor {
	var out []schema.Actor
	for _, m := range x.mentionsIn(s) {
		switch m.r.p.typ {
		case "country", "region", "org":
			out = appendActors(out, m.r.p.actor)
		}
	}
	for k := s.lo; k+1 < s.hi; k++ {
		if ps := x.collective(span{k, k + 2}); ps != nil {
			out = appendActors(out, ps...)
		}
		if x.toks[k].lower == "the" && x.anaphor(k+1, s.hi) {
			if r := x.lastRegion(k); r != nil {
				out = appendActors(out, r.actor)
			}
		}
	}
	return out
}

// anaphor reports whether "the" is followed by a region noun, with at most
// two modifiers: "the disputed region", "the majority-Armenian province".
func (x *doc) anaphor(k, hi int) bool {
	for j := k; j < hi && j <= k+2; j++ {
		if lex.is(x.toks[j].lower, wAnaphor) {
			return true
		}
		if x.toks[j].kind != tWord || x.toks[j].cap {
			return false
		}
	}
	return false
}

// lastRegion returns the last region named before token k, which "the
// disputed region" refers to.
func (x *doc) lastRegion(k int) *place {
	i := sort.Search(len(x.regions), func(i int) bool { return x.regions[i].at >= k })
	if i == 0 {
		return nil
	}
	return x.regions[i-1].r.p
}

// mentionsIn returns the gazetteer mentions inside s.
func (x *doc) mentionsIn(s span) []mention {
	i := sort.Search(len(x.mentions), func(i int) bool { return x.mentions[i].at >= s.lo })
	j := i
	for j < len(x.mentions) && x.mentions[j].end <= s.hi {
		j++
	}
	return x.mentions[i:j]
}

// event returns the event a content names: a trigger ("shelling") and the
// proper name after it, labelled "shelling of Ghazanchetsots Cathedral"
// whatever the adjectives and glosses around the name.
func (x *doc) event(s span) *schema.Event {
	for k := s.lo; k < s.hi; k++ {
		ew, ok := lex.events[x.toks[k].lower]
		if !ok {
			continue
		}
		name := x.properAfter(k+1, s.hi)
		if name == "" {
			continue
		}
		e := schema.NewEvent(ew.noun + " of " + name)
		e.Kind = ew.kind
		return &e
	}
	return nil
}

// properAfter returns the proper name that follows token i after at most
// three lower-case words, leaving out parentheses.
func (x *doc) properAfter(i, hi int) string {
	var words []string
	depth, lower := 0, 0
	for k := i; k < hi; k++ {
		t := x.toks[k]
		switch {
		case t.text == "(":
			depth++
		case t.text == ")":
			depth--
		case depth > 0:
		case t.kind == tWord && t.cap && !lex.is(t.lower, wStop|wTime):
			words = append(words, t.text)
		case len(words) > 0:
			return strings.Join(words, " ")
		case t.kind != tWord || lower >= 3 || lex.is(t.lower, wPrep) && t.lower != "of" && t.lower != "on":
			return ""
		default:
			lower++
		}
	}
	return strings.Join(words, " ")
}
