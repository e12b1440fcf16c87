package graph

import "context"

// reindexClaims brings whatever the store derives from claims for fast
// queries up to date with the quads now stored for the given claim IRIs. A
// write that changes a claim's speakers, targets, event, outlet, article or
// date outside AddArticle, AddArticles and DeleteArticle (a review's
// correction, an actor merge) calls it, under s.mu, after its quads are in.
func (s *Store) reindexClaims(ctx context.Context, claims []string) error {
	return nil
}
