package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// cand is one attribution found in a sentence, in token indices, before it

// becomes a schema.Claim.

type cand struct {
	sent     span
	speaker  span
	cue      span
	content  span
	entry    cueEntry
	negated  bool
	direct   bool
	trailing bool // the content comes before the speaker
	inherit  *cand
	target   span // the accused ("accused Azerbaijan of")
	// antecedent is what a speaker "who" or a speaker with an appositive
	// ("Smith, a senator,") resolves by; appos is the appositive.
	antecedent, appos span
	outlet            *schema.Outlet
	conf              float64
}

// frames finds every attribution in sentence s.
func (x *doc) frames(s span) []*cand {
	var out []*cand
	for k := s.lo; k < s.hi; k++ {
		if c := x.colon(s, k); c != nil {
			out = append(out, c)
			continue
		}
		if x.toks[k].kind != tWord || x.toks[k].cap && k != s.lo && !x.headline(s) || x.quoted[k] {
			continue // a cue inside a quotation belongs to the quote's own speaker
		}
		if e, ok := lex.noun(x.toks[k].lower); ok {
			if c := x.nominal(s, k, e); c != nil {
				out = append(out, c)
				continue
			}
		}
		e, n, ok := lex.cue(x.toks, k)
		if !ok {
			continue
		}
		c := &cand{sent: s, cue: span{k, k + n}, entry: e, conf: 0.8}
		if x.frame(c, out) {
			out = append(out, c)
		}
		k += n - 1
	}
	x.trim(out)
	return dropWeakNested(out)
}

// dropWeakNested removes beliefs and stances reported inside another
// attribution's content: in "X said Y believes Z" the claim is X's. Reported
// speech keeps its own claim ("the Kremlin said Putin was calling for").
func dropWeakNested(cs []*cand) []*cand {
	out := cs[:0]
	for _, c := range cs {
		nested := false
		for _, d := range cs {
			nested = nested || d != c && c.cue.lo >= d.content.lo && c.cue.hi <= d.content.hi
		}
		if !nested || !lex.is(c.entry.base, wWeak) {
			out = append(out, c)
		}
	}
	return out
}

// frame fills in c's speaker and content around its cue; false when the cue
// word is not used as one here.
func (x *doc) frame(c *cand, prior []*cand) bool {
	if c.entry.frame == framePrep {
		return x.according(c)
	}
	if x.toks[c.cue.lo].lower == "asked" && (c.cue.lo == c.sent.lo || x.toks[c.cue.lo-1].lower == "when") {
		return x.asked(c, prior)
	}
	j, ok := x.bridge(c)
	if !ok {
		return false
	}
	if !x.subject(c, j, prior) {
		return false
	}
	if c.trailing {
		return true // inverted: "..., said Smith."
	}
	if !x.agrees(c, j) || x.modifier(c, j) {
		return false
	}
	return x.complement(c)
}

// bridge walks left from the cue over auxiliaries, negations, adverbs and
// times ("has not", "this week") and returns the index of the token before
// them; false for a passive or a cue word used as an adjective.
func (x *doc) bridge(c *cand) (j int, ok bool) {
	lo, cueStart := c.sent.lo, c.cue.lo
	defer func() {
		if c.negated {
			c.cue.lo = cueStart // the cue of a negation is "has not admitted"
		}
	}()
	ing := strings.HasSuffix(x.toks[c.cue.lo].lower, "ing")
	for j = c.cue.lo - 1; j >= lo; j-- {
		t := x.toks[j]
		switch {
		case t.text == ")": // "Sen. Elizabeth Warren (D-MA) said"
			if j = x.openParen(j, lo); j < 0 {
				return c.cue.lo - 1, true
			}
		case t.kind != tWord:
			return j, true
		case lex.is(t.lower, wBe) && j == cueStart-1 && !ing:
			return j, false // passive: "have been confirmed killed"
		case lex.is(t.lower, wNeg):
			c.negated, cueStart = true, j
		case lex.is(t.lower, wAux|wBe):
			if j == cueStart-1 {
				cueStart = j
			}
		case t.lower == "to":
			k, ok := x.infinitive(j)
			if !ok {
				return j, false
			}
			j, cueStart = k+1, k
		case lex.is(t.lower, wTime) && !x.isCapName(j), isAdverb(t),
			(t.lower == "on" || t.lower == "in") && j+1 < c.cue.lo && lex.is(x.toks[j+1].lower, wTime):
		default:
			return j, true
		}
	}
	return j, true
}

// openParen returns the index of the "(" that the ")" at j closes, within a
// few tokens, or -1.
func (x *doc) openParen(j, lo int) int {
	for k := j - 1; k >= lo && j-k < 8; k-- {
		if x.toks[k].text == "(" {
			return k
		}
	}
	return -1
}

// isCapName reports whether a capitalised time word is part of a name
// ("May" in "Theresa May").
func (x *doc) isCapName(j int) bool {
	t := x.toks[j]
	return t.cap && j > 0 && x.toks[j-1].cap && x.toks[j-1].kind == tWord && !lex.is(x.toks[j-1].lower, wTime|wPrep)
}

func isAdverb(t token) bool {
	return !t.cap && len(t.lower) > 4 && strings.HasSuffix(t.lower, "ly") && lex.class[t.lower] == 0
}

// infinitive handles "X are among the leaders to denounce": it looks left
// of "to" (at j) for a form of "be" within a few words and returns its index.
func (x *doc) infinitive(j int) (int, bool) {
	for k := j - 1; k >= 0 && k >= j-6; k-- {
		t := x.toks[k]
		if t.kind != tWord || t.cap {
			return 0, false
		}
		if lex.is(t.lower, wBe) {
			return k, true
		}
	}
	return 0, false
}

func isEnd(t token) bool {
	switch t.text {
	case ",", ".", ";", "!", "?", ":", "—", "–":
		return true
	}
	return false
}
