package extract

import "testing"

// TestAdverbial checks that "on" before a time or a name opens an adverbial
// and stays out of the cue, and "on" before an object does not.
func TestAdverbial(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Smith focused on Monday that the vote was fair.", true},
		{"Smith focused on Fox News that the vote was fair.", true},
		{"Smith focused on jobs.", false},
	} {
		x := newDoc(tc.text)
		k := 2 // "on"
		if x.toks[k].lower != "on" {
			t.Fatalf("%q: token %d is %q", tc.text, k, x.toks[k].text)
		}
		if got := x.adverbial(k); got != tc.want {
			t.Errorf("%q: adverbial = %v, want %v", tc.text, got, tc.want)
		}
	}
}
