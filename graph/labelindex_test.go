package graph

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// quadSet renders quads as sorted N-Quads-like strings, to compare sets.
func quadSet(qq []quad.Quad) []string {
	out := make([]string, len(qq))
	for i, q := range qq {
		out[i] = q.String()
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestLabelIndex: the quads DeleteArticle finds through the label index
// are exactly those a scan of every quad finds, after reviews and a second
// article naming the same actors; a deleted article's list goes with it.
func TestLabelIndex(t *testing.T) {
	indexedBackends(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		k := newCorpus(t)
		add(t, s, k.a1, k.claims1)
		add(t, s, k.a2, k.claims2)
		rev := schema.Review{Status: schema.Disputed, Reason: "the army, not the state", Reviewer: "token:test",
			Date: at(t, "2020-10-10T10:00:00Z"), Correction: &schema.Correction{Targets: []schema.Actor{}, SetTargets: true}}
		if _, _, err := s.Review(ctx, k.c1.ID, rev); err != nil {
			t.Fatal(err)
		}
		for _, label := range []string{k.a1.IRI, k.a2.IRI, schema.ReviewsLabel(k.c1.ID)} {
			got, subjects, err := s.labelled(ctx, label)
			if err != nil || subjects == nil {
				t.Fatalf("labelled(%s): %d subjects, %v; want them from the index", label, len(subjects), err)
			}
			want, err := quadsAt(ctx, s.qs, quad.Label, quad.IRI(label))
			if err != nil {
				t.Fatal(err)
			}
			if g, w := quadSet(got), quadSet(want); len(w) == 0 || !slices.Equal(g, w) {
				t.Errorf("%s: the index finds %d quads, a scan %d; want the same, and some", label, len(g), len(w))
			}
		}
		if err := s.DeleteArticle(ctx, k.a1.IRI); err != nil {
			t.Fatal(err)
		}
		if left, err := quadsAt(ctx, s.qs, quad.Label, quad.IRI(k.a1.IRI)); err != nil || len(left) != 0 {
			t.Errorf("after the delete, %d quads keep the article's label (%v)", len(left), err)
		}
		if subjects, ok, err := s.qs.cix.labelSubjects(k.a1.IRI); err != nil || !ok || len(subjects) != 0 {
			t.Errorf("after the delete the label lists %v (complete %v, %v), want nothing", subjects, ok, err)
		}
		if _, err := s.Claim(ctx, k.c3.IRI); err != nil {
			t.Errorf("the other article's claim: %v", err)
		}
	})
}

// TestLabelIndexIncomplete: a store whose label index does not list every
// quad (made before the index, or given a quad whose subject is not an IRI
// through Cayley's API) deletes an article by reading every quad, exactly.
func TestLabelIndexIncomplete(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.bolt")
	s, err := Open(ctx, "bolt", path)
	if err != nil {
		t.Fatal(err)
	}
	k := newCorpus(t)
	add(t, s, k.a1, k.claims1)
	add(t, s, k.a2, k.claims2)
	// A quad with a blank-node subject under the article's label, as a
	// Cayley API client may write.
	blank := quad.Quad{Subject: quad.BNode("x"), Predicate: quad.IRI(schema.PredName), Object: quad.String("x"), Label: quad.IRI(k.a1.IRI)}
	s.mu.Lock()
	err = s.qs.ApplyDeltas([]cgraph.Delta{{Quad: blank, Action: cgraph.Add}}, cgraph.IgnoreOpts{})
	s.mu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	if _, subjects, err := s.labelled(ctx, k.a1.IRI); err != nil || subjects != nil {
		t.Fatalf("labelled after a blank subject: %d subjects, %v; want a scan", len(subjects), err)
	}
	if err := s.DeleteArticle(ctx, k.a1.IRI); err != nil {
		t.Fatal(err)
	}
	if left, err := quadsAt(ctx, s.qs, quad.Label, quad.IRI(k.a1.IRI)); err != nil || len(left) != 0 {
		t.Errorf("after the delete, %d quads keep the article's label (%v)", len(left), err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// Reopened with quads in it, the store does not trust the index again.
	s2 := openAt(t, "bolt", path)
	if _, subjects, err := s2.labelled(ctx, k.a2.IRI); err != nil || subjects != nil {
		t.Errorf("labelled after a reopen: %d subjects, %v; want a scan", len(subjects), err)
	}
}
