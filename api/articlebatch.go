package api

import (
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"sync"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

// MaxBatch is how many articles one POST /v1/articles/batch takes.
const MaxBatch = 1000

// batchRequest is the body of POST /v1/articles/batch.
type batchRequest struct {
	Articles []articleRequest `json:"articles"`
}

// batchItem is what became of one article of a batch.
type batchItem struct {
	ID      string `json:"id"`
	Created bool   `json:"created"` // false: stored before, left as it was
	Claims  int    `json:"claims"`  // its claims in the store
}

// batchResponse answers POST /v1/articles/batch, in the request's order.
type batchResponse struct {
	Articles []batchItem `json:"articles"`
	Created  int         `json:"created"`
	Claims   int         `json:"claims"` // of the articles created
}

// createArticles extracts the claims of many articles, on every core, and
// stores them in as few transactions as their size allows: for bulk loads,
// where one transaction (and one disk sync) per article dominates. Every
// article is checked first; one that fails fails the batch, named by its
// place in it ("article 3 of 200"), and nothing is stored.
func (s *server) createArticles(c *gin.Context) {
	var req batchRequest
	if err := decodeJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	switch n := len(req.Articles); {
	case n == 0:
		s.fail(c, unprocessable("articles: the batch is empty"))
		return
	case n > MaxBatch:
		s.fail(c, unprocessable("articles: %d in one batch, at most %d", n, MaxBatch))
		return
	}
	docs := make([]graph.Doc, len(req.Articles))
	for i, r := range req.Articles {
		a, err := r.article()
		if err != nil {
			s.fail(c, inBatch(i, len(req.Articles), err))
			return
		}
		docs[i].Article = a
	}
	extractAll(docs)
	added, err := s.store.AddArticles(c.Request.Context(), docs)
	if err != nil {
		s.fail(c, err)
		return
	}
	res := batchResponse{Articles: make([]batchItem, len(docs))}
	for i, d := range docs {
		res.Articles[i] = batchItem{ID: d.Article.ID, Created: added[i].Created, Claims: added[i].Claims}
		if added[i].Created {
			res.Created++
			res.Claims += added[i].Claims
		}
	}
	s.metrics.articles.Add(float64(res.Created))
	s.metrics.claims.Add(float64(res.Claims))
	c.JSON(http.StatusOK, res)
}

// extractAll fills in the claims of each doc's article, one goroutine per
// core.
func extractAll(docs []graph.Doc) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(docs)) {
		wg.Go(func() {
			for i := range next {
				docs[i].Claims = extract.Claims(docs[i].Article)
			}
		})
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
}

// inBatch names the article of a batch (the i-th of n, from 0) that err is
// about, as the store names one it refuses, keeping the status err maps to.
func inBatch(i, n int, err error) error {
	var he *httpError
	if errors.As(err, &he) {
		return &httpError{he.status, he.code, fmt.Sprintf("article %d of %d: %s", i+1, n, he.msg)}
	}
	return fmt.Errorf("article %d of %d: %w", i+1, n, err)
}
