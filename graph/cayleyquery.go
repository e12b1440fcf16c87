package graph

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"

	// Query languages register themselves with Cayley's query package; the
	// REST interface only knows the ones imported somewhere in the binary.
	_ "github.com/cayleygraph/cayley/query/graphql"
	_ "github.com/cayleygraph/cayley/query/linkedql"
	_ "github.com/cayleygraph/cayley/query/linkedql/steps"
	_ "github.com/cayleygraph/cayley/query/mql"

	// Quad formats register themselves too: without them /api/v2/read and
	// /api/v2/write answer "format is not supported".
	_ "github.com/cayleygraph/quad/json"
	_ "github.com/cayleygraph/quad/jsonld"
	_ "github.com/cayleygraph/quad/nquads"
)

// Errors of a query through Cayley's REST interface.
var (
	// ErrQueryTimeout is a query stopped at its time limit.
	ErrQueryTimeout = errors.New("query exceeded its time limit")
	// errQuery is a query Cayley refused or failed to run: a syntax error,
	// an exception thrown by Gizmo code, an unknown language.
	errQuery = errors.New("query failed")
)

// vmGrace bounds the wait for an interrupted Gizmo VM to stop. The VM checks
// for an interrupt between JavaScript instructions and the iterators check
// their context on every step, so this is only reached by a bug; waiting
// forever would keep the memstore read lock, giving up lets writers in.
const vmGrace = 5 * time.Second

// result is what a query produced: at most limit values, and whether more
// were cut off.
type result struct {
	values    []any
	truncated bool
}

// runQuery runs text in lang through the language's session, collecting at
// most limit results. The caller holds whatever lock the backend needs for
// reads: runQuery returns only once the query has stopped touching the store.
func runQuery(ctx context.Context, qs quadStore, lang, text string, limit int, col query.Collation) (result, error) {
	l := query.GetLanguage(lang)
	if l == nil || l.Session == nil {
		return result{}, fmt.Errorf("%w: unknown query language %q", errQuery, lang)
	}
	// The quadStore wrapper hides the backend's shape optimiser (it is not
	// in Cayley's QuadStore interface), so REST queries never run the SQL
	// planner whose counter races, at the price of generic query plans.
	// One more than the limit tells a full answer from a cut one.
	it, err := l.Session(qs).Execute(ctx, text, query.Options{Limit: limit + 1, Collation: col})
	if err != nil {
		return result{}, queryErr(ctx, err)
	}
	var res result
	for it.Next(ctx) {
		if len(res.values) == limit {
			res.truncated = true
			break
		}
		res.values = append(res.values, it.Result())
	}
	err = it.Err()
	it.Close()
	if lang == gizmo.Name {
		// Gizmo runs the script in a goroutine of its own, which Close
		// interrupts but does not wait for; its channel of results is closed
		// when the goroutine ends, which Next reports as false.
		waitCtx, cancel := context.WithTimeout(context.Background(), vmGrace)
		for it.Next(waitCtx) {
		}
		cancel()
	}
	if err == nil {
		err = ctx.Err() // some iterators stop quietly on a cancelled context
	}
	if err != nil {
		return result{}, queryErr(ctx, err)
	}
	return res, nil
}

// queryErr names why a query failed: its deadline, or the query itself.
func queryErr(ctx context.Context, err error) error {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("run query: %w", ErrQueryTimeout)
	}
	if ctx.Err() != nil {
		return fmt.Errorf("run query: %w", ctx.Err())
	}
	return fmt.Errorf("%w: %w", errQuery, err)
}
