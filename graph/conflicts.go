package graph

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// Conflict is another claim that gives a different figure for the same
// measure about the same event.
type Conflict struct {
	Measure string       `json:"measure"`
	Value   float64      `json:"value"`       // this claim's figure
	Other   float64      `json:"other_value"` // the other claim's figure
	Claim   schema.Claim `json:"claim"`       // the other claim
}

// Conflicts is a claim with the claims whose figures disagree with it.
type Conflicts struct {
	Claim     schema.Claim `json:"claim"`
	Conflicts []Conflict   `json:"conflicts"` // never nil
}

// approxTolerance is how far apart two figures may be, relative to the
// larger, when either is approximate ("some 400" agrees with 390).
const approxTolerance = 0.1

// disagree reports whether a and b count the same thing with figures that
// cannot both be right.
func disagree(a, b schema.Quantity) bool {
	if a.Measure != b.Measure {
		return false
	}
	tol := 0.0
	if a.Approx || b.Approx {
		tol = approxTolerance * math.Max(math.Abs(a.Value), math.Abs(b.Value))
	}
	return math.Abs(a.Value-b.Value) > tol
}

// Conflicts returns the claim ref with every other claim about the same
// event that states a different figure for one of its measures. A claim
// without an event or without figures has no conflicts.
func (s *Store) Conflicts(ctx context.Context, ref string) (Conflicts, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := newReader(s.qs)
	c, err := r.claimRef(ctx, ref)
	if err != nil {
		return Conflicts{}, fmt.Errorf("conflicts: %w", err)
	}
	out := Conflicts{Claim: c, Conflicts: []Conflict{}}
	if c.Event == nil || len(c.Quantities) == 0 {
		return out, nil
	}
	if out.Conflicts, err = r.conflicts(ctx, c); err != nil {
		return Conflicts{}, fmt.Errorf("conflicts of %q: %w", c.IRI, err)
	}
	return out, nil
}

// conflicts compares c's figures with those of every other claim about its
// event, reading a claim in full only when it disagrees.
func (r *reader) conflicts(ctx context.Context, c schema.Claim) ([]Conflict, error) {
	others, err := subjects(ctx, r.qs, schema.PredEvent, quad.IRI(c.Event.IRI))
	if err != nil {
		return nil, err
	}
	out := []Conflict{}
	for _, o := range others {
		if o == c.IRI {
			continue
		}
		n, err := r.node(ctx, o)
		if err != nil {
			return nil, err
		}
		qs, err := r.quantities(ctx, n)
		if err != nil {
			return nil, err
		}
		for _, a := range c.Quantities {
			i := slices.IndexFunc(qs, func(b schema.Quantity) bool { return disagree(a, b) })
			if i < 0 {
				continue
			}
			oc, err := r.claim(ctx, o)
			if err != nil {
				return nil, err
			}
			out = append(out, Conflict{Measure: a.Measure, Value: a.Value, Other: qs[i].Value, Claim: oc})
			break
		}
	}
	slices.SortFunc(out, func(a, b Conflict) int {
		if d := b.Claim.Date.Compare(a.Claim.Date); d != 0 {
			return d
		}
		return strings.Compare(a.Claim.ID, b.Claim.ID)
	})
	return out, nil
}
