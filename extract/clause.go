package extract

import "strings"

// Speakers read from the clause: the subject of a second verb or a
// participle, a subject that fills the sentence up to the cue, and loose
// noun phrases no other rule reads.

// clauseSubject returns the subject that opens the sentence, for a cue in a
// second verb phrase: "Bush thought for a moment and said that ...",
// "After the vote, Smith, a senator, left the room, saying ...".
func (x *doc) clauseSubject(lo, j int) span {
	pos := x.subjectStart(lo, j)
	if pos < j && lex.is(x.toks[pos].lower, wPron) && thirdPerson(x.toks[pos]) {
		return span{pos, pos + 1}
	}
	np := x.rightNP(pos, j)
	if np.empty() {
		np = x.commonSubject(pos, j)
	}
	if np.empty() || np.hi >= j {
		return span{}
	}
	for np.hi+1 < j && (x.toks[np.hi].lower == "of" && x.ofHead(np.hi-1) || subjectPreps[x.toks[np.hi].lower] && x.peopleHead(np.hi-1)) {
		of := x.rightNP(np.hi+1, j) // "The former minister of Trade", "the treasurer of the state of Ohio", "Democrats in Congress"
		if of.empty() || of.hi >= j || x.toks[np.hi].lower != "of" && !x.verbLike(of.hi) && x.toks[of.hi].text != "," {
			break // not "Voters in the Labour | primary"
		}
		np.hi = of.hi
	}
	k := np.hi
	if x.toks[k].text == "(" {
		if e := x.closeParen(k, j); e > 0 {
			k = e + 1 // "Sen. Ana Berg (D-Ore.)"
		}
	}
	if k < j && x.toks[k].text == "," {
		k = x.nextComma(k+1, j) + 1 // "Smith, a former senator, ..."
	}
	if k <= 0 || k >= j || x.toks[k].kind != tWord || x.toks[k].cap {
		return span{}
	}
	return np
}

// subjectPreps open a phrase that a sentence's plural subject keeps:
// "Democrats in Congress", "Republicans on Capitol Hill".
var subjectPreps = map[string]bool{"in": true, "on": true, "at": true, "across": true}

// subjectStart returns where the sentence's subject starts: after an
// opening conjunction ("But"), and after an adverbial or participle phrase
// closed by a comma ("In a speech on Tuesday,", "Asked about it,").
func (x *doc) subjectStart(lo, j int) int {
	pos := x.datelineEnd(lo, j)
	if pos < j && coordinators[x.toks[pos].lower] {
		pos++ // "But Smith ..."
	}
	for n := 0; n < 3 && pos < j; n++ {
		t := x.toks[pos]
		if !lex.is(t.lower, wPrep|wTime|wStop|wConj) && !isVerbish(t.lower) && !x.timeOpening(pos, j) {
			break
		}
		k := x.nextComma(pos+1, j)
		if k <= 0 || k-pos > 30 || k+1 >= j {
			if n == 0 {
				pos = x.introWords(pos, j) // "Then he", "On Tuesday she": no comma closes them
			}
			break
		}
		pos = k + 1 // "On Friday, after a long pause, Li ...": one opening phrase after another
	}
	return pos
}

// agencyDateline reports whether the sentence at lo opens with a place in
// ordinary capitals and an agency in parentheses: "Boston (AFP) –".
func (x *doc) agencyDateline(lo, j int) bool {
	for k := lo; k+3 < j && k <= lo+3; k++ {
		if !x.toks[k].cap {
			return false
		}
		if a := x.toks[k+2]; x.toks[k+1].text == "(" && a.kind == tWord && a.cap && x.toks[k+3].text == ")" {
			return k+4 < j && isDash(x.toks[k+4].text)
		}
	}
	return false
}

// datelineEnd returns where a sentence that opens with a news agency's
// dateline starts after it ("BOSTON, May 3 (AP) — "), else lo.
func (x *doc) datelineEnd(lo, j int) int {
	if lo >= j {
		return lo
	}
	if t := x.toks[lo]; t.kind != tWord || len(t.text) < 2 || strings.ToUpper(t.text) != t.text && !x.agencyDateline(lo, j) {
		return lo
	}
	for k := lo + 1; k < j && k <= lo+12; k++ {
		t := x.toks[k]
		switch {
		case isDash(t.text) && t.kind == tPunct:
			return k + 1
		case t.kind == tWord && !t.cap && !isDigit(t.lower):
			return lo
		}
	}
	return lo
}

// timeOpening reports whether a short phrase closed by a comma at pos ends
// in a time word ("Hours later,", "Two weeks ago,") or opens with a
// preposition the lexicon lacks ("Throughout the 2000s,").
func (x *doc) timeOpening(pos, j int) bool {
	k := x.nextComma(pos+1, j)
	if k < 0 || k-pos > 6 {
		return false
	}
	return k-pos <= 3 && lex.is(x.toks[k-1].lower, wTime) || openers[x.toks[pos].lower]
}

// openers open an adverbial phrase before a clause's subject.
var openers = map[string]bool{"throughout": true, "alongside": true, "amid": true, "despite": true, "following": true}

// introWords skips the time words, prepositions and conjunctions that open
// a clause before its subject when no comma closes them: "And then Trump
// went", "On Tuesday she doubled down".
func (x *doc) introWords(pos, j int) int {
	for k := pos; k < j && k < pos+4; k++ {
		if t := x.toks[k]; t.kind != tWord || !lex.is(t.lower, wPrep|wTime|wConj) && !coordinators[t.lower] {
			return k
		}
	}
	return pos
}

// coordinators open a sentence before its subject.
var coordinators = map[string]bool{"but": true, "and": true, "yet": true, "so": true, "or": true}

// nextComma returns the first comma from k before end, or -1; a quotation
// mark stops the search.
func (x *doc) nextComma(k, end int) int {
	for ; k < end; k++ {
		switch t := x.toks[k]; {
		case t.text == ",":
			return k
		case t.kind == tOpenQ || t.kind == tCloseQ || t.text == ";":
			return -1
		}
	}
	return -1
}

// commonSubject reads a subject headed by common nouns the lexicon does not
// know, from a determiner to a verb: "The billionaire businessman began".
func (x *doc) commonSubject(pos, j int) span {
	if pos >= j || !lex.is(x.toks[pos].lower, wDet) || x.toks[pos].lower == "that" {
		return span{}
	}
	for k := pos + 1; k < j && k <= pos+5; k++ {
		t := x.toks[k]
		if t.kind != tWord || t.cap {
			return span{}
		}
		if x.verbLike(k) || irregularPast[t.lower] {
			if h := x.toks[k-1].lower; k > pos+1 && (lex.class[h] == 0 || lex.is(h, wRole|wBody|wGroup)) {
				return span{pos, k}
			}
			return span{}
		}
		if lex.class[t.lower] != 0 && !lex.is(t.lower, wRole|wBody|wGroup|wMod) {
			return span{}
		}
	}
	return span{}
}

// irregularPast are common past tenses without "-ed" that end a subject
// for commonSubject: "The rich businessman began by talking".
var irregularPast = map[string]bool{"began": true, "went": true, "took": true, "made": true, "came": true, "gave": true,
	"got": true, "held": true, "kept": true, "left": true, "met": true, "ran": true, "sat": true, "spoke": true,
	"stood": true, "won": true, "brought": true, "sent": true, "spent": true, "struck": true, "drew": true,
	"lost": true, "paid": true, "led": true, "broke": true, "threw": true, "rose": true, "fell": true}

// clauseStart reads a speaker that fills the sentence up to the comma at j
// before the cue, asides and all: "Cummings (D-Md.), chair of the Platform
// Committee, said"; "Powell's office, when contacted by Reuters, said". Its
// first part, up to the first comma, must be a noun phrase with no verb.
func (x *doc) clauseStart(c *cand, j int) bool {
	lo := c.sent.lo
	if j-lo > 30 || j-lo < 2 {
		return false
	}
	first := -1
	for k := lo; k < j; k++ {
		t := x.toks[k]
		if t.kind == tOpenQ || t.kind == tCloseQ || t.text == ";" || t.text == ":" || x.isCue(k) {
			return false
		}
		if t.text == "," && first < 0 {
			first = k
		}
		if first < 0 && x.verbLike(k) {
			return false
		}
	}
	if first < 0 {
		return false
	}
	np := x.leftNP(lo, first)
	if np.empty() || np.lo != lo && !(np.lo == lo+1 && lex.is(x.toks[lo].lower, wConj)) {
		return false
	}
	if x.toks[np.hi-1].text == ")" {
		if k := x.openParen(np.hi-1, np.lo); k > np.lo {
			np.hi = k // the actor is "Cummings", not "Cummings (D-Md.)"
		}
	}
	c.speaker, c.antecedent = span{np.lo, j + 1}, np
	return true
}

// looseSubject is the last resort for a reporting verb whose subject no
// rule above reads: a common noun phrase with its modifiers, from a clause
// boundary to the cue ("a source close to him said", "Thirty-one
// percent of those surveyed say"). The phrase names its own actor.
func (x *doc) looseSubject(c *cand, j int) bool {
	if j > c.sent.lo && x.toks[j].text == "," && looseCues[x.toks[c.cue.hi-1].lower] {
		if k := x.asideBefore(j, c.sent.lo); k >= 0 {
			j = k // "Proponents of the bill, however, say"
		}
	}
	if !x.looseCue(c) || c.inherit != nil || j < c.sent.lo || x.toks[j].kind != tWord {
		return false
	}
	lo := j
	for lo > c.sent.lo && j-lo < maxLoose && x.toks[lo-1].kind == tWord && !clauseOpeners[x.toks[lo-1].lower] && !x.isCue(lo-1) {
		lo--
	}
	if lo > c.sent.lo && x.toks[lo-1].kind == tWord && !clauseOpeners[x.toks[lo-1].lower] {
		return false // too long, or another cue: no clause boundary before the phrase
	}
	core := span{}
	if k := x.overAnd(lo, j, c.sent.lo); k < lo {
		core, lo = span{k, lo - 1}, k // the phrase before "and" names the actor
	}
	first, last := x.toks[lo], x.toks[j]
	if !lex.is(first.lower, wDet|wQuant) && !first.cap && !isDigit(first.lower) && !strings.HasSuffix(first.lower, "s") && !x.barePlural(lo, j) {
		return false
	}
	if lex.is(last.lower, wDet|wPrep|wConj|wStop|wTime) || isVerbish(last.lower) && !polled[last.lower] && !x.nounIng(j) {
		return false // "a think tank", "Fact-checkers soon noted"
	}
	for k := lo; k <= j; k++ {
		if w := x.toks[k].lower; lex.is(w, wAux|wNeg) && !adverbAux[w] || w == "how" || w == "what" {
			return false // a clause, not a phrase: "What do you think", "Comey cannot say"
		}
	}
	c.speaker, c.antecedent, c.appos, c.core = span{lo, j + 1}, span{}, span{}, core
	c.loose, c.conf = true, 0.5
	return true
}

// overAnd moves a loose subject's start at lo back over "and" to the
// sentence's start when no verb comes between: "Experts on North Korea
// and nuclear arms said", "Observers in Virginia and around the country
// say".
func (x *doc) overAnd(lo, j, start int) int {
	if lo-1 <= start || x.toks[lo-1].lower != "and" && x.toks[lo-1].lower != "or" {
		return lo
	}
	k := lo - 1
	for k > start && j-k < maxLoose+4 {
		t := x.toks[k-1]
		if t.kind != tWord || x.verbLike(k-1) || x.isCue(k-1) || clauseOpeners[t.lower] && t.lower != "and" || lex.is(t.lower, wPron|wAux|wRel) {
			return lo
		}
		k--
	}
	if k != start {
		return lo
	}
	return k
}

// barePlural reports whether lo..j is a plural with a modifier or two and
// no determiner: "security specialists", "some Democratic economists".
func (x *doc) barePlural(lo, j int) bool {
	h := x.toks[j].lower
	if j-lo > 2 || len(h) <= 4 || !strings.HasSuffix(h, "s") || strings.HasSuffix(h, "ss") {
		return false
	}
	for k := lo; k < j; k++ {
		if w := x.toks[k].lower; lex.class[w] != 0 && !lex.is(w, wMod|wRole|wBody) || isVerbish(w) {
			return false
		}
	}
	return true
}

// nounIng reports whether the "-ing" word at j is a noun: after a
// possessive or a determiner ("Cruz's thinking", "the planning").
func (x *doc) nounIng(j int) bool {
	if j == 0 {
		return false
	}
	p := x.toks[j-1].lower
	return strings.HasSuffix(x.toks[j].lower, "ing") && (p == "'s" || lex.is(p, wDet) && p != "that")
}

// looseCue reports whether c's cue reports speech or belief surely enough
// for looseSubject: a verb of looseCues, or a past tense of a lexicon verb
// or of a verb the cue model found (a noun or an adjective is rarely in
// "-ed").
func (x *doc) looseCue(c *cand) bool {
	w := x.toks[c.cue.hi-1].lower
	bare := w == c.entry.base && c.cue.hi-c.cue.lo == 1
	return looseCues[w] || c.entry.frame == frameSay && (strings.HasSuffix(w, "ed") || x.progressive(c)) || w == "show" && x.afterPlural(c.cue.lo) ||
		bare && x.afterPlural(c.cue.lo-x.adverbsBefore(c.cue.lo)) ||
		bare && c.cue.lo > c.sent.lo && polled[x.toks[c.cue.lo-1].lower] // "the voters surveyed support"
}

// progressive reports whether c's cue is a participle right after "are",
// "were", "is" or "was" ("Angry growers are saying"), which, as a past
// form does, marks the phrase before it as a subject.
func (x *doc) progressive(c *cand) bool {
	k := c.cue.lo
	if k <= c.sent.lo || !strings.HasSuffix(x.toks[k].lower, "ing") {
		return false
	}
	w := x.toks[k-1].lower
	return w == "are" || w == "were" || w == "is" || w == "was"
}

// adverbsBefore counts the "-ly" adverbs right before toks[k]: "farmers
// generally oppose".
func (x *doc) adverbsBefore(k int) int {
	n := 0
	for k-n-1 >= 0 && isAdverb(x.toks[k-n-1]) {
		n++
	}
	return n
}

// afterPlural reports whether a plural noun comes right before toks[k]:
// "records show", where "talk show" is a noun.
func (x *doc) afterPlural(k int) bool {
	if k == 0 {
		return false
	}
	p := x.toks[k-1]
	return p.kind == tWord && !p.cap && len(p.lower) > 3 && strings.HasSuffix(p.lower, "s") && !strings.HasSuffix(p.lower, "ss")
}

// maxLoose is the longest phrase looseSubject reads, in tokens.
const maxLoose = 12

// looseCues are the verbs that report speech or belief so surely that
// looseSubject may read their subject.
var looseCues = map[string]bool{"say": true, "says": true, "said": true, "told": true, "tell": true, "tells": true,
	"believe": true, "believes": true, "think": true, "thinks": true, "argue": true, "argues": true, "argued": true,
	"insist": true, "insists": true, "insisted": true, "warn": true, "warns": true, "warned": true, "contend": true,
	"contends": true, "claim": true, "claims": true, "claimed": true, "noted": true, "added": true, "estimate": true,
	"estimated": true, "predict": true, "predicted": true, "know": true, "knows": true, "want": true, "wants": true,
	"hope": true, "hopes": true, "feel": true, "feels": true, "fear": true, "fears": true, "expect": true, "expects": true,
	"agree": true, "agrees": true, "suggest": true, "suggests": true, "suggested": true, "acknowledge": true,
	"acknowledged": true, "admit": true, "admitted": true, "deny": true, "denied": true, "wrote": true, "writes": true,
	"reported": true, "asked": true, "explained": true, "stated": true, "announced": true, "believed": true, "thought": true,
	"shows": true, "showed": true}

// polled ends a loose subject that is a participle: "those surveyed say".
var polled = map[string]bool{"surveyed": true, "polled": true, "questioned": true, "interviewed": true}

// clauseOpeners end a loose subject on its left.
var clauseOpeners = map[string]bool{"that": true, "if": true, "but": true, "because": true, "while": true, "when": true,
	"as": true, "since": true, "although": true, "though": true, "after": true, "before": true, "and": true, "or": true,
	"so": true, "where": true, "unless": true, "until": true, "which": true, "than": true}

// frontParticiple reads a participle cue that opens the sentence, alone or
// after "While", "After", "By"...: its speaker is the main clause's subject
// and its content ends at the comma before it ("Noting that the vote was
// close, Smith said ...").
func (x *doc) frontParticiple(c *cand) bool {
	lo, k := c.sent.lo, c.cue.lo
	if k > lo && !(k == lo+1 && ingOpeners[x.toks[lo].lower]) || !strings.HasSuffix(x.toks[k].lower, "ing") {
		return false
	}
	comma, hi := x.participleEnd(c.cue.hi, c.sent.hi)
	if comma < 0 || comma-c.cue.hi > 30 {
		return false
	}
	sp := x.clauseSubject(comma+1, c.sent.hi)
	if sp.empty() || sp.lo != comma+1 {
		return false
	}
	r := c.cue.hi
	if r < comma && (x.toks[r].lower == "that" || c.entry.skip != "" && x.toks[r].lower == c.entry.skip) {
		r++
	}
	c.speaker, c.content, c.conf = sp, span{r, hi}, 0.6
	return !c.content.empty()
}

// participleEnd returns where a participle's content ends: the next comma,
// or the closing mark of a quotation that opens at k and ends in a comma
// (“Citing “duties at home,” the mayor said”), which the content takes in.
// comma is the token before what follows, hi the content's end; -1 when
// there is neither.
func (x *doc) participleEnd(k, end int) (comma, hi int) {
	if c := x.nextComma(k, end); c >= 0 || k >= end || x.toks[k].kind != tOpenQ {
		return c, c
	}
	for j := k + 1; j < end; j++ {
		if x.toks[j].kind == tCloseQ {
			if j-1 > k && x.toks[j-1].text == "," {
				return j, j + 1
			}
			return -1, -1
		}
	}
	return -1, -1
}

// looseAntecedent reads the phrase a "who" at end refers to when no rule
// of leftNP reads it: a group of people named by a plural, a share or
// "those" ("those who said", "two in five who say", "nurses unions who").
func (x *doc) looseAntecedent(lo, end int) span {
	k := end - 1
	if k < lo {
		return span{}
	}
	h := x.toks[k]
	if h.kind != tWord || h.cap || isVerbish(h.lower) || lex.class[h.lower] != 0 && !lex.is(h.lower, wQuant|wGroup|wRole) && h.lower != "those" {
		return span{}
	}
	if h.lower != "those" && !numeral(h.lower) && !lex.is(h.lower, wQuant) && !(len(h.lower) > 3 && strings.HasSuffix(h.lower, "s") && !strings.HasSuffix(h.lower, "ss")) {
		return span{}
	}
	start := k
	for start > lo && k-start < 4 {
		t := x.toks[start-1]
		if t.kind != tWord || clauseOpeners[t.lower] || lex.is(t.lower, wPrep|wPron|wAux|wBe|wNeg|wRel) || x.verbLike(start-1) || x.isCue(start-1) {
			break
		}
		start--
	}
	return span{x.proportion(start, lo), end}
}

// asideParticiple reads a participle set off by commas right after the
// subject that opens the sentence, before its verb: in "Ana Ruiz, citing
// the drought, said ..." Ruiz cites the drought.
func (x *doc) asideParticiple(c *cand) bool {
	lo, k := c.sent.lo, c.cue.lo
	if k < lo+2 || x.toks[k-1].text != "," || c.cue.hi-k != 1 || !strings.HasSuffix(x.toks[k].lower, "ing") {
		return false
	}
	comma, hi := x.participleEnd(c.cue.hi, c.sent.hi)
	if comma < 0 || comma-c.cue.hi > 30 || comma+1 >= c.sent.hi {
		return false
	}
	if v := comma + 1; !x.verbLike(v) && !x.isCue(v) {
		return false
	}
	if w := x.toks[c.cue.hi].lower; w == "to" || lex.is(w, wPrep) {
		return false // "Li, writing in the Ledger, said": a byline, not a claim
	}
	sp := x.rightNP(lo, k-1)
	if sp.lo != lo || sp.hi != k-1 {
		return false
	}
	c.speaker, c.content, c.conf = sp, span{c.cue.hi, hi}, 0.6
	return !c.content.empty()
}

// thoseParticiple reads a participle right after "those" or "others", the
// people it picks out: "those backing Lee were younger", "among others
// calling the plan a waste". Their content ends before a verb.
func (x *doc) thoseParticiple(c *cand) bool {
	k := c.cue.lo
	if k <= c.sent.lo || c.cue.hi-k != 1 || !strings.HasSuffix(x.toks[k].lower, "ing") || !participleHeads[x.toks[k-1].lower] {
		return false
	}
	c.speaker, c.loose = span{k - 1, k}, true // the people it picks out, an actor of their own
	if !x.complement(c) {
		return false
	}
	for j := c.content.lo + 1; j < c.content.hi; j++ {
		if x.verbLike(j) && !lex.is(x.toks[j-1].lower, wDet) || x.toks[j].text == "," && !x.quoted[j] {
			c.content.hi = j
			break
		}
	}
	return !c.content.empty()
}

// participleHeads pick out people by a participle after them.
var participleHeads = wordSet("those others")

// groupParticiple reads a stance participle right after the group it
// describes, wherever the group stands in the sentence: "gave money to a
// committee backing Jones", "groups opposing the dam". The group's noun
// phrase is the speaker; the content, the participle's object, ends
// before a verb.
func (x *doc) groupParticiple(c *cand) bool {
	k := c.cue.lo
	if c.cue.hi-k != 1 || !x.afterGroup(k, c.sent.lo) {
		return false // afterGroup checks groupStances
	}
	c.speaker = x.groupNP(k, c.sent.lo)
	if c.speaker.empty() {
		return false
	}
	return x.complement(c) && !c.content.empty() // trim's stanceModifier ends the content before the sentence's verb
}

// groupNP returns the noun phrase of the group that ends right before the
// participle at k: its modifiers and determiner ("an outside group", "super
// PACs", "a ”super PAC”"), and a collective before "of" ("a ring of
// ferry PACs"), not a head before a determiner ("the head of the PAC").
func (x *doc) groupNP(k, lo int) span {
	j := k - 1
	quoted := x.toks[j].kind == tCloseQ
	if quoted {
		j--
	}
	for j-1 >= lo && k-j <= 5 {
		t := x.toks[j-1]
		if quoted && t.kind == tOpenQ {
			quoted = false
			j--
			continue
		}
		if t.kind != tWord || t.lower == "that" {
			break
		}
		if lex.is(t.lower, wDet) {
			j--
			break
		}
		if x.verbLike(j-1) || x.isCue(j-1) || lex.class[t.lower] != 0 && !lex.is(t.lower, wMod|wGroup|wBody|wRole) {
			break
		}
		j--
	}
	if quoted {
		return span{}
	}
	if o := j - 1; o-2 >= lo && x.toks[o].lower == "of" && !lex.is(x.toks[j].lower, wDet) && articles[x.toks[o-2].lower] && x.toks[o-2].lower != "the" && x.toks[o-1].kind == tWord && !x.toks[o-1].cap && !x.verbLike(o-1) {
		j = o - 2 // "a ring of ferry PACs"
	}
	return span{j, k}
}

// afterGroup reports whether a group's noun comes right before the
// participle at k, or its closing quotation mark does.
func (x *doc) afterGroup(k, lo int) bool {
	if !groupStances[x.toks[k].lower] {
		return false
	}
	h := k - 1
	if h > lo && x.toks[h].kind == tCloseQ {
		h--
	}
	return h >= lo && groupHeads[x.toks[h].lower]
}

// groupSpeaker reports whether c's speaker is a group that a stance
// participle right after it describes, which stays wherever it stands:
// "gave money to a committee backing Jones".
func (x *doc) groupSpeaker(c *cand) bool {
	return c.speaker.hi == c.cue.lo && x.afterGroup(c.cue.lo, c.sent.lo)
}

// groupStances are the participles of stance that a group's noun takes
// after it, and groupHeads those nouns.
var (
	groupStances = wordSet("supporting backing opposing endorsing attacking defending")
	groupHeads   = wordSet("group groups pac pacs committee committees organization organizations ads op-ed placards statement")
)
