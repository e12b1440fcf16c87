package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"
)

// gold is the part of a gold file the trainer reads.
type gold struct {
	Text         string `json:"text"`
	Attributions []struct {
		CueSpan      []int   `json:"cue_span"`
		CueFragments [][]int `json:"cue_fragments"`
	} `json:"attributions"`
}

// stats counts, per lower-case word form, its occurrences and how many of
// them fall inside a gold cue.
type stats struct {
	occ, cue map[string]int
}

func newStats() *stats { return &stats{occ: map[string]int{}, cue: map[string]int{}} }

func (s *stats) addFile(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var g gold
	if err := json.Unmarshal(b, &g); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	text := []rune(g.Text)
	inCue := make([]bool, len(text))
	for _, a := range g.Attributions {
		frags := a.CueFragments
		if len(frags) == 0 && len(a.CueSpan) == 2 {
			frags = [][]int{a.CueSpan}
		}
		for _, f := range frags {
			if len(f) != 2 {
				continue
			}
			for i := max(f[0], 0); i < f[1] && i < len(text); i++ {
				inCue[i] = true
			}
		}
	}
	for i := 0; i < len(text); {
		if !wordRune(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && (wordRune(text[j]) || inner(text, j)) {
			j++
		}
		if unicode.IsLower(text[i]) {
			w := strings.ReplaceAll(string(text[i:j]), "’", "'")
			s.occ[w]++
			if inCue[i] {
				s.cue[w]++
			}
		}
		i = j
	}
	return nil
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// inner reports whether the hyphen or apostrophe at j joins two letters.
func inner(t []rune, j int) bool {
	return (t[j] == '-' || t[j] == '\'' || t[j] == '’') && j > 0 && j+1 < len(t) && wordRune(t[j-1]) && wordRune(t[j+1])
}

// row is one learned cue form.
type row struct {
	form, lemma, act string
	cue, occ         int
}

// pick returns the forms that are cues often enough and not yet known,
// most frequent first.
func (s *stats) pick(known map[string]string, closed map[string]bool, minCount int, minRatio float64) []row {
	var out []row
	for w, c := range s.cue {
		o := s.occ[w]
		if c < minCount || float64(c) < minRatio*float64(o) || closed[w] || len(w) < 4 ||
			strings.HasSuffix(w, "ly") || strings.ContainsAny(w, "0123456789'") {
			continue
		}
		if _, ok := known[w]; ok {
			continue
		}
		lemma, act := speechAct(w, known)
		out = append(out, row{form: w, lemma: lemma, act: act, cue: c, occ: o})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].cue != out[j].cue {
			return out[i].cue > out[j].cue
		}
		return out[i].form < out[j].form
	})
	return out
}

// knownCues maps every cue form of cues.tsv to its lemma and speech act
// ("lemma\tact").
func knownCues(path string) (map[string]string, error) {
	m := map[string]string{}
	err := eachRow(path, func(f []string) {
		if len(f) < 5 {
			return
		}
		for _, form := range strings.Split(f[1], ",") {
			if _, ok := m[form]; !ok {
				m[form] = f[0] + "\t" + f[3]
			}
		}
		if _, ok := m["="+f[0]]; !ok {
			m["="+f[0]] = f[0] + "\t" + f[3] // the lemma itself, for speechAct
		}
	})
	return m, err
}

// closedWords returns every word of words.tsv's closed classes.
func closedWords(path string) (map[string]bool, error) {
	m := map[string]bool{}
	err := eachRow(path, func(f []string) {
		if len(f) < 2 {
			return
		}
		for _, w := range strings.Split(f[1], ",") {
			m[w] = true
		}
	})
	return m, err
}

func eachRow(path string, fn func([]string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fn(strings.Split(line, "\t"))
	}
	return sc.Err()
}
