package extract

import (
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/schema"
)

// Attributions by a colon: headlines ("Trump: I will win"), interview
// transcripts ("Q: ..."), and roundups ("From the report: ...").

// headline reports whether s is in title case, where cue verbs are
// capitalised too ("Clinton Says Crash Seems Like Terrorism").
func (x *doc) headline(s span) bool {
	words, caps := 0, 0
	for k := s.lo; k < s.hi; k++ {
		if t := x.toks[k]; t.kind == tWord && utf8.RuneCountInString(t.text) > 3 { // runes: a curly "’s" is no word
			words++
			if t.cap {
				caps++
			}
		}
	}
	return words >= 3 && caps*10 >= words*8
}

// colon reads "Trump: I will win" and interview transcripts ("Q: ..."):
// a short name, a colon at toks[k], then the content.
func (x *doc) colon(s span, k int) *cand {
	lo := s.lo
	if x.toks[lo].kind == tOpenQ && lo+1 < k && !x.quoted[lo+1] {
		lo++ // a transcript quoted whole: "WALLACE: ...
	}
	if x.toks[k].text != ":" || k == lo || k+1 >= s.hi {
		return nil
	}
	if d := x.dashBefore(lo, k); d >= 0 && (x.toks[k+1].kind == tOpenQ || d == lo+1 && colonLabels[x.toks[lo].lower]) && x.namesOnly(span{d + 1, k}) {
		lo = d + 1 // a roundup's "HEADLINE - Jo Li and Ana Berg: “...”", a tease's "EXCLUSIVE – Jo Li: ..."
	}
	end := k // where the name ends, before a headline's preposition or noun
	if s.lo == 0 {
		end = x.headlinePrep(lo, k)
	}
	if k-lo > 8 && (end == k || k-lo > 12) {
		return nil // a title after a preposition may be long: "Li on Berg Closing Her Shop:"
	}
	if s.lo == 0 && end == k && k-lo >= 2 && headlineSources[x.toks[k-1].lower] {
		end = k - 1 // "Li camp:", "Herald editorial:"
	}
	if !x.capsOnly(span{lo, end}) && !(x.toks[k+1].kind == tOpenQ && x.quotedName(span{lo, k})) {
		return nil
	}
	if !x.hasLetter(span{k + 1, s.hi}) || x.roster(span{k + 1, s.hi}) {
		return nil // a table row: "Clinton: 1,769"; a roster: "Ohio: Jo Li, Ana Berg, Al Cruz"
	}
	if q := x.toks[k+1]; q.kind != tOpenQ && q.text != "'" && q.text != "‘" && !x.upperName(span{lo, k}) && x.words(span{k + 1, s.hi}) <= 3 && s.lo > 0 {
		return nil // a section's heading: "Li: A long shot." heads a paragraph about Li; a title's "Li: Berg stirs anger" is a claim
	}
	if colonLabels[x.toks[k-1].lower] && !(k-1 > lo && x.toks[k-1].lower == "watch") || colonLabels[x.toks[lo].lower] {
		return nil // a label or an interjection: "Correction:", "Update:", "Q:", "Wow:"; not a name in "Watch": "Harbor Watch:"
	}
	c := &cand{sent: s, speaker: span{lo, k}, cue: span{k, k + 1}, content: span{k + 1, s.hi}, conf: 0.5,
		entry: cueEntry{act: schema.Assert, frame: frameSay}}
	if end < k {
		c.core = span{lo, end} // the actor is the name, not the venue or the audience
		if w := x.toks[end].lower; w == "on" || w == "to" {
			c.speaker.hi = end // "Li to Voters:", "Li on Berg:"; PolNeAR keeps the venue: "Li at the Convention:"
		}
	}
	return c
}

// headlineSources are the common nouns after a name that a headline's
// speaker ends in before a colon: a campaign, a paper's editorial.
var headlineSources = map[string]bool{"camp": true, "editorial": true}

// headlinePrep returns where a headline's speaker before a colon at k ends
// when a preposition and capitalised words follow it ("Li to Farmers", "Li
// on Berg", "Li at Congress"), else k.
func (x *doc) headlinePrep(lo, k int) int {
	for j := lo + 1; j < k-1 && j <= lo+4; j++ {
		if w := x.toks[j].lower; w != "at" && w != "on" && w != "to" {
			continue
		}
		for n := j + 1; n < k; n++ {
			if t := x.toks[n]; t.kind == tWord && !t.cap {
				return k
			}
		}
		return j
	}
	return k
}

// colonFrom reads a quotation that a roundup introduces by its source and
// a colon: "From the report: “...”", "More from Jo Li: “...”", "Here's Li
// in 1998: “...”". The colon is the cue and the source the speaker, without
// the words that introduce it or the date after it.
func (x *doc) colonFrom(s span, k int) *cand {
	if x.toks[k].text != ":" || k <= s.lo || k+2 >= s.hi || x.toks[k+1].kind != tOpenQ {
		return nil
	}
	f := k - 1
	for f > s.lo && f >= k-6 && x.toks[f].kind == tWord && x.toks[f].lower != "from" && x.toks[f].lower != "'s" {
		f--
	}
	w := x.toks[f].lower
	intro := f // the first word of "From", "More from", "Here's"
	switch {
	case w == "from" && f > s.lo && x.toks[f-1].lower == "more":
		intro = f - 1
	case w == "'s" && f > s.lo && x.toks[f-1].lower == "here":
		intro = f - 1
	case w != "from":
		return nil
	}
	if intro > s.lo && !isDash(x.toks[intro-1].text) {
		return nil // "... a quote from Li: “...”" is a quotation's content
	}
	end := k
	if w == "'s" {
		for j := f + 2; j < k; j++ {
			if x.toks[j].lower == "in" && (isDigit(x.toks[j+1].lower) || lex.is(x.toks[j+1].lower, wTime)) {
				end = j // "Here's Li in December 1998": the date is no part of the speaker
				break
			}
		}
	}
	sp := span{f + 1, end}
	if sp.empty() || !x.toks[sp.lo].cap && !lex.is(x.toks[sp.lo].lower, wDet) {
		return nil
	}
	for j := sp.lo; j < sp.hi; j++ {
		if t := x.toks[j]; t.kind != tWord || isVerbish(t.lower) || x.isCue(j) || lex.is(t.lower, wAux|wBe|wPron|wPrep) {
			return nil // "From Jo Li writing at the Post:" names a writer, not the source of the quotation
		}
	}
	return &cand{sent: s, speaker: sp, cue: span{k, k + 1}, content: span{k + 1, s.hi}, conf: 0.5,
		entry: cueEntry{act: schema.Assert, frame: frameSay}}
}

// colonLabels open or end a heading before a colon that names no speaker:
// a section, a correction, an interview's question and answer markers, a
// tease.
var colonLabels = map[string]bool{"q": true, "a": true, "question": true, "answer": true, "correction": true,
	"corrections": true, "update": true, "updated": true, "contributing": true, "byline": true, "email": true,
	"e-mail": true, "twitter": true, "facebook": true, "breaking": true, "exclusive": true, "revealed": true,
	"watch": true, "look": true, "wow": true, "boom": true, "busted": true, "bombshell": true, "leaked": true,
	"remember": true, "plus": true, "note": true, "notice": true, "reads": true, "name": true, "photos": true,
	"video": true, "editor's": true, "related": true, "see": true, "read": true, "more": true}

// capsOnly reports whether s is at most five capitalised words, none a
// function word: "Trump", "Sen. Bernie Sanders".
func (x *doc) capsOnly(s span) bool {
	if s.hi-s.lo > 5 {
		return false
	}
	for j := s.lo; j < s.hi; j++ {
		if !nameToken(x.toks[j]) {
			return false
		}
	}
	return true
}

// nameToken reports whether t may be a word of a name before a colon:
// capitalised, and no function word, time word or determiner.
func nameToken(t token) bool {
	return t.cap && t.kind == tWord && !lex.is(t.lower, wStop|wTime|wDet)
}

// quotedName reports whether s, before a colon and a quotation, is a
// speaker's name with a title or a party: "Former secretary of state Hillary
// Clinton", "Rep. Trey Gowdy (R-S.C.)". It ends in a capitalised word or a
// parenthesis and holds no verb.
func (x *doc) quotedName(s span) bool {
	last := x.toks[s.hi-1]
	if !(last.kind == tWord && last.cap) && last.text != ")" {
		return false
	}
	for j := s.lo; j < s.hi; j++ {
		t := x.toks[j]
		if t.kind == tWord && (isVerbish(t.lower) || x.isCue(j) || lex.is(t.lower, wAux|wBe|wPron)) || t.kind == tOpenQ || t.kind == tCloseQ {
			return false
		}
	}
	return true
}

// dashBefore returns the last dash between lo and k, -1 when there is none.
func (x *doc) dashBefore(lo, k int) int {
	for j := k - 1; j > lo; j-- {
		if isDash(x.toks[j].text) && x.toks[j].kind == tPunct {
			return j
		}
	}
	return -1
}

// namesOnly reports whether s is one to eight capitalised words, some
// joined by "and": "Frank Newport and Jim Harter", "Pew Research".
func (x *doc) namesOnly(s span) bool {
	if s.empty() || s.hi-s.lo > 8 || x.toks[s.lo].lower == "and" || x.toks[s.hi-1].lower == "and" {
		return false
	}
	for j := s.lo; j < s.hi; j++ {
		if t := x.toks[j]; t.lower != "and" && !nameToken(t) {
			return false
		}
	}
	return true
}

// roster reports whether s is only names, three or more, between commas
// (and an "and"): a list of members under its heading, which says nothing.
func (x *doc) roster(s span) bool {
	commas := 0
	for k := s.lo; k < s.hi; k++ {
		switch t := x.toks[k]; {
		case t.text == ",":
			commas++
		case t.kind == tWord && (t.cap || t.lower == "and"):
		case isEnd(t) && k == s.hi-1:
		default:
			return false
		}
	}
	return commas >= 2
}

// words counts the words in s.
func (x *doc) words(s span) int {
	n := 0
	for k := s.lo; k < s.hi; k++ {
		if x.toks[k].kind == tWord {
			n++
		}
	}
	return n
}

// hasLetter reports whether any token of s has a letter.
func (x *doc) hasLetter(s span) bool {
	for k := s.lo; k < s.hi; k++ {
		for _, r := range x.toks[k].text {
			if unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// possColon reads a speech noun after its owner that a colon ends, at the
// opening of a sentence: "Their argument: only the council can act",
// "Among its findings: the dam leaks", "Berg's response was: “No.”". The
// cue is the noun and the colon (and a "was" between them), the speaker
// the owner, the content what follows the colon.
func (x *doc) possColon(s span, k int) *cand {
	if x.toks[k].text != ":" || k+3 >= s.hi || k-2 < s.lo {
		return nil
	}
	n := k - 1
	if w := x.toks[n].lower; w == "was" || w == "is" {
		n--
	}
	if n-1 < s.lo || !colonNouns[x.toks[n].lower] {
		return nil
	}
	p := n - 1
	sp := span{p, n}
	switch w := x.toks[p].lower; {
	case possessives[w] != "" || w == "our":
	case w == "'s" && p > s.lo:
		j := p - 1
		for j > s.lo && j > p-4 && nameToken(x.toks[j-1]) {
			j--
		}
		if !nameToken(x.toks[j]) {
			return nil
		}
		sp.lo = j
	default:
		return nil
	}
	if sp.lo != s.lo && !(sp.lo == s.lo+1 && colonOpeners[x.toks[s.lo].lower]) {
		return nil
	}
	c := &cand{sent: s, speaker: sp, cue: span{n, k + 1}, content: x.before(k+1, s.hi), conf: 0.5,
		entry: cueEntry{act: schema.Assert, frame: frameSay}}
	if sp.hi-sp.lo > 1 {
		c.core = span{sp.lo, sp.hi - 1} // the owner without its "'s"
	}
	if x.words(c.content) < 3 {
		return nil
	}
	return c
}

// colonNouns are the speech nouns that possColon reads before a colon.
var colonNouns = wordSet(`message argument goal findings response answer verdict conclusion advice position pitch plea
		reasoning theory explanation promise warning prediction demand request slogan mantra motto rationale reply
		reaction retort claim pledge vow recommendation`)

// colonOpeners may open a sentence before possColon's owner.
var colonOpeners = wordSet("among but and so")
