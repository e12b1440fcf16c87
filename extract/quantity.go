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
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000}

// scales multiply the number before them: "1.5 million".
var scales = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}

// qword is a word of a content span with its code-point offsets.
type qword struct {
	text       string
	start, end int
}

// qwords splits s into words (letters, digits, and the ',' '.' '%' inside
// figures), with offsets counted from base.
func qwords(s string, base int) []qword {
	var out []qword
	var cur []rune
	start := 0
	flush := func() {
		if len(cur) > 0 {
			w := strings.TrimRight(string(cur), ",.")
			out = append(out, qword{w, base + start, base + start + len([]rune(w))})
			cur = cur[:0]
		}
	}
	i := 0
	for _, r := range s {
		inFigure := len(cur) > 0 && unicode.IsDigit(cur[0]) && (r == ',' || r == '.' || r == '%')
		if unicode.IsLetter(r) || unicode.IsDigit(r) || inFigure {
			if len(cur) == 0 {
				start = i
			}
			cur = append(cur, r)
		} else {
			flush()
		}
		i++
	}
	flush()
	return out
}

// number reads the figure at w, returning its value and how many words it
// takes ("1.5 million" is two).
func number(w []qword) (float64, int, bool) {
	t := strings.ToLower(strings.TrimSuffix(w[0].text, "%"))
	v, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64)
	if err != nil {
		var ok bool
		if v, ok = spelled[t]; !ok {
			return 0, 0, false
		}
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
	runes := []rune(content.Text)
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
		start, stop := ws[first].start, ws[end].end
		out = append(out, schema.Quantity{
			Span:    schema.Span{Start: start, End: stop, Text: string(runes[start-content.Start : stop-content.Start])},
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
