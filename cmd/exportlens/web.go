//go:build !wasm

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"exportlens/web"
)

// webFiles is the embedded web folder (icons, CSS, demos, and after a build
// app.wasm, its .br/.gz copies and GOROOT's wasm_exec.js). Tests may swap it.
var webFiles fs.FS = web.FS

// wasmLengthHeader carries the uncompressed size of app.wasm: go-app's loader
// counts decompressed bytes, so a compressed Content-Length would show more
// than 100 %.
const wasmLengthHeader = "X-Uncompressed-Content-Length"

// hasWasm reports whether the binary was built with the app inside.
func hasWasm(files fs.FS) bool {
	_, err := fs.Stat(files, "app.wasm")
	return err == nil
}

// webVersion is a hash of every embedded file: it changes exactly when the
// app changes, which is what go-app's Version is for (the service worker
// refreshes its cache when the version changes), and it is never empty.
func webVersion(files fs.FS) string {
	h := sha256.New()
	var names []string
	fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	for _, n := range names {
		f, err := files.Open(n)
		if err != nil {
			continue
		}
		io.WriteString(h, n+"\x00")
		io.Copy(h, f)
		f.Close()
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// assets is go-app's ResourceProvider over the embedded files. prefix is the
// URL path the app lives under ("" at the root, "/sub" for a static site
// under a sub-path). As an http.Handler it serves /web/... from the
// embedded files; go-app hands it those paths.
type assets struct {
	files  fs.FS
	prefix string
}

func (a assets) Package() string { return a.prefix }
func (a assets) Static() string  { return a.prefix }
func (a assets) AppWASM() string { return a.prefix + "/web/app.wasm" }

func (a assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutPrefix(r.URL.Path, "/web/")
	if !ok || !fs.ValidPath(name) || !servable(name) {
		http.NotFound(w, r)
		return
	}
	serveFile(w, r, a.files, name)
}

// servable hides what is in the web folder but is not the app: the embedding
// source file and hidden files.
func servable(name string) bool {
	base := path.Base(name)
	return !strings.HasSuffix(base, ".go") && !strings.HasPrefix(base, ".")
}

// serveFile writes one embedded file. When NAME.br or NAME.gz exists and the
// request accepts that encoding, the precompressed copy goes out instead
// (brotli first: it is the smaller one).
func serveFile(w http.ResponseWriter, r *http.Request, files fs.FS, name string) {
	body, err := fs.ReadFile(files, name)
	if err != nil {
		// Directories and missing files alike: no listings.
		http.NotFound(w, r)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(body)
	}
	w.Header().Set("Content-Type", ctype)
	if strings.HasSuffix(name, ".wasm") {
		w.Header().Set(wasmLengthHeader, strconv.Itoa(len(body)))
	}
	for _, enc := range []struct{ token, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		packed, err := fs.ReadFile(files, name+enc.ext)
		if err != nil {
			continue
		}
		w.Header().Add("Vary", "Accept-Encoding")
		if !acceptsEncoding(r.Header.Get("Accept-Encoding"), enc.token) {
			continue
		}
		w.Header().Set("Content-Encoding", enc.token)
		w.Header().Set("Content-Length", strconv.Itoa(len(packed)))
		if r.Method != http.MethodHead {
			w.Write(packed)
		}
		return
	}
	http.ServeContent(w, r, name, zeroTime, bytes.NewReader(body))
}

// acceptsEncoding reports whether an Accept-Encoding header allows token:
// listed with a q above 0, or covered by "*" when not listed itself.
func acceptsEncoding(header, token string) bool {
	star := false
	for part := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		allowed := true
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if q, err := strconv.ParseFloat(v, 64); err == nil && q <= 0 {
				allowed = false
			}
		}
		switch coding {
		case token:
			return allowed
		case "*":
			star = allowed
		}
	}
	return star
}

// zeroTime leaves Last-Modified out: embedded files have no time; the
// version ETag that go-app sets does the caching.
var zeroTime time.Time
