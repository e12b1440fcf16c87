package extract

// Passive attributions: "the plan was criticized by Democrats", "an
// allegation rejected by three inquiries". The agent after "by" is the
// speaker, the subject before the verb the content.

// passiveBy reads a participle cue followed by "by" and its agent, after a
// form of "be" or right after the common noun it modifies.
func (x *doc) passiveBy(c *cand) bool {
	lo, hi, h := c.sent.lo, c.sent.hi, c.cue.hi
	if h+1 >= hi || x.toks[h].lower != "by" || !participle(x.toks[c.cue.hi-1].lower) || x.quoted[h] {
		return false
	}
	vg, be := c.cue.lo, false
	for vg > lo {
		t := x.toks[vg-1]
		if t.kind != tWord || !lex.is(t.lower, wAux|wBe|wNeg) && !isAdverb(t) && !bridgeAdverbs[t.lower] {
			break
		}
		be = be || lex.is(t.lower, wBe)
		vg--
	}
	aside := !be && commaStances[x.toks[c.cue.hi-1].lower] && vg-1 > lo && x.toks[vg-1].text == ","
	if !be && !aside && !x.modifiedNoun(lo, vg) || x.askedAt(c.cue.lo) {
		return false
	}
	if aside {
		vg-- // "the tax, opposed by the union,": the phrase before the comma
	}
	content := x.passiveSubject(lo, vg, be)
	if aside {
		vg++
	}
	speaker := x.agent(h+1, hi)
	if !speaker.empty() && !aside {
		speaker.hi = x.agentTail(speaker.hi, hi) // an aside's agent ends at its comma
	}
	if content.empty() || speaker.empty() {
		return false
	}
	if psychVerbs[x.toks[c.cue.hi-1].lower] {
		if content.hi-content.lo == 1 && lex.is(x.toks[content.lo].lower, wRel) || x.toks[content.lo].lower == "who" {
			return false
		}
		// "Business leaders have been unsettled by protests": the subject feels
		c.cue, c.speaker, c.content, c.conf = span{vg, h + 1}, content, speaker, 0.5
		return true
	}
	c.cue.lo, c.speaker, c.content, c.trailing, c.conf = vg, speaker, content, true, 0.5
	return true
}

// asReported reads a participle cue after "as" and before "by": "As
// reported by the Gazette, the dock closed" and "the dock closed, as first
// reported by the Gazette." The agent after "by" speaks; the content is the
// rest of the sentence.
func (x *doc) asReported(c *cand) bool {
	lo, hi, h := c.sent.lo, c.sent.hi, c.cue.hi
	if h+1 >= hi || x.toks[h].lower != "by" || !participle(x.toks[h-1].lower) || x.quoted[h] {
		return false
	}
	a := c.cue.lo - 1
	if a > lo && x.toks[a].lower == "first" {
		a--
	}
	if a < lo || x.toks[a].lower != "as" {
		return false
	}
	sp := x.agent(h+1, hi)
	if sp.empty() {
		return false
	}
	var content span
	switch {
	case a == lo && sp.hi < hi && x.toks[sp.hi].text == ",":
		content = x.before(sp.hi+1, hi)
	case a > lo+1 && x.toks[a-1].text == "," && (sp.hi == hi || isEnd(x.toks[sp.hi])):
		content = x.before(lo, a-1)
		c.trailing = true
	}
	if content.empty() {
		return false
	}
	c.cue.lo, c.speaker, c.content, c.conf = a+1, sp, content, 0.6
	return true
}

// psychVerbs report what their subject feels: in a passive the subject,
// not the agent, is the one who holds the view, and "by" is in the cue.
var psychVerbs = map[string]bool{"unsettled": true, "angered": true, "worried": true, "alarmed": true, "pleased": true,
	"outraged": true, "disturbed": true, "troubled": true, "frustrated": true, "disappointed": true, "shocked": true,
	"surprised": true, "encouraged": true, "heartened": true, "dismayed": true, "startled": true, "impressed": true,
	"intrigued": true, "offended": true, "bothered": true, "annoyed": true, "irritated": true, "infuriated": true,
	"inspired": true, "excited": true, "thrilled": true, "delighted": true, "puzzled": true, "confused": true,
	"saddened": true, "enraged": true, "incensed": true, "rattled": true, "stunned": true}

// modifiedNoun reports whether the word before vg is a lower-case common
// noun that a participle after it modifies: "a levy opposed by the
// fishermen". Other reduced relatives ("a book written by", "Smith, praised
// by") are mostly no attribution on PolNeAR train; after a noun, train's
// linked F1 gains 10 true claims for 11 spurious ones, and speaker spans
// gain.
func (x *doc) modifiedNoun(lo, vg int) bool {
	if vg <= lo {
		return false
	}
	t := x.toks[vg-1]
	return t.kind == tWord && !t.cap && lex.class[t.lower] == 0
}

// commaStances are the participles of stance read after a comma too: "the
// tax, opposed by the union, failed". Other participles there ("Smith,
// praised by") are mostly no attribution on PolNeAR train; these were 4 of 4.
var commaStances = wordSet("opposed backed")

// passiveSubject returns the content of a passive cue whose verb group
// starts at vg: a relative pronoun, or the noun phrase before it.
func (x *doc) passiveSubject(lo, vg int, be bool) span {
	if vg <= lo {
		return span{}
	}
	switch x.toks[vg-1].lower {
	case "who", "which", "that":
		if be {
			return span{vg - 1, vg}
		}
		return span{}
	}
	np := x.leftNP(lo, vg)
	if np.empty() {
		np = x.commonNP(lo, vg)
	}
	return np
}

// agent returns the phrase after "by" that ends at a comma, a clause or
// the sentence's end: "by a series of congressional inquiries".
func (x *doc) agent(i, hi int) span {
	if np := x.rightNP(i, hi); !np.empty() {
		return span{i, x.ofPhrase(np.hi, hi)}
	}
	for k := i; k < hi && k < i+10; k++ {
		t := x.toks[k]
		if isEnd(t) || t.kind != tWord || x.verbLike(k) || lex.is(t.lower, wConj|wRel) || t.lower == "for" || t.lower == "as" {
			if k > i {
				return span{i, k}
			}
			return span{}
		}
	}
	return span{}
}

// agentTail returns where an agent after "by" that ends at k ends when
// what follows it to the sentence's end only goes on with the phrase: an
// appositive, a list, "including ..." ("by the mayor, a former judge.",
// "by growers and their unions."). Else k. A verb, a relative pronoun, a
// time or a quotation after it keeps the agent as it is.
func (x *doc) agentTail(k, hi int) int {
	for j := k; j < hi; j++ {
		t := x.toks[j]
		switch {
		case t.text == "." || t.text == "!" || t.text == "?":
			if j == k {
				return k
			}
			if x.toks[j-1].text == "," {
				return j - 1
			}
			return j
		case t.text == "," || t.text == "(" || t.text == ")":
		case t.kind != tWord || x.verbLike(j) || relativePronouns[t.lower] || lex.is(t.lower, wTime|wRel) || x.quoted[j],
			t.lower == "for" || t.lower == "but" || subordinators[t.lower] && !(t.lower == "as" && x.toks[j-1].lower == "such"):
			return k // "by historians as a champion", "by rivals for his plan"
		}
	}
	return k
}
