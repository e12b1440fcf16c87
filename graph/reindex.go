package graph

import (
	"bytes"
	"context"
	"fmt"
	"slices"

	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// reindexChunk is how many claims one transaction of reindexClaims covers.
const reindexChunk = 5000

// builtKey, in the counts bucket, marks an index that holds every claim of
// the store, with the index's version as its value: a bolt file written
// before the index existed, or by another version, lacks it, and Open
// indexes its claims once.
var builtKey = []byte("\x00built")

// indexVersion changes whenever what the index lists changes.
const indexVersion = 10

// sameRecords are the earlier versions whose index this one takes as its
// own, marking it with indexVersion, where any other is built afresh: 9
// lacks only the affiliation docs, which are written when reads ask for
// them. The other way, a 9 opening a 10 builds afresh, and so drops docs it
// would not keep up to date.
var sameRecords = map[byte]bool{9: true}

// reindexClaims brings whatever the store derives from claims for fast
// queries up to date with the quads now stored for the given claim IRIs. A
// write that changes a claim's speakers, targets, event, outlet, article or
// date outside AddArticle, AddArticles and DeleteArticle calls it, under
// s.mu, after its quads are in, having called pendClaims before them so that
// a crash in between is repaired on the next open. Reviews, merges and
// imports write through applyIndexed (via apply), which does both and also
// finds the claims whose roll-up an affiliation change moves. A claim no longer stored leaves the index; an
// article IRI given is reindexed as an article.
func (s *Store) reindexClaims(ctx context.Context, claims []string) error {
	ix := s.qs.cix
	if ix == nil || len(claims) == 0 {
		return nil
	}
	r := newReader(s.qs)
	for chunk := range slices.Chunk(claims, reindexChunk) {
		facts := make([]claimFacts, 0, len(chunk))
		for _, c := range chunk {
			f, err := r.storedFacts(ctx, c)
			if err != nil {
				return fmt.Errorf("reindex claim %q: %w", c, err)
			}
			facts = append(facts, f)
		}
		if err := r.rollUp(ctx, facts); err != nil {
			return fmt.Errorf("reindex claims: %w", err)
		}
		if err := ix.put(facts); err != nil {
			return err
		}
	}
	return nil
}

// pendClaims marks claims whose quads are about to change (see
// claimIndex.pend), under s.mu.
func (s *Store) pendClaims(claims []string) error {
	if s.qs.cix == nil {
		return nil
	}
	return s.qs.cix.pend(claims)
}

// openClaimIndex finishes what a crash interrupted (the claims marked
// pending), or indexes every claim of a store that has no index yet.
func (s *Store) openClaimIndex(ctx context.Context) error {
	ix := s.qs.cix
	if ix == nil {
		return nil
	}
	var built, upgrade bool
	err := ix.kv.view(func(tx ixTx) error {
		v := tx.get(bCounts, builtKey)
		built = bytes.Equal(v, []byte{indexVersion})
		upgrade = len(v) == 1 && sameRecords[v[0]]
		return nil
	})
	if err == nil && upgrade {
		err = ix.kv.update(true, func(tx ixTx) error { return tx.put(bCounts, builtKey, []byte{indexVersion}) })
		built = true
	}
	if err != nil {
		return fmt.Errorf("open claim index: %w", err)
	}
	if err := ix.countClaims(); err != nil {
		return fmt.Errorf("open claim index: %w", err)
	}
	claims, err := ix.pending()
	done := 0
	if !built && err == nil {
		// Records of another version cannot be read: start afresh.
		err = ix.kv.reset()
	}
	if !built && err == nil {
		claims, err = subjects(ctx, s.qs, schema.PredType, quad.IRI(schema.TypeClaim))
		var articles []string
		if err == nil {
			articles, err = subjects(ctx, s.qs, schema.PredType, quad.IRI(schema.TypeArticle))
		}
		claims = append(claims, articles...)
	}
	for chunk := range slices.Chunk(claims, reindexChunk) {
		if err != nil {
			break
		}
		s.report("claim index", done, len(claims))
		err = s.reindexClaims(ctx, chunk)
		done += len(chunk)
	}
	if err == nil && len(claims) > 0 {
		s.report("claim index", done, len(claims))
	}
	if err == nil && !built {
		err = ix.kv.update(true, func(tx ixTx) error { return tx.put(bCounts, builtKey, []byte{indexVersion}) })
	}
	if err != nil {
		return fmt.Errorf("open claim index: %w", err)
	}
	return nil
}
