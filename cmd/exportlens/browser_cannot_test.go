//go:build !wasm

package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserAudioCannotPlay: a recording the browser cannot decode (every
// WAV of amazon-clean replaced by bytes that are no audio) is said so on
// the player, in the person's language, instead of a player that silently
// does nothing.
func TestBrowserAudioCannotPlay(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for _, f := range fixtureFiles(t, "amazon-clean") {
		out := filepath.Join(dir, filepath.Base(f))
		if filepath.Base(f) == "Alexa.zip" {
			breakWAVs(t, f, out)
		} else {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(out, b, 0o644)
		}
		files = append(files, out)
	}
	env := startBrowser(t)
	want := map[string]string{"en": "This browser cannot play this recording", "de": "Dieser Browser kann die Aufnahme nicht abspielen"}
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			tb := env.newTab(t, lang)
			tb.load(t, "/")
			tb.open(t, files)
			a11yNav(t, tb, "/recordings")
			if err := chromedp.Do(tb.ctx, chromedp.WaitVisible(chromedp.CSS(`[data-testid=recording]`)), chromedp.Click(chromedp.CSS(`[data-testid=recording]`))); err != nil {
				t.Fatal(err)
			}
			recsWait(t, tb, `!!document.querySelector('[data-testid=player-cannot]')`)
			if got := recsEval[string](t, tb, `document.querySelector('[data-testid=player-cannot]').textContent`); !strings.HasPrefix(got, want[lang]) {
				t.Errorf("player says %q, want %q…", got, want[lang])
			}
			tb.shot(t, lang+"-audio-cannot-play")
		})
	}
}

// breakWAVs copies the ZIP in to out with every .wav's bytes replaced by
// text that no browser decodes.
func breakWAVs(t *testing.T, in, out string) {
	t.Helper()
	zr, err := zip.OpenReader(in)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: f.Method, Modified: f.Modified})
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(f.Name, ".wav") {
			w.Write(bytes.Repeat([]byte("this is no audio\n"), 200))
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, rc)
		rc.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
