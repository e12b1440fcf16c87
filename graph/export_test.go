package graph

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/claimgraph/claimgraph/schema"
)

// dump exports s in format, failing the test on error.
func dump(t testing.TB, s *Store, format, article string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := s.Export(context.Background(), &buf, format, article); err != nil {
		t.Fatalf("Export(%s, %q): %v", format, article, err)
	}
	return buf.Bytes()
}

// load imports a document into s, failing the test on error.
func load(t testing.TB, s *Store, format string, doc []byte) Imported {
	t.Helper()
	n, err := s.Import(context.Background(), bytes.NewReader(doc), format)
	if err != nil {
		t.Fatalf("Import(%s): %v", format, err)
	}
	return n
}

// sortedLines is an N-Quads dump as a sorted list, for comparing graphs.
func sortedLines(b []byte) []string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	slices.Sort(lines)
	return lines
}

// reviewedCorpus stores both corpus articles and a corrected review of c1.
func reviewedCorpus(t *testing.T, s *Store) corpus {
	t.Helper()
	k := newCorpus(t)
	add(t, s, k.a1, k.claims1)
	add(t, s, k.a2, k.claims2)
	rev := schema.Review{Status: schema.Wrong, Reason: "not Armenia", Reviewer: "token:test", Date: at(t, "2020-10-10T10:00:00.123456Z"),
		Correction: &schema.Correction{Speaker: &schema.Speaker{Actors: []schema.Actor{schema.NewActor("Yerevan officials", schema.KindGovernment)}}}}
	if _, _, err := s.Review(context.Background(), k.c1.ID, rev); err != nil {
		t.Fatal(err)
	}
	return k
}

func TestDumpRoundTrip(t *testing.T) { eachBackend(t, testDumpRoundTrip) }

func testDumpRoundTrip(t *testing.T, src *Store) {
	ctx := context.Background()
	k := reviewedCorpus(t, src)
	want := dump(t, src, FormatNQuads, "")
	for _, format := range []string{FormatNQuads, FormatJSONLD} {
		dst := openAt(t, "bolt", filepath.Join(t.TempDir(), format+".bolt"))
		n := load(t, dst, format, dump(t, src, format, ""))
		if n.Articles != 2 || n.Claims != 4 {
			t.Errorf("%s: imported %+v, want 2 articles, 4 claims", format, n)
		}
		if diff := cmp.Diff(sortedLines(want), sortedLines(dump(t, dst, FormatNQuads, ""))); diff != "" {
			t.Errorf("%s: graph after the round trip (-source +copy):\n%s", format, diff)
		}
		if a, b := stats(t, src), stats(t, dst); a != b {
			t.Errorf("%s: stats %+v, source %+v", format, b, a)
		}
		for _, f := range []Filter{{}, {Speaker: "Yerevan officials"}, {Target: "Armenia"}, {Text: "escalation"}} {
			a, err1 := src.Claims(ctx, f)
			b, err2 := dst.Claims(ctx, f)
			if err1 != nil || err2 != nil || !cmp.Equal(a, b) {
				t.Errorf("%s: Claims(%+v) differ: %v %v\n%s", format, f, err1, err2, cmp.Diff(a, b))
			}
		}
		a, _ := src.ReviewedClaim(ctx, k.c1.ID, true)
		b, err := dst.ReviewedClaim(ctx, k.c1.ID, true)
		if err != nil || !cmp.Equal(a, b) {
			t.Errorf("%s: extracted claim differs: %v\n%s", format, err, cmp.Diff(a, b))
		}
		if again := load(t, dst, format, dump(t, src, format, "")); again.Quads != n.Quads || stats(t, dst) != stats(t, src) {
			t.Errorf("%s: a second import changed the store", format)
		}
	}

	// One article's dump brings that article, its claims and their reviews.
	dst := openAt(t, "memstore", "")
	load(t, dst, FormatNQuads, dump(t, src, FormatNQuads, k.a1.ID))
	if st := stats(t, dst); st.Articles != 1 || st.Claims != 2 {
		t.Errorf("stats after one article's dump = %+v, want 1 article, 2 claims", st)
	}
	if got, err := dst.ReviewedClaim(ctx, k.c1.ID, false); err != nil || len(got.Reviews) != 1 || got.Speaker.Actors[0].Name != "Yerevan officials" {
		t.Errorf("reviewed claim from one article's dump: %+v, %v", got, err)
	}
	var buf bytes.Buffer
	wantErr(t, src.Export(ctx, &buf, FormatNQuads, "nope"), schema.ErrNotFound, "nope")
	wantErr(t, src.Export(ctx, &buf, "csv", ""), schema.ErrInvalid, "csv")
}

func TestImportMalformed(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, "memstore", "")
	k := newCorpus(t)
	add(t, s, k.a1, k.claims1)
	before := stats(t, s)
	good := `<urn:claimgraph:actor:x> <https://schema.org/name> "X" <urn:l> .`
	for _, c := range []struct {
		format, doc string
		words       []string
	}{
		{FormatNQuads, good + "\n\n" + `<urn:a> <urn:b> "unterminated <urn:l> .`, []string{"line 3"}},
		{FormatNQuads, good + "\n" + `<urn:a> <urn:b> .`, []string{"line 2"}},
		{FormatJSONLD, "{\n  \"@id\": \"urn:x\",\n  \"https://schema.org/name\": \"X\",\n}", []string{"line 4"}},
		{FormatJSONLD, `{"@graph": [{"@id": "urn:x", "https://schema.org/name": "X"}, {"@id": 5}]}`, []string{"$.@graph[1].@id"}},
		{"turtle", good, []string{"turtle"}},
	} {
		_, err := s.Import(ctx, strings.NewReader(c.doc), c.format)
		wantErr(t, err, schema.ErrInvalid, c.words...)
	}
	if after := stats(t, s); after != before {
		t.Errorf("stats after malformed imports = %+v, want %+v", after, before)
	}
}
