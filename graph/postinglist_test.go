package graph

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// TestPostingList: random adds and deletes, enough to split blocks and
// empty them, leave the list what a sorted set would hold, both ways.
func TestPostingList(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var l postingList
	set := map[string]bool{}
	for i := range 20000 {
		sk := fmt.Sprintf("%05d", r.IntN(6000))
		if r.IntN(3) == 0 {
			delete(set, sk)
			if empty := l.del(sk); empty != (len(set) == 0) {
				t.Fatalf("op %d: del says empty %v with %d left", i, empty, len(set))
			}
		} else {
			set[sk] = true
			l.add(sk)
		}
	}
	want := make([]string, 0, len(set))
	for sk := range set {
		want = append(want, sk)
	}
	slices.Sort(want)
	var got, back []string
	l.each(false, func(sk string) bool { got = append(got, sk); return true })
	l.each(true, func(sk string) bool { back = append(back, sk); return true })
	slices.Reverse(back)
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("forward (-want +got):\n%s", diff)
	}
	if diff := gocmp.Diff(want, back); diff != "" {
		t.Errorf("backward (-want +got):\n%s", diff)
	}
	if len(l.blocks) < 2 {
		t.Errorf("%d blocks for %d keys: no split was tested", len(l.blocks), len(want))
	}
	var first []string
	l.each(false, func(sk string) bool { first = append(first, sk); return len(first) < 3 })
	if !slices.Equal(first, want[:3]) {
		t.Errorf("stopping after 3: %v, want %v", first, want[:3])
	}
}
