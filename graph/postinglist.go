package graph

import (
	"slices"
	"strings"
)

// maxBlock is the most sort keys a block of a postingList holds before it
// splits in two.
const maxBlock = 1024

// postingList is a memIndex filter key's sort keys in order, in blocks: the
// key of every claim lists them all, and one sorted slice moved half of
// itself at each insert (quadratic in a load).
type postingList struct {
	blocks [][]string // each sorted, each non-empty; all of one before the next
}

// block returns the index of the block where sk belongs: the first whose
// last key is not before it, or the last.
func (l *postingList) block(sk string) int {
	i, _ := slices.BinarySearchFunc(l.blocks, sk, func(b []string, sk string) int {
		return strings.Compare(b[len(b)-1], sk)
	})
	return min(i, len(l.blocks)-1)
}

func (l *postingList) add(sk string) {
	if len(l.blocks) == 0 {
		l.blocks = [][]string{{sk}}
		return
	}
	bi := l.block(sk)
	b := l.blocks[bi]
	i, found := slices.BinarySearch(b, sk)
	if found {
		return
	}
	b = slices.Insert(b, i, sk)
	if len(b) <= maxBlock {
		l.blocks[bi] = b
		return
	}
	half := len(b) / 2
	l.blocks[bi] = slices.Clip(b[:half])
	l.blocks = slices.Insert(l.blocks, bi+1, slices.Clone(b[half:]))
}

// del removes sk and reports whether the list is left empty.
func (l *postingList) del(sk string) (empty bool) {
	if len(l.blocks) == 0 {
		return true
	}
	bi := l.block(sk)
	b := l.blocks[bi]
	if i, found := slices.BinarySearch(b, sk); found {
		b = slices.Delete(b, i, i+1)
		if len(b) == 0 {
			l.blocks = slices.Delete(l.blocks, bi, bi+1)
		} else {
			l.blocks[bi] = b
		}
	}
	return len(l.blocks) == 0
}

// each calls fn with the keys in order, or from the last if back, until fn
// returns false.
func (l *postingList) each(back bool, fn func(sk string) bool) {
	if !back {
		for _, b := range l.blocks {
			for _, sk := range b {
				if !fn(sk) {
					return
				}
			}
		}
		return
	}
	for i := len(l.blocks) - 1; i >= 0; i-- {
		b := l.blocks[i]
		for j := len(b) - 1; j >= 0; j-- {
			if !fn(b[j]) {
				return
			}
		}
	}
}
