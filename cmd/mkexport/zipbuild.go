package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// zipTime is the modification time of every generated ZIP entry, so that a
// re-run writes the same bytes.
var zipTime = time.Date(2024, 3, 1, 10, 15, 0, 0, time.UTC)

// tree is a set of files (slash paths -> content) that can be written as a
// ZIP, as 7z input, or as a folder.
type tree map[string][]byte

func (t tree) add(name string, data []byte) {
	if _, dup := t[name]; dup {
		panic("mkexport: duplicate member " + name)
	}
	t[name] = data
}

func (t tree) names() []string {
	n := make([]string, 0, len(t))
	for k := range t {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}

// stored reports whether a member is kept uncompressed: media and nested
// archives are, as in real exports; text is deflated.
func stored(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".wav", ".mp3", ".png", ".zip", ".pdf":
		return true
	}
	return false
}

// zipBytes writes t as a ZIP with sorted entries and fixed times.
func (t tree) zipBytes() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range t.names() {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime}
		if stored(name) {
			h.Method = zip.Store
		}
		h.SetMode(0o644)
		w, err := zw.CreateHeader(h)
		if err != nil {
			panic(err)
		}
		if _, err := w.Write(t[name]); err != nil {
			panic(err)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// writeFolder writes t below dir.
func (t tree) writeFolder(dir string) error {
	for _, name := range t.names() {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, t[name], 0o644); err != nil {
			return fmt.Errorf("mkexport: write %s: %w", p, err)
		}
	}
	return nil
}
