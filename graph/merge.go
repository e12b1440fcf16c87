package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// Merge makes the actor ref one with the actor into, when two nodes turn
// out to be the same: into takes ref's name and aliases as aliases, and
// every claim ref spoke or was the target of points at into instead. The
// merge is one transaction under a label of its own (schema.MergeLabel),
// each moved edge recorded, so Unmerge can undo it exactly. It returns
// into's profile.
func (s *Store) Merge(ctx context.Context, ref, into string) (Profile, error) {
	defer s.lock()()
	r := newReader(s.qs)
	from, to, err := r.mergePair(ctx, ref, into)
	if err != nil {
		return Profile{}, fmt.Errorf("merge actor: %w", err)
	}
	b, err := r.mergeBatch(ctx, from, to)
	if err == nil {
		err = s.apply(ctx, b) // reindexes the claims moved (see applyIndexed)
	}
	if err != nil {
		return Profile{}, fmt.Errorf("merge actor %q into %q: %w", from, to, err)
	}
	p, err := newReader(s.qs).profile(ctx, to, false)
	if err != nil {
		return Profile{}, fmt.Errorf("merge actor %q into %q: %w", from, to, err)
	}
	return p, nil
}

// mergePair resolves the two actors of a merge and checks it makes sense.
func (r *reader) mergePair(ctx context.Context, ref, into string) (from, to string, err error) {
	for _, p := range []struct {
		ref string
		iri *string
	}{{ref, &from}, {into, &to}} {
		iri, ok, err := r.resolveOne(ctx, schema.KindActorNode, p.ref)
		if err == nil && !ok {
			err = fmt.Errorf("%w: no actor matches %q", schema.ErrNotFound, p.ref)
		}
		if err != nil {
			return "", "", err
		}
		*p.iri = iri
	}
	if from == to {
		return "", "", fmt.Errorf("%w: %q and %q are the same actor", schema.ErrInvalid, ref, into)
	}
	for _, iri := range []string{from, to} {
		if m, err := mergedInto(ctx, r.qs, iri); err != nil {
			return "", "", err
		} else if m != "" {
			return "", "", fmt.Errorf("%w: actor %q is already merged into %q", schema.ErrConflict, iri, m)
		}
	}
	return from, to, nil
}

// mergedInto returns the actor iri was merged into, "" if none.
func mergedInto(ctx context.Context, qs quadStore, iri string) (string, error) {
	vs, err := values(ctx, qs, quad.Object, pattern{subject: quad.IRI(iri), predicate: quad.IRI(schema.PredMergedInto)}, 1)
	if err != nil || len(vs) == 0 {
		return "", err
	}
	return text(vs[0]), nil
}

// mergeBatch returns the deltas of merging from into to.
func (r *reader) mergeBatch(ctx context.Context, from, to string) ([]cgraph.Delta, error) {
	label := schema.MergeLabel(idOf(from))
	b := newBatch(label)
	b.add(from, schema.PredMergedInto, quad.IRI(to))
	b.add(schema.MergesNode, schema.PredMerged, quad.IRI(from))
	a, err := r.actor(ctx, from)
	if err != nil {
		return nil, err
	}
	for _, name := range append([]string{a.Name}, a.Aliases...) {
		b.add(to, schema.PredAlias, str(name))
		b.add(to, schema.PredKey, str(schema.Key(name)))
	}
	var deltas []cgraph.Delta
	for _, pred := range []string{schema.PredSpeaker, schema.PredTarget} {
		edges, err := edgesTo(ctx, r.qs, pred, from)
		if err != nil {
			return nil, err
		}
		for _, q := range edges {
			deltas = append(deltas, b.moveEdge(q, to))
		}
	}
	for _, q := range b.list {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	return deltas, nil
}

// moveEdge adds to b (a merge's batch) the edge q of a claim re-pointed at
// the actor to, with a record of q to undo it, and returns q's deletion.
func (b *batch) moveEdge(q quad.Quad, to string) cgraph.Delta {
	claim, pred, from := text(q.Subject), text(q.Predicate), text(q.Object)
	move := schema.IRI(schema.KindMoveNode, shortHash(string(b.label), claim, pred, text(q.Label)))
	b.add(move, schema.PredMoveActor, quad.IRI(from))
	b.add(move, schema.PredMoveClaim, quad.IRI(claim))
	b.add(move, schema.PredMovePred, quad.IRI(pred))
	b.add(move, schema.PredMoveLabel, q.Label)
	b.add(claim, pred, quad.IRI(to))
	return cgraph.Delta{Quad: q, Action: cgraph.Delete}
}

// edgesTo returns every quad with predicate pred and object iri.
func edgesTo(ctx context.Context, qs quadStore, pred, iri string) ([]quad.Quad, error) {
	qq, err := quadsAt(ctx, qs, quad.Object, quad.IRI(iri))
	if err != nil {
		return nil, err
	}
	var out []quad.Quad
	for _, q := range qq {
		if text(q.Predicate) == pred && q.Label != nil {
			out = append(out, q)
		}
	}
	return out, nil
}

// shortHash is 16 hex digits of the SHA-256 of the parts.
func shortHash(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
