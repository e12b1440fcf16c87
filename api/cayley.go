package api

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// uiPrefix is where Cayley's web UI is served.
const uiPrefix = "/cayley/"

// monacoFiles is the part of Monaco 0.18.1 that Cayley's UI loads, gzipped;
// the UI would fetch it from a CDN, unreachable offline.
//
//go:embed cayleyui/monaco
var monacoFiles embed.FS

// uiRewrites make Cayley's built UI work under uiPrefix on our origin. The
// build hard-codes its API at http://localhost:64210, absolute asset paths,
// webpack's public path "/", Monaco on a CDN and a Google font import.
var uiRewrites = []struct{ old, new string }{
	{`"http://localhost:64210"`, `""`},
	{`https://cdn.jsdelivr.net/npm/monaco-editor@0.18.1/min/vs`, uiPrefix + "monaco/vs"},
	{`"/gizmo.d.ts"`, `"` + uiPrefix + `gizmo.d.ts"`},
	{`href="/`, `href="` + uiPrefix},
	{`src="/`, `src="` + uiPrefix},
	{`l.p="/"`, `l.p="` + uiPrefix + `"`},
	{`@import url(https://fonts.googleapis.com/icon?family=Material+Icons);`, ``},
}

// cayleyUI serves Cayley's web UI under uiPrefix: its files with the
// rewrites applied (done once, here), and the vendored Monaco. The files are
// embedded in the binary, so failing to read them is a broken build.
func cayleyUI() gin.HandlerFunc {
	files := graph.CayleyUI()
	rewritten := make(map[string][]byte)
	err := fs.WalkDir(files, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !textAsset(name) {
			return err
		}
		data, err := fs.ReadFile(files, name)
		if err != nil {
			return err
		}
		for _, r := range uiRewrites {
			data = bytes.ReplaceAll(data, []byte(r.old), []byte(r.new))
		}
		rewritten[name] = data
		return nil
	})
	if err != nil {
		panic(fmt.Sprintf("load cayley ui: %v", err))
	}
	static := http.FileServerFS(files)
	return func(c *gin.Context) {
		name := strings.TrimPrefix(c.Param("any"), "/")
		switch {
		case name == "" || name == "index.html":
			c.Data(http.StatusOK, "text/html; charset=utf-8", rewritten["index.html"])
		case strings.HasPrefix(name, "monaco/"):
			serveGzipped(c, "cayleyui/"+name)
		case rewritten[name] != nil:
			c.Data(http.StatusOK, mime.TypeByExtension(path.Ext(name)), rewritten[name])
		default:
			c.Request.URL.Path = "/" + name
			static.ServeHTTP(c.Writer, c.Request)
		}
	}
}

// textAsset reports whether name is a file the rewrites apply to.
func textAsset(name string) bool {
	switch path.Ext(name) {
	case ".html", ".js", ".css":
		return true
	}
	return false
}

// serveGzipped serves the embedded file name+".gz": as stored when the
// client takes gzip (every browser does), inflated otherwise.
func serveGzipped(c *gin.Context, name string) {
	data, err := monacoFiles.ReadFile(name + ".gz")
	if err != nil {
		c.JSON(http.StatusNotFound, errorBody{"no file " + c.Request.URL.Path, codeNotFound})
		return
	}
	c.Header("Content-Type", mime.TypeByExtension(path.Ext(name)))
	c.Header("Cache-Control", "public, max-age=86400")
	c.Header("Vary", "Accept-Encoding")
	if strings.Contains(c.GetHeader("Accept-Encoding"), "gzip") {
		c.Header("Content-Encoding", "gzip")
		c.Data(http.StatusOK, c.Writer.Header().Get("Content-Type"), data)
		return
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		panic(fmt.Sprintf("embedded %s: %v", name, err)) // a corrupt build
	}
	c.Status(http.StatusOK)
	io.Copy(c.Writer, zr)
}
