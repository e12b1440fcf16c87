package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// subject finds c's speaker left of the bridge ending at token j.
func (x *doc) subject(c *cand, j int, prior []*cand) bool {
	lo := c.sent.lo
	if j < lo {
		return false
	}
	t := x.toks[j]
	switch {
	case t.kind == tWord && lex.is(t.lower, wPron) && (!t.cap || j == lo || t.lower == "i"):
		c.speaker, c.conf = span{j, j + 1}, 0.6
		return t.lower != "you" // "you" is most often the reader; "I" and "we" the author (claim.go)
	case (t.lower == "who" || x.relativeSubject(c, j)) && j > lo:
		end := j
		if x.toks[j-1].text == "," {
			end--
		}
		c.speaker, c.antecedent = span{j, j + 1}, x.leftNP(lo, end)
		return !c.antecedent.empty()
	case lex.is(t.lower, wRel):
		return false
	case x.coordinated(c, j):
		return x.shared(c, j, prior)
	}
	if t.kind == tWord {
		c.speaker = x.leftNP(lo, j+1)
		if !c.speaker.empty() {
			return true
		}
	}
	if t.text == "," {
		if k := x.asideBefore(j, lo); k >= 0 {
			return x.subject(c, k, prior) // "Ayotte’s campaign, for example, said"
		}
		if x.namedAfter(c) && x.inverted(c) {
			return true // "..., said Mr. Manafort, citing ..."
		}
		if j-1 > lo && x.toks[j-1].text == ")" {
			if np := x.leftNP(lo, j); !np.empty() {
				c.speaker, c.antecedent = np, np // "Sen. Ana Berg (D-Ore.), said"
				if k := x.openParen(j-1, np.lo); k > np.lo {
					c.antecedent.hi = k
				}
				return true
			}
		}
		if x.appositive(c, j) {
			return true
		}
	}
	if t.text == "," || t.kind == tCloseQ {
		if x.inverted(c) {
			return true
		}
		if t.kind == tCloseQ && j > lo && x.toks[j-1].text == "," && x.appositive(c, j) {
			return true // "Jones, citing “the magic of it,” said"
		}
		return t.text == "," && x.clauseStart(c, j)
	}
	if isDash(t.text) {
		return x.dashed(c, j)
	}
	return false
}

func isDash(s string) bool { return s == "—" || s == "–" || s == "-" || s == "--" || s == "―" }

// dashed reads "Podesta — Bill Clinton's former chief of staff — offered":
// the dash at j closes an aside after the speaker phrase.
func (x *doc) dashed(c *cand, j int) bool {
	for p := j - 1; p > c.sent.lo && j-p <= 25; p-- {
		t := x.toks[p]
		if t.kind == tOpenQ || t.kind == tCloseQ || t.text == ";" {
			return false
		}
		if t.text != x.toks[j].text {
			continue
		}
		np := x.leftNP(c.sent.lo, p)
		if np.empty() || p+1 >= j {
			return false
		}
		c.speaker, c.antecedent = span{np.lo, j + 1}, np
		return true
	}
	return false
}

// coordinated reports whether the cue opens a second verb phrase of its
// clause: "said X and reported Y", "told AFP, adding", "by saying".
func (x *doc) coordinated(c *cand, j int) bool {
	t := x.toks[j]
	ing := strings.HasSuffix(x.toks[c.cue.lo].lower, "ing")
	comma := t.text == "," || isDash(t.text) || t.kind == tCloseQ && j > c.sent.lo && x.toks[j-1].text == ","
	return t.lower == "and" || t.lower == "but" || ing && (comma || ingOpeners[t.lower])
}

// ingOpeners open a participle cue whose speaker is the clause's subject:
// "by saying", "while acknowledging", "in supporting".
var ingOpeners = map[string]bool{"by": true, "while": true, "after": true, "before": true, "in": true, "from": true,
	"when": true, "without": true, "despite": true, "since": true, "through": true}

// shared gives a coordinated cue the speaker of the attribution before it
// in the sentence, or else the sentence's subject.
func (x *doc) shared(c *cand, j int, prior []*cand) bool {
	if p := lastBefore(prior, c.cue.lo); p != nil && !ingOpeners[x.toks[j].lower] {
		c.inherit, c.speaker, c.antecedent, c.appos, c.outlet, c.conf = p, p.speaker, p.antecedent, p.appos, p.outlet, 0.7
		return true
	}
	c.speaker, c.conf = x.clauseSubject(c.sent.lo, j), 0.6
	return !c.speaker.empty()
}

// appositive reads "Smith, a former adviser to the senator, said": the
// comma at j closes an appositive that follows a name. The appositive may
// hold a relative clause, a participle and a quotation ("Jones, citing
// “the magic of it,” said").
func (x *doc) appositive(c *cand, j int) bool {
	commas, quotes := 0, 0
	if x.toks[j].kind == tCloseQ {
		quotes++
	}
	for p := j - 1; p > c.sent.lo && j-p <= maxAppositive; p-- {
		t := x.toks[p]
		if t.kind == tOpenQ || t.kind == tCloseQ {
			quotes++
			continue
		}
		if t.text == ";" {
			return false
		}
		if t.text != "," || x.quoted[p] {
			continue
		}
		if commas++; commas > 4 {
			return false
		}
		np := x.leftNP(c.sent.lo, p)
		if np.empty() || p+1 >= j || quotes%2 == 1 {
			continue
		}
		c.speaker, c.antecedent, c.appos = span{np.lo, j}, np, span{p + 1, j}
		if quotes > 0 && x.toks[j].kind == tCloseQ {
			c.speaker.hi = j + 1
		}
		if w := x.toks[p+1].lower; p == np.hi && (lex.is(w, wPrep|wAsideEnd|wTime) || subordinators[w]) && !npPreps[w] {
			c.speaker, c.appos = np, span{} // "Blunt, after a long pause, said": an aside, not part of the speaker
			return true
		}
		if rel := x.toks[p+1].lower; rel == "who" || rel == "which" || j-p > 12 {
			c.appos = span{} // "The official, who spoke on condition of anonymity, said"
		} else if h := x.toks[np.hi-1]; !h.cap {
			// "A top strategist, John Weaver, said": the name is the appositive
			if name := x.leftNP(p+1, j); name.lo == p+1 && x.toks[name.hi-1].cap {
				c.antecedent, c.appos = name, span{}
			} else if !lex.is(h.lower, wRole|wGroup|wBody|wQuant) {
				continue
			}
		}
		return true
	}
	return false
}

// subordinators open an adverbial clause: an aside, not an appositive.
var subordinators = map[string]bool{"when": true, "as": true, "while": true, "after": true, "before": true,
	"because": true, "since": true, "although": true, "though": true, "if": true}

// npPreps open a phrase that belongs to the speaker before it: "economists,
// like their colleagues abroad,".
var npPreps = map[string]bool{"of": true, "like": true, "unlike": true, "including": true}

// maxAppositive is the most tokens between a speaker and its cue that
// appositive reads.
const maxAppositive = 45

// lastBefore returns the last attribution whose cue ends before token k.
func lastBefore(prior []*cand, k int) *cand {
	for i := len(prior) - 1; i >= 0; i-- {
		if prior[i].cue.hi <= k {
			return prior[i]
		}
	}
	return nil
}

// inverted reads "..., said Smith." and "..., says the report."
func (x *doc) inverted(c *cand) bool {
	np := x.rightNP(c.cue.hi, c.sent.hi)
	if np.empty() {
		np = x.rightCommon(c.cue.hi, c.sent.hi)
	}
	if np.empty() {
		return x.invertedModified(c)
	}
	np.hi = x.ofPhrase(np.hi, c.sent.hi)
	sp, ok := x.invertedEnd(np, c.sent.hi)
	if ok && sp.hi > np.hi && x.toks[sp.hi-1].text == "," {
		sp.hi-- // "said Ana Berg, a senator, in an interview"
	}
	if !ok {
		if sp = np; sp.hi < c.sent.hi && !isEnd(x.toks[sp.hi]) {
			return false
		}
	}
	if sp.hi > np.hi {
		np = x.invertedHead(np, sp) // "said Clinton ally James Carville" is Carville
	}
	if np.hi-np.lo > 2 && x.toks[np.lo+1].lower == "of" {
		np.lo += 2 // "said one of the aides" names the aides
	}
	c.speaker, c.antecedent, c.trailing = sp, np, true
	c.content = x.before(c.sent.lo, c.cue.lo)
	return !c.content.empty()
}

// invertedModified reads an inverted speaker whose name follows modifiers
// that no phrase rule knows, up to the end of the sentence: "..., said 9/11
// widow Terry Strada." The name must end it.
func (x *doc) invertedModified(c *cand) bool {
	e := c.cue.hi
	for e < c.sent.hi && e-c.cue.hi <= 7 && !isEnd(x.toks[e]) && x.toks[e].kind != tOpenQ && x.toks[e].kind != tCloseQ {
		e++
	}
	if e == c.cue.hi || e-c.cue.hi > 7 || e < c.sent.hi && x.toks[e].text != "." || e+1 < c.sent.hi && x.toks[e+1].kind != tCloseQ {
		return false
	}
	np := x.leftNP(c.cue.hi, e)
	if np.empty() || np.lo == c.cue.hi || !x.toks[np.hi-1].cap || !x.toks[np.lo].cap {
		return false
	}
	for k := c.cue.hi; k < np.lo; k++ {
		if t := x.toks[k]; t.cap || lex.is(t.lower, wPron|wAux|wBe|wConj|wPrep|wRel|wNeg) || x.isCue(k) {
			return false
		}
	}
	c.speaker, c.antecedent, c.trailing = span{c.cue.hi, e}, np, true
	c.content = x.before(c.sent.lo, c.cue.lo)
	return !c.content.empty()
}

// ofPhrase extends a speaker phrase ending at r over "of the town", "for
// the campaign".
func (x *doc) ofPhrase(r, hi int) int {
	if r+1 >= hi || x.toks[r].lower != "of" && x.toks[r].lower != "for" && x.toks[r].lower != "at" {
		return r
	}
	for k := r + 1; k < hi && k <= r+6; k++ {
		if t := x.toks[k]; t.kind != tWord || lex.is(t.lower, wAux|wBe|wConj|wRel) {
			if k > r+1 && isEnd(t) {
				return k // "of the New York delegation."
			}
			break
		}
	}
	if np := x.rightNP(r+1, hi); !np.empty() {
		return np.hi
	}
	return r
}

// agrees rejects a base-form cue after a singular subject with no
// auxiliary: "a direct appeal to voters" is a noun, not a cue.
func (x *doc) agrees(c *cand, j int) bool {
	cue := x.toks[c.cue.lo]
	if cue.lower != c.entry.base || c.entry.particle != "" || c.inherit != nil || c.entry.frame == framePrep {
		return true
	}
	if j+1 < c.cue.lo && lex.is(x.toks[c.cue.lo-1].lower, wAux|wNeg) || j+1 < c.cue.lo && x.toks[c.cue.lo-1].lower == "to" {
		return true
	}
	h := x.toks[c.speaker.hi-1]
	if !c.antecedent.empty() {
		h = x.toks[c.antecedent.hi-1]
	}
	np := c.speaker
	if !c.antecedent.empty() {
		np = c.antecedent // "Bush and Christie, who say"
	}
	if w := x.toks[c.speaker.lo].lower; c.speaker.hi-c.speaker.lo == 1 && (w == "i" || w == "we" || w == "you") {
		return true // "we know", "I support"
	}
	for k := np.lo + 1; k < np.hi; k++ {
		if p := x.toks[k-1].lower; (x.toks[k].lower == "of" || x.toks[k].lower == "for") && len(p) > 3 && strings.HasSuffix(p, "s") && !strings.HasSuffix(p, "ss") && p != "'s" {
			return true // "Executives for the firm say", "Friends of the senator say"
		}
	}
	return h.lower == "they" || h.lower == "people" || np.hi-np.lo > 1 && x.hasAnd(np) ||
		lex.is(h.lower, wGroup|wQuant) || isDigit(h.lower) || len(h.lower) > 3 && strings.HasSuffix(h.lower, "s") && (!h.cap || h.lower != "'s" && x.plural(np))
}

func (x *doc) hasAnd(s span) bool {
	for k := s.lo; k < s.hi; k++ {
		if x.toks[k].lower == "and" {
			return true
		}
	}
	return false
}

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

// subjectStart returns where the sentence's subject starts: after an
// opening conjunction ("But"), and after an adverbial or participle phrase
// closed by a comma ("In a speech on Tuesday,", "Asked about it,").
func (x *doc) subjectStart(lo, j int) int {
	pos := lo
	if pos < j && coordinators[x.toks[pos].lower] {
		pos++ // "But Smith ..."
	}
	if pos >= j {
		return pos
	}
	if t := x.toks[pos]; lex.is(t.lower, wPrep|wTime|wStop|wConj) || isVerbish(t.lower) {
		if k := x.nextComma(pos+1, j); k > 0 && k-pos <= 30 {
			pos = k + 1
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
		if x.verbLike(k) {
			if k > pos+1 && lex.class[x.toks[k-1].lower] == 0 {
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

// adjunct reports whether toks[k] may continue an inverted speaker: "said
// one source who ...", "said Senator X in an interview".
func (x *doc) adjunct(k int) bool {
	switch x.toks[k].lower {
	case "who", "in", "on", "at", "during", "(", "of", "from", "with", "close", "familiar", "to", "for":
		return true
	}
	return false
}

// asideBefore returns the token before an aside that ends with the comma at
// j (", for example,", ", however,"), or -1.
func (x *doc) asideBefore(j, lo int) int {
	for k := j - 1; k > lo && k >= j-8; k-- {
		if x.toks[k].text != "," {
			continue
		}
		if lex.is(x.toks[j-1].lower, wAsideEnd) && k >= j-3 || x.toks[k+1].lower == "including" {
			return k - 1 // "Several candidates, including Trump, said"
		}
		return -1
	}
	return -1
}

func thirdPerson(t token) bool {
	return t.lower != "i" && t.lower != "we" && t.lower != "you"
}

// rightCommon reads a determiner and a few words up to the end of the
// clause: "said the second official", "said a former senior law
// enforcement official" (up to seven words).
func (x *doc) rightCommon(i, hi int) span {
	if i >= hi || !lex.is(x.toks[i].lower, wDet) || x.toks[i].lower == "that" {
		return span{}
	}
	for k := i + 1; k < hi && k <= i+7; k++ {
		t := x.toks[k]
		if isEnd(t) || x.adjunct(k) && !(t.lower == "of" && k == i+1) { // "said one of the witnesses"
			if h := x.toks[k-1]; k > i+1 && !isVerbish(h.lower) && !lex.is(h.lower, wStop|wAux|wBe) {
				return span{i, k}
			}
			return span{}
		}
		if t.kind != tWord || lex.is(t.lower, wAux|wBe) && !adverbAux[t.lower] {
			return span{} // "said the vote would pass" is no speaker
		}
	}
	return span{}
}

// plural reports whether a capitalised phrase ending in "s" names a group
// ("the Khans", "Associates", "Democrats") rather than a person ("Sanders"):
// a determiner opens it, or it is one word the text gives as no surname.
func (x *doc) plural(np span) bool {
	if lex.is(x.toks[np.lo].lower, wDet) {
		return true
	}
	h := x.toks[np.hi-1].lower
	_, surname := x.names[h]
	return np.hi-np.lo == 1 && !surname && !strings.HasSuffix(h, "ss")
}

// invertedEnd extends an inverted speaker phrase over what follows it to
// the end of its clause, as PolNeAR's speakers do: "said Clinton ally James
// Carville", "said Jim Clyburn, a congressman from South Carolina", "said one
// source who spoke on condition of anonymity". It stops before a quotation,
// a participle clause (", adding"), and a medium or a time ("in an
// interview", "on Friday"); false when the clause goes on otherwise.
func (x *doc) invertedEnd(np span, hi int) (span, bool) {
	sp := np
	rel := false // inside "who spoke on condition of anonymity"
	for k := np.hi; k < hi && k-np.lo < 30; k++ {
		t := x.toks[k]
		if t.lower == "who" || t.lower == "which" || t.lower == "that" {
			rel = true
		}
		switch {
		case !rel && t.kind == tWord && x.verbLike(k):
			return sp, false // "said Obama was wrong": a clause, not a speaker
		case t.kind == tOpenQ || t.kind == tCloseQ || t.text == "." || t.text == "!" || t.text == "?" || t.text == ";" || t.text == ":" || t.text == "—" || t.text == "–":
			return sp, true
		case t.text == ",":
			if k+1 >= hi || x.toks[k+1].kind != tWord {
				return sp, true
			}
			n := x.toks[k+1]
			if strings.HasSuffix(n.lower, "ing") || lex.is(n.lower, wConj|wTime) && n.lower != "who" || x.isCue(k+1) {
				return sp, true
			}
		case t.lower == "in" || t.lower == "on" || t.lower == "at" || t.lower == "during" || lex.is(t.lower, wTime) && !t.cap:
			if x.mediumOrTime(k+1, hi) {
				return sp, true
			}
		case t.lower == "that" && x.toks[k-1].lower != "who", t.kind != tWord && t.text != "(" && t.text != ")" && t.text != "-":
			return sp, false
		case !rel && t.kind == tWord && x.isCue(k) && !t.cap:
			return sp, false // a cue of its own, unless in "who declined to be named"
		}
		sp.hi = k + 1
	}
	return sp, sp.hi >= hi
}

// isCue reports whether toks[k] is a cue word of the lexicon.
func (x *doc) isCue(k int) bool {
	_, _, ok := lex.cue(x.toks, k)
	return ok
}

// mediumOrTime reports whether a medium or a time follows k after at most
// two determiners or modifiers: "an interview", "Friday", "the debate".
func (x *doc) mediumOrTime(k, hi int) bool {
	for j := k; j < hi && j <= k+2; j++ {
		w := x.toks[j].lower
		if lex.is(w, wMedium|wTime) {
			return true
		}
		if !lex.is(w, wDet|wMod) {
			return false
		}
	}
	return false
}

// relativeSubject reports whether a "which" or "that" at j is the subject
// of a plain reporting cue: "polls that show", "a report which found".
func (x *doc) relativeSubject(c *cand, j int) bool {
	t := x.toks[j]
	return (t.lower == "which" || t.lower == "that" && j > 0 && x.toks[j-1].kind == tWord) && c.entry.act == schema.Assert
}

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

// invertedHead returns the phrase that names the actor of an inverted
// speaker sp that went on past np: the noun phrase that ends where the
// first comma, parenthesis or adjunct does.
func (x *doc) invertedHead(np, sp span) span {
	end := np.hi
	for end < sp.hi && x.toks[end].text != "," && x.toks[end].text != "(" && !x.adjunct(end) {
		end++
	}
	if end == np.hi {
		return np
	}
	if h := x.leftNP(np.lo, end); !h.empty() && x.toks[h.hi-1].cap {
		return h
	}
	return np
}

// namedAfter reports whether a capitalised name follows the cue and ends
// the clause: "..., said Mr. Manafort." or "..., said Mr. Manafort, citing".
func (x *doc) namedAfter(c *cand) bool {
	np := x.rightNP(c.cue.hi, c.sent.hi)
	if np.empty() || !x.toks[np.hi-1].cap {
		return false
	}
	return np.hi >= c.sent.hi || isEnd(x.toks[np.hi]) || x.toks[np.hi].kind == tCloseQ
}

// looseSubject is the last resort for a reporting verb whose subject no
// rule above reads: a common noun phrase with its modifiers, from a clause
// boundary to the cue ("a source close to him said", "Thirty-one
// percent of those surveyed say"). The phrase names its own actor.
func (x *doc) looseSubject(c *cand, j int) bool {
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
	c.speaker, c.antecedent, c.appos, c.core = span{lo, j + 1}, span{}, span{}, span{}
	c.loose, c.conf = true, 0.5
	return true
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
	return looseCues[w] || c.entry.frame == frameSay && strings.HasSuffix(w, "ed")
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
	"reported": true, "asked": true, "explained": true, "stated": true, "announced": true, "believed": true, "thought": true}

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
	comma := x.nextComma(c.cue.hi, c.sent.hi)
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
	c.speaker, c.content, c.conf = sp, span{r, comma}, 0.6
	return !c.content.empty()
}
