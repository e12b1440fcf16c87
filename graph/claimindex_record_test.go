package graph

import (
	"errors"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/schema"
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

// TestDocRoundTrip checks that a claim's doc decodes to the node encoded,
// predicates of the fixed list and others alike, and that a doc cut short
// is refused as malformed.
func TestDocRoundTrip(t *testing.T) {
	n := node{iri: "urn:claimgraph:claim:x", vals: map[string][]quad.Value{
		schema.PredType:         {quad.IRI(schema.TypeClaim)},
		schema.PredSpeaker:      {quad.IRI("urn:claimgraph:actor:b"), quad.IRI("urn:claimgraph:actor:a")},
		schema.PredContent:      {quad.String("the talks “failed”")},
		schema.PredContentStart: {quad.Int(12)},
		schema.PredConfidence:   {quad.Float(0.75)},
		schema.PredNegated:      {quad.Bool(true)},
		schema.PredDate:         {quad.Time(time.Date(2020, 10, 29, 8, 0, 0, 0, time.UTC))},
		"urn:other:predicate":   {quad.LangString{Value: "oui", Lang: "fr"}},
	}}
	n.tidy()
	b, err := encodeDoc(n)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeDoc(n.iri, b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(typedVals(n), typedVals(got)); diff != "" {
		t.Errorf("decoded doc (-encoded +decoded):\n%s", diff)
	}
	for cut := range len(b) {
		if _, err := decodeDoc(n.iri, b[:cut]); !errors.Is(err, errBadRecord) {
			t.Fatalf("a doc cut to %d of %d bytes: error %v, want a malformed record", cut, len(b), err)
		}
	}
	if _, err := decodeDoc(n.iri, append(b, 0)); !errors.Is(err, errBadRecord) {
		t.Errorf("a doc with a byte more: error %v, want a malformed record", err)
	}
}
