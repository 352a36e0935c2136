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

var (
	tNextTitle       = def("next.title", "What you can do now", "Was Sie jetzt tun können")
	tNextTitleSettle = def("next.titleSettle", "How to settle it", "So lässt es sich klären")
	tNextTitleCovers = def("next.titleCovers", "What this verdict rests on", "Worauf sich dieses Ergebnis stützt")
	tNextChecked     = def("next.checked", "What was checked", "Was geprüft wurde")
	tNextNotChecked  = def("next.notChecked", "What was not checked", "Was nicht geprüft wurde")

	tNextShare    = def("next.share", "Do not share or publish these files, and listen to no more of them than you need to: they may hold another person's private moments.", "Geben Sie diese Dateien nicht weiter und veröffentlichen Sie sie nicht. Hören Sie nur so viel davon an, wie Sie unbedingt müssen: Sie können private Momente eines anderen Menschen enthalten.")
	tNextKeep     = def("next.keep", "Keep the download until the company has confirmed what happened: it is your evidence.", "Bewahren Sie den Download auf, bis das Unternehmen bestätigt hat, was geschehen ist: Er ist Ihr Beleg.")
	tNextTell     = def("next.tell", "Tell the company that the export holds someone else's data, and ask it for your own.", "Teilen Sie dem Unternehmen mit, dass der Export Daten einer anderen Person enthält, und bitten Sie um Ihre eigenen Daten.")
	tNextComplain = def("next.complain", "You may also complain to a data protection authority (GDPR Art. 77), for example if the company does not answer.", "Sie können sich außerdem bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO), etwa wenn das Unternehmen nicht antwortet.")
	tNextDelete   = def("next.delete", "Once it is settled, delete the files and every copy of them.", "Löschen Sie die Dateien und alle Kopien davon, sobald die Sache geklärt ist.")

	tNextQuestion = def("next.question", "Answer the question above: only you know it, and your answer settles where the recordings come from.", "Beantworten Sie die Frage oben: Nur Sie kennen die Antwort, und sie klärt, woher die Aufnahmen stammen.")
	tNextMissing  = def("next.missing", "The line under the verdict names what is missing. If you have that file or part, add it with “Add files”; if the company did not send it, ask for it.", "Die Zeile unter dem Ergebnis nennt, was fehlt. Haben Sie diese Datei oder diesen Teil, fügen Sie ihn mit „Dateien hinzufügen“ hinzu; hat das Unternehmen ihn nicht geschickt, fordern Sie ihn an.")
	tNextAbout    = def("next.about", "You can also tell ExportLens your e-mail address, customer ID or devices under “About you”: the checks then compare them too.", "Sie können ExportLens unter „Über Sie“ auch Ihre E-Mail-Adresse, Kundennummer oder Geräte nennen: Dann werden auch diese verglichen.")

	tNextCheckedAccount  = def("next.checkedAccount", "The account the export names, against every customer ID and e-mail address in its files.", "Das Konto, das der Export nennt, mit jeder Kundennummer und E-Mail-Adresse in seinen Dateien.")
	tNextCheckedDevices  = def("next.checkedDevices", "Every recording, against the devices and voice profiles of that account.", "Jede Aufnahme mit den Geräten und Stimmprofilen dieses Kontos.")
	tNextCheckedSpeaker  = def("next.checkedSpeaker", "Every recording, for Google's mark of a voice it did not recognise.", "Jede Aufnahme auf Googles Markierung einer nicht erkannten Stimme.")
	tNextCheckedParts    = def("next.checkedParts", "That all parts of the Takeout belong to the same account.", "Dass alle Teile des Takeouts zum selben Konto gehören.")
	tNextCheckedAudio    = def("next.checkedAudio", "That every audio file belongs to a record of the account, and every record's audio is there.", "Dass jede Audiodatei zu einem Eintrag des Kontos gehört und die Audiodatei jedes Eintrags vorhanden ist.")
	tNextNotListened     = def("next.notListened", "What is said in the recordings: ExportLens does not listen to them. If a voice or a conversation sounds strange to you, trust your ears.", "Was in den Aufnahmen gesagt wird: ExportLens hört sie nicht an. Klingt eine Stimme oder ein Gespräch für Sie fremd, vertrauen Sie Ihren Ohren.")
	tNextNotComplete     = def("next.notComplete", "Whether the export is complete: the company may have left out data it holds about you.", "Ob der Export vollständig ist: Das Unternehmen kann Daten weggelassen haben, die es über Sie speichert.")
	tNextNotOtherFormats = def("next.notOtherFormats", "Files of kinds ExportLens does not read: they are listed on the Files page, where you can look at them.", "Dateien, die ExportLens nicht auswertet: Sie stehen auf der Seite „Dateien“, wo Sie sie ansehen können.")
)

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

func (n *nextSteps) section(title textKey, body ...app.UI) app.UI {
	return app.Section().Class("next-steps").Attr("data-testid", "next-steps").Attr("data-verdict", n.Verdict).Body(
		append([]app.UI{app.H2().Text(tr(n.Lang, title))}, body...)...,
	)
}

func (n *nextSteps) items(keys ...textKey) []app.UI {
	out := make([]app.UI, len(keys))
	for i, k := range keys {
		out[i] = app.Li().Attr("data-step", k.name).Text(tr(n.Lang, k))
	}
	return out
}

func (n *nextSteps) mismatch() app.UI {
	return n.section(tNextTitle,
		app.Ol().Body(n.items(tNextShare, tNextKeep, tNextTell, tNextComplain, tNextDelete)...),
		app.If(len(n.Actions) > 0, app.Div().Body(n.Actions...)),
	)
}

func (n *nextSteps) unknown() app.UI {
	first := tNextMissing
	if n.Question != "" {
		first = tNextQuestion
	}
	return n.section(tNextTitleSettle, app.Ul().Body(n.items(first, tNextAbout)...))
}

func (n *nextSteps) consistent() app.UI {
	checked := []textKey{tNextCheckedAccount}
	switch n.Vendor {
	case "amazon":
		checked = append(checked, tNextCheckedDevices, tNextCheckedAudio)
	case "google":
		checked = append(checked, tNextCheckedSpeaker, tNextCheckedParts, tNextCheckedAudio)
	}
	return n.section(tNextTitleCovers,
		app.H3().Text(tr(n.Lang, tNextChecked)),
		app.Ul().Attr("data-testid", "next-checked").Body(n.items(checked...)...),
		app.H3().Text(tr(n.Lang, tNextNotChecked)),
		app.Ul().Attr("data-testid", "next-not-checked").Body(n.items(tNextNotListened, tNextNotComplete, tNextNotOtherFormats)...),
	)
}
