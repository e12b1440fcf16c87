package graph

import (
	"bytes"
	"cmp"
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
// Without dates, the whole graph's cells are kept as keys of their own
// (see cellRelations). ok is false otherwise.
func (r *reader) indexedRelations(ctx context.Context, f Filter) (out Relations, ok bool, err error) {
	if out, ok, err := r.sideRelations(ctx, f); ok || err != nil {
		return out, ok, err
	}
	return r.recordRelations(ctx, f)
}

// recordRelations is indexedRelations from the records of the claims the
// filter lists, or from the cells of the whole graph.
func (r *reader) recordRelations(ctx context.Context, f Filter) (out Relations, ok bool, err error) {
	kind, nodes, ok, err := r.indexKey(ctx, f)
	if err != nil {
		return Relations{}, false, err
	}
	all := !ok && r.qs.cix != nil && noNode(f)
	if !ok && !all {
		return Relations{}, false, nil
	}
	if all && f.From.IsZero() && f.To.IsZero() {
		out, err := r.cellRelations(ctx, string(f.SpeechAct), f.Limit)
		return out, err == nil, err
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
			if rec, own, _, rerr = decodeHead(v); rerr != nil {
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

// cellRelations is the whole graph's matrix, or that of one speech act,
// from the cell keys: each cell's count is kept, and for the cells shown its
// first posting is its last date and its last dated posting its first.
// Reading every claim's record instead took seconds at a million claims.
func (r *reader) cellRelations(ctx context.Context, act string, limit int) (Relations, error) {
	claims := rawKey(ixTargeted)
	if act != "" {
		claims = rawKey(ixTargeted, act)
	}
	return r.cellsUnder(ctx, cellScan{prefix: []byte{ixCell}, act: act, claims: rawClaims(claims)}, limit)
}

// sideRelations answers relations of one speaker, one target or one pair,
// perhaps with a speech act, from the counts of their cells (ixCell, and
// ixCellByTarget for a target's column) and of their claims with a target
// (ixSpeakerTargeted, ixTarget, ixTargetAct, ixPair): the busiest speaker's
// row is a few hundred keys where its claims' records are tens of
// thousands, spread over the whole index. ok is false for a filter with
// dates, text or other nodes, or whose speaker or target is not exactly one
// actor (roll-up included): those count records.
func (r *reader) sideRelations(ctx context.Context, f Filter) (Relations, bool, error) {
	if r.qs.cix == nil || f.Speaker == "" && f.Target == "" || f.Event != "" || f.Outlet != "" || f.Article != "" ||
		f.Text != "" || !f.From.IsZero() || !f.To.IsZero() {
		return Relations{}, false, nil
	}
	var sides [2]string
	for i, ref := range []string{f.Speaker, f.Target} {
		if ref == "" {
			continue
		}
		side, err := r.side(ctx, ref, f.Rollup)
		if err != nil || len(side.roots) != 1 {
			return Relations{}, false, err
		}
		for iri := range side.roots {
			sides[i] = iri
		}
	}
	sp, tg, act := sides[0], sides[1], string(f.SpeechAct)
	scan := cellScan{act: act}
	switch {
	case sp != "" && tg != "" && act != "":
		scan.prefix, scan.claims = rawKey(ixCell, sp, tg), rawClaims(rawKey(ixCell, sp, tg, act))
	case sp != "" && tg != "":
		scan.prefix, scan.claims = rawKey(ixCell, sp, tg), nodeClaims(ixPair, sp, tg)
	case sp != "":
		scan.prefix, scan.claims = rawKey(ixCell, sp), rawClaims(rawKey(ixSpeakerTargeted, sp))
		if act != "" {
			scan.claims = rawClaims(rawKey(ixSpeakerTargeted, sp, act))
		}
	default:
		scan.prefix, scan.byTarget = rawKey(ixCellByTarget, tg), true
		scan.claims = rawClaims(rawKey(ixTargetAct, tg, act))
		if act == "" {
			scan.claims = nodeClaims(ixTarget, tg)
		}
	}
	out, err := r.cellsUnder(ctx, scan, f.Limit)
	return out, err == nil, err
}

// cellScan is a run of cell keys to rank, and the key that counts their
// claims.
type cellScan struct {
	prefix   []byte               // of the cell keys: ixCell, or ixCellByTarget (byTarget)
	byTarget bool                 // the keys are ixCellByTarget's: target first
	act      string               // only the cells of this speech act; "" = all
	claims   func(tx ixTx) []byte // the key counting the claims the cells count; nil: none
}

// rawClaims is a cellScan's claims for a raw key.
func rawClaims(fk []byte) func(ixTx) []byte { return func(ixTx) []byte { return fk } }

// nodeClaims is a cellScan's claims for the key of kind for nodes, by
// their dictionary numbers.
func nodeClaims(kind byte, iris ...string) func(ixTx) []byte {
	return func(tx ixTx) []byte { return filterKey(tx, kind, iris...) }
}

// cellsUnder ranks the cells of scan, keeps limit of them and dates each
// from its postings: its first posting is its last date, and its last dated
// posting its first.
func (r *reader) cellsUnder(ctx context.Context, scan cellScan, limit int) (Relations, error) {
	var all []counted
	out := Relations{Relations: []Relation{}}
	err := r.qs.cix.kv.view(func(tx ixTx) error {
		if fk := scan.claims(tx); fk != nil {
			out.Claims = countOf(tx.get(bCounts, fk))
		}
		var berr error
		err := tx.each(bCounts, scan.prefix, func(k, v []byte) bool {
			parts := bytes.Split(k[1:], []byte{0})
			if len(parts) != 4 {
				berr = fmt.Errorf("%w: cell key %q", errBadRecord, k)
				return false
			}
			if scan.byTarget {
				parts[0], parts[1] = parts[1], parts[0]
			}
			if scan.act == "" || string(parts[2]) == scan.act {
				all = append(all, counted{relKey{string(parts[0]), string(parts[1]), schema.SpeechAct(parts[2])}, countOf(v)})
			}
			return true
		})
		return cmp.Or(err, berr)
	})
	if err != nil {
		return Relations{}, fmt.Errorf("read claim index: %w", err)
	}
	out.Total = len(all)
	keys := top(all, limit)
	cells := make(map[relKey]*Relation, len(keys))
	err = r.qs.cix.kv.view(func(tx ixTx) error {
		for _, c := range keys {
			rel, fk := &Relation{Act: c.act, Count: c.n}, rawKey(ixCell, c.speaker, c.target, string(c.act))
			cells[c.relKey] = rel
			err := tx.postings(fk, func(sk []byte) bool { rel.Last = dateOf(sk[:dateLen]); return false })
			if err == nil {
				err = tx.postingsBack(fk, func(sk []byte) bool { rel.First = dateOf(sk[:dateLen]); return rel.First.IsZero() })
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return Relations{}, fmt.Errorf("read claim index: %w", err)
	}
	return r.decodeTop(ctx, cells, keys, out)
}
