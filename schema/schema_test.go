package schema

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestSlugAndKey(t *testing.T) {
	for _, tc := range []struct{ in, slug, key string }{
		{"Armenia", "armenia", "armenia"},
		{"Russia’s foreign ministry", "russia-s-foreign-ministry", "russia's foreign ministry"},
		{"  Maria   Zakharova ", "maria-zakharova", "maria zakharova"},
		{"Ghazanchetsots (Holy Saviour) Cathedral", "ghazanchetsots-holy-saviour-cathedral", "ghazanchetsots (holy saviour) cathedral"},
		{"Łódź", "łódź", "łódź"},
	} {
		if got := Slug(tc.in); got != tc.slug {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.slug)
		}
		if got := Key(tc.in); got != tc.key {
			t.Errorf("Key(%q) = %q, want %q", tc.in, got, tc.key)
		}
	}
}

func TestIRIs(t *testing.T) {
	iri := IRI(KindActorNode, "armenia")
	if kind, id, ok := SplitIRI(iri); !ok || kind != KindActorNode || id != "armenia" {
		t.Errorf("SplitIRI(%q) = %q %q %v", iri, kind, id, ok)
	}
	for _, bad := range []string{"armenia", "urn:claimgraph:", "urn:claimgraph:actor:", "http://x/y"} {
		if _, _, ok := SplitIRI(bad); ok {
			t.Errorf("SplitIRI(%q) ok", bad)
		}
	}
	a, b := NewArticle("same text", "https://a.example/1"), NewArticle("same text", "https://b.example/2")
	if a.IRI != b.IRI || a.IRI == NewArticle("other text", "").IRI {
		t.Errorf("article IRIs must follow the text alone: %s %s", a.IRI, b.IRI)
	}
	if NewArticle("", "https://a.example/1").IRI == NewArticle("", "https://a.example/2").IRI {
		t.Error("stub articles with different URLs share an IRI")
	}
}

func validClaim() Claim {
	c := Claim{Article: NewArticle("Armenia accused Azerbaijan.", "").IRI,
		Speaker:   Speaker{Span: Span{0, 7, "Armenia"}, Actors: []Actor{NewActor("Armenia", KindCountry)}},
		Cue:       Span{8, 15, "accused"},
		Content:   Span{16, 26, "Azerbaijan"},
		SpeechAct: Accuse, Confidence: 0.9, Review: Unreviewed}
	c.SetID()
	return c
}

func TestClaimID(t *testing.T) {
	a, b := validClaim(), validClaim()
	if a.ID == "" || a.ID != b.ID || a.IRI != IRI(KindClaimNode, a.ID) {
		t.Fatalf("IDs not stable: %q %q", a.ID, b.ID)
	}
	b.Content.Start++
	b.SetID()
	if a.ID == b.ID {
		t.Error("a different span kept the same ID")
	}
}

func TestValidate(t *testing.T) {
	text := "Armenia accused Azerbaijan."
	if err := validClaim().Validate(); err != nil {
		t.Fatal(err)
	}
	if err := validClaim().CheckSpans(text); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, mention string
		change        func(*Claim)
		spans         bool
	}{
		{"no speaker", "no speaker", func(c *Claim) { c.Speaker.Actors = nil }, false},
		{"no content", "no content", func(c *Claim) { c.Content.Text = " " }, false},
		{"bad act", "speech act", func(c *Claim) { c.SpeechAct = "mumble" }, false},
		{"bad confidence", "confidence", func(c *Claim) { c.Confidence = 1.5 }, false},
		{"nameless target", "no name", func(c *Claim) { c.Targets = []Actor{{IRI: "x"}} }, false},
		{"span outside", "outside", func(c *Claim) { c.Content.End = 99 }, true},
		{"span reversed", "outside", func(c *Claim) { c.Cue = Span{9, 8, ""} }, true},
		{"text mismatch", "does not match", func(c *Claim) { c.Cue.Text = "denied" }, true},
	} {
		c := validClaim()
		tc.change(&c)
		err := c.Validate()
		if tc.spans {
			err = c.CheckSpans(text)
		}
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tc.mention) {
			t.Errorf("%s: %v, want ErrInvalid mentioning %q", tc.name, err, tc.mention)
		}
	}
}

func TestArticleValidate(t *testing.T) {
	for _, tc := range []struct {
		a       Article
		mention string
	}{
		{NewArticle("", ""), "neither text nor url"},
		{NewArticle("ok", "ftp://x/y"), "url"},
		{NewArticle("bad \xff", ""), "UTF-8"},
	} {
		if err := tc.a.Validate(); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tc.mention) {
			t.Errorf("%+v: %v, want mention of %q", tc.a, err, tc.mention)
		}
	}
	if err := NewArticle("Armenia said so.", "https://example.org/a").Validate(); err != nil {
		t.Error(err)
	}
}

func TestNormTime(t *testing.T) {
	loc := time.FixedZone("AMT", 4*3600)
	in := time.Date(2020, 10, 9, 14, 30, 0, 123456789, loc)
	got := NormTime(in)
	if got.Location() != time.UTC || got.Nanosecond() != 123457000 || !got.Equal(in.Round(time.Microsecond)) {
		t.Errorf("NormTime(%v) = %v", in, got)
	}
	if !NormTime(time.Time{}).IsZero() {
		t.Error("zero time changed")
	}
}
