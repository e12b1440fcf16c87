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

// cueModel is the weights, read once from data/cuemodel.tsv. A feature's
// strings are interned as numbers, so that scoring a word hashes integers.
type cueModel struct {
	w     map[uint64]float32
	ids   map[string]uint32 // every string of a feature; 0 is none
	vocab map[string]bool   // words common enough to be features
}

// key packs a feature of interned strings into one map key.
func key(kind uint8, a, b uint32) uint64 { return uint64(kind)<<48 | uint64(a)<<24 | uint64(b) }

func (m *cueModel) intern(s string) uint32 {
	id, ok := m.ids[s]
	if !ok {
		id = uint32(len(m.ids) + 1)
		m.ids[s] = id
	}
	return id
}

func (l *lexicon) loadCueModel() error {
	m := &cueModel{w: map[uint64]float32{}, ids: map[string]uint32{}, vocab: map[string]bool{}}
	l.model = m
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
			m.vocab[f[1]] = true
		}
		m.w[key(uint8(kind), m.intern(f[1]), m.intern(f[2]))] = float32(w)
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

// The strings a word's features are made of, by slot.
const (
	sEmpty = iota
	sLexicon
	sWord
	sSuffix
	sPrev
	sNext
	sPrev2
	sNext2
	sPrevClass
	sNextClass
	sPrev2Class
	sNext2Class
	nSlots
)

// features lists every feature as its kind and the slots of its strings.
var features = [...]struct {
	kind uint8
	a, b int
}{
	{fBias, sLexicon, sEmpty}, {fWord, sWord, sEmpty}, {fSuffix, sSuffix, sEmpty},
	{fPrev, sPrev, sEmpty}, {fNext, sNext, sEmpty}, {fPrevClass, sPrevClass, sEmpty},
	{fNextClass, sNextClass, sEmpty}, {fPrev2Class, sPrev2Class, sEmpty}, {fNext2Class, sNext2Class, sEmpty},
	{fWordNextClass, sWord, sNextClass}, {fWordPrevClass, sWord, sPrevClass},
	{fSuffixNextClass, sSuffix, sNextClass}, {fSuffixPrevClass, sSuffix, sPrevClass},
	{fPrevNextClass, sPrevClass, sNextClass}, {fPrev2, sPrev2, sEmpty}, {fNext2, sNext2, sEmpty},
}

// cueSlots fills the strings of toks[k]'s features. vocab maps rare words
// to "" (nil: keep every word, when training).
func (x *doc) cueSlots(k int, vocab map[string]bool, s *[nSlots]string) {
	w := x.toks[k].lower
	if vocab != nil && !vocab[w] {
		w = ""
	}
	s[sSuffix] = w
	if t := x.toks[k].lower; len(t) > 3 {
		s[sSuffix] = t[len(t)-3:]
	}
	s[sEmpty], s[sWord] = "", w
	s[sLexicon] = ""
	if x.isCue(k) {
		s[sLexicon] = "lexicon"
	}
	s[sPrev], s[sNext] = x.wordAt(k-1, vocab), x.wordAt(k+1, vocab)
	s[sPrev2], s[sNext2] = x.wordAt(k-2, vocab), x.wordAt(k+2, vocab)
	s[sPrevClass], s[sNextClass] = x.classAt(k-1), x.classAt(k+1)
	s[sPrev2Class], s[sNext2Class] = x.classAt(k-2), x.classAt(k+2)
}

// cueFeatures calls fn with every feature of toks[k], for training.
func (x *doc) cueFeatures(k int, vocab map[string]bool, fn func(featKey)) {
	var s [nSlots]string
	x.cueSlots(k, vocab, &s)
	for _, f := range features {
		fn(featKey{f.kind, s[f.a], s[f.b]})
	}
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
// It is worked out once a token.
func (x *doc) classAt(k int) string {
	if k < 0 || k >= len(x.toks) {
		return "edge"
	}
	if x.classes == nil {
		x.classes = make([]string, len(x.toks))
	}
	if c := x.classes[k]; c != "" {
		return c
	}
	x.classes[k] = x.class(k)
	return x.classes[k]
}

func (x *doc) class(k int) string {
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
	if len(m.w) == 0 || !x.cueCandidate(k) || x.isCue(k) || bridgeAdverbs[x.toks[k].lower] || x.cueScore(k) <= 0 {
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

// cueScore is the model's score for toks[k] being a cue: its strings are
// looked up once, then each feature by number.
func (x *doc) cueScore(k int) float32 {
	m := lex.model
	var s [nSlots]string
	var ids [nSlots]uint32
	x.cueSlots(k, m.vocab, &s)
	for i, str := range s {
		ids[i] = m.ids[str]
	}
	var sum float32
	for _, f := range features {
		sum += m.w[key(f.kind, ids[f.a], ids[f.b])]
	}
	return sum
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
