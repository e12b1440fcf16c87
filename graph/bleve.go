package graph

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
)

// bleveIndex is the text index of the bolt and memstore backends.
type bleveIndex struct {
	path string // "" in memory
	idx  bleve.Index
}

// textMapping indexes content in English (stemmed: "shelling" finds
// "shelled") and nothing else: filters other than words go to the graph.
func textMapping() *mapping.IndexMappingImpl {
	doc := bleve.NewDocumentStaticMapping()
	content := bleve.NewTextFieldMapping()
	content.Analyzer = en.AnalyzerName
	content.Store = false
	content.IncludeTermVectors = false
	doc.AddFieldMappingsAt("content", content)
	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	return m
}

// openBleve opens the index at path, creating it if missing; path "" is
// an index in memory.
func openBleve(path string) (*bleveIndex, error) {
	if path == "" {
		idx, err := bleve.NewMemOnly(textMapping())
		if err != nil {
			return nil, fmt.Errorf("open search index: %w", err)
		}
		return &bleveIndex{idx: idx}, nil
	}
	idx, err := bleve.Open(path)
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		idx, err = bleve.New(path, textMapping())
	}
	if err != nil {
		return nil, fmt.Errorf("open search index %q: %w", path, err)
	}
	return &bleveIndex{path: path, idx: idx}, nil
}

func (b *bleveIndex) add(ctx context.Context, docs []textDoc) error {
	batch := b.idx.NewBatch()
	for _, d := range docs {
		if err := batch.Index(d.Claim, d); err != nil {
			return fmt.Errorf("index claim %q: %w", d.Claim, err)
		}
	}
	if err := b.idx.Batch(batch); err != nil {
		return fmt.Errorf("index %d claims: %w", len(docs), err)
	}
	return nil
}

func (b *bleveIndex) remove(ctx context.Context, claims []string) error {
	batch := b.idx.NewBatch()
	for _, c := range claims {
		batch.Delete(c)
	}
	if err := b.idx.Batch(batch); err != nil {
		return fmt.Errorf("unindex %d claims: %w", len(claims), err)
	}
	return nil
}

func (b *bleveIndex) search(ctx context.Context, q string, n int) ([]string, int, error) {
	mq := bleve.NewMatchQuery(q)
	mq.SetField("content")
	mq.SetOperator(query.MatchQueryOperatorAnd) // every word, as PostgreSQL's plainto_tsquery
	req := bleve.NewSearchRequestOptions(mq, n, 0, false)
	res, err := b.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, 0, fmt.Errorf("search %q: %w", q, err)
	}
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = h.ID
	}
	return out, int(res.Total), nil
}

func (b *bleveIndex) count(ctx context.Context) (int, error) {
	n, err := b.idx.DocCount()
	return int(n), err
}

// clear empties the index: a new one in memory, or a new directory.
func (b *bleveIndex) clear(ctx context.Context) error {
	if err := b.idx.Close(); err != nil {
		return fmt.Errorf("clear search index: %w", err)
	}
	if b.path != "" {
		if err := os.RemoveAll(b.path); err != nil {
			return fmt.Errorf("clear search index: %w", err)
		}
	}
	fresh, err := openBleve(b.path)
	if err != nil {
		return err
	}
	b.idx = fresh.idx
	return nil
}

func (b *bleveIndex) close() error { return b.idx.Close() }
