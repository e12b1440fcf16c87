package extract

import "github.com/claimgraph/claimgraph/schema"

// Speech nouns after their possessor: "Trump's claim that ...", "her call
// for a recount".

// nominal reads a speech noun at toks[k] after its possessor: "Trump's
// claim that Obama founded ISIS", "her promise to cut taxes", "his call for a
// recount". The content is a that-clause, a to-infinitive, or what follows
// the noun's particle, which PolNeAR keeps in the cue.
func (x *doc) nominal(s span, k int, e cueEntry) *cand {
	if x.toks[k].lower == "view" && e.particle == "" {
		return x.inView(s, k, e)
	}
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
	case (next == "by" || next == "from") && e.particle == "":
		return x.nounByThat(s, k, e)
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
	speaker, core := x.possessor(s, p)
	if speaker.empty() || inOnlyNouns[x.toks[k].lower] && !x.afterIn(s, speaker) {
		return nil
	}
	return &cand{sent: s, speaker: speaker, core: core, cue: cue, content: span{content, end}, conf: 0.5, entry: e}
}

// possessor reads the speaker whose possessive ends at toks[p]: a
// possessive determiner ("his"), or a phrase and its "'s". The speaker
// keeps its possessive ("Trump’s claim that"), as PolNeAR's speakers do;
// core, the actor, is the phrase before it.
func (x *doc) possessor(s span, p int) (speaker, core span) {
	if p >= s.lo && possessives[x.toks[p].lower] != "" {
		return span{p, p + 1}, span{}
	}
	if p <= s.lo || x.toks[p].lower != "'s" {
		return span{}, span{}
	}
	np := x.leftNP(s.lo, p)
	if np.empty() {
		return span{}, span{}
	}
	return span{np.lo, p + 1}, np
}

// inView reads "in her view" at toks[k]: the speaker's opinion is the rest
// of the sentence after "In her view," when it opens the sentence, or the
// sentence before ", in her view." when it closes it. Elsewhere in a
// sentence what the view covers is unclear.
func (x *doc) inView(s span, k int, e cueEntry) *cand {
	speaker, core := x.possessor(s, k-1)
	if speaker.empty() || !x.afterIn(s, speaker) || k+1 >= s.hi {
		return nil
	}
	in := speaker.lo - 1
	c := &cand{sent: s, speaker: speaker, core: core, cue: span{k, k + 1}, conf: 0.5, entry: e}
	switch {
	case in == s.lo && x.toks[k+1].text == "," && k+2 < s.hi:
		c.content = span{k + 2, x.dashEnd(k+2, s.hi)}
	case in-1 > s.lo && x.toks[in-1].text == "," && isEnd(x.toks[k+1]) && x.toks[k+1].text != ",":
		c.content, c.trailing = span{s.lo, in - 1}, true
	default:
		return nil
	}
	return c
}

// nounByThat reads a speech noun whose speaker follows it after "by" or
// "from", before a that-clause: "claims by the agency that the files were
// secret", "complaints from the union that the cranes were unsafe".
func (x *doc) nounByThat(s span, k int, e cueEntry) *cand {
	np := x.rightNP(k+2, s.hi)
	if np.empty() || np.hi+1 >= s.hi || x.toks[np.hi].lower != "that" || x.verbLike(np.hi+1) || lex.is(x.toks[np.hi+1].lower, wAux|wBe) {
		return nil // not "claims by the port that were false", a relative clause
	}
	content := np.hi + 1
	return &cand{sent: s, speaker: np, cue: span{k, k + 1}, content: span{content, x.dashEnd(content, s.hi)}, conf: 0.5, entry: e}
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

// afterIn reports whether "in" comes just before sp in sentence s: "in her
// view", "in their criticism of".
func (x *doc) afterIn(s, sp span) bool { return sp.lo > s.lo && x.toks[sp.lo-1].lower == "in" }

// inOnlyNouns are speech nouns read only after "in" and their possessor
// ("was vocal in her criticism of the plan"): elsewhere ("his support for
// the bill") PolNeAR seldom marks them.
var inOnlyNouns = wordSet("criticism attacks opposition support")

// inNoun reports whether c is a speech noun read after "in" and its
// possessor ("in her view", "in their criticism of"), whose speaker
// dropNonSubjects keeps.
func (x *doc) inNoun(c *cand) bool {
	if c.entry.frame != frameNoun {
		return false
	}
	for k := c.cue.lo; k < c.cue.hi; k++ {
		if w := x.toks[k].lower; w == "view" || inOnlyNouns[w] {
			return true
		}
	}
	return false
}

// possessives are the possessive determiners that can be a speech noun's
// speaker ("his claim"); each resolves as its pronoun does.
var possessives = map[string]string{"his": "he", "her": "she", "their": "they", "its": "it"}

// beAgentOf reads a stance put as what its subject is, at the noun toks[k]:
// "Ruiz is a keen supporter of the dam", "he has been a steady
// critic of Lee", "Berg is no fan of Lee". The form of "be" through "of" is
// the cue (widenCue takes in the auxiliaries before it), the subject the
// speaker, the object of "of" the content. On PolNeAR train about half of
// these are gold; the rest are mostly inside a quotation or another's
// content.
func (x *doc) beAgentOf(s span, k int, prior []*cand) *cand {
	act, ok := stanceAgents[x.toks[k].lower]
	if !ok || k <= s.lo+1 || k+2 >= s.hi || x.toks[k+1].lower != "of" || x.quoted[k] {
		return nil
	}
	j := k - 1
	for n := 0; n < 2 && j > s.lo && x.toks[j].kind == tWord && !x.toks[j].cap && !lex.is(x.toks[j].lower, wDet|wBe|wAux|wPrep|wConj|wPron|wRel|wNeg); n++ {
		j-- // "a keen", "an early", "a longtime"
	}
	if w := x.toks[j].lower; j > s.lo && (w == "a" || w == "an" || w == "no") {
		j--
	}
	if j <= s.lo || !beForms[x.toks[j].lower] {
		return nil
	}
	b := j - 1
	for b > s.lo && x.toks[b].kind == tWord && (lex.is(x.toks[b].lower, wAux|wNeg) || isAdverb(x.toks[b]) || x.toks[b].lower == "also" || contracted(x.toks[b])) {
		b--
	}
	end := k + 2
	for end < s.hi && !isEnd(x.toks[end]) && !lex.is(x.toks[end].lower, wRel) && !(lex.is(x.toks[end].lower, wConj) && end+1 < s.hi && x.verbLike(end+1)) {
		end++
	}
	if end == k+2 {
		return nil
	}
	c := &cand{sent: s, cue: span{j, k + 2}, content: span{k + 2, end}, conf: 0.5, entry: cueEntry{base: "support", act: act, frame: frameSay}}
	if !x.subject(c, b, prior) || c.speaker.empty() || c.speaker.hi > j {
		return nil
	}
	return c
}

// stanceAgents are the nouns for one who takes a stance, and its act.
var stanceAgents = map[string]schema.SpeechAct{"supporter": schema.Assert, "supporters": schema.Assert, "backer": schema.Assert,
	"backers": schema.Assert, "advocate": schema.Assert, "proponent": schema.Assert, "proponents": schema.Assert,
	"fan": schema.Assert, "champion": schema.Assert, "critic": schema.Denounce, "critics": schema.Denounce,
	"opponent": schema.Reject, "opponents": schema.Reject, "defender": schema.Assert, "defenders": schema.Assert}

// beForms are the forms of "be" before a stance noun.
var beForms = wordSet("is was are were been 's")
