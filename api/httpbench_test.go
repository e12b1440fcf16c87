package api_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/fixtures"
	"github.com/claimgraph/claimgraph/graph"
)

// BenchmarkHTTPClaimsVsGin serves GET /v1/claims?speaker=armenia on the
// seed article through the real handler, and a bare Gin handler answering a
// fixed small JSON, both over real HTTP (httptest servers, keep-alive
// clients, b.RunParallel), in the same run: rounds of b.N requests to
// each in turn, so that a load coming and going on a shared machine weighs
// on both alike. It reports the requests per second of each and ours as a
// share of bare Gin's (target: at least 0.5), with the whole answers kept
// between writes (answers=on, the default) and without (answers=off):
//
//	go test -run '^$' -bench HTTPClaimsVsGin -benchtime 3000x ./api/
func BenchmarkHTTPClaimsVsGin(b *testing.B) {
	for _, backend := range []string{"memstore", "bolt"} {
		for _, answers := range []int64{-1, 0} {
			name := backend + "/answers=on"
			if answers < 0 {
				name = backend + "/answers=off"
			}
			// The access log is formatted, as a server's is, and thrown away.
			opts := api.Options{AnswerCache: answers, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
			b.Run(name, func(b *testing.B) { benchClaimsVsGin(b, backend, opts) })
		}
	}
}

// benchClaimsVsGin is BenchmarkHTTPClaimsVsGin on one backend, with opts.
func benchClaimsVsGin(b *testing.B, backend string, opts api.Options) {
	store, err := graph.Open(context.Background(), backend, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	h := api.New(store, opts)
	body := mustJSON(b, map[string]string{"text": fixtures.SeedArticle, "outlet": "AFP"})
	if w := serve(h, "POST", "/v1/articles", body); w.Code != http.StatusCreated {
		b.Fatalf("seed: %d %s", w.Code, w.Body)
	}
	ours := httptest.NewServer(h)
	defer ours.Close()
	bare := httptest.NewServer(bareGin())
	defer bare.Close()
	floor, claims := newRater(bare.URL+"/v1/claims?speaker=armenia"), newRater(ours.URL+"/v1/claims?speaker=armenia")
	for range rateRounds {
		floor.round(b)
		claims.round(b)
	}
	b.ReportMetric(floor.rate(), "gin-req/s")
	b.ReportMetric(claims.rate(), "claims-req/s")
	b.ReportMetric(claims.rate()/floor.rate(), "claims/gin")
}

// rateRounds is how many rounds of b.N requests each server gets.
const rateRounds = 5

// bareGin is the floor: Gin with nothing but one route and a fixed answer.
func bareGin() http.Handler {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.GET("/v1/claims", func(c *gin.Context) {
		c.JSON(http.StatusOK, gin.H{"claims": []string{}, "total": 0, "limit": 50, "offset": 0})
	})
	return r
}

// rater sends GETs to one URL from parallel keep-alive clients and counts
// the requests answered and the time they took; every answer must be a 200.
type rater struct {
	url    string
	client *http.Client
	n      int
	took   time.Duration
}

func newRater(url string) *rater {
	return &rater{url: url, client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}}
}

// round sends b.N requests.
func (r *rater) round(b *testing.B) {
	b.Helper()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			resp, err := r.client.Get(r.url)
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				b.Errorf("GET %s: %s", r.url, resp.Status)
				return
			}
		}
	})
	r.n, r.took = r.n+b.N, r.took+time.Since(start)
}

// rate is the requests answered per second over all rounds.
func (r *rater) rate() float64 { return float64(r.n) / r.took.Seconds() }

// TestServeBareGin serves bareGin on $CLAIMGRAPH_BAREGIN_ADDR until the
// test binary is stopped, for wrk to compare a running server with (see
// docs/scaling.md); without the variable it is skipped.
//
//	CLAIMGRAPH_BAREGIN_ADDR=127.0.0.1:18182 go test -run TestServeBareGin -timeout 0 ./api/
func TestServeBareGin(t *testing.T) {
	addr := os.Getenv("CLAIMGRAPH_BAREGIN_ADDR")
	if addr == "" {
		t.Skip("CLAIMGRAPH_BAREGIN_ADDR is not set")
	}
	t.Fatal(http.ListenAndServe(addr, bareGin()))
}
