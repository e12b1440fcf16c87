package extract

import "github.com/claimgraph/claimgraph/schema"

// Prepositional cues: "By the party's tally, Li leads", a headline's "Li on why
// the dam failed".

// measureNouns head the phrase after an opening "by" that names whose
// reckoning the clause after it is: a tally, a count, an estimate.
var measureNouns = wordSet(`tally tallies count counts estimate estimates measure measures reckoning calculation
		calculations argument standard standards definition metric metrics analysis`)

// byMeasure reads "By the Acme News tally, Li has 640 delegates" and "who,
// by some measures, lead the field": the cue is "by", the speaker the
// phrase up to its comma, which ends in a measure noun, and the content the
// clause after it.
func (x *doc) byMeasure(s span, k int) *cand {
	if x.toks[k].lower != "by" || k > s.lo && x.toks[k-1].text != "," && x.toks[k-1].text != "(" {
		return nil
	}
	j := k + 1
	for ; j < s.hi && j-k <= 7 && (x.toks[j].kind == tWord || x.toks[j].lower == "'s" || x.toks[j].text == "'"); j++ {
	}
	if j == k+1 || j+2 >= s.hi || x.toks[j].text != "," || !measureNouns[x.toks[j-1].lower] {
		return nil
	}
	c := &cand{sent: s, cue: span{k, k + 1}, speaker: span{k + 1, j}, content: x.before(j+1, s.hi), conf: 0.5,
		entry: cueEntry{act: schema.Assert, frame: framePrep}}
	if x.words(c.content) < 3 {
		return nil
	}
	return c
}

// topicWords open the question a headline's "NAME on" answers: "Li on why
// the dam failed", "Li On How Towns Grow".
var topicWords = wordSet("why how what whether")

// onTopic reads a headline line "Jo Li on why the dam failed": a name of
// one to four capitalised words opens the line, "on" and a question word
// follow, and nothing else is on the line. The cue is "on", the content
// the question.
func (x *doc) onTopic(s span, k int) *cand {
	if x.toks[k].lower != "on" || k == s.lo || k+2 >= s.hi || !topicWords[x.toks[k+1].lower] || !x.toks[s.lo].nl && s.lo > 0 {
		return nil
	}
	if s.hi < len(x.toks) && !x.toks[s.hi].nl || k-s.lo > 4 || !x.capsOnly(span{s.lo, k}) {
		return nil
	}
	for j := s.lo; j < s.hi; j++ {
		if j > s.lo && x.toks[j].nl {
			return nil
		}
	}
	return &cand{sent: s, speaker: span{s.lo, k}, cue: span{k, k + 1}, content: x.before(k+1, s.hi), conf: 0.5,
		entry: cueEntry{act: schema.Assert, frame: framePrep}}
}
