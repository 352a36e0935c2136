//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"
)

// TestServeGzip: every text the viewer serves goes gzipped to a client that
// accepts it, and unzips to exactly what a client without gzip gets; a
// revalidation with the gzipped copy's tag is a 304; an icon, a range and a
// client without gzip get the bytes as they are.
func TestServeGzip(t *testing.T) {
	h, err := newServer(fakeWeb())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/", "/help", "/web/app.css", "/wasm_exec.js", "/app-worker.js", "/app.js", "/manifest.webmanifest", "/web/early.js"} {
		plain := get(t, h, p)
		w := get(t, h, p, "Accept-Encoding", "br, gzip")
		if w.Code != 200 || w.Header().Get("Content-Encoding") != "gzip" {
			t.Errorf("GET %s: status %d, Content-Encoding %q; want 200, gzip", p, w.Code, w.Header().Get("Content-Encoding"))
			continue
		}
		if !strings.Contains(w.Header().Get("Vary"), "Accept-Encoding") {
			t.Errorf("GET %s: Vary %q lacks Accept-Encoding", p, w.Header().Get("Vary"))
		}
		zr, err := gzip.NewReader(w.Body)
		if err != nil {
			t.Fatalf("GET %s: %v", p, err)
		}
		got, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("GET %s: %v", p, err)
		}
		if p != "/help" && !bytes.Equal(got, plain.Body.Bytes()) { // a page is rendered anew each time
			t.Errorf("GET %s: the gzipped body (%d bytes) differs from the plain one (%d)", p, len(got), plain.Body.Len())
		}
		if et := w.Header().Get("ETag"); et != "" {
			if again := get(t, h, p, "Accept-Encoding", "gzip", "If-None-Match", et); again.Code != 304 {
				t.Errorf("GET %s with If-None-Match %s: status %d, want 304", p, et, again.Code)
			}
		}
	}
	for _, c := range []struct{ path, accept, rng string }{
		{"/web/icon-192.png", "gzip", ""},
		{"/web/app.css", "gzip", "bytes=0-3"},
		{"/web/app.css", "br", ""},
	} {
		w := get(t, h, c.path, "Accept-Encoding", c.accept, "Range", c.rng)
		if enc := w.Header().Get("Content-Encoding"); enc != "" {
			t.Errorf("GET %s (Accept-Encoding %q, Range %q): Content-Encoding %q, want none", c.path, c.accept, c.rng, enc)
		}
	}
}
