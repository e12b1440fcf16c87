package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/schema"
)

// articleRequest is the body of POST /v1/articles.
type articleRequest struct {
	Text      string `json:"text"`
	URL       string `json:"url"`
	Headline  string `json:"headline"`
	Outlet    string `json:"outlet"`    // publisher name, e.g. "AFP"
	Published string `json:"published"` // 2020-10-09 or RFC 3339
}

// articleResponse answers POST /v1/articles: the article without its text
// (the caller has it) and every claim found in it.
type articleResponse struct {
	Article schema.Article `json:"article"`
	Claims  []schema.Claim `json:"claims"`
	Created bool           `json:"created"`
}

// article builds the schema.Article the request describes.
func (r articleRequest) article() (schema.Article, error) {
	if err := checkText(r.Text); err != nil {
		return schema.Article{}, err
	}
	return r.build(r.Text)
}

// stub builds a text-less article, the source of a hand-entered claim.
func (r articleRequest) stub() (schema.Article, error) { return r.build("") }

func (r articleRequest) build(text string) (schema.Article, error) {
	for _, f := range []struct{ name, v string }{{"url", r.URL}, {"headline", r.Headline}, {"outlet", r.Outlet}} {
		if err := fieldLen(f.name, f.v, 4096); err != nil {
			return schema.Article{}, err
		}
	}
	a := schema.NewArticle(text, r.URL)
	a.Headline = r.Headline
	if r.Outlet != "" {
		o := schema.NewOutlet(r.Outlet)
		a.Outlet = &o
	}
	if r.Published != "" {
		t, _, err := parseDate("published", r.Published)
		if err != nil {
			return schema.Article{}, err
		}
		a.Published = schema.NormTime(t)
	}
	return a, a.Validate()
}

// createArticle extracts the claims of a posted article and stores both:
// 201 the first time, 200 with the same claims when the text is known.
func (s *server) createArticle(c *gin.Context) {
	var req articleRequest
	if err := decodeJSON(c, &req); err != nil {
		s.fail(c, err)
		return
	}
	a, err := req.article()
	if err != nil {
		s.fail(c, err)
		return
	}
	claims, created, err := s.store.AddArticle(c.Request.Context(), a, extract.Claims(a))
	if err != nil {
		s.fail(c, err)
		return
	}
	code := http.StatusOK
	if created {
		code = http.StatusCreated
		s.metrics.articles.Inc()
		s.metrics.claims.Add(float64(len(claims)))
	}
	c.Header("Location", "/v1/articles/"+a.ID)
	a.Text = ""
	c.JSON(code, articleResponse{Article: a, Claims: claims, Created: created})
}

func (s *server) getArticle(c *gin.Context) {
	a, err := s.store.Article(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, a)
}

func (s *server) articleClaims(c *gin.Context) {
	f, err := claimFilter(c, "limit", "offset")
	if err != nil {
		s.fail(c, err)
		return
	}
	f.Article = c.Param("id")
	s.respondClaims(c, f)
}

func (s *server) deleteArticle(c *gin.Context) {
	if err := s.store.DeleteArticle(c.Request.Context(), c.Param("id")); err != nil {
		s.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
