package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// cand is one attribution found in a sentence, in token indices, before it
// becomes a schema.Claim.
type cand struct {
	sent     span
	speaker  span
	cue      span
	content  span
	entry    cueEntry
	negated  bool
	direct   bool
	trailing bool // the content comes before the speaker
	inherit  *cand
	target   span // the accused ("accused Azerbaijan of")
	// antecedent is what a speaker "who" or a speaker with an appositive
	// ("Smith, a senator,") resolves by; appos is the appositive.
	antecedent, appos span
	core              span // the speaker before widenSpeaker, which names its actor
	loose             bool // the speaker is a phrase no rule reads (looseSubject)
	outlet            *schema.Outlet
	conf              float64
	writer            bool // the writer's own claim, with no speaker in the text
}

// resolvable is the speaker phrase that names the actor.
func (c *cand) resolvable() span {
	if !c.core.empty() {
		return c.core
	}
	return c.speaker
}

// frames finds every attribution in sentence s.
func (x *doc) frames(s span) []*cand {
	var out []*cand
	for k := s.lo; k < s.hi; k++ {
		if c := firstShape(s, k, x.colon, x.colonFrom, x.byline, x.onTopic, x.possColon); c != nil {
			if !speakerEndsAt(out, k) {
				out = append(out, c) // not "Said Berg: “...”", whose colon closes a speaker read already
			}
			continue
		}
		if x.toks[k].kind != tWord || x.toks[k].cap && k != s.lo && !x.opensAfterMark(k) && !x.headline(s) || x.quoted[k] {
			continue // a cue inside a quotation belongs to the quote's own speaker
		}
		if c := x.headlineJust(s, k); c != nil {
			out = append(out, c)
			k++ // the verb is part of the cue
			continue
		}
		if c := firstShape(s, k, x.headlineTo, x.headlineVerb, x.toView, x.byMeasure, x.inPoll, x.trailingPoll, x.drawnFrom, x.firstToEndorse); c != nil {
			out = append(out, c)
			continue
		}
		if e, ok := lex.noun(x.toks, k); ok {
			if c := x.nominal(s, k, e); c != nil {
				out = append(out, c)
				continue
			}
		}
		if c := x.beAgentOf(s, k, out); c != nil {
			out = append(out, c)
			k++ // "of" is part of the cue
			continue
		}
		if evidenceNouns[x.toks[k].lower] && k+1 < s.hi && evidenceVerbs[x.toks[k+1].lower] != "" || x.participleOfFinding(s, k) || x.showNoun(s, k) {
			continue // "Annual reports show": a noun, the subject of the finding
		}
		if c, n := x.cueFrame(s, k, out); c != nil {
			out = append(out, c)
			k += n - 1
		} else if c := x.evidence(s, k); c != nil {
			out = append(dropInside(out, c.speaker), c)
		} else {
			k += n - 1
		}
	}
	x.trim(out)
	for _, c := range out {
		x.headlineAdverb(c)
		x.headlineObject(c)
		x.widenCue(c)
		x.widenSpeaker(c)
		x.evidencePhrase(c)
		x.seemLike(c)
		x.sentOut(c)
		x.dropAnonymity(c)
		x.dropMedium(c)
		x.dropAtTheTime(c)
		x.dropAside(c)
		x.splitQuote(c, out)
	}
	for _, f := range candFilters {
		out = f(x, out)
	}
	return x.writerReports(s, out)
}

// candFilters join, drop and mend the claims read from one sentence, in
// this order, before the writer's own claims are added.
var candFilters = []func(*doc, []*cand) []*cand{
	(*doc).dropNonSubjects, (*doc).experiencers, (*doc).joinPublished, dropCatenatives, (*doc).tryInfinitives,
	(*doc).dropWeakNested, (*doc).dropReportedByAccording,
	func(_ *doc, cs []*cand) []*cand { return dropInsideCues(cs) },
	func(_ *doc, cs []*cand) []*cand { return dropSameReadings(cs) },
	(*doc).dropRelativeInSpeaker, (*doc).dropNounReadings, (*doc).dropOpeningWord, (*doc).dropDegreeMost,
	(*doc).dropWeakInner, (*doc).dropAppearances,
}

// dropOpeningWord removes an attribution whose speaker is only the
// participle that opens the sentence ("Facing criticism, ...", "Having
// announced it, ..."): a verb, not a name the text gives.
func (x *doc) dropOpeningWord(cs []*cand) []*cand {
	out := cs[:0]
	for _, c := range cs {
		sp := c.speaker
		if sp.hi-sp.lo == 1 && sp.lo == c.sent.lo && c.inherit == nil {
			t := x.toks[sp.lo]
			_, named := x.names[t.lower]
			_, place := lex.gaz.keys[t.lower]
			if t.kind == tWord && t.cap && !named && !place && !x.surnames[t.lower] && !strings.HasSuffix(t.lower, "thing") &&
				isVerbish(t.lower) && lex.class[t.lower] == 0 {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// lyAdverb reports whether w ends like an adverb in -ly, a word of the
// lexicon's classes too ("recently", "widely"); lyWord leaves those and
// the nouns in -ly out.
func lyAdverb(w string) bool { return len(w) > 4 && strings.HasSuffix(w, "ly") }

// dropDegreeMost removes an attribution whose speaker is a lone "most" that
// is a degree word, not a quantity of people: "she most recently praised",
// "its most promising route", "the mayor was most proud of". It is one when an
// adverb in -ly follows it, when the cue is a participle in -ing, or when
// only the cue model reads the cue. On PolNeAR train none of the seven is
// a gold attribution; "most said" and "Most believe" stay.
func (x *doc) dropDegreeMost(cs []*cand) []*cand {
	out := cs[:0]
	for _, c := range cs {
		sp := c.speaker
		if sp.hi-sp.lo == 1 && x.toks[sp.lo].lower == "most" && sp.hi < len(x.toks) &&
			(lyAdverb(x.toks[sp.hi].lower) || strings.HasSuffix(x.toks[c.cue.hi-1].lower, "ing") || c.conf < 0.8) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// dropNounReadings removes a verb reading of a speech noun whose "speaker"
// is only a lower-case modifier before it: "a previous pledge to", "the
// same demands of". On PolNeAR train most such claims are no attribution. A
// capitalised word may be a name ("Trump claims"), another word a noun
// ("the suit claims"). An object pronoun after it makes a verb of it: "32%
// call themselves conservative".
func (x *doc) dropNounReadings(cs []*cand) []*cand {
	out := cs[:0]
	for _, c := range cs {
		if c.entry.frame == frameNoun || c.speaker.empty() || c.speaker.hi != c.cue.lo || c.speaker.hi-c.speaker.lo > 3 || !speechNounForm(x.toks[c.cue.lo].lower) ||
			c.cue.hi < c.sent.hi && objectPronouns[x.toks[c.cue.hi].lower] && x.toks[c.cue.hi].lower != "her" {
			out = append(out, c)
			continue
		}
		k := c.speaker.hi - 1
		if t := x.toks[k]; t.kind != tWord || t.cap && (k != c.sent.lo || !capAdjective(t.lower)) || !adjectiveShape(t.lower) || lex.class[t.lower]&^wMod != 0 || speechNounForm(t.lower) {
			out = append(out, c)
		}
	}
	return out
}

// speechNounForm reports whether w is a speech noun of the lexicon's
// nominal frame or a plural one ("estimates", "charges").
func speechNounForm(w string) bool {
	for _, e := range lex.cues[w] {
		if e.frame == frameNoun {
			return true
		}
	}
	return pluralSpeechNouns[w]
}

// adjectiveShape reports whether w looks like a modifier, not a noun: a
// year, or an adjective's ending ("previous", "definitive", "same").
func adjectiveShape(w string) bool {
	if isDigit(w) {
		return true
	}
	for _, suf := range adjectiveEndings {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return w == "same"
}

// capAdjective reports whether a capitalised first word of a sentence has an
// adjective's ending that names seldom have ("Initial", "Criminal").
func capAdjective(w string) bool {
	for _, suf := range []string{"al", "ive", "ous", "tial"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

var adjectiveEndings = []string{"al", "ive", "ous", "ic", "est", "ible", "able", "ing", "term"}

var pluralSpeechNouns = wordSet("estimates demands calls charges statements allegations hopes pledges promises warnings threats attacks")

// dropRelativeInSpeaker removes an attribution whose speaker is a relative
// pronoun and whose cue lies inside another one's speaker phrase: in
// "Ana Ruiz, who has endorsed Lee, said ..." the relative clause describes
// the speaker of "said". On PolNeAR train 29 of 41 such inner attributions
// are no gold attribution. So goes a "backing" there ("Ana Ruiz, a
// delegate backing Lee, said ...").
func (x *doc) dropRelativeInSpeaker(cs []*cand) []*cand {
	out := make([]*cand, 0, len(cs)) // not cs[:0]: the loop reads all of cs
	for _, c := range cs {
		inside := false
		if sp := c.speaker; sp.hi-sp.lo == 1 && relativePronouns[x.toks[sp.lo].lower] || x.toks[c.cue.hi-1].lower == "backing" {
			for _, d := range cs {
				inside = inside || d != c && d.speaker.lo <= c.cue.lo && c.cue.hi <= d.speaker.hi
			}
		}
		if !inside {
			out = append(out, c)
		}
	}
	return out
}

// relativePronouns open a relative clause that may name a speaker.
var relativePronouns = wordSet("who which that")

// dropNonSubjects removes an attribution whose speaker phrase, before its
// cue, is not the cue's subject:
//   - the object of "in" or "to" ("Her aides have in the past said",
//     "tickets went to farmers seeking help"), or of an "on" right after a
//     cue ("said on his Twitter feed that"), an adjunct's: on PolNeAR
//     train most of them are no attribution. But when a plural noun phrase
//     comes before the "in" ("Two local papers in Cork said"), the speaker
//     is widened over it instead;
//   - a clause right after another cue (the lexicon's or the model's,
//     widened or not), or after its "that", or that opens its content ("The
//     union said its members rejected ...", "said that its members rejected
//     ...", "said on Monday its members rejected ..."): it is that cue's
//     content, which PolNeAR seldom splits;
//   - a speaker in a condition or an indirect question ("if the pilots
//     reject it", "whether the growers deny it"), which asserts nothing.
func (x *doc) dropNonSubjects(cs []*cand) []*cand {
	all := append([]*cand(nil), cs...)
	out := cs[:0]
	for _, c := range all {
		sp := c.speaker
		if c.inherit == nil && !sp.empty() && sp.hi <= c.cue.lo && sp.lo > c.sent.lo && x.toks[sp.lo].lower != "who" {
			if lo := x.pluralIn(sp.lo, c.sent.lo); lo < sp.lo && !x.groupSpeaker(c) {
				c.speaker.lo, c.core, c.antecedent, c.appos = x.speakerStart(span{lo, sp.hi}, c.sent.lo), span{lo, sp.lo - 1}, span{}, span{}
				sp = c.speaker // "Most growers in the valley said": the plural is the subject
				if sp.lo <= c.sent.lo {
					out = append(out, c)
					continue
				}
			}
			if w := x.toks[sp.lo-1].lower; (w == "in" && !x.inNoun(c) || w == "to") && !x.groupSpeaker(c) || w == "if" || w == "whether" || w == "how" || x.isCue(sp.lo-1) || cueEndsAt(all, sp.lo) ||
				w == "on" && cueEndsAt(all, sp.lo-1) {
				continue
			}
			if p := sp.lo - 2; p >= c.sent.lo && x.toks[p+1].lower == "that" && (x.isCue(p) || cueEndsAt(all, p+1)) {
				continue
			}
			if x.contentOpensAt(all, c) {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// pluralIn returns where the plural noun phrase starts that the "in" before
// token k modifies ("most growers in the valley said"), or k when there is
// none: the speaker phrase is then that plural's, not an adjunct's.
func (x *doc) pluralIn(k, lo int) int {
	p := k - 2
	if p < lo || x.toks[k-1].lower != "in" {
		return k
	}
	t := x.toks[p]
	w := t.lower
	if t.kind != tWord || t.cap || !thirdPersonForm(w) || lex.is(w, wAux|wBe|wStop|wPron|wDet|wTime) || isVerbish(w) {
		return k
	}
	if np := x.leftNP(lo, p+1); !np.empty() {
		return np.lo
	}
	return k
}

// objectExperiencers are verbs whose object holds the attitude and whose
// subject is what it is about: in "the ruling angered the growers" the
// growers are the source, the ruling the content.
var objectExperiencers = wordSet(`angered angers alarmed alarms exasperated exasperates startled startles
		thrilled thrills emboldened emboldens rattled rattles offended offends infuriated infuriates
		outraged outrages frustrated frustrates disappointed disappoints delighted delights
		annoyed annoys irritated irritates dismayed dismays unnerved unnerves spooked spooks
		stunned stuns enraged enrages galvanized galvanizes energized energizes alienated alienates
		baffled baffles puzzled puzzles`)

// experiencers turns round an attribution whose cue is an active
// object-experiencer verb with a noun phrase after it: the phrase, up to a
// relative pronoun, a preposition or a punctuation mark, is the speaker;
// the subject is the content.
func (x *doc) experiencers(cs []*cand) []*cand {
	for _, c := range cs {
		v := c.cue.hi - 1
		sp, ct := c.speaker, c.content
		if !objectExperiencers[x.toks[v].lower] || c.inherit != nil || sp.empty() || sp.hi > c.cue.lo || ct.lo != c.cue.hi ||
			v > c.cue.lo && lex.is(x.toks[v-1].lower, wBe) || c.negated {
			continue
		}
		end := ct.lo
		for end < ct.hi && end-ct.lo < maxNP && x.toks[end].kind == tWord && !lex.is(x.toks[end].lower, wRel|wPrep|wConj|wStop) || end == ct.lo && end < ct.hi && lex.is(x.toks[end].lower, wDet) {
			end++
		}
		if end == ct.lo {
			continue
		}
		c.speaker, c.content = span{ct.lo, end}, sp
		c.core, c.antecedent, c.appos, c.target, c.loose = span{}, span{}, span{}, span{}, true
	}
	return cs
}

// contentOpensAt reports whether c's speaker opens the content of another
// attribution of cs, one whose cue comes first and whose content takes in
// c's cue: "The port said on Monday the crews rejected the offer". A
// poll's "in" is no such cue: "In a poll, 46% of voters say" is two
// attributions.
func (x *doc) contentOpensAt(cs []*cand, c *cand) bool {
	for _, d := range cs {
		if d != c && x.toks[d.cue.lo].lower != "in" && d.content.lo == c.speaker.lo && d.cue.hi <= c.speaker.lo && d.content.hi >= c.cue.hi {
			return true
		}
	}
	return false
}

// cueEndsAt reports whether the cue of one of cs ends just before token k.
func cueEndsAt(cs []*cand, k int) bool {
	for _, d := range cs {
		if d.cue.hi == k {
			return true
		}
	}
	return false
}

// speakerEndsAt reports whether one of cs has a speaker that ends right
// before token k.
func speakerEndsAt(cs []*cand, k int) bool {
	for _, d := range cs {
		if !d.speaker.empty() && d.speaker.hi == k && d.cue.lo < d.speaker.lo {
			return true
		}
	}
	return false
}

// cueFrame reads the lexicon's or the cue model's cue at token k of s and
// its frame; nil when there is none or its frame fails. n is how many
// tokens the cue word takes.
func (x *doc) cueFrame(s span, k int, prior []*cand) (c *cand, n int) {
	w := x.toks[k].lower
	if remainForms[w] && k+1 < s.hi && stanceAdjectives[x.toks[k+1].lower] != "" {
		return nil, 1 // "growers remain hopeful the dam holds": the adjective is the cue, "remain" part of it
	}
	e, n, ok := lex.cue(x.toks, k)
	conf := 0.8
	if !ok {
		e, n, ok = x.mindCue(s, k)
	}
	if ok && !x.plain(k) {
		return nil, 1 // "will see what happens", "wants to see", "and see"
	}
	if ok && x.toks[k].lower == "want" && k > s.lo && hedgeModals[x.toks[k-1].lower] {
		return nil, 1 // "may want to reconsider": advice, not a wish
	}
	if ok && w == "plans" && x.planNoun(s, k) {
		return nil, 1 // "her own plans to", "many plans rose": the noun, not the verb
	}
	if ok && seekForms[x.toks[k].lower] && x.officeAfter(k+1, s.hi) {
		return nil, 1 // "seeking the nomination", "is seeking reelection": a candidacy, not a wish
	}
	if ok && x.toks[k].lower == "read" && !x.afterQuote(k, s.lo) {
		return nil, 1 // "read the report": a reader, not a text that says
	}
	if ok && wantForms[w] && x.wantYouToKnow(s, k) {
		return nil, 1 // "we want the crews to understand ...": the speaker's own say, not a wish PolNeAR marks
	}
	if x.toks[k].lower == "seeking" && x.nounParticiple(k, s.lo) {
		return nil, 1 // "anyone seeking refuge", "emails seeking comment": the participle picks out whom it names
	}
	if (seekForms[x.toks[k].lower] || wantForms[x.toks[k].lower]) && x.restrictiveWho(k, s.lo) {
		return nil, 1 // "women who want to vote": the wish picks out the group, no one voices it
	}
	if w := x.toks[k].lower; (w == "support" || w == "supports") && k+1 < s.hi && x.toks[k+1].lower == "for" {
		return nil, 1 // "her support for the dam": the noun, which the verb's object never follows with "for"
	}
	if ok && x.toks[k].lower == "call" && e.particle == "" && (k+1 >= s.hi || !objectPronouns[x.toks[k+1].lower] && x.toks[k+1].lower != "this") {
		return nil, 1 // "call centers", "what we call home": the bare form names only a pronoun ("call it a mess")
	}
	if ok && x.toks[k].lower == "backing" && x.backingOff(s, k) {
		return nil, 1 // "backing down", "and backing him": a phrasal verb, or a verb whose subject is far off
	}
	if ok && x.toks[k].lower == "attack" && (k == s.lo || !verbBefore(x.toks[k-1])) {
		return nil, 1 // "the Dec. 2 attack", "his murderous attack on": the noun
	}
	if ok && x.toks[k].lower == "vote" && (k == s.lo || x.toks[k-1].lower != "would") {
		return nil, 1 // "a vote for", "must vote for": only a poll's "would vote for" is a stance
	}
	if ok && x.toks[k].lower == "voted" && x.asideRelative(k, s.lo) {
		return nil, 1 // "Li, who voted against the bill, said": a record that describes the speaker of "said"
	}
	if ok && x.toks[k].lower == "went" && x.ingCueAfterComma(k+2, s.hi) {
		return nil, 1 // "went after Lee, saying ...": the manner of what the participle says
	}
	if x.toks[k].lower == "pledged" && k+1 < s.hi && strings.HasPrefix(x.toks[k+1].lower, "delegate") {
		return nil, 1 // "270 pledged delegates": a kind of delegate, not a pledge
	}
	if ok && e.act == schema.Assert && x.vetoed(k) && !x.afterGroup(k, s.lo) {
		return nil, 1 // only plain reporting verbs: a denial or an accusation stays
	}
	if !ok && x.toks[k].lower == "known" && k+1 < s.hi && x.toks[k+1].lower == "for" {
		return nil, 1 // "known for" is the writer's (knownFor), or no cue at all
	}
	if !ok && x.toks[k].lower == "attacking" && x.afterGroup(k, s.lo) {
		e, n, ok = cueEntry{base: "attack", act: schema.Denounce, frame: frameSay}, 1, true // "ads attacking Lee"
	}
	if !ok && x.toks[k].lower == "pressed" && x.askedAt(k) {
		e, n, ok = cueEntry{base: "press", act: schema.Question, frame: frameSay}, 1, true // "was pressed on why"
	}
	if !ok {
		if e, ok = x.modelCue(k); !ok {
			return nil, 1
		}
		n, conf = 1, 0.5
	}
	c = &cand{sent: s, cue: span{k, k + n}, entry: e, conf: conf}
	if !x.frame(c, prior) || x.phoneCall(c) {
		return nil, n
	}
	if w == "sure" {
		c.negated = false // "not sure how" is the doubt itself, not its denial
	}
	if (stanceWord(w) || mindStates[w]) && !c.trailing && !c.speaker.empty() &&
		c.speaker.hi < c.cue.lo && x.beBridge(c.speaker.hi, c.cue.lo) {
		c.cue.lo = c.speaker.hi // "are deeply skeptical of", "have long been concerned": PolNeAR's cue runs from the subject
	}
	return c, n
}

// phoneCall reports a "call" that rings someone up rather than names them:
// its object is followed by no name or label but by the sentence's end,
// an infinitive, a day, "only", or a verb joined by "and" ("Lee called
// Berg.", "called Berg to congratulate him", "called Berg Tuesday",
// "called the firm and asked").
func (x *doc) phoneCall(c *cand) bool {
	if c.entry.base != "call" || c.entry.particle != "" || c.cue.hi-c.cue.lo != 1 || c.content.lo != c.cue.hi || c.trailing {
		return false
	}
	r, hi := c.cue.hi, c.sent.hi
	np := x.rightNP(r, hi)
	if r < hi && objectPronouns[x.toks[r].lower] {
		np = span{r, r + 1}
	}
	if np.empty() {
		return false
	}
	n := np.hi
	if n >= hi {
		return true
	}
	t := x.toks[n]
	switch {
	case t.text == "." || t.text == ";":
		return true
	case t.lower == "to":
		return x.infinitiveAt(n+1, hi)
	case t.lower == "only":
		return true
	case lex.is(t.lower, wTime) && !x.toks[n].cap || weekdays[t.lower]:
		return true
	case t.lower == "and" && n+1 < hi:
		return x.verbLike(n+1) && x.toks[n+1].kind == tWord
	}
	return false
}

// afterQuote reports whether a quotation that ends in a comma, a question
// mark or an exclamation mark closes at most three words before k: "...,”
// the email read", "...,” read the statement".
func (x *doc) afterQuote(k, lo int) bool {
	for j := k - 1; j > lo && j >= k-4; j-- {
		t := x.toks[j]
		if t.kind == tCloseQ {
			p := x.toks[j-1].text
			return p == "," || p == "?" || p == "!"
		}
		if t.kind != tWord {
			return false
		}
	}
	return false
}

// mindCue reads the cues of a view or a state of mind that the cue table
// leaves out because they are cues only in some shapes: "would like to",
// "saw the vote as a test" and "views it as", "did not like", "are not
// sure how", and a stance adjective after "be" ("are hopeful that", "were
// skeptical of"). Any other "saw", "like" or "hopeful" is the cue model's.
func (x *doc) mindCue(s span, k int) (cueEntry, int, bool) {
	switch w := x.toks[k].lower; w {
	case "like":
		if x.wouldLike(k, s) {
			return cueEntry{base: "like", act: schema.Assert, frame: frameSay}, 1, true
		}
		if x.doNotLike(s, k) {
			return lex.cues["prefer"][0], 1, true // "many voters don't like her": a dislike, not a comparison
		}
	case "saw", "view", "views", "viewed":
		if x.asAfterObject(k+1, s.hi, w != "saw") {
			return lex.cues["see"][0], 1, true
		}
	case "sure":
		if x.unsure(s, k) {
			return lex.cues["wonder"][0], 1, true // "officials are not sure how to": a doubt
		}
	default:
		lemma := stanceAdjectives[w]
		if lemma == "" || !x.beBefore(s, k) {
			break
		}
		e := cueEntry{base: lemma, act: lex.acts[lemma], frame: frameSay}
		if k+1 < s.hi && stanceParticles[x.toks[k+1].lower] {
			e.particle = x.toks[k+1].lower // "are skeptical of": PolNeAR's cue keeps the preposition
			return e, 2, true
		}
		return e, 1, true
	}
	return cueEntry{}, 0, false
}

// planNoun reports whether "plans" at k is the noun: no "to" follows it
// outside a headline or the title line ("many plans rose"; "Acme plans new
// ferry" is a headline's verb), or a determiner, a preposition, a
// possessive or "own" comes before it ("her own plans to", "around plans
// to"). On PolNeAR train none of the nine such readings is a gold
// attribution.
func (x *doc) planNoun(s span, k int) bool {
	if k+1 >= s.hi || x.toks[k+1].lower != "to" && !x.headline(s) && s.lo > 0 {
		return true
	}
	if k == s.lo {
		return false
	}
	p := x.toks[k-1].lower
	return p == "own" || p == "'s" || lex.is(p, wDet|wPrep)
}

// asAfterObject reports whether "as" follows an object of one to seven
// words at k, with no punctuation, conjunction or relative word between:
// "saw the vote as a test". With gap, "as" may come first: "which she
// views as a test".
func (x *doc) asAfterObject(k, hi int, gap bool) bool {
	for j := k; j < hi && j < k+8; j++ {
		t := x.toks[j]
		if t.lower == "as" {
			return j > k || gap
		}
		if t.kind != tWord || lex.is(t.lower, wConj|wRel) {
			return false
		}
	}
	return false
}

// wantYouToKnow reports whether "want" at k is an "I" or "we" who want
// someone, in one to four words, to know, remember or understand
// something: "I want people in the valley to know that". On PolNeAR train
// none of the four outside quotations is a gold attribution; "the mayor
// wants growers to know" would be one.
func (x *doc) wantYouToKnow(s span, k int) bool {
	if k == s.lo || x.toks[k-1].lower != "i" && x.toks[k-1].lower != "we" {
		return false
	}
	for j := k + 2; j < s.hi-1 && j <= k+5; j++ {
		if x.toks[j].kind != tWord {
			return false
		}
		if x.toks[j].lower == "to" {
			return toKnow[x.toks[j+1].lower]
		}
	}
	return false
}

// toKnow are the verbs after "want someone to" that wantYouToKnow reads.
var toKnow = wordSet("know remember understand realize")

// unsure reports whether "sure" at k is a form of "be", a negation and
// at most two degree words before a clause: "are not sure how", "is not so
// sure that", "is far less sure whether". "make sure" and "to be sure" are
// no doubt.
func (x *doc) unsure(s span, k int) bool {
	if k+1 >= s.hi || !sureClause[x.toks[k+1].lower] && !lex.is(x.toks[k+1].lower, wPron) {
		return false
	}
	j, neg := k-1, false
	for j > s.lo && (lex.is(x.toks[j].lower, wNeg) || sureDegrees[x.toks[j].lower]) {
		neg = neg || lex.is(x.toks[j].lower, wNeg) || x.toks[j].lower == "less"
		j--
	}
	return neg && j > s.lo && (lex.is(x.toks[j].lower, wBe) || x.toks[j].lower == "'s" || x.toks[j].lower == "'re")
}

// sureClause open the clause after "not sure".
var sureClause = wordSet("that how why where whether if what who when")

// sureDegrees may stand between "not" and "sure".
var sureDegrees = wordSet("so far less quite entirely still")

// stanceAdjectives are adjectives of a state of mind, read as a cue of the
// lemma given only after a form of "be" ("are hopeful that", "is confident
// in", "were skeptical of"); elsewhere they are the cue model's ("White
// House hopeful Ana Ruiz" is a name's title).
var stanceAdjectives = map[string]string{"hopeful": "hope", "confident": "believe", "skeptical": "question",
	"optimistic": "hope", "wary": "fear", "reluctant": "decline", "unsure": "wonder"}

// stanceWord reports whether w is "sure" or a stance adjective.
func stanceWord(w string) bool { return w == "sure" || stanceAdjectives[w] != "" }

// remainForms are the forms of "remain", a copula before a stance
// adjective: "the growers remain confident the dam will hold".
var remainForms = wordSet("remain remains remained")

// stanceParticles follow a stance adjective in its cue.
var stanceParticles = wordSet("of about in")

// beBefore reports whether a form of "be" comes before k, past negations,
// adverbs and degree words: "are deeply skeptical", "is not so sure".
func (x *doc) beBefore(s span, k int) bool {
	for j := k - 1; j >= s.lo; j-- {
		t := x.toks[j]
		switch {
		case t.kind != tWord:
			return false
		case lex.is(t.lower, wBe) || t.lower == "'re" || t.lower == "'s" && contracted(t) || remainForms[t.lower]:
			return true
		case !lex.is(t.lower, wNeg) && !isAdverb(t) && !adverbAux[t.lower] && !stanceDegrees[t.lower]:
			return false
		}
	}
	return false
}

// beBridge reports whether toks[lo:hi] are all auxiliaries, forms of "be",
// negations, adverbs or degree words: "have long been", "are not so".
func (x *doc) beBridge(lo, hi int) bool {
	for j := lo; j < hi; j++ {
		t := x.toks[j]
		if t.kind != tWord || x.quoted[j] || !lex.is(t.lower, wAux|wBe|wNeg) && !isAdverb(t) && !stanceDegrees[t.lower] && t.lower != "'re" && !contracted(t) && !remainForms[t.lower] {
			return false
		}
	}
	return true
}

// stanceDegrees are degree words before a stance adjective: "so worried",
// "less sure", "more confident".
var stanceDegrees = wordSet("so more less very too far quite even long")

// doNotLike reports whether "like" at k follows "do", "does" or "did" and
// a negation, with at most two adverbs between ("don't really like",
// "just plain don't like"): the verb, not "doesn't sound like".
func (x *doc) doNotLike(s span, k int) bool {
	j := k - 1
	for j > s.lo && k-j <= 2 && (isAdverb(x.toks[j]) || likeAdverbs[x.toks[j].lower]) {
		j--
	}
	if j <= s.lo || !lex.is(x.toks[j].lower, wNeg) {
		return false
	}
	if x.toks[j].lower == "not" || x.toks[j].lower == "n't" || x.toks[j].lower == "n’t" {
		j--
	}
	w := x.toks[j].lower
	return w == "do" || w == "does" || w == "did"
}

// likeAdverbs may come between "don't" and "like".
var likeAdverbs = wordSet("really just plain particularly much even")

// wantForms are the forms of "want".
var wantForms = map[string]bool{"want": true, "wants": true, "wanted": true, "wanting": true}

// restrictiveWho reports whether the verb at k opens a restrictive relative
// clause: "who" (and at most one auxiliary) right before it, with no comma
// before "who" ("growers who want", "pilots who have sought").
func (x *doc) restrictiveWho(k, lo int) bool {
	w := k - 1
	if w > lo && lex.is(x.toks[w].lower, wAux) {
		w--
	}
	return w > lo && x.toks[w].lower == "who" && x.toks[w-1].kind == tWord
}

// nounParticiple reports whether the participle at k follows a noun with
// no comma, auxiliary, preposition or conjunction between: "emails seeking
// comment", not "..., seeking" nor "is seeking".
func (x *doc) nounParticiple(k, lo int) bool {
	if k <= lo {
		return false
	}
	p := x.toks[k-1]
	return p.kind == tWord && !lex.is(p.lower, wAux|wBe|wNeg|wConj|wPrep|wRel|wPron|wQuant) && !lyAdverb(p.lower) && !x.quoted[k] &&
		p.lower != "them" && p.lower != "one" // "most of them seeking shelter", "one seeking to": a subject of its own
}

// seekForms are the forms of "seek", which before an office names a
// candidacy: "seeking the nomination".
var seekForms = map[string]bool{"seek": true, "seeks": true, "sought": true, "seeking": true}

// officeAfter reports whether an office that candidates seek follows at k,
// after at most three determiners, modifiers or names: "the Democratic
// nomination", "a fifth term", "the White House", "reelection".
func (x *doc) officeAfter(k, hi int) bool {
	for j := k; j < hi && j < k+4; j++ {
		w := x.toks[j].lower
		if offices[w] || w == "white" && j+1 < hi && x.toks[j+1].lower == "house" {
			return true
		}
		if x.toks[j].kind != tWord || !(lex.is(w, wDet|wMod) || x.toks[j].cap || strings.HasSuffix(w, "th") || w == "second" || w == "third") {
			return false
		}
	}
	return false
}

// offices are what a candidate seeks.
var offices = map[string]bool{"nomination": true, "presidency": true, "reelection": true, "re-election": true,
	"term": true, "office": true, "seat": true, "seats": true}

// wouldLike reports a wish put as "would like to": "the council would like
// to build a dam". "like" is no cue of its own.
func (x *doc) wouldLike(k int, s span) bool {
	return x.toks[k].lower == "like" && k > s.lo && k+2 < s.hi && x.toks[k+1].lower == "to" &&
		(x.toks[k-1].lower == "would" || x.toks[k-1].lower == "'d" || x.toks[k-1].lower == "’d")
}

// hedgeModals before "want" make advice of it: "may want to", "would want".
var hedgeModals = map[string]bool{"may": true, "might": true, "would": true, "could": true, "should": true, "'d": true, "’d": true}

// dropInside removes the attributions whose cue is inside sp, another
// one's speaker: "reports" is no cue in "New reports show".
func dropInside(cs []*cand, sp span) []*cand {
	out := cs[:0]
	for _, c := range cs {
		if c.cue.lo < sp.lo || c.cue.hi > sp.hi {
			out = append(out, c)
		}
	}
	return out
}

// firstShape is the attribution that the first of shapes finds at token k
// of s, nil if none does: forms known by their shape rather than a cue
// word (a label and a colon, a byline, a headline's "Acme to endorse X").
func firstShape(s span, k int, shapes ...func(span, int) *cand) *cand {
	for _, shape := range shapes {
		if c := shape(s, k); c != nil {
			return c
		}
	}
	return nil
}

// dropCatenatives removes a cue whose content is only the infinitive of
// another cue: in "went on to say that X" the cue is "say".
func dropCatenatives(x *doc, cs []*cand) []*cand {
	out := cs[:0]
	for _, c := range cs {
		drop := false
		for _, d := range cs {
			drop = drop || d != c && c.content.lo+1 == d.cue.lo && x.toks[c.content.lo].lower == "to" && !d.speaker.empty() ||
				d != c && d.cue.lo <= c.cue.lo && c.cue.hi < d.cue.hi && !d.speaker.empty()
		}
		if !drop {
			out = append(out, c)
		}
	}
	return out
}

// widenSpeaker gives a speaker phrase before its cue the words that belong
// to it but not to the actor it names: a party in parentheses ("Sen. Bernie
// Sanders (I-Vt.)"), an appositive's closing comma ("Clinton, a Democrat,"),
// the rest of a noun phrase the lexicon does not know, and a quantity
// ("all of"). The actor is still resolved from the phrase before (core).
func (x *doc) widenSpeaker(c *cand) {
	if p := c.inherit; p != nil {
		if c.speaker == p.resolvable() {
			c.speaker, c.core = p.speaker, p.core // "Fallon, a spokesman, said X, adding Y": both have the comma
		}
		return
	}
	if c.speaker.empty() || c.speaker.hi > c.cue.lo || c.speaker.hi-c.speaker.lo == 1 && possessives[x.toks[c.speaker.lo].lower] != "" {
		return // "his claim": the possessive determiner is the whole speaker
	}
	if c.core.empty() {
		c.core = c.speaker
	}
	if c.antecedent.empty() {
		c.speaker.lo = x.speakerStart(c.speaker, c.sent.lo)
		if h := x.attachedHead(c.speaker.lo, c.sent.lo); h < c.speaker.lo {
			c.speaker.lo, c.core = h, span{h, c.speaker.hi} // the people close to the campaign speak, not the campaign
		}
		if m := x.modifiersBefore(c.speaker.lo, c.sent.lo); m < c.speaker.lo && x.phraseHead(m, c.sent.lo) < m {
			c.speaker.lo = m // "A family of super PACs said": the modifiers are the head's, the phrase before "of" opens it
		}
		if h := x.phraseHead(c.speaker.lo, c.sent.lo); h < c.speaker.lo && !x.groupSpeaker(c) {
			c.speaker.lo = x.firstConjunct(h, c.sent.lo) // "Bush and his rivals for the nomination said"
		} else if k := c.speaker.lo - 1; k > c.sent.lo && x.toks[k].lower == "and" {
			c.speaker.lo = x.firstConjunct(c.speaker.lo, c.sent.lo) // "while doctors and nurses warned"
		} else if k > c.sent.lo && x.toks[k].lower == "nor" {
			c.speaker.lo = x.neither(k, c.sent.lo)
		} else if k >= c.sent.lo && x.toks[k].lower == "neither" && x.opensClause(k, c.sent.lo) && x.hasWord(c.speaker, "nor") {
			c.speaker.lo = k // "Neither the mayor nor her aides said"
		}
	} else if x.toks[c.speaker.lo].lower != "who" {
		c.speaker.lo = x.quantityOf(c.speaker.lo, c.sent.lo)
		if k := c.speaker.lo - 1; k >= c.sent.lo && articles[x.toks[k].lower] && lex.is(x.toks[c.speaker.lo].lower, wDet|wQuant) && !articles[x.toks[c.speaker.lo].lower] {
			c.speaker.lo = k // "The two candidates, for whom ..., sparred": the article opens the phrase
		}
	}
	if k := c.speaker.lo - 1; k >= c.sent.lo && x.toks[k].lower == "whose" {
		c.speaker.lo = k // "the pilot, whose lawyers argued": the relative opens the phrase
	}
	if k := c.speaker.lo - 2; k >= c.sent.lo && x.toks[k+1].lower == "and" && subjectPronouns[x.toks[k].lower] {
		c.speaker.lo = k // "She and her brother said": a subject pronoun is the first conjunct
	}
	if k := c.speaker.lo - 1; k > c.sent.lo && x.toks[k].text == "," && !x.hasComma(c.speaker) && x.roleOpens(c.speaker.lo) {
		if np := x.leftNP(c.sent.lo, k); !np.empty() && np.lo == c.sent.lo && np.hi-np.lo >= 2 && x.allCap(np) {
			c.speaker.lo, c.antecedent, c.appos = np.lo, np, c.speaker // "Ana Ruiz, the harbour master said": no closing comma
		}
	}
	if x.hasAnd(c.speaker) && !x.hasComma(c.speaker) {
		if k := x.listHead(c.speaker.lo, c.sent.lo); k < c.speaker.lo {
			c.speaker.lo, c.core, c.antecedent, c.appos = k, span{k, c.speaker.hi}, span{}, span{} // "the crews, pilots and growers said"
		}
	}
	if k := c.speaker.lo - 1; k >= c.sent.lo && nameParticles[x.toks[k].text] && x.toks[c.speaker.lo].cap {
		c.speaker.lo = k // "de Vries said": the particle is the name's
	}
	if k := c.speaker.lo; c.speaker.hi-k > 1 && leadWords[x.toks[k].lower] && x.toks[k].cap && x.opensClause(k, c.sent.lo) {
		c.speaker.lo = k + 1 // "Perhaps young voters believe", "Let me say": the opening word is not the speaker's
		c.core.lo, c.antecedent.lo = max(c.core.lo, k+1), max(c.antecedent.lo, k+1)
	}
	sp := c.speaker
	h := sp.hi
	if h < c.cue.lo && x.toks[h].text == "(" {
		if k := x.closeParen(h, c.cue.lo); k > 0 {
			h = k + 1
		}
	}
	if h < c.cue.lo && x.toks[h].text == "," && x.hasComma(span{sp.lo, h}) {
		h++
	}
	if h < c.cue.lo && reflexives[x.toks[h].lower] {
		h++ // "Ruiz herself said": the pronoun stresses the speaker
	}
	if h+2 == c.cue.lo && pollWords[x.toks[h-1].lower] && x.pollTime(h) {
		h += 2 // "A Tribune poll last week found": the time dates the poll
	}
	if h < c.cue.lo && x.toks[h-1].text != "," && x.timeTail(h) == c.cue.lo && x.modifiedSpeaker(span{sp.lo, h}) {
		h = c.cue.lo // "Growers going to the market Tuesday say", "A survey by the group in March found"
	}
	if h <= c.cue.lo {
		c.speaker.hi = h
	}
}

// timeTail returns where a time phrase that starts at k ends: "Tuesday",
// "on Tuesday morning", "in March", "this week", "last year"; k when there
// is none.
func (x *doc) timeTail(k int) int {
	j := k
	if j < len(x.toks) && (x.toks[j].lower == "on" || x.toks[j].lower == "in" || x.toks[j].lower == "this" || x.toks[j].lower == "last") {
		j++
	}
	if j >= len(x.toks) {
		return k
	}
	w := x.toks[j].lower
	switch {
	case weekdays[w] || months[w] && x.toks[j].cap:
		j++
		if j < len(x.toks) && dayParts[x.toks[j].lower] {
			j++
		}
		return j
	case (w == "week" || w == "month" || w == "year") && j > k:
		return j + 1
	}
	return k
}

// modifiedSpeaker reports whether a speaker phrase holds a modifier that a
// time after it may belong to: a participle ("growers going to the market"),
// "out" ("a poll out"), or a prepositional phrase after a record ("A survey
// by the group"). A time after a bare name stays out: "Jones on Tuesday
// said".
func (x *doc) modifiedSpeaker(sp span) bool {
	for k := sp.lo + 1; k < sp.hi; k++ {
		t := x.toks[k]
		if t.kind != tWord || t.cap {
			continue
		}
		if t.lower == "out" || lex.class[t.lower] == 0 && !adjectiveLike[t.lower] && len(t.lower) > 4 && (strings.HasSuffix(t.lower, "ing") || strings.HasSuffix(t.lower, "ed")) {
			return true
		}
		if lex.is(t.lower, wPrep) && evidenceNouns[x.toks[k-1].lower] {
			return true
		}
	}
	return false
}

// sentOut moves a sending verb that ends the speaker phrase before "out"
// ("The ministry sent out an email ...") out of the speaker, into the cue
// when the cue starts at "out".
func (x *doc) sentOut(c *cand) {
	v := c.speaker.hi - 1
	if v-1 > c.speaker.lo && x.toks[v].lower == "out" && sendVerbs[x.toks[v-1].lower] {
		v-- // "The ministry sent out | weekly bulletins"
	}
	if v <= c.speaker.lo || v+1 >= len(x.toks) || !sendVerbs[x.toks[v].lower] || x.toks[v+1].lower != "out" {
		return
	}
	c.speaker.hi = v
	c.core.hi, c.antecedent.hi = min(c.core.hi, v), min(c.antecedent.hi, v)
	if c.cue.lo == v+1 {
		c.cue.lo = v
	}
}

// leadWords open a sentence before its subject, capitalised as a name is:
// an adverb, "Let" before a pronoun, an auxiliary that inverts a question
// or a condition.
var leadWords = wordSet("let just perhaps maybe yet had does did do")

// speakerStart widens a speaker phrase to the left over words the lexicon
// does not know, when they reach a determiner or the sentence's start
// ("Patient advocacy groups"), and over a quantity before "of" ("all of
// the candidates").
func (x *doc) speakerStart(sp span, lo int) int {
	if lex.is(x.toks[sp.lo].lower, wPron) {
		return sp.lo // "a topic she knew well": a pronoun takes no words before it
	}
	k := sp.lo - 1
	for k >= lo && sp.lo-k <= 3 {
		t := x.toks[k]
		if x.leadingAdjective(k, lo) {
			k--
			continue
		}
		if t.kind != tWord || lex.class[t.lower] != 0 || x.verbLike(k) || strings.HasSuffix(t.lower, "ly") || controlVerbs[t.lower] || contactHead(t.lower) {
			break
		}
		if _, _, ok := lex.cue(x.toks, k); ok {
			break
		}
		k--
	}
	switch {
	case k < lo:
		sp.lo = lo
	case k < sp.lo-1 && lex.is(x.toks[k].lower, wDet) && x.toks[k].lower != "that" && !articles[x.toks[sp.lo].lower]:
		sp.lo = k
	case k < sp.lo-1 && x.opensClause(k+1, lo) && !lex.is(x.toks[k+1].lower, wAux|wBe|wNeg) && !x.toks[sp.hi-1].cap:
		sp.lo = k + 1 // ", American law enforcement officials said"
	}
	if k := sp.lo - 1; k >= lo && x.toks[k].kind == tWord && lex.is(x.toks[k].lower, wDet|wQuant) && x.toks[k].lower != "that" {
		sp.lo = k // "the leading candidates", "all three candidates"
	}
	if k := sp.lo - 2; k >= lo && quantifiers[x.toks[k].lower+" "+x.toks[k+1].lower] {
		sp.lo = k // "at least a dozen members"
	}
	k = x.proportion(x.quantityOf(sp.lo, lo), lo)
	if k < sp.lo && k > lo && articles[x.toks[k-1].lower] {
		k-- // "The nearly two-minute video says"
	}
	return k
}

// contactHeads are nouns that head a relative clause without "that" or
// "which" ("the moment the mayor said", "a point the pilots conceded", "the
// reason most growers say"): the clause's subject, not the noun, is the
// speaker.
var contactHeads = map[string]bool{"moment": true, "reason": true, "point": true, "word": true, "place": true,
	"ones": true, "strategy": true, "defeat": true, "recommendation": true, "dynamic": true, "honor": true,
	"incident": true, "unease": true, "way": true, "thing": true, "things": true, "idea": true, "kind": true,
	"sort": true, "argument": true, "term": true, "offer": true, "approach": true,
	"arrangement": true}

// contactHead reports whether w, or its singular, is one of contactHeads:
// "two reasons Israel gave".
func contactHead(w string) bool {
	return contactHeads[w] || len(w) > 4 && w[len(w)-1] == 's' && contactHeads[w[:len(w)-1]]
}

// quantityOf widens a speaker phrase that starts at k over a quantity and
// "of" before it: "all of the candidates", "One of his advisers, Tad
// Devine,", "the rest of".
func (x *doc) quantityOf(k, lo int) int {
	if j := k - 2; j >= lo && x.toks[j+1].lower == "of" && (lex.is(x.toks[j].lower, wQuant|wDet) || x.toks[j].lower == "much") && x.toks[j].lower != "that" {
		k = j
		if j > lo && lex.is(x.toks[j-1].lower, wDet) && x.toks[j-1].lower != "that" {
			k = j - 1 // "the rest of"
		}
	}
	return k
}

// leadingAdjective reports whether the "leading" at k is an adjective of
// the speaker phrase, not a verb: it opens the clause or follows a
// determiner ("the two leading candidates", "And leading Democrats say").
// So are the time words that read as adjectives there: "An earlier
// report", "Early returns of the count".
func (x *doc) leadingAdjective(k, lo int) bool {
	if !adjectiveLike[x.toks[k].lower] {
		return false
	}
	if k == lo {
		return true
	}
	p := x.toks[k-1].lower
	return lex.is(p, wDet|wQuant) && p != "that" || isDigit(p) || coordinators[p]
}

// articles open a noun phrase that no determiner before them belongs to:
// "a probe the agency opened" names the agency.
var articles = wordSet("the a an his her their its our my your these those")

// modifiersBefore returns where at most three lower-case modifiers start
// that come right before token k, after a preposition that heads them
// ("of super PACs"); k when there are none.
func (x *doc) modifiersBefore(k, lo int) int {
	m := k
	for j := k - 1; j > lo && k-j <= 3; j-- {
		t := x.toks[j]
		if t.kind != tWord || t.cap || lex.class[t.lower] != 0 && !lex.is(t.lower, wMod) || isVerbish(t.lower) || x.isCue(j) {
			break
		}
		m = j
	}
	if m == k || !headPreps[x.toks[m-1].lower] || x.toks[m-1].lower == "to" {
		return k // not "an effort to recruit pastors"
	}
	return m
}

// adjectiveLike are a verb and time words that leadingAdjective reads as
// adjectives of a speaker phrase.
var adjectiveLike = wordSet("leading early earlier")

// proportion widens a speaker phrase that starts at k over the share of a
// poll's respondents that opens it: "Thirty-nine percent of", "about 6 in 10
// voters", "nearly half of", as PolNeAR's speakers have them.
func (x *doc) proportion(k, lo int) int {
	if k-1 >= lo && numberWord(x.toks[k-1].lower) && (isDigit(x.toks[k].lower) || lex.is(x.toks[k].lower, wQuant)) {
		k-- // "Thirty-nine percent"
	}
	if k-1 >= lo && isDigit(x.toks[k-1].lower) && x.toks[k].lower == "percent" {
		k-- // "30 percent"
	}
	if j := k - 2; j >= lo && x.toks[j+1].lower == "in" && numeral(x.toks[j].lower) && numeral(x.toks[k].lower) {
		k = j // "6 in 10"
	} else if j := k - 3; j >= lo && x.toks[j+1].lower == "out" && x.toks[j+2].lower == "of" && numeral(x.toks[j].lower) && numeral(x.toks[k].lower) {
		k = j // "three out of 10"
	}
	if j := k - 1; j >= lo && approximate[x.toks[j].lower] && (numeral(x.toks[k].lower) || lex.is(x.toks[k].lower, wQuant) ||
		k+1 < len(x.toks) && x.toks[k].lower == "a" && lex.is(x.toks[k+1].lower, wQuant)) {
		k = j // "about half", "nearly a third"
	}
	if j := k - 3; j >= lo && x.toks[j].lower == "as" && x.toks[j+2].lower == "as" && asMany[x.toks[j+1].lower] {
		k = j // "as many as 40 percent"
	}
	return k
}

// allCap reports whether every word of s is capitalised: a name.
func (x *doc) allCap(s span) bool {
	for k := s.lo; k < s.hi; k++ {
		if t := x.toks[k]; t.kind == tWord && !t.cap {
			return false
		}
	}
	return true
}

// roleOpens reports whether a role phrase opens at k: "the harbour
// master", "a pilot", "spokeswoman for the port".
func (x *doc) roleOpens(k int) bool {
	w := x.toks[k].lower
	return !x.toks[k].cap && (w == "a" || w == "an" || w == "the" || lex.is(w, wRole))
}

// listHead returns where a list of noun phrases separated by commas
// starts whose coordinated last items start at k ("the crews, pilots and
// growers"), or k. The list opens its clause: a phrase after a preposition
// ("In May, Ruiz and Berg") is no item.
func (x *doc) listHead(k, lo int) int {
	start := k
	for k-1 > lo && x.toks[k-1].text == "," {
		prev := x.leftNP(lo, k-1)
		if prev.empty() || prev.hi != k-1 || x.hasAnd(prev) || x.hasComma(prev) || lex.is(x.toks[prev.hi-1].lower, wMod|wTime|wStop) || x.opener(prev, lo) {
			break // "Together, Ruiz and Berg said": an opening adverb is no item
		}
		b := prev.lo - 1
		if b >= lo && !(x.toks[b].text == "," || x.toks[b].text == ":" || x.toks[b].text == ";" || lex.is(x.toks[b].lower, wConj) && x.toks[b].lower != "and" && x.toks[b].lower != "or" || x.toks[b].lower == "what") {
			break
		}
		k, start = prev.lo, prev.lo
		if b < lo || x.toks[b].text != "," {
			break
		}
	}
	return start
}

// dropAnonymity cuts from a speaker phrase a relative clause that only
// says why the speaker is not named: "an aide who spoke on the condition of
// anonymity". The phrase before it is the speaker.
func (x *doc) dropAnonymity(c *cand) {
	sp := c.speaker
	for r := sp.lo + 1; r < sp.hi; r++ {
		if w := x.toks[r].lower; w != "who" && w != "that" {
			continue
		}
		for k := r + 1; k < sp.hi; k++ {
			if strings.HasPrefix(x.toks[k].lower, "anonym") {
				e := r
				if x.toks[e-1].text == "," {
					e--
				}
				if e > sp.lo {
					x.cutSpeaker(c, e)
				}
				return
			}
		}
		return
	}
}

// dropMedium cuts from the end of a speaker phrase an "in" phrase naming
// where the speaker spoke ("the mayor in a radio interview"): the medium is
// no part of the speaker. A relative clause or an appositive keeps its own
// ("who was reached in a phone interview", "Ruiz, a voice in the debate,").
func (x *doc) dropMedium(c *cand) {
	sp := c.speaker
	if sp.hi-sp.lo < 3 {
		return
	}
	h := sp.hi - 1
	if x.toks[h].text == "," {
		h--
	}
	if h <= sp.lo || !lex.is(x.toks[h].lower, wMedium) {
		return
	}
	for r := h - 1; r > sp.lo; r-- {
		w := x.toks[r].lower
		if w == "in" {
			for k := sp.lo; k < r; k++ {
				if lex.is(x.toks[k].lower, wRel) || x.toks[k].lower == "who" || x.toks[k].text == "," {
					return
				}
			}
			x.cutSpeaker(c, r)
			return
		}
		if x.toks[r].kind != tWord || lex.is(w, wPrep) {
			return
		}
	}
}

// dropAtTheTime cuts "at the time" from the end of a speaker phrase ("the
// mayor at the time said"): it dates the saying, not the speaker. After
// "according to" the phrase names a record of the time ("a survey at the
// time") and keeps it.
func (x *doc) dropAtTheTime(c *cand) {
	sp := c.speaker
	r := sp.hi - 3
	if r <= sp.lo || x.toks[c.cue.lo].lower == "according" {
		return
	}
	if x.toks[r].lower != "at" || x.toks[r+1].lower != "the" || x.toks[r+2].lower != "time" {
		return
	}
	x.cutSpeaker(c, r)
}

// dropRecordDay cuts from the end of an "according to" speaker the day of
// the record when "on" introduces it, with a participle right before it ("a
// survey released on Monday", "a report on Friday"), and "last week" right
// after the record's noun ("a poll last week"). A bare day after a
// participle stays ("a poll released Monday", "a poll taken last week").
func (x *doc) dropRecordDay(c *cand) {
	sp := c.speaker
	h := sp.hi - 1
	if h-1 <= sp.lo {
		return
	}
	r := -1
	switch p := x.toks[h-1]; {
	case weekdays[x.toks[h].lower] && p.lower == "on":
		r = h - 1
		if q := x.toks[r-1]; r-1 > sp.lo && !q.cap && strings.HasSuffix(q.lower, "ed") {
			r--
		}
	case x.toks[h].lower == "week" && p.lower == "last":
		if q := x.toks[h-2]; h-2 > sp.lo && q.kind == tWord && !q.cap && !strings.HasSuffix(q.lower, "ed") && !strings.HasSuffix(q.lower, "en") {
			r = h - 1
		}
	}
	if r > sp.lo {
		x.cutSpeaker(c, r)
	}
}

// dropAside cuts from the end of a speaker phrase a relative clause set
// off by dashes ("Jo Li — who chairs the board —") and a photograph's
// pointer ("Jo Li (left)"): PolNeAR leaves both out of the speaker, though
// it keeps a relative clause set off by commas.
func (x *doc) dropAside(c *cand) {
	sp := c.speaker
	h := sp.hi - 1
	if h-2 > sp.lo && x.toks[h].text == ")" && x.toks[h-2].text == "(" && photoPointers[x.toks[h-1].lower] {
		x.cutSpeaker(c, h-2)
		return
	}
	if h-2 <= sp.lo || !dashes[x.toks[h].text] {
		return
	}
	for j := h - 1; j > sp.lo; j-- {
		if dashes[x.toks[j].text] {
			if w := x.toks[j+1].lower; w == "who" || w == "whose" {
				x.cutSpeaker(c, j)
			}
			return
		}
	}
}

// cutSpeaker ends the speaker phrase, and its core and appositive, before
// token r.
func (x *doc) cutSpeaker(c *cand, r int) {
	c.speaker.hi = r
	if c.core.lo < r && c.core.hi > r {
		c.core.hi = r
	}
	if c.appos.hi > r {
		c.appos = span{}
	}
}

// photoPointers point a reader to a person in a photograph: "(left)".
var photoPointers = map[string]bool{"left": true, "right": true, "above": true, "below": true, "center": true}

// subjectPronouns are the pronouns that can only be a subject.
var subjectPronouns = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true}

// nameParticles are the lower-case words that open a surname: "de Vries".
var nameParticles = map[string]bool{"de": true, "del": true, "der": true, "van": true, "von": true, "da": true, "di": true, "du": true}

// approximate are the adverbs that open a share: "about half of voters".
var approximate = map[string]bool{"about": true, "nearly": true, "almost": true, "roughly": true, "approximately": true, "only": true}

// numeral reports whether w is a number in digits or in words.
func numeral(w string) bool { return isDigit(w) || numberWord(w) }

// numberWord reports whether w is a number under a hundred in words
// (see spelled): "four", "sixteen", "thirty-nine".
func numberWord(w string) bool {
	if i := strings.IndexByte(w, '-'); i > 0 {
		t, u := spelled[w[:i]], spelled[w[i+1:]]
		return t >= 20 && t < 100 && int(t)%10 == 0 && u >= 1 && u <= 9
	}
	v := spelled[w]
	return v >= 1 && v < 100
}

// asMany are the words between "as" and "as" that bound a number: "as many
// as", "as few as".
var asMany = map[string]bool{"many": true, "few": true, "much": true}

// quantifiers are the two-word quantities that open a speaker phrase.
var quantifiers = map[string]bool{"at least": true, "more than": true, "fewer than": true, "less than": true, "at most": true}

// closeParen returns the ")" closing the "(" at k, before end, or -1.
func (x *doc) closeParen(k, end int) int {
	for j := k + 1; j < end && j < k+25; j++ {
		if x.toks[j].text == ")" {
			return j
		}
	}
	return -1
}

func (x *doc) hasComma(s span) bool {
	for k := s.lo; k < s.hi; k++ {
		if x.toks[k].text == "," {
			return true
		}
	}
	return false
}

// dropWeakNested removes beliefs and stances reported inside another
// attribution's content: in "X said Y believes Z" the claim is X's. Reported
// speech keeps its own claim ("the Kremlin said Putin was calling for").
func (x *doc) dropWeakNested(cs []*cand) []*cand {
	out := make([]*cand, 0, len(cs)) // not cs[:0]: the inner loop reads every claim of cs
	for _, c := range cs {
		nested, reported := false, false
		for _, d := range cs {
			in := d != c && c.cue.lo >= d.content.lo && c.cue.hi <= d.content.hi
			nested = nested || in
			reported = reported || in && x.reportsAt(d.content, c.speaker.lo)
		}
		if !nested || !lex.is(c.entry.base, wWeak) || !reported && x.namedNaming(c) {
			out = append(out, c)
		}
	}
	return out
}

// reportsAt reports whether a content sp opens at token k, or takes in a
// "that" right before it: "said (on Monday that) Berg called it a mess"
// reports the naming as what was said.
func (x *doc) reportsAt(sp span, k int) bool {
	return sp.lo == k || k > sp.lo && x.toks[k-1].lower == "that"
}

// namedNaming reports a naming cue ("called", "described") with no particle
// whose speaker is a noun phrase, not a pronoun: its claim stands inside
// another's content, as PolNeAR marks it ("the mayor said so, with Smith
// calling it a mess"), unless it is what the other reports ("said that
// Smith called it a mess": see dropWeakNested). After a pronoun it is
// mostly a relative aside ("the tax, which he called unfair") that PolNeAR
// leaves out. A headline's "Called" is left to the headline rules.
func (x *doc) namedNaming(c *cand) bool {
	if !nestedNaming[c.entry.base] || c.entry.particle != "" || c.speaker.empty() || x.toks[c.cue.hi-1].cap {
		return false
	}
	if b := c.cue.lo - 1; b >= c.sent.lo && lex.is(x.toks[b].lower, wPrep) {
		return false // "responded by calling it a mess": part of the outer cue
	}
	w := x.toks[c.speaker.lo].lower
	return !lex.is(w, wPron|wRel) && !objectPronouns[w] && w != "who" && possessives[w] == ""
}

// nestedNaming are the naming cues that namedNaming keeps.
var nestedNaming = wordSet("call describe label dub")

// dropWeakInner removes an attribution whose cue lies inside another one's
// content when its speaker is a bare relative "that" or its act a promise:
// in "the mayor said the growers doubt a study that claims the dam is safe"
// the study's claim is only part of what the mayor said, and in "the mayor
// criticized the plan Tom Hale promised to fund" the promise is part of what
// the mayor criticized. On PolNeAR train 5 of 6 such "that" attributions and
// 14 of 14 such promises are no gold attribution.
func (x *doc) dropWeakInner(cs []*cand) []*cand {
	out := make([]*cand, 0, len(cs)) // not cs[:0]: the loop reads all of cs
	for _, c := range cs {
		bareThat := c.speaker.hi-c.speaker.lo == 1 && x.toks[c.speaker.lo].lower == "that"
		if (bareThat || c.entry.act == schema.Promise) && nestedIn(cs, c) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// nestedIn reports whether c's cue lies inside the content of another
// attribution of cs.
func nestedIn(cs []*cand, c *cand) bool {
	for _, d := range cs {
		if d != c && c.cue.lo >= d.content.lo && c.cue.hi <= d.content.hi {
			return true
		}
	}
	return false
}

// dropInsideCues removes an attribution whose cue words lie inside a longer
// cue of another: "the growers express doubts about" is one claim, not also
// "the growers express" saying "doubts about".
func dropInsideCues(cs []*cand) []*cand {
	out := make([]*cand, 0, len(cs)) // not cs[:0]: the loop reads all of cs
	for _, c := range cs {
		inside := false
		for _, d := range cs {
			inside = inside || d != c && d.cue.lo <= c.cue.lo && c.cue.hi <= d.cue.hi && d.cue.hi-d.cue.lo > c.cue.hi-c.cue.lo
		}
		if !inside {
			out = append(out, c)
		}
	}
	return out
}

// dropSameReadings keeps the first of two attributions with the same cue
// and speaker: two readings of "The union began calling for", one from
// "began" and one from "calling for". It filters cs in place.
func dropSameReadings(cs []*cand) []*cand {
	out := cs[:0]
outer:
	for _, c := range cs {
		for _, d := range out {
			if d.cue == c.cue && d.speaker == c.speaker {
				continue outer
			}
		}
		out = append(out, c)
	}
	return out
}

// dropReportedByAccording removes an attribution that an "according to"
// in its sentence reports: in "“We won,” Li said, according to the Post"
// the claim is the Post's, and its content holds "Li said". On PolNeAR train
// 58 of 68 such inner attributions are in no gold cue. The same holds for
// a poll that opens the sentence ("In a harbour poll, 60 percent said ...":
// 8 of 8), a finding ("a survey found that most growers said ...": 16 of
// 22) and an outlet's "reported" after its content ("Li said the dam would
// stay, the Post reported": 14 of 16), unless the inner cue is a report of
// its own ("KING-TV reported ..., while ..., the Sun-Times reported").
func (x *doc) dropReportedByAccording(cs []*cand) []*cand {
	out := make([]*cand, 0, len(cs)) // not cs[:0]: the loop reads all of cs
	for _, c := range cs {
		reported := false
		for _, d := range cs {
			reported = reported || d != c && x.reports(d, c) && !x.reports(c, nil)
		}
		if !reported {
			out = append(out, c)
		}
	}
	return out
}

// reports reports whether d is an "according to", a poll's "in", a
// finding or a "reported" after its content, whose content holds the cue
// of c (any such d when c is nil). A "reported" must come after c's cue.
func (x *doc) reports(d, c *cand) bool {
	if c != nil && (c.cue.lo < d.content.lo || c.cue.hi > d.content.hi) {
		return false
	}
	w := x.toks[d.cue.hi-1].lower
	switch {
	case d.entry.frame == framePrep:
		w = x.toks[d.cue.lo].lower
		return w == "according" || w == "in"
	case evidenceVerbs[w] != "":
		return true
	}
	return d.trailing && (w == "reported" || w == "reports") && (c == nil || d.cue.lo >= c.cue.hi)
}

// frame fills in c's speaker and content around its cue; false when the cue
// word is not used as one here.
func (x *doc) frame(c *cand, prior []*cand) bool {
	if c.entry.frame == framePrep {
		ok := x.according(c)
		x.dropRecordDay(c)
		return ok
	}
	if x.askedAt(c.cue.lo) && (c.cue.lo == c.sent.lo || x.toks[c.cue.lo-1].lower == "when" || x.commaAsked(c.cue.lo)) {
		return x.asked(c, prior)
	}
	if x.askedAt(c.cue.lo) && c.cue.lo > c.sent.lo+1 && (lex.is(x.toks[c.cue.lo-1].lower, wBe) ||
		c.cue.lo > c.sent.lo+2 && lex.is(x.toks[c.cue.lo-2].lower, wBe) && (isAdverb(x.toks[c.cue.lo-1]) || cueAdverb(x.toks[c.cue.lo-1]) || bridgeAdverbs[x.toks[c.cue.lo-1].lower] || adverbAux[x.toks[c.cue.lo-1].lower])) {
		return x.wasAsked(c) // "was asked", "were also asked"
	}
	if k := c.cue.lo; x.toks[k].lower == "blame" && k >= c.sent.lo+2 && x.toks[k-1].lower == "to" && lex.is(x.toks[k-2].lower, wBe) {
		return false // "the media are to blame for": no one blames here
	}
	if x.saidFirst(c) || x.asReported(c) || x.frontParticiple(c) || x.asideParticiple(c) || x.thoseParticiple(c) || x.groupParticiple(c) || x.passiveBy(c) {
		return true
	}
	j, ok := x.bridge(c)
	if !ok {
		return false
	}
	if !x.subject(c, j, prior) {
		return x.looseSubject(c, j) && x.complement(c)
	}
	if c.trailing {
		return true // inverted: "..., said Smith."
	}
	if x.modifier(c, j) {
		return false
	}
	if !x.agrees(c, j) || c.entry.object && !x.headNoun(c.resolvable()) {
		return x.looseSubject(c, j) && x.complement(c)
	}
	return x.complement(c)
}

// bridge walks left from the cue over auxiliaries, negations, adverbs and
// times ("has not", "this week") and returns the index of the token before
// them; false for a passive or a cue word used as an adjective.
func (x *doc) bridge(c *cand) (j int, ok bool) {
	lo, cueStart := c.sent.lo, c.cue.lo
	catenated := false
	defer func() {
		if c.negated || catenated {
			c.cue.lo = cueStart // "has not admitted", "continued to insist"
		}
	}()
	ing := strings.HasSuffix(x.toks[c.cue.lo].lower, "ing")
	for j = c.cue.lo - 1; j >= lo; j-- {
		t := x.toks[j]
		switch {
		case t.text == ")": // "Sen. Elizabeth Warren (D-MA) said"
			if j = x.openParen(j, lo); j < 0 {
				return c.cue.lo - 1, true
			}
		case t.kind != tWord:
			return j, true
		case lex.is(t.lower, wBe) && j == cueStart-1 && !ing && !x.stanceAdjective(c):
			return j, false // passive: "have been confirmed killed"
		case lex.is(t.lower, wNeg):
			c.negated, cueStart = true, j
		case t.cap && (lex.is(t.lower, wTime) && x.isCapName(j) || lex.is(t.lower, wAux) && j > lo) && !x.headline(c.sent):
			return j, true // "Theresa May said", "which Will claims": a name, not the auxiliary
		case lex.is(t.lower, wAux|wBe):
			if j == cueStart-1 {
				cueStart = j
			}
		case t.lower == "to":
			if k, ok := x.infinitive(j); ok {
				j, cueStart = k+1, k
			} else if k, ok := x.catenative(j); ok && seemVerbs[x.toks[k].lower] && x.toks[j+1].lower == "have" {
				return j, false // "appears to have learned": the writer's "appears", not a cue of the subject's
			} else if ok {
				j, cueStart, catenated = k, k, true // "continued to insist", "went on to say"
			} else if x.controlled(lo, j) {
				cueStart, catenated = j, true // "led Priebus to declare": the object speaks
				return j - 1, true
			} else {
				return j, false
			}
		case contracted(t) && j == cueStart-1 && (participle(x.toks[c.cue.lo].lower) || ing):
			cueStart = j // "he’s said", "who’s called for", "she’s saying": a contracted "has" or "is"
		case remainForms[t.lower] && stanceAdjectives[x.toks[c.cue.lo].lower] != "":
			// "they remain hopeful": a copula, as "are" is
		case bridgeAdverbs[t.lower]:
		case lex.is(t.lower, wTime) && !x.isCapName(j), isAdverb(t), isYear(t.lower) && j > lo && x.toks[j-1].lower == "in" && sayBases[c.entry.base],
			(t.lower == "on" || t.lower == "in") && j+1 < c.cue.lo && (lex.is(x.toks[j+1].lower, wTime) || isYear(x.toks[j+1].lower) && sayBases[c.entry.base]):
		default:
			if p := x.phraseAfterWho(j, lo); p > 0 && sayBases[c.entry.base] {
				return p, true // "who after the vote said": the phrase dates the saying
			}
			return j, true
		}
	}
	return j, true
}

// isYear reports whether w is a year of the last two centuries: "2010".
func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	for i := 0; i < 4; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w[:2] == "19" || w[:2] == "20"
}

// phraseAfterWho returns the index of a "who" that an adverbial phrase
// ending at j follows ("who at the time", "who after the vote"), or -1: a
// preposition of phrasePreps, then up to four words that are no verb,
// pronoun or conjunction.
func (x *doc) phraseAfterWho(j, lo int) int {
	for p := j; p > lo && p >= j-4; p-- {
		t := x.toks[p]
		if t.kind != tWord {
			return -1
		}
		if phrasePreps[t.lower] {
			if p < j && x.toks[p-1].lower == "who" {
				return p - 1
			}
			return -1
		}
		if lex.is(t.lower, wPron|wConj|wRel|wAux|wBe|wNeg) || x.verbLike(p) || x.isCue(p) {
			return -1
		}
	}
	return -1
}

// openParen returns the index of the "(" that the ")" at j closes, within a
// few tokens, or -1.
func (x *doc) openParen(j, lo int) int {
	for k := j - 1; k >= lo && j-k < 25; k-- {
		if x.toks[k].text == "(" {
			return k
		}
	}
	return -1
}

// isCapName reports whether a capitalised time word is part of a name
// ("May" in "Theresa May").
func (x *doc) isCapName(j int) bool {
	t := x.toks[j]
	return t.cap && (j > 0 && x.toks[j-1].cap && x.toks[j-1].kind == tWord && !lex.is(x.toks[j-1].lower, wTime|wPrep) || x.surnames[t.lower])
}

func isAdverb(t token) bool { return !t.cap && lyWord(t.lower) }

// lyWord reports whether w looks like an adverb in -ly ("recently"): not a
// word of the lexicon's classes, nor a noun in -ly ("family").
func lyWord(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && lex.class[w] == 0 && !lyNouns[w]
}

// lyNouns end in "-ly" but are nouns: "The family has called on".
var lyNouns = map[string]bool{"family": true, "rally": true, "assembly": true, "supply": true, "reply": true,
	"bully": true, "anomaly": true, "monopoly": true, "tally": true, "belly": true, "folly": true}

// participle reports whether a cue form reads as a past participle.
func participle(w string) bool {
	switch w {
	case "said", "told", "written", "spoken", "shown", "known", "made", "put", "given", "taken", "sought", "thought":
		return true
	}
	return strings.HasSuffix(w, "ed")
}

// headNoun reports whether a speaker phrase ends in a word that can head
// one: a name, a pronoun, a role or group, or a plural ("a sour" is none,
// in "a sour mood about").
func (x *doc) headNoun(sp span) bool {
	if sp.empty() {
		return false
	}
	h := x.toks[sp.hi-1]
	return h.cap || h.kind != tWord || lex.is(h.lower, wPron|wRole|wGroup|wBody|wQuant|wRel) || h.lower == "who" ||
		isDigit(h.lower) || len(h.lower) > 3 && strings.HasSuffix(h.lower, "s") || lex.class[h.lower] == 0 && !isVerbish(h.lower) && sp.hi-sp.lo > 2
}

// bridgeAdverbs may stand between an auxiliary and a cue: "has since said".
// They are never a cue of their own, and PolNeAR's cue holds them: "often
// says", "has twice complained".
var bridgeAdverbs = map[string]bool{"since": true, "now": true, "only": true, "first": true, "ever": true, "long": true, "yet": true,
	"further": true, "likewise": true, "often": true, "always": true, "seldom": true, "twice": true, "usually": true}

// catenatives take a cue in the infinitive: "wants to know", "tried to
// explain"; past tenses and participles ("continued", "seeking") do too.
var catenatives = map[string]bool{"want": true, "wants": true, "need": true, "needs": true, "try": true, "tries": true,
	"continue": true, "continues": true, "seem": true, "seems": true, "plan": true, "plans": true, "hope": true, "hopes": true,
	"refuse": true, "refuses": true, "decline": true, "declines": true, "began": true, "begin": true, "begins": true,
	"appear": true, "appears": true, "intend": true, "intends": true, "likes": true, "like": true, "used": true}

// catenative returns the verb before the "to" at j that takes the cue after
// it ("continued to", "went on to"); false when there is none.
func (x *doc) catenative(j int) (int, bool) {
	p := j - 1
	if p < 1 {
		return 0, false
	}
	t := x.toks[p]
	if t.lower == "on" {
		switch x.toks[p-1].lower {
		case "went", "go", "goes", "going":
			return p - 1, true
		}
		return 0, false
	}
	if t.kind != tWord || t.cap || lex.class[t.lower] != 0 {
		return 0, false
	}
	return p, catenatives[t.lower] || strings.HasSuffix(t.lower, "ed") && len(t.lower) > 4
}

// infinitive handles "X are among the leaders to denounce": it looks left
// of "to" (at j) for a form of "be" within a few words and returns its index.
func (x *doc) infinitive(j int) (int, bool) {
	for k := j - 1; k >= 0 && k >= j-6; k-- {
		t := x.toks[k]
		if t.kind != tWord || t.cap {
			return 0, false
		}
		if lex.is(t.lower, wBe) {
			return k, true
		}
	}
	return 0, false
}

func isEnd(t token) bool {
	switch t.text {
	case ",", ".", ";", "!", "?", ":", "—", "–", "--":
		return true
	}
	return false
}

// opensAfterMark reports whether toks[k] is a capitalised "According" that
// opens a clause after a colon or a parenthesis: "Look at the map:
// According to the survey, ...", "(According to the agency, ...)".
func (x *doc) opensAfterMark(k int) bool {
	p := x.toks[k-1].text
	return x.toks[k].lower == "according" && (p == ":" || p == "(")
}

// backingOff reports whether the "backing" at k is no stance: a phrasal
// verb ("backing down", "backing them up"), a headline's capitalised word,
// or the second of two coordinated verbs ("bolting X and backing Y"),
// whose subject the rules find too far off.
func (x *doc) backingOff(s span, k int) bool {
	if x.toks[k].cap || k+1 >= s.hi || particles[x.toks[k+1].lower] || x.toks[k+1].lower == "away" {
		return true
	}
	if k+2 < s.hi && particles[x.toks[k+2].lower] {
		return true
	}
	return k > s.lo && (x.toks[k-1].lower == "and" || x.toks[k-1].lower == "or")
}

// ingCueAfterComma reports whether a comma and a cue in -ing follow
// between toks[lo] and hi: "went after Lee, saying ...", "calling ...".
func (x *doc) ingCueAfterComma(lo, hi int) bool {
	for j := lo; j+1 < hi; j++ {
		if x.toks[j].text == "," && strings.HasSuffix(x.toks[j+1].lower, "ing") && x.isCue(j+1) {
			return true
		}
	}
	return false
}

// verbBefore reports whether t makes a verb of a base form after it: "to",
// an auxiliary or a negation ("tried to attack", "did not attack"), not a
// determiner or a modifier ("the 2012 attack").
func verbBefore(t token) bool {
	return t.kind == tWord && (t.lower == "to" || lex.is(t.lower, wAux|wNeg))
}

// asideRelative reports whether the verb at k opens a relative clause set
// off by a comma, over auxiliaries and adverbs: ", who has long voted".
func (x *doc) asideRelative(k, lo int) bool {
	j := k - 1
	for j > lo && x.toks[j].kind == tWord && (lex.is(x.toks[j].lower, wAux|wNeg) || isAdverb(x.toks[j])) {
		j--
	}
	return j > lo && (x.toks[j].lower == "who" || x.toks[j].lower == "which") && x.toks[j-1].text == ","
}
