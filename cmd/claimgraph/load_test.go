package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// TestLoad runs "load" briefly against a seed-loaded server that wants a
// token, and checks that the report covers every kind of request, counts
// no errors, reads the server's RSS three times, and that each write it
// reports is an article in the store.
func TestLoad(t *testing.T) {
	vars := map[string]string{"CLAIMGRAPH_TOKEN": "s3cret"}
	s := launch(t, vars)
	var before health
	getJSON(t, s.base+"/healthz", &before)
	var out, errb bytes.Buffer
	e := testEnv(&out, &errb)
	e.getenv = func(k string) string { return vars[k] }
	args := []string{"load", "--server", s.base, "--duration", "2s", "--conns", "4", "--write-ratio", "0.3"}
	if err := runEnv(context.Background(), args, e); err != nil {
		t.Fatalf("load: %v\n%s", err, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var rep loadReport
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &rep); err != nil {
		t.Fatalf("last line is not the JSON report: %v\n%s", err, out.String())
	}
	if rep.Errors != 0 || rep.Requests == 0 {
		t.Errorf("%d requests, %d errors:\n%s", rep.Requests, rep.Errors, out.String())
	}
	for _, k := range loadKinds {
		if f := rep.Kinds[k]; f.Requests == 0 || f.P99ms < f.P50ms || f.P50ms <= 0 {
			t.Errorf("kind %s: %+v", k, f)
		}
	}
	if rep.RSS.Start <= 0 || rep.RSS.Mid <= 0 || rep.RSS.End <= 0 {
		t.Errorf("RSS not read: %+v", rep.RSS)
	}
	var after health
	getJSON(t, s.base+"/healthz", &after)
	if got := after.Stats.Articles - before.Stats.Articles; got != int64(rep.Kinds["write"].Requests) {
		t.Errorf("%d articles added, the report says %d writes", got, rep.Kinds["write"].Requests)
	}
}

// TestLoadUsage: nonsense settings are usage errors.
func TestLoadUsage(t *testing.T) {
	for _, args := range [][]string{{"load", "--conns", "0"}, {"load", "--write-ratio", "1.5"}, {"load", "--duration", "-1s"}} {
		var out bytes.Buffer
		if err := runEnv(context.Background(), args, testEnv(&out, &out)); exitCode(err) != 2 {
			t.Errorf("%q: %v, want a usage error", args, err)
		}
	}
}

// health is the body of /healthz.
type health struct {
	Stats struct{ Articles, Claims int64 } `json:"stats"`
}
