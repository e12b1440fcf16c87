package api

import (
	"fmt"
	"testing"
)

// TestAnswerCacheBounds: the cache holds at most its size, drops the answer
// served least recently first, serves nothing of another generation, and
// forgets everything when the generation moves on.
func TestAnswerCacheBounds(t *testing.T) {
	const size = 1000
	ac := newAnswerCache(size)
	body := make([]byte, 90)
	for i := range 100 {
		ac.keep(fmt.Sprint("/v1/claims?n=", i), 1, body)
		if ac.size > size || len(ac.entries) != ac.lru.Len() {
			t.Fatalf("after %d answers: %d bytes (at most %d), %d entries in the map, %d in the list", i+1, ac.size, size, len(ac.entries), ac.lru.Len())
		}
	}
	ac = newAnswerCache(size)
	for i := range 10 {
		ac.keep(fmt.Sprint("/v1/claims?n=", i), 1, body[:80])
	}
	if _, ok := ac.get("/v1/claims?n=0", 1); !ok {
		t.Fatal("answer 0 not kept")
	}
	ac.keep("/v1/claims?n=10", 1, body[:80]) // full: the least recently served (1) goes
	if _, ok := ac.get("/v1/claims?n=1", 1); ok {
		t.Error("answer 1, served least recently, still kept")
	}
	for _, n := range []int{0, 2, 10} {
		if _, ok := ac.get(fmt.Sprint("/v1/claims?n=", n), 1); !ok {
			t.Errorf("answer %d dropped", n)
		}
	}
	if _, ok := ac.get("/v1/claims?n=0", 2); ok {
		t.Error("an answer of generation 1 served at generation 2")
	}
	ac.keep("/v1/claims?n=0", 0, body[:80]) // read before the last write seen: not kept
	ac.keep("/v1/claims?n=big", 1, make([]byte, size/8+1))
	if _, ok := ac.get("/v1/claims?n=big", 1); ok {
		t.Error("an answer of more than an eighth of the cache kept")
	}
	ac.keep("/v1/claims?n=new", 2, body[:80])
	if len(ac.entries) != 1 || ac.size != len("/v1/claims?n=new")+80 {
		t.Errorf("after a new generation: %d answers, %d bytes; want only the new one", len(ac.entries), ac.size)
	}
	var none *answerCache // what newAnswerCache gives when turned off
	none.keep("/v1/claims", 1, body)
	if _, ok := none.get("/v1/claims", 1); ok || newAnswerCache(-1) != nil {
		t.Error("a cache turned off keeps answers")
	}
}
