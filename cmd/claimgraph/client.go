package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"
)

// articleDoc is an article as the API takes it (POST /v1/articles).
type articleDoc struct {
	Text      string `json:"text"`
	URL       string `json:"url,omitempty"`
	Headline  string `json:"headline,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"`
}

// postResult is what the API answers for a posted article.
type postResult struct {
	Created bool              `json:"created"`
	Claims  []json.RawMessage `json:"claims"`
}

// client posts articles to a claimgraph API: a server over HTTP, or the
// handler in this process (then ingest and serve share every check).
type client struct {
	http *http.Client
	base string
}

func newClient(rt http.RoundTripper, base string) client {
	return client{http: &http.Client{Transport: rt, Timeout: 5 * time.Minute}, base: strings.TrimRight(base, "/")}
}

// bearer sends a server's write token with every request.
type bearer struct {
	rt    http.RoundTripper
	token string
}

func (b bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context()) // a RoundTripper must not change the caller's request
	r.Header.Set("Authorization", "Bearer "+b.token)
	return b.rt.RoundTrip(r)
}

// inProcessTransport is a RoundTripper that calls a handler directly.
type inProcessTransport struct{ h http.Handler }

func inProcess(h http.Handler) http.RoundTripper { return inProcessTransport{h} }

func (t inProcessTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	w := httptest.NewRecorder()
	t.h.ServeHTTP(w, r)
	return w.Result(), nil
}

// post sends one article; a non-2xx answer becomes a *refusal carrying the
// API's message.
func (c client) post(ctx context.Context, doc articleDoc) (postResult, error) {
	var res postResult
	return res, c.send(ctx, "/v1/articles", doc, &res)
}

// batchResult is what the API answers for a batch of articles.
type batchResult struct {
	Articles []struct {
		ID      string `json:"id"`
		Created bool   `json:"created"`
		Claims  int    `json:"claims"`
	} `json:"articles"`
}

// postBatch sends many articles at once (POST /v1/articles/batch).
func (c client) postBatch(ctx context.Context, docs []articleDoc) (batchResult, error) {
	var res batchResult
	err := c.send(ctx, "/v1/articles/batch", struct {
		Articles []articleDoc `json:"articles"`
	}{docs}, &res)
	if err == nil && len(res.Articles) != len(docs) {
		err = fmt.Errorf("the server answered for %d articles of %d", len(res.Articles), len(docs))
	}
	return res, err
}

// refusal is a non-2xx answer of the API.
type refusal struct {
	status int
	msg    string // the status line and the API's message
}

func (r *refusal) Error() string { return r.msg }

// send posts v as JSON to path and decodes the answer into res.
func (c client) send(ctx context.Context, path string, v, res any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	base := c.base
	if base == "" {
		base = "http://claimgraph.local" // in-process: the host is never dialled
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		var e struct{ Error string }
		if json.Unmarshal(b, &e) != nil || e.Error == "" {
			e.Error = strings.TrimSpace(string(b))
		}
		return &refusal{resp.StatusCode, fmt.Sprintf("%s: %s", resp.Status, e.Error)}
	}
	return json.Unmarshal(b, res)
}

// firstLine is a text's first non-empty line, as a headline when it is short
// enough to be one.
func firstLine(text string) string {
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if len(l) > 200 {
			return ""
		}
		return l
	}
	return ""
}
