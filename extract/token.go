package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tWord  = iota
	tPunct // one punctuation or symbol rune
	tOpenQ // “ or a straight quote that opens
	tCloseQ
)

// token is a word or a punctuation mark, with its offsets in code points (rs,
// re) and bytes (bs, be).
type token struct {
	text, lower    string
	rs, re, bs, be int
	kind           int
	cap            bool // starts with an upper-case letter
	para           bool // a blank line (or the text's start) comes before it
	nl             bool // a line break comes before it
}

// tokenize splits text into tokens. A possessive "’s", a negation "n't" and
// a contracted auxiliary ("’ve", "’ll", "’re", "’d", "’m") become tokens of
// their own: "I’ve said" has the speaker "I" and the cue "’ve said".
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/5+1)
	r, newlines := 0, 2
	var q quoteState
	for b := 0; b < len(text); {
		c, w := utf8.DecodeRuneInString(text[b:])
		switch {
		case c == '\n':
			newlines++
			b, r = b+w, r+1
			continue
		case unicode.IsSpace(c):
			b, r = b+w, r+1
			continue
		}
		t := token{bs: b, rs: r, para: newlines >= 2, nl: newlines >= 1}
		if t.nl {
			q = quoteState{}
		}
		newlines = 0
		switch {
		case isWordRune(c):
			b, r = scanWord(text, b, r)
			b, r = abbrevPeriod(text, t.bs, b, r)
			if b < len(text) && text[b] == '%' {
				b, r = b+1, r+1 // "42%" is one word
			}
		case pluralPossessive(text, toks, b):
			b, r = b+w, r+1 // "Sanders’ aides": a possessive, as "’s" is
			t.be, t.re = b, r
			t.text, t.lower = text[t.bs:b], "'s"
			toks = append(toks, t)
			continue
		case c == '\'' && strings.HasPrefix(text[b:], "'''") && b > 0 && !unicode.IsSpace(rune(text[b-1])):
			b, r = b+1, r+1 // ,''' closes a single quotation, then the double one
			t.kind = tPunct
		case c == '\'' && b+1 < len(text) && text[b+1] == '\'':
			b, r = b+2, r+2 // '' is a double quotation mark in some house styles
			t.kind = q.kind('"')
		case c == '“' && (q.curly || q.straight) && b > 0 && strings.IndexByte(",.?!", text[b-1]) >= 0 && (b+w == len(text) || text[b+w] == ' '):
			b, r = b+w, r+1 // “It is odd,“ she said: an opening mark that closes the open one
			t.kind = q.close()
		case c == '-' && strings.HasPrefix(text[b:], "--"):
			for b < len(text) && text[b] == '-' {
				b, r = b+1, r+1 // "--" is a dash, as "—" is
			}
			t.kind = tPunct
		default:
			b, r = b+w, r+1
			t.kind = q.kind(c)
		}
		t.be, t.re = b, r
		toks = appendWord(toks, text, t)
	}
	return toks
}

// pluralPossessive reports whether the apostrophe at text[b] ends a word
// in "s" as its possessive ("Sanders’ aides", "the Democrats’ leading
// candidate"), not a single quotation that the line opened.
func pluralPossessive(text string, toks []token, b int) bool {
	c, w := utf8.DecodeRuneInString(text[b:])
	if c != '’' && c != '\'' || len(toks) == 0 || b+w+1 >= len(text) || text[b+w] != ' ' || !isWordRune(firstRune(text[b+w+1:])) {
		return false
	}
	p := toks[len(toks)-1]
	if p.be != b || p.kind != tWord || !strings.HasSuffix(p.lower, "s") || p.lower == "'s" {
		return false
	}
	line := text[strings.LastIndexByte(text[:b], '\n')+1 : b]
	return !strings.Contains(line, "‘") && !strings.Contains(line, " '") && !strings.HasPrefix(line, "'")
}

// contracted reports whether t is a contracted "has" or "is" ("he’s
// said"), which a plural's bare possessive apostrophe never is.
func contracted(t token) bool { return t.lower == "'s" && t.text != "’" && t.text != "'" }

// abbrevPeriod takes the period after an abbreviation or an initial ("Mr.",
// "W.") into the word.
func abbrevPeriod(text string, bs, b, r int) (int, int) {
	if b >= len(text) || text[b] != '.' || lex == nil {
		return b, r
	}
	w := text[bs:b]
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' || lex.is(strings.ToLower(w), wAbbr) || initials(w) || partyState(w) {
		return b + 1, r + 1
	}
	return b, r
}

// partyState reports whether w is a party and a state's abbreviation, whose
// period belongs to it: "D-Md." in "Elijah Cummings (D-Md.)".
func partyState(w string) bool {
	return len(w) >= 4 && len(w) <= 6 && (w[0] == 'D' || w[0] == 'R' || w[0] == 'I') && w[1] == '-' && w[2] >= 'A' && w[2] <= 'Z'
}

// domain reports whether the period at text[b] joins a web domain's name
// to its ending: "MoveOn.org", "Mic.com".
func domain(text string, b int) bool {
	for _, tld := range []string{"com", "org", "net", "gov", "edu", "fr", "io"} {
		e := b + 1 + len(tld)
		if strings.HasPrefix(text[b+1:], tld) && (e == len(text) || !isWordRune(rune(text[e]))) {
			return true
		}
	}
	return false
}

// initials reports whether w is capitals joined by periods ("S.E.C"), an
// abbreviation whose last period belongs to it as "U.S."'s does.
func initials(w string) bool {
	if len(w) < 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; i%2 == 0 && (c < 'A' || c > 'Z') || i%2 == 1 && c != '.' {
			return false
		}
	}
	return true
}

func isWordRune(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c)
}

// scanWord returns the end of the word starting at byte b: letters and
// digits, joined by single inner hyphens, apostrophes, periods (U.S.) and
// digit separators (140,000).
func scanWord(text string, b, r int) (int, int) {
	for b < len(text) {
		c, w := utf8.DecodeRuneInString(text[b:])
		if isWordRune(c) || mojibake(text, b, c, w) {
			b, r = b+w, r+1
			continue
		}
		if c == '-' || c == '\'' || c == '’' || c == '.' || c == ',' || c == '&' {
			n, nw := utf8.DecodeRuneInString(text[b+w:])
			p, _ := utf8.DecodeLastRuneInString(text[:b])
			if b+w < len(text) && isWordRune(n) && (joins(c, p, n) || c == '.' && unicode.IsLetter(p) && domain(text, b)) {
				b, r = b+w+nw, r+2
				continue
			}
		}
		break
	}
	return b, r
}

// mojibake reports whether c, at byte b, is part of a UTF-8 letter read
// as Latin-1 between two letters: "PeÃ±a" is "Peña" garbled, one word, not
// "PeÃ" and "a".
func mojibake(text string, b int, c rune, w int) bool {
	if c < 0x80 || c > 0xBF || c == 0xA0 || c == 0xAB || c == 0xBB || b == 0 || b+w >= len(text) {
		return false
	}
	p, _ := utf8.DecodeLastRuneInString(text[:b])
	n, _ := utf8.DecodeRuneInString(text[b+w:])
	inner := func(r rune) bool {
		return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r >= 0x80 && r <= 0xBF && r != 0xA0
	}
	return inner(p) && inner(n)
}

// joins reports whether c, between p and n, keeps a word together.
func joins(c, p, n rune) bool {
	switch c {
	case '.':
		return unicode.IsUpper(p) && unicode.IsUpper(n) || unicode.IsDigit(p) && unicode.IsDigit(n)
	case ',':
		return unicode.IsDigit(p) && unicode.IsDigit(n)
	case '&':
		return unicode.IsUpper(p) && unicode.IsUpper(n)
	}
	return true
}

// quoteState is what the tokenizer knows of the quotations open on the
// current line.
type quoteState struct {
	straight bool // a straight quote opened and is not closed
	curly    bool // a curly quote opened and is not closed
}

// kind returns the kind of the punctuation c. A straight quote closes an
// open curly one (“...," is a common typo), else opens and closes in turn.
func (q *quoteState) kind(c rune) int {
	switch c {
	case '“', '«', '„':
		q.curly = true
		return tOpenQ
	case '”', '»':
		q.curly = false
		return tCloseQ
	case '"':
		if q.curly && !q.straight {
			q.curly = false
			return tCloseQ
		}
		q.straight = !q.straight
		if q.straight {
			return tOpenQ
		}
		return tCloseQ
	}
	return tPunct
}

// close closes the quotation open on the line, curly or straight.
func (q *quoteState) close() int {
	if q.curly {
		return q.kind('”')
	}
	return q.kind('"')
}

// appendWord appends t, splitting a possessive or a negation off a word.
func appendWord(toks []token, text string, t token) []token {
	word := text[t.bs:t.be]
	if t.kind != tWord && t.be-t.bs > 0 && !isWordRune(firstRune(word)) {
		t.text, t.lower = word, word
		return append(toks, t)
	}
	for _, suf := range splitSuffixes {
		if len(word) > len(suf) && strings.EqualFold(word[len(word)-len(suf):], suf) {
			cut := t.be - len(suf)
			n := utf8.RuneCountInString(suf)
			head := t
			head.be, head.re = cut, t.re-n
			tail := token{bs: cut, be: t.be, rs: t.re - n, re: t.re, kind: tWord}
			toks = append(toks, finish(text, head))
			return append(toks, finish(text, tail))
		}
	}
	return append(toks, finish(text, t))
}

// splitSuffixes are the endings appendWord makes tokens of their own.
var splitSuffixes = []string{"’s", "'s", "n't", "n’t", "’ve", "'ve", "’ll", "'ll", "’re", "'re", "’d", "'d", "’m", "'m"}

func finish(text string, t token) token {
	t.text = text[t.bs:t.be]
	t.lower = strings.ToLower(t.text)
	if strings.Contains(t.lower, "’") {
		t.lower = strings.ReplaceAll(t.lower, "’", "'")
	}
	t.cap = unicode.IsUpper(firstRune(t.text))
	return t
}

func firstRune(s string) rune {
	c, _ := utf8.DecodeRuneInString(s)
	return c
}
