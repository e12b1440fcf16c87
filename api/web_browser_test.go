package api_test

import (
	"context"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/schema"
)

// screenshots names a directory for the README's pictures of the explorer:
// go test ./api -run ExplorerInBrowser -args -screenshots=../docs
var screenshots = flag.String("screenshots", "", "write the explorer's graph.png and claim.png to this directory")

// secondArticle has an accusation the extractor finds, about another town
// than the seed's, so its claim is new to the page.
const secondArticle = "YEREVAN, Oct 12 (Reuters) - Armenia's defence ministry accused Azerbaijan of shelling " +
	"the town of Martuni overnight, despite the truce agreed in Moscow. Azerbaijan's foreign ministry " +
	"denied the charge and said Armenian forces had fired first."

// TestExplorerInBrowser walks the explorer on the seed the way a reader
// does: search, expand, read a claim, filter, add an article. It reads the
// page through its list of claims, which shows what the graph draws.
func TestExplorerInBrowser(t *testing.T) {
	ctx := newBrowser(t)
	s := newSeeded(t, graph.QueryOptions{})
	cathedral := seedCathedral(t, s)
	problems := consoleProblems(t, ctx)
	step := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		start := time.Now()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v\npage text: %s", name, err, pageText(ctx))
		}
		t.Logf("%s: %v", name, time.Since(start).Round(time.Millisecond))
	}
	step("first view", chromedp.Navigate(s.URL+"/"), waitReady(),
		waitFor(`cy.nodes().length > 0`),
		waitFor(`document.querySelector("#busiest").innerText.includes("Armenia")`))

	step("search", chromedp.SendKeys(chromedp.CSS("#q"), "Armenia"),
		chromedp.Click(chromedp.CSS("#search button")), waitReady(),
		waitFor(`location.search.includes("focus=urn%3Aclaimgraph%3Aactor%3Aarmenia")`),
		waitFor(listHas("Ghazanchetsots")))
	if n := evalInt(t, ctx, `cy.nodes('[type="claim"]').length`); n != evalInt(t, ctx, `document.querySelectorAll("#claims button").length`) {
		t.Errorf("graph has %d claims, list %d", n, evalInt(t, ctx, `document.querySelectorAll("#claims button").length`))
	}

	// Expanding Azerbaijan brings in what it said: its denial is not Armenia's.
	step("expand", clickNode(cathedral.Targets[0].IRI), waitReady(),
		waitFor(`new URLSearchParams(location.search).getAll("focus").length === 2`),
		waitFor(listHas("any fatalities among its troops")))

	step("open claim", chromedp.Click(chromedp.Search(`//ul[@id="claims"]//button[contains(., "Ghazanchetsots")]`)),
		chromedp.WaitVisible(chromedp.CSS("#panel")))
	checkPanel(t, ctx, cathedral)
	shoot(t, ctx, "claim.png")

	step("filter", chromedp.Evaluate[chromedp.Void](`act.value = "accuse", act.dispatchEvent(new Event("change", {bubbles: true}))`),
		waitReady(), waitFor(`location.search.includes("act=accuse")`),
		waitFor(`[...document.querySelectorAll("#claims button")].every(b => b.dataset.act === "accuse")`))
	if acts := evalStrings(t, ctx, `cy.nodes('[type="claim"]').map(n => n.data("act"))`); len(acts) == 0 || strings.Count(strings.Join(acts, ","), "accuse") != len(acts) {
		t.Errorf("after filtering to accusations the graph's claims are %v", acts)
	}
	if !evalBool(t, ctx, listHas("Ghazanchetsots")) {
		t.Errorf("the cathedral accusation is gone after filtering to accusations")
	}
	shoot(t, ctx, "graph.png")

	// The list is the keyboard's way in: arrows move, Enter opens.
	step("keyboard", chromedp.Focus(chromedp.CSS("#claims button")), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter),
		waitFor(`document.activeElement === document.querySelectorAll("#claims button")[1]`),
		waitFor(`document.querySelectorAll("#claims button")[1].getAttribute("aria-current") === "true"`))
	if got, want := evalString(t, ctx, `document.querySelector("#sentence mark").textContent`),
		evalString(t, ctx, `document.querySelectorAll("#claims button")[1].querySelector(".content").textContent`); got != want {
		t.Errorf("Enter on the second claim opened %q, want %q", got, want)
	}

	step("hide articles", chromedp.Click(chromedp.CSS("#hide-articles")), waitReady(),
		waitFor(`location.search.includes("hide=articles")`),
		waitFor(`cy.nodes('[type="article"]').length === 0 && cy.nodes('[type="claim"]').length > 0`))
	step("back", chromedp.NavigateBack(), waitReady(),
		waitFor(`!location.search.includes("hide=articles") && !document.querySelector("#hide-articles").checked`),
		waitFor(`cy.nodes('[type="article"]').length > 0`))

	step("open dialog", chromedp.Click(chromedp.CSS("#open-ingest")))
	step("text", chromedp.SetValue(chromedp.CSS(`#ingest textarea`), secondArticle))
	step("outlet", chromedp.SetValue(chromedp.CSS(`#ingest input[name=outlet]`), "Reuters"))
	step("date", chromedp.SetValue(chromedp.CSS(`#ingest input[name=published]`), "2020-10-12"))
	step("ingest", chromedp.Click(chromedp.Search(`//dialog//button[contains(., "Extract")]`)),
		waitFor(`document.querySelector("#ingest-status").innerText.includes("stored")`),
		waitReady(), waitFor(listHas("Martuni")))
	marks := evalStrings(t, ctx, `[...document.querySelectorAll("#ingest-text mark")].map(m => m.textContent)`)
	if len(marks) == 0 || !strings.Contains(strings.Join(marks, "|"), "Martuni") {
		t.Errorf("the pasted article's claims are not highlighted in it: %q", marks)
	}
	if !evalBool(t, ctx, listHas("Ghazanchetsots")) {
		t.Errorf("adding an article dropped the claims already in view")
	}
	if p := problems(); len(p) > 0 {
		t.Errorf("the page logged errors:\n%s", strings.Join(p, "\n"))
	}
}

// TestExplorerErrorsInBrowser: what the API refuses is shown on the page,
// and a search that names nothing says so.
func TestExplorerErrorsInBrowser(t *testing.T) {
	ctx := newBrowser(t)
	s := newSeeded(t, graph.QueryOptions{})
	err := chromedp.Do(ctx, chromedp.Navigate(s.URL+"/?focus=urn:claimgraph:actor:armenia&from=last+week"), waitReady(),
		waitFor(`!document.querySelector("#error").hidden`))
	if err != nil {
		t.Fatalf("bad date: %v\npage text: %s", err, pageText(ctx))
	}
	if msg := evalString(t, ctx, `document.querySelector("#error").textContent`); !strings.Contains(msg, "from") || !strings.Contains(msg, "last week") {
		t.Errorf("error shown = %q, want the API's message about from", msg)
	}
	err = chromedp.Do(ctx, chromedp.Navigate(s.URL+"/"), waitReady(),
		chromedp.SendKeys(chromedp.CSS("#q"), "xylophone"), chromedp.Click(chromedp.CSS("#search button")), waitReady(),
		waitFor(`location.search.includes("q=xylophone")`),
		waitFor(`document.querySelector("#status").textContent.includes("No claims")`))
	if err != nil {
		t.Fatalf("search for nothing: %v\npage text: %s", err, pageText(ctx))
	}
	if !evalBool(t, ctx, `document.querySelector("#error").hidden`) {
		t.Errorf("a search that finds nothing shows an error: %s", evalString(t, ctx, `document.querySelector("#error").textContent`))
	}
}

// seedCathedral is the seed's accusation over the cathedral, from the API.
func seedCathedral(t *testing.T, s testServer) schema.Claim {
	t.Helper()
	code, b := s.do(t, "GET", "/v1/search?q=Ghazanchetsots", "")
	var hits graph.Hits
	decode(t, b, &hits)
	c, ok := cathedral(hits.Claims)
	if code != http.StatusOK || !ok || len(c.Targets) == 0 {
		t.Fatalf("no cathedral claim with a target in the seed: %d %s", code, b)
	}
	return c
}

// checkPanel checks the side panel shows c: the sentence whole, the
// content highlighted, the speaker and target, and links to the JSON.
func checkPanel(t *testing.T, ctx context.Context, c schema.Claim) {
	t.Helper()
	if got := evalString(t, ctx, `document.querySelector("#sentence").textContent`); got != c.Sentence.Text {
		t.Errorf("panel sentence = %q, want %q", got, c.Sentence.Text)
	}
	if got := evalString(t, ctx, `document.querySelector("#sentence mark").textContent`); got != c.Content.Text {
		t.Errorf("highlighted = %q, want the content %q", got, c.Content.Text)
	}
	facts := evalString(t, ctx, `document.querySelector("#facts").innerText`)
	for _, want := range []string{c.Speaker.Actors[0].Name, c.Targets[0].Name, "accuse", c.Event.Label} {
		if !strings.Contains(facts, want) {
			t.Errorf("panel facts lack %q:\n%s", want, facts)
		}
	}
	links := evalStrings(t, ctx, `[...document.querySelectorAll("#links a")].map(a => a.getAttribute("href"))`)
	if want := []string{"/v1/claims/" + c.ID, "/v1/articles/" + c.Article[strings.LastIndex(c.Article, ":")+1:]}; strings.Join(links, " ") != strings.Join(want, " ") {
		t.Errorf("panel links = %v, want %v", links, want)
	}
}

// waitReady waits for the page to say it has drawn what it loaded.
func waitReady() chromedp.Action[chromedp.Void] {
	return waitFor(`document.body.dataset.ready === "true"`)
}

// listHas is a condition: the list of claims in view shows text.
func listHas(text string) string {
	return `document.querySelector("#claims").innerText.includes(` + jsString(text) + `)`
}

// clickNode clicks a node of the graph with the mouse, where it is drawn.
func clickNode(iri string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		xy, err := chromedp.Evaluate[[]float64](`(() => { const p = cy.getElementById(`+jsString(iri)+`).renderedPosition(),
			r = cy.container().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; })()`)(ctx, t)
		if err != nil {
			return err
		}
		_, err = chromedp.MouseClickXY(xy[0], xy[1])(ctx, t)
		return err
	})
}

// shoot writes a screenshot of the page when -screenshots names a directory.
func shoot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if *screenshots == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(*screenshots, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// consoleProblems collects what the page logs as an error or throws: a
// script error, or a request the Content-Security-Policy refused.
func consoleProblems(t *testing.T, ctx context.Context) func() []string {
	t.Helper()
	var mu sync.Mutex
	var out []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				mu.Lock()
				out = append(out, string(m.Type)+": "+m.Text)
				mu.Unlock()
			}
		}
	}()
	return func() []string { mu.Lock(); defer mu.Unlock(); return append([]string(nil), out...) }
}

func evalString(t *testing.T, ctx context.Context, js string) string { return eval[string](t, ctx, js) }
func evalStrings(t *testing.T, ctx context.Context, js string) []string {
	return eval[[]string](t, ctx, js)
}
func evalInt(t *testing.T, ctx context.Context, js string) int   { return eval[int](t, ctx, js) }
func evalBool(t *testing.T, ctx context.Context, js string) bool { return eval[bool](t, ctx, js) }

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// TestExplorerTokenInBrowser: on a server that wants a token, the article
// form asks for it after the first 401, says when it is wrong, sends it as
// a bearer token, and keeps it for the tab (sessionStorage) across a reload.
func TestExplorerTokenInBrowser(t *testing.T) {
	ctx := newBrowser(t)
	s := newServer(t, api.Options{Token: "s3cret"})
	status := `document.querySelector("#ingest-status").innerText`
	submit := chromedp.Click(chromedp.Search(`//dialog//button[contains(., "Extract")]`))
	err := chromedp.Do(ctx, chromedp.Navigate(s.URL+"/"), waitReady(),
		waitFor(`document.querySelector("#token-row").hidden`),
		chromedp.Click(chromedp.CSS("#open-ingest")),
		chromedp.SetValue(chromedp.CSS(`#ingest textarea`), secondArticle), submit,
		waitFor(status+`.includes("needs a token")`),
		waitFor(`!document.querySelector("#token-row").hidden && document.activeElement.id === "ingest-token"`),
		chromedp.SetValue(chromedp.CSS("#ingest-token"), "wrong"), submit,
		waitFor(status+`.includes("refused this token")`),
		chromedp.SetValue(chromedp.CSS("#ingest-token"), "s3cret"), submit,
		waitFor(status+`.includes("stored")`), waitReady(), waitFor(listHas("Martuni")))
	if err != nil {
		t.Fatalf("posting with a token: %v\npage text: %s", err, pageText(ctx))
	}
	if st, err := s.store.Stats(t.Context()); err != nil || st.Articles != 1 {
		t.Errorf("store after the form: %+v %v, want the one article", st, err)
	}
	err = chromedp.Do(ctx, chromedp.Reload(), waitReady(),
		waitFor(`!document.querySelector("#token-row").hidden && document.querySelector("#ingest-token").value === "s3cret"`))
	if err != nil {
		t.Fatalf("the token is not kept across a reload: %v", err)
	}
	if got := evalString(t, ctx, `location.href + " " + localStorage.length + " " + document.cookie`); strings.Contains(got, "s3cret") {
		t.Errorf("the token leaked into the URL, localStorage or a cookie: %s", got)
	}
}
