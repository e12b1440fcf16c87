package extract

import "github.com/claimgraph/claimgraph/schema"

// writersOwn makes c the writer's own claim, with no speaker span, when its
// speaker is an expletive "it" ("It seems that", "it became clear"): the
// "it" names no one, and PolNeAR marks no speaker. So is a question put by
// no one named: "Asked about the dam, Ruiz said", "Ruiz was asked whether";
// the one asked answers in a claim of their own. An asker after "by" keeps
// the claim.
func (x *doc) writersOwn(c *cand) {
	if c.writer || c.speaker.empty() || x.quoted[c.cue.lo] {
		return
	}
	first := x.toks[c.cue.lo].lower
	asked := x.askedAt(c.cue.lo) && (c.cue.lo == c.sent.lo || x.toks[c.cue.lo-1].lower == "when" || x.commaAsked(c.cue.lo)) || x.passiveAsked(c.cue)
	if asked && c.cue.hi-c.cue.lo > 2 && lex.is(first, wBe) && x.toks[c.cue.lo+1].lower == "once" {
		c.cue.lo++ // "was once asked": PolNeAR's cue is "once asked"
	}
	if x.expletive(c) || x.seemsOwn(c) || asked && (c.speaker.lo == 0 || x.toks[c.speaker.lo-1].lower != "by") || x.givenName(c) {
		c.speaker, c.core, c.antecedent, c.appos, c.loose, c.writer = span{}, span{}, span{}, span{}, false, true
	}
}

// givenName reports a name given to what the speaker rules read as the
// speaker: a title after its noun ("a film titled “Dust”") or a passive
// naming ("the ferry was formally named “Harbour Talk”", "who is widely
// known"). PolNeAR marks no speaker: the one who named it is not said.
func (x *doc) givenName(c *cand) bool {
	last := x.toks[c.cue.hi-1].lower
	if (last == "titled" || last == "entitled") && c.cue.hi-c.cue.lo == 1 && c.speaker.hi == c.cue.lo {
		return true
	}
	return passiveNames[last] && lex.is(x.toks[c.cue.lo].lower, wBe) &&
		(c.cue.hi >= c.sent.hi || x.toks[c.cue.hi].lower != "by")
}

// passiveNames are the participles of naming that a passive "be" takes.
var passiveNames = wordSet("named called dubbed labeled labelled titled entitled known")

// seemsOwn reports whether c is a subject that only seems or appears
// something ("The plan seemed doomed", "Jones appears to have won"): the
// writer judges, and PolNeAR marks no speaker. A subject that seems to say
// or feel something ("seemed to endorse", "appeared pleased with") keeps it.
func (x *doc) seemsOwn(c *cand) bool {
	if !x.seemCue(c) || c.cue.hi >= c.sent.hi {
		return false
	}
	if w := x.toks[c.cue.hi].lower; w == "ready" || w == "willing" || w == "intent" {
		return true // "seemed ready to": a readiness the writer sees, not a feeling voiced
	}
	if c.cue.hi+1 < c.sent.hi && x.toks[c.cue.hi].lower == "to" && x.toks[c.cue.hi+1].lower == "have" {
		return true // "seems to have learned": what the subject did, as the writer sees it
	}
	return !x.cueAhead(span{c.cue.hi, c.sent.hi})
}

// passiveAsked reports whether cue is a passive "asked": a form of "be"
// comes before its "asked" ("was asked", "were also asked", "has even been
// asked about").
func (x *doc) passiveAsked(cue span) bool {
	be := false
	for k := cue.lo; k < cue.hi; k++ {
		if x.askedAt(k) {
			return be
		}
		be = be || lex.is(x.toks[k].lower, wBe)
	}
	return false
}

// cueAhead reports whether s opens, after "to", auxiliaries and adverbs,
// with a cue of its own ("is expected to announce", "seemed to endorse",
// "seemed pleased with"): the subject is then the speaker of that cue.
func (x *doc) cueAhead(s span) bool {
	for k := s.lo; k < s.hi && k < s.lo+5; k++ {
		w := x.toks[k].lower
		if _, _, ok := lex.cue(x.toks, k); ok || feelings[w] || lex.acts[w] != "" {
			return true
		}
		if w != "to" && w != "be" && w != "have" && w != "more" && w != "most" && w != "likely" && !lyAdverb(w) {
			return false
		}
	}
	return false
}

// feelings are the words of a stance after "seemed" that make its subject
// a speaker: "seemed pleased with", "seemed to want".
var feelings = map[string]bool{"pleased": true, "hopeful": true, "eager": true, "ready": true, "willing": true, "happy": true, "unhappy": true, "confident": true, "determined": true, "intent": true, "care": true, "want": true, "like": true}

// writerReports adds the writer's own claims of sentence s, each in place
// of any claim another rule read from the same cue words.
func (x *doc) writerReports(s span, cs []*cand) []*cand {
	for k := s.lo; k+2 < s.hi; k++ {
		if x.quoted[k] {
			continue
		}
		var c *cand
		for _, read := range writerReaders {
			if c = read(x, s, k); c != nil {
				break
			}
		}
		if c != nil {
			cs = x.writerClaim(cs, c)
		}
	}
	return cs
}

// writerReaders read the writer's own claims at a token, the first that
// reads one wins.
var writerReaders = []func(*doc, span, int) *cand{(*doc).reportedly, (*doc).knownFor, (*doc).expectedTo,
	(*doc).complaintsThat, (*doc).thanExpected, (*doc).asExpected, (*doc).declaredWinner, (*doc).itIsSaid}

// reportedly reads a "reportedly" at toks[k] as the writer's report of what
// follows it ("The firm has reportedly sold its ferries"), unless a cue
// verb follows ("reportedly told").
func (x *doc) reportedly(s span, k int) *cand {
	if x.toks[k].lower != "reportedly" || x.cueAhead(span{k + 1, s.hi}) {
		return nil
	}
	return &cand{sent: s, cue: span{k, k + 1}, content: span{k + 1, s.hi}, writer: true, conf: 0.5,
		entry: cueEntry{base: "report", act: schema.Assert, frame: frameSay}}
}

// knownFor reads "known for" at toks[k] as the writer's judgement of what
// follows, to its comma ("The firm is best known for ferries", "a port once
// known for ferries"); not the perfect of "know" ("has known him for
// years"), nor a bare "known for" after a noun ("a firm known for ferries").
func (x *doc) knownFor(s span, k int) *cand {
	if k == s.lo || x.toks[k].lower != "known" || x.toks[k+1].lower != "for" {
		return nil
	}
	b := k - 1
	for b > s.lo && (lex.is(x.toks[b].lower, wNeg) || lyAdverb(x.toks[b].lower) || degrees[x.toks[b].lower]) {
		b--
	}
	aux := lex.is(x.toks[b].lower, wBe|wAux) || becomes[x.toks[b].lower]
	if aux && !lex.is(x.toks[b].lower, wBe) && x.toks[k-1].lower != "been" {
		return nil // "has known him for years"
	}
	if !aux && b == k-1 {
		return nil // "a ferry firm known for": on PolNeAR train 1 of 5 bare ones is a gold cue
	}
	c := &cand{sent: s, cue: span{b + 1, k + 2}, content: span{k + 2, s.hi}, writer: true, conf: 0.5,
		entry: cueEntry{base: "know", act: schema.Assert, frame: frameSay}}
	if aux {
		c.cue.lo = b
	}
	c.content.hi = x.commaEnd(c.content)
	return c
}

// expectedTo reads "is expected to" at toks[k] ("The vote is widely
// expected to pass"): the cue runs from the auxiliary to "expected", the
// content is the infinitive, to a comma ("is expected to open in May, a
// year late"). A speech verb after "to" ("is expected to announce") is a
// speaker's own, and is left alone (see speechAhead). "Is said to" is the writer's report in
// the same way, and so is a perfect infinitive ("is said to have left").
func (x *doc) expectedTo(s span, k int) *cand {
	if w := x.toks[k].lower; k == s.lo || w != "expected" && w != "said" || x.toks[k+1].lower != "to" {
		return nil
	}
	b := k - 1
	for b > s.lo && (lex.is(x.toks[b].lower, wNeg) || lyAdverb(x.toks[b].lower) || x.toks[b].lower == "also") {
		b--
	}
	if !lex.is(x.toks[b].lower, wBe) {
		return nil
	}
	if w := x.toks[b].lower; (w == "be" || w == "been") && b-1 > s.lo {
		a := b - 1
		for a > s.lo && (lex.is(x.toks[a].lower, wNeg) || lyAdverb(x.toks[a].lower)) {
			a--
		}
		if lex.is(x.toks[a].lower, wAux) && !lex.is(x.toks[a].lower, wBe) {
			b = a // "could be expected to", "had been expected to": the auxiliary too
		}
	}
	v := k + 2
	for v+1 < s.hi && (lyAdverb(x.toks[v].lower) || x.toks[v].lower == "again") {
		v++ // "is expected to again delay", "to quickly fan out"
	}
	var ahead bool
	verb := x.infinitiveAt(v, s.hi) || x.toks[v].lower == "have"
	if x.toks[k].lower == "expected" {
		ahead, verb = speechAhead[x.toks[v].lower], verb || !x.toks[v].cap && x.cueAhead(span{v, v + 1})
	} else {
		ahead = x.cueAhead(span{k + 1, s.hi})
	}
	if ahead || !verb {
		return nil
	}
	end := k + 2
	for end < s.hi && x.toks[end].text != "," {
		end++
	}
	e := cueEntry{base: "expect", act: schema.Predict, frame: frameSay}
	if x.toks[k].lower == "said" {
		e = cueEntry{base: "say", act: schema.Assert, frame: frameSay} // "is said to have left"
	}
	return &cand{sent: s, cue: span{b, k + 1}, content: span{k + 1, end}, writer: true, conf: 0.6, entry: e}
}

// speechAhead are the verbs after "is expected to" that make the subject
// the speaker of what it is to say ("is expected to announce"). Any other
// verb, a cue or not ("is expected to show", "to support"), leaves the
// expectation the writer's: so PolNeAR marks it.
var speechAhead = wordSet("say announce endorse declare tell testify propose nominate")

// declaredWinner reads a passive "declared", "announced" or "projected" at
// toks[k] whose complement names an outcome ("Jones was declared the victor
// at the regatta"): the cue runs from the form of "be", the content is the
// outcome phrase, to a comma, "by", "that" or "and". With no agent it is the
// writer's report; an agent after "by" speaks ("... by the networks").
func (x *doc) declaredWinner(s span, k int) *cand {
	if k == s.lo || !declaredForms[x.toks[k].lower] {
		return nil
	}
	b := k - 1
	for b > s.lo && (lyAdverb(x.toks[b].lower) || x.toks[b].lower == "later") {
		b--
	}
	if !lex.is(x.toks[b].lower, wBe) || x.toks[b].lower == "being" {
		return nil
	}
	start, r := k+1, k+1
	if r < s.hi && x.toks[r].lower == "as" {
		r++ // "projected as the winner": PolNeAR keeps "as" in the content
	}
	if r+1 >= s.hi || x.toks[r].lower != "the" {
		return nil
	}
	outcome := false
	for j := r + 1; j < s.hi && j <= r+3; j++ {
		outcome = outcome || outcomes[x.toks[j].lower]
	}
	if !outcome {
		return nil
	}
	end := r + 1
	for end < s.hi && end < r+14 && x.toks[end].kind == tWord && !stopOutcome[x.toks[end].lower] {
		end++
	}
	e := cueEntry{base: "declare", act: schema.Announce, frame: frameSay}
	c := &cand{sent: s, cue: span{b, k + 1}, content: span{start, end}, writer: true, conf: 0.5, entry: e}
	if end+1 < s.hi && x.toks[end].lower == "by" {
		if sp := x.agent(end+1, s.hi); !sp.empty() {
			for j := sp.lo + 1; j < sp.hi; j++ {
				if x.toks[j].lower == "of" {
					return nil // "by the width of a hair": a manner, not who declared it
				}
				if lex.is(x.toks[j].lower, wTime) {
					sp.hi = j // "by the networks early Tuesday": the time dates the call
					break
				}
			}
			c.writer, c.speaker, c.core = false, sp, sp
		}
	}
	return c
}

// itIsSaid reads a say-family participle after an expletive "it" and a
// form of "be" ("when it was revealed last spring that ...", "It's been
// reported that ...", "where, it is said, ..."): the writer's report of
// what follows "that", or of the sentence's remainder after a parenthetical
// "it is said,". The cue runs from the form of "be".
func (x *doc) itIsSaid(s span, k int) *cand {
	lemma := itReports[x.toks[k].lower]
	if k-2 < s.lo || lemma == "" {
		return nil
	}
	b := k - 1
	for b > s.lo && (lyAdverb(x.toks[b].lower) || x.toks[b].lower == "been" || x.toks[b].lower == "also") {
		b--
	}
	if b-1 < s.lo || !lex.is(x.toks[b].lower, wBe|wAux) && x.toks[b].lower != "'s" || x.toks[b-1].lower != "it" {
		return nil
	}
	if b-1 > s.lo && x.toks[b-2].kind == tWord && !lex.is(x.toks[b-2].lower, wConj) && !subordinators[x.toks[b-2].lower] && x.toks[b-2].lower != "where" {
		return nil // "we may hear that it was announced twice": "it" is a thing said, not an expletive
	}
	e := cueEntry{base: lemma, act: schema.Assert, frame: frameSay}
	c := &cand{sent: s, cue: span{b, k + 1}, writer: true, conf: 0.5, entry: e}
	switch t := x.thatAhead(k, s.hi); {
	case t > 0 && x.toks[t].lower == "that":
		c.content = span{t + 1, s.hi}
	case k+2 < s.hi && x.toks[k+1].text == "," && b-2 >= s.lo && x.toks[b-2].text == ",":
		c.content = span{k + 2, s.hi}
	default:
		return nil
	}
	return c
}

// itReports are the participles of a report whose source an expletive "it"
// leaves unnamed, with their lemmas.
var itReports = map[string]string{"said": "say", "reported": "report", "revealed": "reveal", "announced": "announce",
	"declared": "declare", "disclosed": "disclose", "discovered": "discover", "learned": "learn", "found": "find",
	"shown": "show", "alleged": "allege"}

// declaredForms are the passive participles that declaredWinner reads.
var declaredForms = wordSet(`declared announced projected`)

// outcomes are the nouns that a declared result names.
var outcomes = wordSet(`winner winners victor nominee majority`)

// stopOutcome end the phrase of a declared result.
var stopOutcome = wordSet(`by that and following after when as but with`)

// writerClaim adds the writer's claim c to the claims cs of its sentence,
// in place of any that another rule read from the same cue words.
func (x *doc) writerClaim(cs []*cand, c *cand) []*cand {
	kept := cs[:0]
	for _, d := range cs {
		if d.cue.lo > c.cue.hi || d.cue.hi <= c.cue.lo {
			kept = append(kept, d)
		}
	}
	x.trimOne(c, kept)
	if !c.content.empty() {
		kept = append(kept, c)
	}
	return kept
}

// degrees are the adverbs between an auxiliary and "known for": "is best
// known for", "was long known for".
var degrees = map[string]bool{"also": true, "well": true, "best": true, "better": true, "now": true, "once": true,
	"long": true, "still": true, "been": true, "often": true, "widely": true, "generally": true}

// becomes are the verbs that take "known for" like a "be": "became known
// for".
var becomes = map[string]bool{"became": true, "become": true, "becomes": true, "becoming": true}

// complaintsThat reads a plural complaint with no one to voice it, before
// its that-clause, to a comma ("Despite complaints that the ferry is
// late, the board ..."), as the writer's report that there are such
// complaints. A possessor's ("his complaints that") is the nominal frame's.
// On PolNeAR train 5 of 5 such phrases are gold attributions with no
// source.
func (x *doc) complaintsThat(s span, k int) *cand {
	if x.toks[k].lower != "complaints" || x.toks[k+1].lower != "that" || x.quoted[k] {
		return nil
	}
	if p := k - 1; p >= s.lo && (possessives[x.toks[p].lower] != "" || x.toks[p].lower == "'s" || x.toks[p].cap && p > s.lo) {
		return nil
	}
	end := k + 2
	for end < s.hi && x.toks[end].text != "," {
		end++
	}
	return &cand{sent: s, cue: span{k, k + 1}, content: span{k + 1, end}, writer: true, conf: 0.5,
		entry: cueEntry{base: "complaint", act: schema.Accuse, frame: frameNoun}}
}
