package graph

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/sys/unix"
)

// A bolt store reads its file through one shared read-only mapping, and
// every page a query touches stays mapped in the process, counted in its
// RSS, until the process ends: a server over a 10 GB file reaches 10 GB of
// RSS though it holds 100 MB of its own. mappedTrim keeps the file pages
// the process has mapped under a budget. Past it, the whole mapping is
// released with madvise(MADV_DONTNEED): the pages stay in the kernel's page
// cache (shared, reclaimable, not the process's), and the next read of one
// maps it again with a minor fault, not a disk read.
//
// The mapping moves only when bolt grows the file, under its mmap lock; a
// read transaction holds that lock shared, so the trim runs inside one and
// never advises an address bolt has let go.
type mappedTrim struct {
	db     *bolt.DB
	budget int64         // bytes of file pages mapped (RssFile) before a trim
	every  time.Duration // how often RssFile is read
	trims  atomic.Int64  // trims done
	stop   chan struct{}
	done   chan struct{}
}

// startMappedTrim starts keeping db's mapped pages under budget bytes,
// checked every interval.
func startMappedTrim(db *bolt.DB, budget int64, every time.Duration) *mappedTrim {
	m := &mappedTrim{db: db, budget: budget, every: every, stop: make(chan struct{}), done: make(chan struct{})}
	go m.run()
	return m
}

func (m *mappedTrim) run() {
	defer close(m.done)
	tick := time.NewTicker(m.every)
	defer tick.Stop()
	for {
		select {
		case <-m.stop:
			return
		case <-tick.C:
		}
		if rss, err := rssFile(); err == nil && rss > m.budget {
			if m.trim() == nil {
				m.trims.Add(1)
			}
		}
	}
}

// close stops the trims; it returns once none is running, so the file can
// be closed after.
func (m *mappedTrim) close() {
	if m == nil {
		return
	}
	close(m.stop)
	<-m.done
}

// trim releases every page of the bolt file's mapping from the process.
func (m *mappedTrim) trim() error {
	return m.db.View(func(*bolt.Tx) error {
		start, end, err := mappingAt(m.db.Info().Data)
		if err != nil {
			return err
		}
		// By address: the mapping is bolt's, not a Go value.
		if _, _, errno := unix.Syscall(unix.SYS_MADVISE, start, end-start, unix.MADV_DONTNEED); errno != 0 {
			return fmt.Errorf("release mapped pages of %s: %w", m.db.Path(), errno)
		}
		return nil
	})
}

// mappingAt returns the bounds of the process's mapping that starts at addr,
// read from /proc/self/maps.
func mappingAt(addr uintptr) (start, end uintptr, err error) {
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	want := []byte(strconv.FormatUint(uint64(addr), 16) + "-")
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Bytes()
		if !bytes.HasPrefix(line, want) {
			continue
		}
		bounds, _, _ := bytes.Cut(line, []byte(" "))
		lo, hi, _ := bytes.Cut(bounds, []byte("-"))
		s, err1 := strconv.ParseUint(string(lo), 16, 64)
		e, err2 := strconv.ParseUint(string(hi), 16, 64)
		if err1 != nil || err2 != nil || e <= s {
			return 0, 0, fmt.Errorf("/proc/self/maps: unreadable line %q", line)
		}
		return uintptr(s), uintptr(e), nil
	}
	if err := sc.Err(); err != nil {
		return 0, 0, err
	}
	return 0, 0, fmt.Errorf("/proc/self/maps: no mapping starts at %#x", addr)
}

// rssFile is the process's resident file-backed memory, in bytes, from the
// RssFile line of /proc/self/status.
func rssFile() (int64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, err
	}
	_, rest, ok := bytes.Cut(b, []byte("\nRssFile:"))
	if !ok {
		return 0, fmt.Errorf("/proc/self/status: no RssFile line")
	}
	line, _, _ := bytes.Cut(rest, []byte("\n"))
	kb, err := strconv.ParseInt(string(bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(line), []byte("kB")))), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("/proc/self/status: RssFile %q: %w", line, err)
	}
	return kb << 10, nil
}
