package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// Paging limits of Claims.
const (
	defaultLimit = 50
	maxLimit     = 1000
)

// Filter selects claims. Every set field must match.
type Filter struct {
	// Each a reference: IRI, ID, or (actors, outlets, events) a name, alias
	// or label in any case; "" is no filter. A name may match several
	// nodes: a claim matching any of them matches. Outlet matches the
	// outlet a speaker talked to and the publisher of the claim's article.
	Speaker, Target, Event, Outlet, Article string
	SpeechAct                               schema.SpeechAct // "" = any
	From, To                                time.Time        // claim date, From inclusive, To exclusive; zero = open
	Text                                    string           // case-insensitive substring of the content
	Limit, Offset                           int              // Limit 0 means 50; at most 1000
	// Rollup widens Speaker and Target to the actors affiliated with the
	// ones named, transitively: Russia's ministries and spokespeople.
	Rollup bool
}

// Page is one page of claims.
type Page struct {
	Claims []schema.Claim `json:"claims"` // never nil
	Total  int            `json:"total"`  // matches before paging
	Limit  int            `json:"limit"`
	Offset int            `json:"offset"`
}

// Claim returns the claim ref (its IRI or ID) in full.
func (s *Store) Claim(ctx context.Context, ref string) (schema.Claim, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, err := newReader(s.qs).claimRef(ctx, ref)
	if err != nil {
		return schema.Claim{}, fmt.Errorf("claim: %w", err)
	}
	return c, nil
}

// claimRef reads the claim ref names (its IRI or ID) in full.
func (r *reader) claimRef(ctx context.Context, ref string) (schema.Claim, error) {
	iri, ok, err := r.resolveOne(ctx, schema.KindClaimNode, ref)
	if err == nil && !ok {
		err = fmt.Errorf("%w: no claim %q", schema.ErrNotFound, ref)
	}
	if err != nil {
		return schema.Claim{}, err
	}
	return r.claim(ctx, iri)
}

// Article returns the article ref (its IRI or ID), without its claims.
func (s *Store) Article(ctx context.Context, ref string) (schema.Article, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := newReader(s.qs)
	iri, ok, err := r.resolveOne(ctx, schema.KindArticleNode, ref)
	if err == nil && !ok {
		err = fmt.Errorf("%w: no article %q", schema.ErrNotFound, ref)
	}
	if err != nil {
		return schema.Article{}, fmt.Errorf("article: %w", err)
	}
	a, err := r.article(ctx, iri)
	if err != nil {
		return schema.Article{}, fmt.Errorf("article: %w", err)
	}
	return a, nil
}

// Claims returns the claims that match f, newest first, then by article
// IRI, content start and ID: the order is stable, so pages do not overlap.
func (s *Store) Claims(ctx context.Context, f Filter) (Page, error) {
	if err := checkFilter(&f); err != nil {
		return Page{}, fmt.Errorf("list claims: %w", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := newReader(s.qs)
	page, err := r.claims(ctx, f)
	if err != nil {
		return Page{}, fmt.Errorf("list claims: %w", err)
	}
	return page, nil
}

// IRIPage is a page of claims by IRI: Page without the claims read.
type IRIPage struct {
	IRIs                 []string // never nil
	Total, Limit, Offset int
}

// ClaimIRIs is Claims without reading the claims of the page: for a caller
// that keeps claims between requests (see Generation) and reads only those
// it lacks.
func (s *Store) ClaimIRIs(ctx context.Context, f Filter) (IRIPage, error) {
	if err := checkFilter(&f); err != nil {
		return IRIPage{}, fmt.Errorf("list claims: %w", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	page, err := newReader(s.qs).claimIRIs(ctx, f)
	if err != nil {
		return IRIPage{}, fmt.Errorf("list claims: %w", err)
	}
	return page, nil
}

// checkFilter rejects a malformed filter and applies the default limit.
func checkFilter(f *Filter) error {
	switch {
	case f.SpeechAct != "" && !f.SpeechAct.Valid():
		return fmt.Errorf("%w: speech act %q is not one of %v", schema.ErrInvalid, f.SpeechAct, schema.SpeechActs)
	case f.Limit < 0 || f.Offset < 0:
		return fmt.Errorf("%w: limit %d and offset %d must not be negative", schema.ErrInvalid, f.Limit, f.Offset)
	case f.Limit == 0:
		f.Limit = defaultLimit
	case f.Limit > maxLimit:
		f.Limit = maxLimit
	}
	return nil
}

// claims answers Claims for a checked filter: the page's claims, read in
// full.
func (r *reader) claims(ctx context.Context, f Filter) (Page, error) {
	ip, err := r.claimIRIs(ctx, f)
	if err != nil {
		return Page{}, err
	}
	page := Page{Claims: make([]schema.Claim, 0, len(ip.IRIs)), Total: ip.Total, Limit: ip.Limit, Offset: ip.Offset}
	if err := r.prefetch(ctx, ip.IRIs); err != nil {
		return Page{}, err
	}
	for _, iri := range ip.IRIs {
		c, err := r.claim(ctx, iri)
		if err != nil {
			return Page{}, err
		}
		page.Claims = append(page.Claims, c)
	}
	return page, nil
}

// claimIRIs answers ClaimIRIs for a checked filter: from the index when it
// can, else it reads the claim nodes of the candidates to filter and sort
// them.
func (r *reader) claimIRIs(ctx context.Context, f Filter) (IRIPage, error) {
	if page, ok, err := r.indexedIRIs(ctx, f); ok || err != nil {
		return page, err
	}
	iris, err := r.candidates(ctx, f)
	if err != nil {
		return IRIPage{}, err
	}
	found, err := r.matching(ctx, iris, f)
	if err != nil {
		return IRIPage{}, err
	}
	page := IRIPage{IRIs: []string{}, Total: len(found), Limit: f.Limit, Offset: f.Offset}
	start := min(f.Offset, len(found))
	for _, c := range found[start : start+min(f.Limit, len(found)-start)] {
		page.IRIs = append(page.IRIs, c.IRI)
	}
	return page, nil
}

// matching returns the claims iris that match f, sorted, each with the
// fields that sortClaims and matches read.
func (r *reader) matching(ctx context.Context, iris []string, f Filter) ([]schema.Claim, error) {
	nodes, err := r.keyNodes(ctx, iris, f)
	if err != nil {
		return nil, err
	}
	var found []schema.Claim
	for _, n := range nodes {
		if c := claimFields(n); matches(c, f) {
			found = append(found, c)
		}
	}
	return found, r.sortByKeys(ctx, found)
}

// keys reads what filtering a claim by f and sorting it need: its date,
// and its speech act and content when f asks about them; extra adds fields,
// such as the speakers. A query reads this for every candidate, so it reads
// no more: a whole claim is some 25 quads, and on bolt each is several reads.
func (r *reader) keys(ctx context.Context, iri string, f Filter, extra ...field) (node, error) {
	if n, ok := r.nodes[iri]; ok {
		return n, nil
	}
	fields := append([]field{one(schema.PredDate)}, extra...)
	if f.SpeechAct != "" {
		fields = append(fields, one(schema.PredSpeechAct))
	}
	if f.Text != "" {
		fields = append(fields, one(schema.PredContent))
	}
	return readNode(ctx, r.qs, iri, fields...)
}

// keyNodes is keys for each of iris, in order. On PostgreSQL it reads them
// all in one query (per pgChunk claims), with each claim's article and
// content start, which sortByKeys then does not read.
func (r *reader) keyNodes(ctx context.Context, iris []string, f Filter, extra ...field) ([]node, error) {
	if r.qs.pg == nil {
		out := make([]node, 0, len(iris))
		for _, iri := range iris {
			n, err := r.keys(ctx, iri, f, extra...)
			if err != nil {
				return nil, err
			}
			out = append(out, n)
		}
		return out, nil
	}
	fields := []field{one(schema.PredDate), one(schema.PredArticle), one(schema.PredContentStart)}
	if f.SpeechAct != "" {
		fields = append(fields, one(schema.PredSpeechAct))
	}
	if f.Text != "" {
		fields = append(fields, one(schema.PredContent))
	}
	nodes, err := nodesOf(ctx, r.qs, iris, append(fields, extra...)...)
	if err != nil {
		return nil, err
	}
	for i, iri := range iris {
		if n, ok := r.nodes[iri]; ok { // read whole before, as keys takes it
			nodes[i] = n
		}
	}
	return nodes, nil
}

// sortByKeys sorts claims read by keyNodes as sortClaims does: claims of
// the same date (those of one article often are) get their article and
// content start read to order them, except on PostgreSQL, where keyNodes
// read them with the rest.
func (r *reader) sortByKeys(ctx context.Context, cs []schema.Claim) error {
	if r.qs.pg != nil {
		sortClaims(cs)
		return nil
	}
	slices.SortFunc(cs, func(a, b schema.Claim) int { return b.Date.Compare(a.Date) })
	for i := 0; i < len(cs); {
		j := i + 1
		for j < len(cs) && cs[j].Date.Equal(cs[i].Date) {
			j++
		}
		for k := i; j-i > 1 && k < j; k++ {
			n, err := readNode(ctx, r.qs, cs[k].IRI, one(schema.PredArticle), one(schema.PredContentStart))
			if err != nil {
				return err
			}
			cs[k].Article, cs[k].Content.Start = n.str(schema.PredArticle), n.integer(schema.PredContentStart)
		}
		i = j
	}
	sortClaims(cs)
	return nil
}

// matches checks the filter fields that candidates does not.
func matches(c schema.Claim, f Filter) bool {
	switch {
	case f.SpeechAct != "" && c.SpeechAct != f.SpeechAct:
		return false
	case !f.From.IsZero() && (c.Date.IsZero() || c.Date.Before(f.From)):
		return false
	case !f.To.IsZero() && (c.Date.IsZero() || !c.Date.Before(f.To)):
		return false
	case f.Text != "" && !strings.Contains(strings.ToLower(c.Content.Text), strings.ToLower(f.Text)):
		return false
	}
	return true
}

// sortClaims orders claims newest first, then by article IRI, content start
// and ID.
func sortClaims(cs []schema.Claim) {
	slices.SortFunc(cs, func(a, b schema.Claim) int {
		return cmp.Or(b.Date.Compare(a.Date), strings.Compare(a.Article, b.Article),
			cmp.Compare(a.Content.Start, b.Content.Start), strings.Compare(a.ID, b.ID))
	})
}

// edge is one way into claims from a node: the claims whose predicate points
// at a node of the kind that the filter value names.
type edge struct {
	name, kind, ref, pred string
	rollup                bool // add the members of the actors named
}

// candidates returns the IRIs of the claims that match f's references,
// walking in from each referenced node through the index and intersecting,
// smallest set first; without references, every claim of f's speech act,
// or every claim.
func (r *reader) candidates(ctx context.Context, f Filter) ([]string, error) {
	edges := []edge{
		{"article", schema.KindArticleNode, f.Article, schema.PredArticle, false},
		{"speaker", schema.KindActorNode, f.Speaker, schema.PredSpeaker, f.Rollup},
		{"target", schema.KindActorNode, f.Target, schema.PredTarget, f.Rollup},
		{"event", schema.KindEventNode, f.Event, schema.PredEvent, false},
		{"outlet", schema.KindOutletNode, f.Outlet, schema.PredOutlet, false},
	}
	var sets [][]string
	for _, e := range edges {
		if e.ref == "" {
			continue
		}
		set, err := r.walkIn(ctx, e)
		if err != nil {
			return nil, err
		}
		sets = append(sets, set)
	}
	if len(sets) == 0 {
		if f.SpeechAct != "" {
			return subjects(ctx, r.qs, schema.PredSpeechAct, quad.String(string(f.SpeechAct)))
		}
		return subjects(ctx, r.qs, schema.PredType, quad.IRI(schema.TypeClaim))
	}
	slices.SortFunc(sets, func(a, b []string) int { return cmp.Compare(len(a), len(b)) })
	out := sets[0]
	for _, set := range sets[1:] {
		out = slices.DeleteFunc(out, func(iri string) bool {
			_, ok := slices.BinarySearch(set, iri)
			return !ok
		})
	}
	return out, nil
}

// walkIn returns the sorted IRIs of the claims that point at the nodes e
// names; no such node is ErrNotFound.
func (r *reader) walkIn(ctx context.Context, e edge) ([]string, error) {
	nodes, err := r.resolve(ctx, e.kind, e.ref)
	if err != nil {
		return nil, err
	}
	if len(nodes) == 0 {
		return nil, fmt.Errorf("%w: no %s matches %s %q", schema.ErrNotFound, e.kind, e.name, e.ref)
	}
	if e.rollup {
		ms, err := r.members(ctx, nodes)
		if err != nil {
			return nil, err
		}
		nodes = append(nodes, ms...)
	}
	var out []string
	for _, n := range nodes {
		claims, err := subjects(ctx, r.qs, e.pred, quad.IRI(n))
		if err != nil {
			return nil, err
		}
		out = append(out, claims...)
		if e.kind == schema.KindOutletNode {
			published, err := r.published(ctx, n)
			if err != nil {
				return nil, err
			}
			out = append(out, published...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// published returns the claims of the articles the outlet published.
func (r *reader) published(ctx context.Context, outlet string) ([]string, error) {
	articles, err := subjects(ctx, r.qs, schema.PredPublish, quad.IRI(outlet))
	if err != nil {
		return nil, err
	}
	if r.qs.pg != nil { // in one query, not one for each article
		return r.qs.pg.subjectsOfAny(ctx, schema.PredArticle, articles)
	}
	var out []string
	for _, a := range articles {
		claims, err := subjects(ctx, r.qs, schema.PredArticle, quad.IRI(a))
		if err != nil {
			return nil, err
		}
		out = append(out, claims...)
	}
	return out, nil
}
