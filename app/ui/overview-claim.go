package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
	"exportlens/app/view"
)

// claimView shows whom the export says it belongs to, and every device and
// voice profile with a registered / not registered badge.
type claimView struct {
	app.Compo
	Lang     string
	Claim    check.Claim
	Devices  []view.DeviceRow
	Profiles []view.ProfileRow
	Declared check.Declared // the marks "mine" / "not mine" are read from and written to it
}

func (c *claimView) Render() app.UI {
	cl := c.Claim
	var ids []app.UI
	add := func(key textKey, vals []string) {
		for _, v := range vals {
			ids = append(ids, app.Dt().Text(tr(c.Lang, key)), app.Dd().Body(shownID(c.Lang, v)))
		}
	}
	add(tClaimCustomer, cl.CustomerIDs)
	add(tClaimEmail, cl.Emails)
	add(tClaimName, cl.Names)
	account := app.UI(app.P().Text(tr(c.Lang, tClaimNone)))
	if len(ids) > 0 {
		account = app.Dl().Class("account").Body(ids...)
	}
	return app.Section().Class("claim").Body(
		app.H2().Text(tr(c.Lang, tClaimTitle)),
		account,
		app.H3().Text(tr(c.Lang, tDevicesTitle)),
		c.renderDevices(),
		app.H3().Text(tr(c.Lang, tProfilesTitle)),
		c.renderProfiles(),
	)
}

func (c *claimView) renderDevices() app.UI {
	if len(c.Devices) == 0 {
		return app.P().Text(tr(c.Lang, tDevicesNone))
	}
	rows := make([]app.UI, len(c.Devices))
	for i, d := range c.Devices {
		rows[i] = app.Tr().Attr("data-testid", "device").Body(
			app.Td().Class("mono").Body(shownID(c.Lang, d.Serial)),
			app.Td().Body(shownID(c.Lang, d.Name)),
			app.Td().Class("mono").Body(shownID(c.Lang, d.Type)),
			app.Td().Class("num").Text(strconv.Itoa(d.Records)),
			app.Td().Body(badge(c.Lang, d.Registered)),
			app.Td().Class("col-mine").Body(c.markSelect("device", i, d.Serial, markOf(d.Serial, c.Declared.Devices, c.Declared.NotMineDevices))),
		)
	}
	return table(c.Lang, []textKey{tColSerial, tColName, tColType, tColRecords, tColStatus, tColMine}, rows)
}

func (c *claimView) renderProfiles() app.UI {
	if len(c.Profiles) == 0 {
		return app.P().Text(tr(c.Lang, tProfilesNone))
	}
	rows := make([]app.UI, len(c.Profiles))
	for i, p := range c.Profiles {
		rows[i] = app.Tr().Attr("data-testid", "voice-profile").Body(
			app.Td().Class("mono").Body(shownID(c.Lang, p.ID)),
			app.Td().Body(shownID(c.Lang, p.Name)),
			app.Td().Class("num").Text(strconv.Itoa(p.Records)),
			app.Td().Body(badge(c.Lang, p.Registered)),
			app.Td().Class("col-mine").Body(c.markSelect("profile", i, p.ID, markOf(p.ID, nil, c.Declared.NotMineProfiles))),
		)
	}
	return table(c.Lang, []textKey{tColId, tColName, tColRecords, tColStatus, tColMine}, rows)
}

func badge(lang string, registered bool) app.UI {
	if registered {
		return app.Span().Class("badge", "badge-ok").Text(tr(lang, tBadgeRegistered))
	}
	return app.Span().Class("badge", "badge-warn").Text(tr(lang, tBadgeUnregistered))
}

func table(lang string, headKeys []textKey, rows []app.UI) app.UI {
	head := make([]app.UI, len(headKeys))
	for i, k := range headKeys {
		head[i] = app.Th().Text(tr(lang, k))
		if k == tColMine { // the marks are choices: not printed
			head[i] = app.Th().Class("col-mine").Text(tr(lang, k))
		}
	}
	// A table scrolls inside its box on a narrow screen, not the page.
	return app.Div().Class("table-scroll").Body(app.Table().Body(
		app.THead().Body(app.Tr().Body(head...)),
		app.TBody().Body(rows...),
	))
}

// A mark is what the person says of a device or voice profile: nothing yet,
// mine (a device: like listing its serial under "about you"), or not mine
// (its recordings are then flagged). Marks are declared facts: in the
// page's memory only, and in the evidence pack as the person's statements.
type mark string

const (
	markNone    mark = ""
	markMine    mark = "mine"
	markNotMine mark = "not-mine"
)

var (
	tColMine           = def("col.mine", "Yours?", "Gehört es Ihnen?")
	tMarkNone          = def("mark.none", "Not said", "Keine Angabe")
	tMarkMine          = def("mark.mine", "Mine", "Gehört mir")
	tMarkNotMine       = def("mark.notMine", "Not mine", "Gehört mir nicht")
	tMarkLabelDevice   = def("mark.labelDevice", "Is device %s yours?", "Gehört das Gerät %s Ihnen?")
	tMarkLabelProfile  = def("mark.labelProfile", "Is voice profile %s yours?", "Gehört das Stimmprofil %s Ihnen?")
	tMarkRecording     = def("mark.recording", "Is this recording yours?", "Ist diese Aufnahme von Ihnen?")
	tMarkRecordingHint = def("mark.recordingHint", "Your answer is compared like what you declared, and the checks run again. It stays in this page only.", "Ihre Antwort zählt wie Ihre übrigen Angaben, und die Prüfung läuft erneut. Sie bleibt im Speicher dieser Seite und wird nirgends sonst gespeichert.")
)

// markOf is the mark the declared lists give id.
func markOf(id string, mine, notMine []string) mark {
	k := markKey(id)
	for _, s := range notMine {
		if markKey(s) == k {
			return markNotMine
		}
	}
	for _, s := range mine {
		if markKey(s) == k {
			return markMine
		}
	}
	return markNone
}

// markKey compares as the checks compare what people type: case and
// spaces do not matter.
func markKey(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), "")) }

// markSelect is the "Yours?" choice of one row; a change re-runs the checks.
func (c *claimView) markSelect(kind string, i int, id string, cur mark) app.UI {
	label := tMarkLabelDevice
	if kind == "profile" {
		label = tMarkLabelProfile
	}
	opt := func(m mark, key textKey) app.UI {
		return app.Option().Value(string(m)).Selected(cur == m).Text(tr(c.Lang, key))
	}
	return app.Select().ID("mark-"+kind+"-"+strconv.Itoa(i)).Attr("data-testid", "mark-"+kind).
		Attr("aria-label", tr(c.Lang, label, id)).
		OnChange(c.onMark(kind, id)).Body(
		opt(markNone, tMarkNone), opt(markMine, tMarkMine), opt(markNotMine, tMarkNotMine),
	)
}

func (c *claimView) onMark(kind, id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		d := withMark(c.Declared, kind, id, mark(ctx.JSSrc().Get("value").String()))
		ctx.NewActionWithValue(actionDeclare, d)
	}
}

// withMark returns d with id marked m: a device marked mine is listed in
// Devices, one marked not mine in NotMineDevices, never both; a voice
// profile has only the "not mine" list (mine is what enrolled means); a
// recording (id: check.RecordingRef) is in MineRecordings or
// NotMineRecordings.
func withMark(d check.Declared, kind, id string, m mark) check.Declared {
	// Serials and IDs compare as people type them (markKey); a recording's
	// reference is a path as written, compared exactly.
	key := markKey
	if kind == "recording" {
		key = func(s string) string { return s }
	}
	drop := func(list []string) []string {
		var out []string
		for _, s := range list {
			if key(s) != key(id) {
				out = append(out, s)
			}
		}
		return out
	}
	// pick puts id in mine or notMine as m says, out of both first.
	pick := func(mine, notMine *[]string) {
		*mine, *notMine = drop(*mine), drop(*notMine)
		switch m {
		case markMine:
			*mine = append(*mine, id)
		case markNotMine:
			*notMine = append(*notMine, id)
		}
	}
	switch kind {
	case "recording":
		pick(&d.MineRecordings, &d.NotMineRecordings)
		return d
	case "profile":
		var enrolled []string // mine is what enrolled means: no list
		pick(&enrolled, &d.NotMineProfiles)
		return d
	}
	pick(&d.Devices, &d.NotMineDevices)
	if d.Devices == nil {
		d.Devices = []string{}
	}
	return d
}
