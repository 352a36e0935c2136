//go:build !wasm

package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

const staticUsage = `usage: exportlens static [--prefix /sub/path] DIR
       writes the viewer as a static site into DIR, for any static web server;
       --prefix is the URL path it will be served under (default: the root)
`

func runStatic(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("static", flag.ContinueOnError)
	fset.SetOutput(stderr)
	fset.Usage = func() { fmt.Fprint(stderr, staticUsage); fset.PrintDefaults() }
	prefix := fset.String("prefix", "", "the URL `path` the site is served under, e.g. /exportlens")
	if err := fset.Parse(args); err != nil {
		return 2
	}
	if fset.NArg() != 1 {
		fset.Usage()
		return 2
	}
	dir := fset.Arg(0)
	if err := writeStatic(dir, *prefix, webFiles); err != nil {
		fmt.Fprintf(stderr, "exportlens static: %v\n", err)
		return 2
	}
	fmt.Fprintf(stdout, "Wrote the static site to %s; serve that folder at %s/ with any static web server.\n", dir, cleanPrefix(*prefix))
	return 0
}

// cleanPrefix turns "sub/", "/sub" or "/" into "/sub" or "".
func cleanPrefix(p string) string {
	p = strings.Trim(p, "/")
	if p == "" {
		return ""
	}
	return "/" + p
}

// writeStatic writes the static site: go-app's pages and PWA files, GOROOT's
// wasm_exec.js over go-app's older copy, the embedded web folder, the CSP as
// a <meta> tag in every page and as a _headers file (Netlify, Cloudflare
// Pages and others read it; it adds frame-ancestors, which only works as a
// header).
func writeStatic(dir, prefix string, files fs.FS) error {
	if !hasWasm(files) {
		return errors.New("this binary has no web/app.wasm: build it first with `make build`")
	}
	wasmExec, err := fs.ReadFile(files, "wasm_exec.js")
	if err != nil {
		return errors.New("this binary has no web/wasm_exec.js: build it with `make build`, which copies it from GOROOT")
	}
	if _, err := fs.Stat(files, workerScript); err != nil {
		return errors.New("this binary has no web/" + workerScript + ", the service worker: it is part of the repository")
	}
	prefix = cleanPrefix(prefix)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	h := newAppHandler(files, prefix)
	if err := app.GenerateStaticWebsite(dir, h); err != nil {
		return fmt.Errorf("generating the pages: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "wasm_exec.js"), wasmExec, 0o644); err != nil {
		return err
	}
	if err := copyWeb(files, filepath.Join(dir, "web")); err != nil {
		return err
	}
	if err := addMetaCSP(dir); err != nil {
		return err
	}
	if err := addWorkerManifest(dir, prefix, files); err != nil {
		return err
	}
	headers := "/*\n"
	for _, k := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"} {
		headers += "  " + k + ": " + securityHeaders[k] + "\n"
	}
	return os.WriteFile(filepath.Join(dir, "_headers"), []byte(headers), 0o644)
}

// addWorkerManifest hashes the files of the site the service worker caches,
// as they are on disk after every change above (a static server sends them
// as they are), and puts the hashes into the worker script.
func addWorkerManifest(dir, prefix string, files fs.FS) error {
	paths, err := workerPaths(files, prefix)
	if err != nil {
		return err
	}
	m, err := newWorkerManifest(paths, func(p string) ([]byte, string, error) {
		name, ok := strings.CutPrefix(p, prefix+"/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html" // what a static server sends for a folder
		}
		if !ok || !fs.ValidPath(name) {
			return nil, "", fmt.Errorf("%s is not a path of the site under %s/", p, prefix)
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			return nil, "", err
		}
		ctype := mime.TypeByExtension(path.Ext(name))
		if path.Ext(name) == ".webmanifest" {
			ctype = "application/manifest+json" // what go-app serves; Go's table lacks it
		}
		if ctype == "" {
			ctype = http.DetectContentType(b)
		}
		return b, ctype, nil
	})
	if err != nil {
		return err
	}
	name := filepath.Join(dir, "app-worker.js")
	worker, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	if worker, err = withManifest(worker, m); err != nil {
		return err
	}
	return os.WriteFile(name, worker, 0o644)
}

// copyWeb writes the embedded web folder (what the server would serve under
// /web/) into dst.
func copyWeb(files fs.FS, dst string) error {
	return fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		out := filepath.Join(dst, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(out, 0o755)
		}
		if !servable(p) {
			return nil
		}
		b, err := fs.ReadFile(files, p)
		if err != nil {
			return err
		}
		return os.WriteFile(out, b, 0o644)
	})
}

var (
	charsetMeta = []byte(`<meta charset="UTF-8">`)
	// go-app writes the address of its temporary generating server into
	// og:url; it means nothing on the published site. (go-app writes
	// attributes in map order, so either order.)
	ogURL = regexp.MustCompile(`\s*<meta (property="og:url" content="[^"]*"|content="[^"]*" property="og:url")>`)
	// go-app's viewport forbids zooming (maximum-scale=1, user-scalable=0):
	// people who need larger text on a phone must be able to pinch. Either
	// attribute order, as for og:url.
	viewport     = regexp.MustCompile(`<meta (name="viewport" content="[^"]*"|content="[^"]*" name="viewport")>`)
	viewportZoom = []byte(`<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">`)
)

// zoomable is page with a viewport that lets people zoom.
func zoomable(page []byte) []byte { return viewport.ReplaceAllLiteral(page, viewportZoom) }

// addMetaCSP puts the policy into every generated page, right after the
// charset: a <meta> policy covers only what follows it, and go-app's script
// tags come later in <head>.
func addMetaCSP(dir string) error {
	meta := []byte(`<meta charset="UTF-8">` + "\n    " +
		`<meta http-equiv="Content-Security-Policy" content="` + cspBase + `">`)
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" || strings.HasPrefix(p, filepath.Join(dir, "web")+string(filepath.Separator)) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if !bytes.Contains(b, charsetMeta) {
			return fmt.Errorf("%s: no %s to put the CSP after", p, charsetMeta)
		}
		b = bytes.Replace(b, charsetMeta, meta, 1)
		b = zoomable(ogURL.ReplaceAll(b, nil))
		return os.WriteFile(p, b, 0o644)
	})
}
