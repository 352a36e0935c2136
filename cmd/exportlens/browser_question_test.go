//go:build !wasm

package main

// Browser tests of issue 7, points 4 and 9: the one question under a
// "cannot tell" verdict, declared facts that stay with their export, and
// "Add files". They use the harness of browser_test.go and the helpers of
// browser_open_test.go.

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"exportlens/app/check"
)

// withoutDeviceList writes the 2018 demo's export.zip without its
// registration file into a temporary folder: the recordings carry no
// serial and nothing shows the account's devices, so only the person can
// tell whether a device of theirs made them. The fixture itself is left as
// generated.
func withoutDeviceList(t *testing.T) string {
	t.Helper()
	src := fixtureFiles(t, "amazon-2018")
	if len(src) != 1 {
		t.Fatalf("amazon-2018: got inputs %q, want one export.zip", src)
	}
	zr, err := zip.OpenReader(src[0])
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := filepath.Join(t.TempDir(), "export.zip")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	dropped := 0
	for _, e := range zr.File {
		if strings.HasSuffix(e.Name, "registration.csv") {
			dropped++
			continue
		}
		r, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		hdr := e.FileHeader
		w, err := zw.CreateHeader(&hdr)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, r); err != nil {
			t.Fatal(err)
		}
		r.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if dropped != 1 {
		t.Fatalf("amazon-2018: found %d registration files, want 1", dropped)
	}
	return out
}

// The question and its answers as a person reads them (issue 7, point 4).
var questionWords = map[string]struct{ legend, yes, no, unsure string }{
	"en": {"Do you own a device that records your voice for Alexa — an Echo, a Fire TV, the Alexa app?", "Yes", "No", "Not sure"},
	"de": {"Besitzen Sie ein Gerät, das Ihre Stimme für Alexa aufnimmt – einen Echo, einen Fire TV, die Alexa-App?", "Ja", "Nein", "Weiß nicht"},
}

// answerKey chooses an answer with the keyboard: focus its radio button
// and press space, as a person tabbing through the form does.
func answerKey(t *testing.T, tb *tab, id string) {
	t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`(() => { document.getElementById(`+jsString(id)+`).focus(); return document.activeElement.id === `+jsString(id)+` })()`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(" ")); err != nil {
		t.Fatal(err)
	}
}

// questionState is what the page shows of the question: its structure,
// texts and the answer marked.
type questionState struct {
	Present  bool     `json:"present"`
	Fieldset bool     `json:"fieldset"` // the radios are in a fieldset with a legend
	Legend   string   `json:"legend"`
	Labels   []string `json:"labels"`
	Checked  string   `json:"checked"` // the value of the checked radio, "" for none
	Said     string   `json:"said"`
	AfterBan bool     `json:"afterBanner"` // right under the verdict
}

func readQuestion(t *testing.T, tb *tab) questionState {
	t.Helper()
	q, err := chromedp.Run(tb.ctx, chromedp.Evaluate[questionState](`(() => {
		const f = document.querySelector('[data-testid=question]');
		if (!f) return {present: false, fieldset: false, legend: '', labels: [], checked: '', said: '', afterBanner: false};
		const fs = f.querySelector('fieldset'), lg = fs && fs.querySelector(':scope > legend');
		const radios = [...f.querySelectorAll('input[type=radio]')];
		const c = radios.find(r => r.checked);
		const said = f.querySelector('[data-testid=question-said]');
		const v = document.querySelector('[data-testid=verdict]');
		return {present: true, fieldset: !!lg && radios.length === 3 && radios.every(r => fs.contains(r) && r.name === radios[0].name && r.tabIndex >= 0),
			legend: lg ? lg.innerText.trim() : '', labels: radios.map(r => (document.querySelector('label[for="' + r.id + '"]') || {innerText: ''}).innerText.trim()),
			checked: c ? c.value : '', said: said ? said.innerText : '', afterBanner: !!v && v.nextElementSibling === f};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// TestBrowserQuestion: an export whose verdict is "cannot tell" because of
// recordings asks the one question under the verdict, in English and in
// German; "No" makes the verdict "not yours" with the engine's findings for
// --no-devices, "Not sure" brings "cannot tell" back with a sentence on what
// settles it, "Yes" the engine's verdict for --owns-device.
func TestBrowserQuestion(t *testing.T) {
	env := startBrowser(t)
	files := []string{withoutDeviceList(t)}
	none := engineReport(t, files)
	if none.Verdict != check.VerdictUnknown || none.Question != check.QuestionVoiceDevice {
		t.Fatalf("without a device list the engine says %q with question %q, want unknown and %q: the test would prove nothing",
			none.Verdict, none.Question, check.QuestionVoiceDevice)
	}
	empty := check.Declared{Emails: []string{}, CustomerIDs: []string{}, Devices: []string{}}
	no, yes := empty, empty
	no.NoDevices, yes.OwnsDevice = true, true
	noRep, yesRep := openNative(t, files, no).rep, openNative(t, files, yes).rep
	if noRep.Verdict != check.VerdictMismatch {
		t.Fatalf("with --no-devices the engine says %q, want mismatch", noRep.Verdict)
	}
	for _, lang := range []string{"en", "de"} {
		t.Run(lang, func(t *testing.T) {
			w := questionWords[lang]
			tb := env.newTab(t, lang)
			tb.load(t, "/")
			if got := tb.open(t, files); got != check.VerdictUnknown {
				t.Fatalf("verdict: got %q, want unknown", got)
			}
			q := readQuestion(t, tb)
			switch {
			case !q.Present:
				t.Fatal("no question under a cannot-tell verdict")
			case !q.Fieldset:
				t.Error("the answers are not three radio buttons of one name in a fieldset with a legend, each reachable by keyboard")
			case !q.AfterBan:
				t.Error("the question is not right under the verdict")
			}
			if q.Legend != w.legend {
				t.Errorf("question: got %q, want %q", q.Legend, w.legend)
			}
			if want := []string{w.yes, w.no, w.unsure}; !slices.Equal(q.Labels, want) {
				t.Errorf("answers: got %q, want %q", q.Labels, want)
			}
			if q.Checked != "" || q.Said != "" {
				t.Errorf("before any answer: got %q checked, %q said", q.Checked, q.Said)
			}
			tb.shot(t, lang+"-question")

			answerKey(t, tb, "question-no")
			if got := openWaitVerdict(t, tb, check.VerdictMismatch); got != check.VerdictMismatch {
				t.Errorf("after No: verdict %q, want mismatch", got)
			}
			if got, want := openShownFindings(t, tb), openReportFindings(noRep); !slices.Equal(got, want) {
				t.Errorf("after No: findings\n got  %v\n want %v (the engine's with --no-devices)", got, want)
			}
			q = readQuestion(t, tb)
			if q.Checked != "no" || q.Said == "" {
				t.Errorf("after No: the answer is not shown (checked %q, said %q)", q.Checked, q.Said)
			}
			// The answer is the declared fact the "about you" form shows.
			if on, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`document.getElementById('about-nodevices').checked`)); !on {
				t.Error(`after No: "I own no voice-assistant device" is not ticked`)
			}
			tb.shot(t, lang+"-question-no")

			if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`label[for="question-unsure"]`))); err != nil {
				t.Fatal(err)
			}
			if got := openWaitVerdict(t, tb, check.VerdictUnknown); got != check.VerdictUnknown {
				t.Errorf("after Not sure: verdict %q, want unknown", got)
			}
			if got, want := openShownFindings(t, tb), openReportFindings(none); !slices.Equal(got, want) {
				t.Errorf("after Not sure: findings\n got  %v\n want %v (the engine's without facts)", got, want)
			}
			q = readQuestion(t, tb)
			if q.Checked != "unsure" || !strings.Contains(q.Said, "Devices.Registration") {
				t.Errorf("after Not sure: checked %q, said %q: want what would settle it", q.Checked, q.Said)
			}

			answerKey(t, tb, "question-yes")
			if got := openWaitVerdict(t, tb, yesRep.Verdict); got != yesRep.Verdict {
				t.Errorf("after Yes: verdict %q, want the engine's %q", got, yesRep.Verdict)
			}
			if got, want := openShownFindings(t, tb), openReportFindings(yesRep); !slices.Equal(got, want) {
				t.Errorf("after Yes: findings\n got  %v\n want %v (the engine's with --owns-device)", got, want)
			}
			if q = readQuestion(t, tb); q.Checked != "yes" {
				t.Errorf("after Yes: checked %q, want yes (the answer stays visible and changeable)", q.Checked)
			}
			tb.finish(t, secrets(none))
		})
	}
	env.checkTraffic(t, secrets(none))
}

// openAnother chooses files while an export is open and returns the verdict
// of the new one: the verdict element shown before is marked (a JS property),
// and only an element without the mark counts.
func openAnother(t *testing.T, tb *tab, files []string) string {
	t.Helper()
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`(() => { const e = document.querySelector('[data-testid=verdict]'); if (e) e.__exportlensOld = true; return true })()`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#open-files"), files)); err != nil {
		t.Fatal(err)
	}
	v, err := chromedp.Run(tb.ctx, chromedp.Poll[string](
		`(() => { const e = document.querySelector('[data-testid=verdict][data-verdict]'); return e && !e.__exportlensOld && e.dataset.verdict })()`,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second)))
	if err != nil {
		tb.shot(t, "timeout-"+strings.ReplaceAll(t.Name(), "/", "_"))
		t.Fatalf("no verdict of the new export: %v", err)
	}
	return v
}

// TestBrowserQuestionFactsStay pins issue 7, point 9: after the 2018 demo,
// which declares "I own no voice-assistant device", the next export opened
// starts with no declared facts and gets the verdict of a fresh tab; only
// with "keep" ticked are the demo's facts applied to it.
func TestBrowserQuestionFactsStay(t *testing.T) {
	env := startBrowser(t)
	p := readPlanted(t, "amazon-2018")
	if !p.Declared.NoDevices {
		t.Fatal("amazon-2018 is meant to be checked as someone who owns no device")
	}
	files := fixtureFiles(t, "amazon-clean")
	fresh := engineReport(t, files)
	carried := openNative(t, files, p.Declared).rep
	if fresh.Verdict != check.VerdictConsistent || carried.Verdict != check.VerdictMismatch {
		t.Fatalf("amazon-clean: the engine says %q fresh and %q with the demo's facts, want consistent and mismatch: the test would prove nothing",
			fresh.Verdict, carried.Verdict)
	}
	tb := env.newTab(t, "en")
	tb.load(t, "/")
	btn := `button[data-demo="amazon-2018"]`
	openDemo := func() {
		t.Helper()
		if err := chromedp.Do(tb.ctx, chromedp.WaitVisible(chromedp.CSS(btn))); err != nil {
			t.Fatalf("no demo button: %v", err)
		}
		if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(btn))); err != nil {
			t.Fatal(err)
		}
		if got := openWaitVerdict(t, tb, check.VerdictMismatch); got != check.VerdictMismatch {
			t.Fatalf("demo: verdict %q, want mismatch", got)
		}
		if on, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`document.getElementById('about-nodevices').checked`)); !on {
			t.Fatal("demo: its declared fact is not shown")
		}
	}

	openDemo()
	if got := openAnother(t, tb, files); got != check.VerdictConsistent {
		t.Errorf("own export after the demo: verdict %q, want consistent (as in a fresh tab)", got)
	}
	if got, want := openShownFindings(t, tb), openReportFindings(fresh); !slices.Equal(got, want) {
		t.Errorf("own export after the demo: findings\n got  %v\n want %v (the engine's without facts)", got, want)
	}
	if on, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`document.getElementById('about-nodevices').checked`)); on {
		t.Error(`own export after the demo: "I own no voice-assistant device" is still ticked`)
	}
	if note := openText(t, tb, "[data-testid=facts-dropped]"); note == "" {
		t.Error("own export after the demo: no note that the demo's facts were left behind")
	}
	tb.shot(t, "en-facts-dropped")

	// Carried over knowingly: the demo's facts apply to the next export.
	openDemo()
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(`label[for="keep-facts"]`))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.getElementById('keep-facts').checked`)); err != nil {
		t.Fatal(err)
	}
	if got := openAnother(t, tb, files); got != check.VerdictMismatch {
		t.Errorf("own export with the demo's facts kept: verdict %q, want mismatch", got)
	}
	if got, want := openShownFindings(t, tb), openReportFindings(carried); !slices.Equal(got, want) {
		t.Errorf("kept: findings\n got  %v\n want %v (the engine's with --no-devices)", got, want)
	}
	tb.finish(t, secrets(fresh))
	env.checkTraffic(t, secrets(fresh))
}

// TestBrowserAddFiles: one part of a three-part Takeout cannot be told on
// its own; "Add files" with the other two adds them to the open export (the
// facts given stay), and the verdict becomes the engine's for all three.
func TestBrowserAddFiles(t *testing.T) {
	env := startBrowser(t)
	// The fixture also holds a second download of part 2 ("… (1).zip"),
	// which has its own test (TestBrowserTakeoutDuplicatePart).
	parts := slices.DeleteFunc(fixtureFiles(t, "takeout-parts"), func(p string) bool { return strings.Contains(filepath.Base(p), " (1)") })
	if len(parts) != 3 {
		t.Fatalf("takeout-parts: got %d parts, want 3", len(parts))
	}
	all := engineReport(t, parts)
	if all.Verdict != check.VerdictConsistent {
		t.Fatalf("takeout-parts: the engine says %q, want consistent", all.Verdict)
	}
	first := -1
	for i := range parts {
		if engineReport(t, parts[i:i+1]).Verdict != check.VerdictConsistent {
			first = i
			break
		}
	}
	if first < 0 {
		t.Fatal("every part alone is consistent: the test would prove nothing")
	}
	rest := slices.Delete(slices.Clone(parts), first, first+1)
	if len(all.Claim.Emails) == 0 {
		t.Fatal("takeout-parts: the engine finds no e-mail to declare")
	}
	// Declared in capitals with spaces around, as people type it.
	email := " " + strings.ToUpper(all.Claim.Emails[0]) + " "

	tb := env.newTab(t, "en")
	tb.load(t, "/")
	if got := tb.open(t, parts[first:first+1]); got == check.VerdictConsistent {
		t.Fatalf("one part: verdict %q, want not consistent", got)
	}
	// A fact given for this export, which adding files must keep.
	tb.demosShown(t)
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(".about-form summary"))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.SendKeys(chromedp.ID("about-email"), email+kb.Tab)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`(document.querySelector('[data-testid=about-summary]') || {innerText: ''}).innerText.includes('1 given')`)); err != nil {
		t.Fatalf("the e-mail was not declared: %v", err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.SetUploadFiles(chromedp.CSS("input#add-files"), rest)); err != nil {
		t.Fatal(err)
	}
	if got := openWaitVerdict(t, tb, check.VerdictConsistent); got != check.VerdictConsistent {
		t.Errorf("all parts: verdict %q, want consistent", got)
	}
	withEmail := openNative(t, parts, check.Declared{Emails: []string{strings.TrimSpace(email)}, CustomerIDs: []string{}, Devices: []string{}}).rep
	if got, want := openShownFindings(t, tb), openReportFindings(withEmail); !slices.Equal(got, want) {
		t.Errorf("all parts: findings\n got  %v\n want %v (the engine's for all three with the e-mail)", got, want)
	}
	opened := openText(t, tb, "[data-testid=opened]")
	for _, f := range parts {
		if !strings.Contains(opened, filepath.Base(f)) {
			t.Errorf("opened line %q does not name %s", opened, filepath.Base(f))
		}
	}
	if v, _ := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.getElementById('about-email').value`)); v != strings.TrimSpace(email) {
		t.Errorf("the declared e-mail after adding files: got %q, want %q", v, strings.TrimSpace(email))
	}
	tb.shot(t, "en-add-files")
	tb.finish(t, secrets(all))
	env.checkTraffic(t, secrets(all))
}
