package graph

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestRecordRoundTrip encodes a record and decodes it whole and by its
// head, and checks that every cut of its bytes short of a field is refused
// as malformed, never read as a shorter record.
func TestRecordRoundTrip(t *testing.T) {
	rec := ixRecord{iri: "urn:c:1", article: "urn:a:1", start: 42, date: time.Date(2020, 10, 14, 9, 30, 0, 0, time.UTC),
		act: "accuse", speakers: []string{"urn:x:armenia"}, targets: []string{"urn:x:azerbaijan", "urn:x:turkey"},
		events: []string{"urn:e:shelling"}, told: []string{"urn:o:afp"}, keys: [][]byte{[]byte("k1"), []byte("key two")}}
	b := rec.encode()
	got, dk, err := decodeRecord(b)
	if err != nil {
		t.Fatal(err)
	}
	if !dateOf(dk).Equal(rec.date) {
		t.Errorf("date key reads %v, want %v", dateOf(dk), rec.date)
	}
	want := rec
	want.date = time.Time{} // the date comes back as its key only
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(ixRecord{})); diff != "" {
		t.Errorf("decodeRecord (-want +got):\n%s", diff)
	}
	head, _, keys, err := decodeHead(b)
	want.keys = nil
	if err != nil || len(keys) == 0 {
		t.Fatalf("decodeHead: %v, %d bytes of keys", err, len(keys))
	}
	if diff := cmp.Diff(want, head, cmp.AllowUnexported(ixRecord{})); diff != "" {
		t.Errorf("decodeHead (-want +got):\n%s", diff)
	}
	// Cutting inside the last key, or anywhere in the head, is malformed.
	for _, n := range []int{1, 5, 12, 20, len(b) - len(keys) - 1, len(b) - 1} {
		if _, _, err := decodeRecord(b[:n]); !errors.Is(err, errBadRecord) {
			t.Errorf("the first %d of %d bytes: %v, want errBadRecord", n, len(b), err)
		}
	}
}
