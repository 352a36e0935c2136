package ui

import (
	"strconv"
	"strings"

	"exportlens/app/view"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// Virtual list geometry: rows have one height, so the rows in view follow
// from scrollTop alone and the DOM holds only those (plus an overhang each
// side), however many thousand recordings pass the filters. A row is
// rowRems high (.recording in app.css): in pixels that depends on the
// text size the person chose (rowPixels), so that at 200 % text both
// lines of a row still show.
const (
	rowRems      = 3.5
	visibleRows  = 10
	rowsOverhang = 6 // rows rendered beyond each edge, for smooth scrolling
	listID       = "recording-list"
)

// rowPixels is the height of a row at the page's root font size (16 px
// unless the person chose another).
func rowPixels() int { return int(rowRems*domRootFontPixels() + 0.5) }

// recordingsPage is "/recordings": a virtualised, searchable, filterable
// list of every recording and a player. The URL may carry ?finding=N (an
// index into the report's findings: only its recordings) and ?rec=N (an
// index into the list: select it); never content, serials or IDs.
type recordingsPage struct {
	app.Compo
	s    session
	lang string

	filter     view.Filter
	view       []int            // items that pass filter, in list order
	viewOf     *view.Recordings // the index view was computed from
	viewFor    view.Filter      // the filter view was computed for
	viewLift   int              // the session's Lifted.Gen view was computed for
	scrollTop  int
	rowHeight  int  // px, rowPixels when mounted
	selected   int  // index into the items; -1 for none
	autoplay   bool // the person chose the selection: play it
	stopKeys   func()
	stopScroll func()
	ctx        app.Context // the page's, from OnMount: rows' lengths are read with it
	// pending is the view the address asked for, until the recordings'
	// index is there to apply it to (a shared link opened before the
	// export: applyView).
	pending *view.RecordingsView
	navs    int // OnNav calls since the page was made
}

func newRecordingsPage() *recordingsPage {
	return &recordingsPage{filter: view.NewFilter(), selected: -1, rowHeight: 56}
}

// OnInit draws the page with the open export and language from the start.
func (p *recordingsPage) OnInit() { initialView(&p.s, &p.lang) }

func (p *recordingsPage) OnMount(ctx app.Context) {
	observeSession(ctx, &p.s, &p.lang)
	p.ctx = ctx
	p.rowHeight = rowPixels()
	p.stopKeys = domOnKeyDown(p.onKey)
	p.stopScroll = domOnScroll(listID, p.onScroll)
	listenRows(p)
}

func (p *recordingsPage) OnDismount() {
	unlistenRows(p)
	if p.stopKeys != nil {
		p.stopKeys()
	}
	if p.stopScroll != nil {
		p.stopScroll()
	}
	p.ctx = nil
}

// OnNav reads the view from the address (view.ParseRecordingsView). go-app
// keeps this component when only the query changes ("show all"): then the
// finding and the recording are taken from it and the other filters stay
// as the person set them; a page arrived at anew takes them all (a shared
// link).
func (p *recordingsPage) OnNav(ctx app.Context) {
	onPageNav(ctx)
	v := view.ParseRecordingsView(ctx.Page().URL().Query())
	if p.navs > 0 {
		f := p.filter
		f.Finding = v.Filter.Finding
		v.Filter = f
	}
	p.navs++
	v.Filter.Query = p.filter.Query
	p.pending = &v
	p.applyView(ctx)
}

// applyView applies the view the address asked for once the recordings'
// index is there; places the export's lists lack are dropped.
func (p *recordingsPage) applyView(ctx app.Context) {
	ix := recIndexOf(p.s)
	if p.pending == nil || ix == nil || ctx == nil {
		return
	}
	v := p.pending.Fit(ix)
	p.pending = nil
	p.filter = v.Filter
	if v.Rec >= 0 {
		p.selected, p.autoplay = v.Rec, false
		p.reveal(ctx, ix, v.Rec, true)
	}
}

// shareURL is the address of the view shown (view.RecordingsView).
func (p *recordingsPage) shareURL() string {
	if p.pending != nil { // not applied yet: what the address asked for
		return p.pending.URL()
	}
	return view.RecordingsView{Filter: p.filter, Rec: p.selected}.URL()
}

func (p *recordingsPage) Render() app.UI {
	presentFor(p.s)
	p.applyView(p.ctx)
	main := []app.UI{pageHeading(tr(p.lang, tRecordingsTitle))}
	ix := recIndexOf(p.s)
	p.showHead(ix)
	if ix == nil {
		if p.pending != nil && p.s.Export == nil && p.pending.URL() != view.RecordingsRoute {
			main = append(main, sharedLanding(p.lang, true))
		}
		main = append(main, app.P().Text(tr(p.lang, tRecordingsEmpty)))
		if p.s.Status != view.StatusLoaded {
			main = append(main, &openPanel{Lang: p.lang, Session: p.s})
		}
	} else {
		main = append(main, p.renderBody(ix)...)
	}
	return pageRoot(p.lang, []string{"page"},
		&topBar{Lang: p.lang, Current: "/recordings", Share: p.shareURL()},
		app.Main().Class("recordings").Body(main...),
	)
}

// showHead titles the view: the recording chosen and the finding the list
// is filtered by, by their numbers.
func (p *recordingsPage) showHead(ix *view.Recordings) {
	var parts []string
	if ix != nil && p.selected >= 0 && p.selected < len(ix.Items) {
		parts = append(parts, tr(p.lang, tTitleRecording, p.selected+1))
	}
	if ix != nil && p.filter.Finding >= 0 && p.filter.Finding < len(ix.Report.Findings) {
		parts = append(parts, tr(p.lang, tTitleFinding, p.filter.Finding+1))
	}
	showHead(p.lang, append(parts, tr(p.lang, tRecordingsTitle))...)
}

// currentView returns the filtered items, recomputed only when the index
// or the filter changed (not on scroll).
func (p *recordingsPage) currentView(ix *view.Recordings) []int {
	f := p.filter
	if shownPseudo != nil { // presenting: the search is off
		f.Query = ""
	}
	if p.viewOf != ix || p.viewFor != f || p.viewLift != p.s.Lifted.Gen {
		if p.viewOf != ix && p.selected >= len(ix.Items) {
			p.selected = -1 // another export
		}
		// A search never looks into what is hidden: a hit would tell.
		prot := protectionOf(p.s)
		p.view, p.viewOf, p.viewFor, p.viewLift = ix.Filter(f, prot.Hides), ix, f, p.s.Lifted.Gen
	}
	return p.view
}

func (p *recordingsPage) renderBody(ix *view.Recordings) []app.UI {
	view := p.currentView(ix)
	prot := protectionOf(p.s)
	pos := -1
	if p.selected >= 0 {
		pos = indexOf(view, p.selected)
	}

	first := min(max(p.scrollTop/p.rowHeight-rowsOverhang, 0), len(view))
	last := min(first+visibleRows+2*rowsOverhang, len(view))
	rows := make([]app.UI, 0, last-first)
	for i := first; i < last; i++ {
		rows = append(rows, newRecordingRow(p.lang, ix, prot, view[i], i, len(view), view[i] == p.selected, p.onSelect, p.onPress))
	}
	p.wantRowLengths(ix, view[first:last])
	if len(view) == 0 {
		rows = append(rows, app.P().Class("list-empty").Text(tr(p.lang, tRecNoMatch)))
	}

	active := ""
	if pos >= first && pos < last {
		active = rowID(p.selected)
	}
	var player app.UI = app.Aside().Class("player", "player-idle").Body(
		app.H3().Text(tr(p.lang, tPlayerTitle)),
		app.P().Class("notice").Text(tr(p.lang, tPlayerChoose)),
		app.P().Class("keys-hint").Text(tr(p.lang, tPlayerKeys)),
	)
	if p.selected >= 0 && p.selected < len(ix.Items) {
		player = &playerView{
			Lang: p.lang, Index: ix, Item: p.selected, Pos: pos, Count: len(view),
			Files: p.s.Files, Autoplay: p.autoplay, OnPrev: p.onPrev, OnNext: p.onNext,
			Hidden: prot.Hides(p.selected), Gen: p.s.Gen, Declared: p.s.Declared, Excerpts: p.s.Excerpts,
		}
	}

	return []app.UI{
		p.renderProtection(prot),
		p.renderFindingChip(ix),
		p.renderFilters(ix, len(view)),
		app.P().Class("hint", "zone-note").Attr("data-testid", "zone-note").Text(zoneText(p.lang)),
		app.Div().Class("recordings-body").Body(
			app.Div().
				ID(listID).
				Class("recording-list").
				Role("listbox").
				Aria("label", tr(p.lang, tRecordingsTitle)).
				// One Tab stop for the whole list: ↑ and ↓ move the
				// chosen row, Enter and space play it (onKey).
				TabIndex(0).
				Aria("activedescendant", active).
				Style("max-height", itoa(p.listHeight())+"px").
				Style("--row-height", itoa(p.rowHeight)+"px").
				Body(
					app.Div().Class("recording-spacer").Style("height", itoa(max(len(view), 1)*p.rowHeight)+"px").Body(
						app.Div().Class("recording-window").Style("transform", "translateY("+itoa(first*p.rowHeight)+"px)").Body(rows...),
					),
				),
			player,
		),
	}
}

// renderProtection says how many recordings are hidden and why, with the
// controls that show them; or, once the person lifted that, that they are
// shown.
func (p *recordingsPage) renderProtection(prot *view.Protection) app.UI {
	switch {
	case prot != nil && prot.Hidden > 0:
		return &protectNotice{Lang: p.lang, Gen: p.s.Gen, Report: p.s.Report,
			Why: trn(p.lang, tProtectList, prot.Hidden), Findings: prot.HiddenFindings()}
	case prot.AnyLifted():
		return liftedNotice(p.lang, p.s.Gen)
	}
	return app.Text("")
}

// renderFindingChip says that the list shows one finding's recordings, with
// the way back to all of them.
func (p *recordingsPage) renderFindingChip(ix *view.Recordings) app.UI {
	f := p.filter.Finding
	if f < 0 {
		return app.Text("")
	}
	if f >= len(ix.Report.Findings) {
		return app.P().Class("finding-chip").Attr("data-testid", "finding-filter").Body(
			app.Text(tr(p.lang, tRecNoSuchFinding)+" "),
			app.A().Href("/recordings").Text(tr(p.lang, tRecShowAll)),
		)
	}
	return app.P().Class("finding-chip").Attr("data-testid", "finding-filter").Attr("data-finding", itoa(f)).Body(
		app.Text(tr(p.lang, tRecByFinding)+" "),
		app.Strong().Text(findingText(p.lang, &ix.Report.Findings[f])),
		app.Text(" — "),
		app.A().Href("/recordings").Attr("data-testid", "finding-filter-clear").Text(tr(p.lang, tRecShowAll)),
	)
}

func (p *recordingsPage) renderFilters(ix *view.Recordings, shown int) app.UI {
	f := p.filter
	devices := []app.UI{app.Option().Value("all").Selected(f.Device == view.FilterAll).Text(tr(p.lang, tRecAllDevices))}
	// An <option> holds text only: identifiers are shown with their
	// invisible, direction and look-alike characters as codes (shownPlain).
	for i, d := range ix.Devices {
		label := shownPlain(d.Name)
		if label == "" {
			label = shownPlain(d.Serial)
		} else {
			label += " (" + shownPlain(d.Serial) + ")"
		}
		if !d.Registered {
			label += " — " + tr(p.lang, tBadgeUnregistered)
		}
		devices = append(devices, app.Option().Value(itoa(i)).Selected(f.Device == i).Text(label))
	}
	devices = append(devices, app.Option().Value("none").Selected(f.Device == view.FilterNone).Text(tr(p.lang, tRecNoDevice)))

	profiles := []app.UI{app.Option().Value("all").Selected(f.Profile == view.FilterAll).Text(tr(p.lang, tRecAllProfiles))}
	for i, pr := range ix.Profiles {
		label := shownPlain(pr.Name)
		if label == "" {
			label = shownPlain(pr.ID)
		}
		if !pr.Registered {
			label += " — " + tr(p.lang, tBadgeUnregistered)
		}
		profiles = append(profiles, app.Option().Value(itoa(i)).Selected(f.Profile == i).Text(label))
	}
	profiles = append(profiles, app.Option().Value("none").Selected(f.Profile == view.FilterNone).Text(tr(p.lang, tRecNoProfile)))

	lo, hi := ix.DayRange()
	date := func(testid string, key textKey, val string, h app.EventHandler) app.UI {
		in := app.Input().Type("date").Attr("data-testid", testid).Value(val).OnChange(h)
		if val == "" {
			// WebKit draws an empty date field with today's date in grey,
			// which reads as a filter that is set; web/app.css blanks it.
			in = in.DataSet("empty", "true")
		}
		if lo != "" {
			in = in.Min(lo).Max(hi)
		}
		return app.Label().Class("filter").Body(app.Span().Text(tr(p.lang, key)), in)
	}
	return app.Div().Class("filters").Body(
		p.renderSearch(),
		app.Label().Class("filter").Body(
			app.Span().Text(tr(p.lang, tRecDevice)),
			app.Select().Attr("data-testid", "filter-device").OnChange(p.onDevice).Body(devices...),
		),
		app.Label().Class("filter").Body(
			app.Span().Text(tr(p.lang, tRecProfile)),
			app.Select().Attr("data-testid", "filter-profile").OnChange(p.onProfile).Body(profiles...),
		),
		date("filter-from", tRecFrom, f.From, p.onFrom),
		date("filter-to", tRecTo, f.To, p.onTo),
		app.Label().Class("filter", "filter-check").Body(
			app.Input().Type("checkbox").Attr("data-testid", "filter-flagged").Checked(f.Flagged).OnChange(p.onFlagged),
			app.Span().Text(tr(p.lang, tRecordingsFlagged)+" ("+itoa(ix.Flagged)+")"),
		),
		app.Span().Class("count").Attr("data-testid", "recording-count").Aria("live", "polite").
			Attr("data-shown", itoa(shown)).Attr("data-total", itoa(len(ix.Items))).
			Text(tr(p.lang, tRecordingsCount, shown, len(ix.Items))),
	)
}

// renderSearch is the search field; while presenting it is off (a hit
// would tell what was said).
func (p *recordingsPage) renderSearch() app.UI {
	in := app.Input().Type("search").Attr("data-testid", "recording-search").
		Placeholder(tr(p.lang, tRecordingsSearch)).
		Aria("label", tr(p.lang, tRecordingsSearch))
	if shownPseudo != nil {
		return in.Disabled(true).Title(tr(p.lang, tPresentFind)).Placeholder(tr(p.lang, tPresentFind))
	}
	return in.Value(p.filter.Query).OnInput(p.onSearch)
}

// onScroll (domOnScroll) draws the page again only when the list moved by
// a whole row.
func (p *recordingsPage) onScroll(top int) {
	moved := top/p.rowHeight != p.scrollTop/p.rowHeight
	p.scrollTop = top
	if moved && p.ctx != nil {
		p.ctx.Dispatch(func(app.Context) {})
	}
}

// filtered starts the list from its top after a filter changed: the old
// scroll position means nothing in the new list.
func (p *recordingsPage) filtered(ctx app.Context) {
	p.scrollTop = 0
	ctx.Defer(func(app.Context) { setListScroll(0) })
}

func (p *recordingsPage) onSearch(ctx app.Context, e app.Event) {
	p.filter.Query = strings.ToLower(strings.TrimSpace(ctx.JSSrc().Get("value").String()))
	p.filtered(ctx)
}

func (p *recordingsPage) onDevice(ctx app.Context, e app.Event) {
	p.filter.Device = selectIndex(ctx.JSSrc().Get("value").String())
	p.filtered(ctx)
}

func (p *recordingsPage) onProfile(ctx app.Context, e app.Event) {
	p.filter.Profile = selectIndex(ctx.JSSrc().Get("value").String())
	p.filtered(ctx)
}

func (p *recordingsPage) onFrom(ctx app.Context, e app.Event) {
	p.filter.From = ctx.JSSrc().Get("value").String()
	p.filtered(ctx)
}

func (p *recordingsPage) onTo(ctx app.Context, e app.Event) {
	p.filter.To = ctx.JSSrc().Get("value").String()
	p.filtered(ctx)
}

func (p *recordingsPage) onFlagged(ctx app.Context, e app.Event) {
	p.filter.Flagged = ctx.JSSrc().Get("checked").Bool()
	p.filtered(ctx)
}

// onPress makes the audio of a pressed row ready before it is chosen.
func (p *recordingsPage) onPress(item int) {
	ix := recIndexOf(p.s)
	if ix != nil {
		ix.HoldLengths() // the audio first
	}
	prefetchAudio(ix, item, p.s.Files)
}

func (p *recordingsPage) onSelect(ctx app.Context, item int) {
	p.choose(item, true)
}

// choose selects item and chooses its audio at once, in the handler of the
// click or key (chooseAudio), a frame before the player is drawn with it.
func (p *recordingsPage) choose(item int, autoplay bool) {
	p.selected, p.autoplay = item, autoplay
	ix := recIndexOf(p.s)
	if ix == nil || item < 0 || item >= len(ix.Items) || protectionOf(p.s).Hides(item) {
		return
	}
	chooseAudio(ix, item, p.s.Files, autoplay)
}

func (p *recordingsPage) onPrev(ctx app.Context) { p.step(ctx, -1) }
func (p *recordingsPage) onNext(ctx app.Context) { p.step(ctx, +1) }

// step selects the previous (-1) or next (+1) item of the filtered list and
// keeps it in view.
func (p *recordingsPage) step(ctx app.Context, dir int) {
	ix := recIndexOf(p.s)
	if ix == nil {
		return
	}
	view := p.currentView(ix)
	if len(view) == 0 {
		return
	}
	pos := indexOf(view, p.selected)
	switch {
	case pos < 0 && dir > 0:
		pos = 0
	case pos < 0:
		pos = len(view) - 1
	default:
		pos = min(max(pos+dir, 0), len(view)-1)
	}
	p.choose(view[pos], true)
	p.reveal(ctx, ix, p.selected, false)
}

// reveal scrolls the list so that item k shows: centred when asked (a link
// to it), else just into view.
func (p *recordingsPage) reveal(ctx app.Context, ix *view.Recordings, k int, centre bool) {
	pos := indexOf(p.currentView(ix), k)
	if pos < 0 {
		return
	}
	top := p.scrollTop
	switch {
	case centre:
		top = max(pos*p.rowHeight-(p.listHeight()-p.rowHeight)/2, 0)
	case pos*p.rowHeight < top:
		top = pos * p.rowHeight
	case (pos+1)*p.rowHeight > top+p.listHeight():
		top = (pos+1)*p.rowHeight - p.listHeight()
	default:
		return
	}
	p.scrollTop = top
	ctx.Defer(func(app.Context) { setListScroll(top) })
}

// onKey: space plays or pauses, → or j the next recording, ← or k the
// previous one. In the list (focused: one Tab stop) ↑, ↓, Home, End,
// Page Up and Page Down move the chosen row without playing it, and Enter
// or space plays it. Keys meant for a field (typing a search, a date,
// choosing in a list), for a focused button or for the audio's own
// controls are left alone.
func (p *recordingsPage) onKey(ctx app.Context, e app.Event) {
	if e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
		return
	}
	key := e.Get("key").String()
	target := e.Get("target")
	if target.Get("id").String() == listID && p.listKey(ctx, key) {
		e.PreventDefault()
		return
	}
	switch target.Get("tagName").String() {
	case "INPUT", "TEXTAREA", "SELECT", "AUDIO":
		return
	case "BUTTON", "A":
		if key == " " || key == "Enter" {
			return
		}
	}
	if target.Get("isContentEditable").Bool() {
		return
	}
	switch key {
	case " ":
		if p.selected < 0 {
			return
		}
		e.PreventDefault() // the space bar would scroll the page
		toggleAudio()
	case "ArrowRight", "j":
		e.PreventDefault()
		p.step(ctx, +1)
	case "ArrowLeft", "k":
		e.PreventDefault()
		p.step(ctx, -1)
	}
}

// listKey handles a key pressed in the focused list; false when it is not
// the list's (the page's keys then apply).
func (p *recordingsPage) listKey(ctx app.Context, key string) bool {
	ix := recIndexOf(p.s)
	if ix == nil {
		return false
	}
	view := p.currentView(ix)
	if len(view) == 0 {
		return false
	}
	pos := indexOf(view, p.selected)
	to := -1
	switch key {
	case "ArrowDown":
		to = pos + 1
	case "ArrowUp":
		to = max(pos-1, 0)
	case "Home":
		to = 0
	case "End":
		to = len(view) - 1
	case "PageDown":
		to = max(pos, 0) + visibleRows
	case "PageUp":
		to = max(pos, 0) - visibleRows
	case "Enter", " ":
		switch {
		case pos < 0:
			p.choose(view[0], true)
			p.reveal(ctx, ix, p.selected, false)
		case !audioReady():
			p.choose(p.selected, true) // its audio is still being read: it plays when there
		default:
			toggleAudio()
		}
		return true
	default:
		return false
	}
	to = min(max(to, 0), len(view)-1)
	p.choose(view[to], false)
	p.reveal(ctx, ix, p.selected, false)
	return true
}

// setListScroll moves the list's scroll position. Only the scroll position
// is set: the rows stay go-app's.
func setListScroll(top int) {
	domSetScrollTop(listID, top)
}

// selectIndex reads a device or profile <select> value.
func selectIndex(v string) int {
	switch v {
	case "all":
		return view.FilterAll
	case "none":
		return view.FilterNone
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return n
	}
	return view.FilterAll
}

func indexOf(view []int, k int) int {
	// view is in list order, which is item order: binary search.
	lo, hi := 0, len(view)
	for lo < hi {
		m := (lo + hi) / 2
		if view[m] < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(view) && view[lo] == k {
		return lo
	}
	return -1
}

// listHeight is the list's height in pixels: visibleRows rows.
func (p *recordingsPage) listHeight() int { return visibleRows * p.rowHeight }
