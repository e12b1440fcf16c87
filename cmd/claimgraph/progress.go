package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// progress draws a bar on a terminal and a line every few seconds
// elsewhere, so long ingests show they are alive.
type progress struct {
	w                io.Writer
	tty              bool
	total, n, claims int
	created          int
	start, last      time.Time
}

func newProgress(w io.Writer, total int) *progress {
	tty := false
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil {
			tty = st.Mode()&os.ModeCharDevice != 0
		}
	}
	now := time.Now()
	return &progress{w: w, tty: tty, total: total, start: now, last: now}
}

func (p *progress) done(claims int, created bool) {
	p.n++
	p.claims += claims
	if created {
		p.created++
	}
	p.draw(false)
}

// fail reports a file that could not be ingested, on its own line.
func (p *progress) fail(msg string) {
	p.n++
	if p.tty {
		fmt.Fprint(p.w, "\r\033[K")
	}
	fmt.Fprintln(p.w, "error:", msg)
	p.draw(false)
}

func (p *progress) finish() { p.draw(true) }

func (p *progress) draw(final bool) {
	if p.total < 2 {
		return
	}
	every := 5 * time.Second
	if p.tty {
		every = 100 * time.Millisecond
	}
	if !final && time.Since(p.last) < every {
		return
	}
	p.last = time.Now()
	rate := float64(p.n) / time.Since(p.start).Seconds()
	const width = 30
	filled := width * p.n / p.total
	line := fmt.Sprintf("[%s%s] %d/%d articles · %d claims · %.1f/s",
		strings.Repeat("#", filled), strings.Repeat(".", width-filled), p.n, p.total, p.claims, rate)
	switch {
	case p.tty && final:
		fmt.Fprintf(p.w, "\r\033[K%s\n", line)
	case p.tty:
		fmt.Fprintf(p.w, "\r\033[K%s", line)
	default:
		fmt.Fprintln(p.w, line)
	}
}
