package pack

import (
	"fmt"
	"time"
)

// msg is one text in English and German.
type msg struct{ en, de string }

// Every sentence of the pack, in both languages. Placeholders in square
// brackets are what the person fills in; the letters' legal terms follow the
// official English and German texts of the GDPR (DSGVO).
var messages = map[string]msg{
	// report.txt
	"title": {en: "ExportLens – report on a data export", de: "ExportLens – Bericht über einen Datenexport"},
	"made":  {en: "Made on %s at %s with ExportLens %s.", de: "Erstellt am %s um %s mit ExportLens %s."},
	"how": {
		en: "How it was made: ExportLens opened and checked the export on the person's own device; nothing was uploaded.",
		de: "Entstehung: ExportLens hat den Export auf dem eigenen Gerät der Person geöffnet und geprüft; nichts wurde hochgeladen."},
	"how.report": {
		en: "This report names the files, places and identifiers that support the verdict. It contains no transcript, response or audio of the records it flags.",
		de: "Dieser Bericht nennt die Dateien, Fundstellen und Kennungen, auf denen das Ergebnis beruht. Er enthält keine Transkripte, Antworten oder Audiodaten der markierten Datensätze."},
	"inputs":       {en: "Files checked:", de: "Geprüfte Dateien:"},
	"input.file":   {en: "  %s: %d bytes, SHA-256 %s", de: "  %s: %d Bytes, SHA-256 %s"},
	"input.nohash": {en: "  %s: %d bytes (no checksum)", de: "  %s: %d Bytes (ohne Prüfsumme)"},
	"input.folder": {en: "  %s (a folder; no checksum)", de: "  %s (ein Ordner; ohne Prüfsumme)"},
	"excerpts":     {en: "Excerpts chosen by the person", de: "Von der Person ausgewählte Auszüge"},
	"excerpts.why": {
		en: "The person added these passages to this report themselves. They may contain another person's data: pass them on only where needed.",
		de: "Diese Auszüge hat die Person selbst in den Bericht aufgenommen. Sie können Daten einer anderen Person enthalten: Geben Sie sie nur weiter, wo es nötig ist."},

	"excerpt.said":   {en: "Said: %s", de: "Gesagt: %s"},
	"excerpt.answer": {en: "Answer: %s", de: "Antwort: %s"},
	"excerpt.none":   {en: "(no transcript)", de: "(kein Transkript)"},

	// README.txt
	"readme.title": {en: "ExportLens evidence pack", de: "ExportLens-Beweispaket"},
	"readme.files": {en: "What it contains:", de: "Inhalt:"},
	"readme.json": {
		en: "  report.json           the report in the format exportlens/report/v1: byte for byte what `exportlens check --json` prints for the same export and statements",
		de: "  report.json           der Bericht im Format exportlens/report/v1: Byte für Byte, was `exportlens check --json` für denselben Export und dieselben Angaben ausgibt"},
	"readme.txt": {en: "  report.txt            the same report, for people", de: "  report.txt            derselbe Bericht, lesbar für Menschen"},
	"readme.company": {
		en: "  letter-company.txt    a letter to the company (to edit and complete before sending)",
		de: "  letter-company.txt    ein Brief an das Unternehmen (vor dem Absenden ergänzen und anpassen)"},
	"readme.authority": {
		en: "  letter-authority.txt  a complaint to the data protection authority under Article 77 GDPR (to edit and complete)",
		de: "  letter-authority.txt  eine Beschwerde bei der Datenschutz-Aufsichtsbehörde nach Art. 77 DSGVO (zu ergänzen und anzupassen)"},
	"readme.noletters.consistent": {
		en: "There are no letters: nothing in this export points to someone else's data, so there is nothing to report.",
		de: "Briefe gibt es keine: Nichts in diesem Export weist auf Daten einer anderen Person hin, es gibt also nichts zu melden."},
	"readme.noletters.unknown": {
		en: "There are no letters: ExportLens cannot tell whether this export holds someone else's data (report.txt says why and what would settle it).",
		de: "Briefe gibt es keine: ExportLens kann nicht sagen, ob dieser Export Daten einer anderen Person enthält (report.txt nennt den Grund und was die Frage klärt)."},
	"readme.nocontent": {
		en: "The pack holds no recordings, transcripts or responses of the flagged records.",
		de: "Das Paket enthält keine Aufnahmen, Transkripte oder Antworten der markierten Datensätze."},
	"readme.excerpts": {
		en: "The only exception: the excerpts the person chose, at the end of report.txt under their own heading.",
		de: "Einzige Ausnahme: die von der Person ausgewählten Auszüge am Ende von report.txt unter eigener Überschrift."},
	"readme.keep": {
		en: "Keep the export itself until the company has answered, and do not share or publish it. Delete it once the matter is settled.",
		de: "Bewahren Sie den Export selbst auf, bis das Unternehmen geantwortet hat; geben Sie ihn nicht weiter und veröffentlichen Sie ihn nicht. Löschen Sie ihn, sobald die Sache geklärt ist."},

	// --letter without a letter
	"noletter.consistent": {
		en: "no letter: nothing in this export points to someone else's data, so there is nothing to report",
		de: "kein Brief: Nichts in diesem Export weist auf Daten einer anderen Person hin, es gibt also nichts zu melden"},
	"noletter.unknown": {
		en: "no letter: ExportLens cannot tell whether this export holds someone else's data; settle the question in the report first",
		de: "kein Brief: ExportLens kann nicht sagen, ob dieser Export Daten einer anderen Person enthält; klären Sie zuerst die Frage im Bericht"},
	"letters.company":   {en: "Letter 1 of 2: to the company", de: "Brief 1 von 2: an das Unternehmen"},
	"letters.authority": {en: "Letter 2 of 2: complaint to the data protection authority", de: "Brief 2 von 2: Beschwerde bei der Datenschutz-Aufsichtsbehörde"},

	// Both letters
	"sender":      {en: "[Your name]\n[Your address]", de: "[Ihr Name]\n[Ihre Anschrift]"},
	"place":       {en: "[Place], %s", de: "[Ort], %s"},
	"dear":        {en: "Dear Sir or Madam,", de: "Sehr geehrte Damen und Herren,"},
	"regards":     {en: "Yours faithfully,\n\n[Your name]", de: "Mit freundlichen Grüßen\n\n[Ihr Name]"},
	"company.ph":  {en: "[name of the company]", de: "[Name des Unternehmens]"},
	"requested":   {en: "[date of your access request]", de: "[Datum Ihres Auskunftsantrags]"},
	"arrived":     {en: "[date the export arrived]", de: "[Datum, an dem der Export ankam]"},
	"file":        {en: "  %s (SHA-256 %s)", de: "  %s (SHA-256 %s)"},
	"file.nohash": {en: "  %s", de: "  %s"},
	"account":     {en: "It was sent for my account (%s).", de: "Er wurde für mein Konto übermittelt (%s)."},
	"account.id":  {en: "customer ID %s", de: "Kundennummer %s"},
	"account.em":  {en: "e-mail %s", de: "E-Mail %s"},
	"found": {
		en: "The export contains personal data that is not mine and appears to belong to another person. ExportLens, a program that checked the export on my own device, found:",
		de: "Der Export enthält personenbezogene Daten, die nicht meine sind und offenbar zu einer anderen Person gehören. ExportLens, ein Programm, das den Export auf meinem eigenen Gerät geprüft hat, fand:"},
	"finding":     {en: "  - %s", de: "  - %s"},
	"finding.sub": {en: "  - %s (%s)", de: "  - %s (%s)"},
	"total": {
		en: "At least %d records in the export are affected; it holds %d voice recordings in all.",
		de: "Betroffen sind mindestens %d Datensätze des Exports; er enthält insgesamt %d Sprachaufnahmen."},
	"total.norec": {en: "At least %d records in the export are affected.", de: "Betroffen sind mindestens %d Datensätze des Exports."},
	"stmt.nodevices": {
		en: "I do not own any voice-assistant device.",
		de: "Ich besitze kein Sprachassistenz-Gerät."},
	"finding.declared": {
		en: "%d records that contradict what I state about my account and devices",
		de: "%d Datensätze, die meinen Angaben zu meinem Konto und meinen Geräten widersprechen"},
	"stmt.account": {en: "My own account is: %s.", de: "Mein eigenes Konto: %s."},
	"stmt.devices": {en: "The only devices I own are: %s.", de: "Meine eigenen Geräte sind nur: %s."},
	"nocontent": {
		en: "The attached report lists the files and places concerned; it contains none of the content of the other person's data. I have not passed this data on to anyone.",
		de: "Der beigefügte Bericht nennt die betroffenen Dateien und Fundstellen; er enthält keine Inhalte der Daten der anderen Person. Ich habe diese Daten an niemanden weitergegeben."},

	// To the company
	"c.to": {
		en: "To: %s\n[Address; the data protection officer, if the company names one]",
		de: "An: %s\n[Anschrift; die oder der Datenschutzbeauftragte, wenn das Unternehmen eine oder einen benennt]"},
	"c.subject": {
		en: "Re: My access request under Article 15 GDPR – your reply contains another person's personal data",
		de: "Betreff: Mein Auskunftsantrag nach Art. 15 DSGVO – Ihre Antwort enthält personenbezogene Daten einer anderen Person"},
	"c.request": {
		en: "On %s I asked you for access to my personal data under Article 15 GDPR. On %s I received your data export:",
		de: "am %s habe ich Sie nach Art. 15 DSGVO um Auskunft über meine personenbezogenen Daten gebeten. Am %s habe ich Ihren Datenexport erhalten:"},
	"c.ask": {en: "I ask you to:", de: "Ich bitte Sie,"},
	"c.ask1": {
		en: "1. confirm that these records do not belong to my account, and tell me how they came to be in my export;",
		de: "1. zu bestätigen, dass diese Datensätze nicht zu meinem Konto gehören, und mir mitzuteilen, wie sie in meinen Export gelangt sind;"},
	"c.ask2": {
		en: "2. secure the other person's data (Article 5(1)(f) GDPR), notify this personal data breach to the supervisory authority (Article 33 GDPR) and inform the person concerned (Article 34 GDPR);",
		de: "2. die Daten der anderen Person zu sichern (Art. 5 Abs. 1 lit. f DSGVO), diese Verletzung des Schutzes personenbezogener Daten der Aufsichtsbehörde zu melden (Art. 33 DSGVO) und die betroffene Person zu benachrichtigen (Art. 34 DSGVO);"},
	"c.ask3": {
		en: "3. tell me how I should delete the files I received, or whether I should return them to you first;",
		de: "3. mir mitzuteilen, wie ich die erhaltenen Dateien löschen soll oder ob ich sie Ihnen zuvor zurückgeben soll;"},
	"c.ask4": {
		en: "4. answer my request under Article 15 GDPR completely, with my own personal data.",
		de: "4. meinen Auskunftsantrag nach Art. 15 DSGVO vollständig und mit meinen eigenen personenbezogenen Daten zu beantworten."},
	"c.keep": {
		en: "Until you reply I will keep the download unchanged and will not share it. Please reply by [date]. My request for access is to be answered within one month of its receipt (Article 12(3) GDPR).",
		de: "Bis zu Ihrer Antwort bewahre ich den Download unverändert auf und gebe ihn nicht weiter. Bitte antworten Sie bis zum [Datum]. Mein Auskunftsantrag ist innerhalb eines Monats nach seinem Eingang zu beantworten (Art. 12 Abs. 3 DSGVO)."},
	"c.attach": {
		en: "Attachment: ExportLens report (report.txt, report.json)",
		de: "Anlage: ExportLens-Bericht (report.txt, report.json)"},

	// To the authority
	"a.to": {
		en: "To: [name and address of the data protection authority responsible for you]",
		de: "An: [Name und Anschrift der für Sie zuständigen Datenschutz-Aufsichtsbehörde]"},
	"a.subject": {
		en: "Re: Complaint under Article 77 GDPR against %s",
		de: "Betreff: Beschwerde nach Art. 77 DSGVO gegen %s"},
	"a.lodge": {
		en: "I hereby lodge a complaint under Article 77 GDPR against %s [full name and address of the company].",
		de: "hiermit lege ich Beschwerde nach Art. 77 DSGVO gegen %s [vollständiger Name und Anschrift des Unternehmens] ein."},
	"a.request": {
		en: "On %s I asked the company for access to my personal data under Article 15 GDPR. On %s I received its data export:",
		de: "Am %s habe ich das Unternehmen nach Art. 15 DSGVO um Auskunft über meine personenbezogenen Daten gebeten. Am %s habe ich seinen Datenexport erhalten:"},
	"a.breach": {
		en: "In my view the company has thereby disclosed another person's personal data to me, in breach of the principle of integrity and confidentiality (Article 5(1)(f) GDPR). This is a personal data breach. I do not know whether the company has notified it to the supervisory authority (Article 33 GDPR) or informed the person concerned (Article 34 GDPR). My own request for access under Article 15 GDPR has [not been answered / not been answered completely].",
		de: "Damit hat das Unternehmen nach meiner Auffassung personenbezogene Daten einer anderen Person an mich offengelegt und gegen den Grundsatz der Integrität und Vertraulichkeit verstoßen (Art. 5 Abs. 1 lit. f DSGVO). Es handelt sich um eine Verletzung des Schutzes personenbezogener Daten. Ob das Unternehmen sie der Aufsichtsbehörde gemeldet (Art. 33 DSGVO) und die betroffene Person benachrichtigt hat (Art. 34 DSGVO), weiß ich nicht. Mein eigener Auskunftsantrag nach Art. 15 DSGVO ist [nicht / nicht vollständig] beantwortet."},
	"a.told": {
		en: "I informed the company of this on [date of your letter to the company]. [It has not replied. / Its reply is attached.]",
		de: "Ich habe das Unternehmen am [Datum Ihres Schreibens an das Unternehmen] darauf hingewiesen. [Eine Antwort habe ich nicht erhalten. / Seine Antwort liegt bei.]"},
	"a.ask": {
		en: "I ask you to examine this complaint, to see to it that the other person's data is secured and the person concerned is informed, and that my request for access is answered with my own data. I can provide the export itself if you need it.",
		de: "Ich bitte Sie, dieser Beschwerde nachzugehen und darauf hinzuwirken, dass die Daten der anderen Person gesichert werden, die betroffene Person benachrichtigt wird und mein Auskunftsantrag mit meinen eigenen Daten beantwortet wird. Den Export selbst kann ich Ihnen bei Bedarf zur Verfügung stellen."},
	"a.attach": {
		en: "Attachments: ExportLens report (report.txt, report.json); my letter to the company [and its reply]",
		de: "Anlagen: ExportLens-Bericht (report.txt, report.json); mein Schreiben an das Unternehmen [und seine Antwort]"},
}

// tr renders key in lang; a missing key renders as itself (a test keeps
// the table complete).
func tr(lang, key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	f := m.en
	if lang == "de" {
		f = m.de
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

var monthsDE = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
	"August", "September", "Oktober", "November", "Dezember"}

// longDate is "2 December 2026" or "2. Dezember 2026".
func longDate(lang string, t time.Time) string {
	if lang == "de" {
		return fmt.Sprintf("%d. %s %d", t.Day(), monthsDE[t.Month()-1], t.Year())
	}
	return t.Format("2 January 2006")
}
