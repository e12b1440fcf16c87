package extract

import "strings"

// trim cuts forward contents where another attribution in the sentence
// starts after a conjunction ("said X and reported Y", "X, while Azerbaijan
// has not admitted Y"), and strips punctuation and quotation marks.
func (x *doc) trim(cs []*cand) {
	for _, c := range cs {
		x.trimOne(c, cs)
	}
}

// trimOne trims c's content against the other attributions cs of its
// sentence.
func (x *doc) trimOne(c *cand, cs []*cand) {
	{
		if !c.trailing {
			for _, d := range cs {
				if d != c && d.cue.lo > c.content.lo && d.cue.lo < c.content.hi {
					if p := x.breakBefore(d); p > c.content.lo && p < c.content.hi {
						c.content.hi = p
					}
				}
			}
			if x.insideQuote(c.content) {
				x.strip(c)
				return // a quotation is the speaker's words to its close, whatever clauses it holds
			}
			c.content.hi = x.semicolon(c.content)
			c.content.hi = x.subordinateEnd(c)
			c.content.hi = x.verbAfterObject(c.content)
			c.content.hi = x.participle(c.content)
			if c.entry.frame == frameAccuse {
				c.content.hi = x.clauseEnd(c.content)
			}
			if lex.is(c.entry.base, wNPObj) {
				c.content.hi = x.objectEnd(c.content)
			}
			if stanceBases[c.entry.base] {
				c.content.hi = x.pronounObjectEnd(c.content)
			}
			if c.entry.object {
				c.content.hi = x.commaEnd(c.content)
			}
			if c.entry.base == "call" && c.entry.particle == "" {
				c.content.hi = x.namedQuoteEnd(c.content)
			}
			if x.stanceModifier(c) {
				c.content.hi = x.objectNameEnd(c.content)
			}
			if x.nonrestrictive(c) {
				c.content.hi = x.relativeEnd(c.content)
			}
		}
		x.strip(c)
	}
}

// breakBefore returns where d's clause starts when a conjunction or a comma
// introduces it, else -1.
func (x *doc) breakBefore(d *cand) int {
	k := d.speaker.lo
	if d.inherit != nil || d.trailing && d.speaker.lo > d.cue.lo {
		k = d.cue.lo
		for k > d.sent.lo && !x.introduces(k-1) && k > d.cue.lo-6 {
			k--
		}
	}
	if k <= d.sent.lo || !x.introduces(k-1) {
		return -1
	}
	p := k - 1
	if p > d.sent.lo && x.toks[p-1].text == "," {
		p--
	}
	return p
}

func (x *doc) introduces(k int) bool {
	t := x.toks[k]
	return t.text == "," || t.text == ";" || lex.is(t.lower, wConj)
}

func (x *doc) semicolon(s span) int {
	for k := s.lo; k < s.hi; k++ {
		if x.toks[k].text == ";" {
			return k
		}
	}
	return s.hi
}

// clauseEnd ends an accusation's content where a new clause starts: "and"
// followed within a few words by an auxiliary ("and thousands of people have
// been displaced").
func (x *doc) clauseEnd(s span) int {
	for k := s.lo + 1; k < s.hi; k++ {
		if x.toks[k].lower != "and" {
			continue
		}
		for j := k + 1; j < s.hi && j <= k+5; j++ {
			if lex.is(x.toks[j].lower, wAux|wBe) {
				return k
			}
		}
	}
	return s.hi
}

// nonrestrictive reports whether c's speaker is the "who" of a relative
// clause set off by commas: "The senator, who said X, declined".
func (x *doc) nonrestrictive(c *cand) bool {
	sp := c.speaker
	return sp.hi-sp.lo == 1 && sp.lo > c.sent.lo && (x.toks[sp.lo].lower == "who" || x.toks[sp.lo].lower == "which") && x.toks[sp.lo-1].text == ","
}

// relativeEnd ends a relative clause's content at the comma after which the
// main clause's verb comes: "who said he would run again, declined to".
func (x *doc) relativeEnd(s span) int {
	return x.commaBefore(s, x.verbLike)
}

// commaBefore returns the first comma of s outside a quotation whose next
// word passes next, or s.hi when there is none.
func (x *doc) commaBefore(s span, next func(k int) bool) int {
	depth := 0
	for k := s.lo + 1; k+1 < s.hi; k++ {
		switch x.toks[k].kind {
		case tOpenQ:
			depth++
		case tCloseQ:
			depth--
		}
		if depth == 0 && x.toks[k].text == "," && next(k+1) {
			return k
		}
	}
	return s.hi
}

// verbLike reports whether the word at k reads as a finite verb: an
// auxiliary, a form of "be", a cue verb, or a lower-case past tense.
func (x *doc) verbLike(k int) bool {
	t := x.toks[k]
	if t.kind != tWord || t.cap {
		return false
	}
	if lex.is(t.lower, wBe|wAux) && !lex.is(t.lower, wTime) && t.lower != "both" && t.lower != "each" {
		return true
	}
	if x.isCue(k) && !strings.HasSuffix(t.lower, "ing") {
		return true
	}
	return len(t.lower) > 4 && strings.HasSuffix(t.lower, "ed")
}

// strip drops punctuation at the content's ends and the quotation marks
// around a quote, which makes the claim a direct one.
func (x *doc) strip(c *cand) {
	s := c.content
	for !s.empty() && (isEnd(x.toks[s.hi-1]) || x.toks[s.hi-1].text == "”" && s.hi-1 > s.lo && isEnd(x.toks[s.hi-2]) && !x.hasOpen(s)) {
		s.hi--
	}
	for !s.empty() && isEnd(x.toks[s.lo]) {
		s.lo++
	}
	if s.hi-s.lo >= 2 && x.toks[s.lo].kind == tOpenQ && x.toks[s.hi-1].kind == tCloseQ && x.quotes(s) == 2 {
		s.lo, s.hi = s.lo+1, s.hi-1
		c.direct = true
		for !s.empty() && isEnd(x.toks[s.hi-1]) {
			s.hi--
		}
	} else if !s.empty() && x.toks[s.lo].kind == tOpenQ && x.quotes(s) == 1 {
		s.lo++
		c.direct = true
	}
	c.content = s
}

func (x *doc) quotes(s span) int {
	n := 0
	for k := s.lo; k < s.hi; k++ {
		if x.toks[k].kind == tOpenQ || x.toks[k].kind == tCloseQ {
			n++
		}
	}
	return n
}

// hasOpen reports whether a quotation opens in s.
func (x *doc) hasOpen(s span) bool {
	for k := s.lo; k < s.hi; k++ {
		if x.toks[k].kind == tOpenQ {
			return true
		}
	}
	return false
}

// continueQuotes extends a quote's content over the quoted sentences that
// follow it and have no attribution of their own, in its paragraph or the
// next ones: “A,” he said. “B.” is one attribution of A and B.
func (x *doc) continueQuotes(sents []span, per [][]*cand) {
	for i, cs := range per {
		if len(cs) == 0 {
			continue
		}
		var c *cand // the last quote of the sentence: “A,” he said, looking up. “B.”
		for _, d := range cs {
			if d.direct || x.endsWithQuote(d) {
				c = d
			}
		}
		if c == nil {
			continue
		}
		first, gap := c.content.hi, -1
		for j := i + 1; j < len(sents) && len(per[j]) == 0; j++ {
			s := sents[j]
			if x.toks[s.lo].kind != tOpenQ || x.toks[s.lo].para && !x.wholeQuote(s) {
				break // a new paragraph goes on with the quote only when it is all quotation
			}
			if gap < 0 {
				gap = s.lo
			}
			c.content.hi = s.hi
			for !c.content.empty() && (isEnd(x.toks[c.content.hi-1]) || x.toks[c.content.hi-1].kind == tCloseQ) {
				c.content.hi--
			}
		}
		if gap >= 0 && !x.worthMerging(span{c.content.lo, first}, span{first, gap}, span{gap, c.content.hi}) {
			c.content.hi = first
		}
	}
}

// worthMerging reports whether one content over a quotation a, the words m
// between (the speaker, the cue and what goes with them) and the quotation
// b that goes on after them shares more words with the two quotations
// than a alone does. A content is one span, so a long middle would drown
// the quotations: “A,” Lee told a paper in an interview when asked if ...
// “B.” is better given as A alone.
func (x *doc) worthMerging(a, m, b span) bool {
	na, nm, nb := x.words(a), x.words(m), x.words(b)
	if na == 0 {
		return true
	}
	merged := float64(2*(na+nb)) / float64(2*(na+nb)+nm)
	alone := float64(2*na) / float64(2*na+nb)
	return merged >= alone
}

// continueColons extends the content of a "NAME: ..." line over the rest of
// its line. A transcript's line ("PENCE: ...") takes the attributions
// inside it too, and the next paragraphs that open with a quotation mark
// and no name of their own: the answer runs until the next speaker. Other
// lines ("Clinton: ...") take only sentences with no attribution.
func (x *doc) continueColons(sents []span, per [][]*cand) {
	for i, cs := range per {
		var c *cand
		for _, d := range cs {
			if x.toks[d.cue.lo].text == ":" && d.speaker.lo <= sents[i].lo+1 {
				c = d
			}
		}
		if c == nil {
			continue
		}
		if x.upperName(c.speaker) {
			c.content.hi = sents[i].hi
			for j := i + 1; j < len(sents) && x.sameAnswer(sents[j], per[j]); j++ {
				c.content.hi = sents[j].hi
			}
		} else {
			for j := i + 1; j < len(sents) && len(per[j]) == 0 && !x.toks[sents[j].lo].nl && !x.toks[sents[j].lo].para; j++ {
				c.content.hi = sents[j].hi
			}
		}
		for !c.content.empty() && (isEnd(x.toks[c.content.hi-1]) || x.toks[c.content.hi-1].kind == tCloseQ) {
			c.content.hi--
		}
	}
}

// dropInsideColons removes every attribution whose cue lies in the content
// of a "NAME: ..." line: what the line's speaker says others said or think
// ("FALLIN: Well, I think ...") is part of the line's content, and PolNeAR
// does not annotate it on its own. On PolNeAR train none of the 22 such
// inner attributions is a gold one.
func (x *doc) dropInsideColons(per [][]*cand) {
	var inside []bool
	for _, cs := range per {
		for _, c := range cs {
			if x.toks[c.cue.lo].text != ":" || c.content.empty() {
				continue
			}
			if inside == nil {
				inside = make([]bool, len(x.toks))
			}
			for k := c.content.lo; k < c.content.hi; k++ {
				inside[k] = true
			}
		}
	}
	if inside == nil {
		return
	}
	for i, cs := range per {
		out := cs[:0]
		for _, c := range cs {
			if x.toks[c.cue.lo].text == ":" || !inside[c.cue.lo] {
				out = append(out, c)
			}
		}
		per[i] = out
	}
}

// upperName reports whether s is a name in capitals, as transcripts give
// their speakers: "PENCE", "JOEL BENENSON".
func (x *doc) upperName(s span) bool {
	for k := s.lo; k < s.hi; k++ {
		if t := x.toks[k]; t.kind == tWord && strings.ToUpper(t.text) != t.text {
			return false
		}
	}
	return !s.empty()
}

// sameAnswer reports whether sentence s goes on with a transcript line: it
// is on the same line, or opens a paragraph with a quotation mark and no
// "NAME:" of its own.
func (x *doc) sameAnswer(s span, cs []*cand) bool {
	t := x.toks[s.lo]
	if !t.nl && !t.para {
		return true
	}
	if t.kind != tOpenQ || s.lo+2 >= s.hi || x.toks[s.lo+1].kind == tPunct || x.upperName(span{s.lo + 1, s.lo + 2}) {
		return false
	}
	for _, d := range cs {
		if x.toks[d.cue.lo].text == ":" {
			return false
		}
	}
	return true
}

// wholeQuote reports whether sentence s is one quotation, from its first
// token to a closing mark at its end: not “Sons of Trump” is a play.
func (x *doc) wholeQuote(s span) bool {
	k := s.hi - 1
	for k > s.lo && isEnd(x.toks[k]) {
		k--
	}
	if x.toks[k].kind != tCloseQ {
		return false
	}
	for j := s.lo + 1; j < k; j++ {
		if x.toks[j].kind == tCloseQ || x.toks[j].kind == tOpenQ {
			return false
		}
	}
	return true
}

func (x *doc) endsWithQuote(c *cand) bool {
	k := c.content.hi
	if k+1 < len(x.toks) && isEnd(x.toks[k]) {
		k++ // “... the losses,” he said: the comma comes before the mark
	}
	return k < len(x.toks) && x.toks[k].kind == tCloseQ
}

// participle ends a content before a comma and a participle clause or an
// aside that comments on it: "X, appearing to rely on Y", "X, although Y",
// "Clinton, who has been battered".
func (x *doc) participle(s span) int {
	return x.commaBefore(s, func(k int) bool {
		n := x.toks[k]
		return !n.cap && n.kind == tWord && (strings.HasSuffix(n.lower, "ing") && len(n.lower) > 5 && n.lower != "including" || lex.is(n.lower, wAside))
	})
}

// objectEnd ends an object content at the first preposition, conjunction
// or comma after it: "endorsed Trump in early June" endorsed Trump.
func (x *doc) objectEnd(s span) int {
	if s.hi-s.lo < 2 || x.toks[s.lo].lower == "that" || x.toks[s.lo].kind == tOpenQ {
		return s.hi
	}
	for k := s.lo + 1; k < s.hi; k++ {
		if t := x.toks[k]; t.text == "," || lex.is(t.lower, wNPEnd) {
			return k
		}
	}
	return s.hi
}

// commaEnd ends an object content at its first comma outside quotation
// marks: "recounted his wife's life experiences, recited her ideas".
func (x *doc) commaEnd(s span) int {
	if s.hi-s.lo < 2 || x.toks[s.lo].lower == "that" || x.toks[s.lo].kind == tOpenQ {
		return s.hi
	}
	return x.commaBefore(s, func(k int) bool { return x.toks[k].lower != "including" })
}

// verbAfterObject ends a content that has no verb of its own where "and"
// or "but" brings in a finite verb: the verb is the speaker's, coordinated
// with the cue ("urged voters to unite and tried to ...", "endorsed Smith
// and has appeared with him"). A content with a verb or a subject pronoun
// is a clause that may coordinate its own ("said taxes would rise and jobs
// would go").
func (x *doc) verbAfterObject(s span) int {
	if s.empty() || s.lo > 0 && x.toks[s.lo-1].lower == "that" || x.toks[s.lo].kind == tOpenQ {
		return s.hi
	}
	for k := s.lo; k+1 < s.hi; k++ {
		t := x.toks[k]
		if x.quoted[k] || t.kind == tOpenQ || t.kind == tCloseQ || lex.is(t.lower, wPron|wRel) || t.lower == "who" {
			return s.hi
		}
		if k > s.lo && x.verbLike(k) && !(k == s.lo+1 && x.toks[s.lo].lower == "to") {
			return s.hi
		}
		if k == s.lo || t.lower != "and" && t.lower != "but" {
			continue
		}
		n := k + 1
		if (isAdverb(x.toks[n]) || adverbAux[x.toks[n].lower]) && n+1 < s.hi {
			n++ // "and even", "and later"
		}
		if w := x.toks[n].lower; x.verbLike(n) && !adverbAux[w] && !strings.HasSuffix(w, "ing") && !isHyphenated(w) {
			if x.toks[k-1].text == "," {
				k--
			}
			return k
		}
	}
	return s.hi
}

// adverbAux are words of the auxiliary class that are adverbs, not verbs.
var adverbAux = map[string]bool{"also": true, "then": true, "later": true, "again": true, "already": true, "still": true,
	"just": true, "previously": true, "once": true, "even": true, "too": true, "both": true, "each": true}

// splitQuote extends a quotation that the attribution interrupts over its
// second part: in “A,” she said of the plan, “B.” she said A and B.
func (x *doc) splitQuote(c *cand, cs []*cand) {
	if !c.trailing || !x.endsWithQuote(c) {
		return
	}
	k := max(c.cue.hi, c.speaker.hi)
	for ; k < c.sent.hi && k < c.cue.hi+10 && x.toks[k].kind == tWord; k++ {
	}
	if k+1 >= c.sent.hi || x.toks[k].text != "," || x.toks[k+1].kind != tOpenQ {
		return
	}
	for _, d := range cs {
		if d != c && d.cue.lo > k {
			return // the second quotation has a speaker of its own
		}
	}
	c.content.hi = c.sent.hi
	for !c.content.empty() && (isEnd(x.toks[c.content.hi-1]) || x.toks[c.content.hi-1].kind == tCloseQ) {
		c.content.hi--
	}
}

// subordinateEnd ends the content of a cue inside the subordinate clause
// that opens its sentence at that clause's comma: in "When a reporter asked
// Li whether the port was safe, she smiled" the reporter asked no smile.
func (x *doc) subordinateEnd(c *cand) int {
	s := c.content
	if s.empty() || !subordinators[x.toks[c.sent.lo].lower] || c.speaker.lo <= c.sent.lo || c.speaker.lo > c.cue.lo {
		return s.hi
	}
	for k := c.sent.lo; k < c.cue.lo; k++ {
		if x.toks[k].text == "," || x.toks[k].kind == tOpenQ || x.toks[k].kind == tCloseQ {
			return s.hi // the cue is past the clause's end
		}
	}
	if k := x.nextComma(s.lo, s.hi); k > s.lo {
		return k
	}
	return s.hi
}

// stanceModifier reports a side-taking participle right after its noun
// phrase, with no auxiliary: "a group backing Lee spent ...". Its object
// is the content; the sentence's own verb comes after it.
func (x *doc) stanceModifier(c *cand) bool {
	w := x.toks[c.cue.lo].lower
	return stanceBases[c.entry.base] && strings.HasSuffix(w, "ing") && c.cue.hi-c.cue.lo == 1 &&
		!c.speaker.empty() && c.speaker.hi == c.cue.lo && c.content.lo == c.cue.hi
}

// objectNameEnd ends an object at the first lower-case word after a name that
// goes on no phrase: "Lee spent heavily" ends before "spent".
func (x *doc) objectNameEnd(s span) int {
	for k := s.lo + 1; k < s.hi; k++ {
		t, p := x.toks[k], x.toks[k-1]
		if p.kind == tWord && p.cap && t.kind == tWord && !t.cap && !lex.is(t.lower, wDet|wPrep|wConj) && t.lower != "'s" {
			return k
		}
	}
	return s.hi
}

// namedQuoteEnd ends a naming cue's content at the close of the quoted
// name it gives when an adjunct or a new verb phrase follows it: "called
// the plan “a mess” on Monday and left" ends after the quotation; "“a
// mess” because ..." goes on, as PolNeAR's contents do.
func (x *doc) namedQuoteEnd(s span) int {
	for k := s.lo + 1; k < s.hi && k <= s.lo+6; k++ {
		if x.toks[k].kind != tOpenQ {
			continue
		}
		for e := k + 1; e < s.hi; e++ {
			if x.toks[e].kind == tCloseQ {
				if x.afterName(e+1, s.hi) {
					return e + 1
				}
				return s.hi
			}
		}
		return s.hi
	}
	return s.hi
}

// afterName reports whether what starts at k, after a quoted name, is no
// part of the naming: a conjunction, a time or place adjunct, a
// participle, or a new noun phrase after a comma ("..., a dig at Lee").
func (x *doc) afterName(k, hi int) bool {
	if k >= hi {
		return false
	}
	if x.toks[k].text == "," && k+1 < hi {
		k++
		if lex.is(x.toks[k].lower, wDet) && x.toks[k].lower != "that" {
			return true
		}
	}
	w := x.toks[k].lower
	if w == "and" && k+1 < hi && x.toks[k+1].kind == tOpenQ {
		return false // "“weak” and “sad”": a second name
	}
	return nameBreaks[w] || x.toks[k].kind == tWord && !x.toks[k].cap && len(w) > 5 && strings.HasSuffix(w, "ing")
}

// nameBreaks open what follows a quoted name without being part of it.
var nameBreaks = wordSet("and but on in during while as before after")

// pronounObjectEnd ends a side-taking cue's object content that is a
// personal pronoun right after it: "opposed it as a senator", "endorsed
// her early" name only the pronoun. "her" before a noun is a possessive
// and stays.
func (x *doc) pronounObjectEnd(s span) int {
	if s.hi-s.lo < 2 {
		return s.hi
	}
	w := x.toks[s.lo].lower
	if !pronounObjects[w] {
		return s.hi
	}
	n := x.toks[s.lo+1]
	if isDash(n.text) {
		return s.hi // "endorsed her — they met": the clause after the dash stays the content's, not a claim of its own
	}
	if w == "her" && n.kind == tWord && !lex.is(n.lower, wPrep|wConj|wTime) && !isAdverb(n) {
		return s.hi
	}
	return s.lo + 1
}

// pronounObjects are the object pronouns an object content may be.
var pronounObjects = wordSet("it him her them")

// endAtQuote ends a content that opens with a quotation after its cue at
// the quotation's close: in ‘he yelled “Stop!” at the mayor’ he yelled
// only “Stop!”.
func (x *doc) endAtQuote(c *cand) {
	s := c.content
	if s.lo < c.cue.hi || x.toks[s.lo].kind != tOpenQ {
		return
	}
	for k := s.lo + 1; k < s.hi-1; k++ {
		switch x.toks[k].kind {
		case tOpenQ:
			return
		case tCloseQ:
			if p := x.toks[k-1].text; (p == "," || p == "!" || p == "?") && !x.quoteList(k+1, s.hi) {
				c.content.hi = k + 1 // a whole utterance, not a phrase the clause goes on around
			}
			return
		}
	}
}

// quoteList reports whether another quotation opens at k, maybe after
// "and" or "or": “A,” “B” and “C” is one list.
func (x *doc) quoteList(k, hi int) bool {
	for ; k < hi && (x.toks[k].lower == "and" || x.toks[k].lower == "or" || x.toks[k].text == ","); k++ {
	}
	return k < hi && x.toks[k].kind == tOpenQ
}

// insideQuote reports whether s opens right after a quotation mark and lies
// inside that quotation.
func (x *doc) insideQuote(s span) bool {
	if !s.empty() && x.toks[s.lo].kind == tOpenQ {
		s.lo++
	} else if s.empty() || s.lo == 0 || x.toks[s.lo-1].kind != tOpenQ {
		return false
	}
	for s.hi > s.lo && (isEnd(x.toks[s.hi-1]) || x.toks[s.hi-1].kind == tCloseQ) {
		s.hi--
	}
	for k := s.lo; k < s.hi; k++ {
		if !x.quoted[k] {
			return false
		}
	}
	return true
}
