package graph

import (
	"context"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	gocmp "github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/fixtures/pgtest"
)

// TestPGReader checks that the PostgreSQL reads of many nodes at once
// decode every kind of value as Cayley's own reads do, skip other nodes'
// quads, read a node repeated under many labels once, and leave out a
// deleted quad.
func TestPGReader(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, "postgres", pgtest.New(t))
	if s.qs.pg == nil {
		t.Fatal("a PostgreSQL store has no pgReader")
	}
	a, b, other := "urn:test:a", "urn:test:b", "urn:test:other"
	p := func(name string) quad.IRI { return quad.IRI("urn:test:p:" + name) }
	when := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	values := map[string]quad.Value{
		"iri":   quad.IRI("urn:test:x"),
		"bnode": quad.BNode("b1"),
		"str":   quad.String("plain, with a NUL \x00 inside"),
		"lang":  quad.LangString{Value: "bonjour", Lang: "fr"},
		"typed": quad.TypedString{Value: "42", Type: "urn:test:type"},
		"int":   quad.Int(-7),
		"float": quad.Float(2.5),
		"bool":  quad.Bool(true),
		"time":  quad.Time(when),
	}
	var ds []cgraph.Delta
	add := func(q quad.Quad) { ds = append(ds, cgraph.Delta{Quad: q, Action: cgraph.Add}) }
	for name, v := range values {
		add(quad.Make(quad.IRI(a), p(name), v, quad.IRI("urn:test:label1")))
	}
	// b: a shared node, its quads under three labels, one field with two
	// values (the smaller hash is the one a single-valued read takes).
	for _, label := range []string{"urn:test:l1", "urn:test:l2", "urn:test:l3"} {
		add(quad.Make(quad.IRI(b), p("name"), quad.String("Bee"), quad.IRI(label)))
		add(quad.Make(quad.IRI(b), p("alias"), quad.String("B"), quad.IRI(label)))
	}
	add(quad.Make(quad.IRI(b), p("alias"), quad.String("Bea"), quad.IRI("urn:test:l1")))
	add(quad.Make(quad.IRI(b), p("role"), quad.String("first"), quad.IRI("urn:test:l1")))
	add(quad.Make(quad.IRI(b), p("role"), quad.String("second"), quad.IRI("urn:test:l2")))
	add(quad.Make(quad.IRI(other), p("name"), quad.String("not asked for"), nil))
	gone := quad.Make(quad.IRI(a), p("gone"), quad.String("deleted"), nil)
	add(gone)
	if err := s.qs.ApplyDeltas(ds, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	if err := s.qs.ApplyDeltas([]cgraph.Delta{{Quad: gone, Action: cgraph.Delete}}, cgraph.IgnoreOpts{}); err != nil {
		t.Fatal(err)
	}
	plain := plainStore(s)

	got, err := s.qs.pg.nodes(ctx, []string{a, b, "urn:test:none"})
	if err != nil {
		t.Fatal(err)
	}
	for _, iri := range []string{a, b, "urn:test:none"} {
		want, err := readNode(ctx, plain, iri)
		if err != nil {
			t.Fatal(err)
		}
		if diff := gocmp.Diff(want.vals, got[iri].vals); diff != "" {
			t.Errorf("nodes(%s) (-Cayley +ours):\n%s", iri, diff)
		}
	}
	if len(got[a].vals) != len(values) {
		t.Errorf("nodes(%s) has %d fields, want %d (the deleted one left out)", a, len(got[a].vals), len(values))
	}
	some, err := s.qs.pg.nodes(ctx, []string{a}, string(p("int")), string(p("time")))
	if err != nil {
		t.Fatal(err)
	}
	if n := some[a]; len(n.vals) != 2 || n.integer(string(p("int"))) != -7 || !n.time(string(p("time"))).Equal(when) {
		t.Errorf("nodes(%s, int, time) = %v, want the two fields", a, n.vals)
	}

	fields := []field{one(string(p("name"))), many(string(p("alias"))), one(string(p("role")))}
	shared, err := s.qs.pg.shared(ctx, []string{b}, fields)
	if err != nil {
		t.Fatal(err)
	}
	want, err := readNode(ctx, plain, b, fields...)
	if err != nil {
		t.Fatal(err)
	}
	if diff := gocmp.Diff(want.vals, shared[b].vals); diff != "" {
		t.Errorf("shared(%s) (-Cayley +ours):\n%s", b, diff)
	}
	if aliases := shared[b].strs(string(p("alias"))); len(aliases) != 2 {
		t.Errorf("shared(%s) aliases = %q, want B and Bea once each", b, aliases)
	}

	subs, err := s.qs.pg.subjects(ctx, string(p("name")), quad.String("Bee"))
	if err != nil {
		t.Fatal(err)
	}
	wantSubs, err := subjects(ctx, plain, string(p("name")), quad.String("Bee"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := gocmp.Diff(wantSubs, subs); diff != "" || len(subs) != 1 {
		t.Errorf("subjects (-Cayley +ours):\n%s", diff)
	}
}

// BenchmarkPGReads times PostgreSQL answers read many nodes at once (see
// pgReader) against the same answers through Cayley's iterators, in one
// process on one database of a generated corpus (CLAIMGRAPH_BENCH_CLAIMS
// claims, 10,000 unless set), for the busiest speaker:
//
//	go test -run '^$' -bench PGReads ./graph/
func BenchmarkPGReads(b *testing.B) {
	n := benchClaims()
	docs := fixtures.Corpus(1, n)
	s := openAt(b, "postgres", pgtest.New(b))
	addDocs(b, s, docs)
	speaker := busiestActor(docs).IRI
	cayley := s.qs
	cayley.pg = nil
	ctx := context.Background()
	for _, q := range []struct {
		name string
		run  func(r *reader) error
	}{
		{"claims", func(r *reader) error { _, err := r.claims(ctx, Filter{Speaker: speaker, Limit: 20}); return err }},
		{"relations", func(r *reader) error { _, err := r.relations(ctx, Filter{Speaker: speaker, Limit: 200}); return err }},
		{"neighbourhood", func(r *reader) error {
			_, err := r.neighbourhood(ctx, speaker, 1, 50)
			return err
		}},
	} {
		for _, path := range []struct {
			name string
			qs   quadStore
		}{{"batched", s.qs}, {"cayley", cayley}} {
			b.Run(q.name+"/"+path.name, func(b *testing.B) {
				for b.Loop() {
					s.mu.RLock()
					err := q.run(newReader(path.qs))
					s.mu.RUnlock()
					if err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
