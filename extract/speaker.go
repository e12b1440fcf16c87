package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// subject finds c's speaker left of the bridge ending at token j.
func (x *doc) subject(c *cand, j int, prior []*cand) bool {
	lo := c.sent.lo
	if j < lo {
		return false
	}
	t := x.toks[j]
	if p := x.floatingQuantifier(j, lo); p >= 0 {
		return x.subject(c, p, prior) // "Ruiz, Berg and Park have all said": the phrase before "all" speaks
	}
	switch {
	case t.kind == tWord && lex.is(t.lower, wPron) && (!t.cap || j == lo || t.lower == "i"):
		c.speaker, c.conf = span{j, j + 1}, 0.6
		return t.lower != "you" // "you" is most often the reader; "I" and "we" the author (claim.go)
	case (t.lower == "who" || x.relativeSubject(c, j)) && j > lo:
		end := j
		if x.toks[j-1].text == "," || isDash(x.toks[j-1].text) && x.toks[j-1].kind == tPunct {
			end-- // "38 percent — who said": the dash closes an aside, as a comma does
		}
		c.speaker, c.antecedent = span{j, j + 1}, x.leftNP(lo, end)
		if c.antecedent.empty() && t.lower == "who" {
			c.antecedent = x.looseAntecedent(lo, end)
			c.loose = !c.antecedent.empty() // "those who said", "two in five who say": the phrase is the actor
		}
		return !c.antecedent.empty()
	case t.lower == "whom" && j-2 > lo && x.toks[j-1].lower == "of" && (lex.is(x.toks[j-2].lower, wDet|wQuant) || numeral(x.toks[j-2].lower)):
		end := j - 2
		if x.toks[end-1].text == "," {
			end-- // "the senators, both of whom opposed it": the phrase before the comma is theirs
		}
		c.speaker, c.antecedent = span{j - 2, j + 1}, x.leftNP(lo, end)
		return !c.antecedent.empty()
	case lex.is(t.lower, wRel):
		return false
	case x.coordinated(c, j):
		return x.shared(c, j, prior)
	}
	if (t.lower == "here" || t.lower == "there") && j > lo && x.toks[j-1].kind == tWord && !x.verbLike(j-1) && !lex.is(x.toks[j-1].lower, wPron|wPrep|wConj|wRel|wAux|wBe) {
		return x.subject(c, j-1, prior) // "Officials here said": a place adverb after the subject
	}
	if t.kind == tWord {
		if x.whoSubject(c, j) || x.ingSubject(c, j) || x.senderSubject(c, j, prior) {
			return true
		}
		c.speaker = x.leftNP(lo, j+1)
		if p := c.speaker.lo - 1; !c.speaker.empty() && p > lo && lex.is(x.toks[p].lower, wPrep) && x.participleSubject(c, j) {
			return true // "Growers interviewed at the market said": the market is the participle's
		}
		if !c.speaker.empty() {
			c.speaker.lo = x.firstConjunct(c.speaker.lo, lo)
			return true
		}
		if x.participleSubject(c, j) {
			return true
		}
	}
	if t.text == "," {
		if k := x.asideBefore(j, lo); k >= 0 {
			ok := x.subject(c, k, prior) // "Ayotte’s campaign, for example, said"
			if w := x.toks[k+2].lower; ok && c.speaker.hi == k+1 && c.antecedent.empty() && (w == "including" || w == "like") {
				c.antecedent, c.speaker.hi = c.speaker, j+1 // "Other candidates, including Ana Ruiz, said": the phrase is the speaker's
				if h := x.phraseHead(c.speaker.lo, lo); h < c.speaker.lo {
					e := h + 1
					for e < c.antecedent.lo-1 && !headPreps[x.toks[e].lower] {
						e++
					}
					c.speaker.lo, c.antecedent = h, span{h, e} // "Opinion columns across the region, including the Gazette, warned": the columns speak
				}
			}
			return ok
		}
		if invertible(c) && !x.adverbBefore(c, j) && x.namedAfter(c) && x.inverted(c) {
			return true // "..., said Mr. Manafort, citing ..."; "told AFP" names whom
		}
		if j-1 > lo && x.toks[j-1].text == ")" {
			if np := x.leftNP(lo, j); !np.empty() {
				c.speaker, c.antecedent = np, np // "Sen. Ana Berg (D-Ore.), said"
				if k := x.openParen(j-1, np.lo); k > np.lo {
					c.antecedent.hi = k
				}
				return true
			}
		}
		if x.appositive(c, j) {
			return true
		}
	}
	if t.text == "," || t.kind == tCloseQ {
		if invertible(c) && !x.adverbBefore(c, j) && x.inverted(c) {
			return true
		}
		if t.kind == tCloseQ && j > lo && x.toks[j-1].text == "," && x.appositive(c, j) {
			return true // "Jones, citing “the magic of it,” said"
		}
		if t.text != "," {
			return false
		}
		if x.clauseStart(c, j) {
			return true
		}
		return x.listed(c, j, prior)
	}
	if isDash(t.text) {
		return x.dashed(c, j)
	}
	return false
}

// floatingQuantifier returns, when toks[j] is an "all" or "both" that
// follows its subject ("the senators all said", "Ruiz and Park have both
// said"), where that subject ends; -1 otherwise.
func (x *doc) floatingQuantifier(j, lo int) int {
	if w := x.toks[j].lower; w != "all" && w != "both" {
		return -1
	}
	p := j - 1
	if p > lo && lex.is(x.toks[p].lower, wAux|wBe) && x.toks[p].lower != "also" {
		p-- // "have all", "were both"
	}
	if p < lo || x.toks[p].kind != tWord {
		return -1
	}
	if w := x.toks[p].lower; w == "they" || w == "we" || x.head(p) && !lex.is(w, wQuant) {
		return p
	}
	return -1
}

func isDash(s string) bool { return s == "—" || s == "–" || s == "-" || s == "--" || s == "―" }

// dashed reads "Podesta — Bill Clinton's former chief of staff — offered":
// the dash at j closes an aside after the speaker phrase.
func (x *doc) dashed(c *cand, j int) bool {
	quotes := 0
	for p := j - 1; p > c.sent.lo && j-p <= 25; p-- {
		t := x.toks[p]
		if t.kind == tOpenQ || t.kind == tCloseQ {
			quotes++ // "Ruiz - who said she would “fight” - said": a whole quotation may stand in the aside
			continue
		}
		if t.text == ";" {
			return false
		}
		if t.text != x.toks[j].text || quotes%2 == 1 {
			continue
		}
		np := x.leftNP(c.sent.lo, p)
		if np.empty() || p+1 >= j {
			return false
		}
		x.speakerTo(c, np, j)
		return true
	}
	return false
}

// coordinated reports whether the cue opens a second verb phrase of its
// clause: "said X and reported Y", "told AFP, adding", "by saying".
func (x *doc) coordinated(c *cand, j int) bool {
	t := x.toks[j]
	ing := strings.HasSuffix(x.toks[c.cue.lo].lower, "ing") && !(c.conf >= 0.8 && x.beBetween(j, c.cue.lo))
	comma := t.text == "," || isDash(t.text) || t.kind == tCloseQ && j > c.sent.lo && x.toks[j-1].text == ","
	then := j+1 < c.cue.lo && x.commaThen(c, j+1) // "met the farmers, then said"
	return t.lower == "and" || t.lower == "but" || ing && (comma || ingOpeners[t.lower]) || then
}

// beBetween reports whether a form of "be" stands between j and the cue
// in -ing at k: "Jones, a senator, is urging" has its subject before the
// comma, not the participle's ", urging".
func (x *doc) beBetween(j, k int) bool {
	for i := j + 1; i < k; i++ {
		if lex.is(x.toks[i].lower, wBe) {
			return true
		}
	}
	return false
}

// ingOpeners open a participle cue whose speaker is the clause's subject:
// "by saying", "while acknowledging", "in supporting".
var ingOpeners = map[string]bool{"by": true, "while": true, "after": true, "before": true, "in": true, "from": true,
	"when": true, "without": true, "despite": true, "since": true, "through": true}

// shared gives a coordinated cue the speaker of the attribution before it
// in the sentence, or else the sentence's subject.
func (x *doc) shared(c *cand, j int, prior []*cand) bool {
	p := lastBefore(prior, c.cue.lo)
	if p != nil && !(p.speaker.lo > c.sent.lo && subordinators[x.toks[p.speaker.lo-1].lower]) {
		p = lastOuterBefore(prior, c.cue.lo) // "Perdue said he did not believe it, arguing ..."
	}
	if p != nil && p.speaker.lo-1 == c.sent.lo && subordinators[x.toks[c.sent.lo].lower] && strings.HasSuffix(x.toks[c.cue.lo].lower, "ing") && x.toks[j].text == "," {
		if s := x.clauseSubject(c.sent.lo, j); !s.empty() && s.lo >= p.cue.hi {
			p = nil // "When Li asked, Berg stood up, repeating it": the main clause's subject, not the adverbial clause's
		}
	}
	if p != nil && !ingOpeners[x.toks[j].lower] {
		c.inherit, c.speaker, c.antecedent, c.appos, c.outlet, c.conf = p, p.speaker, p.antecedent, p.appos, p.outlet, 0.7
		if s := p.speaker; s.hi-s.lo == 1 && x.toks[s.lo].lower == "who" && !p.antecedent.empty() && x.nextComma(p.cue.hi, c.cue.lo) > 0 {
			c.speaker = p.antecedent // "Reid, who endorsed Clinton, reiterated it, stressing ...": Reid stresses
		}
		return true
	}
	c.speaker, c.conf = x.clauseSubject(c.sent.lo, j), 0.6
	if k := x.lastAndClause(c.sent.lo, j); k > 0 {
		if s := x.clauseSubject(k, j); !s.empty() {
			c.speaker = s // "Li attacked Berg, and the mayor tripped him up by calling": the nearer clause's subject
		}
	}
	if hi := x.subjectAppositive(c.speaker, j); hi > c.speaker.hi {
		c.antecedent, c.speaker.hi = c.speaker, hi // "Ana Ruiz, a former mayor, left early and said"
	}
	return !c.speaker.empty()
}

// subjectAppositive returns where the appositive after a clause's subject
// np ends, with its closing comma, before token j: "Ana Ruiz, a former
// mayor,". Else np.hi.
func (x *doc) subjectAppositive(np span, j int) int {
	if np.empty() {
		return np.hi
	}
	k := np.hi
	if k < j && x.toks[k].text == "(" {
		if e := x.closeParen(k, j); e > 0 {
			k = e + 1 // "Sen. Ana Berg (D-Ore.)"
		}
	}
	if k+1 < j && x.toks[k].text == "," {
		w := x.toks[k+1]
		role := w.kind == tWord && (lex.is(w.lower, wDet|wRole|wMod) && !lex.is(w.lower, wTime) || w.cap && !lex.is(w.lower, wStop|wTime|wPron) || w.lower == "including")
		if e := x.nextComma(k+1, j); e > k+1 && role {
			return e + 1 // not "Ana Ruiz, however,", "Lee, who ran,"
		}
	}
	return np.hi
}

// appositive reads "Smith, a former adviser to the senator, said": the
// comma at j closes an appositive that follows a name. The appositive may
// hold a relative clause, a participle and a quotation ("Jones, citing
// “the magic of it,” said").
func (x *doc) appositive(c *cand, j int) bool {
	return x.appositiveOver(c, j, true) || x.appositiveOver(c, j, false)
}

// appositiveOver is appositive, reading a comma between a place and its
// state as inside the appositive when places is set: "Ana Silva, 67, a
// nurse in Allentown, Pa., said".
func (x *doc) appositiveOver(c *cand, j int, places bool) bool {
	commas, quotes := 0, 0
	lo := x.datelineEnd(c.sent.lo, j) // "PARIS, May 3 (AP) - Acme's chief, Jo Li, said": the dateline is no part of it
	if x.toks[j].kind == tCloseQ {
		quotes++
	}
	for p := j - 1; p > lo && j-p <= maxAppositive; p-- {
		t := x.toks[p]
		if t.kind == tOpenQ || t.kind == tCloseQ {
			quotes++
			continue
		}
		if t.text == ";" {
			return false
		}
		if t.text != "," || x.quoted[p] || places && x.placeComma(p, j) {
			continue
		}
		if commas++; commas > 4 {
			return false
		}
		np := x.leftNP(lo, p)
		if np.empty() || p+1 >= j || quotes%2 == 1 {
			continue
		}
		if h := x.phraseHead(np.lo, lo); h < np.lo {
			np.lo = h // "Opinion columns across the region, including the Gazette, warned"
		}
		c.speaker, c.antecedent, c.appos = span{np.lo, j}, span{np.lo, x.nameEnd(np)}, span{p + 1, j}
		if name := x.outerName(np.lo, lo); !name.empty() {
			c.speaker.lo, c.antecedent = name.lo, name // "Jo Li, head of Acme, a chip maker, said": the name opens it
		} else if role := x.outerRole(np, lo); !role.empty() {
			c.speaker.lo = role.lo // "Acme's chief, Jo Li, a chemist, said": the role opens it
		}
		if quotes > 0 && x.toks[j].kind == tCloseQ {
			c.speaker.hi = j + 1
		}
		if w := x.toks[p+1].lower; p == np.hi && (lex.is(w, wPrep|wAsideEnd|wTime) || subordinators[w] || strings.HasSuffix(w, "ing") && len(w) > 5 && !x.isCue(p+1)) && !npPreps[w] && !x.roleAfter(p+1, j) {
			c.speaker, c.appos = np, span{} // "Blunt, after a long pause, said", "Smith, speaking at a rally, said": an aside
			return true
		}
		if rel := x.toks[p+1].lower; (rel == "who" || rel == "which") && x.cueAt(p+2, j) {
			c.speaker, c.appos = np, span{} // "Trump, who said last week that ..., said": the clause is an attribution of its own
			return true
		}
		if rel := x.toks[p+1].lower; rel == "who" || rel == "which" || j-p > 12 {
			c.appos = span{} // "The official, who spoke on condition of anonymity, said"
		} else if h := x.toks[x.nameEnd(np)-1]; !h.cap {
			// "A top strategist, John Weaver, said": the name is the appositive
			if name := x.leftNP(p+1, j); name.lo == p+1 && x.toks[name.hi-1].cap {
				c.antecedent, c.appos = name, span{}
			} else if !lex.is(h.lower, wRole|wGroup|wBody|wQuant) {
				continue
			}
		}
		return true
	}
	return false
}

// nameEnd is where np ends short of a closing parenthesis: the party and
// state after a name ("Rep. Ana Ruiz (D-Ore.)") do not head it.
func (x *doc) nameEnd(np span) int {
	if np.hi-1 > np.lo && x.toks[np.hi-1].text == ")" {
		if k := x.openParen(np.hi-1, np.lo); k > np.lo {
			return k
		}
	}
	return np.hi
}

// outerName returns the name that opens the clause before an appositive
// that holds commas of its own, the last of which comes before token k
// ("Jo Li, head of Acme, a chip maker,", "Sen. Ed Burr, facing a race in
// Iowa, a swing state,"); empty when the clause opens otherwise.
func (x *doc) outerName(k, lo int) span {
	for q := k - 1; q > lo && k-q <= maxAppositive; q-- {
		t := x.toks[q]
		if t.text == ";" || t.kind == tOpenQ || t.kind == tCloseQ {
			return span{}
		}
		if t.text != "," {
			continue
		}
		name := x.leftNP(lo, q)
		if name.empty() || name.hi != q || !x.toks[name.lo].cap || !x.toks[q-1].cap || lex.is(x.toks[name.lo].lower, wDet|wPron) || x.opener(name, lo) {
			continue
		}
		if name.lo == lo || coordinators[x.toks[name.lo-1].lower] {
			return name
		}
	}
	return span{}
}

// opener reports whether np is one word that opens the sentence as an
// adverb or a dateline before a comma ("Moreover, Jo Li, head of Acme,
// said", "OSLO, May 2 -"), not a name.
func (x *doc) opener(np span, lo int) bool {
	if np.lo != lo || np.hi-np.lo != 1 {
		return false
	}
	t := x.toks[np.lo]
	if len(t.text) > 2 && strings.ToUpper(t.text) == t.text && np.hi+1 < len(x.toks) && x.toks[np.hi].text == "," {
		n := x.toks[np.hi+1]
		return n.cap && lex.is(n.lower, wTime) || isDigit(n.lower) // "OSLO, May 2 -", not "CNN, like ..."
	}
	return strings.HasSuffix(t.lower, "ly") || lex.class[t.lower] != 0 && !lex.is(t.lower, wConj) || connectives[t.lower]
}

// connectives open a sentence before a comma: "Moreover, ...".
var connectives = map[string]bool{"moreover": true, "overall": true, "instead": true, "indeed": true, "together": true,
	"besides": true, "finally": true, "thus": true, "hence": true, "therefore": true, "plus": true, "again": true}

// outerRole returns the role phrase that opens the clause and names the
// role of the name np, an appositive between commas before it ("Acme's
// chief, Jo Li, a chemist, said"); empty when there is none.
func (x *doc) outerRole(np span, lo int) span {
	q := np.lo - 1
	if q <= lo || x.toks[q].text != "," || !x.toks[np.lo].cap || !x.toks[np.hi-1].cap {
		return span{}
	}
	role := x.leftNP(lo, q)
	if role.empty() || role.hi != q || !x.opensClause(role.lo, lo) || x.toks[q-1].cap || !lex.is(x.toks[q-1].lower, wRole) {
		return span{}
	}
	return role
}

// cueAt reports whether a cue verb comes at k, before end, after any
// auxiliaries, negations and adverbs: "has long said", "never endorsed".
func (x *doc) cueAt(k, end int) bool {
	for ; k < end; k++ {
		t := x.toks[k]
		if t.kind != tWord {
			return false
		}
		if !lex.is(t.lower, wAux|wBe|wNeg) && !isAdverb(t) && !bridgeAdverbs[t.lower] && !cueAdverb(t) {
			return x.isCue(k) && t.lower != "voted" // a vote in an aside is no claim: see asideRelative
		}
	}
	return false
}

// subordinators open an adverbial clause: an aside, not an appositive.
var subordinators = map[string]bool{"when": true, "as": true, "while": true, "after": true, "before": true,
	"because": true, "since": true, "although": true, "though": true, "if": true}

// npPreps open a phrase that belongs to the speaker before it: "economists,
// like their colleagues abroad,".
var npPreps = map[string]bool{"of": true, "like": true, "unlike": true, "including": true}

// maxAppositive is the most tokens between a speaker and its cue that
// appositive reads.
const maxAppositive = 45

// lastBefore returns the last attribution whose cue ends before token k.
func lastBefore(prior []*cand, k int) *cand {
	for i := len(prior) - 1; i >= 0; i-- {
		if prior[i].cue.hi <= k {
			return prior[i]
		}
	}
	return nil
}

// lastOuterBefore is lastBefore over the attributions that no other one's
// content holds: in "Perdue said he did not believe it, arguing ..." the
// participle shares Perdue's attribution, not the belief inside it. (An
// attribution in an adverbial clause keeps its verbs: "after Putin
// announced the meeting and appealed for a ceasefire".)
func lastOuterBefore(prior []*cand, k int) *cand {
	for i := len(prior) - 1; i >= 0; i-- {
		p := prior[i]
		if p.cue.hi > k {
			continue
		}
		nested := false
		for _, q := range prior {
			nested = nested || q != p && !q.content.empty() && p.cue.lo >= q.content.lo && p.cue.hi <= q.content.hi
		}
		if !nested {
			return p
		}
	}
	return nil
}

// agrees rejects a base-form cue after a singular subject with no
// auxiliary: "a direct appeal to voters" is a noun, not a cue.
func (x *doc) agrees(c *cand, j int) bool {
	cue := x.toks[c.cue.lo]
	if cue.lower != c.entry.base || c.entry.particle != "" || c.inherit != nil || c.entry.frame == framePrep {
		return true
	}
	if cue.lower == "read" {
		return true // its past is spelt as its base: "..., the letter read."
	}
	if j+1 < c.cue.lo && lex.is(x.toks[c.cue.lo-1].lower, wAux|wNeg) || j+1 < c.cue.lo && x.toks[c.cue.lo-1].lower == "to" {
		return true
	}
	h := x.toks[c.speaker.hi-1]
	if !c.antecedent.empty() {
		h = x.toks[c.antecedent.hi-1]
	}
	np := c.speaker
	if !c.antecedent.empty() {
		np = c.antecedent // "Bush and Christie, who say"
	}
	if w := x.toks[c.speaker.lo].lower; c.speaker.hi-c.speaker.lo == 1 && (w == "i" || w == "we" || w == "you") {
		return true // "we know", "I support"
	}
	for k := np.lo + 1; k < np.hi; k++ {
		if p := x.toks[k-1].lower; lex.is(x.toks[k].lower, wPrep) && len(p) > 3 && strings.HasSuffix(p, "s") && !strings.HasSuffix(p, "ss") && p != "'s" {
			return true // "Executives for the firm say", "Officials in the region believe"
		}
	}
	pluralS := len(h.lower) > 3 && strings.HasSuffix(h.lower, "s") && (!h.cap || h.lower != "'s" && x.plural(np))
	if w := cue.lower; thirdPersonForm(w) {
		if p := c.speaker.lo - 1; p >= c.sent.lo && (x.toks[p].lower == "whom" || x.toks[p].lower == "what") {
			return false // "Hale, whom the mayor considers an ally": the clause's object is gone, no claim
		}
		return h.lower != "they" && h.lower != "people" && !(np.hi-np.lo > 1 && x.hasAnd(np)) && !pluralS
	}
	return h.lower == "they" || h.lower == "people" || np.hi-np.lo > 1 && x.hasAnd(np) ||
		lex.is(h.lower, wGroup|wQuant) || isDigit(h.lower) || pluralS
}

func (x *doc) hasAnd(s span) bool {
	for k := s.lo; k < s.hi; k++ {
		if x.toks[k].lower == "and" {
			return true
		}
	}
	return false
}

// hasWord reports whether the lower-case word w is in s.
func (x *doc) hasWord(s span, w string) bool {
	for k := s.lo; k < s.hi; k++ {
		if x.toks[k].lower == w {
			return true
		}
	}
	return false
}

// asideBefore returns the token before an aside that ends with the comma at
// j (", for example,", ", however,"), or -1.
func (x *doc) asideBefore(j, lo int) int {
	for k := j - 1; k > lo && k >= j-8; k-- {
		if x.toks[k].text != "," {
			continue
		}
		if lex.is(x.toks[j-1].lower, wAsideEnd) && k >= j-3 || x.toks[k+1].lower == "including" {
			return k - 1 // "Several candidates, including Trump, said"
		}
		return -1
	}
	return -1
}

func thirdPerson(t token) bool {
	return t.lower != "i" && t.lower != "we" && t.lower != "you"
}

// plural reports whether a capitalised phrase ending in "s" names a group
// ("the Khans", "Associates", "Democrats") rather than a person ("Sanders"):
// a determiner opens it, or it is one word the text gives as no surname.
func (x *doc) plural(np span) bool {
	if lex.is(x.toks[np.lo].lower, wDet) {
		return true
	}
	h := x.toks[np.hi-1].lower
	_, surname := x.names[h]
	return np.hi-np.lo == 1 && !surname && !strings.HasSuffix(h, "ss")
}

// relativeSubject reports whether a "which" or "that" at j is the subject
// of a plain reporting cue: "polls that show", "a report which found". A
// "which" after a comma opens an aside about a named body and may be the
// subject of any cue but one before an infinitive: "the Harbour Trust,
// which opposed the dam".
func (x *doc) relativeSubject(c *cand, j int) bool {
	t := x.toks[j]
	return (t.lower == "which" || t.lower == "that" && j > 0 && x.toks[j-1].kind == tWord) && (c.entry.act == schema.Assert || t.lower == "which" && j > 0 && x.toks[j-1].text == "," && !x.infinitiveAfter(c))
}

// infinitiveAfter reports whether an infinitive follows c's cue: "which
// refused to take part" tells of a deed, not of words.
func (x *doc) infinitiveAfter(c *cand) bool {
	return c.cue.hi < c.sent.hi && x.toks[c.cue.hi].lower == "to"
}

// placeComma reports whether the comma at p joins a place to its state or
// country inside an appositive ending at j: "a nurse in Allentown, Pa.,".
func (x *doc) placeComma(p, j int) bool {
	if p+1 >= j || p == 0 {
		return false
	}
	a, b := x.toks[p-1], x.toks[p+1]
	return a.kind == tWord && a.cap && b.kind == tWord && b.cap && !strings.Contains(b.text, "-") && (p+2 == j || x.toks[p+2].text == "." && p+3 == j)
}

// firstConjunct returns where a subject that coordinates two phrases
// starts, when the phrase at k follows "and" and the phrase before "and"
// opens the clause: "He and Brafman said", "The governor and the mayor
// said". A clause joined by ", and" is none: "..., and he said". Names
// listed before the first conjunct go with it: "Ana Ruiz, Mrs. Lee and
// other donors said".
func (x *doc) firstConjunct(k, lo int) int {
	a := k - 1
	if a > lo+1 && (x.toks[a].lower == "even" || x.toks[a].lower == "also") && x.toks[a-1].lower == "and" {
		a-- // "Politicians and even some growers say"
	}
	if a <= lo || x.toks[a].lower != "and" {
		if x.andAfter(k) {
			return x.listStart(k, lo)
		}
		return k
	}
	if p := x.toks[a-1]; lex.is(p.lower, wPron) && p.lower != "it" && p.lower != "you" && x.opensClause(a-1, lo) {
		return a - 1
	}
	first := x.leftNP1(lo, a)
	if x.toks[a-1].text == ")" {
		first = x.leftNP(lo, a) // "Ana Ruiz (D) and Tom Berg (R) said"
	}
	if first.empty() {
		first = x.pluralBefore(lo, a) // "Local growers and their trade groups said"
	}
	if b := first.lo - 1; !first.empty() && b >= lo && x.toks[b].lower == "both" && x.opensClause(b, lo) {
		first.lo = b // "Both the mayor and her staff said"
	}
	if !first.empty() && first.hi == a && !x.opensClause(first.lo, lo) {
		if p := x.toks[first.lo-1].lower; p != "to" && p != "from" {
			if h := x.phraseHead(first.lo, lo); h < first.lo {
				return h // "Leaders of the state Senate and House said"; not after "to" or "from": "troops sent to Ganja and Tabriz"
			}
		}
	}
	if first.empty() || first.hi != a || !x.opensClause(first.lo, lo) {
		return k
	}
	return x.listStart(first.lo, lo)
}

// neither returns where "Neither X nor" opens the clause, for the phrase
// after the "nor" at k: "Neither the mayor nor his aides said". Else k+1.
func (x *doc) neither(k, lo int) int {
	for j := k - 1; j >= lo && k-j <= maxNP; j-- {
		if t := x.toks[j]; t.lower == "neither" {
			if x.opensClause(j, lo) && !x.leftNP1(lo, k).empty() {
				return j
			}
			break
		} else if t.kind != tWord || x.isCue(j) {
			break
		}
	}
	return k + 1
}

// pluralBefore reads a plural noun with at most three modifiers and no
// determiner, ending before token end: "local growers", "farm owners".
func (x *doc) pluralBefore(lo, end int) span {
	h := x.toks[end-1]
	if end-1 < lo || h.kind != tWord || h.cap || len(h.lower) < 4 || !strings.HasSuffix(h.lower, "s") || strings.HasSuffix(h.lower, "ss") ||
		isVerbish(h.lower) || lex.class[h.lower] != 0 && !lex.is(h.lower, wRole|wGroup|wBody) || x.isCue(end-1) {
		return span{}
	}
	start := end - 1
	for b := end - 2; b >= lo && b >= end-4; b-- {
		t := x.toks[b]
		if t.kind != tWord || isVerbish(t.lower) || x.isCue(b) || lex.class[t.lower] != 0 && !lex.is(t.lower, wMod|wRole|wGroup|wBody) {
			break
		}
		start = b
	}
	return span{start, end}
}

// listStart returns where a list of names separated by commas starts
// whose last item is the coordinated phrase at k.
func (x *doc) listStart(k, lo int) int {
	for k-1 > lo && x.toks[k-1].text == "," && x.toks[k].cap {
		prev := x.leftNP1(lo, k-1)
		if prev.empty() || prev.hi != k-1 || !x.opensClause(prev.lo, lo) || !x.toks[prev.lo].cap {
			break
		}
		if x.opener(prev, lo) {
			break // "Together, Ms. Kahn and Mr. Ortiz said"
		}
		k = prev.lo
	}
	return k
}

// andAfter reports whether the phrase at k coordinates names with "and"
// ("Ms. Kahn and other donors").
func (x *doc) andAfter(k int) bool {
	for j := k + 1; j < len(x.toks) && j-k <= maxNP && x.npWord(j); j++ {
		if x.toks[j].lower == "and" {
			return true
		}
	}
	return false
}

// phraseHead returns where the phrase starts that the one at k completes
// after a preposition, when it opens the clause: "Some delegates at the
// convention in Philadelphia said", "A producer for Yahoo Studios told",
// "some of her followers questioned", "A review by the paper shows",
// "Partisans on both sides warn", as PolNeAR marks speakers. Else k.
func (x *doc) phraseHead(k, lo int) int {
	for at, hops := k, 0; hops < 3; hops++ {
		a := at - 1
		if a <= lo || !headPreps[x.toks[a].lower] && !(hops > 0 && x.withPeople(a)) {
			return k
		}
		first := x.leftNP(lo, a)
		if first.empty() {
			first = x.bareHead(lo, a)
		}
		if first.empty() && hops == 0 {
			first = x.innerNoun(lo, a) // "People with awareness of the plans said"
		}
		if first.empty() || first.hi != a || isVerbish(x.toks[first.lo].lower) && !x.leadingAdjective(first.lo, lo) {
			return k // not "Pointing to the report's"
		}
		if x.opensClause(first.lo, lo) {
			return first.lo
		}
		at = first.lo
	}
	return k
}

// innerNoun returns the one lower-case noun the lexicon does not know that
// ends before token end after a preposition: the "awareness" of "People
// with awareness of the plans". Empty when there is none.
func (x *doc) innerNoun(lo, end int) span {
	k := end - 1
	if k-1 <= lo {
		return span{}
	}
	t := x.toks[k]
	if t.kind != tWord || t.cap || lex.class[t.lower] != 0 || isVerbish(t.lower) || x.isCue(k) || !headPreps[x.toks[k-1].lower] && !x.withPeople(k-1) {
		return span{}
	}
	return span{k, end}
}

// withPeople reports whether the "with" at a follows a plural of people,
// whose phrase it goes on: "People with awareness of".
func (x *doc) withPeople(a int) bool {
	return a > 0 && x.toks[a].lower == "with" && lex.is(x.toks[a-1].lower, wGroup)
}

// bareHead returns the plural noun phrase with no determiner that opens
// the clause and ends before token end: "Early results", "Large
// majorities"; empty when there is none.
func (x *doc) bareHead(lo, end int) span {
	h := x.toks[end-1].lower
	if end-1 < lo || len(h) < 4 || !strings.HasSuffix(h, "s") || strings.HasSuffix(h, "ss") {
		return span{}
	}
	for k := end - 1; k >= lo && end-k <= 3; k-- {
		t := x.toks[k]
		if k < end-1 && x.leadingAdjective(k, lo) && x.opensClause(k, lo) {
			return span{k, end} // "Early returns"
		}
		if t.kind != tWord || lex.is(t.lower, wStop|wTime|wPron|wPrep|wConj|wAux|wBe|wDet|wRel) || x.isCue(k) || isVerbish(t.lower) {
			return span{}
		}
		if x.opensClause(k, lo) {
			return span{k, end}
		}
	}
	return span{}
}

// headPreps join a speaker phrase to the phrase that completes it.
var headPreps = map[string]bool{"of": true, "in": true, "for": true, "from": true, "at": true, "by": true, "on": true, "to": true,
	"across": true}

// adverbBefore reports whether a word other than an auxiliary comes
// between the comma or quotation at j and c's cue: "Dale, whose boat sank,
// seldom speaks of his brother" is no inverted "..., said Dale"; the cue
// right after the comma is ("..., have unsettled many voters").
func (x *doc) adverbBefore(c *cand, j int) bool {
	for k := j + 1; k < c.cue.lo; k++ {
		if !lex.is(x.toks[k].lower, wAux|wBe|wNeg) {
			return true
		}
	}
	return false
}

// invertible reports whether c's cue may come before its speaker ("...,
// said Smith"): not one whose object follows it ("told AFP", "endorsed
// Trump", "urged the senator to").
func invertible(c *cand) bool {
	return c.entry.frame != frameTell && !objectFirst[c.entry.base]
}

// objectFirst are the cue verbs whose noun phrase after them is their
// object, never an inverted speaker.
var objectFirst = map[string]bool{"endorse": true, "urge": true, "thank": true, "remind": true, "describe": true,
	"reiterate": true, "email": true, "back": true, "support": true, "call": true, "praise": true, "blame": true,
	"attack": true, "credit": true, "mock": true, "defend": true, "invite": true, "encourage": true}

// attachedHead returns where the phrase starts that an adjective and its
// preposition attach the phrase at k to, when it opens the clause: "People
// close to the campaign said", "A source familiar with the talks said";
// else k. That phrase, not the one at k, names the actor.
func (x *doc) attachedHead(k, lo int) int {
	a := k - 2
	if a <= lo || !attachPreps[x.toks[k-1].lower] || !attached[x.toks[a].lower] {
		return k
	}
	first := x.leftNP(lo, a)
	if first.empty() || first.hi != a || !x.opensClause(first.lo, lo) {
		return k
	}
	return first.lo
}

var attachPreps = map[string]bool{"to": true, "with": true, "on": true, "about": true}

// attached are the adjectives that tie a speaker to the phrase after them.
var attached = map[string]bool{"close": true, "closest": true, "familiar": true, "briefed": true, "privy": true,
	"loyal": true, "allied": true, "aligned": true, "connected": true, "tied": true, "linked": true,
	"sympathetic": true, "knowledgeable": true, "friendly": true, "affiliated": true, "associated": true}

// listedVerb reports whether the finite cue after the comma at j may be
// one in a list of verb phrases ("Ruiz toured the harbour, praised the
// crews"): a past form, not "asked" (x.asked reads it), nor a passive
// participle before "by".
func (x *doc) listedVerb(c *cand, j int) bool {
	k := c.cue.lo
	w := x.toks[k].lower
	if k != j+1 || len(w) <= 4 || !strings.HasSuffix(w, "ed") || w == "asked" {
		return false
	}
	return c.cue.hi >= c.sent.hi || x.toks[c.cue.hi].lower != "by"
}

// listed gives a cue in a list of verb phrases the speaker of the
// attribution before it or the sentence's subject, when that subject's own
// verb comes before the comma at j; c is left as it was when not.
func (x *doc) listed(c *cand, j int, prior []*cand) bool {
	if !x.listedVerb(c, j) {
		return false
	}
	saved := *c
	if x.shared(c, j, prior) && x.finiteBefore(c.speaker.hi, j) {
		return true
	}
	*c = saved
	return false
}

// finiteBefore reports whether a verb of the subject's own clause stands
// between the subject's end lo and the comma at j, with no auxiliary or relative
// pronoun before it: "Ruiz toured the harbour," but not "Ruiz's letter,"
// or "the vote, which Ruiz lost,".
func (x *doc) finiteBefore(lo, j int) bool {
	for k := lo; k < j; k++ {
		if relativePronouns[x.toks[k].lower] || x.toks[k].text == "," {
			return false
		}
		if lex.is(x.toks[k].lower, wBe|wAux) {
			return false // "Ruiz has given the crews fresh, untested boats": an adjective may follow the comma
		}
		if x.verbLike(k) {
			return true
		}
	}
	return false
}

// thirdPersonForm reports whether w has the shape of a third-person
// singular verb or a plural noun: longer than three letters, ending in "s"
// but not "ss" or "us" ("considers", "rips", "growers"). A cue learned as
// its own base in that shape wants a singular subject, not the plural a
// bare lemma wants.
func thirdPersonForm(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us")
}

// senderSubject reads the speaker of a participle cue after a text that a
// verb sends out ("The ministry sent an email saying", "Acme put out a
// statement Friday urging"): the sender, the subject of that verb, not the
// text.
func (x *doc) senderSubject(c *cand, j int, prior []*cand) bool {
	lo := c.sent.lo
	if !strings.HasSuffix(x.toks[c.cue.lo].lower, "ing") {
		return false
	}
	np := x.leftNP(lo, j+1)
	if np.empty() || np.hi != j+1 || np.lo-1 <= lo {
		return false
	}
	if h := x.toks[np.hi-1].lower; !lex.is(h, wMedium) && !publishedObjects[h] {
		return false
	}
	v := np.lo - 1
	if x.toks[v].lower == "out" {
		v-- // "sent out"
	}
	if v <= lo || !sendVerbs[x.toks[v].lower] {
		return false
	}
	k := v - 1
	for k > lo && (lex.is(x.toks[k].lower, wAux|wNeg) || isAdverb(x.toks[k])) {
		k--
	}
	saved := *c
	if x.subject(c, k, prior) && !c.speaker.empty() && c.speaker.hi <= v {
		return true
	}
	*c = saved
	return false
}

// sendVerbs put out a text that a participle after it reads from.
var sendVerbs = wordSet("sent send sends put puts blasted fired posted issued released published")

// lastAndClause returns where the last clause joined by ", and" or ", but"
// before token j starts, after the conjunction; -1 when there is none.
func (x *doc) lastAndClause(lo, j int) int {
	for k := j - 1; k > lo+1; k-- {
		if x.quoted[k] {
			return -1
		}
		if w := x.toks[k].lower; (w == "and" || w == "but") && x.toks[k-1].text == "," {
			return k + 1
		}
	}
	return -1
}
