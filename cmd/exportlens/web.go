//go:build !wasm

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/http/httptest"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"exportlens/app/ui"
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

// workerFile is one file the service worker may cache and serve.
type workerFile struct {
	SHA256 string `json:"sha256"` // of the bytes the worker sees (decoded)
	Type   string `json:"type"`
}

// workerManifest is what the service worker knows of this build: every file
// it may cache, by URL path, and the headers of what it serves. It is
// embedded in the worker script (ui.WorkerManifest), which the browser
// always fetches from the server, so a page that writes CacheStorage cannot
// change it.
type workerManifest struct {
	Files        map[string]workerFile `json:"files"`
	Headers      map[string]string     `json:"headers"`
	LengthHeader string                `json:"lengthHeader"`
}

// workerPaths lists the URL paths the worker caches: go-app's own list (the
// shell, app.js, wasm_exec.js, app.wasm, its manifest and CSS, the styles,
// the icons) and the bundled demos with their index. The shell of a site
// under a prefix is "PREFIX/", the address its pages live at.
func workerPaths(files fs.FS, prefix string) ([]string, error) {
	// go-app computes its list when it renders the worker template, and
	// shows it to nobody else: a handler of the same description with a
	// template that is only the list gives it exactly.
	probe := newAppHandler(files, prefix)
	probe.ServiceWorkerTemplate = "{{.ResourcesToCache}}"
	w := httptest.NewRecorder()
	probe.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/app-worker.js", nil))
	var list []string
	if err := json.Unmarshal(w.Body.Bytes(), &list); err != nil {
		return nil, fmt.Errorf("reading go-app's list of files to cache: %w", err)
	}
	if b, err := fs.ReadFile(files, "demo/index.json"); err == nil {
		var demos []struct {
			Files []string `json:"files"`
		}
		if err := json.Unmarshal(b, &demos); err != nil {
			return nil, fmt.Errorf("web/demo/index.json: %w", err)
		}
		list = append(list, prefix+"/web/demo/index.json")
		for _, d := range demos {
			for _, f := range d.Files {
				list = append(list, prefix+"/"+strings.TrimLeft(f, "/"))
			}
		}
	}
	for i, p := range list {
		if p == prefix || p == "" {
			list[i] = prefix + "/"
		}
	}
	sort.Strings(list)
	return slices.Compact(list), nil
}

// newWorkerManifest hashes every path of the worker's list, as get returns
// it: the decoded body and its Content-Type.
func newWorkerManifest(paths []string, get func(path string) (body []byte, ctype string, err error)) (workerManifest, error) {
	m := workerManifest{Files: map[string]workerFile{}, Headers: map[string]string{}, LengthHeader: wasmLengthHeader}
	for k, v := range securityHeaders {
		m.Headers[k] = v
	}
	for _, p := range paths {
		body, ctype, err := get(p)
		if err != nil {
			return m, fmt.Errorf("hashing %s for the service worker: %w", p, err)
		}
		sum := sha256.Sum256(body)
		m.Files[p] = workerFile{SHA256: hex.EncodeToString(sum[:]), Type: ctype}
	}
	return m, nil
}

// withManifest puts m into a worker script rendered from ui's template.
func withManifest(worker []byte, m workerManifest) ([]byte, error) {
	if !bytes.Contains(worker, []byte(ui.WorkerManifest)) {
		return nil, errors.New("the service worker script has no manifest placeholder")
	}
	js, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	return bytes.Replace(worker, []byte(ui.WorkerManifest), js, 1), nil
}
