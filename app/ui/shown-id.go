package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
)

var (
	tShownCodes = def("shown.codes", "Characters in ⟨ ⟩ are shown by their code: the export holds them, but they are invisible or only look like a plain letter. %s", "Zeichen in ⟨ ⟩ sind mit ihrem Code dargestellt: Der Export enthält sie, aber sie sind unsichtbar oder sehen einem gewöhnlichen Buchstaben nur ähnlich. %s")
)

// shownID shows an identifier from the export (a serial, customer ID,
// person ID, e-mail address, device or profile name) so that a value that
// only looks like the owner's does not read like it: inside <bdi>, so a
// right-to-left character cannot turn the surrounding sentence around; with
// invisible, direction and look-alike characters as their code
// (check.Show); and, when something was made visible, with a note that
// says what ("contains a Cyrillic letter"). The text is escaped (app.Text).
func shownID(lang, s string, class ...string) app.UI {
	sh := check.Show(shownPseudo.Text(lang, s))
	id := app.Bdi().Class(class...).Text(sh.Text)
	note := sh.Note(lang)
	if note == "" {
		return id
	}
	return app.Span().Class("shown").Title(tr(lang, tShownCodes, note)).Body(
		id.Attr("data-shown", "marked"),
		app.Text(" "),
		app.Small().Class("shown-note").Attr("data-testid", "shown-note").Text("("+note+")"),
	)
}

// shownPlain is an identifier as plain text (check.Show), for places that
// hold text only, such as an <option>.
func shownPlain(s string) string { return check.Show(shownText(s)).Text }

// shownName shows a file or folder name from the export: inside <bdi>, with
// invisible and direction characters as their code (check.ShowText), so a
// right-to-left override in a member's name cannot turn the page's text
// around or hide what the name is. Letters are left as they are: names are
// no proof of an account.
func shownName(s string) app.UI { return app.Bdi().Text(check.ShowText(shownText(s))) }
