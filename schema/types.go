package schema

import (
	"time"
)

// SpeechAct is what a speaker did with a claim, from a small closed set
// modelled on CAMEO's verbal codes. The cue verb keeps the nuance.
type SpeechAct string

// The speech acts.
const (
	Assert      SpeechAct = "assert"
	Accuse      SpeechAct = "accuse"
	Deny        SpeechAct = "deny"
	Confirm     SpeechAct = "confirm"
	Acknowledge SpeechAct = "acknowledge"
	Announce    SpeechAct = "announce"
	Appeal      SpeechAct = "appeal"
	Warn        SpeechAct = "warn"
	Denounce    SpeechAct = "denounce"
	Reject      SpeechAct = "reject"
	Threaten    SpeechAct = "threaten"
	Promise     SpeechAct = "promise"
	Predict     SpeechAct = "predict"
	Question    SpeechAct = "question"
)

// SpeechActs lists every speech act, in a stable order.
var SpeechActs = []SpeechAct{Assert, Accuse, Deny, Confirm, Acknowledge, Announce, Appeal,
	Warn, Denounce, Reject, Threaten, Promise, Predict, Question}

// Valid reports whether a is one of SpeechActs.
func (a SpeechAct) Valid() bool {
	for _, s := range SpeechActs {
		if a == s {
			return true
		}
	}
	return false
}

// ActorKind says what sort of speaker or target an actor is.
type ActorKind string

// The actor kinds.
const (
	KindPerson       ActorKind = "person"
	KindOrganization ActorKind = "organization"
	KindGovernment   ActorKind = "government" // a ministry, presidency, army...
	KindCountry      ActorKind = "country"
)

// ReviewStatus is a person's verdict on an extracted attribution.
type ReviewStatus string

// The review statuses.
const (
	Unreviewed ReviewStatus = "unreviewed"
	Verified   ReviewStatus = "verified"
	Disputed   ReviewStatus = "disputed"
	Wrong      ReviewStatus = "wrong"
)

// Span is a stretch of an article's text in Unicode code points, end
// exclusive. Text is the covered text, filled in for readers' convenience.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text,omitempty"`
}

// Empty reports whether the span covers nothing.
func (s Span) Empty() bool { return s.End <= s.Start }

// Speaker is the speaker mention of a claim and the actors it resolves to:
// "Armenian and Azerbaijan defense officials" is one mention, two actors.
type Speaker struct {
	Span
	Actors []Actor `json:"entities"`
}

// Actor is a speaker or a target: a person, an organisation, a government
// body or a country.
type Actor struct {
	ID          string    `json:"id"`
	IRI         string    `json:"iri"`
	Name        string    `json:"name"`
	Kind        ActorKind `json:"kind,omitempty"`
	Aliases     []string  `json:"aliases,omitempty"`
	Role        string    `json:"role,omitempty"`        // "foreign ministry spokeswoman"
	Affiliation string    `json:"affiliation,omitempty"` // IRI of the actor this one belongs to
	Wikidata    string    `json:"wikidata,omitempty"`    // QID, e.g. "Q399"
}

// Outlet is a news organisation: a publisher, or one a speaker talked to.
type Outlet struct {
	ID   string `json:"id"`
	IRI  string `json:"iri"`
	Name string `json:"name"`
}

// Event is what a claim is about.
type Event struct {
	ID    string    `json:"id"`
	IRI   string    `json:"iri"`
	Label string    `json:"label"`
	Kind  string    `json:"kind,omitempty"`
	Place string    `json:"place,omitempty"`
	Time  time.Time `json:"time,omitzero"`
}

// Article is one source document. An article with no text is a stub: the
// source of a hand-entered claim, known only by its URL.
type Article struct {
	ID        string    `json:"id"`
	IRI       string    `json:"iri"`
	URL       string    `json:"url,omitempty"`
	Headline  string    `json:"headline,omitempty"`
	Outlet    *Outlet   `json:"outlet,omitempty"` // the publisher
	Published time.Time `json:"published,omitzero"`
	Text      string    `json:"text,omitempty"`
	Hash      string    `json:"hash"` // hex SHA-256 of Text, or of URL for a stub
}

// Claim is one attribution: who said what, about whom, where.
type Claim struct {
	ID         string       `json:"id"`
	IRI        string       `json:"iri"`
	Article    string       `json:"article"` // IRI of the source article
	Speaker    Speaker      `json:"speaker"`
	Cue        Span         `json:"cue"`
	Content    Span         `json:"content"`
	Sentence   Span         `json:"sentence"`
	SpeechAct  SpeechAct    `json:"speech_act"`
	Direct     bool         `json:"direct_quote"`
	Negated    bool         `json:"negated"`
	Targets    []Actor      `json:"targets"`
	Event      *Event       `json:"event,omitempty"`
	Outlet     *Outlet      `json:"outlet,omitempty"` // the outlet the speaker talked to
	Date       time.Time    `json:"date,omitzero"`
	Extractor  string       `json:"extractor"`
	Confidence float64      `json:"confidence"`
	Review     ReviewStatus `json:"review_status"`
	Quantities []Quantity   `json:"quantities,omitempty"` // figures stated in the content
}

// Quantity is a figure stated in a claim's content ("350 military deaths",
// "some 400 lives"), kept as a typed value so that claims giving different
// figures for the same measure and event can be set side by side.
type Quantity struct {
	Span            // where it stands in the article, with its text
	Value   float64 `json:"value"`
	Measure string  `json:"measure"`               // what is counted, normalised: "deaths", "percent"
	Approx  bool    `json:"approximate,omitempty"` // "some", "around", "about"
}
