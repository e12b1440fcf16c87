package graph

import (
	"context"
	"fmt"
	"slices"

	"github.com/cayleygraph/quad"
)

// pend marks claims as about to change, durably, before their quads are
// written: a crash between the quads and the index leaves the marks, and
// the next open re-reads those claims (see replay).
func (ix *claimIndex) pend(claims []string) error {
	if len(claims) == 0 {
		return nil
	}
	err := ix.kv.update(true, func(tx ixTx) error {
		for _, c := range claims {
			if err := tx.put(bPending, []byte(c), nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("write claim index: %w", err)
	}
	return nil
}

// pending lists the claims marked by pend and not yet indexed.
func (ix *claimIndex) pending() ([]string, error) {
	var out []string
	err := ix.kv.view(func(tx ixTx) error {
		return tx.each(bPending, nil, func(k, _ []byte) bool {
			out = append(out, string(k))
			return true
		})
	})
	return out, err
}

// claimWrite keeps the claim index in step with one write of quads: begin
// before the quads go in, done after, or fail if they did not.
type claimWrite struct {
	s       *Store
	facts   []claimFacts // new claims, as their quads say
	changed []string     // stored claims to read back once the quads are in
}

// begin adds the claims whose roll-up the write's affiliation quads change
// and marks every claim the write touches as pending. adding says whether
// qq are to be added or deleted.
func (w *claimWrite) begin(ctx context.Context, r *reader, qq []quad.Quad, adding bool) error {
	if w.s.qs.cix == nil {
		return nil
	}
	affected, err := r.edgeClaims(ctx, affiliationQuads(qq), adding)
	if err != nil {
		return err
	}
	w.changed = append(w.changed, affected...)
	return w.s.pendClaims(w.all())
}

// all lists the claims of the write.
func (w *claimWrite) all() []string {
	out := slices.Clone(w.changed)
	for _, f := range w.facts {
		out = append(out, f.iri)
	}
	return out
}

// done indexes the write's claims and clears their marks.
func (w *claimWrite) done(ctx context.Context) error {
	ix := w.s.qs.cix
	if ix == nil {
		return nil
	}
	if len(w.facts) > 0 {
		if err := newReader(w.s.qs).rollUp(ctx, w.facts); err != nil {
			return err
		}
		if err := ix.put(w.facts); err != nil {
			return err
		}
	}
	return w.s.reindexClaims(ctx, w.changed)
}

// fail reads the write's claims back as the store has them: a write that
// failed left the quads as they were.
func (w *claimWrite) fail(ctx context.Context) error {
	return w.s.reindexClaims(ctx, w.all())
}
