package graph

import (
	"bytes"
	"context"
	"fmt"

	"github.com/claimgraph/claimgraph/schema"
)

// indexedOutletView is outletView from the claim index: its counts, and
// pages of the claims told to the outlet and of the articles it published.
func (r *reader) indexedOutletView(ctx context.Context, iri string, limit int) (OutletView, error) {
	o, err := r.outlet(ctx, iri)
	if err != nil {
		return OutletView{}, err
	}
	v := OutletView{Outlet: o, ToldClaims: []schema.Claim{}, Articles: []schema.Article{}}
	told, total, err := r.qs.cix.page(ixTold, []string{iri}, 0, limit)
	if err != nil {
		return OutletView{}, err
	}
	v.Told = total
	for _, c := range told {
		full, err := r.claim(ctx, c)
		if err != nil {
			return OutletView{}, err
		}
		v.ToldClaims = append(v.ToldClaims, full)
	}
	if v.Claims, err = r.qs.cix.count(ixPublished, iri); err != nil {
		return OutletView{}, err
	}
	articles, total, err := r.qs.cix.page(ixPublisher, []string{iri}, 0, limit)
	if err != nil {
		return OutletView{}, err
	}
	v.Published = total
	for _, a := range articles {
		full, err := r.article(ctx, a)
		if err != nil {
			return OutletView{}, err
		}
		full.Text = ""
		v.Articles = append(v.Articles, full)
	}
	return v, nil
}

// indexedEventView is eventView from the claim index, for a filter that
// pages only: the counts of each side and speech act, and a page of claims.
func (r *reader) indexedEventView(ctx context.Context, e schema.Event, f Filter) (EventView, error) {
	page, total, err := r.qs.cix.page(ixEvent, []string{e.IRI}, f.Offset, f.Limit)
	if err != nil {
		return EventView{}, err
	}
	sides := make(map[string]*Side)
	if err := r.qs.cix.sides(e.IRI, func(speaker, act string, n int) {
		group(sides, speaker, schema.SpeechAct(act)).Count = n
	}); err != nil {
		return EventView{}, err
	}
	v := EventView{Event: e, Total: total, Limit: f.Limit, Offset: f.Offset}
	err = r.fillSides(ctx, &v, sides, page)
	return v, err
}

// sides calls fn with each speaker and speech act of the event's claims,
// and how many claims have both.
func (ix *claimIndex) sides(event string, fn func(speaker, act string, n int)) error {
	err := ix.kv.view(func(tx ixTx) error {
		id := tx.get(bIDs, []byte(event))
		if id == nil {
			return nil
		}
		prefix := sideKey(id, "", "")
		prefix = prefix[:len(prefix)-1] // without the 0 after the speaker
		return tx.each(bCounts, prefix, func(k, v []byte) bool {
			speaker, act, _ := bytes.Cut(k[len(prefix):], []byte{0})
			fn(string(speaker), string(act), countOf(v))
			return true
		})
	})
	if err != nil {
		return fmt.Errorf("read claim index: %w", err)
	}
	return nil
}
