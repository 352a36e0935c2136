package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
)

// Virtual list geometry: rows have a fixed height so the visible window
// follows from scrollTop alone, and the DOM holds only those rows.
const (
	rowHeight    = 44  // px, matches .recording in app.css
	listHeight   = 528 // px, 12 rows
	rowsOverhang = 6   // rows rendered beyond each edge, for smooth scrolling
)

// recordingsPage is "/recordings": a virtualised, searchable list and a player.
type recordingsPage struct {
	app.Compo
	s         session
	lang      string
	query     string
	flagged   bool
	scrollTop int
	selected  int // index into Export.Recordings; -1 for none
}

func newRecordingsPage() *recordingsPage { return &recordingsPage{selected: -1} }

func (p *recordingsPage) OnMount(ctx app.Context) {
	observeSession(ctx, &p.s, &p.lang)
}

func (p *recordingsPage) Render() app.UI {
	main := []app.UI{app.H2().Text(tr(p.lang, "recordings.title"))}
	if !p.s.loaded() || p.s.Export == nil {
		main = append(main, app.P().Text(tr(p.lang, "recordings.empty")))
	} else {
		main = append(main, p.renderList()...)
	}
	return app.Div().Class("page").Body(
		&topBar{Lang: p.lang, Current: "/recordings"},
		app.Main().Class("recordings").Body(main...),
	)
}

// visible returns the indexes of the recordings that pass the filters.
func (p *recordingsPage) visible() []int {
	recs := p.s.Export.Recordings
	flagged := p.s.Flagged
	q := strings.ToLower(strings.TrimSpace(p.query))
	out := make([]int, 0, len(recs))
	for i := range recs {
		if p.flagged && !flagged[i] {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(recs[i].Transcript.Text), q) &&
			!strings.Contains(strings.ToLower(recs[i].Response.Text), q) {
			continue
		}
		out = append(out, i)
	}
	return out
}

func (p *recordingsPage) renderList() []app.UI {
	recs := p.s.Export.Recordings
	idx := p.visible()
	flagged := p.s.Flagged
	first := max(p.scrollTop/rowHeight-rowsOverhang, 0)
	last := min(first+listHeight/rowHeight+2*rowsOverhang, len(idx))
	rows := make([]app.UI, 0, last-first)
	for _, i := range idx[first:last] {
		rows = append(rows, &recordingRow{Lang: p.lang, Index: i, Rec: &recs[i], Flagged: flagged[i], Selected: i == p.selected, OnSelect: p.onSelect})
	}
	var player app.UI = app.Div()
	if p.selected >= 0 && p.selected < len(recs) {
		player = &playerView{Lang: p.lang, Session: p.s, Index: p.selected}
	}
	return []app.UI{
		app.Div().Class("filters").Body(
			app.Input().Type("search").Placeholder(tr(p.lang, "recordings.search")).Value(p.query).OnInput(p.onSearch),
			app.Label().Body(
				app.Input().Type("checkbox").Checked(p.flagged).OnChange(p.onFlagged),
				app.Text(" "+tr(p.lang, "recordings.flagged")),
			),
			app.Span().Class("count").Text(tr(p.lang, "recordings.count", len(idx), len(recs))),
		),
		app.Div().Class("recording-list").Style("height", itoa(listHeight)+"px").OnScroll(p.onScroll).Body(
			app.Div().Style("height", itoa(len(idx)*rowHeight)+"px").Style("position", "relative").Body(
				app.Div().Style("transform", "translateY("+itoa(first*rowHeight)+"px)").Body(rows...),
			),
		),
		player,
	}
}

func (p *recordingsPage) onScroll(ctx app.Context, e app.Event) {
	top := ctx.JSSrc().Get("scrollTop").Int()
	// Re-render only when the window moved by a row.
	if top/rowHeight != p.scrollTop/rowHeight {
		p.scrollTop = top
		return
	}
	p.scrollTop = top
	ctx.PreventUpdate()
}

func (p *recordingsPage) onSearch(ctx app.Context, e app.Event) {
	p.query = ctx.JSSrc().Get("value").String()
	p.scrollTop = 0
}

func (p *recordingsPage) onFlagged(ctx app.Context, e app.Event) {
	p.flagged = ctx.JSSrc().Get("checked").Bool()
	p.scrollTop = 0
}

func (p *recordingsPage) onSelect(ctx app.Context, i int) {
	p.selected = i
}

// flaggedSet marks the recordings that a mismatch or likely finding names.
func flaggedSet(r *check.Report) map[int]bool {
	out := map[int]bool{}
	for _, f := range r.Findings {
		if f.Severity != check.Mismatch && f.Severity != check.Likely {
			continue
		}
		for _, i := range f.Affected {
			out[i] = true
		}
	}
	return out
}
