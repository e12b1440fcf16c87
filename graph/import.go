package graph

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/nquads"

	"github.com/claimgraph/claimgraph/schema"
)

// maxLine bounds one N-Quads line: an article's text, escaped, fits.
const maxLine = 16 << 20

// Imported counts what an import brought.
type Imported struct {
	Quads    int `json:"quads"`    // quads in the document
	Claims   int `json:"claims"`   // claim nodes in it
	Articles int `json:"articles"` // article nodes in it
	Reviews  int `json:"reviews"`  // ClaimReviews in it (format claimreview)
}

// Import reads a whole document in format (FormatNQuads, FormatJSONLD or
// FormatClaimReview) and stores it in one transaction. A malformed document
// is an ErrInvalid naming the line or the JSON path, and stores nothing.
// Quads already stored are skipped, so importing a dump twice changes
// nothing.
func (s *Store) Import(ctx context.Context, r io.Reader, format string) (Imported, error) {
	if format == FormatClaimReview {
		return s.importClaimReviews(ctx, r)
	}
	var (
		qq  []quad.Quad
		err error
	)
	switch format {
	case FormatNQuads:
		qq, err = readNQuads(r)
	case FormatJSONLD:
		qq, err = readJSONLD(r)
	default:
		err = fmt.Errorf("%w: format %q is not one of %v", schema.ErrInvalid, format, Formats)
	}
	if err != nil {
		return Imported{}, fmt.Errorf("import %s: %w", format, err)
	}
	defer s.lock()()
	n, err := s.importQuads(ctx, qq)
	if err != nil {
		return Imported{}, fmt.Errorf("import %s: %w", format, err)
	}
	return n, nil
}

// readNQuads parses a whole N-Quads document.
func readNQuads(r io.Reader) ([]quad.Quad, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	var out []quad.Quad
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		q, err := nquads.Parse(line)
		if err == nil && !q.IsValid() {
			err = errors.New("a quad needs a subject, a predicate and an object")
		}
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %v", schema.ErrInvalid, n, err)
		}
		out = append(out, q)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("%w: line %d is longer than %d bytes", schema.ErrInvalid, len(out)+1, maxLine)
		}
		return nil, err
	}
	return out, nil
}

// readJSONLD parses a whole JSON-LD document.
func readJSONLD(r io.Reader) ([]quad.Quad, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%w: %s", schema.ErrInvalid, jsonSyntax(data, err))
	}
	if err := checkLD(doc, "$"); err != nil {
		return nil, err
	}
	qr := jsonld.NewReaderFromMap(doc)
	var out []quad.Quad
	for {
		q, err := qr.ReadQuad()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: JSON-LD: %v", schema.ErrInvalid, err)
		}
		out = append(out, q)
	}
}

// checkLD checks the keywords JSON-LD processing chokes on, so the error
// names where: @id must be a string, @graph an array or object.
func checkLD(v any, path string) error {
	switch v := v.(type) {
	case []any:
		for i, e := range v {
			if err := checkLD(e, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case map[string]any:
		if id, ok := v["@id"]; ok {
			if _, isStr := id.(string); !isStr {
				return fmt.Errorf("%w: %s.@id must be a string", schema.ErrInvalid, path)
			}
		}
		if g, ok := v["@graph"]; ok {
			switch g.(type) {
			case []any, map[string]any:
			default:
				return fmt.Errorf("%w: %s.@graph must be an array or an object", schema.ErrInvalid, path)
			}
		}
		for k, e := range v {
			if k == "@context" {
				continue
			}
			if err := checkLD(e, path+"."+k); err != nil {
				return err
			}
		}
	}
	return nil
}

// jsonSyntax describes a JSON decoding error with its line and column.
func jsonSyntax(data []byte, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var off int64
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
	case errors.As(err, &typ):
		off = typ.Offset
	default:
		return "malformed JSON: " + err.Error()
	}
	before := data[:min(int(off), len(data))]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return fmt.Sprintf("malformed JSON at line %d, column %d: %v", line, col, err)
}

// importQuads stores qq in one transaction, indexing the claims among them
// first; quads already stored are skipped.
func (s *Store) importQuads(ctx context.Context, qq []quad.Quad) (Imported, error) {
	n := Imported{Quads: len(qq)}
	content := make(map[string]string)
	var claims []string
	for _, q := range qq {
		p := text(q.Predicate)
		switch {
		case p == schema.PredType && text(q.Object) == schema.TypeClaim:
			claims = append(claims, text(q.Subject))
		case p == schema.PredType && text(q.Object) == schema.TypeArticle:
			n.Articles++
		case p == schema.PredContent && q.Label != nil && strings.HasPrefix(text(q.Label), schema.IRI(schema.KindReviewsNode, "")):
			content[text(q.Subject)] = text(q.Object) // a reviewer's content wins
		case p == schema.PredContent && content[text(q.Subject)] == "":
			content[text(q.Subject)] = text(q.Object)
		}
	}
	n.Claims = len(claims)
	docs := make([]textDoc, 0, len(claims))
	for _, c := range claims {
		docs = append(docs, textDoc{Claim: c, Content: content[c]})
	}
	if err := s.index(ctx, docs); err != nil {
		return n, err
	}
	deltas := make([]cgraph.Delta, len(qq))
	for i, q := range qq {
		deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
	}
	// Into an empty store (the usual restore) nothing needs looking up.
	some, err := exists(ctx, s.qs, pattern{})
	if err == nil {
		deltas, err = s.exact(ctx, deltas, some)
	}
	if err == nil && len(deltas) > 0 {
		err = s.applyIndexed(deltas) // reindexes the claims the dump adds to
	}
	return n, err
}
