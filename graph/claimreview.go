package graph

import (
	"context"
	"fmt"
	"io"

	"github.com/cayleygraph/quad"
)

// writeClaimReviews writes the ClaimReviews of the store, or of the labels.
func (s *Store) writeClaimReviews(ctx context.Context, w io.Writer, labels []quad.Value) error {
	return fmt.Errorf("not yet")
}

// importClaimReviews reads a ClaimReview document and stores it.
func (s *Store) importClaimReviews(ctx context.Context, r io.Reader) (Imported, error) {
	return Imported{}, fmt.Errorf("not yet")
}
