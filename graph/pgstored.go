package graph

import (
	"context"
	"database/sql"
	"fmt"

	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// pgLookupChunk is how many hashes one existence query carries.
const pgLookupChunk = 5000

// unknownIRIs returns those of iris that no node of the PostgreSQL
// database at db has: they cannot be stored articles or claims, so a bulk
// load need not ask about each (a round trip through Cayley's planner per
// IRI, a sixth of a load's time).
func unknownIRIs(ctx context.Context, db *sql.DB, iris []string) (map[string]bool, error) {
	out := make(map[string]bool)
	for start := 0; start < len(iris); start += pgLookupChunk {
		chunk := iris[start:min(start+pgLookupChunk, len(iris))]
		byHash := make(map[string]string, len(chunk))
		hashes := make([][]byte, 0, len(chunk))
		for _, iri := range chunk {
			h := csql.HashOf(quad.IRI(iri)).SQLValue().([]byte)
			byHash[string(h)] = iri
			hashes = append(hashes, h)
		}
		rows, err := db.QueryContext(ctx, `SELECT hash FROM nodes WHERE hash = ANY($1)`, pq.ByteaArray(hashes))
		if err != nil {
			return nil, fmt.Errorf("read nodes: %w", err)
		}
		known := make(map[string]bool)
		for rows.Next() {
			var h []byte
			if err := rows.Scan(&h); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read nodes: %w", err)
			}
			known[string(h)] = true
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("read nodes: %w", err)
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("read nodes: %w", err)
		}
		for h, iri := range byHash {
			if !known[h] {
				out[iri] = true
			}
		}
	}
	return out, nil
}
