package graph

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/schema"
)

// TestTop: the heap's first cells are those of a full sort, in its order,
// ties of count included, for limits below, at and above the cells' number.
func TestTop(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var all []counted
	for i := range 500 {
		all = append(all, counted{relKey{fmt.Sprint("s", r.IntN(20)), fmt.Sprint("t", i), schema.Accuse}, r.IntN(6)})
	}
	sorted := slices.Clone(all)
	slices.SortFunc(sorted, byRank)
	for _, limit := range []int{0, 1, 7, 200, 499, 500, 800} {
		got := top(slices.Clone(all), limit)
		want := sorted[:min(limit, len(sorted))]
		if diff := gocmp.Diff(want, got, gocmp.AllowUnexported(counted{}, relKey{})); diff != "" {
			t.Errorf("top %d (-sorted +heap):\n%s", limit, diff)
		}
	}
}
