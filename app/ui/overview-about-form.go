package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
)

// aboutForm takes the optional facts about the person. Every change re-runs
// the checks (the "declare" action); nothing is stored beyond the page.
type aboutForm struct {
	app.Compo
	Lang     string
	Declared check.Declared
}

func (f *aboutForm) Render() app.UI {
	d := f.Declared
	field := func(id string, key textKey, value string) app.UI {
		in := app.Input().Type("text").ID(id).Value(value).AutoComplete(false).OnChange(f.onChange)
		if prerendering {
			in = in.Disabled(true) // until the app runs: see noDevices
		}
		return app.Div().Class("field").Body(
			app.Label().For(id).Text(tr(f.Lang, key)),
			in,
		)
	}
	noDevices := app.Input().Type("checkbox").ID("about-nodevices").OnChange(f.onChange)
	if d.NoDevices || !prerendering {
		// The server writes checked="false" for false, which checks the
		// box in the prerendered page (see langOption).
		noDevices = noDevices.Checked(d.NoDevices)
	}
	if prerendering {
		// In the page sent before app.wasm runs, what is typed or ticked
		// here would be lost when the app replaces the page: the fields
		// take input once they work (the pickers keep theirs, web/early.js).
		noDevices = noDevices.Disabled(true)
	}
	given := declaredCount(d)
	summary := tr(f.Lang, tAboutTitle)
	if given > 0 {
		// The form starts folded; say that facts apply (a demo fills some in).
		summary += " · " + tr(f.Lang, tOpenAboutGiven, given)
	}
	if presenting {
		// The facts still apply; what they are is not shown.
		return app.Details().Class("about-form").Body(
			app.Summary().Attr("data-testid", "about-summary").Text(summary),
			app.P().Class("hint").Attr("data-testid", "about-presenting").Text(tr(f.Lang, tPresentFacts)),
		)
	}
	return app.Details().Class("about-form").Body(
		app.Summary().Attr("data-testid", "about-summary").Text(summary),
		app.P().Class("hint").Text(tr(f.Lang, tAboutHint)),
		field("about-email", tAboutEmail, strings.Join(d.Emails, ", ")),
		field("about-customer", tAboutCustomer, strings.Join(d.CustomerIDs, ", ")),
		field("about-devices", tAboutDevices, strings.Join(d.Devices, ", ")),
		app.Div().Class("field checkbox").Body(
			noDevices,
			app.Label().For("about-nodevices").Text(tr(f.Lang, tAboutNoDevices)),
		),
	)
}

// onChange reads all fields (the elements are only read) and declares them.
func (f *aboutForm) onChange(ctx app.Context, e app.Event) {
	val := domValue
	d := check.Declared{
		Emails:      splitEmails(val("about-email")),
		CustomerIDs: splitList(val("about-customer")),
		Devices:     splitList(val("about-devices")),
		// A "yes" to the question under the verdict, and the marks of the
		// device and voice profile tables, have no field here.
		OwnsDevice:      f.Declared.OwnsDevice,
		NotMineDevices:  f.Declared.NotMineDevices,
		NotMineProfiles: f.Declared.NotMineProfiles,
	}
	d.NoDevices = domChecked("about-nodevices")
	if d.NoDevices {
		d.OwnsDevice = false
	}
	ctx.NewActionWithValue(actionDeclare, d)
}

// splitList splits what a person types into a list: commas, semicolons and
// line breaks separate items; spaces do not, since people type IDs and
// serials in groups ("A1B2 C3D4 E5F6 G7"), which the checks compare without
// them. Items are trimmed; never nil, as the report expects.
func splitList(s string) []string {
	out := []string{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ';' || r == '\n' || r == '\r'
	}) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// splitEmails is splitList for e-mail addresses, which may also be
// separated by spaces: an item splits at its spaces when every piece is an
// address ("a@x.de b@y.de"); a stray space inside one address
// ("anna @example.com") keeps it whole.
func splitEmails(s string) []string {
	out := []string{}
	for _, item := range splitList(s) {
		pieces := strings.Fields(item)
		all := len(pieces) > 1
		for _, p := range pieces {
			if strings.Count(p, "@") != 1 || strings.HasPrefix(p, "@") || strings.HasSuffix(p, "@") {
				all = false
			}
		}
		if all {
			out = append(out, pieces...)
		} else {
			out = append(out, item)
		}
	}
	return out
}
