package score

import (
	"encoding/json"
	"testing"
)

func TestNorm(t *testing.T) {
	for in, want := range map[string]string{
		"The Kremlin":   "kremlin",
		"  an  Agency ": "agency",
		"Russia’s":      "russia",
		"a":             "a",
		"Theresa":       "theresa",
	} {
		if got := Norm(in); got != want {
			t.Errorf("Norm(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPyFloat(t *testing.T) {
	for in, want := range map[float64]string{1: "1.0", 0: "0.0", 0.5: "0.5", 0.6256: "0.626", 0.0625: "0.062", 2.0 / 3: "0.667"} {
		if got := pyFloat(round(in)); got != want {
			t.Errorf("pyFloat(round(%v)) = %s, want %s", in, got, want)
		}
	}
}

func decode(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestDoc(t *testing.T) {
	// "Smith said the plan failed." and a second, optional attribution.
	gold := decode(t, `{"text": "Smith said the plan failed. Jones thinks so.", "attributions": [
		{"speaker": "Smith", "cue": "said", "content": "the plan failed", "speaker_span": [0, 5], "cue_span": [6, 10], "content_span": [11, 26]},
		{"speaker": "Jones", "cue": "thinks", "content": null, "speaker_span": [28, 33], "cue_span": [34, 40], "content_span": [41, 43], "required": false}]}`)
	pred := decode(t, `{"claims": [
		{"speaker": {"start": 0, "end": 5, "text": "Smith"}, "cue": {"start": 6, "end": 10}, "content": {"start": 11, "end": 22}},
		{"speaker": {"start": 28, "end": 33}, "cue": {"start": 34, "end": 40}, "content": {"start": 41, "end": 43}}]}`)
	r := Doc(gold, pred)
	if c := r.Counts; c.TP != 1 || c.FP != 0 || c.FN != 0 || c.OptionalMatched != 1 || c.SpeakerExact != 2 || c.ContentExact != 1 {
		t.Errorf("counts %+v", c)
	}
	var tot Totals
	tot.Add(r)
	// score.py's line for the same two files.
	want := "docs=1 tp=1 fp=0 fn=0 precision=1.0 recall=1.0 f1=1.0 speaker_exact=1.0 content_exact=0.5 content_dice=0.833 " +
		"target_acc=None outlet_acc=None speech_act_acc=None speaker_entity_acc=None speaker_exact_f1=1.0 speaker_loose_f1=1.0 " +
		"cue_exact_f1=1.0 cue_loose_f1=1.0 content_exact_f1=0.0 content_loose_f1=1.0"
	if got := Line(tot.Figures()); got != want {
		t.Errorf("line\n%s\nwant\n%s", got, want)
	}
	// Nothing predicted: the required attribution is a miss; a null
	// content (score.py crashes on it) prints as "".
	gold["attributions"].([]any)[0].(map[string]any)["content"] = nil
	r = Doc(gold, map[string]any{"claims": []any{}})
	if len(r.Misses) != 1 || r.Misses[0] != "Smith | said | " {
		t.Errorf("misses %q", r.Misses)
	}
}
