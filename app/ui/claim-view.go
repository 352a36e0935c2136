package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
)

// claimView shows whom the export says it belongs to, and every device and
// voice profile with a registered / not registered badge.
type claimView struct {
	app.Compo
	Lang     string
	Claim    check.Claim
	Devices  []deviceRow
	Profiles []profileRow
}

func (c *claimView) Render() app.UI {
	cl := c.Claim
	var ids []app.UI
	add := func(key string, vals []string) {
		for _, v := range vals {
			ids = append(ids, app.Dt().Text(tr(c.Lang, key)), app.Dd().Body(shownID(c.Lang, v)))
		}
	}
	add("claim.customer", cl.CustomerIDs)
	add("claim.email", cl.Emails)
	add("claim.name", cl.Names)
	account := app.UI(app.P().Text(tr(c.Lang, "claim.none")))
	if len(ids) > 0 {
		account = app.Dl().Class("account").Body(ids...)
	}
	return app.Section().Class("claim").Body(
		app.H2().Text(tr(c.Lang, "claim.title")),
		account,
		app.H3().Text(tr(c.Lang, "devices.title")),
		c.renderDevices(),
		app.H3().Text(tr(c.Lang, "profiles.title")),
		c.renderProfiles(),
	)
}

func (c *claimView) renderDevices() app.UI {
	if len(c.Devices) == 0 {
		return app.P().Text(tr(c.Lang, "devices.none"))
	}
	rows := make([]app.UI, len(c.Devices))
	for i, d := range c.Devices {
		rows[i] = app.Tr().Attr("data-testid", "device").Body(
			app.Td().Class("mono").Body(shownID(c.Lang, d.Serial)),
			app.Td().Body(shownID(c.Lang, d.Name)),
			app.Td().Class("mono").Body(shownID(c.Lang, d.Type)),
			app.Td().Class("num").Text(strconv.Itoa(d.Records)),
			app.Td().Body(badge(c.Lang, d.Registered)),
		)
	}
	return table(c.Lang, []string{"col.serial", "col.name", "col.type", "col.records", "col.status"}, rows)
}

func (c *claimView) renderProfiles() app.UI {
	if len(c.Profiles) == 0 {
		return app.P().Text(tr(c.Lang, "profiles.none"))
	}
	rows := make([]app.UI, len(c.Profiles))
	for i, p := range c.Profiles {
		rows[i] = app.Tr().Attr("data-testid", "voice-profile").Body(
			app.Td().Class("mono").Body(shownID(c.Lang, p.ID)),
			app.Td().Body(shownID(c.Lang, p.Name)),
			app.Td().Class("num").Text(strconv.Itoa(p.Records)),
			app.Td().Body(badge(c.Lang, p.Registered)),
		)
	}
	return table(c.Lang, []string{"col.id", "col.name", "col.records", "col.status"}, rows)
}

func badge(lang string, registered bool) app.UI {
	if registered {
		return app.Span().Class("badge", "badge-ok").Text(tr(lang, "badge.registered"))
	}
	return app.Span().Class("badge", "badge-warn").Text(tr(lang, "badge.unregistered"))
}

func table(lang string, headKeys []string, rows []app.UI) app.UI {
	head := make([]app.UI, len(headKeys))
	for i, k := range headKeys {
		head[i] = app.Th().Text(tr(lang, k))
	}
	return app.Table().Body(
		app.THead().Body(app.Tr().Body(head...)),
		app.TBody().Body(rows...),
	)
}
