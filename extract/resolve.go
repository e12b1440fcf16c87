package extract

import (
	"sort"
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// speakers resolves the speaker phrase sp to actors: one per conjunct
// ("Baku and Yerevan" is Azerbaijan and Armenia).
func (x *doc) speakers(sp span) []schema.Actor {
	if sp.hi-sp.lo == 1 && (lex.is(x.toks[sp.lo].lower, wPron) || possessives[x.toks[sp.lo].lower] != "") {
		return x.pronoun(sp.lo)
	}
	if ps := x.collective(sp); ps != nil {
		return ps
	}
	var out []schema.Actor
	lo := sp.lo
	for k := sp.lo; k <= sp.hi; k++ {
		if k < sp.hi && x.toks[k].lower != "and" && x.toks[k].lower != "," {
			continue
		}
		if k > lo {
			out = appendActors(out, x.conjunct(span{lo, k})...)
		}
		lo = k + 1
	}
	return out
}

// collective resolves "both sides", "the two countries" to the parties.
func (x *doc) collective(sp span) []schema.Actor {
	if sp.hi-sp.lo != 2 || len(x.parties) != 2 {
		return nil
	}
	a, b := x.toks[sp.lo].lower, x.toks[sp.lo+1].lower
	if (a == "both" || a == "two") && lex.is(b, wCollective) {
		return []schema.Actor{x.parties[0].actor, x.parties[1].actor}
	}
	return nil
}

func appendActors(out []schema.Actor, as ...schema.Actor) []schema.Actor {
	for _, a := range as {
		dup := false
		for _, b := range out {
			dup = dup || a.IRI == b.IRI
		}
		if !dup && a.Name != "" {
			out = append(out, a)
		}
	}
	return out
}

// conjunct resolves one coordinated part of a speaker phrase. A bare
// demonym ("Armenian" in "Armenian and Azerbaijan defense officials") stands
// for its country.
func (x *doc) conjunct(c span) []schema.Actor {
	if c.hi-c.lo > 1 && lex.is(x.toks[c.lo].lower, wDet) {
		c.lo++ // a lone quantifier stays: "Many say" is a vague source, worth flagging
	}
	if c.empty() || lex.is(x.toks[c.lo].lower, wPron) || c.hi-c.lo == 1 && lex.is(x.toks[c.lo].lower, wDet) && !lex.is(x.toks[c.lo].lower, wQuant) {
		return nil
	}
	for k := c.lo + 1; k < c.hi-1; k++ {
		if x.toks[k].lower == "of" && x.toks[k-1].cap && x.toks[c.lo].cap {
			return x.ofAffiliation(span{c.lo, k}, span{k + 1, c.hi}) // "Mr. Morgan of the Sierra Club"
		}
	}
	name := x.nameRun(c)
	var country, other *place
	var body ref
	for k := c.lo; k < name.lo; k++ {
		r, n := x.lookup(k, name.lo)
		if n == 0 {
			continue
		}
		switch {
		case r.p.typ == "body":
			body = r
		case r.p.country() != nil && (r.p.typ == "country" || r.p.typ == "region") && country == nil:
			country = r.p
		default:
			other = r.p
		}
		k += n - 1
	}
	if !name.empty() {
		return []schema.Actor{x.person(c, name, country, body)}
	}
	switch {
	case other != nil:
		return []schema.Actor{other.actor}
	case body.p != nil && country != nil:
		a := body.p.body(country)
		x.addBody(a)
		return []schema.Actor{a}
	case country != nil:
		return []schema.Actor{country.actor}
	}
	return []schema.Actor{x.generic(c)}
}

// ofAffiliation resolves "Mr. Morgan of the Sierra Club": the actor is
// the named person, affiliated with what follows "of" when the gazetteer
// knows it.
func (x *doc) ofAffiliation(head, of span) []schema.Actor {
	as := x.conjunct(head)
	if len(as) != 1 || as[0].Kind != schema.KindPerson || as[0].Affiliation != "" {
		return as
	}
	if aff := x.conjunct(of); len(aff) == 1 {
		if _, known := lex.gaz.keys[schema.Key(aff[0].Name)]; known {
			as[0].Affiliation = aff[0].IRI
		}
	}
	return as
}

// addBody notes a government body named as a speaker, for "foreign
// ministry spokeswoman" later; the latest is last.
func (x *doc) addBody(a schema.Actor) {
	for i, b := range x.bodies {
		if b.IRI == a.IRI {
			x.bodies = append(x.bodies[:i], x.bodies[i+1:]...)
			break
		}
	}
	x.bodies = append(x.bodies, a)
}

// nameRun returns the trailing run of capitalised words in c that are not
// titles or places: the name of a person or an organisation, or empty.
func (x *doc) nameRun(c span) span {
	lo := c.hi
	for lo > c.lo && x.toks[lo-1].cap && x.toks[lo-1].kind == tWord && !lex.is(x.toks[lo-1].lower, wRole|wMod) {
		if r, n := x.lookup(lo-1, c.hi); n > 0 && r.p.typ != "person" {
			break
		}
		lo--
	}
	if lo < c.hi {
		if r, n := x.lookup(lo, c.hi); n > 0 && r.p.typ != "person" {
			return span{}
		}
	}
	return span{lo, c.hi}
}

// person builds the actor for a named person or organisation, with the role
// and affiliation the phrase gives: "Armenia’s rights ombudsman Artak
// Beglaryan" is Artak Beglaryan, role "rights ombudsman", of Armenia.
func (x *doc) person(c, name span, country *place, body ref) schema.Actor {
	full := x.text[x.toks[name.lo].bs:x.toks[name.hi-1].be]
	if name.hi-name.lo == 1 {
		if f, ok := x.names[x.toks[name.lo].lower]; ok {
			full = f
		}
	}
	if r, ok := lex.gaz.keys[schema.Key(full)]; ok && r.p.typ == "person" {
		a := r.p.actor
		if role := x.role(c, name); role != "" {
			a.Role = role
		}
		return a
	}
	if r, ok := lex.gaz.keys[schema.Key(full)]; ok && r.p.typ != "body" {
		return r.p.actor
	}
	kind := schema.KindPerson
	if x.orgName(name) {
		kind = schema.KindOrganization
	}
	a := schema.NewActor(full, kind)
	a.Role = x.role(c, name)
	switch {
	case body.p != nil && country != nil:
		a.Affiliation = body.p.body(country).IRI
	case body.p != nil && len(x.bodies) > 0:
		a.Affiliation = x.bodies[len(x.bodies)-1].IRI
	case country != nil:
		a.Affiliation = country.actor.IRI
	}
	return a
}

// role returns the words between a possessive or a demonym and the name:
// "foreign ministry spokeswoman", "President".
func (x *doc) role(c, name span) string {
	lo := c.lo
	for k := c.lo; k < name.lo; k++ {
		t := x.toks[k]
		if t.lower == "'s" || t.kind != tWord {
			lo = k + 1
			continue
		}
		if r, n := x.lookup(k, name.lo); n > 0 && r.p.typ != "body" {
			lo = k + n
			k += n - 1
		}
	}
	if lo >= name.lo {
		return ""
	}
	return x.text[x.toks[lo].bs:x.toks[name.lo-1].be]
}

// orgName reports whether a name looks like an organisation's.
func (x *doc) orgName(name span) bool {
	for k := name.lo; k < name.hi; k++ {
		if lex.is(x.toks[k].lower, wBody|wGroup) {
			return true
		}
	}
	return false
}

// generic is the actor for a phrase the gazetteer does not know ("the
// report", "officials"): named by the phrase itself.
func (x *doc) generic(c span) schema.Actor {
	text := x.text[x.toks[c.lo].bs:x.toks[c.hi-1].be]
	kind := schema.KindOrganization
	for k := c.lo; k < c.hi; k++ {
		if lex.is(x.toks[k].lower, wRole) {
			kind = schema.KindPerson
		}
	}
	return schema.NewActor(strings.TrimSpace(text), kind)
}

// pronoun resolves "he", "she", "they" to the nearest named speaker before
// it ("he" and "she" also to the nearest full name); nil when there is none.
func (x *doc) pronoun(k int) []schema.Actor {
	w := x.toks[k].lower
	if p := possessives[w]; p != "" {
		w = p // "his claim" is his
	}
	personal := w == "he" || w == "she"
	best := personMention{at: -1}
	for i := len(x.persons) - 1; i >= 0; i-- {
		p := x.persons[i]
		if p.at < k && (!personal || len(p.actors) == 1 && p.actors[0].Kind == schema.KindPerson) {
			best = p
			break
		}
	}
	if i := sort.Search(len(x.people), func(i int) bool { return x.people[i].at >= k }); personal && i > 0 {
		if p := x.people[i-1]; p.at > best.at {
			best = p
		}
	}
	return best.actors
}
