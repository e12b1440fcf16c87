package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// Findings of polls and records: "A poll taken in May found the mayor
// ahead", "New polling shows that ...", "with a fresh survey finding that
// ...". PolNeAR marks the poll or the record as the speaker of what it
// shows. The subject rules miss many of these: a participle or a
// prepositional phrase after the noun ("released Monday", "by the
// council") or a cue-like noun ("reports") before the verb.

// evidenceNouns head a phrase whose findings are reported.
var evidenceNouns = map[string]bool{"poll": true, "polls": true, "polling": true, "survey": true, "surveys": true,
	"data": true, "records": true, "record": true, "report": true, "reports": true, "results": true, "documents": true,
	"filings": true, "figures": true, "numbers": true, "study": true, "studies": true, "analysis": true, "statistics": true,
	"estimates": true, "tallies": true, "research": true, "emails": true, "footage": true, "evidence": true, "census": true, "disclosures": true, "email": true, "files": true}

// evidenceVerbs are the verbs a finding is reported by, with their lemma.
var evidenceVerbs = map[string]string{"show": "show", "shows": "show", "showed": "show", "showing": "show",
	"suggest": "suggest", "suggests": "suggest", "suggested": "suggest", "suggesting": "suggest",
	"indicate": "indicate", "indicates": "indicate", "indicated": "indicate", "indicating": "indicate",
	"find": "find", "finds": "find", "found": "find", "finding": "find",
	"reveal": "reveal", "reveals": "reveal", "revealed": "reveal", "revealing": "reveal"}

// continueForms, with seemVerbs, take a finding verb in the infinitive
// after an evidence noun: "polls continue to show", "the data seem to
// suggest".
var continueForms = wordSet("continue continues continued")

// evidenceParticiples may follow an evidence noun before its verb: "a poll
// taken in May found".
var evidenceParticiples = map[string]bool{"released": true, "published": true, "conducted": true, "taken": true,
	"obtained": true, "reported": true, "compiled": true, "issued": true, "commissioned": true, "filed": true}

// evidence reads the finding of a poll or a record at the verb k, when no
// other rule read one there. The speaker is the noun phrase with what
// follows its noun; its content is what the verb takes.
func (x *doc) evidence(s span, k int) *cand {
	lemma, ok := evidenceVerbs[x.toks[k].lower]
	poll := false
	if !ok {
		lemma, poll = pollVerbs[x.toks[k].lower]
	}
	if !ok && !poll || k == s.lo || poll && !x.pollObject(s, k) {
		return nil
	}
	j := k - 1
	for j > s.lo && (isAdverb(x.toks[j]) || bridgeAdverbs[x.toks[j].lower] || x.toks[j].lower == "also") {
		j-- // "polls consistently show", "the survey also found"
	}
	cueLo := k
	if x.toks[j].lower == "to" {
		v := j - 1
		if v <= s.lo || !seemVerbs[x.toks[v].lower] && !continueForms[x.toks[v].lower] {
			return nil // "nothing to suggest": an infinitive
		}
		cueLo, j = v, v-1 // "polls continue to show": the cue holds the verb before "to"
	}
	h := x.evidenceHead(s.lo, j)
	if h < 0 || poll && !pollHeads[x.toks[h].lower] {
		return nil
	}
	lo := h
	for lo > s.lo && h-lo < 6 && x.npBefore(lo-1) {
		lo--
	}
	if strings.HasSuffix(x.toks[k].lower, "ing") && (lo == s.lo || !participleOpeners[x.toks[lo-1].lower]) {
		return nil // "questioned the polls showing": more often an object than a source
	}
	e := cueEntry{act: schema.Assert, frame: frameSay, base: lemma}
	c := &cand{sent: s, cue: span{cueLo, k + 1}, speaker: span{lo, j + 1}, core: span{lo, h + 1}, entry: e, conf: 0.5}
	if !x.complement(c) || c.content.lo < c.cue.hi && !x.trailingFinding(c) {
		return nil
	}
	return c
}

// evidenceHead returns the evidence noun that heads the phrase ending at j,
// over a participle or a prepositional phrase after it ("a study by the
// council"); -1 when there is none.
func (x *doc) evidenceHead(lo, j int) int {
	for h := j; h >= lo && j-h <= 8; h-- {
		t := x.toks[h]
		switch {
		case t.kind != tWord && t.text != "/" && t.text != "-":
			return -1
		case evidenceNouns[t.lower] && (!t.cap || h == lo):
			if h < j && !x.postModifier(h+1) {
				return -1 // "a firm keen on finding"
			}
			return h
		case clauseOpeners[t.lower] || lex.is(t.lower, wPron|wAux|wBe|wNeg) || t.lower == "to" ||
			x.verbLike(h) && !evidenceParticiples[t.lower] || strings.HasSuffix(t.lower, "ing"):
			return -1 // "polls that show": the relative pronoun is the speaker
		}
	}
	return -1
}

// postModifier reports whether toks[k] may open what follows an evidence
// noun in its phrase: a preposition, a participle, a time ("this month").
func (x *doc) postModifier(k int) bool {
	w := x.toks[k].lower
	return lex.is(w, wPrep|wTime) || evidenceParticiples[w] || w == "last"
}

// participleOpeners come before a poll whose finding is a participle: "with
// polls showing", "despite a survey finding".
var participleOpeners = map[string]bool{"with": true, "despite": true, "amid": true, "of": true, "is": true, "are": true,
	"was": true, "were": true}

// npBefore reports whether toks[k] may open or modify the noun phrase that
// follows it: a word that is no clause opener, preposition, verb or cue.
func (x *doc) npBefore(k int) bool {
	t := x.toks[k]
	if t.kind != tWord && t.text != "/" && t.text != "-" && t.lower != "'s" {
		return false
	}
	return !clauseOpeners[t.lower] && !lex.is(t.lower, wPrep|wPron|wAux|wBe|wNeg) && !x.verbLike(k) && t.lower != "with"
}

// evidencePhrase widens the speaker of a finding that a subject rule read as
// the noun phrase after a preposition or a participle to the evidence noun
// that heads the whole phrase: "a survey conducted by the council found",
// "footage from the scene showed". PolNeAR's speaker is the whole phrase.
func (x *doc) evidencePhrase(c *cand) {
	if c.speaker.empty() || c.trailing || c.writer || c.speaker.hi > c.cue.lo || evidenceVerbs[x.toks[c.cue.hi-1].lower] == "" {
		return
	}
	if g := c.speaker.hi; g < c.cue.lo && x.datedFinding(g, c.cue.lo) {
		c.speaker.hi = c.cue.lo // "polls there show", "a poll out Monday showed": the phrase holds them
	}
	if c.core.hi-c.core.lo > 1 && x.toks[c.core.hi-1].lower == "out" && c.speaker.hi == c.cue.lo {
		c.core.hi-- // the actor is the poll, also when the speaker rules took the time in already
	}
	if c.speaker.lo <= c.sent.lo+1 {
		return
	}
	p := c.speaker.lo - 1
	if w := x.toks[p].lower; !lex.is(w, wPrep) && !evidenceParticiples[w] {
		return
	}
	h := x.evidenceHead(c.sent.lo, p)
	if h < 0 || h == p {
		return
	}
	lo := h
	for lo > c.sent.lo && h-lo < 6 && x.npBefore(lo-1) {
		lo--
	}
	c.speaker.lo, c.core = lo, span{lo, h + 1}
}

// trailingFinding reports whether c is a finding after what it finds, its
// phrase between a comma and the cue that ends the clause: "..., records
// filed on Monday show." The content is the clause before the comma.
func (x *doc) trailingFinding(c *cand) bool {
	k := c.cue.hi
	return c.trailing && c.content.hi <= c.speaker.lo && (k >= c.sent.hi || isEnd(x.toks[k]))
}

// participleOfFinding reports whether toks[k] is a participle inside the
// phrase of a finding, after its evidence noun and before its verb: "files
// filed on Monday showed". It is no cue of its own.
func (x *doc) participleOfFinding(s span, k int) bool {
	if !evidenceParticiples[x.toks[k].lower] || k == s.lo || !evidenceNouns[x.toks[k-1].lower] {
		return false
	}
	for j := k + 1; j < s.hi && j <= k+6; j++ {
		if evidenceVerbs[x.toks[j].lower] != "" {
			return true
		}
		if x.toks[j].kind != tWord || x.verbLike(j) {
			return false
		}
	}
	return false
}

// pollVerbs put a poll's figures in its subject's words: "the poll has
// Jones leading", "estimates put the cost at $2 billion", "the survey gave
// Jones a lead". Only a poll-like head takes them (pollHeads), and only
// with the object pollObject reads.
var pollVerbs = map[string]string{"has": "have", "had": "have", "have": "have", "put": "put", "puts": "put",
	"gave": "give", "gives": "give", "giving": "give"}

// pollHeads are the evidence nouns whose figures pollVerbs report.
var pollHeads = wordSet("poll polls survey surveys polling average estimates")

// pollObject reports whether the poll verb at k takes a figure's object: a
// name or a pronoun then a standing ("has Jones leading", "had him at 9
// percent"), a name or a pronoun then what is given ("gave Jones a lead"),
// or a phrase up to "at" ("put the cost at").
func (x *doc) pollObject(s span, k int) bool {
	if k+2 >= s.hi {
		return false
	}
	n := x.toks[k+1]
	person := n.cap && n.kind == tWord || n.lower == "him" || n.lower == "her" || n.lower == "them"
	switch pollVerbs[x.toks[k].lower] {
	case "have":
		for j := k + 2; j < s.hi && j <= k+4 && person; j++ {
			if w := x.toks[j].lower; w == "at" || w == "ahead" || strings.HasSuffix(w, "ing") && !x.toks[j].cap {
				return true
			}
		}
	case "give":
		return person && x.toks[k+2].kind == tWord
	case "put":
		for j := k + 2; j < s.hi && j <= k+10 && x.toks[j].kind == tWord; j++ {
			if x.toks[j].lower == "at" {
				return true
			}
		}
	}
	return false
}

// datedFinding reports whether the words from g to the cue at k close an
// evidence phrase: "there", or a time after "out" ("out this week").
func (x *doc) datedFinding(g, k int) bool {
	h := g - 1
	if x.toks[h].lower == "out" && h > 0 {
		h--
	}
	if !evidenceNouns[x.toks[h].lower] {
		return false
	}
	if k == g+1 && x.toks[g].lower == "there" {
		return true
	}
	if x.toks[g-1].lower != "out" {
		return false
	}
	for j := g; j < k; j++ {
		if !lex.is(x.toks[j].lower, wTime) {
			return false
		}
	}
	return true
}

// thanExpected reads an expectation a figure is measured against, at the
// "than" at toks[k]: "more seats than her aides expected", "later
// than the crews had expected". The speaker is the phrase between "than" and
// the verb, the cue the verb with its "had"; the content is the "than" for
// "expected" (so PolNeAR marks it) and the clause before it for a forecast
// ("costs would climb to more than the office had predicted"). A
// pronoun ("than I expected") is left: PolNeAR seldom marks it.
func (x *doc) thanExpected(s span, k int) *cand {
	if x.toks[k].lower != "than" || k == s.lo {
		return nil
	}
	v := -1
	for j := k + 1; j < s.hi && j <= k+5; j++ {
		if w := x.toks[j].lower; expectVerbs[w] {
			v = j
			break
		}
		if t := x.toks[j]; t.kind != tWord || x.verbLike(j) && t.lower != "had" || lex.is(t.lower, wPron|wPrep|wConj) {
			return nil
		}
	}
	if v < 0 || v == k+1 || v+1 < s.hi && !isEnd(x.toks[v+1]) {
		return nil
	}
	b := v
	if x.toks[v-1].lower == "had" {
		b = v - 1
	}
	if b == k+1 || lyAdverb(x.toks[b-1].lower) {
		return nil // "than originally expected": no one expects
	}
	c := &cand{sent: s, cue: span{b, v + 1}, speaker: span{k + 1, b}, core: span{k + 1, b}, content: span{k, k + 1}, conf: 0.5,
		entry: cueEntry{base: "expect", act: schema.Predict, frame: frameSay}}
	if x.toks[v].lower != "expected" {
		c.content = x.before(x.openerEnd(s.lo, k), k)
	}
	return c
}

// expectVerbs close a "than" phrase with an expectation.
var expectVerbs = wordSet("expected predicted forecast anticipated")

// asExpected reads an "as expected" at toks[k] closing a clause as the
// writer's view of that clause ("should the vote go to a second round as
// expected"): the content runs back to the clause's comma or the sentence's
// start, past a conjunction.
func (x *doc) asExpected(s span, k int) *cand {
	if x.toks[k].lower != "as" || k == s.lo || !expectVerbs[x.toks[k+1].lower] || k+2 < s.hi && !isEnd(x.toks[k+2]) {
		return nil
	}
	lo := k - 1
	for lo > s.lo && x.toks[lo-1].text != "," && x.toks[lo-1].text != ";" {
		lo--
	}
	for lo < k && (lex.is(x.toks[lo].lower, wConj) || x.toks[lo].lower == "should") {
		lo++
	}
	if k-lo < 3 {
		return nil
	}
	return &cand{sent: s, cue: span{k, k + 2}, content: span{lo, k}, writer: true, conf: 0.5,
		entry: cueEntry{base: "expect", act: schema.Predict, frame: frameSay}}
}

// showNoun reports whether a "show" or "shows" at toks[k] is a programme,
// after a possessive or a medium: "their shows", "a radio show".
func (x *doc) showNoun(s span, k int) bool {
	w := x.toks[k].lower
	return (w == "show" || w == "shows") && k > s.lo && (possessives[x.toks[k-1].lower] != "" || showOwners[x.toks[k-1].lower])
}

// showOwners, with the third-person possessives, come before a "show" that
// is a programme.
var showOwners = wordSet("our my your tv radio talk morning cable")

// dropAppearances removes a claim whose cue is an "appear" of a body in a
// place ("will appear on the show", "appear in search results"), not a
// seeming: a preposition follows the verb or ends the cue.
func (x *doc) dropAppearances(cs []*cand) []*cand {
	out := cs[:0]
	for _, c := range cs {
		v := c.cue.hi - 1
		if placePreps[x.toks[v].lower] && v > c.cue.lo {
			v--
		}
		if !appearForms[x.toks[v].lower] || v+1 >= c.sent.hi || !placePreps[x.toks[v+1].lower] {
			out = append(out, c)
		}
	}
	return out
}

// appearForms are the forms of "appear"; placePreps the prepositions after
// an appearance in a place.
var appearForms, placePreps = wordSet("appear appears appeared appearing"), wordSet("on in at with before alongside onstage")

// seemLike takes the "like" after a "seems" into its cue, as PolNeAR's cue
// mostly does: "seems like a fair idea", "seemed like a wild guess".
func (x *doc) seemLike(c *cand) {
	if k := c.cue.hi; k < c.sent.hi && seemVerbs[x.toks[k-1].lower] && x.toks[k].lower == "like" && c.content.lo == k {
		c.cue.hi, c.content.lo = k+1, k+1
	}
}
