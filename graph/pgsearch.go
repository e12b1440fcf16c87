package graph

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/lib/pq"
)

// pgIndex is the text index of the PostgreSQL backend: a table next to
// Cayley's in the same database, with a GIN index over the content's
// tsvector. Every server over the database sees the same index, which a
// bleve directory on one machine could not give.
type pgIndex struct {
	db *sql.DB
}

// pgSearchDDL creates the table; 'english' stems as bleve's analyzer does.
const pgSearchDDL = `
CREATE TABLE IF NOT EXISTS claimgraph_search (
	claim TEXT PRIMARY KEY,
	doc   TSVECTOR NOT NULL
);
CREATE INDEX IF NOT EXISTS claimgraph_search_doc ON claimgraph_search USING GIN (doc);`

func openPGIndex(ctx context.Context, address string) (*pgIndex, error) {
	db, err := sql.Open("postgres", address)
	if err != nil {
		return nil, fmt.Errorf("open search index: %w", err)
	}
	if _, err := db.ExecContext(ctx, pgSearchDDL); err != nil {
		db.Close()
		return nil, fmt.Errorf("open search index: create table: %w", err)
	}
	return &pgIndex{db: db}, nil
}

func (p *pgIndex) add(ctx context.Context, docs []textDoc) error {
	claims := make([]string, len(docs))
	contents := make([]string, len(docs))
	for i, d := range docs {
		claims[i], contents[i] = d.Claim, d.Content
	}
	// One statement for the batch: rows one at a time cost a round trip each.
	_, err := p.db.ExecContext(ctx, `
INSERT INTO claimgraph_search (claim, doc)
SELECT c, to_tsvector('english', t) FROM unnest($1::text[], $2::text[]) AS u(c, t)
ON CONFLICT (claim) DO UPDATE SET doc = EXCLUDED.doc`, pq.Array(claims), pq.Array(contents))
	if err != nil {
		return fmt.Errorf("index %d claims: %w", len(docs), err)
	}
	return nil
}

func (p *pgIndex) remove(ctx context.Context, claims []string) error {
	if _, err := p.db.ExecContext(ctx, `DELETE FROM claimgraph_search WHERE claim = ANY($1)`, pq.Array(claims)); err != nil {
		return fmt.Errorf("unindex %d claims: %w", len(claims), err)
	}
	return nil
}

func (p *pgIndex) search(ctx context.Context, q string, n int) ([]string, int, error) {
	rows, err := p.db.QueryContext(ctx, `
SELECT claim, count(*) OVER ()
FROM claimgraph_search, plainto_tsquery('english', $1) AS q
WHERE doc @@ q
ORDER BY ts_rank(doc, q) DESC, claim
LIMIT $2`, q, n)
	if err != nil {
		return nil, 0, fmt.Errorf("search %q: %w", q, err)
	}
	defer rows.Close()
	var (
		out   []string
		total int
	)
	for rows.Next() {
		var c string
		if err := rows.Scan(&c, &total); err != nil {
			return nil, 0, fmt.Errorf("search %q: %w", q, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("search %q: %w", q, err)
	}
	return out, total, nil
}

func (p *pgIndex) count(ctx context.Context) (int, error) {
	var n int
	err := p.db.QueryRowContext(ctx, `SELECT count(*) FROM claimgraph_search`).Scan(&n)
	return n, err
}

func (p *pgIndex) clear(ctx context.Context) error {
	_, err := p.db.ExecContext(ctx, `TRUNCATE claimgraph_search`)
	return err
}

func (p *pgIndex) close() error { return p.db.Close() }
