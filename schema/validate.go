package schema

import (
	"fmt"
	"math"
	"net/url"
	"strings"
	"unicode/utf8"
)

// Limits on what one article may hold.
const (
	MaxTextBytes = 2 << 20 // 2 MiB of article text
	MaxClaims    = 10000   // claims in one article
)

// Validate reports the first problem that makes a unusable, wrapped in
// ErrInvalid.
func (a Article) Validate() error {
	if a.Text == "" && a.URL == "" {
		return fmt.Errorf("%w: article has neither text nor url", ErrInvalid)
	}
	if !utf8.ValidString(a.Text) {
		return fmt.Errorf("%w: article text is not valid UTF-8", ErrInvalid)
	}
	if len(a.Text) > MaxTextBytes {
		return fmt.Errorf("%w: article text is %d bytes, more than %d", ErrInvalid, len(a.Text), MaxTextBytes)
	}
	if a.URL != "" {
		u, err := url.Parse(a.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("%w: url %q is not an absolute http(s) URL", ErrInvalid, a.URL)
		}
	}
	for _, f := range []struct{ name, v string }{{"headline", a.Headline}, {"url", a.URL}} {
		if !utf8.ValidString(f.v) || strings.ContainsRune(f.v, 0) {
			return fmt.Errorf("%w: article %s is not valid text", ErrInvalid, f.name)
		}
	}
	if a.Outlet != nil && strings.TrimSpace(a.Outlet.Name) == "" {
		return fmt.Errorf("%w: article outlet has no name", ErrInvalid)
	}
	if a.IRI == "" {
		return fmt.Errorf("%w: article has no IRI", ErrInvalid)
	}
	return nil
}

// Validate reports the first problem that makes c unusable, wrapped in
// ErrInvalid. It checks c on its own; CheckSpans checks it against the text.
func (c Claim) Validate() error {
	id := c.ID
	if id == "" {
		id = c.Content.Text
	}
	switch {
	case c.IRI == "":
		return fmt.Errorf("%w: claim %q has no IRI", ErrInvalid, id)
	case c.Article == "":
		return fmt.Errorf("%w: claim %q has no article", ErrInvalid, id)
	case len(c.Speaker.Actors) == 0:
		return fmt.Errorf("%w: claim %q has no speaker", ErrInvalid, id)
	case strings.TrimSpace(c.Content.Text) == "":
		return fmt.Errorf("%w: claim %q has no content", ErrInvalid, id)
	case !c.SpeechAct.Valid():
		return fmt.Errorf("%w: claim %q: speech act %q is not one of %v", ErrInvalid, id, c.SpeechAct, SpeechActs)
	case c.Confidence < 0 || c.Confidence > 1:
		return fmt.Errorf("%w: claim %q: confidence %v is outside [0, 1]", ErrInvalid, id, c.Confidence)
	}
	for _, a := range append(append([]Actor(nil), c.Speaker.Actors...), c.Targets...) {
		if strings.TrimSpace(a.Name) == "" || a.IRI == "" {
			return fmt.Errorf("%w: claim %q names an actor with no name", ErrInvalid, id)
		}
	}
	if c.Outlet != nil && (c.Outlet.Name == "" || c.Outlet.IRI == "") {
		return fmt.Errorf("%w: claim %q has an outlet with no name", ErrInvalid, id)
	}
	for _, q := range c.Quantities {
		if q.Measure == "" || math.IsNaN(q.Value) || math.IsInf(q.Value, 0) {
			return fmt.Errorf("%w: claim %q has a quantity with no measure or no finite value", ErrInvalid, id)
		}
	}
	if c.Event != nil && (c.Event.Label == "" || c.Event.IRI == "") {
		return fmt.Errorf("%w: claim %q has an event with no label", ErrInvalid, id)
	}
	return nil
}

// CheckSpans reports a span of c that is malformed or lies outside text
// (measured in code points), and a span whose Text disagrees with text. Empty
// spans (0, 0) are allowed: a hand-entered claim may have none.
func (c Claim) CheckSpans(text string) error {
	n := utf8.RuneCountInString(text)
	runes := []rune(text)
	type named struct {
		name string
		s    Span
	}
	spans := []named{{"speaker", c.Speaker.Span}, {"cue", c.Cue}, {"content", c.Content}, {"sentence", c.Sentence}}
	for i, q := range c.Quantities {
		spans = append(spans, named{fmt.Sprintf("quantities[%d]", i), q.Span})
	}
	for _, f := range spans {
		if f.s.Start == 0 && f.s.End == 0 {
			continue
		}
		if f.s.Start < 0 || f.s.End < f.s.Start || f.s.End > n {
			return fmt.Errorf("%w: claim %s span [%d, %d) is outside the article's %d code points",
				ErrInvalid, f.name, f.s.Start, f.s.End, n)
		}
		if f.s.Text != "" && string(runes[f.s.Start:f.s.End]) != f.s.Text {
			return fmt.Errorf("%w: claim %s text %q does not match the article at [%d, %d)",
				ErrInvalid, f.name, f.s.Text, f.s.Start, f.s.End)
		}
	}
	return nil
}
