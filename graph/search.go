package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/schema"
)

// Hits is one page of search results, best first.
type Hits struct {
	Claims []schema.Claim `json:"claims"` // never nil
	Total  int            `json:"total"`  // matches before paging (of the best 10,000 when filtered)
	Limit  int            `json:"limit"`
	Offset int            `json:"offset"`
}

// Search finds the claims whose content has every word of f.Text (stemmed:
// "shelling" finds "shelled"), ranked by relevance, through the text index.
// The other fields of f filter the hits as they filter Claims.
func (s *Store) Search(ctx context.Context, f Filter) (Hits, error) {
	if err := checkFilter(&f); err != nil {
		return Hits{}, fmt.Errorf("search: %w", err)
	}
	if strings.TrimSpace(f.Text) == "" {
		return Hits{}, fmt.Errorf("search: %w: no words to search for", schema.ErrInvalid)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := newReader(s.qs)
	h, err := r.search(ctx, s.idx, f)
	if err != nil {
		return Hits{}, fmt.Errorf("search %q: %w", f.Text, err)
	}
	return h, nil
}

func (r *reader) search(ctx context.Context, idx textIndex, f Filter) (Hits, error) {
	iris, total, err := idx.search(ctx, f.Text, maxHits)
	if err != nil {
		return Hits{}, err
	}
	filtered := hasRefs(f) || f.SpeechAct != "" || !f.From.IsZero() || !f.To.IsZero()
	if filtered {
		if iris, err = r.narrow(ctx, iris, f); err != nil {
			return Hits{}, err
		}
		total = len(iris)
	}
	h := Hits{Claims: []schema.Claim{}, Total: total, Limit: f.Limit, Offset: f.Offset}
	// Hits gone since they were indexed are skipped, so the page may need
	// more than Limit: a page read at once, then one at a time.
	if err := r.prefetch(ctx, iris[min(f.Offset, len(iris)):][:min(f.Limit, max(len(iris)-f.Offset, 0))]); err != nil {
		return Hits{}, err
	}
	for _, iri := range iris[min(f.Offset, len(iris)):] {
		if len(h.Claims) == f.Limit {
			break
		}
		c, err := r.claim(ctx, iri)
		if errors.Is(err, schema.ErrNotFound) {
			continue // indexed, then its write failed or its article was deleted
		}
		if err != nil {
			return Hits{}, err
		}
		h.Claims = append(h.Claims, c)
	}
	return h, nil
}

// hasRefs reports whether f names nodes that claims must point at.
func hasRefs(f Filter) bool {
	return f.Speaker != "" || f.Target != "" || f.Event != "" || f.Outlet != "" || f.Article != ""
}

// narrow keeps the hits, in their order, that f's references, speech act
// and dates select.
func (r *reader) narrow(ctx context.Context, iris []string, f Filter) ([]string, error) {
	f.Text = "" // the index matched the words; matches would want a substring
	if out, ok, err := r.indexedNarrow(ctx, iris, f); ok || err != nil {
		return out, err
	}
	var allowed []string
	if hasRefs(f) {
		var err error
		if allowed, err = r.candidates(ctx, f); err != nil {
			return nil, err
		}
	}
	var kept []string
	for _, iri := range iris {
		if hasRefs(f) {
			if _, ok := slices.BinarySearch(allowed, iri); !ok {
				continue
			}
		}
		kept = append(kept, iri)
	}
	nodes, err := r.keyNodes(ctx, kept, f, one(schema.PredArticle))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, n := range nodes {
		// A claim gone since it was indexed has no article.
		if len(n.vals[schema.PredArticle]) > 0 && matches(claimFields(n), f) {
			out = append(out, n.iri)
		}
	}
	return out, nil
}
