package extract

import "strings"

// maxNP is the most tokens a speaker phrase may have.
const maxNP = 10

// npWord reports whether toks[k] may be inside a speaker phrase.
func (x *doc) npWord(k int) bool {
	t := x.toks[k]
	if t.text == "/" && k > 0 && k+1 < len(x.toks) && x.toks[k-1].cap && x.toks[k+1].cap {
		return true // "a CNN/ORC poll"
	}
	if t.kind != tWord {
		return false
	}
	if t.lower == "'s" || t.lower == "and" || t.lower == "&" {
		return true
	}
	if t.cap {
		return !lex.is(t.lower, wStop|wTime|wPron) || x.isCapName(k)
	}
	return lex.is(t.lower, wRole|wBody|wGroup|wMod|wQuant) || isHyphenated(t.lower) || isDigit(t.lower)
}

// ofHead reports whether toks[k] may take an "of" phrase inside a speaker
// phrase: "46 percent of voters", "Stephen Vladeck of the University".
func (x *doc) ofHead(k int) bool {
	t := x.toks[k]
	return t.kind == tWord && (t.cap && !lex.is(t.lower, wStop|wTime) || isDigit(t.lower) || lex.is(t.lower, wRole|wBody|wGroup|wQuant))
}

func isHyphenated(w string) bool {
	for i := 1; i < len(w)-1; i++ {
		if w[i] == '-' {
			return true
		}
	}
	return false
}

// head reports whether toks[k] can end a speaker phrase.
func (x *doc) head(k int) bool {
	t := x.toks[k]
	if t.kind != tWord || t.lower == "and" || t.lower == "&" || t.lower == "'s" {
		return false
	}
	return t.cap || lex.is(t.lower, wRole|wBody|wGroup|wQuant) || isDigit(t.lower) && strings.HasSuffix(t.lower, "%") || x.shareEnd(k)
}

// shareEnd reports whether toks[k] is the whole of a share of respondents
// in words and figures ("three in 10"), which heads a speaker phrase as
// "30 percent" does: "with three in 10 saying".
func (x *doc) shareEnd(k int) bool {
	return k >= 2 && numeral(x.toks[k].lower) && x.toks[k-1].lower == "in" && numeral(x.toks[k-2].lower)
}

// leftNP returns the speaker phrase that ends just before token end, no
// further left than lo; empty when there is none.
func (x *doc) leftNP(lo, end int) span {
	if end-1 > lo && x.toks[end-1].text == ")" {
		if k := x.openParen(end-1, lo); k > lo {
			np := x.leftNP(lo, k) // "Rep. Sander M. Levin (Mich.)"
			if !np.empty() {
				np.hi = end
			}
			return np
		}
	}
	np := x.leftNP1(lo, end)
	if p := np.lo - 1; !np.empty() && p > lo && x.toks[p].lower != "of" && lex.is(x.toks[p].lower, wPrep) && lex.is(x.toks[p-1].lower, wRole|wGroup|wBody) {
		if inner := x.leftNP1(lo, p); !inner.empty() {
			np.lo = inner.lo // "a Reuters correspondent in the region"
		}
	}
	if p := np.lo - 1; !np.empty() && p > lo && x.toks[p].lower == "of" && x.toks[p-1].cap && x.toks[np.hi-1].cap {
		if inner := x.leftNP1(lo, p); !inner.empty() && x.toks[inner.hi-1].cap && x.toks[inner.lo].cap {
			np.lo = inner.lo // "Mr. Morgan of the Sierra Club"
		}
	}
	if p := np.lo - 1; !np.empty() && p > lo && x.toks[p].lower == "of" && lex.is(x.toks[np.lo].lower, wDet) && !x.toks[p-1].cap {
		if inner := x.commonNP(lo, p); !inner.empty() {
			np.lo = inner.lo // "the organizer of the parade"
		}
	}
	return np
}

// leftNP1 is leftNP without the prepositional extension.
func (x *doc) leftNP1(lo, end int) span {
	if end <= lo {
		return span{}
	}
	if !x.head(end - 1) {
		return x.commonNP(lo, end)
	}
	if x.shareEnd(end-1) && end-3 >= lo {
		return span{end - 3, end}
	}
	start := end
	for k := end - 1; k >= lo && end-k <= maxNP; k-- {
		t := x.toks[k]
		if t.kind == tWord && lex.is(t.lower, wDet) && t.lower != "that" {
			start = k
			break
		}
		if (t.lower == "of" || lex.is(t.lower, wPrep) && k > lo && lex.is(x.toks[k-1].lower, wRole|wGroup|wBody)) && k > lo && start < end && x.ofHead(k-1) {
			start = k
			continue
		}
		if contactHead(t.lower) && start < end {
			break // "the moment Ana Ruiz learned": the noun heads a relative clause
		}
		if !x.npWord(k) {
			if d := x.detBefore(k, lo); d >= 0 {
				start = d // "a Cairo airport official"
			} else if b := x.boundaryBefore(k, lo, end); b >= 0 {
				start = b // ", top black lawmakers said"
			} else if c := x.capBefore(k, lo); c >= 0 {
				k = c + 1 // "CNBC moderator Carl Quintanilla"
				continue
			}
			break
		}
		start = k
	}
	for start < end && (x.toks[start].lower == "and" || x.toks[start].lower == "&" || x.toks[start].lower == "'s") {
		start++
	}
	if a := start - 1; a > lo && x.toks[a].lower == "and" && start < end && lex.is(x.toks[start].lower, wDet) {
		if first := x.leftNP1(lo, a); !first.empty() && x.toks[first.hi-1].cap {
			start = first.lo // "both Mrs. Clinton and her campaign"
		}
	}
	if start > lo && lex.is(x.toks[start-1].lower, wPrep) {
		start = x.lastConjunct(start, end)
	}
	return span{start, end}
}

// detBefore looks left from k, over at most three nouns and modifiers
// ("a major climate group"), for the determiner that opens the phrase; -1
// when there is none.
func (x *doc) detBefore(k, lo int) int {
	for j, stop := k, k-3; j >= lo && j > stop; j-- {
		t := x.toks[j]
		switch {
		case t.kind != tWord:
			return -1
		case t.lower == "'s" && j > lo && j < k && !lex.is(x.toks[j-1].lower, wPron|wStop):
			stop = min(stop, j-4) // "the nation’s largest farm group": on past the possessor to its determiner
		case lex.is(t.lower, wDet) && t.lower != "that":
			if j == k {
				return -1
			}
			return j
		case t.lower == "time" || t.lower == "times" || contactHead(t.lower):
			return -1 // "the first time Republicans agreed"
		case t.cap || lex.class[t.lower] == 0 && !isVerbish(t.lower) || lex.is(t.lower, wMod|wRole|wBody):
		default:
			return -1
		}
	}
	return -1
}

// boundaryBefore looks left from k, over at most three lower-case modifiers, for the start of a sentence or a clause (a
// comma, a quotation mark) that opens a plural common-noun phrase ending
// at end: ", top black lawmakers said". It returns the first modifier, or
// -1.
func (x *doc) boundaryBefore(k, lo, end int) int {
	h := x.toks[end-1]
	record := evidenceNouns[h.lower]
	if h.cap || !lex.is(h.lower, wRole|wGroup) && !record || !strings.HasSuffix(h.lower, "s") {
		return -1
	}
	for j := k; j > k-3 && j >= lo; j-- {
		t := x.toks[j]
		if t.kind != tWord || t.cap || lex.class[t.lower] != 0 && !lex.is(t.lower, wMod) || isVerbish(t.lower) && !(record && strings.HasSuffix(t.lower, "ing")) || x.isCue(j) {
			return -1
		}
		if j == lo || x.toks[j-1].text == "," || x.toks[j-1].kind == tCloseQ || x.toks[j-1].kind == tOpenQ {
			return j
		}
	}
	return -1
}

// lastConjunct keeps only the last of coordinated phrases: "to Karabakh and
// Iran" names Iran as the speaker, not Karabakh.
func (x *doc) lastConjunct(start, end int) int {
	for k := end - 1; k > start; k-- {
		if x.toks[k].lower == "and" {
			return k + 1
		}
	}
	return start
}

// rightNP returns the speaker phrase that starts at token i: an optional
// determiner, then name, role and body words.
func (x *doc) rightNP(i, hi int) span {
	k := i
	if k < hi && x.toks[k].kind == tWord && lex.is(x.toks[k].lower, wDet) && x.toks[k].lower != "that" {
		k++
	}
	last := -1
	for ; k < hi && k-i < maxNP && x.npWord(k); k++ {
		if x.head(k) {
			last = k
		}
	}
	if last < 0 {
		return span{}
	}
	return span{i, last + 1}
}

// commonNP reads a phrase headed by a common noun the lexicon does not
// know, when a determiner opens it: "The Supreme Court justice".
func (x *doc) commonNP(lo, end int) span {
	h := x.toks[end-1]
	if h.kind != tWord || h.cap || lex.is(h.lower, wStop|wDet|wPron|wAux|wBe|wPrep|wConj|wTime|wRel|wNeg|wQuant) || isVerbish(h.lower) {
		return span{}
	}
	anchor := -1
	for k := end - 2; k >= lo && k >= end-7; k-- {
		t := x.toks[k]
		switch {
		case t.kind != tWord:
			return x.anchored(anchor, end)
		case lex.is(t.lower, wDet) && t.lower != "that":
			return span{k, end}
		case lex.is(t.lower, wQuant) || isDigit(t.lower):
			anchor = k // "Almost half of respondents", "1,409 teachers"
		case t.lower == "of" || t.cap || lex.is(t.lower, wMod|wRole|wBody) || lex.class[t.lower] == 0 && !isVerbish(t.lower):
		case (t.lower == "more" || t.lower == "less") && k > lo && lex.is(x.toks[k-1].lower, wDet) && thirdPersonForm(h.lower):
			// "The more cautious members of his party"
		default:
			return x.bare(anchor, k, end)
		}
	}
	return x.anchored(anchor, end)
}

// bare reads a plural with no determiner after a clause boundary at k:
// "But hacking specialists say".
func (x *doc) bare(anchor, k, end int) span {
	if anchor >= 0 {
		return x.anchored(anchor, end)
	}
	h := x.toks[end-1].lower
	if k+1 == end-1 && len(h) > 4 && strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") && lex.is(x.toks[k].lower, wConj|wStop) {
		return span{k + 1, end}
	}
	if k+2 == end && k > 0 && len(h) > 4 && strings.HasSuffix(h, "s") && lex.is(x.toks[k-1].lower, wConj|wStop) {
		return span{k, end} // one modifier: "hacking specialists"
	}
	return span{}
}

func (x *doc) anchored(anchor, end int) span {
	if anchor < 0 {
		return span{}
	}
	if anchor > 0 && x.toks[anchor-1].cap && x.toks[anchor-1].kind == tWord && lex.class[x.toks[anchor-1].lower] == 0 {
		anchor-- // "Almost half"
	}
	return span{anchor, end}
}

func isVerbish(w string) bool {
	if lyNouns[w] {
		return false
	}
	for _, suf := range []string{"ed", "ing", "ly"} {
		if len(w) > len(suf)+2 && w[len(w)-len(suf):] == suf {
			return true
		}
	}
	return false
}

// capBefore looks left from k, over at most two lower-case nouns the
// lexicon does not know, for a capitalised name word that goes on the
// phrase ("Republican presidential hopeful Donald Trump"); -1 when there is
// none.
func (x *doc) capBefore(k, lo int) int {
	for j := k; j >= lo && j > k-3; j-- {
		t := x.toks[j]
		switch {
		case j < k && t.kind == tWord && t.cap && x.npWord(j):
			if j == lo && !lex.is(t.lower, wMod) {
				return -1 // "Voters heard Ana Silva": a capital that only opens the sentence; not "Republican ..."
			}
			return j
		case t.kind != tWord || t.cap || lex.class[t.lower] != 0 || isVerbish(t.lower) || x.isCue(j):
			return -1
		}
	}
	return -1
}
