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

// claimFacts is what the index lists a claim by, or an article (by its
// publisher and date). gone marks a node no longer stored: it is taken out
// of the index.
type claimFacts struct {
	iri, article                        string // article: the one Claims sorts by
	date                                time.Time
	start                               int
	gone                                bool
	isArticle                           bool
	act                                 string // the speech act, as events count them
	speakers, targets, events, articles []string
	told, published                     []string // outlets
	// speakersUp and targetsUp are the speakers and targets with every
	// actor they roll up to (see members).
	speakersUp, targetsUp []string
	doc                   []byte // the claim's doc (see claimdocs.go), nil for none
}

// publisher is the IRI of the outlet that published a, "" if none.
func publisher(a schema.Article) string {
	if a.Outlet == nil {
		return ""
	}
	if a.Outlet.IRI == "" {
		return schema.NewOutlet(a.Outlet.Name).IRI
	}
	return a.Outlet.IRI
}

// newFacts are the facts of c, a new claim of the new article a, as its
// quads will say (see batch.claim and batch.article).
func newFacts(a schema.Article, c schema.Claim) claimFacts {
	f := claimFacts{iri: c.IRI, article: c.Article, date: schema.NormTime(c.Date), start: c.Content.Start,
		articles: []string{c.Article}, act: string(c.SpeechAct)}
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
		f.told = append(f.told, c.Outlet.IRI)
	}
	if p := publisher(a); p != "" && c.Article == a.IRI {
		f.published = append(f.published, p)
	}
	return f
}

// newArticleFacts are the facts of the new article a.
func newArticleFacts(a schema.Article) claimFacts {
	f := claimFacts{iri: a.IRI, article: a.IRI, date: schema.NormTime(a.Published), isArticle: true}
	if p := publisher(a); p != "" {
		f.published = []string{p}
	}
	return f
}

// storedFacts reads the facts of the claim or article iri from the quads,
// as the plain query path sees them: the first date, article and speech act
// the store gives (see readNode), every speaker, target, event, outlet and
// article, and the publishers of those articles.
func (r *reader) storedFacts(ctx context.Context, iri string) (claimFacts, error) {
	f := claimFacts{iri: iri}
	ok, err := r.isKind(ctx, schema.KindClaimNode, iri)
	if err != nil || !ok {
		if err == nil {
			return r.storedArticleFacts(ctx, iri)
		}
		return f, err
	}
	n, err := readNode(ctx, r.qs, iri, one(schema.PredDate), one(schema.PredArticle),
		one(schema.PredContentStart), one(schema.PredSpeechAct))
	if err != nil {
		return f, err
	}
	f.date, f.article, f.start = n.time(schema.PredDate), n.str(schema.PredArticle), n.integer(schema.PredContentStart)
	f.act = n.str(schema.PredSpeechAct)
	all, err := readNode(ctx, r.qs, iri, many(schema.PredSpeaker), many(schema.PredTarget),
		many(schema.PredEvent), many(schema.PredOutlet), many(schema.PredArticle))
	if err != nil {
		return f, err
	}
	f.speakers, f.targets, f.events = all.strs(schema.PredSpeaker), all.strs(schema.PredTarget), all.strs(schema.PredEvent)
	f.told, f.articles = all.strs(schema.PredOutlet), all.strs(schema.PredArticle)
	if r.qs.cix != nil && r.qs.cix.docs {
		n, err := readNode(ctx, r.qs, iri)
		if err == nil {
			f.doc, err = taggedDoc("", n)
		}
		if err != nil {
			return f, err
		}
	}
	for _, a := range f.articles {
		pubs, err := values(ctx, r.qs, quad.Object, pattern{subject: quad.IRI(a), predicate: quad.IRI(schema.PredPublish)}, -1)
		if err != nil {
			return f, err
		}
		for _, p := range pubs {
			f.published = append(f.published, text(p))
		}
	}
	return f, nil
}

// storedArticleFacts reads the facts of the article iri; gone if it is not
// one.
func (r *reader) storedArticleFacts(ctx context.Context, iri string) (claimFacts, error) {
	f := claimFacts{iri: iri, article: iri, isArticle: true}
	ok, err := r.isKind(ctx, schema.KindArticleNode, iri)
	if err != nil || !ok {
		f.gone = true
		return f, err
	}
	n, err := readNode(ctx, r.qs, iri, one(schema.PredPubDate), many(schema.PredPublish))
	if err != nil {
		return f, err
	}
	f.date, f.published = n.time(schema.PredPubDate), n.strs(schema.PredPublish)
	return f, nil
}

// keyNodes lists the filter keys of f as a kind and node IRIs each (a side
// key: the event, then the speaker IRI and speech act as bytes; every,
// cell and targeted keys: IRIs and speech act as bytes, see rawKey).
func (f claimFacts) keyNodes() [][]string {
	var out [][]string
	add := func(kind byte, iris []string) {
		for _, iri := range iris {
			out = append(out, []string{string(kind), iri})
		}
	}
	if f.isArticle {
		add(ixPublisher, f.published)
		return out
	}
	out = append(out, []string{string(ixEvery)}, []string{string(ixEvery), f.act})
	add(ixSpeaker, f.speakers)
	add(ixTarget, f.targets)
	add(ixEvent, f.events)
	add(ixOutlet, f.told)
	add(ixOutlet, f.published)
	add(ixTold, f.told)
	add(ixPublished, f.published)
	add(ixArticle, f.articles)
	add(ixSpeakerUp, f.speakersUp)
	add(ixTargetUp, f.targetsUp)
	for _, s := range f.speakers {
		for _, t := range f.targets {
			out = append(out, []string{string(ixPair), s, t})
		}
	}
	for _, e := range f.events {
		for _, s := range f.speakers {
			out = append(out, []string{string(ixSide), e, s, f.act})
		}
	}
	for _, s := range f.speakers {
		for _, t := range f.targets {
			out = append(out, []string{string(ixCell), s, t, f.act})
		}
	}
	if len(f.targets) > 0 {
		out = append(out, []string{string(ixTargeted)}, []string{string(ixTargeted), f.act})
	}
	return out
}

// sideKey is the key that counts the claims of the speaker about the event
// with the speech act; eventID is the event's dictionary number.
func sideKey(eventID []byte, speaker, act string) []byte {
	k := append([]byte{ixSide}, eventID...)
	k = append(k, speaker...)
	k = append(k, 0)
	return append(k, act...)
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

// putFacts lists one claim or article as f says, taking it out of where
// it was.
func putFacts(tx ixTx, f claimFacts) error {
	cid, err := numberOf(tx, f.iri)
	if err != nil {
		return err
	}
	for _, b := range []ixBucket{bClaims, bArticles} {
		v := tx.get(b, cid)
		if v == nil {
			continue
		}
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
		if b == bClaims {
			if err := tx.del(bDocs, cid); err != nil {
				return err
			}
			for _, fk := range old.sideKeys() {
				if err := unlist(tx, fk, sk); err != nil {
					return err
				}
			}
		}
		if err := tx.del(b, cid); err != nil {
			return err
		}
		if b == bClaims {
			if err := addClaims(tx, -1); err != nil {
				return err
			}
		}
	}
	if f.gone {
		return nil
	}
	rec := ixRecord{iri: f.iri, article: f.article, start: f.start, date: f.date, act: f.act,
		speakers: sortedSet(f.speakers), targets: sortedSet(f.targets), events: sortedSet(f.events), told: sortedSet(f.told)}
	sk := append(dateKey(f.date), cid...)
	seen := make(map[string]bool)
	for _, nodes := range f.keyNodes() {
		fk, err := keyOf(tx, nodes)
		if err != nil {
			return err
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
	if f.isArticle {
		return tx.put(bArticles, cid, rec.encode())
	}
	for _, fk := range rec.sideKeys() {
		if err := list(tx, fk, sk); err != nil {
			return err
		}
	}
	if err := addClaims(tx, 1); err != nil {
		return err
	}
	if f.doc != nil {
		if err := tx.put(bDocs, cid, f.doc); err != nil {
			return err
		}
	}
	return tx.put(bClaims, cid, rec.encode())
}

// sideKeys are the keys of the relations matrix's rows and columns that
// the claim of rec counts in (see ixSpeakerTargeted): derived from its
// speakers, targets and act, which the record keeps sorted and without
// repeats, so the claim is unlisted from the keys it was listed under.
func (rec ixRecord) sideKeys() [][]byte {
	if len(rec.targets) == 0 {
		return nil
	}
	out := make([][]byte, 0, 2*len(rec.speakers)+len(rec.targets)*(1+len(rec.speakers)))
	for _, s := range rec.speakers {
		out = append(out, rawKey(ixSpeakerTargeted, s), rawKey(ixSpeakerTargeted, s, rec.act))
	}
	for _, t := range rec.targets {
		out = append(out, rawKey(ixTargetAct, t, rec.act))
		for _, s := range rec.speakers {
			out = append(out, rawKey(ixCellByTarget, t, s, rec.act))
		}
	}
	return out
}

// keyOf builds the filter key that keyNodes describes.
func keyOf(tx ixTx, nodes []string) ([]byte, error) {
	kind := nodes[0][0]
	switch kind {
	case ixEvery:
		return everyKey(nodes[1:]...), nil
	case ixCell, ixTargeted:
		return rawKey(kind, nodes[1:]...), nil
	}
	fk := []byte{kind}
	for _, iri := range nodes[1:] {
		id, err := numberOf(tx, iri)
		if err != nil {
			return nil, err
		}
		if kind == ixSide {
			return sideKey(id, nodes[2], nodes[3]), nil
		}
		fk = append(fk, id...)
	}
	return fk, nil
}

// list adds a posting and counts it.
func list(tx ixTx, fk, sk []byte) error {
	if !countOnly(fk[0]) {
		if err := tx.addPosting(fk, sk); err != nil {
			return err
		}
	}
	return tx.put(bCounts, fk, binary.BigEndian.AppendUint64(nil, uint64(countOf(tx.get(bCounts, fk))+1)))
}

// unlist removes a posting and its count.
func unlist(tx ixTx, fk, sk []byte) error {
	if !countOnly(fk[0]) {
		if err := tx.delPosting(fk, sk); err != nil {
			return err
		}
	}
	n := countOf(tx.get(bCounts, fk)) - 1
	if n <= 0 {
		return tx.del(bCounts, fk)
	}
	return tx.put(bCounts, fk, binary.BigEndian.AppendUint64(nil, uint64(n)))
}

// sortedSet returns iris sorted, without repeats.
func sortedSet(iris []string) []string {
	out := slices.Clone(iris)
	slices.Sort(out)
	return slices.Compact(out)
}
