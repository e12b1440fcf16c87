package graph

import (
	"context"
	"fmt"
	"io"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/nquads"
	"github.com/cayleygraph/quad/voc"

	"github.com/claimgraph/claimgraph/schema"
)

// The formats of Export and Import.
const (
	FormatNQuads      = "nquads"      // N-Quads, one quad a line, labels kept
	FormatJSONLD      = "jsonld"      // JSON-LD, one named graph per label
	FormatClaimReview = "claimreview" // schema.org ClaimReview JSON-LD
)

// Formats lists the formats of Export and Import.
var Formats = []string{FormatNQuads, FormatJSONLD, FormatClaimReview}

// Export writes the whole graph, or with article (an IRI or ID) the quads
// of that article, of its claims' reviews and of the edges merges moved
// onto them, to w in format. N-Quads streams; JSON-LD and ClaimReview are
// built in memory first.
func (s *Store) Export(ctx context.Context, w io.Writer, format, article string) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var labels []quad.Value
	if article != "" {
		var err error
		if labels, err = s.articleLabels(ctx, article); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		article = text(labels[0])
	}
	var err error
	switch format {
	case FormatNQuads:
		err = s.writeQuads(ctx, nquads.NewWriter(w), labels)
	case FormatJSONLD:
		err = s.writeQuads(ctx, jsonld.NewWriter(w), labels)
	case FormatClaimReview:
		err = s.writeClaimReviews(ctx, w, article)
	default:
		err = fmt.Errorf("%w: format %q is not one of %v", schema.ErrInvalid, format, Formats)
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}

// articleLabels returns the label of the article ref and the reviews labels
// of its claims that have reviews.
func (s *Store) articleLabels(ctx context.Context, ref string) ([]quad.Value, error) {
	r := newReader(s.qs)
	iri, ok, err := r.resolveOne(ctx, schema.KindArticleNode, ref)
	if err == nil && !ok {
		err = fmt.Errorf("%w: no article %q", schema.ErrNotFound, ref)
	}
	if err != nil {
		return nil, err
	}
	labels := []quad.Value{quad.IRI(iri)}
	claims, err := subjects(ctx, s.qs, schema.PredArticle, quad.IRI(iri))
	if err != nil {
		return nil, err
	}
	for _, c := range claims {
		if ok, err := exists(ctx, s.qs, pattern{predicate: quad.IRI(schema.PredReviewed), object: quad.IRI(c)}); err != nil {
			return nil, err
		} else if ok {
			labels = append(labels, quad.IRI(schema.ReviewsLabel(idOf(c))))
		}
	}
	return labels, nil
}

// writeQuads writes every quad, or those under the labels, and closes qw.
func (s *Store) writeQuads(ctx context.Context, qw quad.WriteCloser, labels []quad.Value) error {
	write := func(q quad.Quad) error { return qw.WriteQuad(exported(q)) }
	var err error
	if labels == nil {
		err = eachQuad(ctx, s.qs, nil, write)
	} else {
		err = s.eachArticleQuad(ctx, labels, write)
	}
	if cerr := qw.Close(); err == nil {
		err = cerr
	}
	return err
}

// eachArticleQuad calls fn with every quad under the labels (an article's
// and its claims' reviews'), then with the edges merges moved onto its
// claims and their records, once each.
func (s *Store) eachArticleQuad(ctx context.Context, labels []quad.Value, fn func(quad.Quad) error) error {
	seen := make(map[string]bool)
	var article []quad.Quad
	once := func(q quad.Quad) error {
		if k := q.NQuad(); !seen[k] {
			seen[k] = true
			if q.Label == labels[0] {
				article = append(article, q)
			}
			return fn(q)
		}
		return nil
	}
	for _, l := range labels {
		if err := eachQuad(ctx, s.qs, l, once); err != nil {
			return err
		}
	}
	extra, err := s.withPeople(ctx, article)
	if err != nil {
		return err
	}
	for _, q := range extra[len(article):] {
		if err := once(q); err != nil {
			return err
		}
	}
	return nil
}

// eachQuad calls fn with every quad, or every quad under label.
func eachQuad(ctx context.Context, qs quadStore, label quad.Value, fn func(quad.Quad) error) error {
	var sh shape.Quads
	if label != nil {
		sh = shape.Quads{{Dir: quad.Label, Values: shape.Lookup{label}}}
	}
	it := qs.build(ctx, sh)
	err := iterator.Iterate(ctx, it).Paths(false).Each(func(r cgraph.Ref) error {
		q, err := qs.Quad(r)
		if err != nil {
			return err
		}
		return fn(q)
	})
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// exported is q as written out: times keep their microseconds (Cayley's
// own rendering drops the fraction), datatypes are full IRIs.
func exported(q quad.Quad) quad.Quad {
	switch v := q.Object.(type) {
	case quad.Time:
		q.Object = quad.TypedString{Value: quad.String(time.Time(v).UTC().Format(time.RFC3339Nano)),
			Type: quad.IRI(voc.FullIRI(string(v.TypedString().Type)))}
	case quad.Bool: // xsd:boolean is lower case; Cayley writes "True"
		q.Object = quad.TypedString{Value: quad.String(fmt.Sprint(bool(v))),
			Type: quad.IRI(voc.FullIRI(string(v.TypedString().Type)))}
	case quad.TypedStringer:
		ts := v.TypedString()
		ts.Type = quad.IRI(voc.FullIRI(string(ts.Type)))
		q.Object = ts
	}
	return q
}
