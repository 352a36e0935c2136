package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The home page's first minute: what ExportLens checks and promises, which
// exports it reads, and, per company, how to get one and which files to
// choose.
var (
	tIntroLead = def("intro.lead",
		"Companies must give you a copy of your data when you ask (GDPR, Article 15). Sometimes such an export holds someone else's: voice recordings from another household, another account's e-mail address or device. ExportLens compares every customer ID, e-mail address, device serial number and voice profile in the export with the account the export names, and shows you the evidence.",
		"Unternehmen müssen Ihnen auf Anfrage eine Kopie Ihrer Daten geben (DSGVO, Artikel 15). Manchmal enthält ein solcher Export Daten anderer Menschen: Sprachaufnahmen aus einem fremden Haushalt, die E-Mail-Adresse oder das Gerät eines anderen Kontos. ExportLens gleicht jede Kundennummer, E-Mail-Adresse, Geräte-Seriennummer und jedes Stimmprofil im Export mit dem Konto ab, das der Export nennt, und zeigt Ihnen die Belege.")
	tIntroPromiseTitle = def("intro.promise.title", "Good to know", "Gut zu wissen")
	tIntroLocal        = def("intro.local",
		"Nothing is uploaded: your files are read here, in this browser, and never leave your device.",
		"Nichts wird hochgeladen: Ihre Dateien werden hier in diesem Browser gelesen und verlassen Ihr Gerät nicht.")
	tIntroOffline = def("intro.offline",
		"Once this page has loaded, it also works offline.",
		"Wenn diese Seite einmal geladen ist, funktioniert sie auch ohne Internetverbindung.")
	tIntroReads = def("intro.reads",
		"It reads exports from Amazon (Alexa, with its voice recordings) and Google Takeout (the activity of the Assistant and of Voice and Audio): ZIP, TGZ, 7z or RAR files, or the folders you unpacked them into.",
		"Gelesen werden Exporte von Amazon (Alexa, mit den Sprachaufnahmen) und aus Google Takeout (die Aktivitäten von Assistant sowie von Sprache und Audio): ZIP-, TGZ-, 7z- oder RAR-Dateien oder die Ordner, in die Sie sie entpackt haben.")
	tIntroResult = def("intro.result",
		"You see a verdict first (whether anything points to someone else), then the evidence: every finding names the file, the line and the value.",
		"Zuerst sehen Sie ein Ergebnis (ob etwas auf eine andere Person hindeutet), dann die Belege: Jeder Befund nennt Datei, Zeile und Wert.")
	tIntroHelpLink = def("intro.helpLink", "What the verdicts and findings mean", "Was Ergebnisse und Befunde bedeuten")

	// tNotExport says, where what was opened is no export, what was
	// expected instead.
	tNotExport = def("intro.notExport",
		"ExportLens expected the files of an export from Amazon (ZIP files such as Alexa.zip and Devices.Registration.zip) or from Google Takeout (the parts takeout-….zip or .tgz), or the folders they were unpacked into.",
		"ExportLens hat die Dateien eines Exports von Amazon erwartet (ZIP-Dateien wie Alexa.zip und Devices.Registration.zip) oder aus Google Takeout (die Teile takeout-….zip oder .tgz) oder die Ordner, in die sie entpackt wurden.")
	tHowtoTitle       = def("howto.title", "How to get your export", "So bekommen Sie Ihren Export")
	tHowtoAmazonTitle = def("howto.amazon.title", "From Amazon", "Von Amazon")
	tHowtoAmazon1     = def("howto.amazon.1",
		"Sign in to Amazon and open “Request Your Data” (in your account's privacy settings, or search the help pages for it).",
		"Melden Sie sich bei Amazon an und öffnen Sie „Meine Daten anfordern“ (in den Datenschutz-Einstellungen Ihres Kontos, oder suchen Sie danach in der Hilfe).")
	tHowtoAmazon2 = def("howto.amazon.2",
		"Choose “Alexa” (the voice recordings) or all your data, send the request and confirm it through the link in the e-mail Amazon sends you.",
		"Wählen Sie „Alexa“ (die Sprachaufnahmen) oder alle Ihre Daten, senden Sie die Anfrage ab und bestätigen Sie sie über den Link in der E-Mail, die Amazon Ihnen schickt.")
	tHowtoAmazon3 = def("howto.amazon.3",
		"When Amazon writes that your data is ready (it can take days, at most about a month), download every file offered: Alexa.zip (sometimes in several parts), Devices.Registration.zip, Retail.CustomerProfile.zip and the others.",
		"Sobald Amazon Ihnen schreibt, dass Ihre Daten bereitstehen (das kann Tage dauern, höchstens etwa einen Monat), laden Sie jede angebotene Datei herunter: Alexa.zip (manchmal in mehreren Teilen), Devices.Registration.zip, Retail.CustomerProfile.zip und die übrigen.")
	tHowtoGoogleTitle = def("howto.google.title", "From Google", "Von Google")
	tHowtoGoogle1     = def("howto.google.1",
		"Open Google Takeout (takeout.google.com), signed in with the account.",
		"Öffnen Sie Google Takeout (takeout.google.com) und melden Sie sich mit dem Konto an.")
	tHowtoGoogle2 = def("howto.google.2",
		"Click “Deselect all”, then select “My Activity” (its Assistant and Voice and Audio parts hold the recordings), “Profile” and “Google Account”, and create one export, as .zip or .tgz.",
		"Klicken Sie auf „Auswahl aufheben“ und wählen Sie dann „Meine Aktivitäten“ (die Teile Assistant sowie Sprache und Audio enthalten die Aufnahmen), „Profil“ und „Google-Konto“. Erstellen Sie einen Export, als .zip oder .tgz.")
	tHowtoGoogle3 = def("howto.google.3",
		"When Google writes that it is ready, download every part (takeout-…-001.zip, -002.zip, …): a big export comes in several.",
		"Sobald Google Ihnen schreibt, dass der Export fertig ist, laden Sie jeden Teil herunter (takeout-…-001.zip, -002.zip, …): Ein großer Export kommt in mehreren Teilen.")
	tHowtoChoose = def("howto.choose",
		"Then choose all the files here at once (hold Ctrl, or ⌘ on a Mac, while you click), or the folder you saved or unpacked them into. Their order does not matter; nothing else is needed.",
		"Wählen Sie dann hier alle Dateien auf einmal (beim Klicken Strg gedrückt halten, auf dem Mac ⌘) oder den Ordner, in dem Sie sie gespeichert oder entpackt haben. Die Reihenfolge spielt keine Rolle; mehr brauchen Sie nicht.")
)

// homeLead is the paragraph above the file pickers until an export is
// open: what ExportLens is for.
func homeLead(lang string) app.UI {
	return app.P().Class("lead").Attr("data-testid", "lead").Text(tr(lang, tIntroLead))
}

// homeIntro is shown below the file pickers until an export is open.
type homeIntro struct {
	app.Compo
	Lang string
}

func (h *homeIntro) Render() app.UI {
	t := func(k textKey) string { return tr(h.Lang, k) }
	return app.Div().Class("intro").Attr("data-testid", "intro").Body(
		app.Section().Class("promise").Aria("labelledby", "promise-title").Body(
			app.H2().ID("promise-title").Text(t(tIntroPromiseTitle)),
			app.Ul().Body(
				app.Li().Text(t(tIntroLocal)),
				app.Li().Text(t(tIntroOffline)),
				app.Li().Text(t(tIntroReads)),
				app.Li().Text(t(tIntroResult)),
			),
			app.P().Body(app.A().Href(helpRoute).Attr("data-testid", "help-link").Text(t(tIntroHelpLink))),
		),
		howto(h.Lang),
	)
}

// howto says, per company, how to request and download an export and
// which files to choose: on the home page, and where what was opened is
// no export.
func howto(lang string) app.UI {
	t := func(k textKey) string { return tr(lang, k) }
	steps := func(keys ...textKey) app.UI {
		items := make([]app.UI, len(keys))
		for i, k := range keys {
			items[i] = app.Li().Text(t(k))
		}
		return app.Ol().Body(items...)
	}
	return app.Section().Class("howto").Aria("labelledby", "howto-title").Body(
		app.H2().ID("howto-title").Text(t(tHowtoTitle)),
		app.Div().Class("howto-vendors").Body(
			app.Div().Class("howto-vendor").Attr("data-testid", "howto-amazon").Body(
				app.H3().Text(t(tHowtoAmazonTitle)),
				steps(tHowtoAmazon1, tHowtoAmazon2, tHowtoAmazon3),
			),
			app.Div().Class("howto-vendor").Attr("data-testid", "howto-google").Body(
				app.H3().Text(t(tHowtoGoogleTitle)),
				steps(tHowtoGoogle1, tHowtoGoogle2, tHowtoGoogle3),
			),
		),
		app.P().Class("howto-choose").Text(t(tHowtoChoose)),
	)
}
