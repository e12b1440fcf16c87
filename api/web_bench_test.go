package api_test

import (
	"context"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

// BenchmarkExplorerFirstView5k times the explorer in headless Chromium on
// a 5,000-claim store, from navigation to the page's "drawn" signal
// (data-ready, set when the layout stops): the first view (the busiest
// who-addressed-whom pairs) and the view of the busiest speaker.
//
//	go test ./api -run '^$' -bench ExplorerFirstView -benchtime 10x
func BenchmarkExplorerFirstView5k(b *testing.B) {
	const n = 5000
	docs := fixtures.Corpus(benchSeed, n)
	store, err := graph.Open(context.Background(), "memstore", "")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	bulk := make([]graph.Doc, len(docs))
	for i, d := range docs {
		bulk[i] = graph.Doc(d)
	}
	if _, err := store.AddArticles(context.Background(), bulk); err != nil {
		b.Fatalf("load: %v", err)
	}
	srv := httptest.NewServer(api.New(store, api.Options{}))
	b.Cleanup(srv.Close)
	ctx := newBrowser(b)
	top := busiest(docs, func(c schema.Claim) []string {
		var iris []string
		for _, a := range c.Speaker.Actors {
			iris = append(iris, a.IRI)
		}
		return iris
	})
	for _, v := range []struct{ name, path string }{
		{"overview", "/"},
		{"busiest-speaker", "/?" + url.Values{"focus": {top}}.Encode()},
	} {
		b.Run(v.name, func(b *testing.B) {
			var inPage float64
			for b.Loop() {
				if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+v.path), waitReady()); err != nil {
					b.Fatalf("%s: %v\npage text: %s", v.path, err, pageText(ctx))
				}
				ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`+document.body.dataset.drawnMs`))
				if err != nil {
					b.Fatal(err)
				}
				inPage += ms
			}
			// The page's own clock: navigation start to drawn, without
			// the time the test driver takes to start and notice.
			b.ReportMetric(inPage/float64(b.N), "page-ms")
			b.StopTimer()
			nodes, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`cy.nodes().length`))
			failed, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.querySelector("#error").hidden`))
			if nodes == 0 || failed {
				b.Fatalf("%s drew %d nodes; error shown: %v\n%s", v.path, nodes, failed, pageText(ctx))
			}
			b.ReportMetric(float64(nodes), "nodes")
			slow, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`performance.getEntriesByType("resource").filter(e => e.duration > 100).map(e => e.name.replace(location.origin, "") + " " + Math.round(e.startTime) + "+" + Math.round(e.duration) + "ms").concat(["DOMContentLoaded " + Math.round(performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd) + "ms"])`))
			b.Logf("requests over 100 ms (start+duration): %v", slow)
		})
	}
}
