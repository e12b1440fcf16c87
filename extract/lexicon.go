package extract

import (
	"bufio"
	"embed"
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Cue frames: how the words around a cue verb are read.
const (
	frameSay    = "say"     // SPEAKER said (that) CONTENT, or CONTENT, SPEAKER said
	frameTell   = "tell"    // SPEAKER told RECIPIENT (that) CONTENT
	frameAccuse = "accuse"  // SPEAKER accused TARGET of CONTENT
	framePrep   = "prep"    // according to SPEAKER, CONTENT
	frameNoun   = "nominal" // SPEAKER's claim that CONTENT
)

// cueEntry is one reading of a cue word, from data/cues.tsv.
type cueEntry struct {
	particle string // a word that must follow, part of the cue ("for")
	act      schema.SpeechAct
	frame    string
	skip     string // a word skipped at the content's start ("to")
	base     string // the verb's base form ("appeal"), which needs a plural or an auxiliary
	object   bool   // a noun phrase object is the content ("endorsed Trump in June"), as npobj
}

// eventWord is one event trigger, from data/events.tsv.
type eventWord struct{ noun, kind string }

// lexicon holds every table the rules read. It is built once, at package
// initialisation, and never written afterwards.
type lexicon struct {
	cues   map[string][]cueEntry // by lower-case form
	class  map[string]uint32     // word -> bit set of word classes
	events map[string]eventWord
	gaz    *gazetteer
	acts   map[string]schema.SpeechAct // a cue lemma's first speech act
	model  *cueModel
}

// Word classes, from data/words.tsv.
const (
	wAux uint32 = 1 << iota
	wNeg
	wBe
	wTime
	wDet
	wRole
	wBody
	wGroup
	wMod
	wPron
	wConj
	wRel
	wStop
	wRecipient
	wMedium
	wAbbr
	wPrep
	wAnaphor
	wRecip
	wKeep
	wQuant
	wAside
	wWeak
	wCollective
	wAsideEnd
	wNPObj
	wNPEnd
)

var classNames = map[string]uint32{
	"aux": wAux, "neg": wNeg, "be": wBe, "time": wTime, "det": wDet, "role": wRole,
	"body": wBody, "group": wGroup, "mod": wMod, "pron": wPron, "conj": wConj, "rel": wRel,
	"stop": wStop, "recipient": wRecipient, "medium": wMedium, "abbr": wAbbr, "prep": wPrep, "anaphor": wAnaphor, "recip": wRecip, "keep": wKeep, "quant": wQuant, "aside": wAside, "weak": wWeak, "collective": wCollective, "asideend": wAsideEnd, "npobj": wNPObj, "npend": wNPEnd,
}

// lex is set once, by init, and only read afterwards. (An initialiser
// expression would make a cycle: the gazetteer is tokenized when loaded.)
var lex *lexicon

func init() { lex = mustLexicon() }

func mustLexicon() *lexicon {
	l, err := loadLexicon()
	if err != nil {
		panic(err) // the data files are embedded: a broken one is a build defect
	}
	return l
}

func loadLexicon() (*lexicon, error) {
	l := &lexicon{cues: map[string][]cueEntry{}, class: map[string]uint32{}, events: map[string]eventWord{}, acts: map[string]schema.SpeechAct{}}
	for _, load := range []func() error{l.loadCues, l.loadWords, l.loadEvents, l.loadCueModel} {
		if err := load(); err != nil {
			return nil, err
		}
	}
	var err error
	l.gaz, err = loadGazetteer()
	return l, err
}

// loadCues reads the hand-made cue lexicon, then the forms learned from gold
// attributions (data/learned.tsv, written by extract/internal/train).
func (l *lexicon) loadCues() error {
	if err := l.loadCueFile("data/cues.tsv"); err != nil {
		return err
	}
	return l.loadCueFile("data/learned.tsv")
}

func (l *lexicon) loadCueFile(name string) error {
	return eachRow(name, 5, func(f []string) error {
		e := cueEntry{base: f[0], particle: f[2], act: schema.SpeechAct(f[3]), frame: f[4], skip: field(f, 5)}
		if !e.act.Valid() {
			return fmt.Errorf("unknown speech act %q", f[3])
		}
		for _, form := range strings.Split(f[1], ",") {
			l.cues[form] = append(l.cues[form], e)
		}
		if _, ok := l.acts[e.base]; !ok && e.frame != frameNoun {
			l.acts[e.base] = e.act
		}
		return nil
	})
}

func (l *lexicon) loadWords() error {
	return eachRow("data/words.tsv", 2, func(f []string) error {
		bit, ok := classNames[f[0]]
		if !ok {
			return fmt.Errorf("unknown word class %q", f[0])
		}
		for _, w := range strings.Split(f[1], ",") {
			l.class[w] |= bit
			if bit == wRole {
				l.class[plural(w)] |= wGroup
			}
		}
		return nil
	})
}

func (l *lexicon) loadEvents() error {
	return eachRow("data/events.tsv", 3, func(f []string) error {
		l.events[f[0]] = eventWord{noun: f[1], kind: f[2]}
		return nil
	})
}

// eachRow calls fn with the tab-separated fields of every row of an embedded
// file that is neither blank nor a comment.
func eachRow(name string, minFields int, fn func([]string) error) error {
	f, err := dataFS.Open(name)
	if err != nil {
		return fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < minFields {
			return fmt.Errorf("%s:%d: want %d fields, have %d", name, n, minFields, len(fields))
		}
		if err := fn(fields); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	return sc.Err()
}

func field(f []string, i int) string {
	if i < len(f) {
		return strings.TrimSpace(f[i])
	}
	return ""
}

func (l *lexicon) is(word string, class uint32) bool { return l.class[word]&class != 0 }

// cue returns the reading of the cue word at toks[i], and how many tokens the
// cue takes (two with a particle, three with "it" before it).
func (l *lexicon) cue(toks []token, i int) (cueEntry, int, bool) {
	if i+1 < len(toks) && toks[i].lower == "think" && strings.HasPrefix(toks[i+1].lower, "tank") {
		return cueEntry{}, 0, false // "a liberal think tank"
	}
	for _, e := range l.cues[toks[i].lower] {
		if e.frame == frameNoun {
			continue
		}
		if e.particle == "" {
			return e, 1, true
		}
		if i+1 < len(toks) && toks[i+1].lower == e.particle {
			return e, 2, true
		}
		if i+2 < len(toks) && toks[i+1].lower == "it" && toks[i+2].lower == e.particle {
			return e, 3, true // "made it clear"
		}
	}
	return cueEntry{}, 0, false
}

// plural is the regular plural of a role noun: "spokesmen", "advisers".
func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "man"):
		return w[:len(w)-3] + "men"
	case strings.HasSuffix(w, "y") && !strings.HasSuffix(w, "ey"):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	}
	return w + "s"
}

// noun returns the reading of the speech noun at toks[i] ("claim",
// "denial"), preferring one whose particle follows it ("attacks on").
func (l *lexicon) noun(toks []token, i int) (cueEntry, bool) {
	var plain cueEntry
	ok := false
	for _, e := range l.cues[toks[i].lower] {
		switch {
		case e.frame != frameNoun:
		case e.particle == "":
			plain, ok = e, true
		case i+1 < len(toks) && toks[i+1].lower == e.particle:
			return e, true
		}
	}
	return plain, ok
}

// wordSet is the set of the space-separated words in words, for the word
// lists the rules keep in code.
func wordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}
