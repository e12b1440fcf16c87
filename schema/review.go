package schema

import (
	"fmt"
	"strings"
	"time"
)

// Review terms. A review is a node of its own, written under the label of
// the claim's reviews (ReviewsLabel), so deleting the claim's article keeps
// it; a correction makes the reviewer's values the claim's current edges and
// keeps the machine's under the Extracted predicates.
const (
	TypeReview      = NS + "Review"
	PredReviewed    = SchemaNS + "itemReviewed" // review -> claim
	PredStatus      = NS + "status"             // review: literal, one of the ReviewStatuses
	PredReason      = SchemaNS + "reviewBody"   // review: why
	PredReviewer    = NS + "reviewer"           // review: who, a non-secret identity of the token
	PredReviewedAt  = NS + "reviewedAt"         // review: when
	PredCorrects    = NS + "corrects"           // review: literal, a field the review corrected
	PredNewSpeaker  = NS + "newSpeaker"         // review -> actor it names as the speaker
	PredNewSpkText  = NS + "newSpeakerText"     // review: the speaker mention it gives
	PredNewSpkStart = NS + "newSpeakerStart"    //
	PredNewSpkEnd   = NS + "newSpeakerEnd"      //
	PredNewTarget   = NS + "newTarget"          // review -> actor it names as a target
	PredNewContent  = NS + "newContent"         // review: the content it gives
	PredNewCntStart = NS + "newContentStart"    //
	PredNewCntEnd   = NS + "newContentEnd"      //
	PredMergedInto  = NS + "mergedInto"         // actor -> actor it was merged into
	PredMoveActor   = NS + "movedActor"         // move -> the merged actor an edge pointed at
	PredMoveClaim   = NS + "movedClaim"         // move -> the claim whose edge moved
	PredMovePred    = NS + "movedPredicate"     // move -> the edge's predicate
	PredMoveLabel   = NS + "movedLabel"         // move -> the edge's label before the merge

	MergesNode = IDBase + "merges" // -> every merged actor (PredMerged): is there any merge?
	PredMerged = NS + "merged"     //

	KindReviewNode  = "review"
	KindReviewsNode = "reviews" // the label of one claim's reviews and corrections
	KindMergeNode   = "merge"   // the label of one actor's merge
	KindMoveNode    = "move"    // one claim edge a merge moved
)

// Extracted returns the predicate that keeps the machine's value of a claim
// predicate once a review has corrected it, and false for a predicate a
// review does not correct.
func Extracted(pred string) (string, bool) {
	switch pred {
	case PredSpeaker:
		return NS + "extractedSpeaker", true
	case PredTarget:
		return NS + "extractedTarget", true
	case PredSpeakerText:
		return NS + "extractedSpeakerText", true
	case PredSpeakerStart:
		return NS + "extractedSpeakerStart", true
	case PredSpeakerEnd:
		return NS + "extractedSpeakerEnd", true
	case PredContent:
		return NS + "extractedContent", true
	case PredContentStart:
		return NS + "extractedContentStart", true
	case PredContentEnd:
		return NS + "extractedContentEnd", true
	case PredReview:
		return NS + "extractedReviewStatus", true
	}
	return "", false
}

// ReviewsLabel is the label of the reviews of the claim with the given ID.
func ReviewsLabel(claimID string) string { return IRI(KindReviewsNode, claimID) }

// MergeLabel is the label of the merge of the actor with the given ID.
func MergeLabel(actorID string) string { return IRI(KindMergeNode, actorID) }

// Review is a person's verdict on one claim, with an optional correction.
type Review struct {
	ID         string       `json:"id"`
	IRI        string       `json:"iri"`
	Claim      string       `json:"claim"` // IRI of the claim reviewed
	Status     ReviewStatus `json:"status"`
	Reason     string       `json:"reason"`
	Reviewer   string       `json:"reviewer"` // e.g. "token:3f2a9c1e", never the token itself
	Date       time.Time    `json:"date"`
	Correction *Correction  `json:"correction,omitempty"`
}

// Correction is what a reviewer says the machine got wrong: each field set
// replaces the claim's; Targets replaces them when SetTargets is true (an
// empty list removes them).
type Correction struct {
	Speaker    *Speaker `json:"speaker,omitempty"`
	Targets    []Actor  `json:"targets,omitempty"`
	SetTargets bool     `json:"set_targets,omitempty"`
	Content    *Span    `json:"content,omitempty"`
}

// Fields names the claim fields c corrects, in a stable order.
func (c *Correction) Fields() []string {
	if c == nil {
		return nil
	}
	var out []string
	if c.Speaker != nil {
		out = append(out, "speaker")
	}
	if c.SetTargets {
		out = append(out, "targets")
	}
	if c.Content != nil {
		out = append(out, "content")
	}
	return out
}

// ReviewStatuses lists the verdicts a review may give.
var ReviewStatuses = []ReviewStatus{Verified, Disputed, Wrong}

// SetID gives r its ID and IRI from its claim, reviewer and date: one
// reviewer's reviews of a claim at different moments are different reviews.
func (r *Review) SetID() {
	r.ID = hashHex(16, r.Claim, r.Reviewer, r.Date.UTC().Format(time.RFC3339Nano))
	r.IRI = IRI(KindReviewNode, r.ID)
}

// Validate reports the first problem that makes r unusable, wrapped in
// ErrInvalid.
func (r Review) Validate() error {
	switch {
	case r.Status != Verified && r.Status != Disputed && r.Status != Wrong:
		return fmt.Errorf("%w: review status %q is not one of %v", ErrInvalid, r.Status, ReviewStatuses)
	case strings.TrimSpace(r.Reason) == "":
		return fmt.Errorf("%w: a review needs a reason", ErrInvalid)
	case r.Claim == "" || r.IRI == "" || r.Reviewer == "" || r.Date.IsZero():
		return fmt.Errorf("%w: review has no claim, IRI, reviewer or date", ErrInvalid)
	}
	c := r.Correction
	if c == nil {
		return nil
	}
	if len(c.Fields()) == 0 {
		return fmt.Errorf("%w: correction corrects nothing (give speaker, targets or content)", ErrInvalid)
	}
	if c.Speaker != nil && len(c.Speaker.Actors) == 0 {
		return fmt.Errorf("%w: correction.speaker names no actor", ErrInvalid)
	}
	if c.Content != nil && strings.TrimSpace(c.Content.Text) == "" {
		return fmt.Errorf("%w: correction.content has no text", ErrInvalid)
	}
	for _, a := range append(speakerActors(c.Speaker), c.Targets...) {
		if strings.TrimSpace(a.Name) == "" || a.IRI == "" {
			return fmt.Errorf("%w: correction names an actor with no name", ErrInvalid)
		}
	}
	return nil
}

func speakerActors(s *Speaker) []Actor {
	if s == nil {
		return nil
	}
	return append([]Actor(nil), s.Actors...)
}

// Apply returns c with the correction's values in place of the claim's.
func (c *Correction) Apply(claim Claim) Claim {
	if c == nil {
		return claim
	}
	if c.Speaker != nil {
		claim.Speaker = *c.Speaker
	}
	if c.SetTargets {
		claim.Targets = c.Targets
	}
	if c.Content != nil {
		claim.Content = *c.Content
	}
	return claim
}
