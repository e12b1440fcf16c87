package graph

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"

	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/lib/pq"

	"github.com/claimgraph/claimgraph/schema"
)

// Reads of many nodes at once on PostgreSQL. Cayley's SQL iterator yields
// node hashes and reads each hash's value with a query of its own (NameOf),
// and a node's fields are a query each, so a claim list went to the database
// some thousands of times: for each candidate claim its IRI, its date, and
// its article and content start when its date was shared; for each claim of
// the page some fifty more, its actors' fields included. Here a list reads
// its candidates' keys in one query, its page's claims in another, and the
// values those name in one more, kept by hash (see pgReader).

// pgChunk is how many nodes one query asks about.
const pgChunk = 5000

// pgValueColumns are the columns of Cayley's nodes table that hold a value,
// in the order pgValue scans them.
const pgValueColumns = `value, value_string, datatype, language, iri, bnode, value_int, value_bool, value_float, value_time`

// pgValue is one row of Cayley's nodes table, as its NameOf reads it.
type pgValue struct {
	data           []byte
	str, typ, lang sql.NullString
	iri, bnode     sql.NullBool
	vint           sql.NullInt64
	vbool          sql.NullBool
	vfloat         sql.NullFloat64
	vtime          sql.NullTime
}

// dest is where Scan puts the columns of pgValueColumns.
func (v *pgValue) dest() []any {
	return []any{&v.data, &v.str, &v.typ, &v.lang, &v.iri, &v.bnode, &v.vint, &v.vbool, &v.vfloat, &v.vtime}
}

// value decodes the row as Cayley's SQL backend does (QuadStore.NameOf).
func (v *pgValue) value() (quad.Value, error) {
	switch {
	case v.str.Valid && v.iri.Bool:
		return quad.IRI(v.str.String), nil
	case v.str.Valid && v.bnode.Bool:
		return quad.BNode(v.str.String), nil
	case v.str.Valid && v.lang.Valid:
		return quad.LangString{Value: quad.String(pgUnescape(v.str.String)), Lang: v.lang.String}, nil
	case v.str.Valid && v.typ.Valid:
		return quad.TypedString{Value: quad.String(pgUnescape(v.str.String)), Type: quad.IRI(v.typ.String)}, nil
	case v.str.Valid:
		return quad.String(pgUnescape(v.str.String)), nil
	case v.vint.Valid:
		return quad.Int(v.vint.Int64), nil
	case v.vbool.Valid:
		return quad.Bool(v.vbool.Bool), nil
	case v.vfloat.Valid:
		return quad.Float(v.vfloat.Float64), nil
	case v.vtime.Valid:
		return quad.Time(v.vtime.Time.UTC()), nil
	}
	val, err := pquads.UnmarshalValue(v.data)
	if err != nil {
		return nil, fmt.Errorf("unmarshal value: %w", err)
	}
	return val, nil
}

// pgUnescape undoes Cayley's escape of NUL in stored strings.
func pgUnescape(s string) string { return strings.ReplaceAll(s, `\x00`, "\u0000") }

// pgReader reads many nodes at once on PostgreSQL. Its values are kept by
// hash: Cayley's node hash is that of the value, so a hash always names the
// same value, whichever process wrote it, and a kept one is never stale.
type pgReader struct {
	db   *sql.DB
	mu   sync.Mutex
	vals map[string]quad.Value // node hash → value; emptied when full
}

// pgValuesKept and pgValueMax bound pgReader's values: at most 10^5 of
// them, none longer than 512 bytes (a claim's content mostly is not; an
// article's text is, and is read once a page), some 60 MB at most.
const (
	pgValuesKept = 100_000
	pgValueMax   = 512
)

func newPGReader(db *sql.DB) *pgReader {
	return &pgReader{db: db, vals: make(map[string]quad.Value)}
}

// pgHash is v's hash as Cayley's SQL backend keys its nodes.
func pgHash(v quad.Value) []byte { return hashOf(csql.HashOf(v).SQLValue()) }

// values returns the values of the node hashes, reading those it lacks in
// one query; a hash that no node has is left out.
func (p *pgReader) values(ctx context.Context, hashes map[string]bool) (map[string]quad.Value, error) {
	out := make(map[string]quad.Value, len(hashes))
	var todo pq.ByteaArray
	p.mu.Lock()
	for h := range hashes {
		if v, ok := p.vals[h]; ok {
			out[h] = v
		} else {
			todo = append(todo, []byte(h))
		}
	}
	p.mu.Unlock()
	for start := 0; start < len(todo); start += pgChunk {
		err := p.query(ctx, func(rows *sql.Rows) error {
			var (
				h []byte
				v pgValue
			)
			if err := rows.Scan(append([]any{&h}, v.dest()...)...); err != nil {
				return err
			}
			val, err := v.value()
			out[string(h)] = val
			return err
		}, `SELECT hash, `+pgValueColumns+` FROM nodes WHERE hash = ANY($1)`,
			todo[start:min(start+pgChunk, len(todo))])
		if err != nil {
			return nil, fmt.Errorf("read values: %w", err)
		}
	}
	p.mu.Lock()
	if len(p.vals)+len(todo) > pgValuesKept {
		clear(p.vals)
	}
	for _, h := range todo {
		if v, ok := out[string(h)]; ok && len(v.String()) <= pgValueMax {
			p.vals[string(h)] = v
		}
	}
	p.mu.Unlock()
	return out, nil
}

// query runs sql with args and calls row for each row.
func (p *pgReader) query(ctx context.Context, row func(*sql.Rows) error, query string, args ...any) error {
	rows, err := p.db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := row(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// subjects is the package's subjects on PostgreSQL: the quads' subject
// hashes in one query, their values in one more (see values).
func (p *pgReader) subjects(ctx context.Context, pred string, obj quad.Value) ([]string, error) {
	return p.subjectsOf(ctx, pred, pq.ByteaArray{pgHash(obj)})
}

// count is len(subjects(pred, obj)), counted in the database.
func (p *pgReader) count(ctx context.Context, pred string, obj quad.Value) (int, error) {
	var n int
	err := p.db.QueryRowContext(ctx, `SELECT count(DISTINCT subject_hash) FROM quads WHERE predicate_hash = $1 AND object_hash = $2`,
		pgHash(quad.IRI(pred)), pgHash(obj)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count subjects: %w", err)
	}
	return n, nil
}

// subjectsOfAny is subjects of quads whose object is any of the IRIs objs,
// sorted, each once.
func (p *pgReader) subjectsOfAny(ctx context.Context, pred string, objs []string) ([]string, error) {
	hashes := make(pq.ByteaArray, len(objs))
	for i, o := range objs {
		hashes[i] = pgHash(quad.IRI(o))
	}
	return p.subjectsOf(ctx, pred, hashes)
}

// subjectsOf is subjects of quads whose object is any of the hashes objs.
func (p *pgReader) subjectsOf(ctx context.Context, pred string, objs pq.ByteaArray) ([]string, error) {
	hashes := make(map[string]bool)
	for start := 0; start < len(objs); start += pgChunk {
		err := p.query(ctx, func(rows *sql.Rows) error {
			var h []byte
			err := rows.Scan(&h)
			hashes[string(h)] = true
			return err
		}, `SELECT DISTINCT subject_hash FROM quads WHERE predicate_hash = $1 AND object_hash = ANY($2)`,
			pgHash(quad.IRI(pred)), objs[start:min(start+pgChunk, len(objs))])
		if err != nil {
			return nil, fmt.Errorf("read subjects: %w", err)
		}
	}
	vals, err := p.values(ctx, hashes)
	if err != nil {
		return nil, fmt.Errorf("read subjects: %w", err)
	}
	out := make([]string, 0, len(vals))
	for _, v := range vals {
		out = append(out, text(v))
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// nodes reads the nodes iris, each as readNode reads it whole, or only the
// predicates preds when there are some (every value of each: a claim has
// one of each field, and tidy keeps repeated values once). A node without
// quads is there, empty. The quads come by hash, and then the values of
// their objects (see values): a join with the nodes table made PostgreSQL
// hash the whole table for a handful of claims.
func (p *pgReader) nodes(ctx context.Context, iris []string, preds ...string) (map[string]node, error) {
	b := newPGBatch(iris)
	query := `SELECT subject_hash, predicate_hash, object_hash FROM quads WHERE subject_hash = ANY($1)`
	var predHashes pq.ByteaArray
	if len(preds) > 0 {
		query += ` AND predicate_hash = ANY($2)`
		for _, pred := range preds {
			predHashes = append(predHashes, b.name(pred))
		}
	}
	for chunk := range b.chunks() {
		args := []any{chunk}
		if predHashes != nil {
			args = append(args, predHashes)
		}
		if err := p.query(ctx, b.row, query, args...); err != nil {
			return nil, fmt.Errorf("read nodes: %w", err)
		}
	}
	return b.nodes(ctx, p)
}

// shared reads the fields of shared nodes (actors, events, outlets), as
// readNode reads them but for all of iris at once. A shared node repeats
// its quads under every article's label, so a field of one value reads one
// quad for each node: that of the smallest object hash, which is what
// readNode's first quad is when PostgreSQL walks spo_index, as it does for
// one subject and predicate.
func (p *pgReader) shared(ctx context.Context, iris []string, fields []field) (map[string]node, error) {
	b := newPGBatch(iris)
	var ones, manys pq.ByteaArray
	for _, f := range fields {
		if f.many {
			manys = append(manys, b.name(f.pred))
		} else {
			ones = append(ones, b.name(f.pred))
		}
	}
	for chunk := range b.chunks() {
		if len(ones) > 0 {
			err := p.query(ctx, b.row, `SELECT s.h, p.h, x.object_hash
	FROM unnest($1::bytea[]) s(h) CROSS JOIN unnest($2::bytea[]) p(h)
	CROSS JOIN LATERAL (SELECT object_hash FROM quads
		WHERE subject_hash = s.h AND predicate_hash = p.h ORDER BY object_hash LIMIT 1) x`, chunk, ones)
			if err != nil {
				return nil, fmt.Errorf("read nodes: %w", err)
			}
		}
		if len(manys) > 0 {
			err := p.query(ctx, b.row, `SELECT DISTINCT subject_hash, predicate_hash, object_hash FROM quads
	WHERE subject_hash = ANY($1) AND predicate_hash = ANY($2)`, chunk, manys)
			if err != nil {
				return nil, fmt.Errorf("read nodes: %w", err)
			}
		}
	}
	return b.nodes(ctx, p)
}

// pgBatch gathers the quads, by hash, of the nodes that nodes and shared
// read, and then decodes them.
type pgBatch struct {
	iris     []string
	names    map[string]string // hash → IRI, of the subjects and the predicates asked for
	subjects pq.ByteaArray
	found    [][3]string     // subject, predicate and object hashes
	objects  map[string]bool // hashes whose values are to be read
}

func newPGBatch(iris []string) *pgBatch {
	b := &pgBatch{iris: iris, names: make(map[string]string), objects: make(map[string]bool)}
	for _, iri := range iris {
		h := b.name(iri)
		b.subjects = append(b.subjects, h)
	}
	return b
}

// name returns the hash of the IRI iri and keeps its name.
func (b *pgBatch) name(iri string) []byte {
	h := pgHash(quad.IRI(iri))
	b.names[string(h)] = iri
	return h
}

// chunks yields the subjects' hashes, pgChunk at a time.
func (b *pgBatch) chunks() iter.Seq[pq.ByteaArray] {
	return func(yield func(pq.ByteaArray) bool) {
		for start := 0; start < len(b.subjects); start += pgChunk {
			if !yield(b.subjects[start:min(start+pgChunk, len(b.subjects))]) {
				return
			}
		}
	}
}

// row takes a quad's subject, predicate and object hashes.
func (b *pgBatch) row(rows *sql.Rows) error {
	var s, p, o []byte
	if err := rows.Scan(&s, &p, &o); err != nil {
		return err
	}
	b.found = append(b.found, [3]string{string(s), string(p), string(o)})
	b.objects[string(o)] = true
	if _, ok := b.names[string(p)]; !ok {
		b.objects[string(p)] = true // a predicate not asked for: read whole
	}
	return nil
}

// nodes reads the values the quads name and returns the nodes.
func (b *pgBatch) nodes(ctx context.Context, p *pgReader) (map[string]node, error) {
	vals, err := p.values(ctx, b.objects)
	if err != nil {
		return nil, fmt.Errorf("read nodes: %w", err)
	}
	out := make(map[string]node, len(b.iris))
	for _, iri := range b.iris {
		out[iri] = node{iri: iri, vals: make(map[string][]quad.Value)}
	}
	for _, q := range b.found {
		pred, ok := b.names[q[1]]
		if !ok {
			v, ok := vals[q[1]]
			if !ok {
				continue // deleted since: Cayley's own reads skip it too
			}
			pred = text(v)
		}
		if v, ok := vals[q[2]]; ok {
			n := out[b.names[q[0]]]
			n.vals[pred] = append(n.vals[pred], v)
		}
	}
	for _, n := range out {
		n.tidy()
	}
	return out, nil
}

// objects returns the distinct objects of the quads with subject iri and
// predicate pred: values(…, -1) without a row for each label's copy.
func (p *pgReader) objects(ctx context.Context, iri, pred string) ([]quad.Value, error) {
	hashes := make(map[string]bool)
	err := p.query(ctx, func(rows *sql.Rows) error {
		var h []byte
		err := rows.Scan(&h)
		hashes[string(h)] = true
		return err
	}, `SELECT DISTINCT object_hash FROM quads WHERE subject_hash = $1 AND predicate_hash = $2`, pgHash(quad.IRI(iri)), pgHash(quad.IRI(pred)))
	if err != nil {
		return nil, fmt.Errorf("read objects: %w", err)
	}
	vals, err := p.values(ctx, hashes)
	if err != nil {
		return nil, fmt.Errorf("read objects: %w", err)
	}
	out := make([]quad.Value, 0, len(vals))
	for _, v := range vals {
		out = append(out, v)
	}
	return out, nil
}

// prefetch reads the claims iris whole before they are decoded, on
// PostgreSQL: the claims in one query, their quantities in another, and the
// actors, events and outlets they name in a few more (see pgReader).
// Elsewhere each node is read when decoded.
func (r *reader) prefetch(ctx context.Context, iris []string) error {
	if r.qs.pg == nil {
		return nil
	}
	if err := r.prefetchWhole(ctx, iris); err != nil {
		return err
	}
	var quantities []string
	for _, iri := range iris {
		quantities = append(quantities, r.nodes[iri].strs(schema.PredQuantity)...)
	}
	if err := r.prefetchWhole(ctx, quantities); err != nil {
		return err
	}
	return r.prefetchShared(ctx, iris)
}

// prefetchWhole reads the nodes iris that the reader lacks, whole, in one
// query (per pgChunk) on PostgreSQL; elsewhere each is read when decoded.
func (r *reader) prefetchWhole(ctx context.Context, iris []string) error {
	if r.qs.pg == nil {
		return nil
	}
	var todo []string
	for _, iri := range iris {
		if _, ok := r.nodes[iri]; !ok {
			todo = append(todo, iri)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	nodes, err := r.qs.pg.nodes(ctx, todo)
	if err != nil {
		return err
	}
	for iri, n := range nodes {
		r.nodes[iri] = n
	}
	return nil
}

// prefetchShared reads the shared nodes that the claims iris name (their
// speakers and targets, events and outlets), in a query or two for each
// kind (see pgReader.shared); the claims must have been read.
func (r *reader) prefetchShared(ctx context.Context, iris []string) error {
	byKind := make(map[string][]string)
	for _, iri := range iris {
		n := r.nodes[iri]
		for _, k := range []struct{ kind, pred string }{{schema.KindActorNode, schema.PredSpeaker},
			{schema.KindActorNode, schema.PredTarget}, {schema.KindEventNode, schema.PredEvent},
			{schema.KindOutletNode, schema.PredOutlet}} {
			byKind[k.kind] = append(byKind[k.kind], n.strs(k.pred)...)
		}
	}
	for kind, todo := range byKind {
		if err := r.prefetchKind(ctx, kind, todo); err != nil {
			return err
		}
	}
	return nil
}

// prefetchKind reads the shared nodes iris of kind that the reader lacks,
// on PostgreSQL, at once (see pgReader.shared); elsewhere sharedNode reads
// each when it is decoded.
func (r *reader) prefetchKind(ctx context.Context, kind string, iris []string) error {
	if r.qs.pg == nil {
		return nil
	}
	var todo []string
	for _, iri := range iris {
		if _, ok := r.shared[kind+" "+iri]; !ok {
			todo = append(todo, iri)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	slices.Sort(todo)
	nodes, err := r.qs.pg.shared(ctx, slices.Compact(todo), sharedFields(kind))
	if err != nil {
		return err
	}
	for iri, n := range nodes {
		r.shared[kind+" "+iri] = n
	}
	return nil
}

// nodesOf reads the fields of each of iris, in order, as readNode does; on
// PostgreSQL in one query (per pgChunk nodes), every value of each field.
func nodesOf(ctx context.Context, qs quadStore, iris []string, fields ...field) ([]node, error) {
	out := make([]node, 0, len(iris))
	if qs.pg == nil {
		for _, iri := range iris {
			n, err := readNode(ctx, qs, iri, fields...)
			if err != nil {
				return nil, err
			}
			out = append(out, n)
		}
		return out, nil
	}
	preds := make([]string, len(fields))
	for i, f := range fields {
		preds[i] = f.pred
	}
	nodes, err := qs.pg.nodes(ctx, iris, preds...)
	if err != nil {
		return nil, err
	}
	for _, iri := range iris {
		out = append(out, nodes[iri])
	}
	return out, nil
}

// pgEdgeRun is how many claims' edges a neighbourhood reads at once.
const pgEdgeRun = 64

// pgEdges reads the edges of the claims cs in one query (see edgeFields).
func (r *reader) pgEdges(ctx context.Context, cs []claimEdges) error {
	iris := make([]string, len(cs))
	for i, c := range cs {
		iris[i] = c.iri
	}
	nodes, err := nodesOf(ctx, r.qs, iris, edgeFields...)
	if err != nil {
		return err
	}
	for i, n := range nodes {
		cs[i] = edgesFrom(n)
	}
	return nil
}
