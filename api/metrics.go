package api

import (
	"context"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/claimgraph/claimgraph/graph"
)

// statsTimeout bounds the store count a scrape makes: a slow store must not
// hold up the rest of the metrics.
const statsTimeout = 5 * time.Second

// metrics are the Prometheus metrics of one handler, in a registry of its
// own: no package-level state, and two handlers in one test do not collide.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	articles prometheus.Counter
	claims   prometheus.Counter
}

func newMetrics(store *graph.Store) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "claimgraph_http_requests_total",
			Help: "HTTP requests by route pattern, method and status."}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "claimgraph_http_request_duration_seconds",
			Help: "HTTP request latency by route pattern.", Buckets: prometheus.DefBuckets}, []string{"route"}),
		articles: prometheus.NewCounter(prometheus.CounterOpts{Name: "claimgraph_articles_ingested_total",
			Help: "Articles stored through POST /v1/articles and /v1/articles/batch since start (repeats not counted)."}),
		claims: prometheus.NewCounter(prometheus.CounterOpts{Name: "claimgraph_claims_ingested_total",
			Help: "Claims stored through /v1 since start, extracted or hand-entered."}),
	}
	m.reg.MustRegister(m.requests, m.latency, m.articles, m.claims, &storeCollector{store: store},
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// observe counts a request and times it. The label is the route pattern,
// not the path, so IDs do not make a series each.
func (m *metrics) observe(c *gin.Context) {
	start := time.Now()
	c.Next()
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	m.requests.WithLabelValues(route, c.Request.Method, strconv.Itoa(c.Writer.Status())).Inc()
	m.latency.WithLabelValues(route).Observe(time.Since(start).Seconds())
}

// handler serves the registry in Prometheus' text format.
func (m *metrics) handler() gin.HandlerFunc {
	return gin.WrapH(promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{}))
}

// storeCollector reports the store's size from Stats, so the figures hold
// across restarts and deletions, which counters kept on writes would not.
// Stats walks every article, claim and actor (28 ms at 500 articles on
// bolt, growing with the store, under the store's read lock), so a count
// serves the scrapes of statsMaxAge.
type storeCollector struct {
	store *graph.Store
	mu    sync.Mutex
	at    time.Time
	last  graph.Stats
}

// statsMaxAge is how stale the store's size in /metrics may be.
const statsMaxAge = 30 * time.Second

// stats is the store's size, counted again when the last count is stale.
func (sc *storeCollector) stats() (graph.Stats, error) {
	sc.mu.Lock() // one count at a time, however many scrapers
	defer sc.mu.Unlock()
	if time.Since(sc.at) < statsMaxAge {
		return sc.last, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), statsTimeout)
	defer cancel()
	st, err := sc.store.Stats(ctx)
	if err != nil {
		return st, err
	}
	sc.last, sc.at = st, time.Now()
	return st, nil
}

var storeDescs = map[string]*prometheus.Desc{
	"articles": prometheus.NewDesc("claimgraph_store_articles", "Articles in the store.", nil, nil),
	"claims":   prometheus.NewDesc("claimgraph_store_claims", "Claims in the store.", nil, nil),
	"actors":   prometheus.NewDesc("claimgraph_store_actors", "Actors in the store.", nil, nil),
	"quads":    prometheus.NewDesc("claimgraph_store_quads", "Quads in the store.", nil, nil),
}

func (sc *storeCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range storeDescs {
		ch <- d
	}
}

// Collect leaves the gauges out when the store does not answer; /readyz
// is the place to learn that.
func (sc *storeCollector) Collect(ch chan<- prometheus.Metric) {
	st, err := sc.stats()
	if err != nil {
		return
	}
	for name, v := range map[string]int64{"articles": st.Articles, "claims": st.Claims, "actors": st.Actors, "quads": st.Quads} {
		ch <- prometheus.MustNewConstMetric(storeDescs[name], prometheus.GaugeValue, float64(v))
	}
}
