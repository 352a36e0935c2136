package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
)

// nextSteps says under the verdict what the person can do now: for data of
// someone else, the steps in plain words (with Actions, the buttons that
// carry them out); for "cannot tell", how to settle it; for "consistent",
// what was checked and what was not, so that green is not read as more than
// it is.
type nextSteps struct {
	app.Compo
	Lang     string
	Verdict  string
	Vendor   string
	Question check.Question // the report's question, shown above when set
	Actions  []app.UI       // buttons for the mismatch steps (pack, letters, print)
}

var nextStepsTexts = map[string]text{
	"next.title":       {"What you can do now", "Was Sie jetzt tun können"},
	"next.titleSettle": {"How to settle it", "So lässt es sich klären"},
	"next.titleCovers": {"What this verdict rests on", "Worauf sich dieses Ergebnis stützt"},
	"next.checked":     {"What was checked", "Was geprüft wurde"},
	"next.notChecked":  {"What was not checked", "Was nicht geprüft wurde"},

	"next.share":    {"Do not share or publish these files, and listen to no more of them than you need to: they may hold another person's private moments.", "Geben Sie diese Dateien nicht weiter und veröffentlichen Sie sie nicht. Hören Sie nur so viel davon an, wie Sie unbedingt müssen: Sie können private Momente eines anderen Menschen enthalten."},
	"next.keep":     {"Keep the download until the company has confirmed what happened: it is your evidence.", "Bewahren Sie den Download auf, bis das Unternehmen bestätigt hat, was geschehen ist: Er ist Ihr Beleg."},
	"next.tell":     {"Tell the company that the export holds someone else's data, and ask it for your own.", "Teilen Sie dem Unternehmen mit, dass der Export Daten einer anderen Person enthält, und bitten Sie um Ihre eigenen Daten."},
	"next.complain": {"You may also complain to a data protection authority (GDPR Art. 77), for example if the company does not answer.", "Sie können sich außerdem bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO), etwa wenn das Unternehmen nicht antwortet."},
	"next.delete":   {"Once it is settled, delete the files and every copy of them.", "Löschen Sie die Dateien und alle Kopien davon, sobald die Sache geklärt ist."},

	"next.question": {"Answer the question above: only you know it, and your answer settles where the recordings come from.", "Beantworten Sie die Frage oben: Nur Sie kennen die Antwort, und sie klärt, woher die Aufnahmen stammen."},
	"next.missing":  {"The line under the verdict names what is missing. If you have that file or part, add it with “Add files”; if the company did not send it, ask for it.", "Die Zeile unter dem Ergebnis nennt, was fehlt. Haben Sie diese Datei oder diesen Teil, fügen Sie ihn mit „Dateien hinzufügen“ hinzu; hat das Unternehmen ihn nicht geschickt, fordern Sie ihn an."},
	"next.about":    {"You can also tell ExportLens your e-mail address, customer ID or devices under “About you”: the checks then compare them too.", "Sie können ExportLens unter „Über Sie“ auch Ihre E-Mail-Adresse, Kundennummer oder Geräte nennen: Dann werden auch diese verglichen."},

	"next.checkedAccount":  {"The account the export names, against every customer ID and e-mail address in its files.", "Das Konto, das der Export nennt, mit jeder Kundennummer und E-Mail-Adresse in seinen Dateien."},
	"next.checkedDevices":  {"Every recording, against the devices and voice profiles of that account.", "Jede Aufnahme mit den Geräten und Stimmprofilen dieses Kontos."},
	"next.checkedSpeaker":  {"Every recording, for Google's mark of a voice it did not recognise.", "Jede Aufnahme auf Googles Markierung einer nicht erkannten Stimme."},
	"next.checkedParts":    {"That all parts of the Takeout belong to the same account.", "Dass alle Teile des Takeouts zum selben Konto gehören."},
	"next.checkedAudio":    {"That every audio file belongs to a record of the account, and every record's audio is there.", "Dass jede Audiodatei zu einem Eintrag des Kontos gehört und die Audiodatei jedes Eintrags vorhanden ist."},
	"next.notListened":     {"What is said in the recordings: ExportLens does not listen to them. If a voice or a conversation sounds strange to you, trust your ears.", "Was in den Aufnahmen gesagt wird: ExportLens hört sie nicht an. Klingt eine Stimme oder ein Gespräch für Sie fremd, vertrauen Sie Ihren Ohren."},
	"next.notComplete":     {"Whether the export is complete: the company may have left out data it holds about you.", "Ob der Export vollständig ist: Das Unternehmen kann Daten weggelassen haben, die es über Sie speichert."},
	"next.notOtherFormats": {"Files of kinds ExportLens does not read: they are listed on the Files page, where you can look at them.", "Dateien, die ExportLens nicht auswertet: Sie stehen auf der Seite „Dateien“, wo Sie sie ansehen können."},
}

func init() { addTexts(nextStepsTexts) }

func (n *nextSteps) Render() app.UI {
	switch n.Verdict {
	case check.VerdictMismatch:
		return n.mismatch()
	case check.VerdictConsistent:
		return n.consistent()
	case check.VerdictUnknown:
		return n.unknown()
	}
	return app.Text("")
}

func (n *nextSteps) section(title string, body ...app.UI) app.UI {
	return app.Section().Class("next-steps").Attr("data-testid", "next-steps").Attr("data-verdict", n.Verdict).Body(
		append([]app.UI{app.H2().Text(tr(n.Lang, title))}, body...)...,
	)
}

func (n *nextSteps) items(keys ...string) []app.UI {
	out := make([]app.UI, len(keys))
	for i, k := range keys {
		out[i] = app.Li().Attr("data-step", k).Text(tr(n.Lang, k))
	}
	return out
}

func (n *nextSteps) mismatch() app.UI {
	return n.section("next.title",
		app.Ol().Body(n.items("next.share", "next.keep", "next.tell", "next.complain", "next.delete")...),
		app.If(len(n.Actions) > 0, app.Div().Body(n.Actions...)),
	)
}

func (n *nextSteps) unknown() app.UI {
	first := "next.missing"
	if n.Question != "" {
		first = "next.question"
	}
	return n.section("next.titleSettle", app.Ul().Body(n.items(first, "next.about")...))
}

func (n *nextSteps) consistent() app.UI {
	checked := []string{"next.checkedAccount"}
	switch n.Vendor {
	case "amazon":
		checked = append(checked, "next.checkedDevices", "next.checkedAudio")
	case "google":
		checked = append(checked, "next.checkedSpeaker", "next.checkedParts", "next.checkedAudio")
	}
	return n.section("next.titleCovers",
		app.H3().Text(tr(n.Lang, "next.checked")),
		app.Ul().Attr("data-testid", "next-checked").Body(n.items(checked...)...),
		app.H3().Text(tr(n.Lang, "next.notChecked")),
		app.Ul().Attr("data-testid", "next-not-checked").Body(n.items("next.notListened", "next.notComplete", "next.notOtherFormats")...),
	)
}
