package ui

import (
	"path"
	"strconv"
	"strings"

	"exportlens/app/view"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// recordingRow is one line of the recordings list (test hook:
// data-testid="recording", data-index = the item's index, as in ?rec=).
// Rows are all one height (the page's rowHeight, set on the list as
// --row-height) so the list can be virtualised; its
// props are plain strings so that re-rendering the visible rows on scroll
// compares little.
type recordingRow struct {
	app.Compo
	Lang         string
	Index        int // index into recIndex.items
	Pos, Count   int // position in the filtered list (aria-posinset / setsize)
	Time         string
	Length       string // playing time, "0:07"; "" until read
	Device       string
	Profile      string
	Snippet      string // transcript, or the file name of a bare audio file
	Unreferenced bool   // an audio file no record refers to
	Flagged      bool
	Why          string // the titles of the findings that flag it
	// Hidden: the recording probably is someone else's (view.Protection). The
	// row keeps time, device, voice profile and the finding, never what
	// was said.
	Hidden   bool
	Selected bool
	OnSelect func(ctx app.Context, item int)
	// OnPress is told when the row is chosen, to make its audio ready; a
	// press (pointer down) reaches the page's onPress without the row
	// (listenRows), as the click comes only when the button is released.
	OnPress func(item int)
}

func (r *recordingRow) Render() app.UI {
	cls := []string{"recording"}
	if r.Selected {
		cls = append(cls, "selected")
	}
	if r.Flagged {
		cls = append(cls, "flagged")
	}
	var badges []app.UI
	if r.Unreferenced {
		badges = append(badges, app.Span().Class("badge", "badge-muted").Text(tr(r.Lang, tRecUnreferenced)))
	}
	if r.Flagged {
		badges = append(badges, app.Span().Class("badge", "badge-warn").Attr("data-testid", "recording-flag").Title(r.Why).Text("⚠ "+tr(r.Lang, tRecFlag)))
	}
	snippet := app.Span().Class("rec-transcript").Text(orDash(r.Snippet))
	switch {
	case r.Hidden:
		snippet = app.Span().Class("rec-transcript", "rec-hidden").Attr("data-testid", "recording-hidden").
			Text(tr(r.Lang, tProtectHidden, firstLine(r.Why)))
	case r.Unreferenced:
		snippet = app.Span().Class("rec-transcript", "mono").Text(r.Snippet)
	}
	return app.Div().
		Class(cls...).
		Attr("data-testid", "recording").
		Attr("data-index", strconv.Itoa(r.Index)).
		Attr("data-flagged", strconv.FormatBool(r.Flagged)).
		Attr("data-hidden", strconv.FormatBool(r.Hidden)).
		ID(rowID(r.Index)).
		Role("option").
		Aria("selected", strconv.FormatBool(r.Selected)).
		Aria("posinset", strconv.Itoa(r.Pos+1)).
		Aria("setsize", strconv.Itoa(r.Count)).
		OnClick(r.onClick).
		Body(
			app.Div().Class("rec-line").Body(
				app.Span().Class("rec-time", "mono").Text(orDash(r.Time)),
				app.Span().Class("rec-length", "mono").Attr("data-testid", "recording-length").
					Title(tr(r.Lang, tRecLength)).Text(r.Length),
				app.Span().Class("rec-device").Body(shownID(r.Lang, r.Device)),
				app.Span().Class("rec-profile").Body(shownID(r.Lang, r.Profile)),
				app.Span().Class("rec-badges").Body(badges...),
			),
			snippet,
		)
}

// onClick chooses the row and plays it. Focus goes to the list, which
// holds the keyboard for all rows (aria-activedescendant): a row may be
// gone from the page once the list scrolls.
func (r *recordingRow) onClick(ctx app.Context, e app.Event) {
	r.press()
	if r.OnSelect != nil {
		r.OnSelect(ctx, r.Index)
	}
	domFocus(listID)
}

// rowID is the element id of item k's row, for aria-activedescendant.
func rowID(k int) string { return "rec-" + strconv.Itoa(k) }

// press makes the audio of a row that is not hidden ready.
func (r *recordingRow) press() {
	if r.OnPress != nil && !r.Hidden {
		r.OnPress(r.Index)
	}
}

// firstLine is s up to its first line break.
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// newRecordingRow makes the row of item k; prot says whether it is hidden.
func newRecordingRow(lang string, ix *view.Recordings, prot *view.Protection, k, pos, count int, selected bool, onSelect func(app.Context, int), onPress func(int)) *recordingRow {
	it := ix.Items[k]
	row := &recordingRow{Lang: lang, Index: k, Pos: pos, Count: count, Flagged: it.Flagged, Hidden: prot.Hides(k), Selected: selected, OnSelect: onSelect, OnPress: onPress,
		Length: lengthText(ix, k)}
	if rec := ix.Recording(k); rec != nil {
		row.Time = timeText(lang, rec.Time)
		row.Device = deviceText(ix, int(it.Device), rec.Device().Text)
		row.Profile = profileText(ix, int(it.Profile), rec.PersonName().Text, rec.PersonID().Text)
		if !row.Hidden {
			row.Snippet = saidText(lang, rec.Transcript().Text)
		}
	} else {
		row.Unreferenced = true
		row.Snippet = shownText(path.Base(ix.Export.Audio[it.Audio].Path))
	}
	if it.Flagged {
		for i, fi := range ix.ItemFindings[k] {
			if i > 0 {
				row.Why += "\n"
			}
			row.Why += findingText(lang, &ix.Report.Findings[fi])
		}
	}
	return row
}

// deviceText names a device: its friendly name, else its serial.
func deviceText(ix *view.Recordings, d int, serial string) string {
	if d >= 0 && ix.Devices[d].Name != "" {
		return ix.Devices[d].Name
	}
	return serial
}

// profileText names a voice profile: its name, else its ID.
func profileText(ix *view.Recordings, p int, name, id string) string {
	if name != "" {
		return name
	}
	if p >= 0 && ix.Profiles[p].Name != "" {
		return ix.Profiles[p].Name
	}
	return id
}

func itoa(n int) string { return strconv.Itoa(n) }
