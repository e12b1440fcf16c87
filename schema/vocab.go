// Package schema is claimgraph's vocabulary and domain model: the IRIs of the
// terms that claims are written with, the types Article, Actor, Outlet, Event
// and Claim, and the rules that make one valid. It imports only the standard
// library, so every other package can depend on it.
package schema

// Namespaces. schema.org and PROV-O where a term fits; our own for the rest.
const (
	NS       = "http://claimgraph.org/ns#" // claimgraph's own terms
	SchemaNS = "https://schema.org/"
	ProvNS   = "http://www.w3.org/ns/prov#"
	RDFNS    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	// IDBase prefixes every instance IRI: urn:claimgraph:<kind>:<id>.
	IDBase = "urn:claimgraph:"
)

// Classes.
const (
	TypeClaim        = SchemaNS + "Claim"
	TypeArticle      = SchemaNS + "NewsArticle"
	TypeOutlet       = SchemaNS + "NewsMediaOrganization"
	TypeEvent        = SchemaNS + "Event"
	TypePerson       = SchemaNS + "Person"
	TypeOrganization = SchemaNS + "Organization"
	TypeGovernment   = SchemaNS + "GovernmentOrganization"
	TypeCountry      = SchemaNS + "Country"
	TypeQuantity     = SchemaNS + "QuantitativeValue"
)

// Predicates shared by every kind of node.
const (
	PredType    = RDFNS + "type"
	PredName    = SchemaNS + "name"
	PredAlias   = SchemaNS + "alternateName"
	PredSameAs  = SchemaNS + "sameAs" // Wikidata entity IRI
	PredKey     = NS + "key"          // lower-cased name or alias, for case-insensitive lookup
	PredKind    = NS + "kind"
	PredRole    = NS + "role"
	PredAffil   = SchemaNS + "affiliation"
	PredURL     = SchemaNS + "url"
	PredText    = SchemaNS + "text"
	PredHash    = NS + "contentHash"
	PredHead    = SchemaNS + "headline"
	PredPublish = SchemaNS + "publisher"
	PredPubDate = SchemaNS + "datePublished"
	PredPlace   = SchemaNS + "location"
	PredTime    = SchemaNS + "startDate"
	PredValue   = SchemaNS + "value"
	PredMeasure = NS + "measure"     // quantity: what is counted
	PredApprox  = NS + "approximate" // quantity: bool
	PredStart   = NS + "start"       // quantity: span in the article
	PredEnd     = NS + "end"         //
)

// Claim predicates. A claim is reified: one node, one quad per field, every
// quad labelled with the article the claim came from.
const (
	PredSpeaker      = SchemaNS + "author"       // claim -> actor (one quad per speaker)
	PredTarget       = NS + "target"             // claim -> actor the claim is about or against
	PredEvent        = SchemaNS + "about"        // claim -> event
	PredOutlet       = NS + "toldTo"             // claim -> outlet the speaker talked to
	PredArticle      = SchemaNS + "appearance"   // claim -> article
	PredDerived      = ProvNS + "wasDerivedFrom" // claim -> article, for PROV-O consumers
	PredSpeechAct    = NS + "speechAct"          // literal, one of SpeechActs
	PredCue          = NS + "cue"                // literal: the cue's text
	PredSpeakerText  = NS + "speakerText"        // literal: the speaker mention as written
	PredContent      = SchemaNS + "text"         // literal: the content's text
	PredSentence     = NS + "sentence"           // literal: the sentence's text
	PredSpeakerStart = NS + "speakerStart"       // spans: Unicode code points, end exclusive
	PredSpeakerEnd   = NS + "speakerEnd"         //
	PredCueStart     = NS + "cueStart"           //
	PredCueEnd       = NS + "cueEnd"             //
	PredContentStart = NS + "contentStart"       //
	PredContentEnd   = NS + "contentEnd"         //
	PredSentStart    = NS + "sentenceStart"      //
	PredSentEnd      = NS + "sentenceEnd"        //
	PredDirect       = NS + "directQuote"        // bool literal
	PredNegated      = NS + "negated"            // bool literal
	PredDate         = SchemaNS + "dateCreated"  // when the claim was made (the article's date when unknown)
	PredExtractor    = ProvNS + "wasGeneratedBy" // literal: extractor name/version, or "manual"
	PredConfidence   = NS + "confidence"         // float literal in [0, 1]
	PredReview       = NS + "reviewStatus"       // literal, one of ReviewStatuses
	PredQuantity     = NS + "quantity"           // claim -> quantity node (TypeQuantity)
)
