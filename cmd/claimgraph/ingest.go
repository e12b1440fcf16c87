package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/api"
)

// ingestCmd extracts and stores articles from a file, a directory or
// standard input, directly in the store or through a running server.
func ingestCmd(ctx context.Context, args []string, e env) error {
	fset := newFlags("ingest", "FILE|DIR|-", e)
	cfg := storeFlags(fset, e)
	server := fset.String("server", envOr(e, "CLAIMGRAPH_SERVER", ""), "post to this running claimgraph server (e.g. http://localhost:8080)\ninstead of opening the store (env CLAIMGRAPH_SERVER)")
	token := fset.String("token", envOr(e, "CLAIMGRAPH_TOKEN", ""), "bearer token of the server named by --server (env CLAIMGRAPH_TOKEN)")
	outlet := fset.String("outlet", "", "publisher of .txt articles (JSON articles carry their own)")
	published := fset.String("published", "", "publication date of .txt articles, 2020-10-09 or RFC 3339")
	if help, err := parse(fset, args); help || err != nil {
		return err
	}
	if fset.NArg() != 1 {
		fset.Usage()
		return fmt.Errorf("%w: ingest takes one FILE, DIR or -", errUsage)
	}
	files, err := inputs(fset.Arg(0))
	if err != nil {
		return err
	}
	c, closeStore, err := ingestClient(ctx, cfg, *server, *token)
	if err != nil {
		return err
	}
	defer closeStore()
	defaults := articleDoc{Outlet: *outlet, Published: *published}
	return ingestFiles(ctx, c, files, defaults, e)
}

// ingestClient posts to server when one is named, else to an in-process API
// over the configured store.
func ingestClient(ctx context.Context, cfg storeConfig, server, token string) (client, func(), error) {
	if server != "" {
		var rt http.RoundTripper = http.DefaultTransport
		if token != "" {
			rt = bearer{rt, token}
		}
		return newClient(rt, server), func() {}, nil
	}
	store, err := cfg.open(ctx)
	if err != nil {
		return client{}, nil, fmt.Errorf("%w (is a server using it? then pass --server URL)", err)
	}
	return newClient(inProcess(api.New(store, api.Options{Version: version})), ""), func() { store.Close() }, nil
}

// inputs lists the files to ingest: the one named, or every .txt and .json
// file under a directory, in name order.
func inputs(name string) ([]string, error) {
	if name == "-" {
		return []string{"-"}, nil
	}
	st, err := os.Stat(name)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	if !st.IsDir() {
		return []string{name}, nil
	}
	var files []string
	err = filepath.WalkDir(name, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if ext := filepath.Ext(p); !d.IsDir() && (ext == ".txt" || ext == ".json") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("ingest: no .txt or .json files under %s", name)
	}
	slices.Sort(files)
	return files, nil
}

// Batches of ingest: at most ingestBatch articles or ingestBatchBytes of
// text to a POST /v1/articles/batch, well under the server's body limit
// (api.DefaultMaxBody) and its api.MaxBatch.
const (
	ingestBatch      = 200
	ingestBatchBytes = 4 << 20
)

// ingestFiles posts the files in batches, reporting progress, and fails at
// the end if any file failed; one bad file does not stop the others. A batch
// the server refuses is posted again one file at a time, so that each error
// names its file; a server without the batch route gets every file so.
func ingestFiles(ctx context.Context, c client, files []string, defaults articleDoc, e env) error {
	p := newProgress(e.stderr, len(files))
	var failed int
	fail := func(f string, err error) {
		failed++
		p.fail(fmt.Sprintf("%s: %v", f, err))
	}
	batches := true
	var names []string
	var docs []articleDoc
	var size int
	flush := func() {
		defer func() { names, docs, size = names[:0], docs[:0], 0 }()
		if len(docs) == 0 {
			return
		}
		if batches {
			res, err := c.postBatch(ctx, docs)
			if err == nil {
				for _, a := range res.Articles {
					p.done(a.Claims, a.Created)
				}
				return
			}
			var re *refusal
			if !errors.As(err, &re) || re.status == http.StatusUnauthorized || re.status == http.StatusForbidden {
				// The server is gone, or refuses us: no use asking per file.
				for _, f := range names {
					fail(f, err)
				}
				return
			}
			batches = re.status != http.StatusNotFound && re.status != http.StatusMethodNotAllowed
		}
		for i, f := range names {
			if ctx.Err() != nil {
				return
			}
			if res, err := c.post(ctx, docs[i]); err != nil {
				fail(f, err)
			} else {
				p.done(len(res.Claims), res.Created)
			}
		}
	}
	for _, f := range files {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		doc, err := readDoc(f, e, defaults)
		if err != nil {
			fail(f, err)
			continue
		}
		if len(docs) == ingestBatch || (len(docs) > 0 && size+len(doc.Text) > ingestBatchBytes) {
			flush()
		}
		names, docs, size = append(names, f), append(docs, doc), size+len(doc.Text)
	}
	flush()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	p.finish()
	fmt.Fprintf(e.stdout, "ingested %d articles (%d new, %d already stored), %d claims, %d failed\n",
		p.n-failed, p.created, p.n-failed-p.created, p.claims, failed)
	if failed > 0 {
		return fmt.Errorf("ingest: %d of %d files failed", failed, len(files))
	}
	return nil
}

// readDoc reads one article: a .json file in the API's shape (other keys are
// ignored, so gold files load too), or plain text whose first line is the
// headline.
func readDoc(name string, e env, defaults articleDoc) (articleDoc, error) {
	text, err := readInput(name, e.stdin)
	if err != nil {
		return articleDoc{}, err
	}
	if strings.HasSuffix(name, ".json") {
		doc := defaults
		if err := json.Unmarshal([]byte(text), &doc); err != nil {
			return doc, fmt.Errorf("not an article JSON object: %v", err)
		}
		return doc, nil
	}
	doc := defaults
	doc.Text, doc.Headline = text, firstLine(text)
	return doc, nil
}
