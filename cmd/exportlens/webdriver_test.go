//go:build !wasm

package main

// The key flows in the engines besides Chromium: Safari's (WebKitGTK's
// MiniBrowser, driven through Debian's WebKitWebDriver, W3C WebDriver over
// HTTP, on a virtual display) and Firefox ESR (driven over Marionette, the
// protocol geckodriver speaks to it: Debian has no geckodriver). `make
// webkit` and `make firefox` install them.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"exportlens/app/check"
)

// webkitMiniBrowser is the browser WebKitWebDriver starts.
const webkitMiniBrowser = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"

// wd is one WebDriver session in engine. send carries a command, named by
// its W3C method and path below the session (POST /element, ...), and
// returns its value.
type wd struct {
	t      *testing.T
	engine string
	send   func(method, path string, body any) (json.RawMessage, error)
}

// call sends a WebDriver command and returns its value.
func (d *wd) call(method, path string, body any) json.RawMessage {
	d.t.Helper()
	if body == nil {
		body = map[string]any{}
	}
	v, err := d.send(method, path, body)
	if err != nil {
		d.t.Fatalf("%s: %s %s: %v", d.engine, method, path, err)
	}
	return v
}

// httpSend is send over W3C WebDriver's HTTP, to the session at base.
func httpSend(base string) func(method, path string, body any) (json.RawMessage, error) {
	return func(method, path string, body any) (json.RawMessage, error) {
		b, _ := json.Marshal(body)
		req, _ := http.NewRequest(method, base+path, bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		var out struct {
			Value json.RawMessage `json:"value"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			return nil, err
		}
		if resp.StatusCode != 200 {
			return nil, fmt.Errorf("%d %s", resp.StatusCode, out.Value)
		}
		return out.Value, nil
	}
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
			d.shot("timeout")
			st := wdJS[string](d, `const p = document.querySelector('aside.player'); const a = document.querySelector('audio[data-testid=player]'); return (p ? p.outerHTML.slice(0, 300) : 'no player') + ' AUDIO ' + (a ? [a.dataset.item, a.paused, a.error && a.error.message] : 'none') + ' SEL ' + [...document.querySelectorAll('[aria-selected=true]')].map(e => e.id)`)
			d.t.Fatalf("%s: waited 30 s for %s (%s); the page shows %s", d.engine, what, cond, st)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// element finds the first element css selects, waiting up to 10 s for it:
// the page draws in steps (the verdict first, the findings a task later).
func (d *wd) element(css string) string {
	d.t.Helper()
	var err error
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		var raw json.RawMessage
		raw, err = d.send("POST", "/element", map[string]any{"using": "css selector", "value": css})
		if err != nil {
			continue
		}
		var v map[string]string
		json.Unmarshal(raw, &v)
		for _, id := range v {
			return id
		}
	}
	d.t.Fatalf("%s: no element %s: %v", d.engine, css, err)
	return ""
}

func (d *wd) click(css string) { d.call("POST", "/element/"+d.element(css)+"/click", nil) }

// shot saves a screenshot as <engine>-<name>.png in the folder
// EXPORTLENS_SCREENSHOTS names, when it names one.
func (d *wd) shot(name string) {
	d.t.Helper()
	dir := os.Getenv("EXPORTLENS_SCREENSHOTS")
	if dir == "" {
		return
	}
	var b64 string
	json.Unmarshal(d.call("GET", "/screenshot", nil), &b64)
	png, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		d.t.Fatalf("%s: a screenshot: %v", d.engine, err)
	}
	if err := os.WriteFile(filepath.Join(dir, strings.ToLower(d.engine)+"-"+name+".png"), png, 0o644); err != nil {
		d.t.Fatal(err)
	}
}

// ink counts the pixels inside the element css selects (its border left
// out) that differ clearly from the most common colour there: its text.
// The element is cut from a screenshot of the window (WebKitGTK's own
// element screenshots come out black).
func (d *wd) ink(css string) int {
	d.t.Helper()
	box := wdJS[[]float64](d, `const r = document.querySelector(`+strconv.Quote(css)+`).getBoundingClientRect(), k = devicePixelRatio;
  return [r.left * k, r.top * k, r.right * k, r.bottom * k]`)
	var b64 string
	json.Unmarshal(d.call("GET", "/screenshot", nil), &b64)
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		d.t.Fatalf("%s: a screenshot: %v", d.engine, err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		d.t.Fatalf("%s: a screenshot: %v", d.engine, err)
	}
	r := image.Rect(int(box[0]), int(box[1]), int(box[2]), int(box[3])).Inset(4).Intersect(img.Bounds())
	if r.Dx() < 20 || r.Dy() < 8 {
		d.t.Fatalf("%s: %s is %v on the screen", d.engine, css, r)
	}
	rgb := func(x, y int) [3]int {
		c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
		return [3]int{int(c.R), int(c.G), int(c.B)}
	}
	counts := map[[3]int]int{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			counts[rgb(x, y)]++
		}
	}
	var bg [3]int
	for c, n := range counts {
		if n > counts[bg] {
			bg = c
		}
	}
	ink := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := rgb(x, y)
			if abs(c[0]-bg[0])+abs(c[1]-bg[1])+abs(c[2]-bg[2]) > 90 {
				ink++
			}
		}
	}
	return ink
}

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
	base := root + "/session/" + sid
	d := &wd{t: t, engine: "WebKit", send: httpSend(base)}
	t.Cleanup(func() {
		req, _ := http.NewRequest("DELETE", base, nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	})
	return d
}

// TestWebKitKeyFlows runs keyFlows in WebKit.
func TestWebKitKeyFlows(t *testing.T) { keyFlows(t, startWebKit(t)) }

// keyFlows: a fixture opened through the file input gets the command's
// verdict and findings; a piece of evidence opens its CSV at the line; a
// recording clicked plays (or the player says why not) and Next goes on;
// the empty date filters stay empty; the 2018 transcript PDF, opened from
// Transcripts and shown on request, has its text in Files; switching to
// German turns the page German.
func keyFlows(t *testing.T, d *wd) {
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
	d.shot("overview")
	d.click("a.ev-link")
	d.wait("the evidence's line in its CSV", `document.querySelector('.file-preview tr.hit')`)
	d.shot("evidence")

	open("amazon-clean")
	d.click(`header nav a[href="/recordings"]`)
	d.wait("the recordings", `document.querySelector('[data-testid=recording]')`)
	if got := wdJS[[]string](d, `return [...document.querySelectorAll('.filters input[type=date]')].map(i => i.value)`); strings.Join(got, "") != "" {
		t.Errorf("the empty date filters show %q", got)
	}
	d.click(`[data-testid=recording]`)
	// The sound may start before the player is drawn with the recording.
	// Playing means its time moves: play() unpauses at once, and a missing
	// sound device is only reported after that.
	d.wait("the first recording playing, or the player saying why not", `(() => { const a = document.querySelector('audio[data-testid=player]');
  return document.querySelector('aside.player[data-item="0"]') && (a && a.dataset.item === '0' && !a.error && a.currentTime > 0 ||
    document.querySelector('[data-testid=player-cannot],[data-testid=player-press-play]')) })()`)
	if msg := wdJS[string](d, `const c = document.querySelector('[data-testid=player-cannot],[data-testid=player-press-play]'),
  a = document.querySelector('audio[data-testid=player]');
  return c ? c.textContent + (a && a.error ? ' (MediaError ' + a.error.code + ': ' + a.error.message + ')' : '') : ''`); msg != "" {
		t.Logf("%s's player: %s", d.engine, msg)
		// Without a sound device the browser reports a decoding error;
		// the player must say what is missing, not blame the file.
		if strings.Contains(msg, "MediaSinkAudio") && !strings.Contains(msg, "no sound output") {
			t.Errorf("%s has no sound output, but the player says: %s", d.engine, msg)
		}
	}
	d.shot("recordings")
	// A refusal that comes after the click (here a synthetic one: Safari's
	// "press Play") is told without moving the buttons under the pointer.
	next := `return JSON.stringify(document.querySelector('[data-testid=player-next]').getBoundingClientRect())`
	before := wdJS[string](d, next)
	wdJS[any](d, `document.querySelector('audio[data-testid=player]').dispatchEvent(
  new CustomEvent('exportlens-playfail', {detail: 'NotAllowedError'})); return null`)
	d.wait("the player's reason", `document.querySelector('[data-testid=player-cannot],[data-testid=player-press-play]')`)
	if after := wdJS[string](d, next); after != before {
		t.Errorf("%s: the player's reason moved Next from %s to %s", d.engine, before, after)
	}
	d.click(`[data-testid=player-next]`)
	d.wait("the second recording in the player", `document.querySelector('aside.player[data-item="1"]')`)
	if d.engine == "WebKit" {
		// WebKit fills an empty date field with today's date in grey, which
		// reads as a filter that is set: the field must look empty, and
		// show the date once one is chosen (else this check sees nothing).
		if n := d.ink(`[data-testid=filter-from]`); n > 0 {
			t.Errorf("the empty From filter shows %d pixels of text", n)
		}
		wdJS[any](d, `const i = document.querySelector('[data-testid=filter-from]'); i.value = '2023-09-16';
  i.dispatchEvent(new Event('change', {bubbles: true})); return null`)
		d.wait("the From filter set", `!document.querySelector('[data-testid=filter-from]').dataset.empty`)
		if n := d.ink(`[data-testid=filter-from]`); n < 20 {
			t.Errorf("the From filter set to 2023-09-16 shows %d pixels of text", n)
		}
		wdJS[any](d, `const i = document.querySelector('[data-testid=filter-from]'); i.value = '';
  i.dispatchEvent(new Event('change', {bubbles: true})); return null`)
		d.wait("the From filter empty again", `document.querySelector('[data-testid=filter-from]').dataset.empty`)
	}

	open("amazon-2018")
	d.click(`header nav a[href="/transcripts"]`)
	d.wait("the transcript", `document.querySelector('[data-testid=transcript-original]')`)
	d.click(`[data-testid=transcript-original]`)
	// The stranger's transcript is hidden until the person asks to see it.
	d.wait("the protection notice", `document.querySelector('.file-preview [data-testid=lift-all]')`)
	d.click(`.file-preview [data-testid=lift-all]`)
	d.wait("the PDF's text in Files", `document.querySelectorAll('.pdf-lines tr').length > 3`)
	d.shot("pdf")

	wdJS[any](d, `const s = document.getElementById('lang-select'); s.value = 'de'; s.dispatchEvent(new Event('change', {bubbles: true})); return null`)
	d.wait("German", `document.documentElement.lang === 'de' && document.getElementById('page-h1').textContent === 'Dateien'`)
	d.shot("german")
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
