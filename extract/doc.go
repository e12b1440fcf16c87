package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// doc is one article being read: its tokens, sentences and what the rules
// have learnt about it so far. It lives for one call of Claims.
type doc struct {
	text     string
	toks     []token
	mentions []mention         // gazetteer names in the text, in order
	regions  []mention         // the regions among them, for "the disputed region"
	names    map[string]string // a surname -> the full name the text gave first
	surnames map[string]bool   // class words the text gave as a surname ("Al From"): see classSurname
	parties  []*place          // the two countries the text is about
	bodies   []schema.Actor    // government bodies named as speakers so far, each once
	persons  []personMention   // people named as speakers so far, for pronouns
	people   []personMention   // every full name in the text, for pronouns
	quoted   []bool            // whether each token is inside a quotation
	figures  []schema.Quantity // every figure in the text, found once: see figuresIn
	classes  []string          // each token's class for the cue model, found once: see classAt
}

// quoteDepths marks the tokens inside quotation marks. A quotation that is
// not closed by the end of its line is taken not to be one.
func quoteDepths(toks []token) []bool {
	in := make([]bool, len(toks))
	open, inner := -1, 0
	for k, t := range toks {
		if t.nl && open >= 0 {
			clear(in[open:k])
			open, inner = -1, 0
		}
		switch {
		case t.kind == tOpenQ && open < 0:
			open = k
		case t.kind == tOpenQ && straight(toks[open].text) && !straight(t.text):
			inner++ // "PENCE: ... an episode of “Shark Tank.” But ...
			in[k] = true
		case t.kind == tCloseQ && open >= 0 && inner > 0:
			inner--
			in[k] = true
		case t.kind == tCloseQ && open >= 0:
			open = -1
		case open >= 0:
			in[k] = true
		}
	}
	if open >= 0 {
		clear(in[open:])
	}
	return in
}

// straight reports whether a quotation mark is a straight one ("), which
// closes only a straight one: a line opened by " may hold “curly” marks.
func straight(q string) bool { return q == `"` || q == "''" }

// mention is a gazetteer name at tokens [at, end).
type mention struct {
	at, end int
	r       ref
}

type personMention struct {
	at     int
	actors []schema.Actor
}

// newDoc tokenizes text and indexes what resolution needs: gazetteer
// mentions, full names and the two main parties.
func newDoc(text string) *doc {
	x := &doc{text: text, toks: tokenize(text), names: map[string]string{}, surnames: map[string]bool{}}
	x.quoted = quoteDepths(x.toks)
	x.findMentions()
	x.findNames()
	x.parties = x.findParties()
	return x
}

// findMentions records every gazetteer name in the text, longest first.
func (x *doc) findMentions() {
	for k := 0; k < len(x.toks); k++ {
		if x.toks[k].kind != tWord {
			continue
		}
		if r, n := x.lookup(k, len(x.toks)); n > 0 {
			x.mentions = append(x.mentions, mention{k, k + n, r})
			if r.p.typ == "region" {
				x.regions = append(x.regions, mention{k, k + n, r})
			}
			k += n - 1
		}
	}
}

// lookup returns the longest gazetteer entry starting at token k, before hi,
// and how many tokens it takes. A hyphenated word is looked up by its last
// part too ("pro-Turkish").
func (x *doc) lookup(k, hi int) (ref, int) {
	t := x.toks[k]
	if t.kind != tWord {
		return ref{}, 0
	}
	for _, sq := range lex.gaz.first[t.lower] {
		if k+len(sq.words) > hi || !t.cap && sq.r.p.typ != "body" {
			continue
		}
		ok := true
		for i, w := range sq.words[1:] {
			ok = ok && x.toks[k+1+i].lower == w
		}
		if ok {
			return sq.r, len(sq.words)
		}
	}
	if i := strings.LastIndexByte(t.lower, '-'); i > 0 && i+1 < len(t.lower) {
		for _, sq := range lex.gaz.first[t.lower[i+1:]] {
			if len(sq.words) == 1 && sq.r.p.typ == "country" {
				return sq.r, 1
			}
		}
	}
	return ref{}, 0
}

// findNames maps the last word of every run of two or more capitalised words
// that are not roles or places ("President Vladimir Putin") to the run, so
// that a later "Putin" resolves to "Vladimir Putin".
func (x *doc) findNames() {
	run := 0
	for k := 0; k <= len(x.toks); k++ {
		if k < len(x.toks) && x.nameWord(k) && !x.toks[k].para {
			run++
			continue
		}
		if k < len(x.toks) && x.nameWord(k) {
			run = 1
			continue
		}
		if run >= 1 && x.classSurname(k) {
			last := x.toks[k].lower
			x.surnames[last] = true
			if _, seen := x.names[last]; !seen {
				x.names[last] = x.text[x.toks[k-run].bs:x.toks[k].be]
			}
		}
		if run >= 2 {
			last := x.toks[k-1].lower
			full := x.text[x.toks[k-run].bs:x.toks[k-1].be]
			if _, seen := x.names[last]; !seen {
				x.names[last] = full
			}
			x.people = append(x.people, personMention{at: k - run, actors: []schema.Actor{schema.NewActor(full, schema.KindPerson)}})
		}
		run = 0
	}
}

// classSurname reports whether toks[k], after a first name, is a surname
// that the lexicon knows as a time word or a preposition ("Kristen Day,",
// "Al From ("): capitalised, with a name before it and a punctuation mark
// after it. A later "Day said" is then the person, not a time. Days,
// months and the like are left out: "in Des Moines Monday,".
func (x *doc) classSurname(k int) bool {
	if k+1 >= len(x.toks) || k == 0 || x.toks[k].para {
		return false
	}
	t, n := x.toks[k], x.toks[k+1]
	if t.kind != tWord || !t.cap || !lex.is(t.lower, wTime|wPrep) || calendarWords[t.lower] || x.toks[k-1].lower == "mr." {
		return false
	}
	return n.text == "," || n.text == "(" || n.text == "." || n.text == ";"
}

// calendarWords are time words that never end a name.
var calendarWords = wordSet(`today yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday sunday
		january february march april june july august september october november december then however meanwhile
		this last late early earlier later recently previously ago overnight morning afternoon evening night weekend`)

// nameWord reports whether toks[k] may be part of a person's name.
func (x *doc) nameWord(k int) bool {
	t := x.toks[k]
	if t.kind != tWord || !t.cap || lex.class[t.lower] != 0 {
		return false
	}
	_, ok := lex.gaz.keys[t.lower]
	return !ok
}

// findParties returns the two countries most often named together ("Armenia
// and Azerbaijan"), or failing that the two named most often.
func (x *doc) findParties() []*place {
	pairs := map[[2]*place]int{}
	count := map[*place]int{}
	var order []*place
	for i, m := range x.mentions {
		c := m.r.p.country()
		if c == nil || m.r.p.typ == "person" {
			continue
		}
		if count[c] == 0 {
			order = append(order, c)
		}
		count[c]++
		if i+1 < len(x.mentions) {
			n := x.mentions[i+1]
			d := n.r.p.country()
			if d != nil && d != c && n.at == m.end+1 && (x.toks[m.end].lower == "and" || x.toks[m.end].text == ",") {
				pairs[[2]*place{c, d}]++
			}
		}
	}
	best, bestN := [2]*place{}, 0
	for _, a := range order {
		for _, b := range order {
			if n := pairs[[2]*place{a, b}] + pairs[[2]*place{b, a}]; a != b && n > bestN {
				best, bestN = [2]*place{a, b}, n
			}
		}
	}
	if bestN > 0 {
		return best[:]
	}
	return topTwo(order, count)
}

func topTwo(order []*place, count map[*place]int) []*place {
	var out []*place
	for len(out) < 2 {
		var best *place
		for _, p := range order {
			if (best == nil || count[p] > count[best]) && (len(out) == 0 || out[0] != p) {
				best = p
			}
		}
		if best == nil {
			break
		}
		out = append(out, best)
	}
	return out
}
