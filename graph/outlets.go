package graph

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// OutletView is an outlet with what reached us through it: the claims
// speakers told it ("told AFP") and the articles it published.
type OutletView struct {
	Outlet     schema.Outlet    `json:"outlet"`
	Told       int              `json:"told"`        // claims speakers made to it
	Published  int              `json:"published"`   // articles it published
	Claims     int              `json:"claims"`      // claims in those articles
	ToldClaims []schema.Claim   `json:"told_claims"` // the newest, up to the limit; never nil
	Articles   []schema.Article `json:"articles"`    // the newest, up to the limit, without their text; never nil
}

// Outlet returns the outlet ref (IRI, ID or name) with the newest limit
// claims told to it and articles it published (0 means 20).
func (s *Store) Outlet(ctx context.Context, ref string, limit int) (OutletView, error) {
	f := Filter{Limit: cmp.Or(limit, profileClaims)}
	if err := checkFilter(&f); err != nil {
		return OutletView{}, fmt.Errorf("outlet: %w", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := newReader(s.qs)
	iri, ok, err := r.resolveOne(ctx, schema.KindOutletNode, ref)
	if err == nil && !ok {
		err = fmt.Errorf("%w: no outlet matches %q", schema.ErrNotFound, ref)
	}
	if err != nil {
		return OutletView{}, fmt.Errorf("outlet: %w", err)
	}
	v, err := r.outletView(ctx, iri, f.Limit)
	if err != nil {
		return OutletView{}, fmt.Errorf("outlet %q: %w", iri, err)
	}
	return v, nil
}

func (r *reader) outletView(ctx context.Context, iri string, limit int) (OutletView, error) {
	if r.qs.cix != nil {
		return r.indexedOutletView(ctx, iri, limit)
	}
	o, err := r.outlet(ctx, iri)
	if err != nil {
		return OutletView{}, err
	}
	v := OutletView{Outlet: o, ToldClaims: []schema.Claim{}}
	// Claims told to it only: Filter.Outlet would add the published ones.
	told, err := subjects(ctx, r.qs, schema.PredOutlet, quad.IRI(iri))
	if err != nil {
		return OutletView{}, err
	}
	v.Told = len(told)
	if v.ToldClaims, err = r.newest(ctx, told, limit); err != nil {
		return OutletView{}, err
	}
	published, err := r.published(ctx, iri)
	if err != nil {
		return OutletView{}, err
	}
	v.Claims = len(published)
	v.Articles, v.Published, err = r.publishedArticles(ctx, iri, limit)
	return v, err
}

// newest decodes the newest limit of the claims iris.
func (r *reader) newest(ctx context.Context, iris []string, limit int) ([]schema.Claim, error) {
	nodes, err := r.keyNodes(ctx, iris, Filter{})
	if err != nil {
		return nil, err
	}
	cs := make([]schema.Claim, 0, len(iris))
	for _, n := range nodes {
		cs = append(cs, claimFields(n))
	}
	if err := r.sortByKeys(ctx, cs); err != nil {
		return nil, err
	}
	out := make([]schema.Claim, 0, min(limit, len(cs)))
	var page []string
	for _, c := range cs[:min(limit, len(cs))] {
		page = append(page, c.IRI)
	}
	if err := r.prefetch(ctx, page); err != nil {
		return nil, err
	}
	for _, c := range cs[:min(limit, len(cs))] {
		full, err := r.claim(ctx, c.IRI)
		if err != nil {
			return nil, err
		}
		out = append(out, full)
	}
	return out, nil
}

// publishedArticles returns the newest limit articles the outlet published,
// without their text (a page of them would be megabytes), and how many it
// published in all.
func (r *reader) publishedArticles(ctx context.Context, outlet string, limit int) ([]schema.Article, int, error) {
	iris, err := subjects(ctx, r.qs, schema.PredPublish, quad.IRI(outlet))
	if err != nil {
		return nil, 0, err
	}
	dates, err := nodesOf(ctx, r.qs, iris, one(schema.PredPubDate))
	if err != nil {
		return nil, 0, err
	}
	as := make([]schema.Article, 0, len(iris))
	for _, n := range dates {
		as = append(as, schema.Article{IRI: n.iri, Published: n.time(schema.PredPubDate)})
	}
	slices.SortFunc(as, func(a, b schema.Article) int {
		return cmp.Or(b.Published.Compare(a.Published), strings.Compare(a.IRI, b.IRI))
	})
	out := make([]schema.Article, 0, min(limit, len(as)))
	var page []string
	for _, a := range as[:min(limit, len(as))] {
		page = append(page, a.IRI)
	}
	if err := r.prefetchWhole(ctx, page); err != nil {
		return nil, 0, err
	}
	for _, a := range as[:min(limit, len(as))] {
		full, err := r.article(ctx, a.IRI)
		if err != nil {
			return nil, 0, err
		}
		full.Text = ""
		out = append(out, full)
	}
	return out, len(iris), nil
}
