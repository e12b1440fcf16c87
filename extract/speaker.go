package extract

import "strings"

func (x *doc) subject(c *cand, j int, prior []*cand) bool {
	lo := c.sent.lo
	if j < lo {
		return false
	}
	t := x.toks[j]
	switch {
	case t.kind == tWord && lex.is(t.lower, wPron) && (!t.cap || j == lo || t.lower == "i"):
		if t.lower == "i" || t.lower == "we" || t.lower == "you" {
			return false // inside a quote: the quote's own speaker is the one that counts
		}
		c.speaker, c.conf = span{j, j + 1}, 0.6
		return true
	case t.lower == "who" && j > lo:
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
	if t.text == "," && x.appositive(c, j) {
		return true
	}
	if t.text == "," || t.kind == tCloseQ {
		return x.inverted(c)
	}
	return false
}

// coordinated reports whether the cue opens a second verb phrase of its
// clause: "said X and reported Y", "told AFP, adding", "by saying".
func (x *doc) coordinated(c *cand, j int) bool {
	t := x.toks[j]
	ing := strings.HasSuffix(x.toks[c.cue.lo].lower, "ing")
	comma := t.text == "," || t.kind == tCloseQ && j > c.sent.lo && x.toks[j-1].text == ","
	return t.lower == "and" || t.lower == "but" || ing && (comma || t.lower == "by")
}

// shared gives a coordinated cue the speaker of the attribution before it
// in the sentence, or else the sentence's subject.
func (x *doc) shared(c *cand, j int, prior []*cand) bool {
	if p := lastBefore(prior, c.cue.lo); p != nil && x.toks[j].lower != "by" {
		c.inherit, c.speaker, c.antecedent, c.appos, c.outlet, c.conf = p, p.speaker, p.antecedent, p.appos, p.outlet, 0.7
		return true
	}
	c.speaker, c.conf = x.clauseSubject(c.sent.lo, j), 0.6
	return !c.speaker.empty()
}

func (x *doc) appositive(c *cand, j int) bool {
	commas := 0
	for p := j - 1; p > c.sent.lo && j-p <= 25; p-- {
		t := x.toks[p]
		if t.kind == tOpenQ || t.kind == tCloseQ || t.text == ";" {
			return false
		}
		if t.text != "," {
			continue
		}
		if commas++; commas > 2 {
			return false
		}
		np := x.leftNP(c.sent.lo, p)
		if np.empty() || p+1 >= j || np.lo > c.sent.lo && lex.is(x.toks[np.lo-1].lower, wPrep) {
			continue // "... in Aurora, Colorado, in July 2012, said": Colorado is no speaker
		}
		c.speaker, c.antecedent, c.appos = span{np.lo, j}, np, span{p + 1, j}
		if !x.toks[np.hi-1].cap {
			// "A top strategist, John Weaver, said": the name is the appositive
			if name := x.leftNP(p+1, j); name.lo == p+1 && x.toks[name.hi-1].cap {
				c.antecedent, c.appos = name, span{}
			} else {
				continue
			}
		}
		return true
	}
	return false
}

func lastBefore(prior []*cand, k int) *cand {
	for i := len(prior) - 1; i >= 0; i-- {
		if prior[i].cue.hi <= k {
			return prior[i]
		}
	}
	return nil
}

func (x *doc) inverted(c *cand) bool {
	np := x.rightNP(c.cue.hi, c.sent.hi)
	if np.empty() {
		return false
	}
	np.hi = x.ofPhrase(np.hi, c.sent.hi)
	sp := np
	if sp.hi < c.sent.hi && x.adjunct(sp.hi) {
		for sp.hi < c.sent.hi && sp.hi-np.lo < 25 && !isEnd(x.toks[sp.hi]) && x.toks[sp.hi].kind != tOpenQ {
			if x.toks[sp.hi].lower == "that" && x.toks[sp.hi-1].lower != "who" {
				return false
			}
			sp.hi++ // "said one source who spoke on condition of anonymity"
		}
	}
	if sp.hi < c.sent.hi && !isEnd(x.toks[sp.hi]) {
		return false
	}
	c.speaker, c.antecedent, c.trailing = sp, np, true
	c.content = x.before(c.sent.lo, c.cue.lo)
	return !c.content.empty()
}

func (x *doc) ofPhrase(r, hi int) int {
	if r+1 >= hi || x.toks[r].lower != "of" && x.toks[r].lower != "for" && x.toks[r].lower != "at" {
		return r
	}
	if np := x.rightNP(r+1, hi); !np.empty() {
		return np.hi
	}
	for k := r + 1; k < hi && k <= r+4; k++ {
		if t := x.toks[k]; t.kind != tWord || lex.is(t.lower, wAux|wBe|wConj) {
			if k > r+1 && isEnd(t) {
				return k
			}
			break
		}
	}
	return r
}

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
	return h.lower == "they" || h.lower == "people" || c.speaker.hi-c.speaker.lo > 1 && x.hasAnd(c.speaker) ||
		lex.is(h.lower, wGroup|wQuant) || isDigit(h.lower) || len(h.lower) > 3 && strings.HasSuffix(h.lower, "s") && !h.cap
}

func (x *doc) hasAnd(s span) bool {
	for k := s.lo; k < s.hi; k++ {
		if x.toks[k].lower == "and" {
			return true
		}
	}
	return false
}

func (x *doc) clauseSubject(lo, j int) span {
	pos := lo
	if pos < j && lex.is(x.toks[pos].lower, wConj|wStop) && x.toks[pos].cap {
		pos++
	}
	for k := pos; k < j && k < pos+8; k++ {
		if x.toks[k].text == "," && lex.is(x.toks[pos].lower, wPrep|wTime|wStop) {
			pos = k + 1
			break
		}
	}
	if pos < j && lex.is(x.toks[pos].lower, wPron) && x.toks[pos].lower != "i" && x.toks[pos].lower != "we" && x.toks[pos].lower != "you" {
		return span{pos, pos + 1}
	}
	np := x.rightNP(pos, j)
	if np.empty() || np.hi >= j || x.toks[np.hi].kind != tWord || x.toks[np.hi].cap {
		return span{}
	}
	return np
}

func (x *doc) adjunct(k int) bool {
	switch x.toks[k].lower {
	case "who", "in", "on", "at", "during", "(", "of", "from", "with":
		return true
	}
	return false
}
