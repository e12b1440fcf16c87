package graph

import (
	"cmp"
	"container/heap"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/schema"
)

// Relation is one cell of the who-accused-whom matrix: how often a speaker
// addressed a target with one speech act, and over what span of time.
type Relation struct {
	Speaker schema.Actor     `json:"speaker"`
	Target  schema.Actor     `json:"target"`
	Act     schema.SpeechAct `json:"act"`
	Count   int              `json:"count"`
	First   time.Time        `json:"first,omitzero"` // earliest dated claim
	Last    time.Time        `json:"last,omitzero"`  // latest dated claim
}

// Relations is the matrix, busiest cells first.
type Relations struct {
	Relations []Relation `json:"relations"` // never nil
	Total     int        `json:"total"`     // cells before the limit
	Claims    int        `json:"claims"`    // claims counted, those without a target left out
}

// relKey identifies a cell.
type relKey struct {
	speaker, target string
	act             schema.SpeechAct
}

// Relations counts (speaker, target, speech act) over the claims f selects
// (its Speaker, Target, SpeechAct, From, To, Text and Rollup; paging is
// f.Limit cells). With Rollup, a member's claims count in its root's row
// and column: Russia's foreign ministry's accusations are Russia's.
func (s *Store) Relations(ctx context.Context, f Filter) (Relations, error) {
	if err := checkFilter(&f); err != nil {
		return Relations{}, fmt.Errorf("relations: %w", err)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := newReader(s.qs)
	out, err := r.relations(ctx, f)
	if err != nil {
		return Relations{}, fmt.Errorf("relations: %w", err)
	}
	return out, nil
}

func (r *reader) relations(ctx context.Context, f Filter) (Relations, error) {
	if out, ok, err := r.indexedRelations(ctx, f); ok || err != nil {
		return out, err
	}
	speakers, err := r.side(ctx, f.Speaker, f.Rollup)
	if err != nil {
		return Relations{}, err
	}
	targets, err := r.side(ctx, f.Target, f.Rollup)
	if err != nil {
		return Relations{}, err
	}
	iris, err := r.candidates(ctx, f)
	if err != nil {
		return Relations{}, err
	}
	cells := make(map[relKey]*Relation)
	out := Relations{Relations: []Relation{}}
	nodes, err := r.keyNodes(ctx, iris, f, many(schema.PredSpeaker), many(schema.PredTarget), one(schema.PredSpeechAct))
	if err != nil {
		return Relations{}, err
	}
	for _, n := range nodes {
		c := claimFields(n)
		ts := targets.keep(n.strs(schema.PredTarget))
		if !matches(c, f) || len(ts) == 0 {
			continue
		}
		out.Claims++
		for _, sp := range speakers.keep(n.strs(schema.PredSpeaker)) {
			for _, t := range ts {
				count(cells, relKey{speakers.fold(sp), targets.fold(t), c.SpeechAct}, c.Date)
			}
		}
	}
	return r.ranked(ctx, cells, out, f.Limit)
}

// relSide is the speakers or targets a relations query asks for: with a
// filter, only the actors it names (and with Rollup their members, folded
// into the one named) make cells; a claim's other targets do not.
type relSide struct {
	roots map[string]string // actor → the named actor it counts as; nil = any actor, itself
}

func (r *reader) side(ctx context.Context, ref string, rollup bool) (relSide, error) {
	if ref == "" {
		return relSide{}, nil
	}
	iris, err := r.resolve(ctx, schema.KindActorNode, ref)
	if err != nil {
		return relSide{}, err
	}
	if !rollup {
		m := make(map[string]string, len(iris))
		for _, iri := range iris {
			m[iri] = iri
		}
		return relSide{roots: m}, nil
	}
	m, err := r.rollupMap(ctx, iris)
	return relSide{roots: m}, err
}

// keep returns the actors of iris the side asks for.
func (s relSide) keep(iris []string) []string {
	if s.roots == nil {
		return iris
	}
	return slices.DeleteFunc(iris, func(iri string) bool { _, ok := s.roots[iri]; return !ok })
}

// fold maps an actor to the one it counts as.
func (s relSide) fold(iri string) string { return cmp.Or(s.roots[iri], iri) }

// count adds one dated claim to a cell.
func count(cells map[relKey]*Relation, k relKey, date time.Time) {
	rel := cells[k]
	if rel == nil {
		rel = &Relation{Act: k.act}
		cells[k] = rel
	}
	rel.Count++
	if date.IsZero() {
		return
	}
	if rel.First.IsZero() || date.Before(rel.First) {
		rel.First = date
	}
	if date.After(rel.Last) {
		rel.Last = date
	}
}

// ranked sorts the cells, busiest first, keeps limit of them and decodes
// their actors.
func (r *reader) ranked(ctx context.Context, cells map[relKey]*Relation, out Relations, limit int) (Relations, error) {
	all := make([]counted, 0, len(cells))
	for k, rel := range cells {
		all = append(all, counted{k, rel.Count})
	}
	out.Total = len(all)
	return r.decodeTop(ctx, cells, top(all, limit), out)
}

// counted is a cell's key beside its count: a map lookup per comparison was
// most of the time of ranking a large matrix.
type counted struct {
	relKey
	n int
}

// byRank orders cells busiest first, then by speaker, target and act.
func byRank(a, b counted) int {
	return cmp.Or(cmp.Compare(b.n, a.n), strings.Compare(a.speaker, b.speaker),
		strings.Compare(a.target, b.target), strings.Compare(string(a.act), string(b.act)))
}

// top returns the first limit cells of all by rank, in order, keeping the
// limit best seen in a heap whose root is the worst of them: the whole
// graph has hundreds of thousands of cells and a page shows 200.
func top(all []counted, limit int) []counted {
	h := &rankHeap{}
	for _, c := range all {
		if h.Len() < limit {
			heap.Push(h, c)
		} else if h.Len() > 0 && byRank(c, (*h)[0]) < 0 {
			(*h)[0] = c
			heap.Fix(h, 0)
		}
	}
	slices.SortFunc(*h, byRank)
	return *h
}

// rankHeap is a heap of cells with the worst ranked at its root.
type rankHeap []counted

func (h rankHeap) Len() int           { return len(h) }
func (h rankHeap) Less(i, j int) bool { return byRank(h[i], h[j]) > 0 }
func (h rankHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *rankHeap) Push(x any)        { *h = append(*h, x.(counted)) }
func (h *rankHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// decodeTop decodes the actors of the cells of keys, in order, into out.
func (r *reader) decodeTop(ctx context.Context, cells map[relKey]*Relation, keys []counted, out Relations) (Relations, error) {
	var actors []string
	for _, c := range keys {
		actors = append(actors, c.speaker, c.target)
	}
	if err := r.prefetchKind(ctx, schema.KindActorNode, actors); err != nil {
		return Relations{}, err
	}
	for _, c := range keys {
		k := c.relKey
		rel := cells[k]
		var err error
		if rel.Speaker, err = r.actor(ctx, k.speaker); err != nil {
			return Relations{}, err
		}
		if rel.Target, err = r.actor(ctx, k.target); err != nil {
			return Relations{}, err
		}
		out.Relations = append(out.Relations, *rel)
	}
	return out, nil
}
