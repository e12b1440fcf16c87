package graph

import (
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// wikidataNS prefixes a Wikidata QID to make the entity IRI of PredSameAs.
const wikidataNS = "http://www.wikidata.org/entity/"

// typeThing is the class of an actor whose kind is unset or unknown: every
// actor needs a type so lookups can tell actors from other named nodes.
const typeThing = schema.SchemaNS + "Thing"

// actorType maps an actor kind to its class.
func actorType(k schema.ActorKind) string {
	switch k {
	case schema.KindPerson:
		return schema.TypePerson
	case schema.KindOrganization:
		return schema.TypeOrganization
	case schema.KindGovernment:
		return schema.TypeGovernment
	case schema.KindCountry:
		return schema.TypeCountry
	}
	return typeThing
}

// actorClasses lists every class that actorType gives.
func actorClasses() []string {
	return []string{schema.TypePerson, schema.TypeOrganization, schema.TypeGovernment, schema.TypeCountry, typeThing}
}

// batch collects the quads of one transaction under one label, dropping
// repeats: two claims naming the same actor bring its quads twice.
type batch struct {
	label quad.IRI
	seen  map[string]bool // by quad.String: values read back may differ in Go representation
	list  []quad.Quad
}

func newBatch(label string) *batch {
	return &batch{label: quad.IRI(label), seen: make(map[string]bool)}
}

// add adds subject-predicate-object; a nil object (an unset field) adds nothing.
func (b *batch) add(subject, predicate string, object quad.Value) {
	if object == nil {
		return
	}
	q := quad.Quad{Subject: quad.IRI(subject), Predicate: quad.IRI(predicate), Object: object, Label: b.label}
	if k := q.String(); !b.seen[k] {
		b.seen[k] = true
		b.list = append(b.list, q)
	}
}

// Helpers that turn a field into an object, nil when the field is unset.
func str(s string) quad.Value {
	if s == "" {
		return nil
	}
	return quad.String(s)
}

func iri(s string) quad.Value {
	if s == "" {
		return nil
	}
	return quad.IRI(s)
}

func timeVal(t time.Time) quad.Value {
	if t.IsZero() {
		return nil
	}
	return quad.Time(schema.NormTime(t))
}

// article adds the quads of a and of its publisher.
func (b *batch) article(a schema.Article) {
	s := a.IRI
	b.add(s, schema.PredType, quad.IRI(schema.TypeArticle))
	b.add(s, schema.PredURL, str(a.URL))
	b.add(s, schema.PredHead, str(a.Headline))
	b.add(s, schema.PredPubDate, timeVal(a.Published))
	b.add(s, schema.PredText, str(a.Text))
	b.add(s, schema.PredHash, str(a.Hash))
	if a.Outlet != nil {
		o := *a.Outlet
		if o.IRI == "" {
			o = schema.NewOutlet(o.Name)
		}
		b.add(s, schema.PredPublish, quad.IRI(o.IRI))
		b.outlet(o)
	}
}

// claim adds the quads of c and of the actors, event and outlet it names.
func (b *batch) claim(c schema.Claim) {
	s := c.IRI
	b.add(s, schema.PredType, quad.IRI(schema.TypeClaim))
	for _, a := range c.Speaker.Actors {
		b.add(s, schema.PredSpeaker, quad.IRI(a.IRI))
		b.actor(a)
	}
	for _, a := range c.Targets {
		b.add(s, schema.PredTarget, quad.IRI(a.IRI))
		b.actor(a)
	}
	if c.Event != nil {
		b.add(s, schema.PredEvent, quad.IRI(c.Event.IRI))
		b.event(*c.Event)
	}
	if c.Outlet != nil {
		b.add(s, schema.PredOutlet, quad.IRI(c.Outlet.IRI))
		b.outlet(*c.Outlet)
	}
	b.add(s, schema.PredArticle, quad.IRI(c.Article))
	b.add(s, schema.PredDerived, quad.IRI(c.Article))
	b.add(s, schema.PredSpeechAct, str(string(c.SpeechAct)))
	b.add(s, schema.PredSpeakerText, str(c.Speaker.Text))
	b.add(s, schema.PredCue, str(c.Cue.Text))
	b.add(s, schema.PredContent, str(c.Content.Text))
	b.add(s, schema.PredSentence, str(c.Sentence.Text))
	b.spans(c)
	b.add(s, schema.PredDirect, quad.Bool(c.Direct))
	b.add(s, schema.PredNegated, quad.Bool(c.Negated))
	b.add(s, schema.PredDate, timeVal(c.Date))
	b.add(s, schema.PredExtractor, str(c.Extractor))
	b.add(s, schema.PredConfidence, quad.Float(c.Confidence))
	b.add(s, schema.PredReview, str(string(c.Review)))
	for i, q := range c.Quantities {
		b.quantity(c, i, q)
	}
}

// quantityIRI names the i-th quantity of claim c.
func quantityIRI(c schema.Claim, i int) string {
	return schema.IRI(schema.KindQuantNode, c.ID+"-"+strconv.Itoa(i))
}

// quantity adds a typed figure of c as a node of its own, so that figures
// can be compared across claims by measure.
func (b *batch) quantity(c schema.Claim, i int, q schema.Quantity) {
	s := quantityIRI(c, i)
	b.add(c.IRI, schema.PredQuantity, quad.IRI(s))
	b.add(s, schema.PredType, quad.IRI(schema.TypeQuantity))
	b.add(s, schema.PredValue, quad.Float(q.Value))
	b.add(s, schema.PredMeasure, str(q.Measure))
	b.add(s, schema.PredText, str(q.Text))
	b.add(s, schema.PredStart, quad.Int(q.Start))
	b.add(s, schema.PredEnd, quad.Int(q.End))
	b.add(s, schema.PredApprox, quad.Bool(q.Approx))
}

// spanField is a span of a claim with its start and end predicates.
type spanField struct {
	span       *schema.Span
	start, end string
}

// spanFields lists the spans of c, to write or to fill in.
func spanFields(c *schema.Claim) []spanField {
	return []spanField{
		{&c.Speaker.Span, schema.PredSpeakerStart, schema.PredSpeakerEnd},
		{&c.Cue, schema.PredCueStart, schema.PredCueEnd},
		{&c.Content, schema.PredContentStart, schema.PredContentEnd},
		{&c.Sentence, schema.PredSentStart, schema.PredSentEnd},
	}
}

func (b *batch) spans(c schema.Claim) {
	for _, sp := range spanFields(&c) {
		b.add(c.IRI, sp.start, quad.Int(sp.span.Start))
		b.add(c.IRI, sp.end, quad.Int(sp.span.End))
	}
}

// actor adds the quads of a, with a lookup key for its name and each alias.
func (b *batch) actor(a schema.Actor) {
	s := a.IRI
	b.add(s, schema.PredType, quad.IRI(actorType(a.Kind)))
	b.add(s, schema.PredName, str(a.Name))
	b.add(s, schema.PredKey, str(schema.Key(a.Name)))
	for _, alias := range a.Aliases {
		b.add(s, schema.PredAlias, str(alias))
		b.add(s, schema.PredKey, str(schema.Key(alias)))
	}
	b.add(s, schema.PredKind, str(string(a.Kind)))
	b.add(s, schema.PredRole, str(a.Role))
	b.add(s, schema.PredAffil, iri(a.Affiliation))
	if a.Wikidata != "" {
		b.add(s, schema.PredSameAs, quad.IRI(wikidataNS+a.Wikidata))
	}
}

func (b *batch) outlet(o schema.Outlet) {
	b.add(o.IRI, schema.PredType, quad.IRI(schema.TypeOutlet))
	b.add(o.IRI, schema.PredName, str(o.Name))
	b.add(o.IRI, schema.PredKey, str(schema.Key(o.Name)))
}

func (b *batch) event(e schema.Event) {
	s := e.IRI
	b.add(s, schema.PredType, quad.IRI(schema.TypeEvent))
	b.add(s, schema.PredName, str(e.Label))
	b.add(s, schema.PredKey, str(schema.Key(e.Label)))
	b.add(s, schema.PredKind, str(e.Kind))
	b.add(s, schema.PredPlace, str(e.Place))
	b.add(s, schema.PredTime, timeVal(e.Time))
}

// idOf is the ID part of one of our IRIs, or the IRI itself for a foreign one.
func idOf(iri string) string {
	if _, id, ok := schema.SplitIRI(iri); ok {
		return id
	}
	return iri
}

// trimWikidata turns a PredSameAs object back into a QID.
func trimWikidata(iri string) string { return strings.TrimPrefix(iri, wikidataNS) }
