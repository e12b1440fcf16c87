package schema

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// fieldParser reads the fields of one JSON object, keeping the first error,
// which names the field's path.
type fieldParser struct {
	o    map[string]any
	path string
	err  error
}

func (p *fieldParser) fail(key, format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf("%w: %s.%s %s", ErrInvalid, p.path, key, fmt.Sprintf(format, args...))
	}
}

// str reads a string field; absent is "".
func (p *fieldParser) str(key string) string {
	v, ok := p.o[key]
	if !ok || v == nil {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		p.fail(key, "must be a string")
	}
	return s
}

// scalar reads a string or a number as text.
func (p *fieldParser) scalar(key string) string {
	switch v := p.o[key].(type) {
	case nil:
		return ""
	case string:
		return v
	case json.Number:
		return v.String()
	}
	p.fail(key, "must be a number or a string")
	return ""
}

// date reads a date (2016-06-20) or a date-time (RFC 3339).
func (p *fieldParser) date(key string) time.Time {
	s := p.str(key)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return NormTime(t)
		}
	}
	p.fail(key, "%q is not a date (2016-06-20 or RFC 3339)", s)
	return time.Time{}
}

// object reads an object field; of an array, the first element.
func (p *fieldParser) object(key string) (map[string]any, string, bool) {
	path := p.path + "." + key
	v := p.o[key]
	if arr, ok := v.([]any); ok && len(arr) > 0 {
		v, path = arr[0], path+"[0]"
	}
	switch v := v.(type) {
	case nil:
		return nil, "", false
	case map[string]any:
		return v, path, true
	}
	p.fail(key, "must be an object")
	return nil, "", false
}

// agent reads a person or organisation: an object with a name, or a bare name.
func (p *fieldParser) agent(key string) *Agent {
	if s, ok := p.o[key].(string); ok && strings.TrimSpace(s) != "" {
		return &Agent{Type: "Organization", Name: strings.TrimSpace(s)}
	}
	o, path, ok := p.object(key)
	if !ok {
		return nil
	}
	ap := fieldParser{o: o, path: path}
	a := &Agent{Name: strings.TrimSpace(ap.str("name")), URL: ap.str("url")}
	a.Type, _ = o["@type"].(string)
	if p.err == nil {
		p.err = ap.err
	}
	if a.Name == "" && p.err == nil {
		p.err = fmt.Errorf("%w: %s.name is required", ErrInvalid, path)
	}
	return a
}

// urls reads the URLs of a field that holds one or more appearances:
// objects with a url, or bare URLs.
func (p *fieldParser) urls(key string) []string {
	var vals []any
	switch v := p.o[key].(type) {
	case nil:
		return nil
	case []any:
		vals = v
	default:
		vals = []any{v}
	}
	var out []string
	for i, v := range vals {
		path := fmt.Sprintf("%s[%d]", key, i)
		if o, ok := v.(map[string]any); ok {
			v = o["url"]
			path += ".url"
		}
		s, ok := v.(string)
		if u, err := url.Parse(s); !ok || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			p.fail(path, "must be an absolute http(s) URL")
			return nil
		}
		out = append(out, s)
	}
	return out
}

// JSONLD renders cr as a ClaimReview object, without @context (see
// ClaimReviewDocument).
func (cr ClaimReview) JSONLD() map[string]any {
	o := map[string]any{"@type": "ClaimReview", "claimReviewed": cr.ClaimReviewed}
	setStr(o, "url", cr.URL)
	setStr(o, "reviewBody", cr.ReviewBody)
	setDate(o, "datePublished", cr.DatePublished)
	if cr.Author != nil {
		o["author"] = cr.Author.jsonld()
	}
	item := map[string]any{"@type": "Claim"}
	if cr.Item.Author != nil {
		item["author"] = cr.Item.Author.jsonld()
	}
	setDate(item, "datePublished", cr.Item.DatePublished)
	if len(cr.Item.Appearances) > 0 {
		var apps []any
		for _, u := range cr.Item.Appearances {
			apps = append(apps, map[string]any{"@type": "CreativeWork", "url": u})
		}
		item["appearance"] = apps
	}
	o["itemReviewed"] = item
	if r := cr.Rating; r != nil {
		ro := map[string]any{"@type": "Rating"}
		setStr(ro, "ratingValue", r.Value)
		setStr(ro, "bestRating", r.Best)
		setStr(ro, "worstRating", r.Worst)
		setStr(ro, "alternateName", r.Name)
		o["reviewRating"] = ro
	}
	return o
}

func (a Agent) jsonld() map[string]any {
	o := map[string]any{"@type": a.Type, "name": a.Name}
	if a.Type == "" {
		o["@type"] = "Organization"
	}
	setStr(o, "url", a.URL)
	return o
}

func setStr(o map[string]any, key, v string) {
	if v != "" {
		o[key] = v
	}
}

func setDate(o map[string]any, key string, t time.Time) {
	if t.IsZero() {
		return
	}
	if t.Equal(t.Truncate(24 * time.Hour)) {
		o[key] = t.UTC().Format("2006-01-02")
		return
	}
	o[key] = t.UTC().Format(time.RFC3339Nano)
}

// ClaimReviewDocument is a JSON-LD document of ClaimReviews: a @graph under
// schema.org's context.
func ClaimReviewDocument(crs []ClaimReview) map[string]any {
	g := make([]any, 0, len(crs))
	for _, cr := range crs {
		g = append(g, cr.JSONLD())
	}
	return map[string]any{"@context": "https://schema.org", "@graph": g}
}
