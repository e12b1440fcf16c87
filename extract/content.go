package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// complement reads what follows the cue: a recipient ("told AFP"), a target
// ("accused Azerbaijan of"), times and media ("in a statement"), then either
// the content (forward) or the end of the clause (the content came first).
func (x *doc) complement(c *cand) bool {
	hi := c.sent.hi
	r := c.cue.hi
	switch c.entry.frame {
	case frameTell:
		r = x.recipient(c, r)
	case frameAccuse:
		r = x.accused(c, r)
	}
	r = x.asideAfter(x.skipAfter(c, r), hi)
	if c.entry.frame == frameAccuse {
		r = x.accusation(c, r)
	}
	if x.asClause(c, r) || x.relativeObject(c, r) {
		return true
	}
	if r >= hi || isEnd(x.toks[r]) && !x.quoteFollows(r) && x.toks[r].text != ":" {
		if (r >= hi || x.toks[r].text == ".") && x.adverbialOpening(c) && x.introOnly(span{c.sent.lo, c.speaker.lo - 1}) {
			return false // "Then, last week, Eric Trump called."
		}
		return x.trailingContent(c) || x.asideContent(c, r)
	}
	if x.quoteBefore(c) && !x.opensContent(r) && !subordinators[x.toks[c.sent.lo].lower] && x.trailingContent(c) {
		return true // “...,” he said carefully. “...,” he told moderator John Dickerson.
	}
	if particles[x.toks[r].lower] && r+1 < hi && c.cue.hi == r && c.entry.particle == "" {
		c.cue.hi, r = r+1, r+1 // "lashed out at the council"
		if hasKey(objectPreps, x.toks[r].lower) || x.toks[r].lower == "at" {
			c.cue.hi, r = r+1, r+1
			return x.forward(c, r)
		}
	}
	t := x.toks[r]
	if sayBases[c.entry.base] {
		if k := x.clauseAfterPhrase(r, hi); k > 0 {
			return x.forward(c, k) // "said after the meeting he would": a bare clause after an adverbial phrase
		}
	}
	if sayBases[c.entry.base] && x.openerClause(r, hi) {
		return x.forward(c, r) // "says despite the vote he plans to stay": the opener is part of what is said
	}
	switch {
	case reflexives[t.lower]:
		return x.forward(c, r) // "describes himself as"
	case t.lower == "to" && t.lower != c.entry.skip && x.infinitiveAt(r+1, hi):
		c.content = span{r, hi} // "seemed to care", "threatened to leave"
		return true
	case t.lower == "with" && sideVerbs[x.toks[r-1].lower] && c.cue.hi == r && r+1 < hi:
		c.cue.hi = r + 1 // "sided with the growers": the preposition is part of the cue
		return x.forward(c, r+1)
	case t.lower == "about" && r+1 < hi && approximated(x.toks[r+1].lower):
		return x.forward(c, r) // "said about half of them", "predicted about 30 percent": no preposition
	case t.lower == "as" && r+2 < hi && asMany[x.toks[r+1].lower] && x.toks[r+2].lower == "as":
		return x.forward(c, r) // "surveys show as many as 12 percent": a figure, no "as" clause
	case t.lower == "for" && x.duration(r+1, hi) > 0:
		return x.forward(c, x.duration(r+1, hi)) // "has said for weeks that"
	case t.lower == "for" && forSayVerbs[x.toks[r-1].lower] && c.cue.hi == r && r+1 < hi:
		if r+4 < hi && x.toks[r+1].lower == "the" && x.toks[r+2].lower == "first" && x.toks[r+3].lower == "time" {
			c.cue.hi = r + 4 // "stated for the first time", as PolNeAR's cue
			return x.forward(c, r+4)
		}
		if k := x.thatAhead(r, hi); k > 0 {
			return x.forward(c, k) // "wrote for the Herald that": the outlet is no part of the cue
		}
		return x.forward(c, r+1) // "sees for the plan", "say for the party to win": the cue is the verb
	case hasKey(objectPreps, t.lower) && c.entry.frame == frameSay && c.entry.particle == "" && c.entry.act == schema.Assert &&
		r+1 < hi && x.toks[r+1].kind != tPunct && !lex.is(x.toks[r+1].lower, wTime) && t.lower != c.entry.skip:
		if k := x.quoteAfterOf(c, r); k > 0 {
			return x.forward(c, k) // "said of the senator: “...”": the quotation is what is said, "of" no part of the cue
		}
		if objectPreps[t.lower] && (t.lower != "of" || !ofSayVerbs[x.toks[r-1].lower]) || t.lower == "on" && !lex.is(x.toks[r+1].lower, wMedium) && (!x.toks[r+1].cap || x.personAt(r+1)) && !onVenueVerbs[x.toks[r-1].lower] {
			c.cue.hi = r + 1 // the preposition is part of the cue: "talking about", "focused on", but "said on Twitter"
		} else if k := x.thatAhead(r, hi); k > 0 && t.lower == "on" {
			return x.forward(c, k) // "said on Fox News that ..."
		}
		return x.forward(c, r+1)
	}
	// A "being" opens a content ("accused the mayor of being weak", "denied
	// being involved"), never the verb of a relative clause around the cue
	// as the finite "is" of "what Trump says is true" is.
	if lex.is(t.lower, wAux|wBe) && !lex.is(t.lower, wTime) && !adverbAux[t.lower] && t.lower != "being" {
		return x.relativeContent(c, r) // "what Trump says is true": the cue is inside a relative clause
	}
	if t.lower == "when" && c.negated && x.thatAhead(r, hi) < 0 {
		return x.forward(c, r) // "did not say when the vote would be held": what is not said is the content
	}
	if lex.is(t.lower, wPrep|wConj) && !(lex.is(t.lower, wKeep) && c.entry.act != schema.Assert) && t.lower != c.entry.skip {
		if k := x.thatAhead(r, hi); k > 0 {
			return x.forward(c, k) // "said in the 2013 video that ..."
		}
		if x.adverbialOpening(c) && r+1 < hi && !isEnd(x.toks[r+1]) {
			return x.forward(c, r) // "In April, Obama railed against the plan": no content before the speaker
		}
		return x.trailingContent(c) // "..., she said to cheers."
	}
	return x.forward(c, r)
}

// quoteAfterOf returns where a quotation opens after a say-family cue's "of"
// phrase at r ("said of the senator: “...”", "wrote of Jones, “...”"): the
// colon or the comma before it, within ten words; -1 when there is none.
func (x *doc) quoteAfterOf(c *cand, r int) int {
	hi := c.sent.hi
	if x.toks[r].lower != "of" || !sayBases[c.entry.base] {
		return -1
	}
	for k := r + 2; k+1 < hi && k <= r+11; k++ {
		t := x.toks[k]
		if (t.text == ":" || t.text == ",") && x.toks[k+1].kind == tOpenQ {
			return k
		}
		if t.kind != tWord && t.text != "'s" && t.text != "’s" {
			return -1
		}
	}
	return -1
}

// clauseAfterPhrase returns where a bare clause opened by a subject pronoun
// starts after an adverbial phrase at r ("after the meeting he would", "at
// the rally they had"), or -1: a preposition of phrasePreps, then up to six
// words that are no pronoun, verb, conjunction or relative, then the pronoun.
func (x *doc) clauseAfterPhrase(r, hi int) int {
	if r+2 >= hi || !phrasePreps[x.toks[r].lower] {
		return -1
	}
	for k := r + 1; k < hi && k <= r+7; k++ {
		t := x.toks[k]
		if subjectPronouns[t.lower] {
			if k == r+1 || k+1 >= hi || x.toks[k+1].kind != tWord || x.toks[k+1].cap {
				return -1
			}
			return k
		}
		if t.kind != tWord || lex.is(t.lower, wPron|wConj|wRel|wAux|wBe|wNeg) || x.verbLike(k) || x.isCue(k) {
			return -1
		}
	}
	return -1
}

// openerClause reports whether a content opens at r with a subordinate
// phrase or clause ("despite the vote", "if elected") before its own
// subject pronoun and verb within fourteen words.
func (x *doc) openerClause(r, hi int) bool {
	if r+3 >= hi || !contentOpeners[x.toks[r].lower] {
		return false
	}
	for k := r + 2; k+1 < hi && k <= r+14; k++ {
		if t := x.toks[k]; t.kind == tPunct && t.text != "," || t.kind == tOpenQ || t.kind == tCloseQ {
			return false
		}
		if subjectPronouns[x.toks[k].lower] && x.toks[k+1].kind == tWord && !x.toks[k+1].cap {
			return true
		}
	}
	return false
}

// contentOpeners open a subordinate phrase or clause at the start of a
// content.
var contentOpeners = wordSet(`despite if although though unless because once whether`)

// sayBases are the plain reporting verbs whose clause may follow an
// adverbial phrase without "that".
var sayBases = wordSet(`say tell write report add announce reveal declare`)

// commaThen reports whether toks[k] is a "then" after a comma that links
// a say verb's phrase to the one before: "met the farmers, then said".
func (x *doc) commaThen(c *cand, k int) bool {
	return x.toks[k].lower == "then" && x.toks[k-1].text == "," && sayBases[c.entry.base]
}

// phrasePreps open an adverbial phrase between a cue and its bare clause.
var phrasePreps = wordSet(`after before during following at in on outside inside since near amid`)

// relativeObject reads a cue whose object is the relative pronoun before
// its speaker: in "the tax, which Cruz proposed in March," and "what the
// mayor wants" Cruz proposed "which" and the mayor wants "what", as
// PolNeAR marks them. r is the token after the cue; nothing that could be
// an object or a clause may follow it.
func (x *doc) relativeObject(c *cand, r int) bool {
	p := c.speaker.lo - 1
	if c.speaker.empty() || p < c.sent.lo || c.trailing || c.inherit != nil || x.quoted[p] {
		return false
	}
	switch w := x.toks[p].lower; w {
	case "which", "what", "whom", "who":
	case "that":
		if q := p - 1; q < c.sent.lo || x.toks[q].kind != tWord || x.verbLike(q) || x.isCue(q) || lex.class[x.toks[q].lower] != 0 {
			return false // "that" after a noun only: "a tax that Cruz proposed"
		}
	default:
		return false
	}
	if r < c.sent.hi {
		n := x.toks[r]
		if !isEnd(n) && n.kind != tCloseQ && n.text != ")" || n.text == ":" || x.quoteFollows(r) {
			return x.relativeComplement(c, p, r)
		}
	}
	if c.entry.act == schema.Appeal && x.toks[p].lower == "that" {
		c.content = span{} // "the services that Li demanded.": what is asked for, no attribution PolNeAR marks
		return true
	}
	c.content = span{p, p + 1}
	return true
}

// relativeComplement reads the complement of a naming cue whose object is
// the relative pronoun at p, "what" or one after a comma: in "the plan,
// which Berg called a disaster, failed" and "in what officials called a
// hate crime" the content is "a disaster" and "a hate crime", up to the
// relative clause's end, not what the sentence goes on with.
func (x *doc) relativeComplement(c *cand, p, r int) bool {
	if p == c.sent.lo || x.toks[p-1].text != "," && x.toks[p].lower != "what" || x.toks[p].lower == "that" || !namingCues[c.entry.base] {
		return false
	}
	end := r
	for ; end < c.sent.hi && end-r <= 12 && !(isEnd(x.toks[end]) && !x.quoted[end]); end++ {
		if x.toks[end].kind == tCloseQ && isEnd(x.toks[end-1]) {
			end-- // “a disaster,” was hacked
			break
		}
	}
	if end-r > 12 {
		return false
	}
	if x.toks[r].kind == tOpenQ {
		r++
	}
	c.content = span{r, end}
	return !c.content.empty()
}

// namingCues call their object something.
var namingCues = map[string]bool{"call": true, "describe": true, "label": true, "dub": true, "deem": true, "brand": true, "view": true, "liken": true, "see": true, "consider": true, "characterize": true, "portray": true, "regard": true, "term": true}

// adverbialOpening reports whether the words before c's speaker are only
// an opening adverbial phrase closed by a comma ("In April,", "Since the
// vote,", "As the president spoke,"), which is no content.
func (x *doc) adverbialOpening(c *cand) bool {
	lo, end := c.sent.lo, c.speaker.lo-1
	if end <= lo || x.toks[end].text != "," || x.quoted[lo] {
		return false
	}
	t := x.toks[lo]
	if t.kind != tWord || !(lex.is(t.lower, wPrep|wTime|wAsideEnd) || subordinators[t.lower] || end == lo+1 && strings.HasSuffix(t.lower, "ly") || isVerbish(t.lower)) {
		return false
	}
	for k := lo; k < end; k++ {
		if x.toks[k].kind == tOpenQ || x.toks[k].kind == tCloseQ {
			return false
		}
	}
	return true
}

// quoteBefore reports whether a quotation that opens the sentence, or a
// quoted fragment of it, ends just before c's speaker: “...,” Smith said;
// The plan “will fail,” Smith said. A quoted title in an opening phrase is
// none: On “Meet the Press,” Smith said ...; Asked if he is “ready,” Smith
// said yes.
func (x *doc) quoteBefore(c *cand) bool {
	k := c.speaker.lo - 1
	if k > c.sent.lo && x.toks[k].text == "," {
		k--
	}
	if k <= c.sent.lo || x.toks[k].kind != tCloseQ {
		return false
	}
	for o := k - 1; o >= c.sent.lo; o-- {
		if x.toks[o].kind == tOpenQ {
			return o == c.sent.lo || !x.toks[o+1].cap && x.toks[c.sent.lo].lower != "asked"
		}
	}
	return true
}

// opensContent reports whether toks[r] opens a content of its own: "that",
// a colon or a quotation.
func (x *doc) opensContent(r int) bool {
	t := x.toks[r]
	return t.lower == "that" || t.text == ":" || t.kind == tOpenQ || x.quoteFollows(r)
}

// accused reads the target of an accusation: "accused Azerbaijan",
// "accused the other".
func (x *doc) accused(c *cand, r int) int {
	hi := c.sent.hi
	r = x.skipAfter(c, r)
	if np := x.rightNP(r, hi); !np.empty() && np.hi < hi {
		c.target, r = np, np.hi
	} else if r+1 < hi && lex.is(x.toks[r+1].lower, wRecip) {
		c.target, r = span{r, r + 2}, r+2
	}
	return r
}

// accusation skips the "of" or "for" that opens what the target is accused
// of; with neither, the target is itself what is said ("criticized Smith").
func (x *doc) accusation(c *cand, r int) int {
	if r < c.sent.hi && x.toks[r].lower == c.entry.skip {
		return r + 1
	}
	if !c.target.empty() {
		r, c.target = c.target.lo, span{}
	}
	return r
}

// thatAhead returns the index of a "that" a few words after r with no
// punctuation before it ("said in the 2013 video that"), or -1.
func (x *doc) thatAhead(r, hi int) int {
	for k := r + 1; k < hi && k <= r+12; k++ {
		if x.toks[k].text == "," && k+1 < hi {
			if x.toks[k+1].kind == tOpenQ {
				return k // "told reporters in Nashua last week, “..."
			}
			if n := x.toks[k+1]; n.cap && n.kind == tWord || n.lower == "that" {
				continue // "in Madison, Wisconsin, that ..."
			}
		}
		if x.toks[k].kind == tPunct && x.toks[k].text != ":" && x.toks[k].text != "." {
			return -1
		}
		if x.toks[k].lower == "that" && x.thatOpens(k, hi) {
			return k
		}
		if x.toks[k].text == ":" {
			return k
		}
	}
	return -1
}

// thatOpens reports whether the "that" at k may open a clause: a "that"
// that ends its sentence is a pronoun ("told reporters they hope to
// accomplish that."), and the content starts before it.
func (x *doc) thatOpens(k, hi int) bool {
	if k+1 >= hi {
		return false
	}
	switch x.toks[k+1].text {
	case ".", "!", "?", ";":
		return false
	}
	return true
}

// asideAfter skips ", however," after a cue when "that" follows.
func (x *doc) asideAfter(r, hi int) int {
	if r+3 < hi && x.toks[r].text == "," {
		for k := r + 1; k < hi && k <= r+4; k++ {
			if x.toks[k].text == "," {
				if k+1 < hi && x.toks[k+1].lower == "that" {
					return k + 1
				}
				break
			}
		}
	}
	return r
}

// quoteFollows reports whether a quotation opens right after the comma at r
// ("said, “...”").
func (x *doc) quoteFollows(r int) bool {
	return r+1 < len(x.toks) && x.toks[r].text == "," && x.toks[r+1].kind == tOpenQ
}

// recipient skips whom the speaker told, noting an outlet ("told AFP").
func (x *doc) recipient(c *cand, r int) int {
	if e := x.quotedTitle(r, c.sent.hi); e > r {
		return e // told “Fox and Friends,”
	}
	np := x.rightNP(r, c.sent.hi)
	if np.empty() && r < c.sent.hi && lex.is(x.toks[r].lower, wRecipient|wPron) {
		np = span{r, r + 1}
		for np.hi < c.sent.hi && lex.is(x.toks[np.hi].lower, wRecipient|wMod|wRole|wGroup|wBody) {
			np.hi++
		}
		if np.hi < c.sent.hi && lex.is(x.toks[np.hi].lower, wMedium) && lex.is(x.toks[np.hi-1].lower, wDet|wMod) {
			np.hi++ // "told a news conference": the event stands for its audience, and the content follows it
		}
	}
	if np.empty() {
		if k := x.thatAfterPlural(r, c.sent.hi); k > 0 {
			return k // "told farmers at a rally on Monday that ..."
		}
		return r
	}
	np.hi = x.ofPhrase(np.hi, c.sent.hi) // "told Chris Wallace of Fox News"
	if o := x.outletIn(np); o != nil {
		c.outlet = o
	}
	if k := x.thatAhead(np.hi-1, c.sent.hi); k > 0 && !x.opensContent(np.hi) {
		if x.toks[k].lower == "that" && k > np.hi && lex.is(x.toks[np.hi].lower, wPrep) && k+2 < c.sent.hi && x.relativeVerb(k+1) {
			if m := x.thatAhead(k+1, c.sent.hi); m > 0 && x.toks[m].lower == "that" {
				return m // "told the Gazette in a story that ran on Monday that ...": the first "that" is a relative
			}
		}
		return k // "telling ABC's This Week that ..."
	}
	return np.hi
}

// relativeVerb reports whether the word at k, right after a "that", is the
// verb of a relative clause rather than the subject of a content: a finite
// verb, or a lower-case word of no closed class and no plural ending before
// a time, a determiner or a preposition ("that ran this week").
func (x *doc) relativeVerb(k int) bool {
	t, n := x.toks[k], x.toks[k+1]
	if x.verbLike(k) {
		return true
	}
	if t.kind != tWord || t.cap || lex.class[t.lower] != 0 || strings.HasSuffix(t.lower, "s") || strings.HasSuffix(t.lower, "ing") {
		return false
	}
	return n.kind == tWord && lex.is(n.lower, wTime|wDet|wPrep)
}

// thatAfterPlural returns the "that" after a bare plural recipient at r and
// the phrases that place the telling ("told farmers at a rally on Monday
// that"), or -1: the plural is a lower-case word in -s of no closed class,
// a preposition or a time opens what comes between, and no verb comes
// before the "that".
func (x *doc) thatAfterPlural(r, hi int) int {
	if r+2 >= hi {
		return -1
	}
	t := x.toks[r]
	if t.kind != tWord || t.cap || lex.class[t.lower] != 0 || !strings.HasSuffix(t.lower, "s") || strings.HasSuffix(t.lower, "ss") || isVerbish(t.lower) {
		return -1
	}
	k := x.thatAhead(r, hi)
	if k < 0 || x.toks[k].lower != "that" || k > r+1 && !lex.is(x.toks[r+1].lower, wPrep|wTime) {
		return -1
	}
	for j := r + 1; j < k; j++ {
		if x.verbLike(j) || x.isCue(j) || lex.is(x.toks[j].lower, wPron|wRel) {
			return -1
		}
	}
	return k
}

// timePossessed reports whether the time words from k end with a
// possessive: they open the content, "said last week’s vote was fair".
func (x *doc) timePossessed(k int) bool {
	for k < len(x.toks) && x.toks[k].kind == tWord && lex.is(x.toks[k].lower, wTime) {
		k++
	}
	return k < len(x.toks) && x.toks[k].lower == "'s"
}

// skipAfter skips times ("late Thursday", "on Friday") and media ("in a
// statement", "in an interview with CNN") after a cue.
func (x *doc) skipAfter(c *cand, r int) int {
	hi := c.sent.hi
	for r < hi {
		t := x.toks[r]
		switch {
		case t.kind == tWord && lex.is(t.lower, wTime) && !(t.lower == "this" && r+1 < hi && !lex.is(x.toks[r+1].lower, wTime)) && !x.timePossessed(r):
			r++
		case (t.lower == "on" || t.lower == "in" || t.lower == "at") && r+1 < hi && lex.is(x.toks[r+1].lower, wTime):
			r++
		case x.onPlatform(r, hi) > r:
			r = x.onPlatform(r, hi) // "said on Twitter on Monday", "responded on Twitter, calling"
		case t.lower == "in" || t.lower == "on" || t.lower == "during" || t.lower == "to" && c.entry.frame == frameSay:
			n := x.medium(c, r+1)
			if n == r+1 {
				return r
			}
			if n == r+2 && t.lower == "to" && c.cue.hi == r && seemVerbs[x.toks[r-1].lower] {
				c.cue.hi = n // "seem to show": a verb, not a television show
			}
			r = n
		default:
			return r
		}
	}
	return r
}

// medium skips "a statement", "an interview with CNN", "reporters" after a
// preposition at r-1; it returns r when there is none.
func (x *doc) medium(c *cand, r int) int {
	hi := c.sent.hi
	k := r
	for k < hi && k < r+4 && lex.is(x.toks[k].lower, wDet|wMod) {
		k++
	}
	if k >= hi || !lex.is(x.toks[k].lower, wMedium|wRecipient) {
		return r
	}
	k++
	if k+1 < hi && (x.toks[k].lower == "with" || x.toks[k].lower == "to") {
		if np := x.rightNP(k+1, hi); !np.empty() {
			if o := x.outletIn(np); o != nil {
				c.outlet = o
			}
			return np.hi
		}
	}
	return k
}

// forward sets c's content from r to the sentence's end; trim cuts it later.
func (x *doc) forward(c *cand, r int) bool {
	hi := c.sent.hi
	if r < hi && (x.toks[r].text == ":" || x.toks[r].text == ",") {
		r++
	}
	if r < hi && (x.toks[r].lower == "that" && !x.thatSubject(r) && !x.thatDeterminer(c, r) || c.entry.skip != "" && x.toks[r].lower == c.entry.skip) {
		r++
	}
	c.content = span{r, hi}
	return r < hi
}

// thatDeterminer reports whether the "that" at r opens a noun phrase, the
// object of a cue that is no plain reporting verb: "rejected that
// argument", "declined that assignment and left".
func (x *doc) thatDeterminer(c *cand, r int) bool {
	if r+1 >= c.sent.hi || looseCues[x.toks[c.cue.hi-1].lower] {
		return false
	}
	n := x.toks[r+1]
	if n.kind != tWord || n.cap || lex.class[n.lower] != 0 || isVerbish(n.lower) || strings.HasSuffix(n.lower, "s") && !strings.HasSuffix(n.lower, "ss") {
		return false
	}
	if isDigit(n.lower) || lex.is(n.lower, wQuant) || sayForms[x.toks[c.cue.hi-1].lower] {
		return false
	}
	for k := r + 2; k < c.sent.hi && k < r+7 && x.toks[k].kind == tWord && !lex.is(x.toks[k].lower, wPrep); k++ {
		if x.verbLike(k) || x.isCue(k) || lex.is(x.toks[k].lower, wPron) || k == r+2 && lex.is(x.toks[k].lower, wDet) {
			return false // a clause: "knowing that love and kindness are"
		}
	}
	return true
}

// sayForms take a clause after "that", never a noun phrase.
var sayForms = map[string]bool{"saying": true, "declared": true, "declares": true, "knowing": true, "aware": true,
	"clear": true, "found": true, "finds": true}

// thatSubject reports whether the "that" at r is the subject of the
// content, not its conjunction: "said that was not her view".
func (x *doc) thatSubject(r int) bool {
	if r+1 >= len(x.toks) {
		return false
	}
	n := x.toks[r+1]
	return n.kind == tWord && lex.is(n.lower, wBe|wAux) && !lex.is(n.lower, wTime) && !adverbAux[n.lower] || n.lower == "'s"
}

// trailingContent reads "CONTENT, SPEAKER said": the content runs from the
// sentence's start to the comma before the speaker.
func (x *doc) trailingContent(c *cand) bool {
	end := c.speaker.lo
	if c.inherit != nil || end <= c.sent.lo || x.toks[end].lower == "who" {
		return false // "..., who will appear": what comes before a relative pronoun is its antecedent, not its content
	}
	if k := x.contactPhrase(c.sent.lo, end); k < end {
		c.content = span{k, end} // "..., an offer the council rebuffed": the noun the clause hangs on is what it says
		return true
	}
	if k := x.unknownBefore(c.sent.lo, end); k < end {
		end, c.speaker.lo = k, k // “...,” super PAC spokeswoman Kellyanne Conway said.
	} else if k := x.phraseBefore(c.sent.lo, end); k < end {
		end, c.speaker.lo = k, k
	}
	p := x.toks[end-1]
	if p.text != "," && p.kind != tCloseQ && p.text != "—" && p.text != "--" {
		return false
	}
	c.trailing = true
	c.content = x.before(c.sent.lo, end)
	if r := x.afterCue(c); p.text == "," && r+1 < c.sent.hi && x.toks[r].text == "," && (x.parenthetical(r+1) || (x.introOnly(c.content) || subordinators[x.toks[c.content.lo].lower] && looseCues[x.toks[c.cue.hi-1].lower]) && !x.quoted[r+1] && x.toks[r+1].kind == tWord) {
		c.content.hi = c.sent.hi // "The plan, a source said, is to ..."
		for !c.content.empty() && isEnd(x.toks[c.content.hi-1]) {
			c.content.hi--
		}
	}
	return !c.content.empty()
}

// afterCue returns the first token after the cue and its recipient, times
// and media.
func (x *doc) afterCue(c *cand) int {
	r := c.cue.hi
	for r < c.sent.hi && x.toks[r].kind == tWord && r < c.cue.hi+6 {
		r++
	}
	return r
}

// parenthetical reports whether the sentence goes on after ", X said," with
// the rest of its clause rather than a new one.
func (x *doc) parenthetical(k int) bool {
	t := x.toks[k]
	if t.kind != tWord || t.cap || strings.HasSuffix(t.lower, "ing") || lex.is(t.lower, wConj|wRel|wPrep) {
		return false
	}
	_, _, cue := lex.cue(x.toks, k)
	return !cue
}

// before returns the content that ends just before token end: back to lo,
// without the comma and the quotation marks around it.
func (x *doc) before(lo, end int) span {
	s := span{x.datelineEnd(lo, end), end} // "BOSTON (AP) — " is no one's words
	for !s.empty() && isEnd(x.toks[s.hi-1]) || !s.empty() && x.toks[s.hi-1].kind == tCloseQ {
		s.hi--
	}
	return s
}

var reflexives = map[string]bool{"himself": true, "herself": true, "themselves": true, "itself": true}

// forSayVerbs are the say and see verbs whose "for" PolNeAR's cue leaves
// out: "sees for these plans", "wrote for the Herald".
var forSayVerbs = wordSet("say says said saying stated added adding wrote writes write writing see sees saw")

// onVenueVerbs are the say verbs whose "on" names where they spoke, which
// PolNeAR's cue leaves out: "said on the ferry that", "announced on her
// page".
var onVenueVerbs = wordSet("say says said saying stated added adding announce announces announced announcing reported posted wrote")

// objectPreps open the object of a cue that takes a preposition.
// The value says whether the preposition is part of the cue, as PolNeAR
// has it ("talking about"; "on" is when no name or medium follows it).
var objectPreps = map[string]bool{"for": true, "about": true, "against": true, "over": true, "of": true, "on": false, "with": false}

// approximated reports whether w is a figure that "about" before it
// approximates: "about half", "about 30", "about one-third".
func approximated(w string) bool {
	if i := strings.IndexByte(w, '-'); i > 0 && !numberWord(w) {
		w = w[:i]
	}
	return numeral(w) || lex.is(w, wQuant) || w == "half"
}

// duration returns where a span of time after "for" ends ("for weeks", "for
// several months", "for the past two years"), or 0.
func (x *doc) duration(k, hi int) int {
	for j := k; j < hi && j < k+4; j++ {
		w := x.toks[j].lower
		if durations[w] {
			return j + 1
		}
		if !isDigit(w) && !numberWord(w) && !lex.is(w, wDet|wQuant) && w != "past" && w != "last" {
			return 0
		}
	}
	return 0
}

// durations are the units a span of time is counted in.
var durations = map[string]bool{"days": true, "weeks": true, "months": true, "years": true, "decades": true, "hours": true, "ages": true, "day": true, "week": true, "month": true, "year": true}

// infinitiveAt reports whether toks[k] reads as a verb after "to": a
// lower-case word of no closed class that is no plural ("to cheers").
func (x *doc) infinitiveAt(k, hi int) bool {
	if k >= hi {
		return false
	}
	t := x.toks[k]
	if t.kind != tWord || t.cap || lex.class[t.lower] != 0 || isDigit(t.lower) || isVerbish(t.lower) {
		return lex.is(t.lower, wBe) && t.lower == "be" || t.lower == "have" // "seemed to be", "appears to have"
	}
	return !strings.HasSuffix(t.lower, "s") || strings.HasSuffix(t.lower, "ss") || strings.HasSuffix(t.lower, "us")
}

// introOnly reports whether s is too short, or too verbless, to be a
// content of its own: "In Miami, he said, Mr. Trump is seen as a bully"
// says what comes after too.
func (x *doc) introOnly(s span) bool {
	if s.hi-s.lo <= 3 {
		return true
	}
	for k := s.lo; k < s.hi; k++ {
		if x.verbLike(k) || x.toks[k].kind == tOpenQ || x.toks[k].kind == tCloseQ {
			return false
		}
	}
	return s.hi-s.lo <= 6
}

func hasKey(m map[string]bool, k string) bool {
	_, ok := m[k]
	return ok
}

// personAt reports whether a person's name starts at k: "focused on Trump",
// not "said on Fox News".
func (x *doc) personAt(k int) bool {
	if r, n := x.lookup(k, len(x.toks)); n > 0 {
		return r.p.typ == "person"
	}
	_, ok := x.names[x.toks[k].lower]
	return ok
}

// sideVerbs take the side they choose, or the view they share or reject,
// after "with", which PolNeAR counts in the cue: "sided with the growers",
// "identify with the party", "disagreed with him", "thrilled with the result".
var sideVerbs = wordSet(`side sides sided siding identify identifies identified identifying
		disagree disagrees disagreed disagreeing empathize empathizes empathized empathizing
		sympathize sympathizes sympathized sympathizing concur concurs concurred concurring
		pleased thrilled satisfied unhappy happy aligned frustrated disappointed comfortable uncomfortable`)

// contactPhrase returns where a noun phrase starts that a comma opens and
// that a relative clause without "that" follows, with the speaker at end
// as its subject: ", an offer the council rebuffed", ", a word Jones
// repeated". The speaker opens with a determiner of its own, or is a name
// after a noun that heads such clauses. Else end.
func (x *doc) contactPhrase(lo, end int) int {
	h := x.toks[end-1]
	if end-2 <= lo || h.kind != tWord || h.cap || lex.class[h.lower] != 0 && !contactHead(h.lower) || isVerbish(h.lower) || x.isCue(end-1) {
		return end
	}
	s := x.toks[end]
	if !(lex.is(s.lower, wDet) && s.lower != "that" || s.cap && contactHead(h.lower)) {
		return end
	}
	for d := end - 2; d > lo && d >= end-4; d-- {
		t := x.toks[d]
		if articles[t.lower] {
			if x.toks[d-1].text == "," {
				return d
			}
			return end
		}
		if t.kind != tWord || t.cap || lex.class[t.lower] != 0 && !lex.is(t.lower, wMod) || isVerbish(t.lower) {
			return end
		}
	}
	return end
}
