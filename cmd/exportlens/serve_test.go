//go:build !wasm

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"exportlens/app/ui"
	"exportlens/web"
)

// needBuild skips a test that needs the built app (web/app.wasm and GOROOT's
// wasm_exec.js embedded), unless CI is set: there the Makefile builds the
// wasm before `go test`, so a missing app is a failure.
func needBuild(t testing.TB) {
	t.Helper()
	if hasWasm(webFiles) {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatal("web/app.wasm is not embedded although CI is set: run `make test`, which builds the wasm before the tests")
	}
	t.Skip("web/app.wasm is missing: run `make build` or `make test` (they build the wasm first) to run this test")
}

func gorootWasmExec(t *testing.T) []byte {
	t.Helper()
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fakeWeb is a built web folder in miniature, for the tests that need no
// real wasm.
func fakeWeb() fstest.MapFS {
	return fstest.MapFS{
		"app.wasm":     {Data: []byte("\x00asm raw wasm")},
		"app.wasm.br":  {Data: []byte("brotli bytes")},
		"app.wasm.gz":  {Data: []byte("gzip bytes")},
		"wasm_exec.js": {Data: []byte("// wasm_exec.js from GOROOT\n")},
		"app.css":      {Data: []byte("body{}")},
		"open.css":     {Data: []byte(".open-panel{}")},
		"watchdog.js":  {Data: []byte("// the watchdog\n")},
		"early.js":     {Data: []byte("// early picks\n")},
		workerScript:   {Data: mustReadWeb("app-worker.js")},
		"icon-192.png": {Data: []byte("png")},
		"icon-512.png": {Data: []byte("png")},
		"icon.svg":     {Data: []byte("<svg/>")},
		"embed.go":     {Data: []byte("package web")},
	}
}

func get(t *testing.T, h http.Handler, path string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestServeHeadersAndFiles(t *testing.T) {
	h, err := newServer(fakeWeb())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, accept string
		status             int
		body, encoding     string
	}{
		{"page", "/", "", 200, `src="/wasm_exec.js"`, ""},
		{"wasm brotli", "/web/app.wasm", "gzip, deflate, br", 200, "brotli bytes", "br"},
		{"wasm gzip", "/web/app.wasm", "gzip", 200, "gzip bytes", "gzip"},
		{"wasm brotli refused", "/web/app.wasm", "br;q=0, gzip", 200, "gzip bytes", "gzip"},
		{"wasm raw", "/web/app.wasm", "", 200, "\x00asm raw wasm", ""},
		{"go-app wasm path", "/app.wasm", "br", 200, "brotli bytes", "br"},
		{"wasm_exec from the build", "/wasm_exec.js", "", 200, "// wasm_exec.js from GOROOT\n", ""},
		{"css", "/web/app.css", "", 200, "body{}", ""},
		{"embedding source hidden", "/web/embed.go", "", 404, "", ""},
		{"no traversal", "/web/../go.mod", "", 404, "", ""},
		{"no listing", "/web/", "", 404, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := get(t, h, tc.path, "Accept-Encoding", tc.accept)
			if w.Code != tc.status {
				t.Fatalf("GET %s: got status %d, want %d", tc.path, w.Code, tc.status)
			}
			if got := w.Header().Get("Content-Security-Policy"); got != csp {
				t.Errorf("GET %s: got CSP %q, want %q", tc.path, got, csp)
			}
			if tc.status != 200 {
				return
			}
			if !strings.Contains(w.Body.String(), tc.body) {
				t.Errorf("GET %s: got body %.200q, want it to contain %q", tc.path, w.Body.String(), tc.body)
			}
			if got := w.Header().Get("Content-Encoding"); got != tc.encoding {
				t.Errorf("GET %s: got Content-Encoding %q, want %q", tc.path, got, tc.encoding)
			}
		})
	}
}

func TestServePageHasNoInlineScriptOrRemoteURL(t *testing.T) {
	h, err := newServer(fakeWeb())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/", "/manifest.webmanifest", "/app.js", "/app-worker.js"} {
		body := get(t, h, p).Body.String()
		if p == "/" && strings.Contains(body, "<script>") {
			t.Errorf("GET /: got an inline <script>, which the CSP refuses:\n%s", body)
		}
		for _, bad := range []string{"https://", "raw.githubusercontent"} {
			if strings.Contains(body, bad) {
				t.Errorf("GET %s: got %q in the body; every resource must be local", p, bad)
			}
		}
	}
}

// TestServeShellSaysLoading: the page the server sends, before app.wasm
// runs, loads web/early.js as a plain script (it must listen from the
// page's start, before the deferred scripts start the wasm), and its
// pickers say they are loading, with the German beside the English for
// early.js to choose.
func TestServeShellSaysLoading(t *testing.T) {
	h, err := newServer(fakeWeb())
	if err != nil {
		t.Fatal(err)
	}
	body := get(t, h, "/").Body.String()
	script := regexp.MustCompile(`<script[^>]*src="/web/early.js"[^>]*>`).FindString(body)
	switch {
	case script == "":
		t.Errorf("GET /: no <script src=\"/web/early.js\">:\n%s", body)
	case strings.Contains(script, "defer") || strings.Contains(script, "async"):
		t.Errorf("GET /: got %s, want a plain script (it must run before the wasm starts)", script)
	}
	for _, want := range []string{
		`data-early-en="Choose files"`, `data-early-de="Dateien wählen"`,
		`data-early-en="Choose a folder"`, `data-early-de="Ordner wählen"`,
		`data-early-de="lädt…"`, `data-early-picked-de="öffnet, sobald die App geladen ist"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("GET /: the prerendered pickers lack %s", want)
		}
	}
	if n := strings.Count(body, `data-testid="open-loading"`); n != 2 {
		t.Errorf("GET /: got %d loading notes, want 2 (one per picker)", n)
	}
	// The real script is embedded, and it is the one that keeps the picks.
	js, err := fs.ReadFile(web.FS, "early.js")
	if err != nil || !strings.Contains(string(js), "exportlensEarly") {
		t.Errorf("web/early.js: got %d bytes (%v), want the script that defines exportlensEarly", len(js), err)
	}
}

func TestServeNeedsBuild(t *testing.T) {
	files := fakeWeb()
	delete(files, "app.wasm")
	if _, err := newServer(files); err == nil || !strings.Contains(err.Error(), "make build") {
		t.Errorf("newServer without app.wasm: got error %v, want one that says to run make build", err)
	}
}

func TestAcceptsEncoding(t *testing.T) {
	tests := []struct {
		name, header, token string
		want                bool
	}{
		{"listed", "gzip, deflate, br", "br", true},
		{"not listed", "gzip, deflate", "br", false},
		{"q zero", "br;q=0, gzip", "br", false},
		{"q zero point zero", "br; q=0.0", "br", false},
		{"q positive", "br;q=0.5", "br", true},
		{"star", "*", "gzip", true},
		{"star but refused by name", "*, gzip;q=0", "gzip", false},
		{"case", "GZIP", "gzip", true},
		{"empty", "", "gzip", false},
	}
	for _, tc := range tests {
		if got := acceptsEncoding(tc.header, tc.token); got != tc.want {
			t.Errorf("%s: acceptsEncoding(%q, %q) = %v, want %v", tc.name, tc.header, tc.token, got, tc.want)
		}
	}
}

// The served wasm_exec.js must be GOROOT's (go-app bundles an older copy
// that does not match the Go that built app.wasm).
func TestServedWasmExecIsGOROOTs(t *testing.T) {
	needBuild(t)
	h, err := newServer(webFiles)
	if err != nil {
		t.Fatal(err)
	}
	got := get(t, h, "/wasm_exec.js").Body.Bytes()
	if want := gorootWasmExec(t); !bytes.Equal(got, want) {
		t.Errorf("served /wasm_exec.js (%d bytes) differs from GOROOT's (%d bytes): rebuild with make build", len(got), len(want))
	}
}

func TestStaticSite(t *testing.T) {
	for _, prefix := range []string{"", "/sub/path"} {
		t.Run("prefix="+prefix, func(t *testing.T) {
			dir := t.TempDir()
			files := fakeWeb()
			if err := writeStatic(dir, prefix, files); err != nil {
				t.Fatal(err)
			}
			index, err := os.ReadFile(filepath.Join(dir, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			page := string(index)
			meta := `<meta http-equiv="Content-Security-Policy" content="` + cspBase + `">`
			if i, j := strings.Index(page, meta), strings.Index(page, "<script"); i < 0 || j < 0 || i > j {
				t.Errorf("index.html: got the CSP meta at %d and the first script at %d; want the meta before every script:\n%s", i, j, page)
			}
			if strings.Contains(page, "127.0.0.1") {
				t.Errorf("index.html: got the generating server's address in the page:\n%s", page)
			}
			for _, want := range []string{`src="` + prefix + `/wasm_exec.js"`, `href="` + prefix + `/web/app.css"`} {
				if !strings.Contains(page, want) {
					t.Errorf("index.html: want %s in:\n%s", want, page)
				}
			}
			appJS, _ := os.ReadFile(filepath.Join(dir, "app.js"))
			if !strings.Contains(string(appJS), `"`+prefix+`/web/app.wasm"`) {
				t.Errorf("app.js: want the wasm at %s/web/app.wasm", prefix)
			}
			for name, want := range map[string]string{
				"wasm_exec.js":     "// wasm_exec.js from GOROOT\n",
				"web/app.wasm":     "\x00asm raw wasm",
				"web/icon-192.png": "png",
			} {
				b, err := os.ReadFile(filepath.Join(dir, name))
				if err != nil || string(b) != want {
					t.Errorf("%s: got %q (%v), want %q", name, b, err, want)
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "web", "embed.go")); err == nil {
				t.Errorf("web/embed.go: got it copied; the site holds only what the server serves")
			}
			headers, err := os.ReadFile(filepath.Join(dir, "_headers"))
			if err != nil || !strings.Contains(string(headers), "Content-Security-Policy: "+csp) {
				t.Errorf("_headers: got %q (%v), want the CSP header", headers, err)
			}
		})
	}
}

// The site that `exportlens static` writes works from a plain file server:
// every file the service worker caches exists there, with the bytes and the
// type the worker's manifest says.
func TestStaticSiteServesItsOwnFiles(t *testing.T) {
	for _, prefix := range []string{"", "/sub/path"} {
		t.Run("prefix="+prefix, func(t *testing.T) {
			dir := t.TempDir()
			if err := writeStatic(dir, prefix, fakeWeb()); err != nil {
				t.Fatal(err)
			}
			files := http.FileServer(http.Dir(dir))
			srv := httptest.NewServer(http.StripPrefix(prefix, files))
			defer srv.Close()
			worker, err := os.ReadFile(filepath.Join(dir, "app-worker.js"))
			if err != nil {
				t.Fatal(err)
			}
			m := manifestOf(t, worker)
			// A static host picks its own types (the worker answers with the
			// manifest's), so only the bytes are compared.
			checkManifest(t, m, prefix, false, func(p string) (*http.Response, error) { return http.Get(srv.URL + p) })
		})
	}
}

// The worker that `exportlens serve` sends knows the hash of every file it
// caches, as the server sends it (decoded), whatever encoding is asked for.
func TestServeWorkerManifest(t *testing.T) {
	h, err := newServer(fakeWeb())
	if err != nil {
		t.Fatal(err)
	}
	w := get(t, h, "/app-worker.js")
	if w.Code != 200 {
		t.Fatalf("GET /app-worker.js: status %d", w.Code)
	}
	m := manifestOf(t, w.Body.Bytes())
	if got := m.Headers["Content-Security-Policy"]; got != csp {
		t.Errorf("worker manifest: got CSP %q, want the server's %q", got, csp)
	}
	for _, enc := range []string{"", "br", "gzip"} {
		checkManifest(t, m, "", true, func(p string) (*http.Response, error) {
			rec := get(t, h, p, "Accept-Encoding", enc)
			res := rec.Result()
			// The fake brotli and gzip copies are not real encodings of
			// app.wasm: what a browser decodes from them is the raw file.
			if ce := res.Header.Get("Content-Encoding"); ce != "" {
				res.Header.Del("Content-Encoding")
				res.Body = io.NopCloser(bytes.NewReader(get(t, h, p).Body.Bytes()))
			}
			return res, nil
		})
	}
}

// The shell must be the same bytes for every request and every host, or the
// worker's hash of it would not hold.
func TestServeShellIsFixed(t *testing.T) {
	h, err := newServer(fakeWeb())
	if err != nil {
		t.Fatal(err)
	}
	first := get(t, h, "/").Body.String()
	for i := range 20 {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Host = fmt.Sprintf("host%d.example:8000", i)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Body.String() != first {
			t.Fatalf("GET / with Host %s: got a different page than the first:\n%s\n---\n%s", r.Host, w.Body, first)
		}
		if strings.Contains(w.Body.String(), r.Host) {
			t.Errorf("GET /: got the request's host %s in the shell", r.Host)
		}
	}
}

// manifestOf reads the manifest out of a worker script.
func manifestOf(t *testing.T, worker []byte) workerManifest {
	t.Helper()
	if bytes.Contains(worker, []byte(ui.WorkerManifest)) {
		t.Fatalf("the worker still has the empty manifest placeholder:\n%s", worker)
	}
	const start = "const manifest = "
	i := bytes.Index(worker, []byte(start))
	if i < 0 {
		t.Fatalf("no %q in the worker:\n%s", start, worker)
	}
	var m workerManifest
	if err := json.NewDecoder(bytes.NewReader(worker[i+len(start):])).Decode(&m); err != nil {
		t.Fatalf("the worker's manifest: %v", err)
	}
	return m
}

// checkManifest fetches every file of m and compares it with its entry (the
// type too when types is set); it also checks that m lists the files the
// app needs offline.
func checkManifest(t *testing.T, m workerManifest, prefix string, types bool, fetch func(path string) (*http.Response, error)) {
	t.Helper()
	for _, want := range []string{"/", "/app.js", "/wasm_exec.js", "/web/app.wasm", "/manifest.webmanifest", "/app.css", "/web/app.css", "/web/icon.svg", "/web/icon-192.png"} {
		if _, ok := m.Files[prefix+want]; !ok {
			t.Errorf("worker manifest: no %s%s; got %v", prefix, want, slices.Sorted(maps.Keys(m.Files)))
		}
	}
	if _, ok := m.Files[prefix+"/app-worker.js"]; ok {
		t.Errorf("worker manifest: lists the worker itself, which the browser must always fetch from the server")
	}
	for p, f := range m.Files {
		res, err := fetch(p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("GET %s: got status %d, want 200", p, res.StatusCode)
			continue
		}
		sum := sha256.Sum256(body)
		if got := hex.EncodeToString(sum[:]); got != f.SHA256 {
			t.Errorf("GET %s: got SHA-256 %s, want the manifest's %s", p, got, f.SHA256)
		}
		if mt, _, _ := strings.Cut(f.Type, ";"); mt == "" || types && !strings.HasPrefix(res.Header.Get("Content-Type"), mt) {
			t.Errorf("GET %s: got Content-Type %q, manifest says %q", p, res.Header.Get("Content-Type"), f.Type)
		}
	}
}

// parseCSP splits a policy into its directives and their sources.
func parseCSP(policy string) map[string][]string {
	d := map[string][]string{}
	for part := range strings.SplitSeq(policy, ";") {
		f := strings.Fields(part)
		if len(f) > 0 {
			d[f[0]] = f[1:]
		}
	}
	return d
}

// Export content becomes blob: URLs (and could be data: URLs): no policy
// the app sends may let such a document or any inline code run script, load
// a plugin, rebase links or submit a form; the header form also forbids
// framing the app.
func TestCSPLeavesNoScriptGap(t *testing.T) {
	dir := t.TempDir()
	if err := writeStatic(dir, "", fakeWeb()); err != nil {
		t.Fatal(err)
	}
	index, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	meta := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindSubmatch(index)
	headers, _ := os.ReadFile(filepath.Join(dir, "_headers"))
	header := regexp.MustCompile(`Content-Security-Policy: (.*)`).FindSubmatch(headers)
	if meta == nil || header == nil {
		t.Fatalf("static site: got meta %q and _headers %q, want a CSP in both", meta, headers)
	}
	h, err := newServer(fakeWeb())
	if err != nil {
		t.Fatal(err)
	}
	policies := []struct {
		name, policy string
		header       bool
	}{
		{"serve", get(t, h, "/").Header().Get("Content-Security-Policy"), true},
		{"static _headers", string(header[1]), true},
		{"static meta", string(meta[1]), false},
	}
	for _, p := range policies {
		d := parseCSP(p.policy)
		if got := d["default-src"]; !slices.Equal(got, []string{"'self'"}) {
			t.Errorf("%s: got default-src %q, want only 'self'", p.name, got)
		}
		for _, name := range []string{"script-src", "worker-src"} {
			src, ok := d[name]
			if !ok {
				t.Errorf("%s: no %s; it must not fall back to a looser default", p.name, name)
			}
			for _, s := range src {
				if s != "'self'" && s != "'wasm-unsafe-eval'" {
					t.Errorf("%s: got %s %s; only 'self' and 'wasm-unsafe-eval' may run script", p.name, name, s)
				}
			}
		}
		for name, src := range d {
			for _, s := range src {
				if s == "*" || s == "data:" || s == "http:" || s == "https:" || s == "'unsafe-inline'" && name != "style-src-attr" || s == "'unsafe-eval'" {
					t.Errorf("%s: got %s %s", p.name, name, s)
				}
			}
		}
		// No frames: a PDF is shown as its text, never rendered in the page.
		want := map[string]string{"frame-src": "'none'", "object-src": "'none'", "base-uri": "'none'", "form-action": "'none'"}
		if p.header {
			want["frame-ancestors"] = "'none'"
		}
		for name, v := range want {
			if got := d[name]; !slices.Equal(got, []string{v}) {
				t.Errorf("%s: got %s %q, want %s", p.name, name, got, v)
			}
		}
	}
}

// TestServePagesAreZoomable: every page the server or `exportlens static`
// sends lets people pinch to zoom (go-app's own viewport forbids it).
func TestServePagesAreZoomable(t *testing.T) {
	h, err := newServer(fakeWeb())
	if err != nil {
		t.Fatal(err)
	}
	check := func(where, page string) {
		t.Helper()
		m := viewport.FindString(page)
		if m == "" || strings.Contains(m, "maximum-scale") || strings.Contains(m, "user-scalable") {
			t.Errorf("%s: viewport %q, want one that allows zooming", where, m)
		}
	}
	for _, p := range []string{"/", "/recordings", "/files", "/transcripts"} {
		res := get(t, h, p)
		if res.Code != 200 || !strings.HasPrefix(res.Header().Get("Content-Type"), "text/html") {
			t.Fatalf("GET %s: %d %s", p, res.Code, res.Header().Get("Content-Type"))
		}
		check("GET "+p, res.Body.String())
	}
	dir := t.TempDir()
	if err := writeStatic(dir, "", fakeWeb()); err != nil {
		t.Fatal(err)
	}
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	check("static index.html", string(index))
}

// mustReadWeb is a file of the web folder as committed.
func mustReadWeb(name string) []byte {
	b, err := fs.ReadFile(web.FS, name)
	if err != nil {
		panic(err)
	}
	return b
}

// TestWorkerScript: web/app-worker.js holds the manifest's placeholder
// exactly once (where the server puts the manifest), uses go-app's version,
// and a web folder without it is refused by the server and the static site.
func TestWorkerScript(t *testing.T) {
	js := string(mustReadWeb(workerScript))
	if n := strings.Count(js, ui.WorkerManifest); n != 1 {
		t.Errorf("%s holds the manifest placeholder %d times, want once", workerScript, n)
	}
	if !strings.Contains(js, `const cacheName = "app-" + "{{.Version}}";`) {
		t.Errorf("%s does not name its cache by go-app's version", workerScript)
	}
	files := fakeWeb()
	delete(files, workerScript)
	if _, err := newServer(files); err == nil || !strings.Contains(err.Error(), workerScript) {
		t.Errorf("server without %s: err %v, want one naming it", workerScript, err)
	}
	if err := writeStatic(t.TempDir(), "", files); err == nil || !strings.Contains(err.Error(), workerScript) {
		t.Errorf("static site without %s: err %v, want one naming it", workerScript, err)
	}
}
