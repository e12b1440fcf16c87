package extract

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// A cue model decides whether a word the cue lexicon does not list is a cue
// here ("backing", "wanted", "railed"), from the word and the words around
// it. It is a linear model (an averaged perceptron) trained on PolNeAR train
// by `go generate ./extract` (learn_test.go); data/cuemodel.tsv holds its
// weights, keyed by single words and word classes only.

// featKey is one feature: a kind and one or two strings.
type featKey struct {
	kind uint8
	a, b string
}

// Feature kinds.
const (
	fBias uint8 = iota
	fWord
	fSuffix
	fPrev
	fNext
	fPrevClass
	fNextClass
	fPrev2Class
	fNext2Class
	fWordNextClass
	fWordPrevClass
	fSuffixNextClass
	fSuffixPrevClass
	fPrevNextClass
	fPrev2
	fNext2
)

// cueModel is the weights, read once from data/cuemodel.tsv.
type cueModel struct {
	w     map[featKey]float32
	vocab map[string]bool // words common enough to be features
}

func (l *lexicon) loadCueModel() error {
	l.model = &cueModel{w: map[featKey]float32{}, vocab: map[string]bool{}}
	return eachRow("data/cuemodel.tsv", 4, func(f []string) error {
		kind, err := strconv.Atoi(f[0])
		if err != nil || kind > int(fNext2) {
			return fmt.Errorf("bad feature kind %q", f[0])
		}
		w, err := strconv.ParseFloat(f[3], 32)
		if err != nil {
			return err
		}
		if uint8(kind) == fWord {
			l.model.vocab[f[1]] = true
		}
		l.model.w[featKey{uint8(kind), f[1], f[2]}] = float32(w)
		return nil
	})
}

// cueCandidate reports whether the model decides on toks[k]: a lower-case
// word outside quotations that is neither a closed-class word nor an
// adverb. For a cue the lexicon lists, the model can only veto it.
func (x *doc) cueCandidate(k int) bool {
	t := x.toks[k]
	return t.kind == tWord && !t.cap && !x.quoted[k] && len(t.lower) >= 3 && lex.class[t.lower] == 0 &&
		!strings.HasSuffix(t.lower, "ly") && !isDigit(t.lower) && !strings.ContainsRune(t.lower, '\'')
}

// cueFeatures calls fn with every feature of toks[k]. vocab maps rare
// words to "" (nil: keep every word, when training).
func (x *doc) cueFeatures(k int, vocab map[string]bool, fn func(featKey)) {
	w := x.toks[k].lower
	if vocab != nil && !vocab[w] {
		w = ""
	}
	suf := w
	if t := x.toks[k].lower; len(t) > 3 {
		suf = t[len(t)-3:]
	}
	p1, n1 := x.wordAt(k-1, vocab), x.wordAt(k+1, vocab)
	pc, nc := x.classAt(k-1), x.classAt(k+1)
	lexCue := ""
	if x.isCue(k) {
		lexCue = "lexicon"
	}
	fn(featKey{fBias, lexCue, ""})
	fn(featKey{fWord, w, ""})
	fn(featKey{fSuffix, suf, ""})
	fn(featKey{fPrev, p1, ""})
	fn(featKey{fNext, n1, ""})
	fn(featKey{fPrevClass, pc, ""})
	fn(featKey{fNextClass, nc, ""})
	fn(featKey{fPrev2Class, x.classAt(k - 2), ""})
	fn(featKey{fNext2Class, x.classAt(k + 2), ""})
	fn(featKey{fWordNextClass, w, nc})
	fn(featKey{fWordPrevClass, w, pc})
	fn(featKey{fSuffixNextClass, suf, nc})
	fn(featKey{fSuffixPrevClass, suf, pc})
	fn(featKey{fPrevNextClass, pc, nc})
	fn(featKey{fPrev2, x.wordAt(k-2, vocab), ""})
	fn(featKey{fNext2, x.wordAt(k+2, vocab), ""})
}

// wordAt is toks[k]'s lower-case form, "" when rare, "^" or "$" outside
// the text.
func (x *doc) wordAt(k int, vocab map[string]bool) string {
	switch {
	case k < 0:
		return "^"
	case k >= len(x.toks):
		return "$"
	}
	w := x.toks[k].lower
	if vocab != nil && !vocab[w] && lex.class[w] == 0 && x.toks[k].kind == tWord {
		return ""
	}
	return w
}

// classAt is a coarse class of toks[k]: what a cue's neighbours look like.
func (x *doc) classAt(k int) string {
	if k < 0 || k >= len(x.toks) {
		return "edge"
	}
	t := x.toks[k]
	switch {
	case t.kind == tOpenQ:
		return "openq"
	case t.kind == tCloseQ:
		return "closeq"
	case t.kind == tPunct:
		return t.text
	case lex.is(t.lower, wPron):
		return "pron"
	case t.lower == "that" || t.lower == "'s" || t.lower == "to" || t.lower == "who":
		return t.lower
	case lex.is(t.lower, wNeg):
		return "neg"
	case lex.is(t.lower, wBe):
		return "be"
	case lex.is(t.lower, wAux):
		return "aux"
	case lex.is(t.lower, wDet):
		return "det"
	case lex.is(t.lower, wPrep):
		return "prep"
	case lex.is(t.lower, wConj|wRel|wStop):
		return "conj"
	case t.cap:
		return "cap"
	case isDigit(t.lower):
		return "num"
	case lex.is(t.lower, wRole|wBody|wGroup):
		return "role"
	case isAdverb(t):
		return "adv"
	}
	if _, _, ok := lex.cue(x.toks, k); ok {
		return "cue"
	}
	return "word"
}

// modelCue returns the reading of toks[k] as a cue the model finds, with
// the speech act of a lexicon verb it inflects.
func (x *doc) modelCue(k int) (cueEntry, bool) {
	m := lex.model
	if len(m.w) == 0 || !x.cueCandidate(k) || x.isCue(k) || x.cueScore(k) <= 0 {
		return cueEntry{}, false
	}
	w := x.toks[k].lower
	e := cueEntry{act: schema.Assert, frame: frameSay, object: true}
	if act, ok := lex.acts[w]; ok {
		return cueEntry{base: w, act: act, frame: frameSay, object: true}, true // a bare lemma wants a plural subject
	}
	for _, b := range stems(w) {
		if act, ok := lex.acts[b]; ok {
			e.base, e.act = b, act
			break
		}
	}
	return e, true
}

// vetoMargin is how sure the model must be to veto a lexicon cue; chosen on
// half of PolNeAR train with the model trained on the other half.
const vetoMargin = 5

// cueScore is the model's score for toks[k] being a cue.
func (x *doc) cueScore(k int) float32 {
	m := lex.model
	var s float32
	x.cueFeatures(k, m.vocab, func(f featKey) { s += m.w[f] })
	return s
}

// vetoed reports whether the model is sure that a lexicon cue at toks[k]
// is no cue here ("a 30% decline", "offered a glimpse").
func (x *doc) vetoed(k int) bool {
	return len(lex.model.w) > 0 && x.cueCandidate(k) && x.cueScore(k) < -vetoMargin
}

// stems lists the base forms w may inflect: "refusing" -> refuse.
func stems(w string) []string {
	var out []string
	for _, suf := range []string{"ing", "ed", "es", "s", "d"} {
		if !strings.HasSuffix(w, suf) || len(w) <= len(suf)+2 {
			continue
		}
		b := w[:len(w)-len(suf)]
		out = append(out, b, b+"e")
		if n := len(b); b[n-1] == b[n-2] {
			out = append(out, b[:n-1])
		}
	}
	return out
}
