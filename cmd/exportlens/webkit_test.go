//go:build !wasm

package main

// The key flows in Safari's engine: WebKitGTK's MiniBrowser, driven through
// Debian's WebKitWebDriver (W3C WebDriver over HTTP) on a virtual display
// (xvfb-run). `make webkit` installs both.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"exportlens/app/check"
)

// webkitMiniBrowser is the browser WebKitWebDriver starts.
const webkitMiniBrowser = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"

// wd is one WebDriver session.
type wd struct {
	t    *testing.T
	base string // the driver's session URL
}

// call sends a WebDriver command and returns its value.
func (d *wd) call(method, path string, body any) json.RawMessage {
	d.t.Helper()
	var rd *bytes.Reader
	if body == nil {
		body = map[string]any{}
	}
	b, _ := json.Marshal(body)
	rd = bytes.NewReader(b)
	req, _ := http.NewRequest(method, d.base+path, rd)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		d.t.Fatalf("webdriver %s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	var out struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		d.t.Fatalf("webdriver %s %s: %v", method, path, err)
	}
	if resp.StatusCode != 200 {
		d.t.Fatalf("webdriver %s %s: %d %s", method, path, resp.StatusCode, out.Value)
	}
	return out.Value
}

// js runs script in the page and decodes its result into T.
func wdJS[T any](d *wd, script string) T {
	d.t.Helper()
	var v T
	raw := d.call("POST", "/execute/sync", map[string]any{"script": script, "args": []any{}})
	if err := json.Unmarshal(raw, &v); err != nil {
		d.t.Fatalf("%s: result %s: %v", script, raw, err)
	}
	return v
}

// wait polls the expression cond until it is true.
func (d *wd) wait(what, cond string) {
	d.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !wdJS[bool](d, "return !!("+cond+")") {
		if time.Now().After(deadline) {
			d.t.Fatalf("WebKit: waited 30 s for %s (%s)", what, cond)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// element finds the first element css selects.
func (d *wd) element(css string) string {
	d.t.Helper()
	var v map[string]string
	json.Unmarshal(d.call("POST", "/element", map[string]any{"using": "css selector", "value": css}), &v)
	for _, id := range v {
		return id
	}
	d.t.Fatalf("WebKit: no element %s", css)
	return ""
}

func (d *wd) click(css string) { d.call("POST", "/element/"+d.element(css)+"/click", nil) }

func (d *wd) navigate(url string) { d.call("POST", "/url", map[string]any{"url": url}) }

// startWebKit starts WebKitWebDriver on a virtual display and a session in
// a fresh MiniBrowser.
func startWebKit(t *testing.T) *wd {
	t.Helper()
	for _, p := range []string{"WebKitWebDriver", "xvfb-run", webkitMiniBrowser} {
		if _, err := exec.LookPath(p); err != nil {
			if os.Getenv("CI") != "" || hasWasm(webFiles) {
				t.Fatalf("%s is missing: `make webkit` installs Debian's webkit2gtk-driver and xvfb", p)
			}
			t.Skipf("%s is missing", p)
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command("xvfb-run", "-a", "WebKitWebDriver", "--port="+strconv.Itoa(port))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		cmd.Wait()
	})
	root := fmt.Sprintf("http://127.0.0.1:%d", port)
	caps := map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"webkitgtk:browserOptions": map[string]any{"binary": webkitMiniBrowser, "args": []string{"--automation"}}}}}
	b, _ := json.Marshal(caps)
	var sid string
	for deadline := time.Now().Add(20 * time.Second); sid == ""; {
		resp, err := http.Post(root+"/session", "application/json", bytes.NewReader(b))
		if err == nil {
			var out struct {
				Value struct {
					SessionID string `json:"sessionId"`
				} `json:"value"`
			}
			json.NewDecoder(resp.Body).Decode(&out)
			resp.Body.Close()
			sid = out.Value.SessionID
		}
		if sid == "" {
			if time.Now().After(deadline) {
				t.Fatalf("WebKitWebDriver gave no session: %v", err)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
	d := &wd{t: t, base: root + "/session/" + sid}
	t.Cleanup(func() {
		req, _ := http.NewRequest("DELETE", d.base, nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	})
	return d
}

// TestWebKitKeyFlows: in WebKit, a fixture opened through the file input
// gets the command's verdict and findings; a piece of evidence opens its
// CSV at the line; a recording clicked plays (or the player says why not)
// and Next goes on; the empty date filters stay empty; the 2018 transcript
// PDF, opened from Transcripts and shown on request, has its text in Files; switching to
// German turns the page German.
func TestWebKitKeyFlows(t *testing.T) {
	d := startWebKit(t)
	h, err := newServer(webFiles)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	started := `!document.getElementById('app-wasm-loader') && !!document.querySelector('input#open-files')`
	open := func(fixture string) *check.Report {
		t.Helper()
		files := fixtureFiles(t, fixture)
		rep, _, _ := runJSON(t, files)
		d.navigate(srv.URL + "/")
		d.wait("the app", started)
		d.call("POST", "/element/"+d.element("input#open-files")+"/value", map[string]any{"text": strings.Join(files, "\n")})
		d.wait(fixture+"'s verdict", `document.querySelector('[data-testid=verdict][data-verdict]')`)
		if got := wdJS[string](d, `return document.querySelector('[data-testid=verdict]').dataset.verdict`); got != rep.Verdict {
			t.Errorf("%s: verdict %q, the command's %q", fixture, got, rep.Verdict)
		}
		if got := wdJS[int](d, `return document.querySelectorAll('[data-testid=finding]').length`); got != len(rep.Findings) {
			t.Errorf("%s: %d findings shown, the command has %d", fixture, got, len(rep.Findings))
		}
		return &rep
	}

	open("amazon-foreign")
	d.click("a.ev-link")
	d.wait("the evidence's line in its CSV", `document.querySelector('.file-preview tr.hit')`)

	open("amazon-clean")
	d.click(`header nav a[href="/recordings"]`)
	d.wait("the recordings", `document.querySelector('[data-testid=recording]')`)
	if got := wdJS[[]string](d, `return [...document.querySelectorAll('.filters input[type=date]')].map(i => i.value)`); strings.Join(got, "") != "" {
		t.Errorf("the empty date filters show %q", got)
	}
	d.click(`[data-testid=recording]`)
	d.wait("the first recording playing, or the player saying why not", `(() => { const a = document.querySelector('audio[data-testid=player]');
  return a && (a.currentTime > 0 || !a.paused) || document.querySelector('[data-testid=player-cannot],[data-testid=player-press-play]') })()`)
	if msg := wdJS[string](d, `const c = document.querySelector('[data-testid=player-cannot],[data-testid=player-press-play]'); return c ? c.textContent : ''`); msg != "" {
		t.Logf("WebKit's player: %s", msg)
	}
	d.click(`[data-testid=player-next]`)
	d.wait("the second recording in the player", `document.querySelector('aside.player[data-item="1"]')`)

	open("amazon-2018")
	d.click(`header nav a[href="/transcripts"]`)
	d.wait("the transcript", `document.querySelector('[data-testid=transcript-original]')`)
	d.click(`[data-testid=transcript-original]`)
	// The stranger's transcript is hidden until the person asks to see it.
	d.wait("the protection notice", `document.querySelector('.file-preview [data-testid=lift-all]')`)
	d.click(`.file-preview [data-testid=lift-all]`)
	d.wait("the PDF's text in Files", `document.querySelectorAll('.pdf-lines tr').length > 3`)

	wdJS[any](d, `const s = document.getElementById('lang-select'); s.value = 'de'; s.dispatchEvent(new Event('change', {bubbles: true})); return null`)
	d.wait("German", `document.documentElement.lang === 'de' && document.getElementById('page-h1').textContent === 'Dateien'`)
}
