package graph

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
)

// quadStore is Cayley's store with a lock around query planning (the SQL
// backend's planner numbers table aliases with one unguarded counter shared
// by all queries, so concurrent planning races and can repeat an alias) and
// the claim index that goes with it, so that every reader has both.
type quadStore struct {
	cgraph.QuadStore
	plan  *sync.Mutex
	cix   *claimIndex // nil: every query takes the plain path (PostgreSQL)
	cache *nodeCache  // nil: no cache
	pg    *pgReader   // PostgreSQL: many nodes read at once; nil elsewhere
}

// pattern selects quads: each non-nil field must match.
type pattern struct {
	subject, predicate, object, label quad.Value
}

// shape is p as a Cayley shape.
func (p pattern) shape() shape.Quads {
	var sh shape.Quads
	for _, f := range []struct {
		dir quad.Direction
		v   quad.Value
	}{{quad.Subject, p.subject}, {quad.Predicate, p.predicate}, {quad.Object, p.object}, {quad.Label, p.label}} {
		if f.v != nil {
			sh = append(sh, shape.QuadFilter{Dir: f.dir, Values: shape.Lookup{f.v}})
		}
	}
	return sh
}

// build plans sh; see quadStore for the lock.
func (qs quadStore) build(ctx context.Context, sh shape.Shape) iterator.Shape {
	qs.plan.Lock()
	defer qs.plan.Unlock()
	return shape.BuildIterator(ctx, qs.QuadStore, sh)
}

// values returns the dir side of up to n (all if n < 0) quads that fit p,
// repeats included. Asking for nodes, not quads, lets each backend plan one
// index scan: an SQL query on PostgreSQL, a prefix scan of bolt's
// subject-predicate or object-predicate-subject index. (A bare quad filter
// on two directions intersects two scans, one of them a full scan on bolt.)
func values(ctx context.Context, qs quadStore, dir quad.Direction, p pattern, n int) ([]quad.Value, error) {
	it := qs.build(ctx, shape.NodesFrom{Dir: dir, Quads: p.shape()})
	var out []quad.Value
	err := iterator.Iterate(ctx, it).Paths(false).Limit(n).EachValue(qs, func(v quad.Value) error {
		out = append(out, v)
		return nil
	})
	if err == nil {
		// Cayley's iteration stops quietly on a cancelled context.
		err = ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("read %v: %w", dir, err)
	}
	return out, nil
}

// countNodes adds to seen the dir side of every quad that fits p, by node:
// a count of distinct nodes that reads no node's value (a busy type, such as
// an actor class repeated under every article's label, has a million quads
// for a few hundred nodes).
func countNodes(ctx context.Context, qs quadStore, dir quad.Direction, p pattern, seen map[any]bool) error {
	it := qs.build(ctx, shape.NodesFrom{Dir: dir, Quads: p.shape()})
	err := iterator.Iterate(ctx, it).Paths(false).Each(func(r refs.Ref) error {
		seen[refs.ToKey(r)] = true
		return nil
	})
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return fmt.Errorf("count %v: %w", dir, err)
	}
	return nil
}

// exists reports whether any quad fits p, reading at most one.
func exists(ctx context.Context, qs quadStore, p pattern) (bool, error) {
	vs, err := values(ctx, qs, quad.Subject, p, 1)
	return len(vs) > 0, err
}

// quadsAt returns every quad with v in direction dir: a node's quads
// (subject), or an article's (label; an index on PostgreSQL and memstore,
// a full scan on bolt, whose default indexes have no label).
func quadsAt(ctx context.Context, qs quadStore, dir quad.Direction, v quad.Value) ([]quad.Quad, error) {
	it := qs.build(ctx, shape.Quads{{Dir: dir, Values: shape.Lookup{v}}})
	var out []quad.Quad
	err := iterator.Iterate(ctx, it).Paths(false).Each(func(r cgraph.Ref) error {
		q, err := qs.Quad(r)
		if err != nil {
			return err
		}
		out = append(out, q)
		return nil
	})
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("read quads: %w", err)
	}
	return out, nil
}

// subjects returns the distinct subjects of quads with predicate pred and
// object obj, sorted.
func subjects(ctx context.Context, qs quadStore, pred string, obj quad.Value) ([]string, error) {
	if qs.pg != nil {
		return qs.pg.subjects(ctx, pred, obj)
	}
	vs, err := values(ctx, qs, quad.Subject, pattern{predicate: quad.IRI(pred), object: obj}, -1)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, text(v))
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// node is the merged view of one node's quads, whatever their labels: the
// distinct objects of each predicate, in a stable order.
type node struct {
	iri  string
	vals map[string][]quad.Value
}

// field is a predicate to read of a node, and whether to read all its
// values or just one.
type field struct {
	pred string
	many bool
}

func one(pred string) field  { return field{pred: pred} }
func many(pred string) field { return field{pred: pred, many: true} }

// readNode reads the quads with iri as subject: all of them, or just the
// fields asked for. A shared node repeats its quads under every label that
// brought it (an actor in 10,000 articles has 10,000 name quads), so a
// single-valued field reads one quad: the first the index gives, which on
// every backend tends to be the first written.
func readNode(ctx context.Context, qs quadStore, iri string, fields ...field) (node, error) {
	n := node{iri: iri, vals: make(map[string][]quad.Value)}
	if len(fields) == 0 {
		qq, err := quadsAt(ctx, qs, quad.Subject, quad.IRI(iri))
		if err != nil {
			return node{}, err
		}
		for _, q := range qq {
			p := text(q.Predicate)
			n.vals[p] = append(n.vals[p], q.Object)
		}
	}
	for _, f := range fields {
		limit := 1
		if f.many {
			limit = -1
		}
		vs, err := values(ctx, qs, quad.Object, pattern{subject: quad.IRI(iri), predicate: quad.IRI(f.pred)}, limit)
		if err != nil {
			return node{}, err
		}
		n.vals[f.pred] = vs
	}
	n.tidy()
	return n, nil
}

// tidy drops repeated values, which shared nodes have one per label, and
// sorts the rest.
func (n node) tidy() {
	for p, vs := range n.vals {
		seen := make(map[string]bool)
		vs = slices.DeleteFunc(vs, func(v quad.Value) bool {
			k := v.String()
			dup := seen[k]
			seen[k] = true
			return dup
		})
		sort.Slice(vs, func(i, j int) bool { return vs[i].String() < vs[j].String() })
		n.vals[p] = vs
	}
}

// one returns the first value of pred, nil if there is none.
func (n node) one(pred string) quad.Value {
	if vs := n.vals[pred]; len(vs) > 0 {
		return vs[0]
	}
	return nil
}

// str returns the text of pred's first value, "" if none.
func (n node) str(pred string) string {
	if v := n.one(pred); v != nil {
		return text(v)
	}
	return ""
}

// strs returns the text of every value of pred, sorted.
func (n node) strs(pred string) []string {
	var out []string
	for _, v := range n.vals[pred] {
		out = append(out, text(v))
	}
	slices.Sort(out)
	return out
}

func (n node) integer(pred string) int {
	if v, ok := n.one(pred).(quad.Int); ok {
		return int(v)
	}
	return 0
}

func (n node) float(pred string) float64 {
	if v, ok := n.one(pred).(quad.Float); ok {
		return float64(v)
	}
	return 0
}

func (n node) boolean(pred string) bool {
	v, ok := n.one(pred).(quad.Bool)
	return ok && bool(v)
}

// time returns pred's time in UTC, the zero time if none.
func (n node) time(pred string) time.Time {
	if v, ok := n.one(pred).(quad.Time); ok {
		return time.Time(v).UTC()
	}
	return time.Time{}
}

// text is the plain text of an IRI or a string, and Cayley's rendering of
// anything else (quad.ToString wraps IRIs in <>).
func text(v quad.Value) string {
	switch v := v.(type) {
	case quad.IRI:
		return string(v)
	case quad.String:
		return string(v)
	}
	return quad.StringOf(v)
}
