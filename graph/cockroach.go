package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach" // registers "cockroach" and the pgx driver

	"github.com/claimgraph/claimgraph/schema"
)

// cockroachDBName is what openCockroach accepts as a database name: it is
// put into CREATE DATABASE, which takes no parameters.
var cockroachDBName = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

// openCockroach opens a store on CockroachDB through Cayley's "cockroach"
// backend (its own DDL, with column families, and transactions that retry
// on contention). address is a postgres:// URL of a node, such as
// postgres://root@crdb1:26257/claimgraph?sslmode=disable; the database is
// created when missing, Cayley's tables on first use. The text index is the
// PostgreSQL one (pgIndex): CockroachDB has tsvector and inverted indexes,
// so every server over the cluster shares it.
func openCockroach(ctx context.Context, address string, opts []Option) (*Store, error) {
	shown := address
	u, err := url.Parse(address)
	if err == nil {
		shown = u.Redacted()
	}
	if err := createCockroachDB(ctx, u, err); err != nil {
		return nil, fmt.Errorf("open cockroach store %q: %w", shown, err)
	}
	ready, err := cockroachReady(ctx, address)
	if err != nil {
		return nil, fmt.Errorf("open cockroach store %q: %w", shown, err)
	}
	if !ready {
		err := cgraph.InitQuadStore("cockroach", address, nil)
		if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return nil, fmt.Errorf("open cockroach store %q: init schema: %w", shown, err)
		}
	}
	qs, err := cgraph.NewQuadStore("cockroach", address, nil)
	if err != nil {
		return nil, fmt.Errorf("open cockroach store %q: %w", shown, err)
	}
	s := &Store{backend: "cockroach", qs: quadStore{QuadStore: qs, plan: new(sync.Mutex)}}
	for _, o := range opts {
		o(s)
	}
	if s.idx, err = openPGIndex(ctx, address); err != nil {
		qs.Close()
		return nil, err
	}
	if err := s.syncIndex(ctx); err != nil {
		s.idx.close()
		qs.Close()
		return nil, err
	}
	return s, nil
}

// createCockroachDB creates the database the URL names, connecting to the
// cluster's defaultdb to do it: a new cluster has no other.
func createCockroachDB(ctx context.Context, u *url.URL, parseErr error) error {
	if parseErr != nil {
		return fmt.Errorf("%w: not a URL: %v", schema.ErrInvalid, parseErr)
	}
	name := strings.Trim(u.Path, "/")
	if !cockroachDBName.MatchString(name) {
		return fmt.Errorf("%w: database name %q: want lower-case letters, digits and _", schema.ErrInvalid, name)
	}
	admin := *u
	admin.Path = "/defaultdb"
	db, err := sql.Open("pgx", admin.String())
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "CREATE DATABASE IF NOT EXISTS "+name); err != nil {
		return fmt.Errorf("create database %s: %w", name, err)
	}
	return nil
}

// cockroachReady reports whether Cayley's tables exist.
func cockroachReady(ctx context.Context, address string) (bool, error) {
	db, err := sql.Open("pgx", address)
	if err != nil {
		return false, err
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables
WHERE table_schema = 'public' AND table_name IN ('quads', 'nodes')`).Scan(&n)
	return n == 2, err
}
