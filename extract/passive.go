package extract

// Passive attributions: "the plan was criticized by Democrats", "an
// allegation rejected by three inquiries". The agent after "by" is the
// speaker, the subject before the verb the content.

// passiveBy reads a participle cue followed by "by" and its agent, after a
// form of "be" or right after the noun it modifies.
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
	if !be || x.toks[c.cue.lo].lower == "asked" {
		return false
	}
	content := x.passiveSubject(lo, vg, be)
	speaker := x.agent(h+1, hi)
	if content.empty() || speaker.empty() {
		return false
	}
	c.cue.lo, c.speaker, c.content, c.trailing, c.conf = vg, speaker, content, true, 0.5
	return true
}

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
