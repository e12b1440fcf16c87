package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// importCmd loads a dump (N-Quads, JSON-LD) or a ClaimReview document into
// the store, in one transaction.
func importCmd(ctx context.Context, args []string, e env) error {
	fs := newFlags("import", "FILE|-", e)
	cfg := storeFlags(fs, e)
	format := fs.String("format", "", "nquads, jsonld or claimreview; default from the extension\n(.nq .nquads: nquads, .jsonld: jsonld, .json: claimreview)")
	server := fs.String("server", envOr(e, "CLAIMGRAPH_SERVER", ""), "post to this running claimgraph server instead of opening the store (env CLAIMGRAPH_SERVER)")
	token := fs.String("token", envOr(e, "CLAIMGRAPH_TOKEN", ""), "bearer token of the server named by --server (env CLAIMGRAPH_TOKEN)")
	if help, err := parse(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("%w: import takes one FILE (or - for standard input)", errUsage)
	}
	name := fs.Arg(0)
	f, err := importFormat(name, *format)
	if err != nil {
		return err
	}
	doc, err := readDump(name, e.stdin)
	if err != nil {
		return err
	}
	var n graph.Imported
	if *server != "" {
		n, err = importRemote(ctx, doc, *server, *token, f)
	} else {
		n, err = importLocal(ctx, doc, cfg, f)
	}
	if err != nil {
		return fmt.Errorf("import %s: %w", name, err)
	}
	fmt.Fprintf(e.stdout, "imported %d quads: %d articles, %d claims, %d claim reviews\n", n.Quads, n.Articles, n.Claims, n.Reviews)
	return nil
}

// importFormat is the format given, or the one the file's extension names.
func importFormat(name, given string) (string, error) {
	if given != "" {
		return given, nil
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".nq", ".nquads":
		return graph.FormatNQuads, nil
	case ".jsonld":
		return graph.FormatJSONLD, nil
	case ".json":
		return graph.FormatClaimReview, nil
	}
	return "", fmt.Errorf("%w: import: cannot tell the format of %q: pass --format nquads, jsonld or claimreview", errUsage, name)
}

// readDump reads a whole document, from standard input for "-".
func readDump(name string, stdin io.Reader) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(stdin)
	}
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	return b, nil
}

func importLocal(ctx context.Context, doc []byte, cfg storeConfig, format string) (graph.Imported, error) {
	store, err := cfg.open(ctx)
	if err != nil {
		return graph.Imported{}, fmt.Errorf("%w (is a server using it? then pass --server URL)", err)
	}
	defer store.Close()
	return store.Import(ctx, bytes.NewReader(doc), format)
}

func importRemote(ctx context.Context, doc []byte, server, token, format string) (graph.Imported, error) {
	var n graph.Imported
	u := strings.TrimRight(server, "/") + "/v1/import?" + url.Values{"format": {format}}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(doc))
	if err != nil {
		return n, err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return n, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return n, apiError("import", resp)
	}
	return n, json.NewDecoder(resp.Body).Decode(&n)
}
