//go:build !wasm

package main

// The browser tests open the fixtures in the real app (web/app.wasm, served
// by the same handler as `exportlens serve`) in Debian's headless chromium and
// compare what the page shows with the engine's report. They also watch
// every request the browser makes, page and service worker alike: the
// server logs what reaches it, and every other origin goes to a recording
// proxy that refuses it.

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"exportlens/app/archive"
	"exportlens/app/check"
	"exportlens/app/export"
	"exportlens/app/view"
)

// browserFixtures are the fixtures the viewer must judge like the engine:
// every one that is files (ZIPs, a 7z), which the wasm build reads without
// the native unpacker. The two that are folders are opened as folders by
// TestBrowserOpenFolder.
var browserFixtures = []string{
	"amazon-2018", "amazon-foreign", "amazon-clean", "takeout-unrecognized", "unrelated",
	"takeout-clean", "takeout-de", "takeout-emails", "amazon-messy", "takeout-parts", "amazon-real",
	"amazon-foreign-7z", "amazon-foreign-onezip", "takeout-fr",
}

// chromiumServices are the domains of the services Debian's chromium itself
// calls (component updates, sign-in checks, safe browsing, network time)
// even with every flag against it; seen so far: update.googleapis.com,
// accounts.google.com, clients2.google.com, content-autofill.googleapis.com,
// optimizationguide-pa.googleapis.com. Which of them a run calls varies, so
// the whole domains are named. These requests come from the browser
// process, not from the page or its worker: the page's own requests are
// checked through the DevTools network log (tab.finish), where any other
// origin fails the test, and the CSP refuses other origins anyway.
var chromiumServices = []string{"google.com", "googleapis.com", "gvt1.com", "gstatic.com"}

// chromiumService reports whether host belongs to one of chromiumServices.
func chromiumService(host string) bool {
	return slices.ContainsFunc(chromiumServices, func(d string) bool {
		return host == d || strings.HasSuffix(host, "."+d)
	})
}

// requestHost is the host of a proxied request: an absolute URL, or the
// authority of a CONNECT ("//host:443").
func requestHost(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return p.Hostname()
}

// finding is what the page shows of one finding, and what the engine reports.
type finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Subject  string `json:"subject"`
}

// request is one request as a server or the proxy saw it.
type request struct {
	Method, URL string
	Body        int64
}

// requestLog records requests; safe for concurrent use.
type requestLog struct {
	mu   sync.Mutex
	reqs []request
}

func (l *requestLog) add(r *http.Request) {
	n, _ := io.Copy(io.Discard, r.Body)
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reqs = append(l.reqs, request{Method: r.Method, URL: r.URL.String(), Body: n})
}

func (l *requestLog) all() []request {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.reqs)
}

func chromiumPath(t testing.TB) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" || hasWasm(webFiles) {
		t.Fatal("chromium is missing: `make test` installs Debian's chromium (apt-get update && apt-get install -y chromium)")
	}
	t.Skip("chromium is missing")
	return ""
}

// engineReport runs the engine natively on a fixture's input files, as the
// page does: no declared facts, no native unpacker.
func engineReport(t *testing.T, files []string) *check.Report {
	t.Helper()
	return openNative(t, files, check.Declared{}).rep
}

// nativeExport is an export as the engine sees it natively.
type nativeExport struct {
	files []string
	x     *export.Export
	rep   *check.Report
	tree  *archive.Tree
}

// openNative opens files natively as the page does (no native unpacker) and
// checks them with the declared facts d. The tree stays open until t ends,
// to read members.
func openNative(t *testing.T, files []string, d check.Declared) *nativeExport {
	t.Helper()
	inputs, closeInputs, err := openInputs(files)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(closeInputs)
	// The command's and the viewer's pipeline.
	o, err := view.Default.Read(context.Background(), inputs, archive.Options{}, nil, view.Hooks{})
	if o.Tree != nil {
		t.Cleanup(func() { o.Tree.Close() })
	}
	if err != nil || o.Export == nil {
		t.Fatalf("%v: nothing read (%v)", files, err)
	}
	rep := view.Default.Check(o.Export, declaredOrEmpty(d))
	return &nativeExport{files: files, x: o.Export, rep: rep, tree: o.Tree}
}

// member reads a member natively; part "" matches any part.
func (n *nativeExport) member(t *testing.T, part, path string) []byte {
	t.Helper()
	for _, e := range n.tree.Entries {
		if e.Path != path || (part != "" && e.Part != part) {
			continue
		}
		rc, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	t.Fatalf("no member %s!%s", part, path)
	return nil
}

// declaredOrEmpty gives d with empty lists instead of nil ones, as the page
// and the command line declare nothing.
func declaredOrEmpty(d check.Declared) check.Declared {
	for _, l := range []*[]string{&d.Emails, &d.CustomerIDs, &d.Devices} {
		if *l == nil {
			*l = []string{}
		}
	}
	return d
}

// secrets are the identifiers of a report that must never appear in a URL.
func secrets(rep *check.Report) []string {
	var s []string
	s = append(s, rep.Claim.CustomerIDs...)
	s = append(s, rep.Claim.Emails...)
	for _, d := range rep.Claim.Devices {
		s = append(s, d.Serial)
	}
	for _, p := range rep.Claim.VoiceProfiles {
		s = append(s, p.ID)
	}
	for _, f := range rep.Findings {
		// Paths may be in a URL (the file view carries the path, not content).
		if !strings.Contains(f.Subject, "/") {
			s = append(s, f.Subject)
		}
	}
	return slices.DeleteFunc(s, func(v string) bool { return len(v) < 6 })
}

// browserEnv is a running viewer (the same handler as `exportlens serve`)
// and a headless chromium whose every request is watched: the server logs
// what reaches it, and every other origin goes to a recording proxy that
// refuses it. Tests of every page share it through startBrowser.
type browserEnv struct {
	base            string // the server's URL, no trailing slash
	browser         context.Context
	served, offsite *requestLog
	shots           string // the screenshot folder
	srv             *httptest.Server
	// wasmGate, when set, holds every request for app.wasm until it is
	// closed: the page is there, the app has not started.
	wasmGate *atomic.Pointer[chan struct{}]
	// wasmFail, when set, answers every request for app.wasm with 503.
	wasmFail *atomic.Bool
}

// startBrowser starts the server and chromium; both stop when t ends.
func startBrowser(t testing.TB) *browserEnv {
	t.Helper()
	needBuild(t)
	chromium := chromiumPath(t)
	h, err := newServer(webFiles)
	if err != nil {
		t.Fatal(err)
	}
	env := &browserEnv{served: &requestLog{}, offsite: &requestLog{}, wasmGate: &atomic.Pointer[chan struct{}]{}, wasmFail: &atomic.Bool{}}
	env.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		env.served.add(r)
		if env.wasmFail.Load() && r.URL.Path == "/web/app.wasm" {
			http.Error(w, "the server is unavailable", http.StatusServiceUnavailable)
			return
		}
		if g := env.wasmGate.Load(); g != nil && r.URL.Path == "/web/app.wasm" {
			select {
			case <-*g:
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(env.srv.Close)
	env.base = env.srv.URL
	// Chromium sends every origin but loopback to this proxy: anything it
	// records left the app.
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		env.offsite.add(r)
		http.Error(w, "the viewer must not reach other hosts", http.StatusForbidden)
	}))
	t.Cleanup(proxy.Close)

	env.shots = os.Getenv("EXPORTLENS_SCREENSHOTS")
	if env.shots == "" {
		env.shots = filepath.Join(os.TempDir(), "exportlens-screenshots")
	}
	if err := os.MkdirAll(env.shots, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots: %s", env.shots)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		// Chromium's own services (autofill, translation, network time,
		// sign-in, hints) call Google; they are the browser's requests, not
		// the app's, so turn them off rather than have the proxy report them.
		chromedp.Flag("disable-features", "Translate,BlinkGenPropertyTrees,AutofillServerCommunication,"+
			"OptimizationHints,OptimizationGuideModelDownloading,MediaRouter,DialMediaRouteProvider,"+
			"CertificateTransparencyComponentUpdater,NetworkTimeServiceQuerying,SigninInterceptBubble"),
		chromedp.Flag("disable-client-side-phishing-detection", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		// Headless chromium refuses to play media without a user gesture
		// otherwise; a person clicking has that gesture.
		chromedp.Flag("autoplay-policy", "no-user-gesture-required"),
		chromedp.Flag("proxy-server", proxy.URL),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	browser, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	env.browser = browser
	return env
}

// checkTraffic fails t for any request that was not a body-less GET of the
// app's own files, or that carried one of secrets in its URL.
func (env *browserEnv) checkTraffic(t *testing.T, secrets []string) {
	t.Helper()
	for _, r := range env.served.all() {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			t.Errorf("server: got %s %s, want only GET (nothing is ever sent)", r.Method, r.URL)
		}
		if r.Body > 0 {
			t.Errorf("server: got a %d-byte body with %s %s, want none", r.Body, r.Method, r.URL)
		}
		for _, s := range secrets {
			if strings.Contains(r.URL, s) || strings.Contains(r.URL, url.QueryEscape(s)) {
				t.Errorf("server: got %q, a value from the export, in the URL %s", s, r.URL)
			}
		}
	}
	for _, r := range env.offsite.all() {
		for _, s := range secrets {
			if strings.Contains(r.URL, s) || strings.Contains(r.URL, url.QueryEscape(s)) {
				t.Errorf("proxy: got %q, a value from the export, in the URL %s", s, r.URL)
			}
		}
		if chromiumService(requestHost(r.URL)) {
			t.Logf("chromium's own service, not the app: %s %s", r.Method, r.URL)
			continue
		}
		t.Errorf("a request left for another host: %s %s (%d-byte body)", r.Method, r.URL, r.Body)
	}
}

// fixtureFiles returns the absolute paths of a fixture's input files.
func fixtureFiles(t *testing.T, name string) []string {
	t.Helper()
	return inputFiles(t, filepath.Join(fixtures, name), "run make fixtures")
}

// inputFiles returns the absolute paths of the files in dir/input; none
// fails the test, with hint.
func inputFiles(t *testing.T, dir, hint string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "input", "*"))
	if len(files) == 0 {
		t.Fatalf("no input files in %s (%s)", dir, hint)
	}
	for i, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			t.Fatal(err)
		}
		files[i] = abs
	}
	return files
}

// tab is one browser tab on the viewer. It records console errors,
// uncaught exceptions and the page's requests from its first moment;
// finish fails the test for any of them.
type tab struct {
	ctx      context.Context
	env      *browserEnv
	mu       sync.Mutex
	problems []string
	urls     []string
	stop     func()
}

// newTab opens a tab whose browser speaks lang ("en" or "de"); opts may
// put it in a browser context of its own (chromedp.WithNewBrowserContext:
// no storage, cache or service worker shared). The tab closes when t ends;
// call finish to check what it recorded.
func (env *browserEnv) newTab(t *testing.T, lang string, opts ...chromedp.ContextOption) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(env.browser, opts...)
	ctx, cancelTimeout := context.WithTimeout(ctx, 120*time.Second)
	tb := &tab{ctx: ctx, env: env}
	console := chromedp.Console(ctx)
	requests := chromedp.Events(ctx, network.RequestWillBeSent)
	var wg sync.WaitGroup
	wg.Go(func() {
		for m, err := range console {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				tb.mu.Lock()
				tb.problems = append(tb.problems, fmt.Sprintf("console %s: %s (%s:%d)", m.Type, m.Text, m.URL, m.Line+1))
				tb.mu.Unlock()
			}
		}
	})
	wg.Go(func() {
		for ev, err := range requests {
			if err != nil {
				return
			}
			tb.mu.Lock()
			tb.urls = append(tb.urls, ev.Request.Method+" "+ev.Request.URL)
			if ev.Request.HasPostData {
				tb.problems = append(tb.problems, "request with a body: "+ev.Request.Method+" "+ev.Request.URL)
			}
			tb.mu.Unlock()
		}
	})
	tb.stop = func() {
		cancelTimeout()
		cancel()
		wg.Wait()
	}
	t.Cleanup(tb.stop)
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if lang != "en" {
		// navigator.language and Accept-Language, as a German browser has them.
		ua, err := chromedp.Run(ctx, chromedp.Evaluate[string]("navigator.userAgent"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, emulation.SetUserAgentOverride, emulation.SetUserAgentOverrideParams{
			UserAgent: ua, AcceptLanguage: lang,
		}); err != nil {
			t.Fatal(err)
		}
	}
	return tb
}

// load navigates to path and waits until the wasm has taken over the page
// (go-app removes its loader then: before that, the prerendered page has
// no handlers). It returns the response's headers.
func (tb *tab) load(t *testing.T, path string) map[string]any {
	t.Helper()
	resp, err := chromedp.Run(tb.ctx, chromedp.NavigateResponse(tb.env.base+path))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.WaitNotPresent(chromedp.ID("app-wasm-loader"))); err != nil {
		t.Fatalf("the app did not start: %v", err)
	}
	return resp.Headers
}

// open chooses files through input#open-files and waits for the verdict.
func (tb *tab) open(t *testing.T, files []string) string {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), files)); err != nil {
		t.Fatal(err)
	}
	verdict, err := chromedp.Run(tb.ctx, chromedp.Poll[string](
		`(() => { const e = document.querySelector('[data-testid=verdict][data-verdict]'); return e && e.dataset.verdict })()`,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second)))
	if err != nil {
		tb.shot(t, "timeout")
		t.Fatalf("no verdict shown: %v", err)
	}
	return verdict
}

// shot saves a screenshot named name in the screenshot folder.
func (tb *tab) shot(t *testing.T, name string) { shot(t, tb.ctx, tb.env.shots, name) }

// finish fails t for every console error, exception, request with a body,
// request to another origin, and secret in a URL the tab recorded.
func (tb *tab) finish(t *testing.T, secret []string) {
	t.Helper()
	loc, _ := chromedp.Run(tb.ctx, chromedp.Location())
	tb.stop()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, p := range tb.problems {
		t.Error(p)
	}
	origin := strings.TrimSuffix(tb.env.base, "/")
	for _, u := range append(tb.urls, "NAV "+loc) {
		_, target, _ := strings.Cut(u, " ")
		switch {
		case target == "", strings.HasPrefix(target, origin+"/"), strings.HasPrefix(target, "blob:"+origin+"/"):
		case browserOwn(u):
			continue
		default:
			t.Errorf("page: got a request to another origin: %s", u)
		}
		if !strings.HasPrefix(u, "GET ") && !strings.HasPrefix(u, "NAV ") {
			t.Errorf("page: got %s, want only GET", u)
		}
		for _, s := range secret {
			if strings.Contains(target, s) || strings.Contains(target, url.QueryEscape(s)) {
				t.Errorf("page: got %q, a value from the export, in the URL %s", s, target)
			}
		}
	}
}

func TestBrowser(t *testing.T) {
	env := startBrowser(t)
	var allSecrets []string
	for _, lang := range []string{"en", "de"} {
		for _, name := range browserFixtures {
			t.Run(lang+"/"+name, func(t *testing.T) {
				files := fixtureFiles(t, name)
				rep := engineReport(t, files)
				allSecrets = append(allSecrets, secrets(rep)...)
				openInBrowser(t, env, lang, name, files, rep, secrets(rep))
			})
		}
	}
	env.checkTraffic(t, allSecrets)
}

// openInBrowser opens one fixture in a new tab and checks the page.
func openInBrowser(t *testing.T, env *browserEnv, lang, name string, files []string, rep *check.Report, secret []string) {
	tb := env.newTab(t, lang)
	// Header names are case-insensitive: the service worker's responses
	// have them in lower case (the Fetch API's Headers).
	var got any
	for k, v := range tb.load(t, "/") {
		if strings.EqualFold(k, "Content-Security-Policy") {
			got = v
		}
	}
	if got != csp {
		t.Errorf("GET /: got Content-Security-Policy %q, want %q", got, csp)
	}
	verdict := tb.open(t, files)
	if verdict != rep.Verdict {
		t.Errorf("verdict: got %q, want %q (the engine's)", verdict, rep.Verdict)
	}
	// "Cannot tell" says why, in the command's words.
	reason, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](
		`(() => { const e = document.querySelector('[data-testid=verdict-reason]'); return e ? e.textContent : '' })()`))
	if err != nil {
		t.Fatal(err)
	}
	if want := rep.VerdictReason(lang); strings.TrimSuffix(reason, ".") != strings.TrimSuffix(want, ".") {
		t.Errorf("verdict reason: got %q, want %q (the engine's)", reason, want)
	}
	shown, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]finding](
		`[...document.querySelectorAll('[data-testid=finding]')].map(e => ({rule: e.dataset.rule || '', severity: e.dataset.severity || '', subject: e.dataset.subject || ''}))`))
	if err != nil {
		t.Fatal(err)
	}
	var want []finding
	for _, f := range rep.Findings {
		want = append(want, finding{string(f.Rule), string(f.Severity), f.Subject})
	}
	if got, want := sortedFindings(shown), sortedFindings(want); !slices.Equal(got, want) {
		t.Errorf("findings:\n got  %v\n want %v (the engine's)", got, want)
	}
	tb.shot(t, lang+"-"+name+"-overview")

	// Every other page, reached the way a person does (the app's links),
	// so that the opened export stays in memory.
	links, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](
		`[...new Set([...document.querySelectorAll('a[href^="/"]')].map(a => a.getAttribute('href')).filter(h => !h.startsWith('/web/')))]`))
	if err != nil {
		t.Fatal(err)
	}
	for _, href := range links {
		if strings.Contains(href, "?") {
			continue // a view of one item, not a page
		}
		if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`a[href="`+href+`"]`))); err != nil {
			t.Errorf("opening %s: %v", href, err)
			continue
		}
		// Shown when the address is the link's and, for a page of the
		// navigation, the navigation marks it as the current page.
		shown := fmt.Sprintf(`location.pathname === %[1]q && (!document.querySelector('nav a[href=%[1]q]') || !!document.querySelector('nav a[aria-current=page][href=%[1]q]'))`, href)
		if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](shown,
			chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Errorf("opening %s: the page did not show: %v", href, err)
			continue
		}
		page := strings.NewReplacer("/", "_").Replace(strings.Trim(href, "/"))
		if page == "" {
			page = "home"
		}
		tb.shot(t, lang+"-"+name+"-"+page)
	}
	tb.finish(t, secret)
}

func sortedFindings(fs []finding) []string {
	var s []string
	for _, f := range fs {
		s = append(s, f.Rule+"/"+f.Severity+"/"+f.Subject)
	}
	slices.Sort(s)
	return s
}

func shot(t testing.TB, ctx context.Context, dir, name string) {
	t.Helper()
	b, err := chromedp.Run(ctx, chromedp.FullScreenshot(100) /* 100: PNG */)
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	p := filepath.Join(dir, name+".png")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Error(err)
	}
}

// chromiumPDFViewer is the page of Chromium's built-in PDF viewer, which a
// <iframe> of a blob: PDF loads from the browser itself.
const chromiumPDFViewer = "GET chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html"

// browserOwn reports loads the browser's own UI makes that never reach a
// network: its PDF viewer, and data: URLs (icons of native media controls
// and date pickers; a data: URL carries its bytes in itself).
func browserOwn(u string) bool {
	return u == chromiumPDFViewer || strings.HasPrefix(u, "GET data:")
}
