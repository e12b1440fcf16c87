package graph

import (
	"context"
	"fmt"
	"slices"

	"github.com/claimgraph/claimgraph/schema"
)

// reader decodes nodes into domain types for one operation, reading each
// node once: the claims of a page share their speakers.
type reader struct {
	qs     quadStore
	nodes  map[string]node // read whole: articles, claims
	shared map[string]node // actors, outlets, events: the fields decoded, by kind and IRI
}

func newReader(qs quadStore) *reader {
	return &reader{qs: qs, nodes: make(map[string]node), shared: make(map[string]node)}
}

// sharedNode reads the fields of a node of the kind that many articles may
// name: from its doc when the index keeps one, else field by field (see
// readNode), asking for its doc (see claimdocs.go).
func (r *reader) sharedNode(ctx context.Context, kind, iri string) (node, error) {
	key := kind + " " + iri
	if n, ok := r.shared[key]; ok {
		return n, nil
	}
	if n, ok := r.qs.cache.get(iri, kind); ok {
		r.shared[key] = n
		return n, nil
	}
	n, ok, err := r.qs.cix.sharedDoc(iri, kind)
	if err != nil {
		return node{}, err
	}
	if ok {
		r.shared[key] = n
		r.qs.cache.put(iri, kind, n)
		return n, nil
	}
	n, err = readNode(ctx, r.qs, iri, sharedFields(kind)...)
	if err != nil {
		return node{}, err
	}
	r.shared[key] = n
	r.qs.cache.put(iri, kind, n)
	r.qs.cix.wantDoc(iri, kind, n)
	return n, nil
}

// sharedFields are the fields sharedNode reads of a node of kind.
func sharedFields(kind string) []field {
	switch kind {
	case schema.KindActorNode:
		return []field{one(schema.PredName), one(schema.PredKind), many(schema.PredAlias),
			one(schema.PredRole), one(schema.PredAffil), one(schema.PredSameAs)}
	case schema.KindEventNode:
		return []field{one(schema.PredName), one(schema.PredKind), one(schema.PredPlace), one(schema.PredTime)}
	}
	return []field{one(schema.PredName)}
}

func (r *reader) node(ctx context.Context, iri string) (node, error) {
	if n, ok := r.nodes[iri]; ok {
		return n, nil
	}
	if n, ok := r.qs.cache.get(iri, ""); ok {
		r.nodes[iri] = n
		return n, nil
	}
	var n node
	ok, err := false, error(nil)
	if r.qs.cix != nil {
		n, ok, err = r.qs.cix.doc(iri)
	}
	if !ok && err == nil {
		n, err = readNode(ctx, r.qs, iri)
	}
	if err != nil {
		return node{}, err
	}
	r.nodes[iri] = n
	r.qs.cache.put(iri, "", n)
	return n, nil
}

// typed reads the node iri and reports whether it has one of the classes.
func (r *reader) typed(ctx context.Context, iri string, classes ...string) (node, bool, error) {
	n, err := r.node(ctx, iri)
	if err != nil {
		return node{}, false, err
	}
	for _, v := range n.vals[schema.PredType] {
		if slices.Contains(classes, text(v)) {
			return n, true, nil
		}
	}
	return n, false, nil
}

func (r *reader) article(ctx context.Context, iri string) (schema.Article, error) {
	n, ok, err := r.typed(ctx, iri, schema.TypeArticle)
	if err != nil {
		return schema.Article{}, err
	}
	if !ok {
		return schema.Article{}, fmt.Errorf("%w: no article %q", schema.ErrNotFound, iri)
	}
	a := schema.Article{
		ID: idOf(iri), IRI: iri,
		URL:       n.str(schema.PredURL),
		Headline:  n.str(schema.PredHead),
		Published: n.time(schema.PredPubDate),
		Text:      n.str(schema.PredText),
		Hash:      n.str(schema.PredHash),
	}
	if o := n.str(schema.PredPublish); o != "" {
		out, err := r.outlet(ctx, o)
		if err != nil {
			return schema.Article{}, err
		}
		a.Outlet = &out
	}
	return a, nil
}

// claim decodes the claim iri with its actors, event and outlet in full.
func (r *reader) claim(ctx context.Context, iri string) (schema.Claim, error) {
	n, ok, err := r.typed(ctx, iri, schema.TypeClaim)
	if err != nil {
		return schema.Claim{}, err
	}
	if !ok {
		return schema.Claim{}, fmt.Errorf("%w: no claim %q", schema.ErrNotFound, iri)
	}
	c := claimFields(n)
	if c.Speaker.Actors, err = r.actors(ctx, n.strs(schema.PredSpeaker)); err != nil {
		return schema.Claim{}, err
	}
	if c.Targets, err = r.actors(ctx, n.strs(schema.PredTarget)); err != nil {
		return schema.Claim{}, err
	}
	if e := n.str(schema.PredEvent); e != "" {
		ev, err := r.event(ctx, e)
		if err != nil {
			return schema.Claim{}, err
		}
		c.Event = &ev
	}
	if o := n.str(schema.PredOutlet); o != "" {
		out, err := r.outlet(ctx, o)
		if err != nil {
			return schema.Claim{}, err
		}
		c.Outlet = &out
	}
	c.Quantities, err = r.quantities(ctx, n)
	return c, err
}

// quantities decodes the figures of claim node n, in text order.
func (r *reader) quantities(ctx context.Context, n node) ([]schema.Quantity, error) {
	var out []schema.Quantity
	for _, iri := range n.strs(schema.PredQuantity) {
		q, err := r.node(ctx, iri)
		if err != nil {
			return nil, err
		}
		out = append(out, schema.Quantity{
			Span:    schema.Span{Start: q.integer(schema.PredStart), End: q.integer(schema.PredEnd), Text: q.str(schema.PredText)},
			Value:   q.float(schema.PredValue),
			Measure: q.str(schema.PredMeasure),
			Approx:  q.boolean(schema.PredApprox),
		})
	}
	slices.SortFunc(out, func(a, b schema.Quantity) int { return a.Start - b.Start })
	return out, nil
}

// claimFields decodes the claim's own literals, without reading other nodes.
func claimFields(n node) schema.Claim {
	c := schema.Claim{
		ID: idOf(n.iri), IRI: n.iri,
		Article:    n.str(schema.PredArticle),
		SpeechAct:  schema.SpeechAct(n.str(schema.PredSpeechAct)),
		Direct:     n.boolean(schema.PredDirect),
		Negated:    n.boolean(schema.PredNegated),
		Date:       n.time(schema.PredDate),
		Extractor:  n.str(schema.PredExtractor),
		Confidence: n.float(schema.PredConfidence),
		Review:     schema.ReviewStatus(n.str(schema.PredReview)),
	}
	for _, sp := range spanFields(&c) {
		sp.span.Start = n.integer(sp.start)
		sp.span.End = n.integer(sp.end)
	}
	c.Speaker.Text = n.str(schema.PredSpeakerText)
	c.Cue.Text = n.str(schema.PredCue)
	c.Content.Text = n.str(schema.PredContent)
	c.Sentence.Text = n.str(schema.PredSentence)
	return c
}

// actors decodes the actors iris, in the order given (sorted by IRI: quads
// keep no order).
func (r *reader) actors(ctx context.Context, iris []string) ([]schema.Actor, error) {
	if len(iris) == 0 {
		return nil, nil
	}
	out := make([]schema.Actor, 0, len(iris))
	for _, iri := range iris {
		a, err := r.actor(ctx, iri)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func (r *reader) actor(ctx context.Context, iri string) (schema.Actor, error) {
	n, err := r.sharedNode(ctx, schema.KindActorNode, iri)
	if err != nil {
		return schema.Actor{}, err
	}
	a := schema.Actor{
		ID: idOf(iri), IRI: iri,
		Name:        n.str(schema.PredName),
		Kind:        schema.ActorKind(n.str(schema.PredKind)),
		Aliases:     n.strs(schema.PredAlias),
		Role:        n.str(schema.PredRole),
		Affiliation: n.str(schema.PredAffil),
	}
	if w := n.str(schema.PredSameAs); w != "" {
		a.Wikidata = trimWikidata(w)
	}
	return a, nil
}

func (r *reader) outlet(ctx context.Context, iri string) (schema.Outlet, error) {
	n, err := r.sharedNode(ctx, schema.KindOutletNode, iri)
	if err != nil {
		return schema.Outlet{}, err
	}
	return schema.Outlet{ID: idOf(iri), IRI: iri, Name: n.str(schema.PredName)}, nil
}

func (r *reader) event(ctx context.Context, iri string) (schema.Event, error) {
	n, err := r.sharedNode(ctx, schema.KindEventNode, iri)
	if err != nil {
		return schema.Event{}, err
	}
	return schema.Event{
		ID: idOf(iri), IRI: iri,
		Label: n.str(schema.PredName),
		Kind:  n.str(schema.PredKind),
		Place: n.str(schema.PredPlace),
		Time:  n.time(schema.PredTime),
	}, nil
}
