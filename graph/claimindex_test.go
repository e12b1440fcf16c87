package graph

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	gocmp "github.com/google/go-cmp/cmp"
	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/fixtures/pgtest"
	"github.com/claimgraph/claimgraph/schema"
)

// TestClaimIndex checks that every answer the claim index gives (items,
// order, total) is the plain path's, on a generated corpus loaded every way
// the store writes (in bulk, one article at a time, a claim added to a
// stored article, an affiliation changed and taken back), after deletes,
// and on bolt after a crash between the quads and the index and after the
// index is rebuilt from the quads.
func TestClaimIndex(t *testing.T) {
	t.Run("memstore", func(t *testing.T) {
		testClaimIndex(t, 500, func(t testing.TB) *Store { return openAt(t, "memstore", "") }, nil)
	})
	t.Run("bolt", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "claims.bolt")
		open := func(t testing.TB) *Store {
			s, err := Open(context.Background(), "bolt", path)
			if err != nil {
				t.Fatal(err)
			}
			// No disk syncs: they would be most of the test's time, and a
			// crash is simulated, not had.
			s.qs.cix.kv.(*boltIndex).db.NoSync = true
			return s
		}
		testClaimIndex(t, 300, open, func(s *Store) *Store { return reopenBolt(t, s, open) })
	})
	t.Run("postgres", func(t *testing.T) {
		admin := pgtest.Admin(t)
		testClaimIndex(t, 60, func(t testing.TB) *Store { return openAt(t, "postgres", pgtest.Database(t, admin)) }, nil)
	})
}

// reopenBolt closes s and opens its file again.
func reopenBolt(t *testing.T, s *Store, open func(testing.TB) *Store) *Store {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return open(t)
}

func testClaimIndex(t *testing.T, n int, open func(testing.TB) *Store, reopen func(*Store) *Store) {
	ctx := context.Background()
	docs := fixtures.Corpus(3, n)
	// Claims of different articles on the same date are put in order by
	// article, content start and ID: make many.
	tie := docs[0].Claims[0].Date
	for i := range docs {
		for j := range docs[i].Claims {
			if i%4 == 0 {
				docs[i].Claims[j].Date = tie
			}
			if i%9 == 1 {
				docs[i].Claims[j].Date = time.Time{} // undated: listed last, no first or last date
			}
		}
	}
	// A relation of dated and undated claims: its first date is not its
	// oldest posting's.
	for i := range docs[2:] {
		if d := docs[2+i].Claims[0]; len(d.Targets) > 0 {
			u := &docs[1].Claims[0]
			u.Speaker.Actors, u.Targets, u.SpeechAct = d.Speaker.Actors, d.Targets, d.SpeechAct
			break
		}
	}
	s := open(t)
	defer func() { s.Close() }()
	third := len(docs) / 3
	var bulk []Doc
	for _, d := range docs[:third] {
		bulk = append(bulk, Doc(d))
	}
	if _, err := s.AddArticles(ctx, bulk); err != nil {
		t.Fatal(err)
	}
	// One at a time, holding back the last claim of some to add on its own.
	var held []schema.Claim
	for i, d := range docs[third:] {
		claims := d.Claims
		if i%5 == 0 && len(claims) > 1 {
			held, claims = append(held, claims[len(claims)-1]), claims[:len(claims)-1]
		}
		add(t, s, d.Article, claims)
	}
	for _, c := range held {
		if _, err := s.AddClaim(ctx, c, nil); err != nil {
			t.Fatal(err)
		}
	}
	filters := indexFilters(docs)
	checkIndex(t, s, filters, "loaded")

	// A busy actor joins a new body too, and leaves when the article goes.
	moved, body := busiestActor(docs), schema.NewActor("Atlantis", schema.KindCountry)
	moved.Affiliation = body.IRI
	a := schema.NewArticle(moved.Name+" warned Atlantis of things.", "https://example.org/moved")
	c := newClaim(t, a, moved.Name, []schema.Actor{moved}, "warned", "things", a.Text, schema.Warn)
	c.Targets = []schema.Actor{body}
	add(t, s, a, []schema.Claim{c})
	for _, rollup := range []bool{false, true} {
		filters = append(filters, Filter{Speaker: body.IRI, Rollup: rollup, Limit: 1000},
			Filter{Target: body.IRI, Rollup: rollup, Limit: 1000})
	}
	if got, err := s.Claims(ctx, Filter{Speaker: body.IRI, Rollup: true, Limit: 1}); err != nil || got.Total < 2 {
		t.Fatalf("claims of Atlantis with roll-up: %+v, %v; want those of %s too", got, err, moved.Name)
	}
	checkIndex(t, s, filters, "affiliation added")
	if err := s.DeleteArticle(ctx, a.IRI); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs[len(docs)/2:][:len(docs)/10] {
		if err := s.DeleteArticle(ctx, d.Article.IRI); err != nil {
			t.Fatal(err)
		}
	}
	filters = indexFilters(docs)
	checkIndex(t, s, filters, "after deletes")
	if reopen == nil {
		return
	}
	// A crash after the quads of an article, before its index entries.
	d := docs[len(docs)/2]
	b := newBatch(d.Article.IRI)
	b.article(d.Article)
	for _, c := range d.Claims {
		b.claim(c)
	}
	if err := s.pendClaims(append(claimIRIs(d.Claims), d.Article.IRI)); err != nil {
		t.Fatal(err)
	}
	if err := s.add(ctx, b.list); err != nil {
		t.Fatal(err)
	}
	s = reopen(s)
	checkIndex(t, s, filters, "after a crash")
	// A store whose index is lost (or older than it) indexes itself on open.
	loseClaimIndex(t, s)
	s = reopen(s)
	checkIndex(t, s, filters, "rebuilt")
}

// loseClaimIndex deletes the claim index of the bolt store s, as a file
// written before the index, or by another version of it, lacks it.
func loseClaimIndex(t *testing.T, s *Store) {
	t.Helper()
	err := s.qs.cix.kv.(*boltIndex).db.Update(func(tx *bolt.Tx) error {
		for _, name := range append(boltBuckets[:], boltPostings) {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func claimIRIs(cs []schema.Claim) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.IRI)
	}
	return out
}

// busiestActor is the actor most claims of docs name as a speaker.
func busiestActor(docs []fixtures.Doc) schema.Actor {
	n := map[string]int{}
	var best schema.Actor
	for _, d := range docs {
		for _, c := range d.Claims {
			a := c.Speaker.Actors[0]
			if n[a.IRI]++; n[a.IRI] > n[best.IRI] {
				best = a
			}
		}
	}
	return best
}

// indexFilters are the filters checked: every node the corpus names, busy
// pairs, by IRI and by name, with roll-up and without, whole and paged.
func indexFilters(docs []fixtures.Doc) []Filter {
	var base []Filter
	seen := map[Filter]bool{}
	pairs := map[[2]string]int{}
	addF := func(f Filter) {
		if !seen[f] {
			seen[f] = true
			base = append(base, f)
		}
	}
	// No node: the whole graph, then by speech act and by date.
	addF(Filter{})
	addF(Filter{SpeechAct: schema.Accuse})
	if len(docs) > 0 {
		mid := docs[len(docs)/2].Article.Published
		addF(Filter{From: mid})
		addF(Filter{To: mid, SpeechAct: schema.Assert})
	}
	for i, d := range docs {
		if i%7 == 0 {
			addF(Filter{Article: d.Article.IRI})
		}
		if o := d.Article.Outlet; o != nil {
			addF(Filter{Outlet: o.IRI})
		}
		for j, c := range d.Claims {
			for _, a := range c.Speaker.Actors {
				addF(Filter{Speaker: a.IRI})
				for _, tg := range c.Targets {
					pairs[[2]string{a.IRI, tg.IRI}]++
					if (i+j)%11 == 0 { // a row, a column and a pair by speech act (sideRelations)
						addF(Filter{Speaker: a.IRI, SpeechAct: c.SpeechAct})
						addF(Filter{Target: tg.IRI, SpeechAct: c.SpeechAct})
						addF(Filter{Speaker: a.IRI, Target: tg.Name, SpeechAct: c.SpeechAct})
					}
				}
			}
			for _, a := range c.Targets {
				addF(Filter{Target: a.Name})
			}
			if c.Event != nil {
				addF(Filter{Event: c.Event.IRI})
			}
			if c.Outlet != nil {
				addF(Filter{Outlet: c.Outlet.Name})
			}
		}
	}
	var ps [][2]string
	for p := range pairs {
		ps = append(ps, p)
	}
	slices.SortFunc(ps, func(a, b [2]string) int {
		return cmp.Or(cmp.Compare(pairs[b], pairs[a]), cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	})
	for _, p := range ps[:min(40, len(ps))] {
		addF(Filter{Speaker: p[0], Target: p[1]})
	}
	if len(docs) > 0 {
		// Dated: the index reads one run of a key's postings. Bounds are
		// claims' dates, so a claim sits on each.
		mid, last := claimDate(docs, len(docs)/2), claimDate(docs, len(docs)-1)
		for i, f := range slices.Clone(base) {
			if i%5 == 1 && !noNode(f) {
				f.From = mid
				addF(f)
				f.From, f.To = time.Time{}, mid
				addF(f)
				f.From, f.To = mid.AddDate(0, -6, 0), last
				addF(f)
			}
		}
	}
	var out []Filter
	for _, f := range base {
		for _, rollup := range []bool{false, true} {
			for _, pg := range [][2]int{{1000, 0}, {7, 5}} {
				g := f
				g.Rollup, g.Limit, g.Offset = rollup, pg[0], pg[1]
				out = append(out, g)
			}
		}
	}
	return out
}

// sampled picks about a third of the filters for the slower comparisons
// (search, neighbourhoods), by a hash of the filter: each kind of filter is
// still among them many times, and the race detector makes the whole test
// several times slower.
func sampled(f Filter) bool {
	h := fnv.New32a()
	fmt.Fprint(h, f)
	return h.Sum32()%3 == 0
}

// claimDate is the date of the first claim of docs[i] or after.
func claimDate(docs []fixtures.Doc, i int) time.Time {
	for _, d := range docs[i:] {
		if len(d.Claims) > 0 {
			return d.Claims[0].Date
		}
	}
	return docs[i].Article.Published
}

// checkIndex compares Claims with the plain path for every filter, and
// fails if the index answered too few of them to be the thing tested.
func checkIndex(t *testing.T, s *Store, filters []Filter, when string) {
	t.Helper()
	ctx := context.Background()
	plain := plainStore(s) // no docs, no nodes kept from the indexed reads
	// Read the nodes the answers draw (from the quads: a node kept in
	// memory asks for no doc), then write their docs, so that the answers
	// compared read shared nodes from their docs (on bolt).
	s.qs.cache.clear()
	if _, err := s.Relations(ctx, Filter{Limit: 1000}); err != nil {
		t.Fatal(err)
	}
	for _, iri := range typedNodes(t, plain, actorClasses()) { // and their affiliations, as roll-ups and graphs do
		for _, kind := range []string{docParents, docMembers} {
			if _, err := newReader(s.qs).affiliated(ctx, iri, kind); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.flushDocs(); err != nil {
		t.Fatal(err)
	}
	s.qs.cache.clear()
	indexed, fromCells := 0, 0
	for _, f := range filters {
		got, gerr := s.Claims(ctx, f)
		want, werr := newReader(plain).claims(ctx, f)
		samePaths(t, when, "Claims", "list claims", f, got, gerr, want, werr)
		if _, _, ok, _ := newReader(s.qs).indexKey(ctx, f); ok {
			indexed++
		}
		checkViews(t, s, plain, f, when)
		gotR, gerr := s.Relations(ctx, f)
		wantR, werr := newReader(plain).relations(ctx, f)
		samePaths(t, when, "Relations", "relations", f, gotR, gerr, wantR, werr)
		if _, ok, _ := newReader(s.qs).sideRelations(ctx, f); ok {
			fromCells++
		}
	}
	checkNeighbourhoods(t, s, plain, filters, when)
	gotS, gerr := newReader(s.qs).stats(ctx)
	wantS, werr := newReader(plain).stats(ctx)
	samePaths(t, when, "stats", "stats", Filter{}, gotS, gerr, wantS, werr)
	for _, c := range []struct {
		name    string
		got     int64
		classes []string
	}{{"articles", gotS.Articles, []string{schema.TypeArticle}}, {"claims", gotS.Claims, []string{schema.TypeClaim}},
		{"actors", gotS.Actors, actorClasses()}} {
		iris := map[string]bool{} // the nodes by name, read as the other queries read them
		for _, class := range c.classes {
			got, err := subjects(ctx, plain, schema.PredType, quad.IRI(class))
			if err != nil {
				t.Fatal(err)
			}
			for _, iri := range got {
				iris[iri] = true
			}
		}
		if c.got != int64(len(iris)) {
			t.Errorf("%s: stats count %d %s, the store's typed nodes are %d", when, c.got, c.name, len(iris))
		}
	}
	if s.qs.cix != nil {
		stored, err := subjects(ctx, s.qs, schema.PredType, quad.IRI(schema.TypeClaim))
		if err != nil {
			t.Fatal(err)
		}
		if n, err := s.qs.cix.claims(); err != nil || n != len(stored) {
			t.Errorf("%s: the index counts %d claims (%v), the store holds %d", when, n, err, len(stored))
		}
		checkDocs(t, s, stored, when)
	}
	if s.qs.cix != nil && indexed < len(filters)/2 {
		t.Errorf("%s: the index answered %d of %d filters, want at least half", when, indexed, len(filters))
	}
	if s.qs.cix != nil && fromCells < len(filters)/4 {
		t.Errorf("%s: relations of %d of %d filters came from their cells, want at least a quarter", when, fromCells, len(filters))
	}
}

// samePaths fails unless the indexed answer of the store's method name
// (got, gerr) is the plain path's (want, werr, which lacks the method's
// error prefix).
func samePaths[T any](t *testing.T, when, name, prefix string, f Filter, got T, gerr error, want T, werr error) {
	t.Helper()
	if werr != nil {
		werr = fmt.Errorf("%s: %w", prefix, werr)
	}
	if fmt.Sprint(gerr) != fmt.Sprint(werr) {
		t.Fatalf("%s: %s(%+v) error %v, plain path %v", when, name, f, gerr, werr)
	}
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Fatalf("%s: %s(%+v) (-plain +indexed):\n%s", when, name, f, diff)
	}
}

// checkViews compares the event and outlet views that f names with the
// plain path's.
func checkViews(t *testing.T, s *Store, plain quadStore, f Filter, when string) {
	t.Helper()
	ctx := context.Background()
	if hasRefs(f) && s.qs.cix != nil && f.Offset == 0 && sampled(f) {
		g := f
		g.Text = "forces attack"
		got, gerr := s.Search(ctx, g)
		want, werr := newReader(plain).search(ctx, s.idx, g)
		samePaths(t, when, "Search", fmt.Sprintf("search %q", g.Text), g, got, gerr, want, werr)
	}
	focus := cmp.Or(f.Speaker, f.Target, f.Event, f.Outlet)
	if focus != "" && s.qs.cix != nil && sampled(f) && f == (Filter{Speaker: f.Speaker, Target: f.Target, Event: f.Event, Outlet: f.Outlet, Limit: 1000}) {
		for _, depth := range []int{1, 2} {
			got, gerr := s.Neighbourhood(ctx, focus, depth, defaultNodes)
			want, werr := newReader(plain).neighbourhood(ctx, focus, depth, defaultNodes)
			if fmt.Sprint(gerr) != fmt.Sprint(werr) {
				t.Fatalf("%s: Neighbourhood(%s, %d) error %v, plain path %v", when, focus, depth, gerr, werr)
			}
			if diff := gocmp.Diff(want, got); diff != "" {
				t.Fatalf("%s: Neighbourhood(%s, %d) (-plain +indexed):\n%s", when, focus, depth, diff)
			}
		}
	}
	switch {
	case f.Event != "" && !f.Rollup:
		got, gerr := s.Event(ctx, f.Event, Filter{Limit: f.Limit, Offset: f.Offset})
		r := newReader(plain)
		iri, ok, _ := r.resolveOne(ctx, schema.KindEventNode, f.Event)
		if !ok {
			if !errors.Is(gerr, schema.ErrNotFound) {
				t.Fatalf("%s: Event(%s) of nothing: %v", when, f.Event, gerr)
			}
			return
		}
		want, werr := r.eventView(ctx, iri, Filter{Limit: f.Limit, Offset: f.Offset})
		if gerr != nil || werr != nil {
			t.Fatalf("%s: Event(%s): %v; plain path: %v", when, f.Event, gerr, werr)
		}
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Fatalf("%s: Event(%s, %d, %d) (-plain +indexed):\n%s", when, f.Event, f.Limit, f.Offset, diff)
		}
	case f.Outlet != "" && !f.Rollup:
		got, gerr := s.Outlet(ctx, f.Outlet, f.Limit)
		r := newReader(plain)
		iri, ok, _ := r.resolveOne(ctx, schema.KindOutletNode, f.Outlet)
		if !ok {
			if !errors.Is(gerr, schema.ErrNotFound) {
				t.Fatalf("%s: Outlet(%s) of nothing: %v", when, f.Outlet, gerr)
			}
			return
		}
		want, werr := r.outletView(ctx, iri, min(f.Limit, maxLimit))
		if gerr != nil || werr != nil {
			t.Fatalf("%s: Outlet(%s): %v; plain path: %v", when, f.Outlet, gerr, werr)
		}
		if diff := gocmp.Diff(want, got); diff != "" {
			t.Fatalf("%s: Outlet(%s, %d) (-plain +indexed):\n%s", when, f.Outlet, f.Limit, diff)
		}
	}
}

// checkNeighbourhoods compares the neighbourhoods of the first nodes that
// filters name, which take their claims' edges from the index's records,
// with the plain path's, which reads them from the quads.
func checkNeighbourhoods(t *testing.T, s *Store, plain quadStore, filters []Filter, when string) {
	t.Helper()
	ctx := context.Background()
	seen := map[string]bool{}
	for _, f := range filters {
		for _, focus := range []string{f.Speaker, f.Target, f.Event, f.Outlet} {
			if focus == "" || seen[focus] || len(seen) >= 12 {
				continue
			}
			seen[focus] = true
			for _, shape := range [][2]int{{1, 500}, {1, 8}, {2, 40}} {
				got, gerr := s.Neighbourhood(ctx, focus, shape[0], shape[1])
				want, werr := newReader(plain).neighbourhood(ctx, focus, shape[0], shape[1])
				if fmt.Sprint(gerr) != fmt.Sprint(werr) {
					t.Errorf("%s: Neighbourhood(%s, %v): error %v, plain path %v", when, focus, shape, gerr, werr)
				} else if diff := gocmp.Diff(want, got); diff != "" {
					t.Errorf("%s: Neighbourhood(%s, %v) differs from the plain path (-plain +indexed):\n%s", when, focus, shape, diff)
				}
			}
		}
	}
}

// checkDocs fails unless every doc the index keeps of the claims stored is
// the claim's node as its quads give it, and on bolt every claim has one.
func checkDocs(t *testing.T, s *Store, claims []string, when string) {
	t.Helper()
	ctx := context.Background()
	docs := 0
	for _, iri := range claims {
		got, ok, err := s.qs.cix.doc(iri)
		if err != nil {
			t.Fatalf("%s: doc of %s: %v", when, iri, err)
		}
		if !ok {
			continue
		}
		docs++
		want, err := readNode(ctx, s.qs, iri)
		if err != nil {
			t.Fatal(err)
		}
		if diff := gocmp.Diff(typedVals(want), typedVals(got)); diff != "" {
			t.Fatalf("%s: the doc of %s is not its node (-quads +doc):\n%s", when, iri, diff)
		}
	}
	if s.qs.cix.docs && docs != len(claims) {
		t.Errorf("%s: %d of %d claims have a doc, want all", when, docs, len(claims))
	}
	shared := 0
	for kind, classes := range map[string][]string{schema.KindActorNode: actorClasses(),
		schema.KindEventNode: {schema.TypeEvent}, schema.KindOutletNode: {schema.TypeOutlet}} {
		for _, class := range classes {
			iris, err := subjects(ctx, s.qs, schema.PredType, quad.IRI(class))
			if err != nil {
				t.Fatal(err)
			}
			for _, iri := range iris {
				got, ok, err := s.qs.cix.sharedDoc(iri, kind)
				if err != nil {
					t.Fatalf("%s: doc of %s: %v", when, iri, err)
				}
				if !ok {
					continue
				}
				shared++
				want, err := readNode(ctx, s.qs, iri, sharedFields(kind)...)
				if err != nil {
					t.Fatal(err)
				}
				if diff := gocmp.Diff(typedVals(want), typedVals(got)); diff != "" {
					t.Fatalf("%s: the doc of %s is not what its quads give (-quads +doc):\n%s", when, iri, diff)
				}
			}
		}
	}
	if s.qs.cix.docs && shared == 0 {
		t.Errorf("%s: no actor, event or outlet has a doc", when)
	}
	affiliated := 0
	for _, iri := range typedNodes(t, s.qs, actorClasses()) {
		for _, kind := range []string{docParents, docMembers} {
			got, ok, err := s.qs.cix.sharedDoc(iri, kind)
			if err != nil {
				t.Fatalf("%s: %q doc of %s: %v", when, kind, iri, err)
			}
			if !ok {
				continue
			}
			want, err := newReader(plainStore(s)).affiliated(ctx, iri, kind)
			if err != nil {
				t.Fatal(err)
			}
			if docked := got.strs(schema.PredAffil); !slices.Equal(want, docked) {
				t.Fatalf("%s: the %q doc of %s is %q, its quads give %q", when, kind, iri, docked, want)
			}
			if len(want) > 0 {
				affiliated++
			}
		}
	}
	if s.qs.cix.docs && affiliated == 0 {
		t.Errorf("%s: no actor has an affiliation doc that names another", when)
	}
}

// plainStore is s's quads alone, read through Cayley's iterators: no
// index, no docs, no nodes kept, no SQL of ours.
func plainStore(s *Store) quadStore {
	plain := s.qs
	plain.cix, plain.cache, plain.pg = nil, nil, nil
	return plain
}

// typedNodes returns the nodes of the classes, sorted, each once.
func typedNodes(t *testing.T, qs quadStore, classes []string) []string {
	t.Helper()
	var out []string
	for _, class := range classes {
		iris, err := subjects(context.Background(), qs, schema.PredType, quad.IRI(class))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, iris...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// typedVals lists each value of n with its type, by predicate.
func typedVals(n node) map[string][]string {
	out := make(map[string][]string, len(n.vals))
	for p, vs := range n.vals {
		for _, v := range vs {
			out[p] = append(out[p], fmt.Sprintf("%T %v", v, v))
		}
	}
	return out
}
