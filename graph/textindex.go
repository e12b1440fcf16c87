package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/claimgraph/claimgraph/schema"
)

// maxHits bounds the ranked hits one search considers before the graph
// filters narrow them: past ten thousand, a reader refines the words.
const maxHits = 10000

// textIndex is a full-text index over claim content. There are two: bleve
// (a directory next to the bolt file, or in memory for memstore) and
// PostgreSQL's own text search over a table in the store's database, so
// several servers over one database share it.
//
// The index may hold more than the store but never less: writes index the
// claims before storing their quads, deletes remove the quads before the
// index entries, and a search drops hits whose claim is gone. A store whose
// index count disagrees is reindexed when it is opened.
type textIndex interface {
	add(ctx context.Context, docs []textDoc) error
	remove(ctx context.Context, claims []string) error
	// search returns up to n claim IRIs, best first, and how many matched.
	search(ctx context.Context, q string, n int) ([]string, int, error)
	count(ctx context.Context) (int, error)
	clear(ctx context.Context) error
	close() error
}

// textDoc is what the index keeps of one claim.
type textDoc struct {
	Claim   string `json:"-"`
	Content string `json:"content"`
}

func claimDocs(claims []schema.Claim) []textDoc {
	out := make([]textDoc, len(claims))
	for i, c := range claims {
		out[i] = textDoc{Claim: c.IRI, Content: c.Content.Text}
	}
	return out
}

// reindexBatch is how many claims a rebuild reads before it writes them.
const reindexBatch = 1000

// syncIndex rebuilds the index from the store when their claim counts
// differ: the index is new (a bolt file from before search, a fresh
// PostgreSQL table) or a crash left it behind.
func (s *Store) syncIndex(ctx context.Context) error {
	n, err := s.idx.count(ctx)
	if err != nil {
		return fmt.Errorf("sync search index: %w", err)
	}
	// The claim index counts the claims in one read; listing them all from
	// the quads is most of the time a large store takes to open.
	if s.qs.cix != nil {
		stored, err := s.qs.cix.claims()
		if err != nil || stored == n {
			return err
		}
	}
	if s.qs.pg != nil { // counted in the database: listing 10^4 claims took most of a second
		stored, err := s.qs.pg.count(ctx, schema.PredType, quad.IRI(schema.TypeClaim))
		if err != nil || stored == n {
			return err
		}
	}
	iris, err := subjects(ctx, s.qs, schema.PredType, quad.IRI(schema.TypeClaim))
	if err != nil {
		return fmt.Errorf("sync search index: %w", err)
	}
	if n == len(iris) {
		return nil
	}
	if err := s.idx.clear(ctx); err != nil {
		return fmt.Errorf("sync search index: %w", err)
	}
	for start := 0; start < len(iris); start += reindexBatch {
		s.report("search index", start, len(iris))
		batch := iris[start:min(start+reindexBatch, len(iris))]
		nodes, err := nodesOf(ctx, s.qs, batch, one(schema.PredContent))
		if err != nil {
			return fmt.Errorf("sync search index: %w", err)
		}
		var docs []textDoc
		for _, n := range nodes {
			docs = append(docs, textDoc{Claim: n.iri, Content: n.str(schema.PredContent)})
		}
		if err := s.idx.add(ctx, docs); err != nil {
			return fmt.Errorf("sync search index: %w", err)
		}
	}
	s.report("search index", len(iris), len(iris))
	return nil
}
