package extract

import "strings"

// Contents in other shapes than "SPEAKER cue CONTENT": "according to",
// relative clauses, "as" clauses, asides after the cue, quoted titles.

// according reads "according to SPEAKER, CONTENT" and "CONTENT, according to
// SPEAKER".
func (x *doc) according(c *cand) bool {
	np := span{c.cue.hi, c.cue.hi}
	open := false // a ")" that the source did not open ends it: "(..., according to exit polls)"
	for np.hi < c.sent.hi && np.hi-np.lo < 25 && !isEnd(x.toks[np.hi]) && !isDash(x.toks[np.hi].text) &&
		(x.toks[np.hi].text != ")" || open) {
		if x.toks[np.hi].kind == tOpenQ {
			q := x.titleEnd(np.hi, c.sent.hi)
			if q < 0 {
				break
			}
			np.hi = q // a title: "according to her book “The Long Road,” ..."
			continue
		}
		open = open || x.toks[np.hi].text == "("
		np.hi++
	}
	if np.empty() {
		return false
	}
	if lo := c.sent.lo; c.cue.lo == lo+2 && (x.toks[lo].lower == "that" || x.toks[lo].lower == "this") &&
		(x.toks[lo+1].lower == "is" || contracted(x.toks[lo+1])) {
		c.speaker, c.core = x.before(c.cue.hi, c.sent.hi), np // "That's according to a report filed Monday — the first ..."
		c.content, c.trailing = span{lo, lo + 1}, true        // the "That" stands for the sentence before
		return !c.speaker.empty()
	}
	c.speaker = np
	after := c.sent.hi - np.hi
	p := c.cue.lo - 1
	if c.cue.lo > c.sent.lo && (x.toks[p].text == "," || x.toks[p].kind == tCloseQ || isDash(x.toks[p].text) || after <= 1 && c.cue.lo-c.sent.lo > 4) &&
		(after < 4 || c.cue.lo-c.sent.lo > 4) { // "..., according to Y", "... 52 percent according to a poll."
		c.trailing = true
		c.content = x.before(x.openerEnd(c.sent.lo, c.cue.lo), c.cue.lo)
		if end := x.appositiveEnd(np.hi, c.sent.hi); end > np.hi {
			c.core = np        // the actor is the name, not its appositive
			c.speaker.hi = end // "..., according to Jo Li, a Republican strategist."
			return !c.content.empty()
		}
		if np.hi+1 < c.sent.hi && x.toks[np.hi].text == "," && x.parenthetical(np.hi+1) {
			c.content.hi = x.before(c.sent.lo, c.sent.hi).hi // "X, according to Y, is Z"
		}
		return !c.content.empty()
	}
	r := np.hi
	if r < c.sent.hi && x.toks[r].text == "," {
		r++
		if j := x.asideEnd(r, c.sent.hi); j > r {
			c.core = np
			c.speaker.hi = j + 1 // "According to Jo Li, a former aide, ...": the aside and its comma
			r = j + 1
		}
	}
	hi := c.sent.hi
	if c.cue.lo > c.sent.lo && x.toks[c.cue.lo-1].text == "(" {
		for j := r; j < hi; j++ {
			if x.toks[j].text == ")" {
				hi = j // "(According to Y, Z.)": the parenthesis closes the content
				break
			}
		}
	}
	c.content = x.before(r, hi)
	return !c.content.empty()
}

// appositiveEnd returns where an appositive that follows the comma at k
// and ends its sentence ends ("a Republican strategist", "director of the
// center, which ran the poll"), or k when the words after the comma are no
// appositive: a verb before any relative pronoun, a quotation, another comma.
func (x *doc) appositiveEnd(k, hi int) int {
	end := x.before(k, hi).hi
	if k+1 >= end || x.toks[k].text != "," {
		return k
	}
	t := x.toks[k+1]
	if t.kind != tWord || t.cap && !lex.is(t.lower, wRole) || !lex.is(t.lower, wDet|wRole|wQuant) || lex.is(t.lower, wAux|wBe) || t.lower == "that" {
		return k
	}
	for j := k + 1; j < end; j++ {
		w := x.toks[j]
		if w.lower == "who" || w.lower == "which" {
			break
		}
		if w.kind == tOpenQ || w.kind == tCloseQ || isEnd(w) && !(w.text == "," && j+1 < end && (x.toks[j+1].lower == "which" || x.toks[j+1].lower == "who")) ||
			w.kind == tWord && (lex.is(w.lower, wAux|wBe) || x.verbLike(j) || x.isCue(j)) {
			return k
		}
	}
	return end
}

// unknownBefore returns where the words the lexicon does not know before a
// speaker phrase starting at end begin, when a comma or a closing quotation
// mark precedes them; else end.
func (x *doc) unknownBefore(lo, end int) int {
	for k := end - 1; k > lo && k >= end-3; k-- {
		t := x.toks[k]
		if t.kind != tWord || t.cap || lex.class[t.lower] != 0 || isVerbish(t.lower) {
			break
		}
		if p := x.toks[k-1]; p.text == "," || p.kind == tCloseQ {
			return k
		}
	}
	return end
}

// phraseBefore returns where the noun phrase that a trailing speaker ends
// begins, when a comma or a closing quotation mark precedes it and it opens
// with a determiner or a name: "..., the news site RTL Info reported",
// "...,” the paper's editorial board wrote"; else end.
func (x *doc) phraseBefore(lo, end int) int {
	prep := false
	for k := end - 1; k > lo && k >= end-maxPhraseBefore; k-- {
		t := x.toks[k]
		if t.kind == tWord && lex.is(t.lower, wPrep) && !prep && !x.quoted[k] {
			prep = true // "..., people familiar with the talks said"
			continue
		}
		if t.kind != tWord || x.verbLike(k) && !closeTo[t.lower] || x.isCue(k) || lex.is(t.lower, wPrep|wConj|wRel|wPron|wAux|wStop) ||
			prep && (t.cap || isVerbish(t.lower) && !closeTo[t.lower]) {
			return end
		}
		if p := x.toks[k-1]; (p.text == "," || p.kind == tCloseQ) && (lex.is(t.lower, wDet|wQuant|wGroup|wRole) && t.lower != "that" || t.cap) {
			return k
		}
	}
	return end
}

// relativeContent reads a cue inside a relative clause whose verb follows
// it: in "the plan, which he said was a mistake, failed" he said the plan
// was a mistake. The content runs from the verb at r to the clause's end.
func (x *doc) relativeContent(c *cand, r int) bool {
	p := c.speaker.lo - 1
	if c.speaker.empty() || p <= c.sent.lo || c.trailing || c.inherit != nil || !x.looseCue(c) {
		return false
	}
	switch w := x.toks[p].lower; {
	case w == "which" || w == "what" || w == "who" || w == "whom" || w == "that":
	case x.toks[p].kind == tWord && !x.toks[p].cap && lex.class[w] == 0 && !isVerbish(w):
		// no pronoun: "a probe the agency said was ongoing"
	default:
		return false
	}
	c.content = span{r, c.sent.hi}
	c.content.hi = x.commaBefore(c.content, x.verbLike)
	return true
}

// asClause reads a cue in an "as" clause, which attributes the rest of its
// sentence: "As the Post reported, the deal fell through" and "The deal
// fell through, as the Post reported." r is the token after the cue.
func (x *doc) asClause(c *cand, r int) bool {
	a := c.speaker.lo - 1
	if c.speaker.empty() || a < c.sent.lo || x.toks[a].lower != "as" || c.inherit != nil {
		return false
	}
	switch {
	case a > c.sent.lo+1 && x.toks[a-1].text == "," && sayBases[c.entry.base] && x.asTail(r, c.sent.hi):
		c.content, c.trailing = x.before(c.sent.lo, a-1), true // "..., as Smith said in April while visiting the site."
	case (a == c.sent.lo || x.toks[a-1].kind != tWord) && r+1 < c.sent.hi && x.toks[r].text == ",":
		c.content = span{r + 1, c.sent.hi}
	case a > c.sent.lo+1 && x.toks[a-1].text == "," && (r >= c.sent.hi || isEnd(x.toks[r])):
		c.content, c.trailing = x.before(c.sent.lo, a-1), true
	default:
		return false
	}
	return !c.content.empty()
}

// asTail reports whether what follows the cue of a trailing "as" clause
// from r ends the clause: at most twelve words with no finite verb nor
// "that" ("in April while visiting the site", "at the outset"), up to the
// sentence's end, a dash or a semicolon, or a comma before "and" or "but"
// (", and work will start soon"), which opens a clause of its own.
func (x *doc) asTail(r, hi int) bool {
	e := r
	for ; e < hi && !isEnd(x.toks[e]) && x.toks[e].kind == tWord; e++ {
		if e-r >= 12 || x.verbLike(e) || x.toks[e].lower == "that" {
			return false
		}
	}
	if e >= hi {
		return true
	}
	switch t := x.toks[e]; {
	case t.text == ",":
		return e+1 < hi && (x.toks[e+1].lower == "and" || x.toks[e+1].lower == "but")
	case t.text == "." || t.text == ";" || isDash(t.text):
		return true
	}
	return false
}

// asideContent reads a content that opens with an aside after the cue's
// comma or dash, when nothing but "as" comes before the speaker: "Smith
// said, win or lose, she will stay", "Smith said — on Twitter, no less —
// that ...", "as Smith noted, the vote was close".
func (x *doc) asideContent(c *cand, r int) bool {
	hi := c.sent.hi
	if r+2 >= hi || c.speaker.empty() || c.inherit != nil || c.trailing || x.toks[r].kind != tPunct || !asideCues[x.toks[c.cue.hi-1].lower] {
		return false
	}
	if lo := c.speaker.lo; lo > c.sent.lo && !(lo == c.sent.lo+1 && lex.is(x.toks[c.sent.lo].lower, wConj)) && x.toks[lo-1].lower != "as" {
		return false // "as Smith noted, ..." says what follows too
	}
	n := x.toks[r+1]
	if n.kind != tWord || strings.HasSuffix(n.lower, "ing") || x.isCue(r+1) || lex.is(n.lower, wConj) && n.lower != "if" {
		return false // "Smith said, adding ...", "..., and"
	}
	switch sep := x.toks[r].text; {
	case sep == ",":
		return x.forward(c, r+1)
	case isDash(sep):
		for k := r + 1; k < hi && k <= r+12; k++ {
			if x.toks[k].text == sep {
				return x.forward(c, k+1)
			}
		}
	}
	return false
}

// asideCues are the verbs of speech that asideContent reads: an idiom ("all
// told", "I mean", "you know") takes a comma after it too.
var asideCues = map[string]bool{"say": true, "says": true, "said": true, "added": true, "adds": true, "wrote": true,
	"writes": true, "argued": true, "argues": true, "insisted": true, "noted": true, "warned": true, "explained": true,
	"predicted": true, "declared": true, "announced": true, "stressed": true, "contended": true}

// quotedTitle returns the end of a programme's or a paper's title in
// quotation marks at r, capitalised words only ("“Meet the Press,”"), past
// its closing mark; r when there is none.
func (x *doc) quotedTitle(r, hi int) int {
	if r >= hi || x.toks[r].kind != tOpenQ {
		return r
	}
	for k := r + 1; k < hi && k <= r+7; k++ {
		t := x.toks[k]
		switch {
		case t.kind == tCloseQ && k > r+1:
			return k + 1
		case t.text == "," && k+1 < hi && x.toks[k+1].kind == tCloseQ && k > r+1:
			return k + 2
		case t.kind != tWord || !t.cap && !lex.is(t.lower, wStop|wDet|wConj):
			return r
		}
	}
	return r
}

// maxPhraseBefore is the longest trailing speaker phrase phraseBefore reads.
const maxPhraseBefore = 8

// closeTo are participles that tie a source to what it knows: "people
// familiar with", "officials briefed on".
var closeTo = map[string]bool{"briefed": true, "involved": true}

// titleEnd returns the token after the quotation mark that closes the one
// opened at k when what is quoted there is a title: at most twelve tokens,
// the first capitalised, no quotation inside. Else -1: "according to
// Li “we won”" quotes no title.
func (x *doc) titleEnd(k, hi int) int {
	for j := k + 1; j < hi && j-k <= 13; j++ {
		t := x.toks[j]
		if t.kind == tOpenQ {
			return -1
		}
		if t.kind == tCloseQ {
			if j == k+1 || !x.toks[k+1].cap {
				return -1
			}
			return j + 1
		}
	}
	return -1
}

// asideEnd returns the comma that closes an aside opening at k after an
// "according to" source and its comma ("a former aide,", "Li's press
// secretary,"), when a clause of three or more words follows it; else -1.
// The aside has no quotation, and no verb outside a relative clause.
func (x *doc) asideEnd(k, hi int) int {
	if k >= hi {
		return -1
	}
	t := x.toks[k]
	poss := t.cap && k+1 < hi && x.toks[k+1].lower == "'s"
	if t.kind != tWord || !poss && t.lower != "a" && t.lower != "an" && !lex.is(t.lower, wRole) {
		return -1
	}
	rel := false // a relative clause may end the aside: "a friend of hers who died in 2000,"
	for j := k + 1; j < hi && j-k <= 20; j++ {
		w := x.toks[j]
		switch {
		case w.text == ",":
			if x.words(span{j + 1, hi}) < 3 {
				return -1
			}
			return j
		case w.lower == "who" || w.lower == "which":
			rel = true
		case w.kind == tOpenQ || w.kind == tCloseQ || isEnd(w) || !rel && (x.verbLike(j) || w.lower == "that"):
			return -1
		}
	}
	return -1
}

// openerEnd returns where a sentence's clause starts after an opening
// conjunction ("But", "And") or a discourse adverb and its comma ("Still,",
// "In fact,"), which PolNeAR leaves out of a trailing source's content;
// else lo.
func (x *doc) openerEnd(lo, j int) int {
	pos := x.datelineEnd(lo, j)
	if pos+1 < j && coordinators[x.toks[pos].lower] && x.toks[pos].cap {
		pos++ // "But Li ...", "And, ..."
		if x.toks[pos].text == "," {
			pos++
		}
	}
	for n := 1; n <= 4 && pos+n+1 < j; n++ {
		if x.toks[pos+n].text == "," && discourseOpeners[strings.ToLower(x.text[x.toks[pos].bs:x.toks[pos+n-1].be])] {
			return pos + n + 1
		}
	}
	return pos
}

// discourseOpeners are the adverbs that open a sentence before a comma
// without being part of what a source says: "Still, ...", "In fact, ...".
var discourseOpeners = map[string]bool{"still": true, "meanwhile": true, "nevertheless": true, "nonetheless": true,
	"however": true, "overall": true, "instead": true, "indeed": true, "moreover": true, "besides": true, "also": true,
	"in fact": true, "even so": true, "in all": true, "in total": true, "at the same time": true, "as a result": true,
	"of course": true, "in short": true, "in other words": true, "for example": true, "for instance": true}
