package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
	"exportlens/app/view"
)

// Shared views (view.RecordingsView, view.FileLoc): every page offers a
// link to what it shows, and says what such a link holds and what not.

var (
	tShareCopy    = def("share.copy", "Copy a link to this view", "Link zu dieser Ansicht kopieren")
	tShareCopied  = def("share.copied", "Link copied.", "Link kopiert.")
	tShareManual  = def("share.manual", "Copy the link from this field (the browser did not let ExportLens copy it).", "Kopieren Sie den Link aus diesem Feld (der Browser hat das Kopieren nicht erlaubt).")
	tShareLabel   = def("share.label", "Link to this view", "Link zu dieser Ansicht")
	tShareWhat    = def("share.what", "What does the link contain?", "Was enthält der Link?")
	tShareHolds   = def("share.holds", "The link holds the page and what is chosen on it: the filters of the recordings by their place in the lists and the dates, the finding and recording by number, the file by a code made from its place in the export, and the line. With presenter mode on, it asks for that too.", "Der Link enthält die Seite und was darauf gewählt ist: die Filter der Aufnahmen nach ihrer Stelle in den Listen und die Daten, den Befund und die Aufnahme als Nummer, die Datei als Code aus ihrer Stelle im Export und die Zeile. Ist der Präsentationsmodus an, fordert der Link auch ihn an.")
	tShareNot     = def("share.not", "It never holds anything from the export: no name, e-mail address, ID, serial, file name, nothing anyone said, and not your search text. Whoever opens it sees this view only after opening the same export on their own device; nothing is sent anywhere.", "Er enthält nie etwas aus dem Export: keinen Namen, keine E-Mail-Adresse, ID, Seriennummer, keinen Dateinamen, nichts Gesagtes und nicht Ihren Suchtext. Wer ihn öffnet, sieht diese Ansicht erst, nachdem er denselben Export auf dem eigenen Gerät geöffnet hat; nichts wird irgendwohin gesendet.")
	tShareLanding = def("share.landing", "This link shows a view of an export. Open your export to see this view: it stays on your device.", "Dieser Link zeigt eine Ansicht eines Exports. Öffnen Sie Ihren Export, um diese Ansicht zu sehen: Er bleibt auf Ihrem Gerät.")
)

// shareID is the link field's element ID.
const shareID = "share-link"

// shareBar is "Copy a link to this view" (test hooks: "share-copy",
// "share-link", "share-status", "share-what").
type shareBar struct {
	app.Compo
	Lang string
	URL  string // the view's address: path and query

	link   string  // the link last made, shown in the field
	status textKey // what became of copying it
}

func (b *shareBar) Render() app.UI {
	body := []app.UI{
		app.Button().Class("secondary", "share-copy").Attr("data-testid", "share-copy").
			OnClick(b.onCopy).Text(tr(b.Lang, tShareCopy)),
	}
	if b.link != "" {
		body = append(body,
			app.Label().Class("share-field").Body(
				app.Span().Class("visually-hidden").Text(tr(b.Lang, tShareLabel)),
				app.Input().ID(shareID).Attr("data-testid", "share-link").ReadOnly(true).
					Value(b.link).OnFocus(selectAll),
			),
		)
	}
	body = append(body,
		app.P().Class("share-status").Attr("data-testid", "share-status").Aria("live", "polite").
			Text(textIf(b.Lang, b.status)),
		app.Details().Class("share-what").Attr("data-testid", "share-what").Body(
			app.Summary().Text(tr(b.Lang, tShareWhat)),
			app.P().Text(tr(b.Lang, tShareHolds)),
			app.P().Text(tr(b.Lang, tShareNot)),
		),
	)
	return app.Div().Class("share").Body(body...)
}

// onCopy makes the link (the page's address on this origin, presenter
// mode's request added while it is on) and puts it on the clipboard.
func (b *shareBar) onCopy(ctx app.Context, e app.Event) {
	link := domOrigin() + b.URL
	if presenting {
		link = view.WithPresent(link)
	}
	b.link, b.status = link, noText
	ctx.Async(func() {
		err := browser.CopyText(link)
		ctx.Dispatch(func(ctx app.Context) {
			if b.link != link {
				return
			}
			b.status = tShareCopied
			if err != nil {
				b.status = tShareManual
				ctx.Defer(func(app.Context) { domFocus(shareID) })
			}
		})
	})
}

// selectAll selects a field's text when it gets the focus.
func selectAll(ctx app.Context, e app.Event) { ctx.JSSrc().Call("select") }

// textIf is k in lang, "" for noText.
func textIf(lang string, k textKey) string {
	if k == noText {
		return ""
	}
	return tr(lang, k)
}

// sharedLanding says, on a page reached by a link that names a view while
// no export is open, what to do to see it (views: the address names one).
func sharedLanding(lang string, views bool) app.UI {
	if !views {
		return app.Text("")
	}
	return app.P().Class("notice", "share-landing").Attr("data-testid", "share-landing").Text(tr(lang, tShareLanding))
}
