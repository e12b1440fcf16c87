package graph

import (
	"context"
	"errors"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// The label index lists, under each label (an article, a claim's reviews, a
// merge), the subjects of the quads written with it. Cayley's KV backends
// index quads by subject and by object, not by label: without this list,
// DeleteArticle reads every quad of the store to find an article's (a
// minute at a million claims). With it, it reads the quads of a few
// subjects and keeps those with the article's label.
//
// The list may hold more than the store does (a write that failed after it
// was listed, a subject whose quads another write deleted), never less:
// every write goes through quadStore.ApplyDeltas, which lists what it adds
// before Cayley writes it, in the same bolt file. A store made before the
// index, or one given a quad whose subject is not an IRI, has no labelsKey:
// DeleteArticle then reads every quad, as before.

// ixLabel is the kind of a label's list of subjects.
const ixLabel byte = 'L'

// labelsKey, in bCounts, says that the label index lists every quad's
// subject: set when the store is opened empty.
var labelsKey = []byte("\x00labels")

// labelKey is the filter key of label's list; the 0 keeps one label's list
// apart from that of a longer label that begins with it.
func labelKey(label string) []byte {
	return append(append([]byte{ixLabel}, label...), 0)
}

// noteLabels lists the subjects of the quads that deltas add, under their
// labels. A subject that is not an IRI makes the index incomplete.
func (ix *claimIndex) noteLabels(deltas []cgraph.Delta) error {
	type pair struct{ label, subject string }
	seen := make(map[pair]bool)
	var pairs []pair
	complete := true
	for _, d := range deltas {
		if d.Action != cgraph.Add || d.Quad.Label == nil {
			continue
		}
		l, lok := d.Quad.Label.(quad.IRI)
		s, sok := d.Quad.Subject.(quad.IRI)
		if !lok || !sok {
			complete = false
			continue
		}
		if p := (pair{string(l), string(s)}); !seen[p] {
			seen[p] = true
			pairs = append(pairs, p)
		}
	}
	if len(pairs) == 0 && complete {
		return nil
	}
	// Not durable: Cayley's write, next in the same file, syncs it.
	err := ix.kv.update(false, func(tx ixTx) error {
		if !complete && tx.get(bCounts, labelsKey) != nil {
			if err := tx.del(bCounts, labelsKey); err != nil {
				return err
			}
		}
		for _, p := range pairs {
			if err := tx.addPosting(labelKey(p.label), []byte(p.subject)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("label index: %w", err)
	}
	return nil
}

// labelSubjects returns the subjects listed under label; false when the
// index does not list every label's, or there is no index (SQL stores).
func (ix *claimIndex) labelSubjects(label string) ([]string, bool, error) {
	if ix == nil {
		return nil, false, nil
	}
	var out []string
	var complete bool
	err := ix.kv.view(func(tx ixTx) error {
		if complete = tx.get(bCounts, labelsKey) != nil; !complete {
			return nil
		}
		return tx.postings(labelKey(label), func(sk []byte) bool {
			out = append(out, string(sk))
			return true
		})
	})
	if err != nil {
		return nil, false, fmt.Errorf("label index: %w", err)
	}
	return out, complete, nil
}

// forgetLabel removes the list of label, whose quads are deleted.
func (ix *claimIndex) forgetLabel(label string, subjects []string) error {
	err := ix.kv.update(false, func(tx ixTx) error {
		for _, s := range subjects {
			if err := tx.delPosting(labelKey(label), []byte(s)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("label index: %w", err)
	}
	return nil
}

// startLabels sets labelsKey on a store that holds no quad yet: from now
// on, the index lists every label's subjects.
func (s *Store) startLabels(ctx context.Context) error {
	ix := s.qs.cix
	if ix == nil {
		return nil
	}
	var have bool
	if err := ix.kv.view(func(tx ixTx) error { have = tx.get(bCounts, labelsKey) != nil; return nil }); err != nil || have {
		return err
	}
	st, err := s.qs.Stats(ctx, false)
	if errors.Is(err, kv.ErrNoBucket) {
		err = nil // a new bolt file: Cayley makes its buckets on the first write
	}
	if err != nil || st.Quads.Value > 0 {
		return err
	}
	return ix.kv.update(true, func(tx ixTx) error { return tx.put(bCounts, labelsKey, []byte{1}) })
}

// labelled returns the quads with label, through the label index when it
// lists every label's subjects, or else by reading every quad.
func (s *Store) labelled(ctx context.Context, label string) ([]quad.Quad, []string, error) {
	subjects, ok, err := s.qs.cix.labelSubjects(label)
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		qq, err := quadsAt(ctx, s.qs, quad.Label, quad.IRI(label))
		return qq, nil, err
	}
	var out []quad.Quad
	for _, sub := range subjects {
		qq, err := quadsAt(ctx, s.qs, quad.Subject, quad.IRI(sub))
		if err != nil {
			return nil, nil, err
		}
		for _, q := range qq {
			if l, ok := q.Label.(quad.IRI); ok && string(l) == label {
				out = append(out, q)
			}
		}
	}
	return out, subjects, nil
}
