package extract

import "strings"

// participleSubject reads a subject that a participle phrase modifies, up to
// the cue: "A court document filed Thursday says", "Records compiled by
// the Center for Responsive Politics show". The phrase before the participle
// must open the clause, or follow the quotation a plain reporting verb
// reports ("“...,” the order released Friday said"); it names the actor.
func (x *doc) participleSubject(c *cand, j int) bool {
	lo := c.sent.lo
	for p := j; p > lo && p >= j-6; p-- {
		t := x.toks[p]
		if t.kind != tWord || x.quoted[p] || p < j && (x.verbLike(p) && !pastParticiple(t) || x.isCue(p) && !pastParticiple(t)) {
			return false
		}
		if !pastParticiple(t) || t.cap {
			continue
		}
		np := x.leftNP(lo, p)
		if !np.empty() && np.hi == p && !x.opensClause(np.lo, lo) {
			if h := x.phraseHead(np.lo, lo); h < np.lo {
				np.lo = h // "A panel of judges led by Ana Ruiz agreed"
			}
		}
		if np.empty() || np.hi != p || !x.opensClause(np.lo, lo) && !(x.afterQuote(np.lo, lo) && looseCues[x.toks[c.cue.hi-1].lower]) || x.toks[np.hi-1].cap || p < j && !participleAdjunct(x.toks[p+1]) {
			return false
		}
		x.speakerTo(c, np, j)
		return true
	}
	return false
}

// pastParticiple reports whether t reads as a past participle that modifies
// a noun: "released", "filed", "compiled".
func pastParticiple(t token) bool {
	return !t.cap && (len(t.lower) > 4 && strings.HasSuffix(t.lower, "ed") || irregularParticiples[t.lower]) && lex.class[t.lower] == 0
}

// irregularParticiples are past participles without "-ed": "polls taken
// in the county", "letters written by growers".
var irregularParticiples = map[string]bool{"taken": true, "given": true, "written": true, "held": true, "drawn": true,
	"chosen": true, "shown": true, "seen": true, "known": true, "brought": true, "built": true, "spoken": true, "led": true}

// participleAdjunct reports whether t may open what follows a participle
// that modifies a noun: "released Friday", "compiled by", "filed on".
func participleAdjunct(t token) bool {
	switch t.lower {
	case "by", "on", "in", "at", "this", "last", "earlier", "late", "for", "from", "to":
		return true
	}
	return lex.is(t.lower, wTime)
}

// opensClause reports whether a phrase starting at k opens its clause: at
// the sentence's start or after a conjunction or a comma.
func (x *doc) opensClause(k, lo int) bool {
	if k == lo || k == x.datelineEnd(lo, k) {
		return true // at the start, or right after "BOSTON (AP) —"
	}
	p := x.toks[k-1]
	return p.text == "," || p.text == ":" || p.text == ";" || coordinators[p.lower] || subordinators[p.lower] || p.lower == "that"
}

// controlled reports whether the "to" at j follows the object of a verb
// that makes it act: "led Reince Priebus to declare", "prompted them to
// say". That object is the speaker of the cue after "to".
func (x *doc) controlled(lo, j int) bool {
	np := x.leftNP(lo, j)
	if np.empty() || np.lo == lo {
		return false
	}
	return controlVerbs[x.toks[np.lo-1].lower]
}

// controlVerbs make their object do what the infinitive after it says.
var controlVerbs = map[string]bool{"led": true, "lead": true, "leads": true, "leading": true, "prompted": true,
	"prompting": true, "prompts": true, "allowed": true, "allows": true, "allow": true, "allowing": true,
	"forced": true, "forcing": true, "urged": true, "urging": true, "encouraged": true, "caused": true,
	"leaving": true, "left": true, "pushed": true, "pressed": true, "spurred": true, "inspired": true, "drove": true}

// speakerTo makes np the speaker's antecedent and the speaker run from it
// through token j and the time words after it, short of the cue: "A court
// document filed Thursday", "The campaign -- released Friday".
func (x *doc) speakerTo(c *cand, np span, j int) {
	hi := j + 1
	for hi < c.cue.lo && lex.is(x.toks[hi].lower, wTime) && !adverbAux[x.toks[hi].lower] {
		hi++ // "released Friday"
	}
	c.speaker, c.antecedent = span{np.lo, hi}, np
}

// whoSubject reads a subject that a restrictive relative clause modifies,
// up to the cue: "Supporters who have heard from the campaign say",
// "Officials who were briefed on the plan said". The phrase before "who"
// must open the clause; it names the actor. "whose" opens one too: "The
// officials whose laws were struck down say".
func (x *doc) whoSubject(c *cand, j int) bool {
	lo := c.sent.lo
	for p := j - 1; p > lo && p >= j-maxWho; p-- {
		t := x.toks[p]
		if x.quoted[p] || t.kind != tWord && t.text != "-" {
			return false
		}
		if t.lower != "who" && t.lower != "whose" {
			continue
		}
		if n := x.toks[p+1]; t.lower == "who" && (n.cap || lex.is(n.lower, wPron|wDet) || lex.is(n.lower, wBe) && lex.is(x.toks[p+2].lower, wDet)) {
			return false // "voters who Democrats are counting on", "a minister who is a critic of"
		}
		np := x.leftNP(lo, p)
		if np.empty() || np.hi != p || !x.opensClause(np.lo, lo) {
			return false
		}
		c.speaker, c.antecedent = span{np.lo, j + 1}, np
		return true
	}
	return false
}

// maxWho is the most tokens between "who" and the cue that whoSubject reads.
const maxWho = 12

// ingSubject reads a subject that a present participle phrase modifies, up
// to the cue: "Growers hoping for rain say", "A judge handling the case
// ordered". The phrase before the participle must open the clause and end
// in a word that names people or a body; it names the actor. Between the
// participle and the cue there is no punctuation and no other verb.
func (x *doc) ingSubject(c *cand, j int) bool {
	lo := c.sent.lo
	if strings.HasSuffix(x.toks[c.cue.lo].lower, "ing") {
		return false // "judges handling the suits seeking": a participle cue modifies a noun of its own
	}
	for p := j; p > lo && p >= j-maxIng; p-- {
		t := x.toks[p]
		if t.kind != tWord || x.quoted[p] || lex.is(t.lower, wBe|wAux|wRel|wConj) && !lex.is(t.lower, wTime) || t.lower == "who" {
			return false
		}
		if t.cap || len(t.lower) <= 5 || !strings.HasSuffix(t.lower, "ing") || lex.class[t.lower] != 0 || p == j {
			continue
		}
		np := x.leftNP(lo, p)
		if np.empty() || np.hi != p || !x.opensClause(np.lo, lo) || !x.peopleHead(np.hi-1) {
			return false
		}
		for k := np.lo; k < np.hi; k++ {
			if x.verbLike(k) {
				return false // "The party says citizens living abroad cast": the phrase holds a clause
			}
		}
		x.speakerTo(c, np, j)
		return true
	}
	return false
}

// maxIng is the most tokens from a participle to the cue that ingSubject
// reads.
const maxIng = 10

// peopleHead reports whether toks[k] heads a phrase naming people or a
// body: a role, a group, a body or a plural.
func (x *doc) peopleHead(k int) bool {
	w := x.toks[k].lower
	return lex.is(w, wRole|wGroup|wBody) || len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !lex.is(w, wStop|wPron|wDet)
}
