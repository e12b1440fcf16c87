package graph

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/claimgraph/claimgraph/schema"
)

// indexedRelations answers relations from the claim index when f is one it
// lists (see indexKey), or names no node at all (the whole graph's matrix,
// perhaps by speech act and date, as the web page's first view asks): the
// records of the claims carry their speakers, targets, speech act and date.
// ok is false otherwise.
func (r *reader) indexedRelations(ctx context.Context, f Filter) (out Relations, ok bool, err error) {
	kind, nodes, ok, err := r.indexKey(ctx, f)
	if err != nil {
		return Relations{}, false, err
	}
	all := !ok && r.qs.cix != nil && noNode(f)
	if !ok && !all {
		return Relations{}, false, nil
	}
	speakers, err := r.side(ctx, f.Speaker, f.Rollup)
	if err != nil {
		return Relations{}, false, err
	}
	targets, err := r.side(ctx, f.Target, f.Rollup)
	if err != nil {
		return Relations{}, false, err
	}
	cells := make(map[relKey]*Relation)
	out = Relations{Relations: []Relation{}}
	each := func(rec ixRecord, date time.Time) {
		if !matches(schema.Claim{SpeechAct: schema.SpeechAct(rec.act), Date: date}, f) {
			return // by speech act (the whole graph's matrix) or date: every record of the key is read
		}
		ts := targets.keep(slices.Clone(rec.targets))
		if len(ts) == 0 {
			return
		}
		out.Claims++
		for _, sp := range speakers.keep(slices.Clone(rec.speakers)) {
			for _, t := range ts {
				count(cells, relKey{speakers.fold(sp), targets.fold(t), schema.SpeechAct(rec.act)}, date)
			}
		}
	}
	if all {
		kind = ixAll
	}
	err = r.qs.cix.records(kind, nodes, each)
	if err != nil {
		return Relations{}, false, err
	}
	out, err = r.ranked(ctx, cells, out, f.Limit)
	return out, true, err
}

// records calls fn with the record and date of every claim listed under
// the key of kind for the nodes iris, or of every claim for ixAll.
func (ix *claimIndex) records(kind byte, iris []string, fn func(ixRecord, time.Time)) error {
	err := ix.kv.view(func(tx ixTx) error {
		var rerr error
		visit := func(v, dk []byte) bool {
			if v == nil {
				rerr = fmt.Errorf("%w: posting without a record", errBadRecord)
				return false
			}
			var rec ixRecord
			var own []byte
			if rec, own, rerr = decodeRecord(v); rerr != nil {
				return false
			}
			if dk == nil {
				dk = own
			}
			fn(rec, dateOf(dk))
			return true
		}
		var err error
		if kind == ixAll {
			err = tx.each(bClaims, nil, func(_, v []byte) bool { return visit(v, nil) })
		} else if fk := filterKey(tx, kind, iris...); fk != nil {
			err = tx.postings(fk, func(sk []byte) bool { return visit(tx.get(bClaims, sk[dateLen:]), sk[:dateLen]) })
		}
		if err != nil {
			return err
		}
		return rerr
	})
	if err != nil {
		return fmt.Errorf("read claim index: %w", err)
	}
	return nil
}
