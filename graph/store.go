// Package graph stores claims as quads in Cayley and answers questions about
// them: who said what about whom, in which article. It is the only package
// that imports Cayley.
//
// Every quad an article brings (its own, its claims', and those of the
// actors, outlets and events its claims name) is labelled with the article's
// IRI, so deleting an article removes exactly what it brought, and a node
// shared by two articles survives the deletion of one. Shared nodes repeat
// their quads under each label; readers de-duplicate.
//
// On bolt and memstore the common queries (by speaker, target, pair, event,
// outlet, article; profiles and the event and outlet views) are answered
// from a claim index derived from the quads and kept exact by every write
// (see claimIndex); the rest, and every query on PostgreSQL, walk the quads.
package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	_ "github.com/cayleygraph/cayley/graph/memstore"     // registers "memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers "postgres" and lib/pq
	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/schema"
)

// backendChoices lists the values Open accepts as backend.
const backendChoices = `"bolt", "memstore" or "postgres"`

// boltLockTimeout bounds the wait for a bolt file held by another process:
// failing fast beats hanging a server start.
const boltLockTimeout = time.Second

// Store is a claim graph on one Cayley quad store. It is safe for concurrent
// use.
type Store struct {
	backend string
	qs      quadStore
	idx     textIndex // full text of claim content
	bolt    *bolt.DB  // the bolt file, on bolt: AddArticles syncs it once per call
	pg      *sql.DB   // the database, on PostgreSQL: AddArticles asks it which IRIs are new
	// mu serialises writes, so the existence check and the write of an
	// article are one step, and keeps reads off memstore while it changes
	// (memstore has no locking of its own).
	mu sync.RWMutex
	// group gathers concurrent AddArticle calls into one write (not on
	// PostgreSQL, where other processes write too: see addArticle).
	group commitGroup
	// gen counts the writes done (see Generation); it changes only with mu
	// held for writing, just before it is released.
	gen atomic.Uint64
	// stats is Stats' last count, kept until the next write.
	statsMu sync.Mutex
	stats   keptStats
	// progress hears of rebuilds during Open (see WithProgress); nil: none.
	progress Progress
	closed   bool // by Close, with mu held
	// docMu keeps flushDocs' writes one at a time; docStop and docDone
	// stop the goroutine that calls it (nil: none runs).
	docMu            sync.Mutex
	docStop, docDone chan struct{}
	docOnce          sync.Once
}

// Progress is told how far Open has got with rebuilding something it
// derives from the quads: what, how many items are done, of how many.
type Progress func(what string, done, total int)

// Option changes how Open opens a store.
type Option func(*Store)

// WithProgress has Open report its rebuilds to p: the claim index after an
// upgrade that changes what it lists, and the search index when it lags the
// quads. On a large store they take minutes.
func WithProgress(p Progress) Option { return func(s *Store) { s.progress = p } }

// report tells s's Progress, if any, how far a rebuild has got.
func (s *Store) report(what string, done, total int) {
	if s.progress != nil {
		s.progress(what, done, total)
	}
}

// Open opens (creating and initialising when needed) a store. backend is
// "bolt" (address: a file path), "memstore" (address ignored) or "postgres"
// (address: a postgres:// URL).
func Open(ctx context.Context, backend, address string, opts ...Option) (*Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("open %s store: %w", backend, err)
	}
	var (
		qs  cgraph.QuadStore
		ix  ixKV // the claim index's storage; none (plain queries) on PostgreSQL
		err error
	)
	switch backend {
	case "bolt":
		qs, ix, err = openBolt(address)
	case "memstore":
		qs, err = cgraph.NewQuadStore("memstore", "", nil)
		ix = newMemIndex()
	case "postgres":
		qs, err = openPostgres(ctx, address)
	case "cockroach": // opens its own text index: see openCockroach
		return openCockroach(ctx, address, opts)
	default:
		return nil, fmt.Errorf("open store: %w: unknown backend %q, want %s", schema.ErrInvalid, backend, backendChoices)
	}
	if err != nil {
		return nil, err
	}
	s := &Store{backend: backend, qs: quadStore{QuadStore: qs, plan: new(sync.Mutex)}}
	for _, o := range opts {
		o(s)
	}
	if ix != nil {
		// Without an index, other processes may write the same database.
		s.qs.cix, s.qs.cache = &claimIndex{kv: ix}, newNodeCache()
	}
	if b, ok := ix.(*boltIndex); ok {
		s.bolt, s.qs.cix.docs, s.qs.cix.gen = b.db, true, &s.gen
	}
	if backend == "postgres" {
		s.pg, err = sql.Open("postgres", address) // connects on first use
		if err != nil {
			qs.Close()
			return nil, fmt.Errorf("open postgres store: %w", err)
		}
		s.qs.pg = newPGReader(s.pg)
	}
	if err := s.openClaimIndex(ctx); err != nil {
		qs.Close()
		return nil, err
	}
	if err := s.startLabels(ctx); err != nil {
		qs.Close()
		return nil, fmt.Errorf("open store: %w", err)
	}
	if err := s.openIndex(ctx, address); err != nil {
		qs.Close()
		return nil, err
	}
	if s.qs.cix != nil && s.qs.cix.docs {
		s.docStop, s.docDone = make(chan struct{}), make(chan struct{})
		go s.fillDocs(s.docStop, s.docDone)
	}
	return s, nil
}

// openIndex opens the text index that goes with the store (see textIndex)
// and brings it up to date.
func (s *Store) openIndex(ctx context.Context, address string) error {
	var err error
	switch s.backend {
	case "bolt":
		s.idx, err = openBleve(address + ".bleve")
	case "memstore":
		s.idx, err = openBleve("")
	case "postgres":
		s.idx, err = openPGIndex(ctx, address)
	}
	if err != nil {
		return err
	}
	if err := s.syncIndex(ctx); err != nil {
		s.idx.close()
		return err
	}
	return nil
}

// lock takes the write lock and returns its release, which counts the
// write (see Generation). Every change to the quads, the claim index and the
// text index is made under it.
func (s *Store) lock() (unlock func()) {
	s.mu.Lock()
	return func() {
		s.gen.Add(1)
		s.mu.Unlock()
	}
}

// Generation counts the writes this store has finished, failed ones
// included: two equal counts read around a query (before it and after it)
// mean no write changed what it read, so its answer may be kept and served
// again for as long as the count stays the same. ok is false where the count
// is not exact: on PostgreSQL and CockroachDB other processes may write the
// same database.
func (s *Store) Generation() (gen uint64, ok bool) {
	return s.gen.Load(), s.qs.cix != nil
}

// Close releases the store's file or connections. Closing a closed store
// does nothing: bleve's index panics when closed twice.
func (s *Store) Close() error {
	if s.docStop != nil {
		s.docOnce.Do(func() { close(s.docStop); <-s.docDone }) // before the lock, which it takes
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	ierr := s.idx.close()
	if s.pg != nil {
		s.pg.Close()
	}
	if err := s.qs.Close(); err != nil {
		return fmt.Errorf("close %s store: %w", s.backend, err)
	}
	if ierr != nil {
		return fmt.Errorf("close %s store: search index: %w", s.backend, ierr)
	}
	return nil
}

// Backend names the quad store behind s, as given to Open.
func (s *Store) Backend() string { return s.backend }

// kvOptions are the options of every KV backend: bloom filters cost ~1 GB of
// memory and seconds of start-up at 1M quads and buy no query speed.
func kvOptions() cgraph.Options { return cgraph.Options{kv.OptNoBloom: true} }

// openBolt opens the bolt file at path. Cayley's own bolt registration takes
// a directory and waits forever for a locked file, so the file is opened here
// with a lock timeout and handed to Cayley's KV layer through boltKV, which
// packs the pages of the buckets that grow at their end. It uses bbolt, the
// maintained fork with the same file format: boltdb/bolt 1.3.1 trips the race
// detector's pointer checks.
func openBolt(path string) (cgraph.QuadStore, ixKV, error) {
	if path == "" {
		return nil, nil, fmt.Errorf("%w: open bolt store: no file path given", schema.ErrInvalid)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, nil, fmt.Errorf("open bolt store %q: %w", path, err)
	}
	bdb, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: boltLockTimeout})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, nil, fmt.Errorf("open bolt store %q: the file is in use by another process (no lock within %v)", path, boltLockTimeout)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("open bolt store %q: %w", path, err)
	}
	db := &boltKV{db: bdb}
	qs, err := kv.New(db, kvOptions())
	if errors.Is(err, cgraph.ErrNotInitialized) {
		if err = kv.Init(db, kvOptions()); err == nil {
			qs, err = kv.New(db, kvOptions())
		}
	}
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("open bolt store %q: %w", path, err)
	}
	ix, err := newBoltIndex(db.DB())
	if err != nil {
		qs.Close()
		return nil, nil, fmt.Errorf("open bolt store %q: %w", path, err)
	}
	return qs, ix, nil
}

// openPostgres connects to the database at address and creates Cayley's
// tables on first use.
func openPostgres(ctx context.Context, address string) (cgraph.QuadStore, error) {
	shown := address
	if u, err := url.Parse(address); err == nil {
		shown = u.Redacted()
	}
	if err := initPostgres(ctx, address); err != nil {
		return nil, fmt.Errorf("open postgres store %q: %w", shown, err)
	}
	qs, err := cgraph.NewQuadStore(pgFlavor, address, nil)
	if err != nil {
		return nil, fmt.Errorf("open postgres store %q: %w", shown, err)
	}
	return qs, nil
}

// schemaLock is the key of the PostgreSQL advisory lock under which a
// server creates the tables: servers started together on a new database
// would otherwise both create them, and the loser fail.
const schemaLock = 0x636c61696d67 // "claimg"

// initPostgres creates Cayley's tables and the search table when the
// database lacks them, under schemaLock. Cayley's init logs an error when
// its tables exist, so it runs only on a new database.
func initPostgres(ctx context.Context, address string) error {
	db, err := sql.Open("postgres", address) // lib/pq, registered by Cayley's backend
	if err != nil {
		return err
	}
	defer db.Close()
	conn, err := db.Conn(ctx) // an advisory lock belongs to its session
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, schemaLock); err != nil {
		return fmt.Errorf("lock schema: %w", err)
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, schemaLock)
	var ready bool
	err = conn.QueryRowContext(ctx, `SELECT to_regclass('quads') IS NOT NULL AND to_regclass('nodes') IS NOT NULL`).Scan(&ready)
	if err != nil {
		return err
	}
	if !ready {
		err := cgraph.InitQuadStore(pgFlavor, address, nil)
		if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return fmt.Errorf("init schema: %w", err)
		}
	}
	// Only a database made before NoForeignKeys has them: ALTER TABLE locks
	// quads against every reader, which a server starting beside others
	// running must not do for nothing.
	var fks int
	err = conn.QueryRowContext(ctx, `SELECT count(*) FROM pg_constraint WHERE conrelid = 'quads'::regclass AND contype = 'f'`).Scan(&fks)
	if err != nil {
		return fmt.Errorf("read foreign keys: %w", err)
	}
	if fks > 0 {
		if _, err := conn.ExecContext(ctx, pgDropForeignKeys); err != nil {
			return fmt.Errorf("drop foreign keys: %w", err)
		}
	}
	// The same for an index: DROP INDEX also locks quads.
	var osp bool
	if err := conn.QueryRowContext(ctx, `SELECT to_regclass('osp_index') IS NOT NULL`).Scan(&osp); err != nil {
		return fmt.Errorf("read indexes: %w", err)
	}
	if osp {
		if _, err := conn.ExecContext(ctx, `DROP INDEX osp_index`); err != nil {
			return fmt.Errorf("drop osp_index: %w", err)
		}
	}
	if _, err := conn.ExecContext(ctx, pgSearchDDL); err != nil {
		return fmt.Errorf("create search table: %w", err)
	}
	return nil
}

// osp_index, one of the four orders Cayley indexes quads in, is dropped: a
// query that fixes the subject reads spo_index, one that fixes the object
// ops_index, whatever else it fixes, so osp_index served no query of
// claimgraph's or of Cayley's planner that the others could not, and
// keeping it up cost an eighth of a bulk load's time.

// pgDropForeignKeys removes the foreign keys from quads to nodes that
// databases made before pgFlavor set NoForeignKeys still have. Checking
// them took half of a bulk load's time (each quad locks its four nodes'
// rows, and the busiest nodes are in every article); the write path keeps
// them true by itself: it writes a quad's nodes in the same transaction,
// before the quad, and deletes a node only when no quad refers to it.
const pgDropForeignKeys = `ALTER TABLE quads
	DROP CONSTRAINT IF EXISTS subject_hash_fk,
	DROP CONSTRAINT IF EXISTS predicate_hash_fk,
	DROP CONSTRAINT IF EXISTS object_hash_fk,
	DROP CONSTRAINT IF EXISTS label_hash_fk`
