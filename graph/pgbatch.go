package graph

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	graphlog "github.com/cayleygraph/cayley/graph/log"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/lib/pq"
)

// pgFlavor is Cayley's PostgreSQL backend with batched writes: Cayley's own
// sends one INSERT per node and per quad, a round trip each, which holds a
// load to some 3,500 quads a second. The tables and queries are Cayley's,
// without the foreign keys from quads to nodes (see pgDropForeignKeys).
const pgFlavor = "claimgraph-postgres"

// pgRows is how many rows one INSERT carries: PostgreSQL takes at most
// 65,535 parameters to a statement, and a node row has up to 8.
const pgRows = 1000

func init() {
	csql.Register(pgFlavor, csql.Registration{
		Driver:             "postgres",
		HashType:           `BYTEA`,
		BytesType:          `BYTEA`,
		HorizonType:        `BIGSERIAL`,
		TimeType:           `timestamp with time zone`,
		QueryDialect:       postgres.QueryDialect,
		ConditionalIndexes: true,
		FillFactor:         true,
		NoForeignKeys:      true,
		Error:              postgres.ConvError,
		Estimated: func(table string) string {
			return "SELECT reltuples::BIGINT AS estimate FROM pg_class WHERE relname='" + table + "';"
		},
		RunTx: pgRunTx,
	})
}

// pgRunTx is postgres.RunTxPostgres with many rows to a statement: node
// reference counts first, then quads. Where duplicates are to be skipped
// (Cayley's own writers: /api/v2/write), the quads go first and a node counts
// only the quads that went in; Cayley's own counted the skipped ones too, so
// their nodes outlived the quads' deletion.
func pgRunTx(tx *sql.Tx, nodes []graphlog.NodeUpdate, quads []graphlog.QuadUpdate, opts cgraph.IgnoreOpts) error {
	var added map[string]int // node hash → quads that went in, when skipping duplicates
	if opts.IgnoreDup {
		var err error
		if added, err = pgCopyQuads(tx, quads, true); err != nil {
			return err
		}
	}
	byType := make(map[csql.ValueType][][]any)
	var types []csql.ValueType
	for _, n := range nodes {
		if n.RefInc < 0 {
			return errors.New("postgres: unexpected node update")
		}
		if opts.IgnoreDup {
			n.RefInc = added[string(hashOf(csql.NodeHash{ValueHash: n.Hash}.SQLValue()))]
			if n.RefInc == 0 { // only in skipped quads: stored already
				continue
			}
		}
		key, vals, err := csql.NodeValues(csql.NodeHash{ValueHash: n.Hash}, n.Val)
		if err != nil {
			return err
		}
		if _, ok := byType[key]; !ok {
			types = append(types, key)
		}
		byType[key] = append(byType[key], append([]any{n.RefInc}, vals...))
	}
	// Two servers sharing the database may store the same nodes at once:
	// each locks the rows in one order (type, then hash), or they deadlock.
	slices.Sort(types)
	for _, key := range types {
		slices.SortFunc(byType[key], func(a, b []any) int { return bytes.Compare(hashOf(a[1]), hashOf(b[1])) })
		head := `INSERT INTO nodes(refs, hash, ` + strings.Join(key.Columns(), ", ") + `) VALUES `
		tail := ` ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs;`
		if err := pgInsert(tx, head, tail, byType[key]); err != nil {
			return err
		}
	}
	if opts.IgnoreDup {
		return nil
	}
	_, err := pgCopyQuads(tx, quads, false)
	return err
}

// pgStaging is where pgCopyQuads copies a transaction's quads before
// inserting them: COPY takes rows at a fraction of the cost of VALUES
// (no statement of thousands of parameters to parse and bind), but cannot
// skip duplicates itself.
const pgStaging = `CREATE TEMP TABLE IF NOT EXISTS claimgraph_quads_in (
	subject_hash BYTEA, predicate_hash BYTEA, object_hash BYTEA, label_hash BYTEA
) ON COMMIT DELETE ROWS`

// pgCopyQuads copies quads into the session's staging table and inserts
// them from there in one statement, sorted: two servers writing the same
// quads lock their index entries in the same order, and the ordered rows
// touch each index's pages in turn. With skipDup, a quad already stored is
// skipped, and added counts, for each node hash, the quads that went in
// that name it; without, a quad already stored fails the insert.
func pgCopyQuads(tx *sql.Tx, quads []graphlog.QuadUpdate, skipDup bool) (added map[string]int, err error) {
	added = make(map[string]int)
	if len(quads) == 0 {
		return added, nil
	}
	if _, err := tx.Exec(pgStaging); err != nil {
		return nil, fmt.Errorf("postgres: staging table: %w", err)
	}
	cp, err := tx.Prepare(pq.CopyIn("claimgraph_quads_in", "subject_hash", "predicate_hash", "object_hash", "label_hash"))
	if err != nil {
		return nil, fmt.Errorf("postgres: copy quads: %w", err)
	}
	defer cp.Close()
	row := make([]any, 4)
	for _, d := range quads {
		if d.Del {
			return nil, errors.New("postgres: unexpected quad delete")
		}
		for i, h := range d.Quad.Dirs() {
			row[i] = csql.NodeHash{ValueHash: h}.SQLValue()
		}
		if _, err := cp.Exec(row...); err != nil {
			return nil, fmt.Errorf("postgres: copy quads: %w", err)
		}
	}
	if _, err := cp.Exec(); err != nil {
		return nil, fmt.Errorf("postgres: copy quads: %w", err)
	}
	insert := `INSERT INTO quads(subject_hash, predicate_hash, object_hash, label_hash, ts)
	SELECT subject_hash, predicate_hash, object_hash, label_hash, now() FROM claimgraph_quads_in
	ORDER BY subject_hash, predicate_hash, object_hash, label_hash`
	if !skipDup {
		if _, err := tx.Exec(insert); err != nil {
			var pe *pq.Error
			if errors.As(err, &pe) && pe.Code == "23505" {
				return nil, &cgraph.DeltaError{Err: cgraph.ErrQuadExists}
			}
			return nil, fmt.Errorf("postgres: %w", err)
		}
		return added, nil
	}
	rows, err := tx.Query(`WITH q AS (` + insert + ` ON CONFLICT DO NOTHING
		RETURNING subject_hash, predicate_hash, object_hash, label_hash)
	SELECT h, count(*) FROM (
		SELECT subject_hash AS h FROM q UNION ALL SELECT predicate_hash FROM q
		UNION ALL SELECT object_hash FROM q UNION ALL SELECT label_hash FROM q
	) AS n WHERE h IS NOT NULL GROUP BY h`)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h []byte
		var n int
		if err := rows.Scan(&h, &n); err != nil {
			return nil, fmt.Errorf("postgres: %w", err)
		}
		added[string(h)] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return added, nil
}

// hashOf is the bytes of a hash column's value (nil for an empty label).
func hashOf(v any) []byte {
	b, _ := v.([]byte)
	return b
}

// pgInsert runs head VALUES (row), (row)... tail for rows, pgRows at a
// time; extra are literal values that end every row.
func pgInsert(tx *sql.Tx, head, tail string, rows [][]any, extra ...string) error {
	for start := 0; start < len(rows); start += pgRows {
		chunk := rows[start:min(start+pgRows, len(rows))]
		var b strings.Builder
		b.WriteString(head)
		var args []any
		for i, row := range chunk {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("(")
			for j, v := range row {
				if j > 0 {
					b.WriteString(", ")
				}
				args = append(args, v)
				b.WriteString("$" + strconv.Itoa(len(args)))
			}
			for _, e := range extra {
				b.WriteString(", " + e)
			}
			b.WriteString(")")
		}
		b.WriteString(tail)
		if _, err := tx.Exec(b.String(), args...); err != nil {
			var pe *pq.Error
			if errors.As(err, &pe) && pe.Code == "23505" {
				return &cgraph.DeltaError{Err: cgraph.ErrQuadExists}
			}
			return fmt.Errorf("postgres: %w", err)
		}
	}
	return nil
}
