package ui

import (
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
	"exportlens/app/export"
	"exportlens/app/view"
)

// overview shows the verdict, the claimed account with its devices and
// voice profiles, and every finding with its evidence.
type overview struct {
	app.Compo
	Lang    string
	Session session
	// shown is the report whose overview is drawn, part how much of it
	// (overviewVerdict, overviewAccount, overviewWhole). A new report shows
	// its verdict first and the rest in two more tasks (more): drawn at
	// once, the overview of 10,000 recordings held the page 54-71 ms in
	// one task right after the checks (BenchmarkBrowserOpenBig, the longest
	// task of the opening); the verdict and the rest in a second task still
	// made one of 54-73 ms.
	shown *check.Report
	part  int
	timer bool
	// Index, when set, is the recordings' index of Session (else the one
	// prepared for it, readyIndex). Warm: the warm-up's overview, drawn
	// out of sight; drawn whole, it drops itself (warmSlot).
	Index *view.Recordings
	Warm  bool
}

// The parts of the overview, drawn in turn.
const (
	overviewVerdict = iota // the verdict
	overviewAccount        // and the question, the next steps, the summary, the account
	overviewWhole          // and the timeline and the findings
)

func (o *overview) OnMount(ctx app.Context)  { o.more(ctx) }
func (o *overview) OnUpdate(ctx app.Context) { o.more(ctx) }

// more draws the next part of a report's overview a task after the last
// was drawn.
func (o *overview) more(ctx app.Context) {
	if !o.Session.Loaded() || o.timer {
		return
	}
	if o.shown != o.Session.Report {
		o.shown, o.part = o.Session.Report, overviewVerdict
	}
	if o.part >= overviewWhole {
		if o.Warm {
			ctx.Defer(warmDrawn)
		}
		return
	}
	o.timer = true
	ctx.After(time.Millisecond, func(ctx app.Context) {
		o.timer = false
		if o.shown == o.Session.Report {
			o.part++
		}
		// After this frame's drawing, which draws the part (go-app runs
		// the deferred after it): a timer set now would fire before the
		// frame, and two parts would be drawn in one task.
		ctx.Defer(o.more)
	})
}

func (o *overview) Render() app.UI {
	if !o.Session.Loaded() {
		return app.Section().Class("overview", "overview-empty").Body(verdictLive())
	}
	r := o.Session.Report
	part := overviewVerdict
	if o.shown == r {
		part = o.part
	}
	if part == overviewVerdict {
		return app.Section().Class("overview").Body(
			verdictLive(&verdictBanner{Lang: o.Lang, Verdict: r.Verdict, Reason: r.VerdictReason(o.Lang)}))
	}
	sum := r.Summary
	findings := make([]app.UI, len(r.Findings))
	for i := range r.Findings {
		findings[i] = &findingView{Lang: o.Lang, Finding: r.Findings[i], Index: i, Report: r}
	}
	if len(findings) == 0 {
		findings = append(findings, app.P().Text(tr(o.Lang, tFindingsNone)))
	}
	if r.Vendor == string(export.Unknown) {
		return o.renderNotExport(findings)
	}
	return app.Section().Class("overview").Body(
		verdictLive(
			// The warm-up's is never complete: data-verdict, which tests
			// wait for, is the person's export's alone.
			&verdictBanner{Lang: o.Lang, Verdict: r.Verdict, Reason: r.VerdictReason(o.Lang), Complete: part == overviewWhole && !o.Warm},
			app.If(r.Question == check.QuestionVoiceDevice,
				&voiceQuestion{Lang: o.Lang, Declared: o.Session.Declared, Answer: r.Answer(), Unsure: o.Session.Unsure},
			),
		),
		app.If(r.Vendor != "unknown",
			&nextSteps{Lang: o.Lang, Verdict: r.Verdict, Vendor: r.Vendor, Question: r.Question,
				Actions: []app.UI{&evidenceActions{Lang: o.Lang, Session: o.Session}}},
		),
		app.P().Class("summary").Body(
			app.Text(strings.Join([]string{
				trn(o.Lang, tSummaryRecordings, sum.Recordings),
				trn(o.Lang, tSummaryTranscripts, sum.Transcripts),
				trn(o.Lang, tSummaryDevices, sum.Devices),
				trn(o.Lang, tSummaryVoiceProfiles, sum.VoiceProfiles),
			}, ", ")),
			app.Text(" · "),
			app.Text(tr(o.Lang, tVendorLabel, tr(o.Lang, textOr(vendorText[export.Vendor(r.Vendor)], tVendorUnknown)))),
		),
		&addPicker{Lang: o.Lang},
		&claimView{Lang: o.Lang, Claim: r.Claim, Devices: o.Session.Devices, Profiles: o.Session.Profiles, Declared: o.Session.Declared},
		app.If(part == overviewWhole,
			&timelineView{Lang: o.Lang, Index: o.index()},
			app.Section().Class("findings").Body(
				app.H2().Text(tr(o.Lang, tFindingsTitle)),
				app.Div().Body(findings...),
			),
		),
	)
}

// index is the recordings' index the timeline shows.
func (o *overview) index() *view.Recordings {
	if o.Index != nil {
		return o.Index
	}
	return readyIndex(o.Session)
}

// renderNotExport is the overview of what is no export of a known vendor
// (a PDF, photos, an unrelated ZIP): the verdict says what was found, the
// page what was expected and how to get an export; no empty account,
// devices or timeline.
func (o *overview) renderNotExport(findings []app.UI) app.UI {
	r := o.Session.Report
	return app.Section().Class("overview", "overview-not-export").Body(
		verdictLive(
			&verdictBanner{Lang: o.Lang, Verdict: r.Verdict, Reason: r.VerdictReason(o.Lang), Complete: true},
		),
		app.P().Class("not-export").Attr("data-testid", "not-export").Text(tr(o.Lang, tNotExport)),
		&addPicker{Lang: o.Lang},
		app.Section().Class("findings").Body(
			app.H2().Text(tr(o.Lang, tFindingsTitle)),
			app.Div().Body(findings...),
		),
		howto(o.Lang),
	)
}

// verdictLive is the region the verdict is announced in (polite), with the
// question that settles a "cannot tell" and what the answer changed. It is
// there, empty, before an export is opened: screen readers announce the
// changes of a region they already know. The banner in it is a new element
// for each export opened (it is gone while one is read).
func verdictLive(body ...app.UI) app.UI {
	return app.Div().Class("verdict-live").Attr("data-testid", "verdict-live").Aria("live", "polite").Body(body...)
}
