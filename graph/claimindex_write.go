package graph

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// claimFacts is what the index lists a claim by. gone marks a claim no
// longer stored: it is taken out of the index.
type claimFacts struct {
	iri, article                                 string // article: the one Claims sorts by
	date                                         time.Time
	start                                        int
	gone                                         bool
	speakers, targets, events, outlets, articles []string
	// speakersUp and targetsUp are the speakers and targets with every
	// actor they roll up to (see members).
	speakersUp, targetsUp []string
}

// newFacts are the facts of c, a new claim of the new article a, as its
// quads will say (see batch.claim and batch.article).
func newFacts(a schema.Article, c schema.Claim) claimFacts {
	f := claimFacts{iri: c.IRI, article: c.Article, date: schema.NormTime(c.Date), start: c.Content.Start,
		articles: []string{c.Article}}
	for _, sp := range c.Speaker.Actors {
		f.speakers = append(f.speakers, sp.IRI)
	}
	for _, t := range c.Targets {
		f.targets = append(f.targets, t.IRI)
	}
	if c.Event != nil {
		f.events = append(f.events, c.Event.IRI)
	}
	if c.Outlet != nil {
		f.outlets = append(f.outlets, c.Outlet.IRI)
	}
	if a.Outlet != nil && c.Article == a.IRI {
		o := *a.Outlet
		if o.IRI == "" {
			o = schema.NewOutlet(o.Name)
		}
		f.outlets = append(f.outlets, o.IRI)
	}
	return f
}

// storedFacts reads the facts of the claim iri from the quads, as the plain
// query path sees them: the first date and article the store gives (see
// readNode), every speaker, target, event, outlet and article, and the
// publishers of those articles.
func (r *reader) storedFacts(ctx context.Context, iri string) (claimFacts, error) {
	f := claimFacts{iri: iri}
	ok, err := r.isKind(ctx, schema.KindClaimNode, iri)
	if err != nil || !ok {
		f.gone = true
		return f, err
	}
	n, err := readNode(ctx, r.qs, iri, one(schema.PredDate), one(schema.PredArticle), one(schema.PredContentStart))
	if err != nil {
		return f, err
	}
	f.date, f.article, f.start = n.time(schema.PredDate), n.str(schema.PredArticle), n.integer(schema.PredContentStart)
	all, err := readNode(ctx, r.qs, iri, many(schema.PredSpeaker), many(schema.PredTarget),
		many(schema.PredEvent), many(schema.PredOutlet), many(schema.PredArticle))
	if err != nil {
		return f, err
	}
	f.speakers, f.targets, f.events = all.strs(schema.PredSpeaker), all.strs(schema.PredTarget), all.strs(schema.PredEvent)
	f.outlets, f.articles = all.strs(schema.PredOutlet), all.strs(schema.PredArticle)
	for _, a := range f.articles {
		pubs, err := values(ctx, r.qs, quad.Object, pattern{subject: quad.IRI(a), predicate: quad.IRI(schema.PredPublish)}, -1)
		if err != nil {
			return f, err
		}
		for _, p := range pubs {
			f.outlets = append(f.outlets, text(p))
		}
	}
	return f, nil
}

// keyNodes lists the filter keys of f as a kind and node IRIs each.
func (f claimFacts) keyNodes() [][]string {
	var out [][]string
	add := func(kind byte, iris []string) {
		for _, iri := range iris {
			out = append(out, []string{string(kind), iri})
		}
	}
	add(ixSpeaker, f.speakers)
	add(ixTarget, f.targets)
	add(ixEvent, f.events)
	add(ixOutlet, f.outlets)
	add(ixArticle, f.articles)
	add(ixSpeakerUp, f.speakersUp)
	add(ixTargetUp, f.targetsUp)
	for _, s := range f.speakers {
		for _, t := range f.targets {
			out = append(out, []string{string(ixPair), s, t})
		}
	}
	return out
}

// numberOf returns the dictionary number of iri, giving it one if needed.
func numberOf(tx ixTx, iri string) ([]byte, error) {
	if id := tx.get(bIDs, []byte(iri)); id != nil {
		return slices.Clone(id), nil
	}
	n, err := tx.nextID()
	if err != nil {
		return nil, err
	}
	id := idBytes(n)
	return id, tx.put(bIDs, []byte(iri), id)
}

// put brings the index in line with facts, in one transaction, and clears
// the claims' pending marks.
func (ix *claimIndex) put(facts []claimFacts) error {
	err := ix.kv.update(false, func(tx ixTx) error {
		for _, f := range facts {
			if err := putFacts(tx, f); err != nil {
				return err
			}
			if err := tx.del(bPending, []byte(f.iri)); err != nil {
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

// putFacts lists one claim as f says, taking it out of where it was.
func putFacts(tx ixTx, f claimFacts) error {
	cid, err := numberOf(tx, f.iri)
	if err != nil {
		return err
	}
	if v := tx.get(bClaims, cid); v != nil {
		old, dk, err := decodeRecord(v)
		if err != nil {
			return err
		}
		sk := append(dk, cid...)
		for _, fk := range old.keys {
			if err := unlist(tx, fk, sk); err != nil {
				return err
			}
		}
		if err := tx.del(bClaims, cid); err != nil {
			return err
		}
	}
	if f.gone {
		return nil
	}
	rec := ixRecord{iri: f.iri, article: f.article, start: f.start, date: f.date}
	sk := append(dateKey(f.date), cid...)
	seen := make(map[string]bool)
	for _, nodes := range f.keyNodes() {
		fk := []byte(nodes[0])
		for _, iri := range nodes[1:] {
			id, err := numberOf(tx, iri)
			if err != nil {
				return err
			}
			fk = append(fk, id...)
		}
		if seen[string(fk)] {
			continue
		}
		seen[string(fk)] = true
		rec.keys = append(rec.keys, fk)
		if err := list(tx, fk, sk); err != nil {
			return err
		}
	}
	return tx.put(bClaims, cid, rec.encode())
}

// list adds a posting and counts it.
func list(tx ixTx, fk, sk []byte) error {
	if err := tx.addPosting(fk, sk); err != nil {
		return err
	}
	return tx.put(bCounts, fk, binary.BigEndian.AppendUint64(nil, uint64(countOf(tx.get(bCounts, fk))+1)))
}

// unlist removes a posting and its count.
func unlist(tx ixTx, fk, sk []byte) error {
	if err := tx.delPosting(fk, sk); err != nil {
		return err
	}
	n := countOf(tx.get(bCounts, fk)) - 1
	if n <= 0 {
		return tx.del(bCounts, fk)
	}
	return tx.put(bCounts, fk, binary.BigEndian.AppendUint64(nil, uint64(n)))
}

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
		return tx.each(bPending, func(k []byte) bool {
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
