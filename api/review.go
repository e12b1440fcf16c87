package api

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/schema"
)

// reviewRequest is the body of POST /v1/claims/{id}/review.
type reviewRequest struct {
	Status     string             `json:"status"` // verified, disputed or wrong
	Reason     string             `json:"reason"`
	Correction *correctionRequest `json:"correction"`
}

// correctionRequest is what a reviewer says the claim should be; a field
// left out stays as extracted, "targets": [] removes the targets.
type correctionRequest struct {
	Speaker *actorRequest   `json:"speaker"`
	Targets *[]actorRequest `json:"targets"`
	Content *spanRequest    `json:"content"`
}

// reviewResponse answers a review with the claim as it now reads.
type reviewResponse struct {
	Claim  schema.Claim  `json:"claim"`
	Review schema.Review `json:"review"`
}

// review builds the schema.Review the request describes.
func (r reviewRequest) review(reviewer string, now time.Time) (schema.Review, error) {
	rev := schema.Review{Status: schema.ReviewStatus(strings.ToLower(r.Status)), Reason: strings.TrimSpace(r.Reason),
		Reviewer: reviewer, Date: now}
	if err := fieldLen("reason", rev.Reason, 4096); err != nil {
		return rev, err
	}
	if r.Correction == nil {
		return rev, nil
	}
	c, err := r.Correction.correction()
	rev.Correction = c
	return rev, err
}

func (r correctionRequest) correction() (*schema.Correction, error) {
	c := &schema.Correction{}
	if r.Speaker != nil {
		a, err := r.Speaker.actor("correction.speaker")
		if err != nil {
			return nil, err
		}
		text := r.Speaker.Text
		if text == "" && r.Speaker.Start == 0 && r.Speaker.End == 0 {
			text = a.Name
		}
		c.Speaker = &schema.Speaker{Span: schema.Span{Start: r.Speaker.Start, End: r.Speaker.End, Text: text}, Actors: []schema.Actor{a}}
	}
	if r.Targets != nil {
		c.SetTargets, c.Targets = true, []schema.Actor{}
		for i, t := range *r.Targets {
			a, err := t.actor(fmt.Sprintf("correction.targets[%d]", i))
			if err != nil {
				return nil, err
			}
			c.Targets = append(c.Targets, a)
		}
	}
	if r.Content != nil {
		sp := schema.Span(*r.Content)
		c.Content = &sp
	}
	if len(c.Fields()) == 0 {
		return nil, badRequest("correction corrects nothing: give speaker, targets or content")
	}
	return c, nil
}

// reviewer is the identity a review records: a short hash of the token
// that authorised the write (never the token), or "anonymous" on a server
// without one.
func (s *server) reviewer() string {
	if s.opts.Token == "" {
		return "anonymous"
	}
	sum := sha256.Sum256([]byte(s.opts.Token))
	return "token:" + hex.EncodeToString(sum[:])[:12]
}

// reviewClaim records a person's verdict on a claim, and its correction.
func (s *server) reviewClaim(c *gin.Context) {
	var req reviewRequest
	if err := decodeJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	rev, err := req.review(s.reviewer(), time.Now())
	if err != nil {
		s.fail(c, err)
		return
	}
	claim, rev, err := s.store.Review(c.Request.Context(), c.Param("id"), rev)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Location", "/v1/claims/"+claim.ID)
	c.JSON(http.StatusCreated, reviewResponse{Claim: claim, Review: rev})
}

// claimReview answers a reviewed claim's reviews as schema.org ClaimReview
// JSON-LD: those imported from fact-checkers and those made here.
func (s *server) claimReview(c *gin.Context) {
	crs, err := s.store.ClaimReviews(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Header("Content-Type", "application/ld+json")
	c.JSON(http.StatusOK, schema.ClaimReviewDocument(crs))
}
