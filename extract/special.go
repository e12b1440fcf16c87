package extract

import (
	"strings"
	"unicode"

	"github.com/claimgraph/claimgraph/schema"
)

// Frames beyond "SPEAKER cue CONTENT": interview colons, speech nouns,
// "Asked about X, ...", headlines, and participles that are no cue.

// headline reports whether s is in title case, where cue verbs are
// capitalised too ("Clinton Says Crash Seems Like Terrorism").
func (x *doc) headline(s span) bool {
	words, caps := 0, 0
	for k := s.lo; k < s.hi; k++ {
		if t := x.toks[k]; t.kind == tWord && len(t.text) > 3 {
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
	if q := x.toks[k+1]; q.kind != tOpenQ && q.text != "'" && q.text != "‘" && !x.upperName(span{lo, k}) && x.words(span{k + 1, s.hi}) <= 3 {
		return nil // a section's heading: "Li: A long shot." heads a paragraph about Li
	}
	if colonLabels[x.toks[k-1].lower] || colonLabels[x.toks[lo].lower] {
		return nil // a label or an interjection: "Correction:", "Update:", "Q:", "Wow:"
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
	if x.toks[k].text != ":" || k+2 >= s.hi || x.toks[k+1].kind != tOpenQ {
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
		if t := x.toks[j]; !t.cap || t.kind != tWord || lex.is(t.lower, wStop|wTime|wDet) {
			return false
		}
	}
	return true
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
		if t := x.toks[j]; t.lower != "and" && (!t.cap || t.kind != tWord || lex.is(t.lower, wStop|wTime|wDet)) {
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
	return !c.speaker.empty() && !c.content.empty()
}

// wasAsked reads a passive "asked": "Berg was asked about the strike",
// "Li was asked by a reporter whether the port was safe". The one asked is
// the speaker, as in "Asked about X, Berg said"; an asker after "by" speaks
// instead. "about" is in the cue.
func (x *doc) wasAsked(c *cand) bool {
	vg := c.cue.lo
	for vg > c.sent.lo && x.toks[vg-1].kind == tWord && lex.is(x.toks[vg-1].lower, wAux|wBe|wNeg) {
		vg--
	}
	subj := x.passiveSubject(c.sent.lo, vg, true)
	if subj.empty() {
		return false
	}
	h := c.cue.hi
	if h < c.sent.hi && x.toks[h].lower == "about" {
		h++
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
			c.speaker, h = a, a.hi // "was asked by a reporter whether ...": the asker speaks
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

// questionOpeners open the question after "was asked by" its asker.
var questionOpeners = map[string]bool{"whether": true, "if": true, "what": true, "why": true, "how": true,
	"when": true, "where": true, "who": true, "about": true, "to": true}

// nominal reads a speech noun at toks[k] after its possessor: "Trump's
// claim that Obama founded ISIS", "her promise to cut taxes", "his call for a
// recount". The content is a that-clause, a to-infinitive, or what follows
// the noun's particle, which PolNeAR keeps in the cue.
func (x *doc) nominal(s span, k int, e cueEntry) *cand {
	if k+2 >= s.hi {
		return nil
	}
	cue, content, end := span{k, k + 1}, k+2, s.hi
	switch next := x.toks[k+1].lower; {
	case e.particle != "":
		cue, end = span{k, k + 2}, x.nounObjectEnd(k+2, s.hi)
	case next == "that":
	case (next == "is" || next == "was") && x.toks[k+2].lower == "that" && k+3 < s.hi:
		cue, content = span{k, k + 2}, k+2 // "her answer was that ...": PolNeAR's cue keeps the copula, its content "that"
	case next == "to" && x.toks[k+2].kind == tWord && !x.toks[k+2].cap && !lex.is(x.toks[k+2].lower, wDet|wPron):
		content = k + 1 // "her promise to cut taxes", not "his response to Berg": PolNeAR keeps "to" in the content
	default:
		j := x.thatAfterAdjunct(k+1, s.hi)
		if j < 0 {
			return nil
		}
		content = j + 1 // "his claim in May that ...", "her announcement Friday that ..."
	}
	if e.particle == "" {
		end = x.dashEnd(content, s.hi)
	}
	p := k - 1
	if p > s.lo && x.toks[p].lower != "'s" && possessives[x.toks[p].lower] == "" && x.toks[p].kind == tWord && !x.toks[p].cap && lex.class[x.toks[p].lower]&^(wTime|wMod) == 0 {
		p-- // "Trump's repeated claim", "her latest claim", "his earlier claim"
	}
	cue.lo = p + 1 // PolNeAR's cue keeps the adjective: "repeated claim"
	if p >= s.lo && possessives[x.toks[p].lower] != "" {
		return &cand{sent: s, speaker: span{p, p + 1}, cue: cue, content: span{content, end}, conf: 0.5, entry: e}
	}
	if p <= s.lo || x.toks[p].lower != "'s" {
		return nil
	}
	np := x.leftNP(s.lo, p)
	if np.empty() {
		return nil
	}
	// The speaker keeps its possessive ("Trump’s claim that"), as PolNeAR's
	// speakers do; the actor is the phrase before it.
	return &cand{sent: s, speaker: span{np.lo, p + 1}, core: np, cue: cue, content: span{content, end}, conf: 0.5, entry: e}
}

// nounObjectEnd returns where the object of a speech noun's particle, from
// toks[lo], ends: at a clause's punctuation or at an auxiliary, the verb
// the whole phrase may be the subject of ("his call for a recount was
// ignored").
func (x *doc) nounObjectEnd(lo, hi int) int {
	for k := lo + 1; k < hi; k++ {
		if isEnd(x.toks[k]) || x.toks[k].kind == tWord && lex.is(x.toks[k].lower, wAux|wBe) {
			return k
		}
	}
	return hi
}

// thatAfterAdjunct returns the "that" after a short time phrase or a phrase
// opened by "in", "during" or "on" from toks[lo] ("in a radio interview",
// "Friday"), or -1 when none follows before a verb or punctuation. Other
// prepositions found as many spurious claims as right ones on PolNeAR.
func (x *doc) thatAfterAdjunct(lo, hi int) int {
	if w := x.toks[lo].lower; x.toks[lo].kind != tWord || !lex.is(w, wTime) && w != "in" && w != "during" && w != "on" {
		return -1
	}
	for j := lo + 1; j < hi && j <= lo+6; j++ {
		t := x.toks[j]
		if t.lower == "that" {
			return j
		}
		if t.kind != tWord || x.verbLike(j) || lex.is(t.lower, wRel|wConj) {
			return -1
		}
	}
	return -1
}

// dashEnd returns where a speech noun's clause, from toks[lo], ends: at a
// dash or semicolon, where the sentence goes on about something else ("her
// claim that the dam leaks — a claim the board denies").
func (x *doc) dashEnd(lo, hi int) int {
	for k := lo + 1; k < hi; k++ {
		if t := x.toks[k].text; !x.quoted[k] && (t == "—" || t == "–" || t == "--" || t == "-" || t == ";") {
			return k
		}
	}
	return hi
}

// possessives are the possessive determiners that can be a speech noun's
// speaker ("his claim"); each resolves as its pronoun does.
var possessives = map[string]string{"his": "he", "her": "she", "their": "they", "its": "it"}

// modifier reports a cue word used as a participle inside a noun phrase: "a
// super PAC supporting Clinton", "a move called the boneless".
func (x *doc) modifier(c *cand, j int) bool {
	if c.inherit != nil || j != c.cue.lo-1 || c.entry.particle != "" {
		return false
	}
	first := x.toks[c.speaker.lo].lower
	if first != "a" && first != "an" {
		return false
	}
	if h := x.toks[c.speaker.hi-1].lower; lex.is(h, wMedium) || publishedObjects[h] || evidenceNouns[h] || h == "sign" {
		return false // "a statement saying", "a sign calling for": a text speaks
	}
	return c.entry.base == "call" || strings.HasSuffix(x.toks[c.cue.lo].lower, "ing")
}

// pollWords head the phrase a survey's findings are reported in.
var pollWords = map[string]bool{"poll": true, "polls": true, "survey": true, "surveys": true, "polling": true}

// inPollStop are words that make "in ... poll" a place or a motion, not a
// source: "in front of a polling place", "in states heading to the polls".
var inPollStop = map[string]bool{"in": true, "to": true, "of": true, "at": true, "for": true, "on": true, "front": true, "head": true}

// inPoll reads a poll as the source of a finding: "In a CBS News poll last
// month, Cruz led by 10 points". The cue is "in", as PolNeAR's annotators
// mark it; the speaker is the poll. A poll after its finding ("Trump leads
// in the polls") is as often no attribution in PolNeAR, so it is left out.
func (x *doc) inPoll(s span, k int) *cand {
	if k != s.lo || x.toks[k].lower != "in" {
		return nil
	}
	end, head := k+1, -1
	for ; end < s.hi && end-k <= 12 && (x.toks[end].kind == tWord || x.toks[end].text == "/"); end++ {
		if w := x.toks[end].lower; pollWords[w] {
			head = end
		} else if inPollStop[w] || isVerbish(w) && !x.toks[end].cap && head < 0 { // "Morning Consult" is a pollster
			return nil
		}
	}
	if head < 0 || end+1 >= s.hi || x.toks[end].text != "," {
		return nil
	}
	core := span{k + 1, head + 1}
	if head+1 < end && isVerbish(x.toks[head+1].lower) {
		head = end - 1 // "a poll released Monday": the participle and all
	}
	if w := x.toks[end+1].lower; strings.HasSuffix(w, "ed") && isVerbish(w) {
		if j := x.nextComma(end+2, min(end+12, s.hi)); j > 0 && j+1 < s.hi {
			head, end = j, j // "a poll, conducted in May, ...": the aside and its comma
		}
	}
	c := &cand{sent: s, cue: span{k, k + 1}, speaker: span{k + 1, head + 1}, core: core, content: x.before(end+1, s.hi), conf: 0.5,
		entry: cueEntry{act: schema.Assert, frame: framePrep}}
	if x.words(c.content) < 2 {
		return nil // "In the polls, anyway.": a word is no finding
	}
	return c
}

// trailingPoll reads a poll named after its finding: "Berg led Li by six
// points in the latest Acme poll." The cue is "in", the speaker the poll and
// what dates it ("released Monday", "last month"), the content the clause
// before it. Only one poll that ends its clause: "leading in the polls" is
// as often no attribution in PolNeAR, and in "voters in a new poll said"
// the poll holds the speakers.
func (x *doc) trailingPoll(s span, k int) *cand {
	if k <= s.lo || x.toks[k].lower != "in" || k+2 >= s.hi || !pollOpeners[x.toks[k+1].lower] && !(x.toks[k+1].cap && x.toks[k+2].lower == "'s") {
		return nil
	}
	head := -1
	for j := k + 1; j < s.hi && j-k <= 10 && head < 0; j++ {
		switch t := x.toks[j]; {
		case t.lower == "poll" || t.lower == "survey":
			head = j
		case t.lower == "average" && j+2 < s.hi && x.toks[j+1].lower == "of":
			for n := j + 2; n < s.hi && n <= j+6 && x.toks[n].kind == tWord && head < 0; n++ {
				if pollWords[x.toks[n].lower] {
					head = n // "the Acme average of recent polls": one figure, from many polls
				}
			}
			if head < 0 {
				return nil
			}
		case t.kind != tWord && t.text != "/" || inPollStop[t.lower] || isVerbish(t.lower) && !t.cap || pollWords[t.lower]:
			return nil
		}
	}
	if head < 0 {
		return nil
	}
	end := head + 1
	if end+1 < s.hi && pollDated[x.toks[end].lower] && !isEnd(x.toks[end+1]) {
		end += 2 // "released Sunday", "last month"
	} else if end+1 < s.hi && (x.toks[end].lower == "from" || x.toks[end].lower == "by") && x.toks[end+1].cap {
		for end++; end < s.hi && x.toks[end].cap; end++ { // "a survey from Acme College"
		}
	}
	if end < s.hi && !isEnd(x.toks[end]) {
		return nil
	}
	c := &cand{sent: s, cue: span{k, k + 1}, speaker: span{k + 1, end}, core: span{k + 1, head + 1}, trailing: true, conf: 0.5,
		content: x.before(x.subjectStart(s.lo, k), k), entry: cueEntry{act: schema.Assert, frame: framePrep}}
	if c.content.hi-c.content.lo < 3 {
		return nil
	}
	return c
}

// pollOpeners open the name of one poll after "in", besides a possessive
// ("in Monday's poll"): "in a CNN poll", "in the latest poll". A bare name
// is a headline's place ("tied in Ohio poll").
var pollOpeners = map[string]bool{"a": true, "an": true, "the": true, "latest": true, "new": true, "one": true}

// pollDated are the words that date a poll after its name, with the word
// after them: "released Monday", "this month".
var pollDated = map[string]bool{"released": true, "published": true, "last": true, "this": true}

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

// toView reads "To Jo Li, the plan is a mistake.": the view is the named
// person's, and PolNeAR marks "To" as its cue. The name may take a "who"
// clause closed by a comma ("To Li, who studies rallies, ...").
func (x *doc) toView(s span, k int) *cand {
	if k != s.lo || x.toks[k].lower != "to" {
		return nil
	}
	end := k + 1
	for ; end < s.hi && end-k <= 5 && x.toks[end].kind == tWord && x.toks[end].cap && !lex.is(x.toks[end].lower, wStop|wDet|wPron|wTime); end++ {
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
	if name.empty() || name.hi < len(x.toks) && !x.toks[name.hi].nl || x.toks[name.lo].kind != tWord {
		return nil
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
