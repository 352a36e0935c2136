package ui

import (
	"slices"
	"strconv"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
	"exportlens/app/export"
)

// Timeline geometry.
const (
	timelineHeight  = 120 // px of the tallest bar
	timelineMaxBars = 400 // more days than this are grouped into bars of several days
)

// seriesColours colour the devices in order; foreign ones are also hatched,
// so colour is never the only sign.
var seriesColours = []string{"#1d6fa5", "#2a9d8f", "#7b5ea7", "#e9a23b", "#c8553d", "#5c946e", "#8d6a9f", "#3d5a80"}

// timelineDay is one bar: recordings per series from day on.
type timelineDay struct {
	day     string // first day of the bar (dayLayout)
	days    int    // days the bar covers
	counts  []int  // per series
	total   int
	flagged int // recordings a mismatch or likely finding names
}

// timelineSeries is a device (or "no device") of the legend.
type timelineSeries struct {
	label   string
	colour  string
	foreign bool // not registered to the account, or a finding names it
	count   int
}

// timelineView shows recordings per day as small bars coloured by device,
// foreign devices hatched, with a legend. Plain elements sized by style:
// no SVG from strings, nothing from the export in markup.
type timelineView struct {
	app.Compo
	Lang  string
	Index *recIndex
	// The bars of growing's index come timelineChunk at a time, a frame
	// apart (grow): shown are mounted.
	growing *recIndex
	shown   int
	timer   bool // a grow step is due
}

// timelineChunk is how many bars one frame mounts. An export over many
// days has hundreds of bars (up to timelineMaxBars), thousands of
// elements: mounted at once, the 200 bars of the 100,000-recording export
// held the page 400-600 ms (TestBrowserHuge on a busy machine), the
// longest pause of its opening.
const timelineChunk = 80

func (v *timelineView) OnMount(ctx app.Context)  { v.grow(ctx) }
func (v *timelineView) OnUpdate(ctx app.Context) { v.grow(ctx) }

// grow mounts the next chunk of bars after a moment (a timer: the page
// gets its turn in between) until every bar is there.
func (v *timelineView) grow(ctx app.Context) {
	ix := v.Index
	if ix != v.growing {
		v.growing, v.shown = ix, timelineChunk
	}
	if ix == nil || v.timer {
		return
	}
	if days, _ := ix.timeline(); v.shown >= len(days) {
		return
	}
	v.timer = true
	ctx.After(time.Millisecond, func(ctx app.Context) {
		v.timer = false
		if v.growing == ix {
			v.shown += timelineChunk
		}
		v.grow(ctx)
	})
}

// barsShown is how many of n bars of ix a render shows.
func (v *timelineView) barsShown(ix *recIndex, n int) int {
	if ix != v.growing {
		return min(n, timelineChunk) // a new index: OnMount or OnUpdate starts growing it
	}
	return min(n, v.shown)
}

func (v *timelineView) Render() app.UI {
	ix := v.Index
	if ix == nil {
		return app.Text("")
	}
	series := ix.timelineSeries(v.Lang)
	days, undated := ix.timeline()
	if len(days) == 0 {
		return app.Section().Class("timeline").Attr("data-testid", "timeline").Body(
			app.H2().Text(tr(v.Lang, "timeline.title")),
			app.P().Class("notice").Text(tr(v.Lang, "timeline.none")),
		)
	}
	peak := 1
	for _, d := range days {
		peak = max(peak, d.total)
	}
	shown := v.barsShown(ix, len(days))
	bars := make([]app.UI, shown)
	for i, d := range days[:shown] {
		segs := make([]app.UI, 0, len(series))
		for s, n := range d.counts {
			if n == 0 {
				continue
			}
			seg := app.Div().Class("tl-seg").
				Style("height", strconv.FormatFloat(float64(n)*100/float64(d.total), 'f', 2, 64)+"%").
				Style("background-color", series[s].colour)
			if series[s].foreign {
				seg = seg.Class("foreign")
			}
			segs = append(segs, seg)
		}
		label := longDay(v.Lang, d.day)
		if d.days > 1 {
			label = tr(v.Lang, "timeline.from", label, d.days)
		}
		bars[i] = app.Div().Class("tl-day").
			Attr("data-testid", "timeline-day").
			Attr("data-day", d.day).
			Attr("data-count", itoa(d.total)).
			Attr("data-flagged", itoa(d.flagged)).
			Title(label+": "+tr(v.Lang, "timeline.count", d.total, d.flagged)).
			Body(
				app.Div().Class("tl-bar").
					Style("height", itoa(max(d.total*timelineHeight/peak, min(d.total, 2)))+"px").
					Body(segs...),
				app.If(d.flagged > 0, app.Span().Class("tl-flag")),
			)
	}
	legend := make([]app.UI, 0, len(series))
	for _, s := range series {
		if s.count == 0 {
			continue
		}
		sw := app.Span().Class("tl-swatch").Style("background-color", s.colour)
		item := app.Li().Attr("data-testid", "timeline-series").Attr("data-foreign", strconv.FormatBool(s.foreign))
		if s.foreign {
			sw = sw.Class("foreign")
			item = item.Class("foreign")
		}
		body := []app.UI{sw, shownID(v.Lang, s.label), app.Span().Class("muted").Text(" · " + itoa(s.count))}
		if s.foreign {
			body = append(body, app.Span().Class("badge", "badge-warn").Text(tr(v.Lang, "timeline.foreign")))
		}
		legend = append(legend, item.Body(body...))
	}
	for _, d := range days {
		if d.flagged > 0 {
			legend = append(legend, app.Li().Body(app.Span().Class("tl-flag"), app.Span().Text(tr(v.Lang, "timeline.flagged"))))
			break
		}
	}
	first, last := days[0].day, days[len(days)-1].day
	return app.Section().Class("timeline").Attr("data-testid", "timeline").
		Attr("data-complete", strconv.FormatBool(shown == len(days))).Body(
		app.H2().Text(tr(v.Lang, "timeline.title")),
		app.Div().Class("tl-chart").Body(
			app.Div().Class("tl-axis").Body(
				app.Span().Text(itoa(peak)),
				app.Span().Text("0"),
			),
			app.Div().Class("tl-bars").Style("height", itoa(timelineHeight)+"px").Aria("hidden", "true").Body(bars...),
		),
		v.renderDates(days, first, last),
		app.Ul().Class("tl-legend").Body(legend...),
		app.P().Class("hint").Attr("data-testid", "zone-note").Text(zoneText(v.Lang)),
		app.If(undated > 0, app.P().Class("notice").Text(tr(v.Lang, "timeline.undated", undated))),
	)
}

// timelineSeries lists the devices, then "no device", with their colours.
// The counts and marks are computed once per index (seriesOnce; recheck
// does it before the first Render, with yields): a Render only names them.
func (ix *recIndex) timelineSeries(lang string) []timelineSeries {
	ix.seriesOnce.Do(func() { ix.series = ix.countSeries() })
	out := slices.Clone(ix.series)
	out[len(out)-1].label = tr(lang, "rec.noDevice")
	return out
}

func (ix *recIndex) countSeries() []timelineSeries {
	out := make([]timelineSeries, len(ix.devices)+1)
	for i, d := range ix.devices {
		label := d.Name
		if label == "" {
			label = d.Serial
		} else {
			label += " (" + d.Serial + ")"
		}
		out[i] = timelineSeries{label: label, colour: seriesColours[i%len(seriesColours)], foreign: !d.Registered}
	}
	// A registered device is foreign too when a finding names it (the
	// person said it is not theirs).
	for fi, f := range ix.r.Findings {
		paceUI(fi)
		if f.Severity != check.Mismatch && f.Severity != check.Likely {
			continue
		}
		for i, d := range ix.devices {
			if export.NormID(f.Subject) == export.NormID(d.Serial) {
				out[i].foreign = true
			}
		}
	}
	none := len(ix.devices)
	out[none] = timelineSeries{colour: "#8a939e"}
	for i, it := range ix.items {
		paceUI(i)
		s := seriesOf(ix, it)
		out[s].count++
		// Recordings without a device are foreign when flagged: nothing
		// else ties them to the account (the 2018 case, stray files).
		if s == none && it.flagged {
			out[s].foreign = true
		}
	}
	return out
}

func seriesOf(ix *recIndex, it recItem) int {
	if it.device < 0 {
		return len(ix.devices)
	}
	return it.device
}

// timeline counts the recordings per day (every day from the first to the
// last, empty ones too, so gaps show), built once per index. undated counts
// the recordings without a time.
func (ix *recIndex) timeline() (days []timelineDay, undated int) {
	lo, hi := ix.dayRange()
	for _, it := range ix.items {
		if it.day == "" {
			undated++
		}
	}
	if lo == "" {
		return nil, undated
	}
	if ix.days != nil {
		return ix.days, undated
	}
	// Day arithmetic in UTC: the day strings are already local.
	start, err1 := time.Parse(dayLayout, lo)
	end, err2 := time.Parse(dayLayout, hi)
	if err1 != nil || err2 != nil {
		return nil, undated
	}
	span := int(end.Sub(start).Hours()/24) + 1
	per := (span + timelineMaxBars - 1) / timelineMaxBars
	n := (span + per - 1) / per
	nseries := len(ix.devices) + 1
	days = make([]timelineDay, n)
	for i := range days {
		days[i] = timelineDay{day: start.AddDate(0, 0, i*per).Format(dayLayout), days: per, counts: make([]int, nseries)}
	}
	// Items come in time order mostly: a day is parsed once per run.
	lastDay, lastB := "", -1
	for i, it := range ix.items {
		paceUI(i)
		if it.day == "" {
			continue
		}
		if it.day != lastDay {
			t, err := time.Parse(dayLayout, it.day)
			if err != nil {
				continue
			}
			lastDay, lastB = it.day, int(t.Sub(start).Hours()/24)/per
		}
		b := lastB
		days[b].counts[seriesOf(ix, it)]++
		days[b].total++
		if it.flagged {
			days[b].flagged++
		}
	}
	ix.days = days
	return days, undated
}

// renderDates labels every bar when there are few, else the first and last.
func (v *timelineView) renderDates(days []timelineDay, first, last string) app.UI {
	if len(days) > 14 {
		return app.Div().Class("tl-dates").Body(app.Span().Text(dayText(v.Lang, first)), app.Span().Text(dayText(v.Lang, last)))
	}
	labels := make([]app.UI, len(days))
	for i, d := range days {
		labels[i] = app.Span().Text(shortDayText(v.Lang, d.day)) // the year is in the title
	}
	return app.Div().Class("tl-dates", "tl-dates-each").Title(dayText(v.Lang, first) + " – " + dayText(v.Lang, last)).Body(labels...)
}
