package extract

import (
	"bufio"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/schema"
)

// measureTable is data/measures.tsv: measure words, the words that make a
// figure approximate, and the words allowed between a number and its
// measure. Built once at initialisation, read only after.
type measureTable struct {
	measure map[string]string
	approx  map[string]bool
	skip    map[string]bool
}

var measures = loadMeasures()

func loadMeasures() measureTable {
	f, err := dataFS.Open("data/measures.tsv")
	if err != nil {
		panic(err) // embedded: cannot happen
	}
	defer f.Close()
	t := measureTable{measure: map[string]string{}, approx: map[string]bool{}, skip: map[string]bool{}}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), "\t")
		if !ok || strings.HasPrefix(k, "#") {
			continue
		}
		switch k {
		case "approx":
			addWords(t.approx, v)
		case "skip":
			addWords(t.skip, v)
		default:
			t.measure[k] = v
		}
	}
	return t
}

func addWords(set map[string]bool, list string) {
	for _, w := range strings.Split(list, ",") {
		set[w] = true
	}
}

// spelled are the number words a figure may be written in.
var spelled = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"hundred": 100, "thousand": 1000}

// scales multiply the number before them: "1.5 million".
var scales = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}

// qword is a word of a content span: its text, its code-point offsets in
// the article, and its byte offsets in the content.
type qword struct {
	text       string
	start, end int
	b0, b1     int
}

// qwords splits s into words (letters, digits, and the ',' '.' '%' inside
// figures), with code-point offsets counted from base. Words are substrings
// of s: the whole article passes through here, so nothing is copied.
func qwords(s string, base int) []qword {
	var out []qword
	start, at, figure := -1, 0, false
	i := 0
	for b, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || start >= 0 && figure && (r == ',' || r == '.' || r == '%'):
			if start < 0 {
				start, at, figure = b, i, unicode.IsDigit(r)
			}
		case start >= 0:
			out = appendQword(out, s, start, b, base+at)
			start = -1
		}
		i++
	}
	if start >= 0 {
		out = appendQword(out, s, start, len(s), base+at)
	}
	return out
}

// appendQword adds s[b0:b1], less trailing figure punctuation, starting at
// code point at.
func appendQword(out []qword, s string, b0, b1, at int) []qword {
	w := strings.TrimRight(s[b0:b1], ",.")
	return append(out, qword{w, at, at + utf8.RuneCountInString(w), b0, b0 + len(w)})
}

// number reads the figure at w, returning its value and how many words it
// takes ("1.5 million" is two).
func number(w []qword) (float64, int, bool) {
	t := strings.ToLower(strings.TrimSuffix(w[0].text, "%"))
	v, ok := spelled[t]
	if r, _ := utf8.DecodeRuneInString(t); unicode.IsDigit(r) {
		var err error // parse only what starts with a digit: a failed parse allocates
		v, err = strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64)
		ok = err == nil
	}
	if !ok {
		return 0, 0, false
	}
	if len(w) > 1 {
		if m, ok := scales[strings.ToLower(w[1].text)]; ok {
			return v * m, 2, true
		}
	}
	return v, 1, true
}

// quantities finds the figures stated in content: a number followed, within
// a couple of modifiers, by a word naming what it counts. Numbers with no
// measure (years, dates, ages) are left out.
func quantities(content schema.Span) []schema.Quantity {
	ws := qwords(content.Text, content.Start)
	var out []schema.Quantity
	for i := 0; i < len(ws); i++ {
		v, n, ok := number(ws[i:])
		if !ok {
			continue
		}
		measure, end := measureAfter(ws, i+n, strings.HasSuffix(ws[i].text, "%"))
		if measure == "" {
			continue
		}
		first := i
		for first > 0 && measures.approx[strings.ToLower(ws[first-1].text)] {
			first--
		}
		out = append(out, schema.Quantity{
			Span:    schema.Span{Start: ws[first].start, End: ws[end].end, Text: content.Text[ws[first].b0:ws[end].b1]},
			Value:   v,
			Measure: measure,
			Approx:  first < i,
		})
		i = end
	}
	return out
}

// figuresIn returns the figures that lie wholly inside content. The text is
// scanned once per article: contents can be long and overlap, and scanning
// each would make a long unpunctuated text quadratic.
func (x *doc) figuresIn(content schema.Span) []schema.Quantity {
	if x.figures == nil {
		all := quantities(schema.Span{Start: 0, End: utf8.RuneCountInString(x.text), Text: x.text})
		x.figures = append(make([]schema.Quantity, 0, len(all)), all...) // non-nil: scanned
	}
	lo := sort.Search(len(x.figures), func(i int) bool { return x.figures[i].Start >= content.Start })
	var out []schema.Quantity
	for _, q := range x.figures[lo:] {
		if q.Start >= content.End {
			break
		}
		if q.End <= content.End {
			out = append(out, q)
		}
	}
	return out
}

// measureAfter finds the measure word at or after ws[j], past allowed
// modifiers; pct says the figure carried its own '%'.
func measureAfter(ws []qword, j int, pct bool) (string, int) {
	if pct {
		return "percent", j - 1
	}
	for k := j; k < len(ws) && k < j+3; k++ {
		w := strings.ToLower(ws[k].text)
		if m, ok := measures.measure[w]; ok {
			if w == "per" && (k+1 >= len(ws) || strings.ToLower(ws[k+1].text) != "cent") {
				return "", 0
			}
			if w == "per" {
				k++
			}
			return m, k
		}
		if !measures.skip[w] {
			return "", 0
		}
	}
	return "", 0
}
