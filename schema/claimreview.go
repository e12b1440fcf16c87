package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// ClaimReview terms: what fact-checkers publish (schema.org ClaimReview),
// kept as nodes of their own. Their predicates are not the claim ones
// (schema:author is a claim's speaker here), so imported reviews never pass
// for claims.
const (
	TypeClaimReview   = SchemaNS + "ClaimReview"
	TypeRating        = SchemaNS + "Rating"
	PredClaimReviewed = SchemaNS + "claimReviewed" // literal: the claim as the fact-checker words it
	PredReviewAuthor  = NS + "reviewAuthor"        // -> actor: the fact-checking organisation
	PredAuthorURL     = NS + "reviewAuthorURL"     // literal: the fact-checker's site
	PredClaimAuthor   = NS + "claimAuthor"         // -> actor: who made the claim reviewed
	PredClaimDate     = NS + "claimDate"           // when the claim reviewed was made
	PredAppearanceURL = NS + "appearanceURL"       // literal: where the claim reviewed appeared
	PredAppearsIn     = NS + "appearsIn"           // -> a stored article at one of those URLs
	PredRating        = SchemaNS + "reviewRating"  // -> rating node
	PredRatingValue   = SchemaNS + "ratingValue"   // rating: literal, as given
	PredBestRating    = SchemaNS + "bestRating"    //
	PredWorstRating   = SchemaNS + "worstRating"   //
	PredRatingName    = SchemaNS + "alternateName" // rating: "False", "Mostly true"...

	KindClaimReviewNode = "claimreview"
	KindRatingNode      = "rating"
)

// ClaimReview is one schema.org ClaimReview: a fact-checker's verdict on a
// claim, as published.
type ClaimReview struct {
	URL           string    // the fact-check's page
	ClaimReviewed string    // the claim, in the fact-checker's words
	DatePublished time.Time // of the fact-check
	ReviewBody    string
	Author        *Agent // the fact-checking organisation
	Item          ClaimItem
	Rating        *Rating
}

// ClaimItem is a ClaimReview's itemReviewed: the claim as made.
type ClaimItem struct {
	Author        *Agent    // who made the claim
	DatePublished time.Time // when
	Appearances   []string  // URLs where it appeared, sorted
}

// Agent is a person or organisation in a ClaimReview. Type is the
// schema.org class name: Person, Organization, GovernmentOrganization...
type Agent struct {
	Type string
	Name string
	URL  string
}

// Rating is a ClaimReview's reviewRating. Values are kept as written:
// schema.org allows numbers or text.
type Rating struct {
	Value, Best, Worst, Name string
}

// ID is the review's stable ID: from its URL, else from what it says, so
// importing the same review twice gives the same node.
func (cr ClaimReview) ID() string {
	if cr.URL != "" {
		return hashHex(16, "claimreview", cr.URL)
	}
	author := ""
	if cr.Author != nil {
		author = cr.Author.Name
	}
	return hashHex(16, "claimreview", cr.ClaimReviewed, author, cr.DatePublished.UTC().Format(time.RFC3339Nano))
}

// ParseClaimReviews reads a ClaimReview document: one object, an array of
// them, or a JSON-LD document with a @graph (whose nodes of other types are
// skipped). Errors wrap ErrInvalid and name the JSON path ($[0].reviewRating)
// or the line and column of a syntax error.
func ParseClaimReviews(data []byte) ([]ClaimReview, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrInvalid, syntaxError(data, err))
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: more after the JSON document", ErrInvalid)
	}
	items, paths, lenient, err := documentItems(doc)
	if err != nil {
		return nil, err
	}
	var out []ClaimReview
	for i, it := range items {
		o, ok := it.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%w: %s must be an object", ErrInvalid, paths[i])
		}
		if !hasType(o, "ClaimReview") {
			if lenient {
				continue
			}
			return nil, fmt.Errorf("%w: %s.@type must be ClaimReview", ErrInvalid, paths[i])
		}
		cr, err := parseClaimReview(o, paths[i])
		if err != nil {
			return nil, err
		}
		out = append(out, cr)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: $: the document holds no ClaimReview", ErrInvalid)
	}
	return out, nil
}

// documentItems lists the objects of a document to read as ClaimReviews,
// with their paths; lenient is true for arrays and @graphs, where nodes of
// other types are skipped.
func documentItems(doc any) (items []any, paths []string, lenient bool, err error) {
	switch d := doc.(type) {
	case []any:
		items, lenient = d, true
		for i := range d {
			paths = append(paths, fmt.Sprintf("$[%d]", i))
		}
		return items, paths, lenient, nil
	case map[string]any:
		g, ok := d["@graph"]
		if !ok {
			break
		}
		arr, ok := g.([]any)
		if !ok {
			return nil, nil, false, fmt.Errorf("%w: $.@graph must be an array", ErrInvalid)
		}
		for i := range arr {
			paths = append(paths, fmt.Sprintf("$.@graph[%d]", i))
		}
		return arr, paths, true, nil
	}
	return []any{doc}, []string{"$"}, false, nil
}

// syntaxError describes a JSON decoding error with its line and column.
func syntaxError(data []byte, err error) string {
	var syn *json.SyntaxError
	if !errors.As(err, &syn) {
		return "malformed JSON: " + err.Error()
	}
	before := data[:min(int(syn.Offset), len(data))]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return fmt.Sprintf("malformed JSON at line %d, column %d: %v", line, col, err)
}

// hasType reports whether a JSON-LD object's @type is or includes name
// (bare or as a schema.org IRI).
func hasType(o map[string]any, name string) bool {
	var types []any
	switch t := o["@type"].(type) {
	case string:
		types = []any{t}
	case []any:
		types = t
	}
	return slices.ContainsFunc(types, func(t any) bool {
		s, _ := t.(string)
		return s == name || strings.TrimPrefix(strings.TrimPrefix(s, "http://schema.org/"), SchemaNS) == name
	})
}

func parseClaimReview(o map[string]any, path string) (ClaimReview, error) {
	var cr ClaimReview
	var err error
	p := fieldParser{o: o, path: path}
	cr.URL = p.str("url")
	cr.ClaimReviewed = strings.TrimSpace(p.str("claimReviewed"))
	cr.ReviewBody = p.str("reviewBody")
	cr.DatePublished = p.date("datePublished")
	cr.Author = p.agent("author")
	if cr.Author == nil {
		cr.Author = p.agent("publisher")
	}
	if item, ipath, ok := p.object("itemReviewed"); ok {
		ip := fieldParser{o: item, path: ipath}
		cr.Item.Author = ip.agent("author")
		cr.Item.DatePublished = ip.date("datePublished")
		cr.Item.Appearances = append(ip.urls("appearance"), ip.urls("firstAppearance")...)
		slices.Sort(cr.Item.Appearances)
		cr.Item.Appearances = slices.Compact(cr.Item.Appearances)
		err = ip.err
	}
	if r, rpath, ok := p.object("reviewRating"); ok {
		rp := fieldParser{o: r, path: rpath}
		cr.Rating = &Rating{Value: rp.scalar("ratingValue"), Best: rp.scalar("bestRating"),
			Worst: rp.scalar("worstRating"), Name: rp.str("alternateName")}
		err = errors.Join(err, rp.err)
	}
	if err = errors.Join(p.err, err); err != nil {
		return cr, err
	}
	if cr.ClaimReviewed == "" {
		return cr, fmt.Errorf("%w: %s.claimReviewed is required", ErrInvalid, path)
	}
	return cr, nil
}
