package ui

import (
	"strconv"
	"time"

	"exportlens/app/view"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Timeline geometry.
const (
	timelineHeight = 120 // px of the tallest bar
)

// seriesColours colour the devices in order; foreign ones are also hatched,
// so colour is never the only sign.
var seriesColours = []string{"#1d6fa5", "#2a9d8f", "#7b5ea7", "#e9a23b", "#c8553d", "#5c946e", "#8d6a9f", "#3d5a80"}

// seriesColour is the colour of series i of n (view.Recordings.Series):
// the last, the recordings of no device, is grey.
func seriesColour(i, n int) string {
	if i == n-1 {
		return "#8a939e"
	}
	return seriesColours[i%len(seriesColours)]
}

// timelineView shows recordings per day as small bars coloured by device,
// foreign devices hatched, with a legend. Plain elements sized by style:
// no SVG from strings, nothing from the export in markup.
type timelineView struct {
	app.Compo
	Lang  string
	Index *view.Recordings
	// The bars of growing's index come timelineChunk at a time, a frame
	// apart (grow): shown are mounted.
	growing *view.Recordings
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
	if days, _ := ix.Timeline(); v.shown >= len(days) {
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
func (v *timelineView) barsShown(ix *view.Recordings, n int) int {
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
	series := ix.Series()
	days, undated := ix.Timeline()
	if len(days) == 0 {
		return app.Section().Class("timeline").Attr("data-testid", "timeline").Body(
			app.H2().Text(tr(v.Lang, tTimelineTitle)),
			app.P().Class("notice").Text(tr(v.Lang, tTimelineNone)),
		)
	}
	peak := 1
	for _, d := range days {
		peak = max(peak, d.Total)
	}
	shown := v.barsShown(ix, len(days))
	bars := make([]app.UI, shown)
	for i, d := range days[:shown] {
		segs := make([]app.UI, 0, len(series))
		for s, n := range d.Counts {
			if n == 0 {
				continue
			}
			seg := app.Div().Class("tl-seg").
				Style("height", strconv.FormatFloat(float64(n)*100/float64(d.Total), 'f', 2, 64)+"%").
				Style("background-color", seriesColour(s, len(series)))
			if series[s].Foreign {
				seg = seg.Class("foreign")
			}
			segs = append(segs, seg)
		}
		label := longDay(v.Lang, d.Day)
		if d.Days > 1 {
			label = tr(v.Lang, tTimelineFrom, label, d.Days)
		}
		bars[i] = app.Div().Class("tl-day").
			Attr("data-testid", "timeline-day").
			Attr("data-day", d.Day).
			Attr("data-count", itoa(d.Total)).
			Attr("data-flagged", itoa(d.Flagged)).
			Title(label+": "+tr(v.Lang, tTimelineCount, d.Total, d.Flagged)).
			Body(
				app.Div().Class("tl-bar").
					Style("height", itoa(max(d.Total*timelineHeight/peak, min(d.Total, 2)))+"px").
					Body(segs...),
				app.If(d.Flagged > 0, app.Span().Class("tl-flag")),
			)
	}
	legend := make([]app.UI, 0, len(series))
	for i, s := range series {
		if s.Count == 0 {
			continue
		}
		if i == len(series)-1 {
			s.Label = tr(v.Lang, tRecNoDevice)
		}
		sw := app.Span().Class("tl-swatch").Style("background-color", seriesColour(i, len(series)))
		item := app.Li().Attr("data-testid", "timeline-series").Attr("data-foreign", strconv.FormatBool(s.Foreign))
		if s.Foreign {
			sw = sw.Class("foreign")
			item = item.Class("foreign")
		}
		body := []app.UI{sw, shownID(v.Lang, s.Label), app.Span().Class("muted").Text(" · " + itoa(s.Count))}
		if s.Foreign {
			body = append(body, app.Span().Class("badge", "badge-warn").Text(tr(v.Lang, tTimelineForeign)))
		}
		legend = append(legend, item.Body(body...))
	}
	for _, d := range days {
		if d.Flagged > 0 {
			legend = append(legend, app.Li().Body(app.Span().Class("tl-flag"), app.Span().Text(tr(v.Lang, tTimelineFlagged))))
			break
		}
	}
	first, last := days[0].Day, days[len(days)-1].Day
	return app.Section().Class("timeline").Attr("data-testid", "timeline").
		Attr("data-complete", strconv.FormatBool(shown == len(days))).Body(
		app.H2().Text(tr(v.Lang, tTimelineTitle)),
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
		app.If(undated > 0, app.P().Class("notice").Text(tr(v.Lang, tTimelineUndated, undated))),
	)
}

// renderDates labels every bar when there are few, else the first and last.
func (v *timelineView) renderDates(days []view.Bar, first, last string) app.UI {
	if len(days) > 14 {
		return app.Div().Class("tl-dates").Body(app.Span().Text(dayText(v.Lang, first)), app.Span().Text(dayText(v.Lang, last)))
	}
	labels := make([]app.UI, len(days))
	for i, d := range days {
		labels[i] = app.Span().Text(shortDayText(v.Lang, d.Day)) // the year is in the title
	}
	return app.Div().Class("tl-dates", "tl-dates-each").Title(dayText(v.Lang, first) + " – " + dayText(v.Lang, last)).Body(labels...)
}
