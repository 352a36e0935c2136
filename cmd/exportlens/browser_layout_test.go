//go:build !wasm

package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// renamedExport writes amazon-clean with the registration's serial column
// renamed ("Echo Serial"), as a company might change it, into dir.
func renamedExport(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	for _, f := range fixtureFiles(t, "amazon-clean") {
		to := filepath.Join(dir, filepath.Base(f))
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(f) == "Devices.Registration.zip" {
			zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			zw := zip.NewWriter(&out)
			for _, m := range zr.File {
				rc, _ := m.Open()
				var data bytes.Buffer
				data.ReadFrom(rc)
				rc.Close()
				w, _ := zw.Create(m.Name)
				w.Write([]byte(strings.Replace(data.String(), "DeviceSerialNumber", "Echo Serial", 1)))
			}
			zw.Close()
			b = out.Bytes()
		}
		if err := os.WriteFile(to, b, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, to)
	}
	return files
}

// TestBrowserLayout: a layout file loaded in the viewer does what the
// command's --layout does. An export whose registration names its serial
// column anew gets the command's verdict without the layout, the
// command's verdict with it once the layout file is loaded (the open
// export is read again), the command's validation message for a layout
// that cannot be used (the layout in use stays), and the first verdict
// again when the layout is removed; in English and German.
func TestBrowserLayout(t *testing.T) {
	dir := t.TempDir()
	files := renamedExport(t, dir)
	good := filepath.Join(dir, "renamed.json")
	bad := filepath.Join(dir, "typo.json")
	os.WriteFile(good, []byte(`{"amazon": {"registration": {"columns": {"serial": ["Echo Serial"]}}}}`), 0o644)
	os.WriteFile(bad, []byte(`{"amazon": {"registration": {"columns": {"serail": ["Echo Serial"]}}}}`), 0o644)

	without, _, _ := runJSON(t, files)
	with, _, _ := runJSON(t, append([]string{"--layout", good}, files...))
	if without.Verdict == with.Verdict {
		t.Fatalf("the renamed column does not matter to the command (%s either way): no test", with.Verdict)
	}
	var out, errb bytes.Buffer
	if code := runCheck(append([]string{"--layout", bad}, files...), &out, &errb); code != 2 {
		t.Fatalf("check --layout %s: exit %d, want 2", bad, code)
	}
	// "exportlens check: layout typo.json: export: layout: unknown key …"
	cmdMsg := strings.TrimSpace(errb.String())
	cmdMsg = cmdMsg[strings.Index(cmdMsg, "typo.json: ")+len("typo.json: "):]

	env := startBrowser(t)
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			tb := env.newTab(t, lang)
			tb.load(t, "/")
			if got := tb.open(t, files); got != without.Verdict {
				t.Errorf("without a layout: verdict %q, the command's %q", got, without.Verdict)
			}
			if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=layout-summary]`)),
				chromedp.SetUploadFiles(chromedp.CSS(`#layout-file`), []string{good})); err != nil {
				t.Fatal(err)
			}
			if got := openWaitVerdict(t, tb, with.Verdict); got != with.Verdict {
				t.Errorf("with the layout: verdict %q, the command's %q", got, with.Verdict)
			}
			if s := openText(t, tb, `[data-testid=layout-in-use]`); !strings.Contains(s, "renamed.json") {
				t.Errorf("the layout in use is named %q, want renamed.json", s)
			}
			tb.shot(t, lang+"-layout-in-use")

			if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS(`#layout-file`), []string{bad}),
				chromedp.WaitVisible(chromedp.CSS(`[data-testid=layout-error]`))); err != nil {
				t.Fatal(err)
			}
			msg := openText(t, tb, `[data-testid=layout-error]`)
			if !strings.Contains(msg, "typo.json") || !strings.Contains(msg, cmdMsg) {
				t.Errorf("the page says %q, want the file's name and the command's message %q", msg, cmdMsg)
			}
			if s := openText(t, tb, `[data-testid=layout-in-use]`); !strings.Contains(s, "renamed.json") {
				t.Errorf("after a layout that cannot be used, the one in use is %q, want renamed.json still", s)
			}
			tb.shot(t, lang+"-layout-error")

			if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`[data-testid=layout-remove]`))); err != nil {
				t.Fatal(err)
			}
			if got := openWaitVerdict(t, tb, without.Verdict); got != without.Verdict {
				t.Errorf("after removing the layout: verdict %q, want %q again", got, without.Verdict)
			}
			tb.finish(t, secrets(&without))
		})
	}
}
