package extract

import (
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// Polls as the source of their findings: "In a CBS News poll, Cruz led by
// 10 points", "Berg led Li by six points in the latest Acme poll."

// pollWords head the phrase a survey's findings are reported in.
var pollWords = map[string]bool{"poll": true, "polls": true, "survey": true, "surveys": true, "polling": true}

// inPollStop are words that make "in ... poll" a place or a motion, not a
// source: "in front of a polling place", "in states heading to the polls".
var inPollStop = map[string]bool{"in": true, "to": true, "of": true, "at": true, "for": true, "on": true, "front": true, "head": true}

// inPoll reads a poll as the source of a finding: "In a CBS News poll last
// month, Cruz led by 10 points". The cue is "in", as PolNeAR's annotators
// mark it; the speaker is the poll. A poll after its finding is
// trailingPoll's.
func (x *doc) inPoll(s span, k int) *cand {
	if k != s.lo || x.toks[k].lower != "in" {
		return nil
	}
	end, head := k+1, -1
	for ; end < s.hi && end-k <= 12 && (x.toks[end].kind == tWord || x.toks[end].text == "/"); end++ {
		if w := x.toks[end].lower; pollWords[w] {
			head = end
		} else if inPollStop[w] || isVerbish(w) && !x.toks[end].cap && head < 0 { // "Morning Consult" is a pollster
			return nil
		}
	}
	if head < 0 || end+1 >= s.hi || x.toks[end].text != "," {
		return nil
	}
	core := span{k + 1, head + 1}
	if head+1 < end && isVerbish(x.toks[head+1].lower) {
		head = end - 1 // "a poll released Monday": the participle and all
	}
	if w := x.toks[end+1].lower; strings.HasSuffix(w, "ed") && isVerbish(w) {
		if j := x.nextComma(end+2, min(end+12, s.hi)); j > 0 && j+1 < s.hi {
			head, end = j, j // "a poll, conducted in May, ...": the aside and its comma
		}
	}
	c := &cand{sent: s, cue: span{k, k + 1}, speaker: span{k + 1, head + 1}, core: core, content: x.before(end+1, s.hi), conf: 0.5,
		entry: cueEntry{act: schema.Assert, frame: framePrep}}
	if x.words(c.content) < 2 {
		return nil // "In the polls, anyway.": a word is no finding
	}
	return c
}

// trailingPoll reads a poll named after its finding: "Berg led Li by six
// points in the latest Acme poll." The cue is "in", the speaker the poll and
// what dates it ("released Monday", "last month"), the content the clause
// before it. Only one poll that ends its clause: "leading in the polls" is
// as often no attribution in PolNeAR, and in "voters in a new poll said"
// the poll holds the speakers.
func (x *doc) trailingPoll(s span, k int) *cand {
	if k <= s.lo || x.toks[k].lower != "in" || k+2 >= s.hi || !pollOpeners[x.toks[k+1].lower] && !(x.toks[k+1].cap && x.toks[k+2].lower == "'s") {
		return nil
	}
	head := -1
	for j := k + 1; j < s.hi && j-k <= 10 && head < 0; j++ {
		switch t := x.toks[j]; {
		case t.lower == "poll" || t.lower == "survey":
			head = j
		case t.lower == "average" && j+2 < s.hi && x.toks[j+1].lower == "of":
			for n := j + 2; n < s.hi && n <= j+6 && x.toks[n].kind == tWord && head < 0; n++ {
				if pollWords[x.toks[n].lower] {
					head = n // "the Acme average of recent polls": one figure, from many polls
				}
			}
			if head < 0 {
				return nil
			}
		case t.kind != tWord && t.text != "/" || inPollStop[t.lower] || isVerbish(t.lower) && !t.cap || pollWords[t.lower]:
			return nil
		}
	}
	if head < 0 {
		return nil
	}
	end := head + 1
	if end+1 < s.hi && pollDated[x.toks[end].lower] && !isEnd(x.toks[end+1]) {
		end += 2 // "released Sunday", "last month"
	} else if end+1 < s.hi && (x.toks[end].lower == "from" || x.toks[end].lower == "by") && x.toks[end+1].cap {
		for end++; end < s.hi && x.toks[end].cap; end++ { // "a survey from Acme College"
		}
	}
	if end < s.hi && !isEnd(x.toks[end]) {
		return nil
	}
	c := &cand{sent: s, cue: span{k, k + 1}, speaker: span{k + 1, end}, core: span{k + 1, head + 1}, trailing: true, conf: 0.5,
		content: x.before(x.subjectStart(s.lo, k), k), entry: cueEntry{act: schema.Assert, frame: framePrep}}
	if c.content.hi-c.content.lo < 3 {
		return nil
	}
	return c
}

// pollOpeners open the name of one poll after "in", besides a possessive
// ("in Monday's poll"): "in a CNN poll", "in the latest poll". A bare name
// is a headline's place ("tied in Ohio poll").
var pollOpeners = map[string]bool{"a": true, "an": true, "the": true, "latest": true, "new": true, "one": true}

// pollDated are the words that date a poll after its name, with the word
// after them: "released Monday", "this month".
var pollDated = map[string]bool{"released": true, "published": true, "last": true, "this": true}

// pollTime reports whether tokens k and k+1 date a poll: "last week",
// "this month", "in January".
func (x *doc) pollTime(k int) bool {
	a, b := x.toks[k].lower, x.toks[k+1].lower
	return (a == "last" || a == "this") && (b == "week" || b == "month" || b == "year") || a == "in" && months[b]
}

// months are the months' names.
var months = wordSet("january february march april may june july august september october november december")
