package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/schema"
)

// sharedEval finds ../shared/eval next to the repository root (read at run
// time only: PolNeAR texts never enter the repository), or skips.
func sharedEval(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3")
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Skip("no go.mod above the test's directory")
		}
		dir = up
	}
	ev := filepath.Join(filepath.Dir(dir), "shared", "eval")
	if _, err := os.Stat(filepath.Join(ev, "score.py")); err != nil {
		t.Skipf("no %s: %v", filepath.Join(ev, "score.py"), err)
	}
	return ev
}

// scorePy runs `claimgraph extract --format json` on each gold text, as
// run.sh does, then score.py on the lot.
func scorePy(t *testing.T, ev string, flags []string, golds []string) string {
	t.Helper()
	tmp := t.TempDir()
	args := append([]string{filepath.Join(ev, "score.py")}, flags...)
	for i, g := range golds {
		b, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		txt := filepath.Join(tmp, "doc.txt")
		if err := os.WriteFile(txt, []byte(doc.Text), 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		if err := runEnv(context.Background(), []string{"extract", "--format", "json", txt}, testEnv(&out, &errb)); err != nil {
			t.Fatalf("extract %s: %v\n%s", g, err, errb.String())
		}
		pred := filepath.Join(tmp, fmt.Sprintf("%04d.pred.json", i))
		if err := os.WriteFile(pred, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, g, pred)
	}
	cmd := exec.Command("python3", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("score.py: %v\n%s", err, stderr.String())
	}
	return string(out)
}

func goEval(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	if err := runEnv(context.Background(), append([]string{"eval"}, args...), testEnv(&out, &errb)); err != nil {
		t.Fatalf("eval %v: %v\n%s", args, err, errb.String())
	}
	return out.String()
}

// TestEvalAgreesWithScorePy: every figure (and, with -v, every miss and
// spurious line) of `claimgraph eval` equals score.py's on the seed and on
// PolNeAR dev.
func TestEvalAgreesWithScorePy(t *testing.T) {
	ev := sharedEval(t)
	seed := filepath.Join(ev, "seed-gold.json")
	dev, _ := filepath.Glob(filepath.Join(ev, "polnear", "dev", "*.json"))
	sets := map[string][]string{"seed": {seed}}
	if len(dev) > 0 {
		sets["dev"] = dev
		n := min(len(dev), 5)
		sets["dev-few"] = dev[:n]
	}
	for name, golds := range sets {
		for _, flags := range [][]string{nil, {"--json"}, {"-v"}} {
			t.Run(name+strings.Join(flags, ""), func(t *testing.T) {
				want := scorePy(t, ev, flags, golds)
				got := goEval(t, append(append([]string{}, flags...), golds...)...)
				if got != want {
					t.Errorf("claimgraph eval %v differs from score.py:\n got: %s\nwant: %s", flags, got, want)
				}
			})
		}
	}
}

// TestEvalDirectory: a directory is its *.json files in name order, and
// flags may follow the gold files.
func TestEvalDirectory(t *testing.T) {
	ev := sharedEval(t)
	dir := filepath.Join(ev, "polnear", "dev")
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) == 0 {
		t.Skip("no PolNeAR dev")
	}
	if a, b := goEval(t, dir, "--json"), goEval(t, append([]string{"--json"}, files...)...); a != b {
		t.Errorf("directory and file list differ:\n%s\n%s", a, b)
	}
}

// TestEvalNullContent: a gold attribution with a null content (score.py
// crashes on it) is listed as a miss with an empty content.
func TestEvalNullContent(t *testing.T) {
	g := filepath.Join(t.TempDir(), "g.json")
	doc := `{"text": "Nothing here.", "attributions": [{"speaker": "X", "cue": "said", "content": null,
		"speaker_span": [0, 1], "cue_span": [1, 2], "content_span": [2, 3]}]}`
	if err := os.WriteFile(g, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	out := goEval(t, "-v", g)
	if !strings.Contains(out, "  miss: X | said | \n") || !strings.Contains(out, "docs=1 tp=0 fp=0 fn=1 ") {
		t.Errorf("got %q", out)
	}
}

// TestScorerJSONSpeakerless: a claim whose speaker has no span in the text
// (the writer's own) prints its speaker's entities but no start and end, so
// that the scorer counts no speaker span for it; a claim with a speaker span
// keeps both.
func TestScorerJSONSpeakerless(t *testing.T) {
	named := schema.Claim{Speaker: schema.Speaker{Span: schema.Span{Start: 0, End: 3, Text: "Ana"}, Actors: []schema.Actor{{Name: "Ana"}}}}
	writer := schema.Claim{Speaker: schema.Speaker{Actors: []schema.Actor{{Name: "the author"}}}}
	decode := func(claims []schema.Claim) map[string]any {
		b, err := json.Marshal(scorerJSON(claims))
		if err != nil {
			t.Fatal(err)
		}
		var out map[string]any
		if err := json.Unmarshal(b, &out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	claims := decode([]schema.Claim{named, writer})["claims"].([]any)
	sp0 := claims[0].(map[string]any)["speaker"].(map[string]any)
	sp1 := claims[1].(map[string]any)["speaker"].(map[string]any)
	if sp0["start"] != 0.0 || sp0["end"] != 3.0 {
		t.Errorf("named speaker = %v, want start 0 and end 3", sp0)
	}
	if _, ok := sp1["start"]; ok {
		t.Errorf("writer's speaker = %v, want no start", sp1)
	}
	if _, ok := sp1["end"]; ok {
		t.Errorf("writer's speaker = %v, want no end", sp1)
	}
	if ents, _ := sp1["entities"].([]any); len(ents) != 1 {
		t.Errorf("writer's speaker = %v, want its one entity", sp1)
	}
	if empty, _ := decode(nil)["claims"].([]any); empty == nil || len(empty) != 0 {
		t.Errorf("no claims = %v, want an empty list", empty)
	}
}
