package extract

import "testing"

// TestCueModel checks that the embedded weights load and decide in context:
// a reporting verb the lexicons lack is a cue after a subject and before
// "that"; an ordinary verb or noun is not.
func TestCueModel(t *testing.T) {
	if len(lex.model.w) == 0 || len(lex.model.vocab) == 0 {
		t.Fatal("no cue model weights: run go generate ./extract")
	}
	for _, tc := range []struct {
		text, word string
		cue        bool
	}{
		{"The senator griped that the bill would fail.", "griped", true},
		{"The senator fretted that the bill would fail.", "fretted", true},
		{"The truck crashed into a wall on Monday.", "crashed", false},
		{"Heavy rain flooded the roads.", "flooded", false},
		{"The bread was on the table.", "bread", false},
	} {
		x := newDoc(tc.text)
		k := -1
		for i, tk := range x.toks {
			if tk.lower == tc.word {
				k = i
			}
		}
		if k < 0 {
			t.Fatalf("%q: no token %q", tc.text, tc.word)
		}
		if x.isCue(k) {
			t.Fatalf("%q is in the lexicon: the test needs a word only the model knows", tc.word)
		}
		if _, got := x.modelCue(k); got != tc.cue {
			t.Errorf("%q: modelCue(%q) = %v, want %v (score %.2f)", tc.text, tc.word, got, tc.cue, x.cueScore(k))
		}
	}
}
