package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// Frames beyond "SPEAKER cue CONTENT": "Asked about X, ...", headlines in
// the future ("Acme to endorse Berg."), "To X, VIEW", bylines, "drew
// criticism from", and participles that are no cue. Colons, speech nouns and
// polls have files of their own.

// asked reads "Asked about X, Smith said ..." and "..., he said when asked
// about X": the one asked is the sentence's speaker; "Asked by Lauer
// whether ..." is Lauer's question.
func (x *doc) asked(c *cand, prior []*cand) bool {
	end := c.cue.hi
	for end < c.sent.hi && end < c.cue.hi+40 && !isEnd(x.toks[end]) {
		end++
	}
	after := end + 1 // the first token after the clause's comma
	if end+1 < c.sent.hi && x.toks[end].text == "," && x.toks[end+1].kind == tCloseQ && x.quoted[end] {
		end, after = end+2, end+2 // "Asked whether she “can lead,” 70 percent said no": the comma is the quotation's
	}
	c.content = span{c.cue.hi, end}
	if h := c.cue.hi; h+1 < end && x.toks[h].lower == "by" {
		if a := x.agent(h+1, end); !a.empty() && a.hi < end {
			c.speaker, c.content, c.conf = a, span{a.hi, end}, 0.6 // "Asked by Lauer whether ...": the asker speaks
			return true
		}
	}
	if p := lastBefore(prior, c.cue.lo); p != nil {
		c.inherit, c.speaker, c.antecedent, c.appos, c.conf = p, p.speaker, p.antecedent, p.appos, 0.6
		return !c.content.empty()
	}
	if c.cue.lo > c.sent.lo && end >= c.sent.hi-1 && !c.content.empty() {
		c.writer, c.conf = true, 0.6 // "who chose the very phrase when asked in March if ...": no one named asks
		return true
	}
	if after >= c.sent.hi || x.toks[after-1].text != "," && x.toks[after-1].kind != tCloseQ {
		return false
	}
	if t := x.toks[after]; lex.is(t.lower, wPron) && thirdPerson(t) {
		c.speaker = span{after, after + 1}
	} else if c.speaker = x.rightNP(after, c.sent.hi); !c.speaker.empty() {
		c.speaker.hi = x.ofPhrase(c.speaker.hi, c.sent.hi)
	} else if after+1 < c.sent.hi && numeral(x.toks[after].lower) && (x.toks[after+1].lower == "percent" || x.toks[after+1].text == "%") {
		c.speaker = span{after, x.ofPhrase(after+2, c.sent.hi)} // "Asked if ..., 72 percent of riders said"
	}
	for k := c.speaker.lo + 1; k < c.speaker.hi; k++ {
		if x.isCue(k) {
			c.speaker.hi = k // "75 percent of riders said yes" ends before its cue
			break
		}
	}
	c.conf = 0.6
	if c.speaker.empty() && !c.content.empty() {
		c.writer = true // "When asked to resign, she reportedly laughed", "..., only 23 percent named": no one named asks
	}
	return !c.content.empty()
}

// wasAsked reads a passive "asked": "Berg was asked about the strike",
// "Li was asked by a reporter whether the port was safe". The one asked is
// the speaker, as in "Asked about X, Berg said"; an asker after "by" speaks
// instead. "about" is in the cue.
func (x *doc) wasAsked(c *cand) bool {
	vg := c.cue.lo
	for vg > c.sent.lo && x.toks[vg-1].kind == tWord && (lex.is(x.toks[vg-1].lower, wAux|wBe|wNeg) || vg == c.cue.lo) {
		vg-- // "were also asked": the adverb before "asked" is the verb group's
	}
	subj := x.passiveSubject(c.sent.lo, vg, true)
	if p := vg - 1; subj.empty() && p >= c.sent.lo && x.toks[p].kind == tWord && lex.is(x.toks[p].lower, wPron) {
		subj = span{p, vg} // "he was asked why the ferry sank": the writer's claim all the same (writersOwn)
	}
	if subj.empty() && vg > c.sent.lo && x.toks[vg-1].lower == "to" {
		return false // "the clerk would have to be asked about": an infinitive, with no subject read
	}
	c.writer = subj.empty() // "Ruiz’s office has even been asked": no subject read, the writer's claim all the same
	h := c.cue.hi
	if h < c.sent.hi && (x.toks[h].lower == "about" || x.toks[h-1].lower != "asked" && askedPreps[x.toks[h].lower]) {
		h++ // "was asked about", "was pressed on"
	}
	c.cue, c.speaker, c.conf = span{vg, h}, subj, 0.5
	if h+1 < c.sent.hi && x.toks[h].lower == "by" {
		a := x.agent(h+1, c.sent.hi)
		for k := a.lo; k < a.hi; k++ {
			if questionOpeners[x.toks[k].lower] {
				a.hi = k // "by a harbour pilot whether the dock ...": the question opens at "whether"
			}
		}
		if !a.empty() && a.hi < c.sent.hi {
			c.speaker, h, c.writer = a, a.hi, false // "was asked by a clerk whether ...": the asker speaks
		}
	}
	if h+1 < c.sent.hi && (x.toks[h].text == "," || x.toks[h].text == ":") && x.toks[h+1].kind == tOpenQ {
		h++ // "was asked, “Is it over?”"
	}
	end := h
	for end < c.sent.hi && (x.quoted[end] || x.toks[end].kind == tOpenQ || !isEnd(x.toks[end])) {
		end++
	}
	c.content = span{h, end}
	return !c.content.empty()
}

// askedAt reports whether toks[k] puts a question as "asked" does: "asked",
// or a "questioned" or "pressed" before what it is about ("was questioned
// about", "when pressed on").
func (x *doc) askedAt(k int) bool {
	switch x.toks[k].lower {
	case "asked":
		return true
	case "questioned", "pressed":
		return k+1 < len(x.toks) && (askedPreps[x.toks[k+1].lower] || pressedOpeners[x.toks[k+1].lower])
	}
	return false
}

// askedPreps open what a "questioned" or "pressed" is about; PolNeAR's cue
// holds them.
var askedPreps = map[string]bool{"about": true, "on": true, "over": true}

// pressedOpeners open a question after a "questioned" or "pressed": "was
// pressed whether". Not "by": "Pressed by the host, Li said" is no claim.
var pressedOpeners = map[string]bool{"whether": true, "if": true, "why": true, "how": true, "what": true}

// commaAsked reports whether the "asked" at k opens an aside after a
// comma, with its question's "about" or "whether" after it: "Jones
// spoke, asked about the delay", "said Ana Ruiz, asked whether".
func (x *doc) commaAsked(k int) bool {
	if k == 0 || k+1 >= len(x.toks) || x.toks[k-1].text != "," {
		return false
	}
	w := x.toks[k+1].lower
	return w == "about" || w == "whether"
}

// questionOpeners open the question after "was asked by" its asker.
var questionOpeners = map[string]bool{"whether": true, "if": true, "what": true, "why": true, "how": true,
	"when": true, "where": true, "who": true, "about": true, "to": true}

// modifier reports a cue word used as a participle inside a noun phrase: "a
// reporter asking about the dam", "a dish called the thunder". A
// side-taking participle is none: "a group backing Lee" takes a side.
func (x *doc) modifier(c *cand, j int) bool {
	if c.inherit != nil || j != c.cue.lo-1 || c.entry.particle != "" {
		return false
	}
	first := x.toks[c.speaker.lo].lower
	if first != "a" && first != "an" {
		return x.namingParticiple(c, j)
	}
	if h := x.toks[c.speaker.hi-1].lower; lex.is(h, wMedium) || publishedObjects[h] || evidenceNouns[h] || h == "sign" {
		return false // "a statement saying", "a sign calling for": a text speaks
	}
	if stanceBases[c.entry.base] {
		return false // "a group backing Lee": the group takes the side
	}
	if h := c.cue.hi; c.entry.base == "call" && h < c.sent.hi && objectPronouns[x.toks[h].lower] {
		return false // "a reporter called it chaos": a naming participle takes no pronoun
	}
	if c.entry.base == "call" && x.roleIn(c.speaker) && x.hasOpen(span{c.cue.hi + 1, c.sent.hi}) {
		return false // "a spokesman called the report “absurd”": a label after the object
	}
	return c.entry.base == "call" || x.toks[c.cue.lo].lower == "named" || strings.HasSuffix(x.toks[c.cue.lo].lower, "ing")
}

// roleIn reports whether sp holds a person's role: "A spokesman for Lee".
func (x *doc) roleIn(sp span) bool {
	for k := sp.lo; k < sp.hi; k++ {
		if lex.is(x.toks[k].lower, wRole) {
			return true
		}
	}
	return false
}

// namingParticiple reports a naming participle after an indefinite noun
// phrase that the speaker rules cut short: "a rights group called Green
// Now", "one called the thunder", "a 40-year-old Lyon resident named
// Ana". The noun phrase runs left from j, its last word, over words and
// commas before a capitalised word, to "a", "an", "one" or "another". A
// person's role before "called" is left to speak: "one senator called
// Berg a liar".
func (x *doc) namingParticiple(c *cand, j int) bool {
	w := x.toks[c.cue.lo].lower
	if w != "called" && w != "named" || c.cue.hi-c.cue.lo != 1 || c.cue.hi >= c.sent.hi || x.toks[j].kind != tWord || x.toks[j].cap {
		return false
	}
	if h := x.toks[c.cue.hi]; objectPronouns[h.lower] || lex.is(h.lower, wPron) {
		return false
	}
	if w == "called" && lex.is(x.toks[j].lower, wRole|wGroup) {
		return false
	}
	if x.toks[j].lower == "one" || x.toks[j].lower == "another" {
		return true
	}
	if lex.is(x.toks[j].lower, wDet|wPron|wStop) {
		return false
	}
	for k := j - 1; k >= c.sent.lo && k >= j-8; k-- {
		t := x.toks[k]
		switch {
		case t.lower == "a" || t.lower == "an" || t.lower == "one" || t.lower == "another":
			return true
		case t.text == "," && k > c.sent.lo && x.toks[k-1].cap:
		case t.kind != tWord || lex.is(t.lower, wDet|wPron|wStop|wPrep|wAux|wBe):
			return false
		}
	}
	return false
}

// stanceBases are the verbs of taking a side, whose participle after a noun
// phrase still attributes the stance to it.
var stanceBases = wordSet("support back oppose endorse")

// objectPronouns are object-case pronouns, which a naming participle never
// takes: "a dish called the thunder" names, "a reporter called it chaos"
// does not.
var objectPronouns = wordSet(`it him her them me us himself herself itself themselves`)

// headlineTo reads an article's first line in the news headline's future,
// "Acme to endorse Berg.": the names before "to" are the speaker, "to" and
// the cue verb's base form the cue, the rest the content.
func (x *doc) headlineTo(s span, k int) *cand {
	if k != 0 || s.lo != 0 {
		return nil
	}
	t := k
	for ; t < s.hi && t-k < 5 && x.toks[t].kind == tWord && x.toks[t].cap && !lex.is(x.toks[t].lower, wStop|wDet|wPron); t++ {
		if x.isCue(t) || isVerbish(x.toks[t].lower) {
			return nil // "Berg Refuses to Disavow ...": the verb is the cue
		}
	}
	if t == k || t+2 >= s.hi || x.toks[t].lower != "to" {
		return nil
	}
	if _, ok := lex.acts[x.toks[t+1].lower]; !ok {
		return nil
	}
	_, n, ok := lex.cue(x.toks, t+1)
	if !ok {
		n = 1
	}
	if x.nextComma(t, s.hi) >= 0 {
		return nil // "Ready to back Berg, Li works to ...": an opening phrase
	}
	c := &cand{sent: s, speaker: span{k, t}, cue: span{t, t + 1 + n}, content: x.before(t+1+n, s.hi), conf: 0.5,
		entry: cueEntry{act: lex.acts[x.toks[t+1].lower], frame: frameSay}}
	if c.content.empty() {
		return nil
	}
	return c
}

// headlineJust reads an article's first line that reports a fresh act,
// "Acme Just Hired A New Chief": the capitalised name that opens the line
// (or follows a label and a colon) is the speaker, "Just" and the verb in
// the past the cue, the rest up to a dash the content. A verb the lexicon
// knows is left to its own frame, whose headline adverb takes "Just".
func (x *doc) headlineJust(s span, k int) *cand {
	if s.lo != 0 || x.toks[k].lower != "just" || !x.toks[k].cap || k == s.lo || k+2 >= s.hi || !x.headline(s) {
		return nil
	}
	v := x.toks[k+1]
	if v.kind != tWord || !v.cap || !(strings.HasSuffix(v.lower, "ed") || justPast[v.lower]) {
		return nil
	}
	if _, _, ok := lex.cue(x.toks, k+1); ok {
		return nil
	}
	lo := x.headlineName(s, k)
	if lo < 0 {
		return nil // "Look How Li Just Hired", "Li Was Just Hired": no name opens the line, or not as the doer
	}
	hi := k + 2
	for hi < s.hi && !isDash(x.toks[hi].text) && x.toks[hi].text != "…" {
		hi++
	}
	c := &cand{sent: s, speaker: span{lo, k}, cue: span{k, k + 2}, content: x.before(k+2, hi), conf: 0.5,
		entry: cueEntry{act: schema.Assert, frame: frameSay}}
	if c.content.empty() {
		return nil
	}
	return c
}

// headlineVerb reads an article's first line "Acme Backs Berg" with a verb
// that headlines use for a stance and the lexicon leaves out: the name that
// opens the line is the speaker, the verb the cue, the rest the content.
func (x *doc) headlineVerb(s span, k int) *cand {
	if s.lo != 0 || k == s.lo || k+1 >= s.hi || x.toks[k].kind != tWord {
		return nil
	}
	act, ok := headlineVerbs[x.toks[k].lower]
	if !ok {
		return nil
	}
	if _, _, ok := lex.cue(x.toks, k); ok || x.toks[k+1].lower == "up" || x.toks[k+1].lower == "back" {
		return nil // "Li fires up the base": a phrasal verb
	}
	lo := x.headlineName(s, k)
	if lo < 0 {
		return nil
	}
	hi := k + 1
	for hi < s.hi && !isDash(x.toks[hi].text) && x.toks[hi].text != ";" && x.toks[hi].text != "," {
		hi++
	}
	c := &cand{sent: s, speaker: span{lo, k}, cue: span{k, k + 1}, content: x.before(k+1, hi), conf: 0.5,
		entry: cueEntry{act: act, frame: frameSay}}
	if c.content.empty() {
		return nil
	}
	return c
}

// headlineName returns where the capitalised name before toks[k] starts
// when it opens line s or follows a label's colon ("Acme Backs Berg",
// "Update: Acme Backs Berg"), else -1.
func (x *doc) headlineName(s span, k int) int {
	lo := k
	for lo > s.lo && k-lo < 6 && x.toks[lo-1].kind == tWord && x.toks[lo-1].cap && !lex.is(x.toks[lo-1].lower, wStop|wPron|wAux) {
		lo--
	}
	if lo == k || lo > s.lo && x.toks[lo-1].text != ":" {
		return -1
	}
	return lo
}

// headlineVerbs are a headline's verbs of stance that the lexicon leaves
// out, as they are too often something else in a story's body.
var headlineVerbs = map[string]schema.SpeechAct{"backs": schema.Assert, "chides": schema.Denounce, "trashes": schema.Denounce,
	"debunks": schema.Denounce, "fires": schema.Denounce, "confronts": schema.Denounce,
	"rips": schema.Denounce, "knocks": schema.Denounce, "bashes": schema.Denounce, "nominates": schema.Assert, "welcomes": schema.Assert}

// justPast are the irregular past forms a headline's "Just" reports with:
// "Just Gave", "Just Made". "Got" is left out: "Just Got Some News" tells
// what befell the name.
var justPast = wordSet("gave made told wrote sent shared took")

// toView reads "To Jo Li, the plan is a mistake.": the view is the named
// person's, and PolNeAR marks "To" as its cue. The name may take a "who"
// clause closed by a comma ("To Li, who studies rallies, ...").
func (x *doc) toView(s span, k int) *cand {
	if x.toks[k].lower != "to" || k != s.lo && !(k == s.lo+1 && viewOpeners[x.toks[k-1].lower]) {
		return nil
	}
	end := k + 1
	for ; end < s.hi && end-k <= 5 && x.toks[end].kind == tWord && (x.toks[end].cap || x.roleBeforeName(end, s.hi)) && !lex.is(x.toks[end].lower, wStop|wDet|wPron|wTime); end++ {
	}
	if end == k+1 && k+2 < s.hi && viewHolders[x.toks[k+1].lower] {
		end = k + 2 // "To many, the plan is a mistake", "But to them, ..."
	}
	if end == k+1 || end+1 >= s.hi || x.toks[end].text != "," {
		return nil
	}
	if r, n := x.lookup(k+1, end); n > 0 && r.p.typ != "person" {
		return nil // "To Boston, ...": a destination
	}
	name := span{k + 1, end}
	sp := name
	if x.toks[end+1].lower == "who" {
		j := x.nextComma(end+2, s.hi)
		if j < 0 || j+1 >= s.hi {
			return nil
		}
		sp.hi, end = j+1, j
	}
	c := &cand{sent: s, cue: span{k, k + 1}, speaker: sp, core: name, content: x.before(end+1, s.hi), conf: 0.5,
		entry: cueEntry{act: schema.Assert, frame: framePrep}}
	if c.content.empty() {
		return nil
	}
	return c
}

// roleBeforeName reports whether toks[k] is a lower-case role word after a
// capitalised word and before a name: "To Ohio consultant Jo Li, ...".
func (x *doc) roleBeforeName(k, hi int) bool {
	return k+1 < hi && x.toks[k-1].cap && x.toks[k-1].kind == tWord && lex.is(x.toks[k].lower, wRole) && x.toks[k+1].cap && x.toks[k+1].kind == tWord
}

// viewOpeners may come before a "to" that names whose view a clause is:
// "But to others, ...", "because to him, ...".
var viewOpeners = wordSet("but because and")

// viewHolders are the pronouns and quantifiers that may hold a view after
// "to": "To many, ...", "To them, ...".
var viewHolders = wordSet("them him her many others some most me us")

// quoteOpen returns the mark that opens the quotation closed at toks[end],
// on the same line, over quotations inside it; a closing mark that opens
// its line opens it too (”We will win.” ― Ana Silva). -1 when there is none.
func (x *doc) quoteOpen(end int) int {
	depth := 0
	for j := end - 1; j >= 0 && end-j < 400; j-- {
		switch t := x.toks[j]; {
		case t.kind == tOpenQ && depth == 0, t.kind == tCloseQ && t.nl && depth == 0:
			return j
		case t.kind == tOpenQ:
			depth--
		case t.kind == tCloseQ:
			depth++
		}
		if x.toks[j].nl {
			return -1
		}
	}
	return -1
}

// dashes introduce a byline after a quotation: "“...” ― Ana Silva".
var dashes = map[string]bool{"―": true, "—": true, "–": true, "-": true, "--": true}

// byline reads a quotation closed right before a dash at toks[k], then a
// name that ends the line: "“We will win.” ― Ana Silva". The dash is the
// cue, as PolNeAR marks it; the quotation may run over several sentences.
func (x *doc) byline(s span, k int) *cand {
	if !dashes[x.toks[k].text] || k < 2 || x.toks[k-1].kind != tCloseQ {
		return nil
	}
	name := span{k + 1, k + 1}
	for name.hi < len(x.toks) && name.hi-name.lo < 5 && !x.toks[name.hi].nl && (x.toks[name.hi].kind == tWord && x.toks[name.hi].cap || x.toks[name.hi].text == ".") {
		name.hi++
	}
	if name.empty() || name.hi < len(x.toks) && !x.toks[name.hi].nl && x.toks[name.hi].text != "," || x.toks[name.lo].kind != tWord {
		return nil // a comma may follow the name: "― Ana Silva, Easton", "― Ana Silva, writing on Twitter"
	}
	open := x.quoteOpen(k - 1)
	if open < 0 || open+1 >= k-1 {
		return nil
	}
	if name.hi > name.lo+1 && x.toks[name.hi-1].text == "." {
		name.hi-- // "― Steve Quinlan."
	}
	return &cand{sent: s, speaker: name, cue: span{k, k + 1}, content: span{open + 1, k - 1}, direct: true, conf: 0.5,
		entry: cueEntry{act: schema.Assert, frame: frameSay}}
}

// drawVerbs take an evaluative noun whose givers follow "from", "of" or
// "among": "the levy drew criticism from growers", "the mayor secured the
// backing of three unions". Not "has" or "had" ("has the support of"): on
// PolNeAR train they add twice as many spurious claims as true ones.
var drawVerbs = map[string]bool{"drew": true, "draw": true, "draws": true, "drawn": true, "drawing": true,
	"won": true, "wins": true, "earned": true, "earns": true, "garnered": true, "garners": true,
	"attracted": true, "attracts": true, "received": true, "receives": true,
	"secured": true, "secures": true, "gained": true, "gains": true, "got": true, "gotten": true, "enjoyed": true, "enjoys": true,
	"consolidated": true, "faced": true, "faces": true}

// drawnNouns are what a speaker gives to what is said about: support, blame.
var drawnNouns = map[string]bool{"criticism": true, "support": true, "endorsement": true, "endorsements": true,
	"praise": true, "backing": true, "condemnation": true, "scorn": true, "rebuke": true, "rebukes": true,
	"applause": true, "ire": true, "opposition": true, "outrage": true, "derision": true, "ridicule": true, "complaints": true}

// drawnFrom reads "the levy drew sharp criticism from growers": the growers
// are the speaker, the cue runs from the verb to the noun, and the subject
// is the content.
func (x *doc) drawnFrom(s span, k int) *cand {
	if !drawVerbs[x.toks[k].lower] {
		return nil
	}
	n := k + 1
	for ; n < s.hi && n-k <= 4 && !drawnNouns[x.toks[n].lower]; n++ {
		if t := x.toks[n]; t.kind != tWord || t.cap || lex.is(t.lower, wStop|wPrep|wPron|wRel) && !lex.is(t.lower, wDet) {
			return nil
		}
	}
	if n+2 >= s.hi || !drawnNouns[x.toks[n].lower] {
		return nil
	}
	if p := x.toks[n+1].lower; p != "from" && p != "of" && p != "among" {
		return nil
	}
	end := n + 2
	for ; end < s.hi && end-n-2 < maxNP; end++ {
		t := x.toks[end]
		if t.kind != tWord && t.lower != "'s" || lex.is(t.lower, wRel) || t.lower == "who" || t.lower == "for" || x.isCue(end) {
			break
		}
	}
	if end == n+2 {
		return nil
	}
	c := &cand{sent: s, cue: span{k, n + 1}, speaker: span{n + 2, end}, entry: cueEntry{act: schema.Assert, frame: frameSay}, conf: 0.5, loose: true}
	j, ok := x.bridge(c)
	if !ok || j < s.lo || x.toks[j].kind != tWord {
		return nil
	}
	c.content = x.leftNP(s.lo, j+1)
	if c.content.empty() {
		return nil
	}
	return c
}

// firstToEndorse reads "the first mayor in Germany to endorse Lee": the
// phrase that "first" or "earliest" opens is the speaker (with "one of"
// before it), unless a name or a pronoun is its subject right before "was"
// or "became" ("Ruiz was the first mayor to endorse Lee"), which is then
// the speaker. "to endorse" is the cue, the rest of the clause the content.
// On PolNeAR train 5 of 6 such phrases are gold ("the only mayor to
// endorse" is not).
func (x *doc) firstToEndorse(s span, k int) *cand {
	if w := x.toks[k].lower; w != "first" && w != "earliest" || k == s.lo || !articles[x.toks[k-1].lower] {
		return nil
	}
	j := k + 1
	for ; j < s.hi && j <= k+7 && x.toks[j].lower != "to"; j++ {
		if t := x.toks[j]; t.kind != tWord || x.verbLike(j) || lex.is(t.lower, wRel|wConj) {
			return nil
		}
	}
	if j == k+1 || j+2 >= s.hi || x.toks[j].lower != "to" || x.toks[j+1].lower != "endorse" {
		return nil
	}
	np := span{k - 1, j}
	if np.lo-2 >= s.lo && x.toks[np.lo-2].lower == "one" && x.toks[np.lo-1].lower == "of" {
		np.lo -= 2 // "one of the earliest members"
	}
	speaker, subject := np, span{}
	if b := np.lo - 1; b-1 >= s.lo && (x.toks[b].lower == "was" || x.toks[b].lower == "became") {
		p := x.toks[b-1]
		subject = x.leftNP(s.lo, b)
		if subject.empty() && lex.is(p.lower, wPron) {
			subject = span{b - 1, b}
		}
		if p.kind == tWord && (lex.is(p.lower, wPron) || p.cap && !lex.is(p.lower, wTime)) && !subject.empty() {
			speaker = subject // "Ruiz was the first mayor to endorse"
		}
	}
	end := j + 2
	for end < s.hi && !isEnd(x.toks[end]) {
		end++
	}
	c := &cand{sent: s, speaker: speaker, cue: span{j, j + 2}, content: span{j + 2, end}, conf: 0.5,
		entry: cueEntry{base: "endorse", act: schema.Assert, frame: frameSay}}
	if speaker == np {
		c.loose = true
		if !subject.empty() && x.toks[subject.hi-1].kind == tWord && !lex.is(x.toks[subject.hi-1].lower, wTime) {
			c.antecedent = subject // "The union became the first group to endorse": the union endorses
		}
	}
	return c
}
