//go:build !linux

package graph

import (
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
)

// mappedTrim needs Linux's /proc and madvise; elsewhere mapped pages are
// left to the system (see mapped_linux.go).
type mappedTrim struct{ trims atomic.Int64 }

func startMappedTrim(*bolt.DB, int64, time.Duration) *mappedTrim { return nil }

func (m *mappedTrim) close() {}
