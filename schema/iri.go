package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Node kinds, the second part of an instance IRI.
const (
	KindArticleNode = "article"
	KindClaimNode   = "claim"
	KindActorNode   = "actor"
	KindOutletNode  = "outlet"
	KindEventNode   = "event"
	KindQuantNode   = "quantity"
)

// IRI returns the instance IRI of a node: urn:claimgraph:<kind>:<id>.
func IRI(kind, id string) string { return IDBase + kind + ":" + id }

// SplitIRI is the inverse of IRI; ok is false for an IRI that is not ours.
func SplitIRI(iri string) (kind, id string, ok bool) {
	rest, found := strings.CutPrefix(iri, IDBase)
	if !found {
		return "", "", false
	}
	kind, id, ok = strings.Cut(rest, ":")
	return kind, id, ok && kind != "" && id != ""
}

// Slug turns a name into an ID: lower case, letters and digits, runs of
// anything else folded to one '-'. "Russia’s foreign ministry" becomes
// "russia-s-foreign-ministry".
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

// Key is the case-insensitive lookup form of a name or alias.
func Key(name string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(name, "’", "'"))), " ")
}

// hashHex returns the first n hex digits of the SHA-256 of the parts, joined
// by a separator that cannot occur in text.
func hashHex(n int, parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:n]
}

// NewActor returns an actor whose ID and IRI derive from its name.
func NewActor(name string, kind ActorKind) Actor {
	id := Slug(name)
	return Actor{ID: id, IRI: IRI(KindActorNode, id), Name: name, Kind: kind}
}

// NewOutlet returns an outlet whose ID and IRI derive from its name.
func NewOutlet(name string) Outlet {
	id := Slug(name)
	return Outlet{ID: id, IRI: IRI(KindOutletNode, id), Name: name}
}

// NewEvent returns an event whose ID and IRI derive from its label, so the
// same wording in another article maps to the same node.
func NewEvent(label string) Event {
	id := Slug(label)
	return Event{ID: id, IRI: IRI(KindEventNode, id), Label: label}
}

// NewArticle returns an article identified by the hash of its text; a stub
// (no text) is identified by the hash of its URL. The same text always gives
// the same IRI, whatever URL or headline comes with it.
func NewArticle(text, url string) Article {
	a := Article{Text: text, URL: url}
	if text != "" {
		a.Hash = hashHex(64, text)
	} else {
		a.Hash = hashHex(64, "url", url)
	}
	a.ID = a.Hash[:16]
	a.IRI = IRI(KindArticleNode, a.ID)
	return a
}

// SetID gives c its stable ID and IRI, from its article, its spans, its
// content and its speakers: the same claim extracted twice gets the same IRI.
func (c *Claim) SetID() {
	parts := []string{c.Article,
		strconv.Itoa(c.Speaker.Start), strconv.Itoa(c.Speaker.End),
		strconv.Itoa(c.Cue.Start), strconv.Itoa(c.Cue.End),
		strconv.Itoa(c.Content.Start), strconv.Itoa(c.Content.End),
		c.Content.Text, c.Speaker.Text, string(c.SpeechAct)}
	for _, a := range c.Speaker.Actors {
		parts = append(parts, a.IRI)
	}
	c.ID = hashHex(16, parts...)
	c.IRI = IRI(KindClaimNode, c.ID)
}

// NormTime returns t in UTC rounded to microseconds: every backend gives
// back the same value (PostgreSQL keeps µs, bolt drops the zone).
func NormTime(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC().Round(time.Microsecond)
}
