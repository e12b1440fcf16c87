package api

import (
	"fmt"
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// claimRequest is the body of POST /v1/claims: a claim entered by hand. It
// names a stored article, or the source it was seen in (a URL at least).
type claimRequest struct {
	Article    string         `json:"article"` // IRI or id of a stored article
	Source     *sourceRequest `json:"source"`
	Speaker    *actorRequest  `json:"speaker"`
	Cue        spanRequest    `json:"cue"`
	Content    spanRequest    `json:"content"`
	SpeechAct  string         `json:"speech_act"`
	Targets    []actorRequest `json:"targets"`
	Event      string         `json:"event"`  // the event's label
	Outlet     string         `json:"outlet"` // the outlet the speaker talked to
	Date       string         `json:"date"`
	Direct     bool           `json:"direct_quote"`
	Negated    bool           `json:"negated"`
	Confidence *float64       `json:"confidence"`
	Quantities []quantityReq  `json:"quantities"`
}

// quantityReq is a figure stated in a hand-entered claim.
type quantityReq struct {
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Text    string  `json:"text"`
	Value   float64 `json:"value"`
	Measure string  `json:"measure"`
	Approx  bool    `json:"approximate"`
}

type sourceRequest struct {
	URL       string `json:"url"`
	Headline  string `json:"headline"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
}

type actorRequest struct {
	Name  string `json:"name"`
	Kind  string `json:"kind"`
	Role  string `json:"role"`
	Text  string `json:"text"` // the mention as written, for a speaker
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// spanRequest has schema.Span's fields in its order, so one converts to the other.
type spanRequest struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// actor turns a request actor into a schema.Actor; field names it in errors.
func (r actorRequest) actor(field string) (schema.Actor, error) {
	name := strings.TrimSpace(r.Name)
	if name == "" {
		return schema.Actor{}, badRequest("%s.name is required", field)
	}
	kind := schema.ActorKind(r.Kind)
	switch kind {
	case "", schema.KindPerson, schema.KindOrganization, schema.KindGovernment, schema.KindCountry:
	default:
		return schema.Actor{}, badRequest("%s.kind: %q is not person, organization, government or country", field, r.Kind)
	}
	a := schema.NewActor(name, kind)
	a.Role = r.Role
	return a, nil
}

// claim builds the claim and, when the request names a source instead of a
// stored article, the stub article to store it with.
func (r claimRequest) claim() (schema.Claim, *schema.Article, error) {
	var c schema.Claim
	source, err := r.source()
	if err != nil {
		return c, nil, err
	}
	if source != nil {
		c.Article = source.IRI
	} else if _, _, ok := schema.SplitIRI(r.Article); ok {
		c.Article = r.Article
	} else {
		c.Article = schema.IRI(schema.KindArticleNode, r.Article)
	}
	if r.Speaker == nil {
		return c, nil, badRequest("speaker is required")
	}
	sp, err := r.Speaker.actor("speaker")
	if err != nil {
		return c, nil, err
	}
	text := r.Speaker.Text
	if text == "" && r.Speaker.Start == 0 && r.Speaker.End == 0 {
		text = sp.Name
	}
	c.Speaker = schema.Speaker{Span: schema.Span{Start: r.Speaker.Start, End: r.Speaker.End, Text: text}, Actors: []schema.Actor{sp}}
	c.Cue = schema.Span(r.Cue)
	c.Content = schema.Span(r.Content)
	if strings.TrimSpace(c.Content.Text) == "" {
		return c, nil, badRequest("content.text is required")
	}
	if err := r.details(&c); err != nil {
		return c, nil, err
	}
	c.SetID()
	return c, source, c.Validate()
}

// details fills in the optional parts of a hand-entered claim.
func (r claimRequest) details(c *schema.Claim) error {
	c.SpeechAct = schema.SpeechAct(strings.ToLower(r.SpeechAct))
	if c.SpeechAct == "" {
		c.SpeechAct = schema.Assert
	}
	if !c.SpeechAct.Valid() {
		return badRequest("speech_act: %q is not one of %v", r.SpeechAct, schema.SpeechActs)
	}
	for i, t := range r.Targets {
		a, err := t.actor(fmt.Sprintf("targets[%d]", i))
		if err != nil {
			return err
		}
		c.Targets = append(c.Targets, a)
	}
	if r.Event != "" {
		e := schema.NewEvent(r.Event)
		c.Event = &e
	}
	if r.Outlet != "" {
		o := schema.NewOutlet(r.Outlet)
		c.Outlet = &o
	}
	if r.Date != "" {
		t, _, err := parseDate("date", r.Date)
		if err != nil {
			return err
		}
		c.Date = schema.NormTime(t)
	}
	for i, q := range r.Quantities {
		if strings.TrimSpace(q.Measure) == "" {
			return badRequest("quantities[%d].measure is required", i)
		}
		c.Quantities = append(c.Quantities, schema.Quantity{Span: schema.Span{Start: q.Start, End: q.End, Text: q.Text},
			Value: q.Value, Measure: strings.ToLower(strings.TrimSpace(q.Measure)), Approx: q.Approx})
	}
	c.Direct, c.Negated = r.Direct, r.Negated
	c.Extractor, c.Confidence, c.Review = "manual", 1, schema.Unreviewed
	if r.Confidence != nil {
		c.Confidence = *r.Confidence
	}
	return nil
}

// source returns the stub article a request names, or nil when it names a
// stored article instead.
func (r claimRequest) source() (*schema.Article, error) {
	switch {
	case r.Source != nil && r.Article != "":
		return nil, badRequest("give either article or source, not both")
	case r.Source == nil && strings.TrimSpace(r.Article) == "":
		return nil, badRequest("article (the id of a stored article) or source.url is required")
	case r.Source == nil:
		return nil, nil
	}
	if r.Source.URL == "" {
		return nil, badRequest("source.url is required")
	}
	a, err := articleRequest{URL: r.Source.URL, Headline: r.Source.Headline, Outlet: r.Source.Outlet, Published: r.Source.Published}.stub()
	return &a, err
}
