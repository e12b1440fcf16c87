package extract

import "strings"

// Cue spans as PolNeAR's annotators draw them: the auxiliaries, adverbs,
// particles and prepositions around a cue verb, and the adjectives that
// take a content after "be".

// widenCue makes the auxiliaries and adverbs right before a cue part of it
// ("has said", "is telling", "also told"), and a weekday or a colon right
// after it ("said Tuesday", "said:"), as PolNeAR's annotators do.
func (x *doc) widenCue(c *cand) {
	for k := c.cue.lo - 1; k >= c.sent.lo; k-- {
		t := x.toks[k]
		if t.kind != tWord || !lex.is(t.lower, wAux|wBe|wNeg) && !isAdverb(t) && !cueAdverb(t) && !bridgeAdverbs[t.lower] && t.lower != "'s" || widenStop[t.lower] ||
			k >= c.speaker.lo && k < c.speaker.hi || k >= c.content.lo && k < c.content.hi {
			break
		}
		c.cue.lo = k
	}
	if h := c.cue.hi; h < c.sent.hi && weekdays[x.toks[h].lower] && c.content.lo > h && c.speaker.lo != h {
		c.cue.hi++
	}
	if h := c.cue.hi; h < c.sent.hi && particles[x.toks[h].lower] && c.content.lo > h && c.speaker.lo != h {
		c.cue.hi++ // "lashed out", "shot back"
	}
	if h := c.cue.hi; h+1 < c.sent.hi && x.toks[h].lower == "in" && (c.content.lo > h || c.content.hi <= h) && c.speaker.lo != h {
		if n := x.medium(c, h+1); n > h+1 && (c.content.lo >= n || c.content.hi <= h) {
			for k := h + 1; k < n; k++ {
				if lex.is(x.toks[k].lower, wMedium) {
					c.cue.hi = k + 1 // "said in a statement", as PolNeAR's cues
					break
				}
			}
		}
	}
	if h := c.cue.hi; h < c.sent.hi && x.toks[h].text == ":" && c.content.lo > h {
		c.cue.hi++
	}
	if c.content.lo == c.cue.hi && c.content.hi-c.content.lo > 1 && cuePreps[x.toks[c.content.lo].lower] {
		c.cue.hi++ // "railed against", "worried about": PolNeAR's cues end with the preposition
		c.content.lo++
	}
}

// cuePreps are the prepositions that PolNeAR counts in a cue when its
// content follows them.
var cuePreps = map[string]bool{"about": true, "on": true, "with": true, "against": true,
	"at": true, "over": true, "toward": true, "towards": true}

// particles complete a cue verb: "lashed out", "shot back".
var particles = map[string]bool{"out": true, "off": true, "back": true, "up": true}

// cueAdverb reports whether a time word is an adverb that PolNeAR counts in
// a cue: "now says", "has repeatedly said", "first told".
func cueAdverb(t token) bool {
	return !t.cap && (lex.is(t.lower, wTime) && strings.HasSuffix(t.lower, "ly") || t.lower == "now" || t.lower == "first" || t.lower == "later")
}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

// widenStop are auxiliary-class words that belong to the speaker phrase.
var widenStop = map[string]bool{"both": true, "each": true, "themselves": true, "himself": true, "herself": true, "itself": true}

// stanceAdjective reports whether a cue after a form of "be" is an
// adjective that takes its content ("is eager to", "were adamant that",
// "was skeptical of"), not a passive participle.
func (x *doc) stanceAdjective(c *cand) bool {
	w, n := x.toks[c.cue.lo].lower, c.cue.hi
	if participle(w) || w == "seen" || w == "found" || n >= c.sent.hi {
		return false
	}
	switch x.toks[n].lower {
	case "to", "that", "about", "of", "with", "on", "over", "at":
		return true
	}
	return false
}
