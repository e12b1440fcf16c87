package extract

import "strings"

// span is a half-open range of token indices.
type span struct{ lo, hi int }

func (s span) empty() bool { return s.hi <= s.lo }

// maxSentence bounds a sentence's tokens, so that text without punctuation
// costs linear time.
const maxSentence = 400

// sentences splits toks into sentences. A line break ends one (unless a
// quotation follows a colon); a period, question or exclamation mark ends
// one outside quotation marks when a capital, a digit or a quotation mark
// follows and the period does not end an abbreviation or an initial.
func sentences(toks []token) []span {
	var out []span
	lo, depth, opened := 0, 0, -1
	for k := range toks {
		t := &toks[k]
		colonQuote := k > 0 && toks[k-1].text == ":" && (t.kind == tOpenQ || !t.para || k > 1 && cueBefore(toks, k-2)) && !speakerLabel(toks, k)
		if k > lo && (t.nl && !colonQuote || depth == 0 && endsBefore(toks, k, opened == lo) || k-lo >= maxSentence) {
			out = append(out, span{lo, k})
			lo = k
		}
		if t.nl {
			depth = 0 // a quotation not closed by the end of its line is none (quoteDepths)
		}
		switch t.kind {
		case tOpenQ:
			if depth == 0 {
				opened = k
			}
			depth++
		case tCloseQ:
			if depth > 0 {
				depth--
			}
		}
	}
	if lo < len(toks) {
		out = append(out, span{lo, len(toks)})
	}
	return out
}

// endsBefore reports whether a sentence ends just before toks[k]. When the
// sentence so far is one quotation, a cue right after it keeps it going:
// “Is it over?” Smith asked.
func endsBefore(toks []token, k int, quoteOnly bool) bool {
	t := toks[k]
	if !t.cap && t.kind != tOpenQ && !isDigit(t.text) {
		return false
	}
	p := k - 1
	if toks[p].kind == tCloseQ && p > 0 {
		if quoteOnly && (toks[p-1].text != "." || bareAttribution(toks, k)) && cueAhead(toks, k) {
			return false // “Is it over?” Smith asked.
		}
		p--
	}
	if w := toks[p]; w.kind == tWord && len(w.lower) > 2 && w.lower[len(w.lower)-1] == '.' && !lex.is(w.lower, wMod) {
		switch {
		case t.kind == tOpenQ:
			return true // "in Santa Monica, Calif. “The reality is ...": a quotation opens after an abbreviation's period
		case t.kind == tWord && sentenceOpeners[t.lower]:
			return true // "moved to Easton, Pa. The town is small": a place's abbreviation ends it
		}
	}
	switch toks[p].text {
	case "!", "?":
		return true
	case ".":
		if p == 0 {
			return true
		}
		w := toks[p-1]
		if toks[p-1].be != toks[p].bs || w.kind != tWord {
			return true
		}
		if w.text == "No" && isDigit(t.text) {
			return false // "the No. 2 Republican"
		}
		return !lex.is(w.lower, wAbbr) && !(len(w.text) == 1 && w.cap)
	}
	return false
}

func isDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// cueAhead reports whether a cue verb comes within a few words of toks[k],
// before any punctuation.
func cueAhead(toks []token, k int) bool {
	for j := k; j < len(toks) && j < k+6; j++ {
		if toks[j].kind != tWord {
			return false
		}
		if _, _, ok := lex.cue(toks, j); ok && !toks[j].cap {
			return true
		}
	}
	return false
}

// cueBefore reports whether toks[k] is a cue verb: "he said:" followed by a
// paragraph that is what he said.
func cueBefore(toks []token, k int) bool {
	_, _, ok := lex.cue(toks, k)
	return ok
}

// speakerLabel reports whether a transcript's "NAME:" opens the line at
// toks[k], after an optional quotation mark: a new sentence, even after a
// colon ("Partial transcript as follows:").
func speakerLabel(toks []token, k int) bool {
	if k < len(toks) && toks[k].kind == tOpenQ {
		k++
	}
	for j := k; j < len(toks) && j < k+3; j++ {
		t := toks[j]
		if t.text == ":" {
			return j > k
		}
		if t.kind != tWord || strings.ToUpper(t.text) != t.text || !t.cap {
			return false
		}
	}
	return false
}

// sentenceOpeners start a sentence, never a name after a title's
// abbreviation ("Gov. Tim Kaine", but "Easton, Pa. The town").
var sentenceOpeners = map[string]bool{"the": true, "he": true, "she": true, "it": true, "they": true, "we": true,
	"i": true, "but": true, "and": true, "a": true, "an": true, "this": true, "that": true, "his": true, "her": true,
	"their": true, "its": true, "there": true, "in": true, "on": true, "at": true}

// bareAttribution reports whether the words from k end their sentence
// within a few words and hold no "that" or quotation: after “... money.”
// a stray “Lee said.” still belongs to the quotation, “He said that ...”
// is a sentence of its own.
func bareAttribution(toks []token, k int) bool {
	for j := k; j < len(toks) && j < k+10; j++ {
		switch t := toks[j]; {
		case j > k && t.nl, t.lower == "that", t.kind == tOpenQ:
			return false
		case t.text == ".":
			return true
		}
	}
	return false
}
