package api_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/claimgraph/claimgraph/graph"
)

// chromiumPath is Debian's Chromium, which CI installs.
const chromiumPath = "/usr/bin/chromium"

// newBrowser starts a headless Chromium with a fresh profile and no
// background traffic, or skips the test when there is none (fails on CI).
func newBrowser(t testing.TB) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no browser at %s on CI: %v", chromiumPath, err)
		}
		t.Skipf("no browser at %s (apt-get install chromium): %v", chromiumPath, err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTime(); cancelCtx(); cancelAlloc() })
	return ctx
}

// uiQuery is what the browser runs: the accusations of the seed, tagged so
// Visualize can draw them as edges from accuser to accused.
const uiQuery = `g.V("<urn:claimgraph:actor:armenia>").tag("source").in("<https://schema.org/author>").has("<http://claimgraph.org/ns#speechAct>", "accuse").tag("claim").out("<http://claimgraph.org/ns#target>").tag("target").all()`

// TestCayleyUIInBrowser loads Cayley's web UI from our server in Chromium,
// puts a Gizmo query in its (local) Monaco editor, runs it and waits for the
// seed's accusation in the results; then draws it in Visualize.
func TestCayleyUIInBrowser(t *testing.T) {
	ctx := newBrowser(t)
	s := newSeeded(t, graph.QueryOptions{})
	err := chromedp.Do(ctx,
		chromedp.Navigate(s.URL+"/cayley/"),
		chromedp.WaitVisible(chromedp.CSS(".monaco-editor")),
		setEditor(uiQuery),
		chromedp.Click(chromedp.Search(`//button[contains(., "Run")]`)),
		// The results are a read-only Monaco editor, which renders only the
		// lines in view: look for the first claim on the page, and for the
		// cathedral's accused in the editor's model.
		waitFor(`document.querySelector("main").innerText.includes("urn:claimgraph:claim:")`),
		waitFor(`monaco.editor.getModels().some(m => m.getValue().includes('"@id": "urn:claimgraph:actor:azerbaijan"'))`),
	)
	if err != nil {
		t.Fatalf("query view: %v\npage text: %s", err, pageText(ctx))
	}
	results, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil || !strings.Contains(results, "urn:claimgraph:claim:") {
		t.Errorf("results lack the claims (%v):\n%s", err, results)
	}
	// Offline means nothing from elsewhere: every script, style and worker
	// the page asked for (loaded or failed) came from this server.
	foreign, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`performance.getEntriesByType("resource").map(e => e.name).filter(n => !n.startsWith(location.origin))`))
	if err != nil || len(foreign) > 0 {
		t.Errorf("resources from elsewhere (%v): %v", err, foreign)
	}
	t.Run("Visualize", func(t *testing.T) { testVisualize(t, ctx) })
}

// setEditor puts text in every Monaco editor of the page, through Monaco's
// own API: typed keys would meet its auto-closing brackets and quotes.
func setEditor(text string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Evaluate[bool](`monaco.editor.getModels().forEach(m => m.setValue(`+jsString(text)+`)), true`)(ctx, t)
		return err
	})
}

// waitFor polls a JavaScript condition until it holds.
func waitFor(cond string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(20*time.Second))(ctx, t)
		return err
	})
}

// testVisualize switches the UI to Visualize, runs the same query and
// waits for the graph to be drawn: one circle a node, from the results'
// "source" and "target" tags.
func testVisualize(t *testing.T, ctx context.Context) {
	err := chromedp.Do(ctx,
		chromedp.Click(chromedp.Search(`//*[contains(@class, "mdc-list-item") and contains(., "Visualize")]`)),
		chromedp.WaitVisible(chromedp.CSS(".monaco-editor")),
		setEditor(uiQuery),
		chromedp.Click(chromedp.Search(`//button[contains(., "Run")]`)),
		// Armenia and Azerbaijan: the seed's accuser and its accused.
		waitFor(`document.querySelectorAll("main svg circle").length >= 2`),
	)
	if err != nil {
		t.Fatalf("visualize: %v\npage text: %s", err, pageText(ctx))
	}
	nodes, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("main svg circle").length`))
	t.Logf("Visualize drew %d nodes (%v)", nodes, err)
}

// pageText is the page's visible text, for failure messages.
func pageText(ctx context.Context) string {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		return "(unavailable: " + err.Error() + ")"
	}
	return text
}

// jsString quotes s for JavaScript.
func jsString(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}

// TestCayleyUIWriteInBrowser: with --cayley-writes, the UI's Write view
// stores N-Quads that a query then finds.
func TestCayleyUIWriteInBrowser(t *testing.T) {
	ctx := newBrowser(t)
	s := newSeeded(t, graph.QueryOptions{Writes: true})
	err := chromedp.Do(ctx,
		chromedp.Navigate(s.URL+"/cayley/"),
		chromedp.Click(chromedp.Search(`//*[contains(@class, "mdc-list-item") and contains(., "Write")]`)),
		chromedp.WaitVisible(chromedp.CSS(".monaco-editor")),
		setEditor(`<urn:t:a> <urn:t:p> <urn:t:b> .`),
		chromedp.Click(chromedp.Search(`//button[contains(., "Run")]`)),
	)
	if err != nil {
		t.Fatalf("write view: %v\npage text: %s", err, pageText(ctx))
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, body, _ := s.query(t, "POST", "/api/v2/query?lang=gizmo", "", `g.V("<urn:t:a>").out("<urn:t:p>").all()`)
		if strings.Contains(body, "urn:t:b") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the quad written in the UI is not in the store: %s\npage text: %s", body, pageText(ctx))
		}
		time.Sleep(100 * time.Millisecond)
	}
}
