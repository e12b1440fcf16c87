package main

import (
	"fmt"
	"os"
	"strings"
)

// stemActs gives a speech act to learned cues whose lemma cues.tsv does not
// have, by the start of the word.
var stemActs = []struct{ stem, act string }{
	{"rail", "denounce"}, {"lambast", "denounce"}, {"rebuk", "denounce"}, {"derid", "denounce"},
	{"bemoan", "denounce"}, {"scold", "denounce"}, {"chastis", "denounce"}, {"excoriat", "denounce"},
	{"berat", "denounce"}, {"castigat", "denounce"}, {"disparag", "denounce"}, {"ridicul", "denounce"},
	{"insult", "denounce"}, {"blam", "accuse"}, {"plead", "appeal"}, {"implor", "appeal"},
	{"beg", "appeal"}, {"press", "appeal"}, {"push", "appeal"}, {"advocat", "appeal"},
	{"disclos", "announce"}, {"unveil", "announce"}, {"releas", "announce"}, {"issu", "announce"},
	{"signal", "announce"}, {"vot", "announce"}, {"project", "predict"}, {"anticipat", "predict"},
	{"doubt", "question"}, {"query", "question"}, {"refus", "reject"}, {"balk", "reject"},
	{"veto", "reject"}, {"disagree", "reject"}, {"distanc", "reject"}, {"concur", "acknowledge"},
	{"conced", "acknowledge"}, {"apolog", "acknowledge"},
}

// speechAct guesses a learned form's lemma and act: a cues.tsv lemma the
// form inflects ("refusing" -> refuse), else a stem above, else assert.
func speechAct(w string, known map[string]string) (lemma, act string) {
	for _, l := range lemmas(w) {
		if v, ok := known["="+l]; ok {
			f := strings.SplitN(v, "\t", 2)
			return f[0], f[1]
		}
	}
	for _, s := range stemActs {
		if strings.HasPrefix(w, s.stem) {
			return base(w), s.act
		}
	}
	return base(w), "assert"
}

// base strips a verbal ending, so that only a bare form ("favor", "doubt")
// keeps its own lemma, which the extractor reads as needing a plural subject.
func base(w string) string {
	for _, suf := range []string{"ing", "ed"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// lemmas lists the base forms w may inflect, most likely first.
func lemmas(w string) []string {
	out := []string{w}
	for _, suf := range []string{"ing", "ed", "es", "s", "d"} {
		if !strings.HasSuffix(w, suf) || len(w) <= len(suf)+2 {
			continue
		}
		b := w[:len(w)-len(suf)]
		out = append(out, b, b+"e")
		if n := len(b); n > 2 && b[n-1] == b[n-2] {
			out = append(out, b[:n-1]) // "rebutted"
		}
		if strings.HasSuffix(b, "i") {
			out = append(out, b[:len(b)-1]+"y") // "denied"
		}
	}
	return out
}

// write saves the learned lexicon in cues.tsv's format.
func write(path string, rows []row, files, minCount int, minRatio float64) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Cue forms learned from %d gold files by `go run ./extract/internal/train`\n", files)
	fmt.Fprintf(&b, "# (a form is kept when at least %d of its lower-case occurrences, and at least %.0f%%,\n", minCount, 100*minRatio)
	b.WriteString("# are in a gold cue). Generated: edit the trainer, not this file. Columns as in\n")
	b.WriteString("# cues.tsv, then the form's cue count and occurrences.\n")
	b.WriteString("#lemma\tforms\tparticle\tact\tframe\tskip\tcue\toccurrences\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%s\t\t%s\tsay\t\t%d\t%d\n", r.lemma, r.form, r.act, r.cue, r.occ)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
