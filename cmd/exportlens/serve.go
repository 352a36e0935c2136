//go:build !wasm

package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/signal"
	"path"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/ui"
)

// The Content-Security-Policy of the viewer: only the app's own origin, plus
// blob: for the object URLs of images and recordings; no frames or plugins
// (a PDF is shown as its text, never rendered in the page); wasm may
// be compiled ('wasm-unsafe-eval'); no inline script, and no script from
// blob: or data: URLs, which is where export content could be; no <base>
// (base-uri), no forms (form-action). Style attributes are
// allowed because go-app sets inline styles with setAttribute (Style()),
// which style-src 'self' would refuse; they load nothing.
const cspBase = "default-src 'self'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; style-src-attr 'unsafe-inline'; " +
	"img-src 'self' blob:; media-src 'self' blob:; " +
	"frame-src 'none'; object-src 'none'; " +
	"worker-src 'self'; connect-src 'self'; font-src 'self'; manifest-src 'self'; " +
	"base-uri 'none'; form-action 'none'"

// csp is the header form. frame-ancestors works only as a header, so the
// <meta> form of a static site (cspBase) leaves it out.
const csp = cspBase + "; frame-ancestors 'none'"

// securityHeaders are sent with every response.
var securityHeaders = map[string]string{
	"Content-Security-Policy": csp,
	"X-Content-Type-Options":  "nosniff",
	"Referrer-Policy":         "no-referrer",
}

const serveUsage = `usage: exportlens serve [--addr 127.0.0.1:8000] [--open=false]
`

func runServe(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("serve", flag.ContinueOnError)
	fset.SetOutput(stderr)
	fset.Usage = func() { fmt.Fprint(stderr, serveUsage); fset.PrintDefaults() }
	addr := fset.String("addr", "127.0.0.1:8000", "the `host:port` to listen on")
	open := fset.Bool("open", true, "open the app in the browser, where there is one")
	if err := fset.Parse(args); err != nil {
		return 2
	}
	if fset.NArg() > 0 {
		fmt.Fprintf(stderr, "exportlens serve: unexpected argument %q\n%s", fset.Arg(0), serveUsage)
		return 2
	}
	h, err := newServer(webFiles)
	if err != nil {
		fmt.Fprintf(stderr, "exportlens serve: %v\n", err)
		return 2
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "exportlens serve: %v\n", err)
		return 2
	}
	url := "http://" + displayAddr(ln.Addr().String()) + "/"
	fmt.Fprintf(stdout, "ExportLens is running at %s (Ctrl-C stops it). Exports you open stay in your browser.\n", url)
	if *open {
		openBrowser(url)
	}

	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "exportlens serve: %v\n", err)
		return 2
	}
	return 0
}

// displayAddr turns a wildcard listen address into one a browser can open.
func displayAddr(a string) string {
	host, port, err := net.SplitHostPort(a)
	if err != nil {
		return a
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
	}
	return net.JoinHostPort(host, port)
}

// openBrowser starts the desktop's browser on url, where one exists. It never
// fails: on a server without a display nothing happens, and the printed URL
// is enough. On Linux it needs a display, because xdg-open would otherwise
// start a text browser inside this terminal.
func openBrowser(url string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
			return
		}
		p, err := exec.LookPath("xdg-open")
		if err != nil {
			return
		}
		cmd = exec.Command(p, url)
	}
	if cmd.Start() == nil {
		go cmd.Wait()
	}
}

var routesOnce sync.Once

// workerScript is the service worker's template in the web folder.
const workerScript = "app-worker.js"

// newAppHandler is the client's app description (ui.Handler) made to run
// from the embedded files under prefix ("" at the root).
func newAppHandler(files fs.FS, prefix string) *app.Handler {
	routesOnce.Do(ui.Routes)
	// The service worker: web/app-worker.js (newServer and writeStatic
	// refuse a web folder without it). Without one, a worker that handles
	// nothing and so caches nothing, never go-app's default.
	worker, err := fs.ReadFile(files, workerScript)
	if err != nil {
		worker = []byte("// no app-worker.js in this build: nothing is cached\n")
	}
	h := ui.Handler(webVersion(files), string(worker))
	h.Resources = assets{files: files, prefix: prefix}
	h.WasmContentLengthHeader = wasmLengthHeader
	// go-app fills a missing icon with a URL on a third-party host; every
	// icon must be local (and the CSP would refuse the others anyway).
	if h.Icon.Default == "" || isRemote(h.Icon.Default) {
		h.Icon.Default = "/web/icon-192.png"
	}
	if h.Icon.Large == "" || isRemote(h.Icon.Large) {
		h.Icon.Large = "/web/icon-512.png"
	}
	if h.Icon.SVG == "" || isRemote(h.Icon.SVG) {
		h.Icon.SVG = "/web/icon.svg"
	}
	if isRemote(h.Icon.AppleTouch) {
		h.Icon.AppleTouch = ""
	}
	return h
}

func isRemote(u string) bool {
	return strings.Contains(u, "//")
}

// newServer is the whole HTTP side of `exportlens serve` (tests use it too):
// go-app's handler over the embedded files, GOROOT's wasm_exec.js instead of
// go-app's older copy, one fixed copy of the app shell, the service worker
// with the hashes of what it may cache, and the security headers on every
// response.
func newServer(files fs.FS) (http.Handler, error) {
	if !hasWasm(files) {
		return nil, errors.New("this binary has no web/app.wasm: build it first with `make build` (the wasm is built before the native binary embeds it)")
	}
	if _, err := fs.Stat(files, "wasm_exec.js"); err != nil {
		return nil, errors.New("this binary has no web/wasm_exec.js: build it with `make build`, which copies it from GOROOT")
	}
	if _, err := fs.Stat(files, workerScript); err != nil {
		return nil, errors.New("this binary has no web/" + workerScript + ", the service worker: it is part of the repository")
	}
	h := newAppHandler(files, "")
	etag := `"` + h.Version + `"`
	revalidate := func(w http.ResponseWriter, r *http.Request) bool {
		// Same caching as go-app's own files: revalidate, by version.
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return true
		}
		return false
	}
	var app http.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/wasm_exec.js" {
			if !revalidate(w, r) {
				serveFile(w, r, files, "wasm_exec.js")
			}
			return
		}
		if path.Ext(r.URL.Path) != "" || strings.HasPrefix(r.URL.Path, "/web/") {
			h.ServeHTTP(w, r)
			return
		}
		// A page go-app renders: its viewport is made zoomable.
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		body := rec.Body.Bytes()
		if strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
			body = zoomable(body)
			w.Header().Del("Content-Length")
		}
		w.WriteHeader(rec.Code)
		w.Write(body)
	})

	// go-app renders a page anew for every request, with its attributes in
	// map order and the request's host in og:url: the worker could never
	// check a hash of it. The shell "/" is rendered once, without og:url
	// (it names no one place), and served as it is.
	shell, shellType, err := inProcessGet(app, "/")
	if err != nil {
		return nil, fmt.Errorf("rendering the app shell: %w", err)
	}
	shell = zoomable(ogURL.ReplaceAll(shell, nil))
	app = withShell(app, shell, shellType, revalidate)

	paths, err := workerPaths(files, "")
	if err != nil {
		return nil, err
	}
	m, err := newWorkerManifest(paths, func(p string) ([]byte, string, error) { return inProcessGet(app, p) })
	if err != nil {
		return nil, err
	}
	worker, workerType, err := inProcessGet(app, "/app-worker.js")
	if err != nil {
		return nil, err
	}
	if worker, err = withManifest(worker, m); err != nil {
		return nil, err
	}
	return withGzip(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range securityHeaders {
			w.Header().Set(k, v)
		}
		if r.URL.Path == "/app-worker.js" {
			if !revalidate(w, r) {
				w.Header().Set("Content-Type", workerType)
				http.ServeContent(w, r, "", zeroTime, bytes.NewReader(worker))
			}
			return
		}
		app.ServeHTTP(w, r)
	})), nil
}

// withShell serves page for "/" and leaves every other path to next.
func withShell(next http.Handler, page []byte, ctype string, revalidate func(http.ResponseWriter, *http.Request) bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			next.ServeHTTP(w, r)
			return
		}
		if !revalidate(w, r) {
			w.Header().Set("Content-Type", ctype)
			http.ServeContent(w, r, "", zeroTime, bytes.NewReader(page))
		}
	})
}

// inProcessGet is what a browser would get for path, decoded: no
// Accept-Encoding, so precompressed files come as they are.
func inProcessGet(h http.Handler, path string) ([]byte, string, error) {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
	if w.Code != http.StatusOK {
		return nil, "", fmt.Errorf("GET %s: status %d", path, w.Code)
	}
	return w.Body.Bytes(), w.Header().Get("Content-Type"), nil
}
