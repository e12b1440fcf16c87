package extract

import "github.com/claimgraph/claimgraph/schema"

// The writer's own claims: attributions PolNeAR marks with no speaker, where
// the writer is the one who judges ("The plan seems to work", "The vote is
// expected to pass"). Such a claim has an empty speaker span and the article's
// author as its speaker.

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

// feelings are adjectives of a stance after "seemed": "seemed pleased with".
var feelings = map[string]bool{"pleased": true, "hopeful": true, "eager": true, "ready": true, "willing": true, "happy": true, "unhappy": true, "confident": true, "determined": true, "intent": true, "care": true, "want": true, "like": true}

// expectedTo adds the writer's own claim of each "is expected to" in
// sentence s ("The vote is widely expected to pass"): the cue runs from the
// auxiliary to "expected", the content is the infinitive. A claim another
// rule read from the same words gives way to it; a cue verb after "to"
// ("is expected to announce") is a speaker's own, and is left alone.
func (x *doc) expectedTo(s span, cs []*cand) []*cand {
	for k := s.lo + 1; k+2 < s.hi; k++ {
		if x.toks[k].lower != "expected" || x.toks[k+1].lower != "to" || x.quoted[k] {
			continue
		}
		b := k - 1
		for b > s.lo && (lex.is(x.toks[b].lower, wNeg) || lyAdverb(x.toks[b].lower) || x.toks[b].lower == "also") {
			b--
		}
		if !lex.is(x.toks[b].lower, wBe) || x.cueAhead(span{k + 1, s.hi}) || !x.infinitiveAt(k+2, s.hi) {
			continue
		}
		c := &cand{sent: s, cue: span{b, k + 1}, content: span{k + 1, s.hi}, writer: true, conf: 0.6,
			entry: cueEntry{base: "expect", act: schema.Predict, frame: frameSay}}
		kept := cs[:0]
		for _, d := range cs {
			if d.cue.lo > c.cue.hi || d.cue.hi <= c.cue.lo {
				kept = append(kept, d)
			}
		}
		cs = kept
		x.trimOne(c, cs)
		if !c.content.empty() {
			cs = append(cs, c)
		}
	}
	return cs
}
