package extract

import (
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// Cue spans as PolNeAR's annotators draw them: the auxiliaries, adverbs,
// particles and prepositions around a cue verb, and the adjectives that
// take a content after "be".

// widenCue makes the auxiliaries and adverbs right before a cue part of it
// ("has said", "is telling", "also told"), and a weekday or a colon right
// after it ("said Tuesday", "said:"), as PolNeAR's annotators do.
func (x *doc) widenCue(c *cand) {
	x.aspectBefore(c)
	for k := c.cue.lo - 1; k >= c.sent.lo; k-- {
		t := x.toks[k]
		if x.floatedQuantifier(c, k) {
			c.cue.lo = k // "Li and Berg both said", "the ministers all urged"
			continue
		}
		if t.kind != tWord || !lex.is(t.lower, wAux|wBe|wNeg) && !isAdverb(t) && !cueAdverb(t) && !bridgeAdverbs[t.lower] && !contracted(t) || widenStop[t.lower] ||
			k >= c.speaker.lo && k < c.speaker.hi || k >= c.content.lo && k < c.content.hi {
			break
		}
		if k > c.sent.lo && x.commaThen(c, k) {
			break // "met the farmers, then said": the "then" links the verb phrases
		}
		c.cue.lo = k
	}
	c.cue.lo = x.infinitiveHead(c)
	x.aspectAfter(c)
	if h := c.cue.hi; h+1 < c.sent.hi && x.mannerAdverb(h) && c.speaker.lo != h && (c.content.lo > h || c.content.hi <= h || c.content.lo == h && c.content.hi > h+1) {
		c.cue.hi++ // "said repeatedly", "asked rhetorically"
		if c.content.lo == h {
			c.content.lo++
			x.strip(c) // the quotation marks around the content, now at its ends
		}
	}
	if h := c.cue.hi; h < c.sent.hi && weekdays[x.toks[h].lower] && c.speaker.lo != h && !x.timePossessed(h) &&
		(c.content.lo > h || c.content.hi <= c.cue.lo && h+1 < len(x.toks) && x.toks[h+1].text == ".") {
		c.cue.hi++ // "said Tuesday that", and at a sentence's end "“...,” she said Tuesday."
		if h++; h < c.sent.hi && dayParts[x.toks[h].lower] && (c.content.lo > h || c.content.hi <= c.cue.lo) {
			c.cue.hi++ // "said Tuesday night"
		}
	}
	if h := c.cue.hi; h < c.sent.hi && particles[x.toks[h].lower] && c.content.lo > h && c.speaker.lo != h {
		c.cue.hi++ // "lashed out", "shot back"
	}
	if h := c.cue.hi; h+1 < c.sent.hi && x.toks[h].lower == "guilty" && strings.HasPrefix(x.toks[h-1].lower, "plead") && (c.content.lo > h || c.content.lo == h && c.content.hi > h+1) {
		c.cue.hi++ // "pleaded guilty to"
		c.content.lo = max(c.content.lo, c.cue.hi)
	}
	if h := c.cue.hi; h+1 < c.sent.hi && x.toks[h].lower == "in" && (c.content.lo > h || c.content.hi <= h) && c.speaker.lo != h {
		if n := x.medium(c, h+1); n > h+1 && (c.content.lo >= n || c.content.hi <= h) {
			for k := h + 1; k < n; k++ {
				if lex.is(x.toks[k].lower, wMedium) {
					if cueMedia[x.toks[k].lower] {
						c.cue.hi = k + 1 // "said in a statement", as PolNeAR's cues
					}
					break
				}
			}
		}
	}
	if n := x.onPlatform(c.cue.hi, c.sent.hi); n > c.cue.hi && postVerbs[x.toks[c.cue.hi-1].lower] && c.speaker.lo != c.cue.hi && (c.content.lo >= n || c.content.hi <= c.cue.hi) {
		c.cue.hi = n // "wrote on Twitter", "posted on Facebook"; not "said on Twitter"
	}
	if n := x.withManner(c); n > c.cue.hi {
		c.cue.hi = n // "“...,” she said with a grin."
	}
	if h := c.cue.hi; c.content.lo == h && h+3 < c.content.hi && strings.HasPrefix(x.toks[h-1].lower, "pledg") && possessives[x.toks[h].lower] != "" &&
		x.toks[h+1].lower == "support" && x.toks[h+2].lower == "to" {
		c.cue.hi, c.content.lo = h+3, h+3 // "pledged their support to Lee", as PolNeAR's cues
	}
	if h := c.cue.hi; c.content.lo == h && h+2 < c.content.hi && x.toks[h].lower == "away" && x.toks[h+1].lower == "from" && stanceBases[c.entry.base] {
		c.cue.hi, c.content.lo = h+2, h+2 // "backed away from the plan", as PolNeAR's cues
	}
	if n := x.cataphorColon(c); n > c.cue.hi {
		c.cue.hi, c.content.lo = n, n // "tweeted this:", "explained it this way:", "added a caveat:"
		x.strip(c)
	}
	if n := x.venueColon(c); n > c.cue.hi {
		c.cue.hi = n // "said in her weekly column:", "wrote in an email:", "went on:"
	}
	if h := c.cue.hi; h < c.sent.hi && x.toks[h].text == ":" && (c.content.lo > h || c.content.lo == h && c.content.hi > h+1) {
		c.cue.hi++ // "said:", and "said flatly:", whose content the adverb left at the colon
		if c.content.lo == h {
			c.content.lo++
			x.strip(c) // the quotation marks around the content, now at its ends
		}
	}
	if h := c.cue.hi; c.content.lo == h && h+2 < c.content.hi && reflexives[x.toks[h].lower] && x.toks[h+1].lower == "from" {
		c.cue.hi, c.content.lo = h+2, h+2 // "distanced himself from"
	}
	if n := x.publishedText(c); n > c.cue.hi {
		c.cue.hi, c.content.lo = n, n // "published a story about", "released a memo titled"
	}
	if n := x.lightObject(c); n > c.cue.hi {
		c.cue.hi, c.content.lo = n, n // "expressed concern about", "took aim at", "made the case"
	}
	if c.content.lo == c.cue.hi && c.content.hi-c.content.lo > 1 && (cuePreps[x.toks[c.content.lo].lower] || x.toToNoun(c.content.lo) || x.ofCue(c)) &&
		(x.toks[c.content.lo].lower != "about" || !approximated(x.toks[c.content.lo+1].lower)) && !x.adverbial(c.content.lo) &&
		(x.toks[c.content.lo].lower == "about" || !askForms[x.toks[c.cue.hi-1].lower]) {
		c.cue.hi++ // "railed against", "worried about": PolNeAR's cues end with the preposition
		c.content.lo++
	}
}

// cataphorColon returns where a content starts that a short object
// pointing ahead introduces with a colon ("tweeted this: ...", "explained
// it this way: ...", "added a caveat: ...", "explained why: ..."): PolNeAR's
// cue holds the object and the colon. Else c.cue.hi.
func (x *doc) cataphorColon(c *cand) int {
	h := c.cue.hi
	if c.content.lo != h {
		return h
	}
	ahead := false
	for k := h; k < c.content.hi-1 && k <= h+5; k++ {
		t := x.toks[k]
		if t.text == ":" {
			if ahead && k > h {
				return k + 1
			}
			return h
		}
		if !cataphorWords[t.lower] || t.cap && k > h {
			return h
		}
		ahead = ahead || t.lower == "this" || t.lower == "following" || t.lower == "why" || t.lower == "caveat"
	}
	return h
}

// aspectBefore gives an aspect verb that ends the speaker before a cue in
// -ing to the cue: "The senator kept asking" is the senator's "kept asking".
func (x *doc) aspectBefore(c *cand) {
	if k := c.cue.lo - 1; k > c.sent.lo && c.speaker.hi == k+1 && c.speaker.hi-c.speaker.lo > 1 && aspectVerbs[x.toks[k].lower] &&
		strings.HasSuffix(x.toks[c.cue.lo].lower, "ing") {
		c.cue.lo, c.speaker.hi = k, k
	}
}

// aspectAfter moves a lexicon cue in -ing, with its particle, from the
// content into the cue of an aspect verb: "kept asking", "began calling
// for", "keeps talking about", "began tweeting out".
func (x *doc) aspectAfter(c *cand) {
	h := c.cue.hi
	if c.content.lo != h || h+1 >= c.content.hi || !aspectVerbs[x.toks[h-1].lower] || !strings.HasSuffix(x.toks[h].lower, "ing") {
		return
	}
	if _, n, ok := lex.cue(x.toks, h); ok && h+n < c.content.hi {
		c.cue.hi, c.content.lo = h+n, h+n
		if h += n; h+1 < c.content.hi && particles[x.toks[h].lower] {
			c.cue.hi, c.content.lo = h+1, h+1
		}
	}
}

// aspectVerbs take a cue in -ing that PolNeAR counts in one cue with them:
// "kept asking", "has lately started asking", "began calling for".
var aspectVerbs = map[string]bool{"began": true, "begun": true, "begin": true, "begins": true, "started": true, "start": true,
	"starts": true, "kept": true, "keep": true, "keeps": true, "continue": true, "continues": true, "continued": true}

// askForms take only "about" into the cue: "asked about", but "asked" before
// "at a briefing", "of her rival", "on Monday".
var askForms = map[string]bool{"ask": true, "asks": true, "asked": true, "asking": true}

// cataphorWords make up an object that points ahead to a colon.
var cataphorWords = wordSet("it itself this the following way in why a caveat statement message note")

// venueColon returns where the colon is that ends an "in" or "on" phrase
// right after a cue whose content follows the colon: PolNeAR's cue holds
// the phrase ("said in her weekly column:", "tweeted in response:",
// "went on:"). Else c.cue.hi.
func (x *doc) venueColon(c *cand) int {
	h := c.cue.hi
	if h >= c.sent.hi || x.toks[h].lower != "in" && x.toks[h].lower != "on" || c.speaker.lo == h+1 {
		return h
	}
	for k := h + 1; k < c.sent.hi && k <= h+9; k++ {
		switch t := x.toks[k]; {
		case t.text == ":":
			if c.content.lo > k {
				return k
			}
			return h
		case t.kind != tWord && t.lower != "'s" || t.lower == "to" || t.lower == "that":
			return h // "named in her talk to find a rival:" is no venue
		}
	}
	return h
}

// ofCue reports whether the content of c opens with an "of" that PolNeAR's
// cue ends with: "spoke highly of", "complained of", "is assured of",
// "warned of a long winter". Not after "warn" when a quotation follows the
// "of" ("warned of “rebels”": the seed's cue leaves the "of" to the
// content), nor after a say verb ("said of the plan: “...”"), whose cue
// is most often the verb alone on PolNeAR train.
func (x *doc) ofCue(c *cand) bool {
	k := c.content.lo
	if x.toks[k].lower != "of" {
		return false
	}
	w := x.toks[c.cue.hi-1].lower
	if strings.HasPrefix(w, "warn") {
		return k+1 < c.content.hi && x.toks[k+1].kind != tOpenQ
	}
	return !ofSayVerbs[w]
}

// ofSayVerbs are the say verbs whose "of" PolNeAR's cue leaves out.
var ofSayVerbs = wordSet("say says said saying stated added adding asked")

// floatedQuantifier reports whether the word at k is a "both" or an "all"
// that follows its speaker phrase: PolNeAR's cue holds it ("Li and Berg
// both said", "have all argued"). A "both" needs a speaker of two joined by
// "and"; "the two both said" is the subject's.
func (x *doc) floatedQuantifier(c *cand, k int) bool {
	w := x.toks[k].lower
	if w != "both" && w != "all" || c.speaker.empty() || c.speaker.hi > k || k-c.speaker.hi > 2 {
		return false
	}
	if w == "all" {
		return true
	}
	for j := c.speaker.lo; j < c.speaker.hi; j++ {
		if x.toks[j].lower == "and" {
			return true
		}
	}
	return false
}

// infinitiveHead returns where a cue in the infinitive starts when the
// words between its speaker and its "to" are the predicate that governs it:
// PolNeAR's cue is "were more likely to say", "is struggling to explain",
// "was quick to point out". Not a phrase with a preposition, whose
// infinitive is often the noun's: "are among the leaders to denounce".
// Else c.cue.lo.
func (x *doc) infinitiveHead(c *cand) int {
	k, sp := c.cue.lo, c.speaker
	if sp.empty() || sp.hi >= k || k-sp.hi > maxInfinitiveHead || x.toks[k-1].lower != "to" || c.content.lo < c.cue.hi {
		return k
	}
	for j := sp.hi; j < k-1; j++ {
		t := x.toks[j]
		if t.kind != tWord || lex.is(t.lower, wPron|wRel|wConj|wPrep) || t.lower == "who" || t.lower == "whether" || x.quoted[j] {
			return k
		}
	}
	return sp.hi
}

// maxInfinitiveHead is the most tokens infinitiveHead adds to a cue, its
// "to" included.
const maxInfinitiveHead = 8

// mannerAdverb reports whether the word at k is an adverb in -ly that
// PolNeAR counts in the cue before it: "said repeatedly", "added warily".
// The word after it must not be one it modifies ("proposed jointly owned
// drones"), and it is no adjective or figure: "seemed unlikely to",
// "proposed nearly $1 billion".
func (x *doc) mannerAdverb(k int) bool {
	t, n := x.toks[k], x.toks[k+1]
	if t.lower == "early" || t.lower == "likely" || t.lower == "unlikely" || approximate[t.lower] ||
		!isAdverb(t) && !(cueAdverb(t) && strings.HasSuffix(t.lower, "ly")) && !afterCue[t.lower] {
		return false
	}
	return n.kind != tWord || n.lower == "that" || lex.is(n.lower, wPrep) || subjectPronouns[n.lower] && bareClauseForms[x.toks[k-1].lower]
}

// bareClauseForms are the say-family forms whose manner adverb may come before a
// bare clause's subject pronoun: "have said repeatedly they".
var bareClauseForms = wordSet(`said says say saying told tells wrote writes added adds`)

// withManner returns where a manner phrase ends that follows a cue whose
// content comes before it: PolNeAR's cue is "said with a grin", "explained
// with a smile". Else c.cue.hi.
func (x *doc) withManner(c *cand) int {
	k := c.cue.hi
	if c.content.hi > c.cue.lo || k >= c.sent.hi || x.toks[k].lower != "with" || c.speaker.lo >= k {
		return c.cue.hi
	}
	k++
	if k < c.sent.hi && (x.toks[k].lower == "a" || x.toks[k].lower == "an") {
		k++
	}
	for j := k; j < c.sent.hi && j <= k+2; j++ {
		if t := x.toks[j]; t.kind != tWord || t.cap {
			if j > k && (t.text == "." || t.text == "," || t.text == ":" || t.kind == tOpenQ) {
				return j
			}
			break
		}
	}
	return c.cue.hi
}

// afterCue are adverbs not in -ly that PolNeAR's cue holds after its verb:
// "the senator said then, was", "he said again:".
var afterCue = map[string]bool{"twice": true, "then": true, "later": true, "again": true, "instead": true, "today": true, "yesterday": true, "here": true}

// adverbial reports whether the preposition at k opens a time or a named
// place rather than the cue's object: "asked on Monday whether", "said on
// Fox News that".
func (x *doc) adverbial(k int) bool {
	n := x.toks[k+1]
	return x.toks[k].lower == "on" && (weekdays[n.lower] || lex.is(n.lower, wTime) || n.cap)
}

// onPlatform returns where "on" and a social network end when they start at
// k ("on Twitter", "on social media"), PolNeAR's cue holding them; else k.
func (x *doc) onPlatform(k, hi int) int {
	if k+1 >= hi || x.toks[k].lower != "on" {
		return k
	}
	switch w := x.toks[k+1].lower; {
	case platforms[w] && x.toks[k+1].cap:
		return k + 2
	case w == "social" && k+2 < hi && x.toks[k+2].lower == "media":
		return k + 3
	}
	return k
}

// postVerbs write on a social network: "wrote on Twitter", "posted on
// Facebook".
var postVerbs = map[string]bool{"write": true, "writes": true, "wrote": true, "writing": true, "post": true, "posts": true, "posted": true, "posting": true}

// platforms are the social networks a cue names: "wrote on Twitter".
var platforms = map[string]bool{"twitter": true, "facebook": true, "instagram": true}

// cueMedia are the media that PolNeAR's cue holds after "in": "said in a
// statement", "announced in a press release". After the others ("said in an
// interview", "wrote in a letter") the cue is most often the verb alone: on
// PolNeAR train, 25 "said in an interview" cues end at "said", 8 after it.
var cueMedia = map[string]bool{"statement": true, "statements": true, "release": true}

// toToNoun reports whether the "to" at k is a preposition before a noun
// phrase, not an infinitive's: "agreed to a settlement", "looked up to his
// brother". PolNeAR's cue ends with it, as with "about".
func (x *doc) toToNoun(k int) bool {
	return x.toks[k].lower == "to" && toNounDets[x.toks[k+1].lower]
}

// toNounDets open a noun phrase after "to".
var toNounDets = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "their": true,
	"its": true, "my": true, "our": true, "your": true, "these": true, "those": true}

// tryInfinitives makes the infinitive after a verb of trying part of its
// cue, as PolNeAR's cues are: "tried to persuade", "tend to favor". It runs
// after dropCatenatives, which drops such a verb when the infinitive is a
// cue of its own ("tried to say").
func (x *doc) tryInfinitives(cs []*cand) []*cand {
	for _, c := range cs {
		if h := c.cue.hi; c.content.lo == h && h+2 < c.content.hi && x.toks[h].lower == "to" && tryVerbs[x.toks[h-1].lower] &&
			x.toks[h+1].kind == tWord && !x.toks[h+1].cap && !isAdverb(x.toks[h+1]) {
			c.cue.hi, c.content.lo = h+2, h+2
		}
	}
	return cs
}

// tryVerbs take an infinitive that PolNeAR counts in the cue: "tried to
// persuade", "tend to favor", "failed to mention".
var tryVerbs = map[string]bool{"try": true, "tries": true, "tried": true, "trying": true,
	"attempt": true, "attempts": true, "attempted": true, "attempting": true,
	"tend": true, "tends": true, "tended": true, "continue": true, "continues": true, "continued": true, "continuing": true,
	"fail": true, "fails": true, "failed": true, "failing": true, "forgot": true, "forget": true,
	"struggle": true, "struggles": true, "struggled": true, "struggling": true,
	"scramble": true, "scrambled": true, "scrambling": true, "stop": true, "stopped": true}

// cuePreps are the prepositions that PolNeAR counts in a cue when its
// content follows them.
var cuePreps = map[string]bool{"about": true, "on": true, "with": true, "against": true,
	"at": true, "over": true, "toward": true, "towards": true, "upon": true}

// particles complete a cue verb: "lashed out", "shot back", "played down".
var particles = map[string]bool{"out": true, "off": true, "back": true, "up": true, "down": true}

// cueAdverb reports whether a time word is an adverb that PolNeAR counts in
// a cue: "now says", "has repeatedly said", "first told".
func cueAdverb(t token) bool {
	return !t.cap && (lex.is(t.lower, wTime) && strings.HasSuffix(t.lower, "ly") || t.lower == "now" || t.lower == "first" || t.lower == "later")
}

// dayParts follow a weekday in a cue: "said Tuesday night".
var dayParts = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

// mindStates are participles that after a form of "be" name a state of
// mind, not a passive: "the ministry is worried that".
var mindStates = map[string]bool{"worried": true, "concerned": true, "convinced": true}

// widenStop are auxiliary-class words that belong to the speaker phrase.
var widenStop = map[string]bool{"both": true, "each": true, "themselves": true, "himself": true, "herself": true, "itself": true}

// stanceAdjective reports whether a cue after a form of "be" is an
// adjective that takes its content ("is eager to", "were adamant that",
// "was skeptical of"), not a passive participle. A participle of a mental
// state is one before "that", "about" or "with" ("are worried that", "is
// concerned about", "are not convinced that").
func (x *doc) stanceAdjective(c *cand) bool {
	w, n := x.toks[c.cue.lo].lower, c.cue.hi
	if stanceWord(w) {
		return true // "are not sure how", "are hopeful they can": cueFrame has checked the "be" before it
	}
	if n < c.sent.hi && mindStates[w] {
		nx := x.toks[n].lower
		return nx == "that" || nx == "about" || nx == "with" || c.entry.particle == "about" || c.entry.particle == "with"
	}
	if participle(w) || w == "seen" || w == "found" || n >= c.sent.hi {
		return false
	}
	switch x.toks[n].lower {
	case "to", "that", "about", "of", "with", "on", "over", "at":
		return true
	}
	return false
}

// lightObject returns where a light verb's stance noun ends, with its
// preposition, when the content starts with them: PolNeAR's cue is
// "expressed concern about", "took aim at", "made the case"; else c.cue.hi.
func (x *doc) lightObject(c *cand) int {
	k := c.cue.hi
	if c.content.lo != k || !lightVerbs[x.toks[k-1].lower] {
		return k
	}
	if w := x.toks[k].lower; w == "a" || w == "an" || w == "the" || w == "no" || w == "little" || w == "some" {
		k++ // "made the case", "expressed an interest in", "made no mention of"
	} else if possessives[w] != "" && !possessedLight[x.toks[k-1].lower] {
		k++ // "cast their votes for", "took his shots at"; not "expressed their support for", "made his support for it clear"
	}
	for n := 0; n < 2 && k+1 < c.content.hi && !stanceNouns[x.toks[k].lower] && x.toks[k].kind == tWord && !x.toks[k].cap && lex.class[x.toks[k].lower] == 0; n++ {
		k++ // "made a direct appeal", "took multiple swipes at"
	}
	if k >= c.content.hi || !stanceNouns[x.toks[k].lower] {
		return c.cue.hi
	}
	k++
	if k+1 < c.content.hi && (cuePreps[x.toks[k].lower] || x.toks[k].lower == "for" || x.toks[k].lower == "in" || x.toks[k].lower == "of") {
		k++
	}
	if k >= c.content.hi {
		return c.cue.hi
	}
	return k
}

// publishedText returns where a publishing verb's object ends, with the
// preposition or participle that opens what it says, when the content
// starts with them: PolNeAR's cue is "published a story about", "released a
// memo titled", "wrote a letter on"; else c.cue.hi.
func (x *doc) publishedText(c *cand) int {
	k := c.cue.hi
	if c.content.lo != k || k >= c.content.hi || !publishVerbs[x.toks[k-1].lower] || !lex.is(x.toks[k].lower, wDet) {
		return k
	}
	if j, _ := x.publishedParticiple(c, nil); j >= 0 {
		return k // joinPublished's: "issued a statement Thursday, saying"
	}
	for j := k + 1; j < c.content.hi-1 && j <= k+4; j++ {
		t := x.toks[j]
		if t.kind != tWord || t.cap {
			return k
		}
		if lex.is(t.lower, wMedium) || publishedObjects[t.lower] {
			if textOpeners[x.toks[j+1].lower] && j+2 < c.content.hi && !x.toks[j+2].cap && !x.adverbial(j+1) {
				return j + 2
			}
			return k
		}
	}
	return k
}

// textOpeners follow a published text and open what it says.
var textOpeners = map[string]bool{"about": true, "of": true, "on": true, "against": true, "titled": true, "entitled": true}

// possessedLight are the light verbs whose stance noun after a possessive
// PolNeAR leaves to the content: "expressed | their support for", "made | his
// support for it clear".
var possessedLight = wordSet("express expresses expressed expressing make makes made making")

// lightVerbs take a stance noun that is part of the cue.
var lightVerbs = map[string]bool{"express": true, "expresses": true, "expressed": true, "expressing": true,
	"take": true, "takes": true, "took": true, "taking": true, "make": true, "makes": true, "made": true, "making": true,
	"voice": true, "voices": true, "voiced": true, "voicing": true, "raise": true, "raises": true, "raised": true, "raising": true,
	"offer": true, "offers": true, "offered": true, "offering": true, "pinned": true, "turned": true, "sounded": true,
	"delivered": true, "escalated": true, "escalating": true, "gave": true, "give": true, "gives": true, "giving": true,
	"show": true, "shows": true, "showed": true, "shown": true, "showing": true, "cast": true, "casts": true, "casting": true}

// stanceNouns are the objects of light verbs that make a cue of them.
var stanceNouns = map[string]bool{"concern": true, "concerns": true, "doubt": true, "doubts": true, "frustration": true,
	"support": true, "confidence": true, "interest": true, "desire": true, "fear": true, "fears": true, "optimism": true,
	"disappointment": true, "dismay": true, "discomfort": true, "enthusiasm": true, "condolences": true, "aim": true,
	"issue": true, "case": true, "questions": true, "skepticism": true, "opposition": true, "regret": true,
	"mention": true, "secret": true, "apologies": true, "plea": true, "appeal": true, "call": true, "reference": true, "commitment": true,
	"congratulations": true, "hopes": true, "attention": true, "thoughts": true, "attacks": true, "attack": true, "defense": true,
	"praise": true, "note": true, "warning": true, "thanks": true, "blessing": true, "endorsement": true, "assurances": true,
	"look": true, "stance": true, "point": true, "opinion": true, "joke": true, "swipe": true, "dig": true, "jab": true, "shots": true, "swipes": true,
	"sign": true, "signs": true, "critique": true, "argument": true, "response": true, "inclination": true,
	"comment": true, "comments": true, "statement": true, "statements": true, "remark": true, "remarks": true,
	"vote": true, "votes": true, "ballot": true, "ballots": true, "blame": true}

// joinPublished makes one cue of a publishing verb, its object and the
// participle that says what the object says ("issued a statement saying",
// "released a statement Wednesday, calling"), as PolNeAR's cues are: the
// content is the participle's, and the participle's own reading goes.
func (x *doc) joinPublished(cs []*cand) []*cand {
	var drop []*cand
	for _, c := range cs {
		j, d := x.publishedParticiple(c, cs)
		if j < 0 {
			continue
		}
		c.cue.hi, c.content.lo = j+1, j+1
		if d != nil {
			c.cue.hi, c.content = d.cue.hi, d.content // "issued a statement calling on"
			drop = append(drop, d)
		}
	}
	if len(drop) == 0 {
		return cs
	}
	out := cs[:0]
	for _, c := range cs {
		if !slices.Contains(drop, c) {
			out = append(out, c)
		}
	}
	return out
}

// publishedParticiple returns where the participle after a publishing
// verb's object is ("issued a statement Thursday, saying"), or -1, and the
// participle's own reading if it has one.
func (x *doc) publishedParticiple(c *cand, cs []*cand) (int, *cand) {
	k := c.cue.hi
	if !publishVerbs[x.toks[c.cue.hi-1].lower] || c.content.lo != k || k >= c.content.hi || !lex.is(x.toks[k].lower, wDet) {
		return -1, nil
	}
	medium := false
	for j := k + 1; j < c.sent.hi && j < k+15; j++ {
		t := x.toks[j]
		switch {
		case t.kind == tWord && strings.HasSuffix(t.lower, "ing") && medium:
			for _, d := range cs {
				if d != c && d.cue.lo == j && !d.content.empty() {
					return j, d
				}
			}
			if _, _, ok := lex.cue(x.toks, j); (ok || x.cueScore(j) > 0) && j+1 < c.content.hi {
				return j, nil
			}
		case t.kind == tWord && (lex.is(t.lower, wMedium) || publishedObjects[t.lower]):
			medium = true
		case t.kind != tWord && t.text != "," && t.text != "-" || t.lower == "that" || t.lower == "which":
			return -1, nil
		}
	}
	return -1, nil
}

// publishVerbs put out a text whose participle is part of the cue.
var publishVerbs = map[string]bool{"issue": true, "issues": true, "issued": true, "issuing": true,
	"release": true, "releases": true, "released": true, "releasing": true, "out": true,
	"publish": true, "publishes": true, "published": true, "publishing": true, "posted": true,
	"sent": true, "send": true, "sends": true, "wrote": true, "writes": true, "filed": true}

// publishedObjects are what a publishing verb puts out besides the media
// the lexicon knows.
var publishedObjects = map[string]bool{"ad": true, "lawsuit": true, "petition": true, "column": true, "story": true,
	"article": true, "pitch": true, "pitches": true, "statements": true, "letters": true, "ads": true}

// headlineAdverb moves a headline's capitalised adverb from the end of the
// speaker phrase to the cue: in "Jo Li Finally Backs Berg" the speaker is
// "Jo Li" and the cue "Finally Backs", as a lower-case "finally" is.
func (x *doc) headlineAdverb(c *cand) {
	sp := c.speaker
	if sp.hi != c.cue.lo || sp.hi-sp.lo < 2 || x.toks[c.cue.lo].kind != tWord || !x.headline(c.sent) {
		return
	}
	t := x.toks[sp.hi-1]
	if !t.cap || t.kind != tWord || !(lyWord(t.lower) || headlineAdverbs[t.lower]) {
		return
	}
	c.speaker.hi--
	c.cue.lo--
	if c.core.hi > c.speaker.hi {
		c.core.hi = c.speaker.hi
	}
}

// headlineObject ends a first line's content after the name that a verb
// of attack takes, before the cause or the place: in "Li Slams Berg Over
// Dam" the content is "Berg", as PolNeAR marks it.
func (x *doc) headlineObject(c *cand) {
	if c.sent.lo != 0 || c.entry.act != schema.Denounce || c.content.empty() {
		return
	}
	j := c.content.lo
	for j < c.content.hi && j-c.content.lo < 4 && x.toks[j].kind == tWord && x.toks[j].cap && !objectCuts[x.toks[j].lower] {
		j++
	}
	if j > c.content.lo && j < c.content.hi && objectCuts[x.toks[j].lower] {
		c.content.hi = j
	}
}

// objectCuts open what follows the object of a headline's verb of attack:
// its cause or its occasion.
var objectCuts = wordSet("over amid as at")

// headlineAdverbs are the adverbs without "-ly" that a headline puts
// before its verb: "Jo Li Just Named ...".
var headlineAdverbs = wordSet("just now still also again")
