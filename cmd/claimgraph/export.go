package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
)

// exportCmd writes the store, or one article of it, as N-Quads, JSON-LD or
// ClaimReview, to standard output or a file.
func exportCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags("export", "", e)
	cfg := storeFlags(fs, e)
	format := fs.String("format", "nquads", "nquads, jsonld or claimreview (the reviewed claims as schema.org ClaimReview)")
	article := fs.String("article", "", "export only this article (its IRI or id), with its claims' reviews")
	out := fs.String("out", "-", "file to write, - for standard output")
	server := fs.String("server", envOr(e, "CLAIMGRAPH_SERVER", ""), "export from this running claimgraph server instead of opening the store (env CLAIMGRAPH_SERVER)")
	if help, err := parse(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return fmt.Errorf("%w: export takes no arguments (use --out FILE)", errUsage)
	}
	w, closeOut, err := output(*out, e)
	if err != nil {
		return err
	}
	if *server != "" {
		err = exportRemote(ctx, w, *server, *format, *article)
	} else {
		err = exportLocal(ctx, w, cfg, *format, *article)
	}
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	return err
}

// output opens the file to write, or standard output for "-".
func output(name string, e env) (io.Writer, func() error, error) {
	if name == "-" {
		bw := bufio.NewWriter(e.stdout)
		return bw, bw.Flush, nil
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, nil, fmt.Errorf("export: %w", err)
	}
	bw := bufio.NewWriter(f)
	return bw, func() error {
		if err := bw.Flush(); err != nil {
			f.Close()
			return fmt.Errorf("export: write %s: %w", name, err)
		}
		return f.Close()
	}, nil
}

func exportLocal(ctx context.Context, w io.Writer, cfg storeConfig, format, article string) error {
	store, err := cfg.open(ctx)
	if err != nil {
		return fmt.Errorf("%w (is a server using it? then pass --server URL)", err)
	}
	defer store.Close()
	return store.Export(ctx, w, format, article)
}

func exportRemote(ctx context.Context, w io.Writer, server, format, article string) error {
	q := url.Values{"format": {format}}
	if article != "" {
		q.Set("article", article)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(server, "/")+"/v1/export?"+q.Encode(), nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return apiError("export", resp)
	}
	_, err = io.Copy(w, resp.Body)
	return err
}

// apiError turns a non-2xx answer into an error carrying the API's message.
func apiError(op string, resp *http.Response) error {
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	return fmt.Errorf("%s: %s: %s", op, resp.Status, strings.TrimSpace(string(b)))
}
