package extract

import "strings"

// Inverted speakers: the speaker after its cue ("..., said Ana Berg, a
// senator, in an interview").

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
	if !ok {
		if sp = np; sp.hi < c.sent.hi && !isEnd(x.toks[sp.hi]) {
			if !x.quotedBefore(c.cue.lo, c.sent.lo) {
				return false
			}
			for sp.hi < c.sent.hi && !isEnd(x.toks[sp.hi]) && x.toks[sp.hi].kind != tOpenQ && x.toks[sp.hi].kind != tCloseQ {
				sp.hi++ // the phrase runs to its clause's end
			}
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

// saidFirst reads a sentence that opens with its cue, then its speaker and a
// quotation after a comma or a colon: "Said Ana Berg, “We will win.”" The
// speaker keeps its closing comma when an appositive comes inside it.
func (x *doc) saidFirst(c *cand) bool {
	k, hi := c.cue.lo, c.sent.hi
	if k != c.sent.lo || c.cue.hi != k+1 || !x.toks[k].cap || c.entry.frame != frameSay || c.entry.particle != "" || x.quoted[k] {
		return false
	}
	q := c.cue.hi
	for q < hi && q < c.cue.hi+14 && x.toks[q].kind != tOpenQ {
		q++
	}
	if q >= hi || x.toks[q].kind != tOpenQ || q-1 <= c.cue.hi || x.toks[q-1].text != "," && x.toks[q-1].text != ":" {
		return false
	}
	np := x.rightNP(c.cue.hi, q-1)
	if np.empty() || np.lo != c.cue.hi || !x.toks[np.lo].cap {
		return false
	}
	sp := span{c.cue.hi, q - 1}
	if x.hasComma(sp) && x.toks[q-1].text == "," {
		sp.hi = q // "Said Ana Berg, a welder, “...”"
	}
	content := span{q, hi} // strip drops the quotation marks, making it direct
	if x.before(q+1, hi).empty() {
		return false
	}
	c.speaker, c.antecedent, c.content, c.conf = sp, np, content, 0.6
	return true
}

// invertedModified reads an inverted speaker whose name follows modifiers
// that no phrase rule knows, up to the end of the sentence: "..., said 9/11
// widow Terry Strada." The name must end it.
func (x *doc) invertedModified(c *cand) bool {
	e := c.cue.hi
	for e < c.sent.hi && e-c.cue.hi <= 7 && !isEnd(x.toks[e]) && x.toks[e].kind != tOpenQ && x.toks[e].kind != tCloseQ {
		e++
	}
	if e == c.cue.hi || e-c.cue.hi > 7 || e < c.sent.hi && x.toks[e].text != "." && x.toks[e].text != "," || e < c.sent.hi && x.toks[e].text == "." && e+1 < c.sent.hi && x.toks[e+1].kind != tCloseQ {
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

// adjunct reports whether toks[k] may continue an inverted speaker: "said
// one source who ...", "said Senator X in an interview".
func (x *doc) adjunct(k int) bool {
	switch x.toks[k].lower {
	case "who", "in", "on", "at", "during", "(", "of", "from", "with", "close", "familiar", "to", "for":
		return true
	}
	return false
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
		if t.lower == "who" || t.lower == "which" || t.lower == "that" || x.reducedRelative(k, np) {
			rel = true
		}
		switch {
		case t.text == "(" && x.asideParen(k, hi):
			return sp, true // "said Mr. Smith (a view shared by many)": the writer's aside
		case !rel && t.kind == tWord && x.verbLike(k) && !x.attributive(k, np.hi) && !x.compound(k):
			return sp, false // "said Obama was wrong": a clause, not a speaker
		case t.kind == tOpenQ || t.kind == tCloseQ || t.text == "." || t.text == "!" || t.text == "?" || t.text == ";" || t.text == ":" || t.text == "—" || t.text == "–" || t.text == "--":
			return sp, true
		case t.text == ",":
			if k+1 >= hi || x.toks[k+1].kind != tWord {
				return sp, true
			}
			n := x.toks[k+1]
			if x.roleAfter(k+1, hi) {
				break // "said Ken Sena, managing director", "said Jo Li, then ambassador"
			}
			if x.appositiveGoesOn(k+1, hi, rel) {
				break // "said Jo Li, a chemist, and a co-author of the study"
			}
			medium := (n.lower == "in" || n.lower == "on" || n.lower == "during") && x.mediumOrTime(k+2, hi) // ", in a statement"
			if medium || strings.HasSuffix(n.lower, "ing") || lex.is(n.lower, wConj|wTime) && n.lower != "who" || x.isCue(k+1) || n.lower == "who" && x.cueAfterWho(k+2, hi) {
				if x.hasComma(sp) {
					sp.hi = k + 1 // an appositive's closing comma: "said Jo Li, a pollster, adding"
				}
				return sp, true
			}
		case t.lower == "in" || t.lower == "on" || t.lower == "at" || t.lower == "during" || lex.is(t.lower, wTime) && !t.cap:
			if x.mediumOrTime(k+1, hi) && !rel {
				return sp, true // a time inside a relative clause is the clause's: "who left in October"
			}
		case t.lower == "that" && x.toks[k-1].lower != "who" && !x.attributive(k, np.hi), t.kind != tWord && t.text != "(" && t.text != ")" && t.text != "-" && t.text != "&" && !(x.possessiveMark(k) && x.hasComma(span{np.hi, k})):
			return sp, false
		case !rel && t.kind == tWord && x.isCue(k) && !t.cap && !x.attributive(k, np.hi):
			return sp, false // a cue of its own, unless in "who declined to be named"
		}
		sp.hi = k + 1
	}
	return sp, sp.hi >= hi
}

// asideParen reports whether the "(" at k opens an aside of the writer's
// rather than a tag of the speaker's ("(D-Ill.)", "(left)"): its first word
// is a lower-case word other than a photograph's pointer.
func (x *doc) asideParen(k, hi int) bool {
	if k+1 >= hi {
		return false
	}
	n := x.toks[k+1]
	return n.kind == tWord && !n.cap && !photoPointers[n.lower] && !isDigit(n.lower)
}

// compound reports whether the word at k ends a hyphenated compound the
// tokenizer split after an abbreviation: "D.C.-based".
func (x *doc) compound(k int) bool {
	if k < 2 {
		return false
	}
	p := x.toks[k-1]
	return p.text == "-" && p.be == x.toks[k].bs && x.toks[k-2].be == p.bs
}

// appositiveGoesOn reports whether the "and" at k coordinates a second
// appositive ("and a co-author of") or, inside a relative clause, a second
// verb that is no cue ("who ran the party, and wrote a book").
func (x *doc) appositiveGoesOn(k, hi int, rel bool) bool {
	if k+1 >= hi || x.toks[k].lower != "and" {
		return false
	}
	n := x.toks[k+1]
	if n.lower == "a" || n.lower == "an" {
		return true
	}
	return rel && !n.cap && x.verbLike(k+1) && !x.isCue(k+1) && !lex.is(n.lower, wAux|wBe)
}

// reducedRelative reports whether the participle at k, inside the
// appositive of an inverted speaker np, modifies the noun before it: "said
// Geoff Garin, a pollster working for Priorities USA, a super PAC
// supporting Clinton".
func (x *doc) reducedRelative(k int, np span) bool {
	t, p := x.toks[k], x.toks[k-1]
	if t.kind != tWord || t.cap || !strings.HasSuffix(t.lower, "ing") && !strings.HasSuffix(t.lower, "ed") || !x.hasComma(span{np.hi, k}) {
		return false
	}
	return p.kind == tWord && (p.cap && !x.isCue(k-1) || lex.is(p.lower, wRole|wGroup|wBody))
}

// possessiveMark reports whether toks[k] is the apostrophe of a plural's
// possessive: "terrorists’ communications".
func (x *doc) possessiveMark(k int) bool {
	t := x.toks[k]
	return (t.text == "’" || t.text == "'") && k > 0 && x.toks[k-1].kind == tWord && strings.HasSuffix(x.toks[k-1].lower, "s") &&
		k+1 < len(x.toks) && x.toks[k+1].kind == tWord && x.toks[k].bs == x.toks[k-1].be
}

// roleAfter reports whether the word at k, which would end an inverted
// speaker after a comma, opens an appositive instead: it comes before a role
// ("managing director", "then ambassador to Israel").
func (x *doc) roleAfter(k, hi int) bool {
	w := x.toks[k].lower
	if k+1 >= hi || !strings.HasSuffix(w, "ing") && w != "then" && w != "now" {
		return false
	}
	n, role := x.toks[k+1], wRole
	if w == "then" || w == "now" {
		role |= wMod // "then senior adviser", but "citing another reason"
		if n.lower == "the" || n.lower == "a" || n.lower == "an" {
			return true // "then the mayor's agent"
		}
	}
	return n.kind == tWord && !n.cap && lex.is(n.lower, role) && !x.isCue(k+1)
}

// isCue reports whether toks[k] is a cue word of the lexicon.
func (x *doc) isCue(k int) bool {
	_, _, ok := lex.cue(x.toks, k)
	return ok && x.plain(k)
}

// plainOnly are base forms that are cues only as a plain present right
// after their subject ("voters see him as", "most members endorse the
// plan", "voters prefer"): after an auxiliary or "to" they are mostly a
// perception, a wish or a conditional ("will see what happens", "wants to
// endorse", "would prefer"), which PolNeAR rarely marks.
var plainOnly = map[string]bool{"see": true, "deny": true, "endorse": true, "decide": true, "highlight": true,
	"applaud": true, "compare": true, "answer": true, "feel": true, "hope": true, "show": true, "prefer": true, "ask": true}

// plain reports whether toks[k] is no word of plainOnly, or one right
// after a word that may end its subject: no auxiliary, negation, "to" or
// conjunction.
func (x *doc) plain(k int) bool {
	if !plainOnly[x.toks[k].lower] {
		return true
	}
	j := k - 1
	for j > 0 && (adverbAux[x.toks[j].lower] || isAdverb(x.toks[j])) {
		j-- // "Americans still feel", "voters increasingly see": an adverb, not an auxiliary
	}
	if j < 0 {
		return false
	}
	p := x.toks[j]
	if x.toks[k].lower == "ask" && (p.lower == "can" || p.lower == "could" || p.lower == "should") {
		return true // "Ruiz can ask them to": a request, not a wish
	}
	return p.kind == tWord && p.lower != "to" && !lex.is(p.lower, wAux|wNeg|wConj)
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

// cueAfterWho reports whether a relative clause's verb at k (after an
// adverb or auxiliary) is a cue: "said one aide, who added that ..." has
// two attributions, and the aide's phrase ends at the comma.
func (x *doc) cueAfterWho(k, hi int) bool {
	if k+1 < hi && (isAdverb(x.toks[k]) || lex.is(x.toks[k].lower, wAux)) {
		k++
	}
	return k < hi && x.toks[k].kind == tWord && x.isCue(k)
}

// attributive reports whether toks[k], inside an appositive that follows
// the speaker phrase ending at np, modifies or follows a noun rather than
// heading a clause: "a retired letter carrier", "an agent in charge of",
// "a group that favors limits".
func (x *doc) attributive(k, np int) bool {
	if k-1 <= np || x.toks[np].text != "," {
		return false
	}
	p := x.toks[k-1]
	if x.toks[k].lower == "that" {
		return p.kind == tWord && !p.cap && !lex.is(p.lower, wDet|wPrep|wPron|wAux|wBe|wConj|wRel|wStop) && !x.verbLike(k-1)
	}
	return p.kind == tWord && (lex.is(p.lower, wDet|wPrep) && p.lower != "that" || p.lower == "'s")
}

// quotedBefore reports whether a quotation that opens the sentence at lo
// closes, with its comma, right before the cue at k: after “...,” said the
// speaker is whoever the phrase names, however its clause goes on ("said
// a clerk at a store that rents boats").
func (x *doc) quotedBefore(k, lo int) bool {
	k--
	if k > lo && x.toks[k].text == "," {
		k--
	}
	if k <= lo || x.toks[k].kind != tCloseQ || x.toks[k-1].text != "," && x.toks[k-1].text != "?" && x.toks[k-1].text != "!" {
		return false
	}
	return x.toks[lo].kind == tOpenQ
}
