package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	rtmetrics "runtime/metrics"
	"sync"
	"time"
)

// DefaultQueryMemory is how far the live heap may grow while a request to
// Cayley's API runs, when Options leave QueryMemory unset.
const DefaultQueryMemory = 512 << 20

// memorySample is how often a running Cayley request checks the heap.
const memorySample = 20 * time.Millisecond

// liveHeap is the runtime metric the guard watches: the heap that survived
// the last collection. Garbage does not count, so a query that allocates
// and drops is left alone; one that keeps what it allocates (a Gizmo script
// filling an array) makes collections come faster and the figure climb.
const liveHeap = "/gc/heap/live:bytes"

// memoryGuard stops a Cayley request whose run sees the live heap grow by
// more than the budget: its context is cancelled, which interrupts a Gizmo
// VM and ends iterators, and it is answered 422 with code memory_limit.
// The heap is the process's, so the budget has to be much larger than what
// the rest of the server allocates meanwhile; the time limit still bounds a
// query that allocates slowly.
func memoryGuard(h http.Handler, budget int64) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithCancel(r.Context())
		defer cancel()
		gw := &guardedWriter{w: w}
		done := make(chan struct{})
		go watchHeap(done, budget, func() { gw.stop(); cancel() })
		h.ServeHTTP(gw, r.WithContext(ctx))
		close(done)
		if gw.stopped() {
			body := errorBody{fmt.Sprintf("query stopped: the server's heap grew by more than its memory budget of %d MiB while it ran", budget>>20), codeMemoryLimit}
			writeJSON(w, http.StatusUnprocessableEntity, body)
		}
	})
}

// codeMemoryLimit is the error code of a query stopped by memoryGuard.
const codeMemoryLimit = "memory_limit"

// watchHeap calls over once the live heap exceeds its value at the start
// by budget, or returns when done is closed.
func watchHeap(done <-chan struct{}, budget int64, over func()) {
	sample := []rtmetrics.Sample{{Name: liveHeap}}
	rtmetrics.Read(sample)
	base := int64(sample[0].Value.Uint64())
	tick := time.NewTicker(memorySample)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return
		case <-tick.C:
			rtmetrics.Read(sample)
			if int64(sample[0].Value.Uint64())-base > budget {
				over()
				return
			}
		}
	}
}

// guardedWriter passes a response through until stop, after which what the
// stopped handler writes (its own error for the cancelled context) is
// dropped. A response already started is let finish: its status is sent.
type guardedWriter struct {
	w       http.ResponseWriter
	mu      sync.Mutex
	started bool
	halted  bool
}

func (g *guardedWriter) Header() http.Header { return g.w.Header() }

func (g *guardedWriter) WriteHeader(code int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.halted {
		g.started = true
		g.w.WriteHeader(code)
	}
}

func (g *guardedWriter) Write(b []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.halted {
		return len(b), nil
	}
	g.started = true
	return g.w.Write(b)
}

// Flush lets a streamed answer (a quad dump) go out as it is written.
func (g *guardedWriter) Flush() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if f, ok := g.w.(http.Flusher); ok && !g.halted {
		f.Flush()
	}
}

// stop drops the rest of the handler's output, unless it has begun.
func (g *guardedWriter) stop() {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.halted = !g.started
}

func (g *guardedWriter) stopped() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.halted
}

// writeJSON answers with v as JSON outside Gin (memoryGuard wraps a plain
// http.Handler).
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}
