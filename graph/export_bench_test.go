package graph

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/fixtures"
)

// benchDocs is a synthetic corpus of about n claims as Docs.
func benchDocs(n int) []Doc {
	var out []Doc
	for _, d := range fixtures.Corpus(1, n) {
		out = append(out, Doc{Article: d.Article, Claims: d.Claims})
	}
	return out
}

// BenchmarkRestore compares restoring a store from an N-Quads dump with
// re-ingesting the same articles (AddArticles), both into a new bolt file,
// and measures the export. Compare the ns/op of import and reingest.
func BenchmarkRestore(b *testing.B) {
	ctx := context.Background()
	docs := benchDocs(2000)
	src := openAt(b, "memstore", "")
	if _, err := src.AddArticles(ctx, docs); err != nil {
		b.Fatal(err)
	}
	var dump bytes.Buffer
	if err := src.Export(ctx, &dump, FormatNQuads, ""); err != nil {
		b.Fatal(err)
	}
	quads := float64(stats(b, src).Quads)
	b.Run("export-nquads", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			if err := src.Export(ctx, &buf, FormatNQuads, ""); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(quads*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
	})
	b.Run("import-bolt", func(b *testing.B) {
		for b.Loop() {
			dst := openAt(b, "bolt", filepath.Join(b.TempDir(), "restore.bolt"))
			if _, err := dst.Import(ctx, bytes.NewReader(dump.Bytes()), FormatNQuads); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(quads*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
	})
	b.Run("reingest-bolt", func(b *testing.B) {
		for b.Loop() {
			dst := openAt(b, "bolt", filepath.Join(b.TempDir(), "reingest.bolt"))
			if _, err := dst.AddArticles(ctx, docs); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(quads*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
	})
}
