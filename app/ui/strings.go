package ui

import (
	"fmt"

	"exportlens/app/check"
	"exportlens/app/export"
	"exportlens/app/view"
)

// text is one UI string in every language the app speaks. Export content is
// never part of these; it is passed as an argument and shown escaped.
type text struct{ en, de string }

// textKey names a UI string. Each is a variable made by def, so a key the
// table lacks does not compile; a text chosen by a value of the domain (a
// severity's, a reason's) comes from a map of that value's type, which a
// test checks is complete.
type textKey struct{ name string }

// texts holds every UI string by its key's name: the core ones below, and
// each page's own in that page's file. A test fails when one lacks a
// language.
var texts = map[string]text{}

// def defines a UI string in English and German; a key defined twice is a
// programming error caught at start-up (and by every test).
func def(name, en, de string) textKey {
	if _, dup := texts[name]; dup {
		panic("ui: text " + name + " defined twice")
	}
	texts[name] = text{en, de}
	return textKey{name}
}

// one defines the singular of a count's text k (the form trn picks when
// the count is 1), in English and German.
func one(k textKey, en, de string) textKey { return def(k.name+".one", en, de) }

// noText is no key: a text that is not there.
var noText textKey

// textOr is k, or else when k is noText (a map of keys lacks a value).
func textOr(k, orElse textKey) textKey {
	if k == noText {
		return orElse
	}
	return k
}

var (
	tAppTagline     = def("app.tagline", "See whether a data export really is yours. Nothing leaves your device.", "Prüfen Sie, ob ein Datenexport wirklich nur Ihre Daten enthält. Nichts verlässt Ihr Gerät.")
	tNavOverview    = def("nav.overview", "Overview", "Übersicht")
	tNavHelp        = def("nav.help", "Help", "Hilfe")
	tNavRecordings  = def("nav.recordings", "Recordings", "Aufnahmen")
	tNavLanguage    = def("nav.language", "Language", "Sprache")
	tHomeTitle      = def("home.title", "Check a data export", "Datenexport prüfen")
	tTitleRecording = def("title.recording", "Recording %d", "Aufnahme %d")
	tTitleFinding   = def("title.finding", "Finding %d", "Befund %d")
	tTitleFile      = def("title.file", "File (%s)", "Datei (%s)")

	tOpenTitle    = def("open.title", "Open your export", "Export öffnen")
	tOpenChoose   = def("open.choose", "Choose files", "Dateien wählen")
	tOpenHint     = def("open.hint", "Choose the ZIP files of your export, or drop files or folders anywhere on this page. They are read here, in your browser.", "Wählen Sie die ZIP-Dateien Ihres Exports oder ziehen Sie Dateien oder Ordner auf diese Seite. Sie werden hier, in Ihrem Browser, gelesen.")
	tOpenReading  = def("open.reading", "Reading: %s of %s, %d entries", "Wird gelesen: %s von %s, %d Einträge")
	tOpenCancel   = def("open.cancel", "Cancel", "Abbrechen")
	tOpenCanceled = def("open.canceled", "Opening was cancelled.", "Das Öffnen wurde abgebrochen.")
	tOpenOpened   = def("open.opened", "Opened: %s", "Geöffnet: %s")
	tOpenFailed   = def("open.failed", "“%s” could not be read: %s.", "„%s“ konnte nicht gelesen werden: %s.")
	tOpenDetails  = def("open.details", "Details", "Details")
	tOpenNotes    = def("open.notes", "Read in full, with these remarks:", "Vollständig gelesen, mit diesen Hinweisen:")
	tOpenProblems = def("open.problems", "Some files could not be read; everything else is shown.", "Einige Dateien konnten nicht gelesen werden; alles andere wird angezeigt.")

	tReasonOverlap   = def("reason.overlap", "its entries overlap, as in a zip bomb", "seine Einträge überlappen sich wie bei einer Zip-Bombe")
	tReasonTooMany   = def("reason.tooMany", "it has too many entries", "es hat zu viele Einträge")
	tReasonTooLarge  = def("reason.tooLarge", "it is larger than this app allows", "es ist größer, als diese App erlaubt")
	tReasonTooDeep   = def("reason.tooDeep", "archives are nested too deep", "Archive sind zu tief verschachtelt")
	tReasonEncrypted = def("reason.encrypted", "it is encrypted", "es ist verschlüsselt")
	// tReasonLocked: a part whose files are password-protected (their
	// count); the one-file case is tReasonEncrypted, on that file.
	tReasonLocked      = def("reason.locked", "%d of its files are password-protected", "%d seiner Dateien sind passwortgeschützt")
	tReasonTruncated   = def("reason.truncated", "it is truncated or damaged", "es ist unvollständig oder beschädigt")
	tReasonUnsupported = def("reason.unsupported", "its format cannot be read in the browser", "sein Format kann im Browser nicht gelesen werden")
	tReasonInflate     = def("reason.inflate", "a nested archive is too large to unpack in memory", "ein darin enthaltenes Archiv ist zu groß, um es im Speicher zu entpacken")
	tReasonSize        = def("reason.size", "its size differs from what its header says", "seine Größe weicht von der Angabe in seinem Dateikopf ab")
	tReasonUnknown     = def("reason.unknown", "its content is not readable", "sein Inhalt ist nicht lesbar")
	tReasonBrowser     = def("reason.browser", "the browser could not read the file", "der Browser konnte die Datei nicht lesen")

	tAboutTitle     = def("about.title", "About you (optional)", "Über Sie (optional)")
	tAboutHint      = def("about.hint", "What you enter here stays in this page's memory and makes the checks sharper.", "Was Sie hier eingeben, bleibt im Speicher dieser Seite und macht die Prüfungen genauer.")
	tAboutEmail     = def("about.email", "Your e-mail address", "Ihre E-Mail-Adresse")
	tAboutCustomer  = def("about.customer", "Your customer ID", "Ihre Kundennummer")
	tAboutDevices   = def("about.devices", "Serial numbers of your devices (comma-separated)", "Seriennummern Ihrer Geräte (durch Kommas getrennt)")
	tAboutNoDevices = def("about.noDevices", "I own no voice-assistant device", "Ich besitze kein Sprachassistenz-Gerät")

	tVerdictMismatch      = def("verdict.mismatch", "This export contains data that is not yours.", "Dieser Export enthält Daten, die nicht Ihnen gehören.")
	tVerdictMismatchSub   = def("verdict.mismatch.sub", "The findings below show where, with the exact file and line.", "Wo genau, zeigen die Befunde unten – mit Datei und Zeile.")
	tVerdictConsistent    = def("verdict.consistent", "Nothing in this export points to someone else.", "Nichts in diesem Export deutet auf eine andere Person hin.")
	tVerdictConsistentSub = def("verdict.consistent.sub", "Every device, voice profile and account ID matches the account the export names.", "Alle Geräte, Stimmprofile und Kontokennungen passen zu dem Konto, das der Export nennt.")
	tVerdictUnknown       = def("verdict.unknown", "We cannot tell whether this export is yours.", "Ob dieser Export Ihnen gehört, ist nicht feststellbar.")
	tVerdictUnknownSub    = def("verdict.unknown.sub", "A check could not be made; the findings below say why.", "Eine Prüfung war nicht möglich; warum, steht in den Befunden unten.")

	tSummaryRecordings    = def("summary.recordings", "%d recordings", "%d Aufnahmen")
	_                     = one(tSummaryRecordings, "%d recording", "%d Aufnahme")
	tSummaryTranscripts   = def("summary.transcripts", "%d transcript lines", "%d Transkriptzeilen")
	_                     = one(tSummaryTranscripts, "%d transcript line", "%d Transkriptzeile")
	tSummaryDevices       = def("summary.devices", "%d devices", "%d Geräte")
	_                     = one(tSummaryDevices, "%d device", "%d Gerät")
	tSummaryVoiceProfiles = def("summary.voiceProfiles", "%d voice profiles", "%d Stimmprofile")
	_                     = one(tSummaryVoiceProfiles, "%d voice profile", "%d Stimmprofil")
	tVendorLabel          = def("vendor.label", "Format: %s", "Format: %s")
	tVendorAmazon         = def("vendor.amazon", "Amazon", "Amazon")
	tVendorGoogle         = def("vendor.google", "Google", "Google")
	tVendorUnknown        = def("vendor.unknown", "unknown", "unbekannt")
	tTimeZone             = def("time.zone", "All times in your time zone: %s.", "Alle Zeiten in Ihrer Zeitzone: %s.")

	tClaimTitle        = def("claim.title", "The account this export claims", "Das Konto, das dieser Export nennt")
	tClaimNone         = def("claim.none", "The export names no account.", "Der Export nennt kein Konto.")
	tClaimCustomer     = def("claim.customer", "Customer ID", "Kundennummer")
	tClaimEmail        = def("claim.email", "E-mail", "E-Mail")
	tClaimName         = def("claim.name", "Name", "Name")
	tDevicesTitle      = def("devices.title", "Devices", "Geräte")
	tDevicesNone       = def("devices.none", "No devices.", "Keine Geräte.")
	tProfilesTitle     = def("profiles.title", "Voice profiles", "Stimmprofile")
	tProfilesNone      = def("profiles.none", "No voice profiles.", "Keine Stimmprofile.")
	tBadgeRegistered   = def("badge.registered", "registered", "registriert")
	tBadgeUnregistered = def("badge.unregistered", "not registered", "nicht registriert")
	tColSerial         = def("col.serial", "Serial number", "Seriennummer")
	tColName           = def("col.name", "Name", "Name")
	tColType           = def("col.type", "Type", "Typ")
	tColId             = def("col.id", "ID", "Kennung")
	tColRecords        = def("col.records", "Recordings", "Aufnahmen")
	tColStatus         = def("col.status", "Status", "Status")

	tFindingsTitle  = def("findings.title", "Findings", "Befunde")
	tFindingsNone   = def("findings.none", "No findings.", "Keine Befunde.")
	tSevMismatch    = def("sev.mismatch", "Not yours", "Nicht Ihre Daten")
	tSevLikely      = def("sev.likely", "Likely not yours", "Wahrscheinlich nicht Ihre Daten")
	tSevNote        = def("sev.note", "Note", "Hinweis")
	tSevUnknown     = def("sev.unknown", "Cannot tell", "Nicht feststellbar")
	tFindingRecords = def("finding.records", "%d records affected", "%d Einträge betroffen")
	_               = one(tFindingRecords, "%d record affected", "%d Eintrag betroffen")
	tFindingSubject = def("finding.subject", "Concerns: %s", "Betrifft: %s")
	tEvidenceTitle  = def("evidence.title", "Evidence", "Belege")
	tEvLine         = def("ev.line", "line %d", "Zeile %d")
	tEvPage         = def("ev.page", "page %d", "Seite %d")
	tEvPageLine     = def("ev.pageLine", "page %d, line %d", "Seite %d, Zeile %d")
	tEvRaw          = def("ev.raw", "as written: %s", "so geschrieben: %s")

	tRecordingsTitle   = def("recordings.title", "Recordings", "Aufnahmen")
	tRecordingsEmpty   = def("recordings.empty", "Open an export to see its recordings.", "Öffnen Sie einen Export, um seine Aufnahmen zu sehen.")
	tRecordingsCount   = def("recordings.count", "%d of %d recordings", "%d von %d Aufnahmen")
	tRecordingsSearch  = def("recordings.search", "Search transcripts and responses", "Transkripte und Antworten durchsuchen")
	tRecordingsFlagged = def("recordings.flagged", "Flagged only", "Nur auffällige")
	tRecTime           = def("rec.time", "Time", "Zeit")
	tRecLength         = def("rec.length", "Length", "Länge")
	tRecDevice         = def("rec.device", "Device", "Gerät")
	tRecProfile        = def("rec.profile", "Voice profile", "Stimmprofil")
	tRecTranscript     = def("rec.transcript", "Transcript", "Transkript")
	tRecResponse       = def("rec.response", "Response", "Antwort")
	tRecFlag           = def("rec.flag", "not yours?", "fremd?")
	tRecNoAudio        = def("rec.noAudio", "No audio file for this recording.", "Zu dieser Aufnahme gibt es keine Audiodatei.")
	tRecAudioFailed    = def("rec.audioFailed", "The audio could not be played: %s.", "Die Aufnahme konnte nicht abgespielt werden: %s.")
	tPlayerTitle       = def("player.title", "Player", "Wiedergabe")
	tPlayerPrev        = def("player.prev", "Previous", "Vorige")
	tPlayerNext        = def("player.next", "Next", "Nächste")
)

// tr returns the string key in lang ("de"; English otherwise), formatted
// with args when there are any; integers get lang's digit grouping.
func tr(lang string, key textKey, args ...any) string {
	t, ok := texts[key.name]
	if !ok {
		return key.name
	}
	s := t.en
	if lang == "de" {
		s = t.de
	}
	if len(args) > 0 {
		if shownPseudo != nil { // the export's names in a sentence of ours
			for i, a := range args {
				if v, ok := a.(string); ok {
					args[i] = shownPseudo.Text(lang, v)
				}
			}
		}
		return fmt.Sprintf(s, localArgs(lang, args)...)
	}
	return s
}

// trn is tr for a count: the key's ".one" form when n is 1 and the table
// has one, else the key itself; n is the first argument.
func trn(lang string, key textKey, n int, args ...any) string {
	if _, ok := texts[key.name+".one"]; ok && n == 1 {
		key.name += ".one"
	}
	return tr(lang, key, append([]any{n}, args...)...)
}

// TextPairs returns every UI string as {English, German}, by key: the
// browser test that walks the German pages looks for English words of
// these that are not German too.
func TextPairs() map[string][2]string {
	out := make(map[string][2]string, len(texts))
	for k, t := range texts {
		out[k] = [2]string{t.en, t.de}
	}
	return out
}

// Keys chosen by a value of the domain. A value without one is shown by a
// fallback, and a test fails for it.
var (
	severityText = map[check.Severity]textKey{
		check.Mismatch: tSevMismatch, check.Likely: tSevLikely, check.Note: tSevNote, check.Unknown: tSevUnknown,
	}
	vendorText = map[export.Vendor]textKey{
		export.Amazon: tVendorAmazon, export.Google: tVendorGoogle, export.Unknown: tVendorUnknown,
	}
	kindText = map[view.Kind]textKey{
		view.KindCSV: tFilesKindCsv, view.KindJSON: tFilesKindJson, view.KindText: tFilesKindText,
		view.KindImage: tFilesKindImage, view.KindPDF: tFilesKindPdf, view.KindAudio: tFilesKindAudio,
		view.KindArchive: tFilesKindArchive, view.KindOther: tFilesKindOther,
	}
	// reasonText words why an input could not be read (view.Unreadable).
	reasonText = map[view.Reason]textKey{
		view.ReasonOverlap: tReasonOverlap, view.ReasonTooMany: tReasonTooMany, view.ReasonTooLarge: tReasonTooLarge,
		view.ReasonTooDeep: tReasonTooDeep, view.ReasonEncrypted: tReasonEncrypted, view.ReasonTruncated: tReasonTruncated,
		view.ReasonUnsupported: tReasonUnsupported, view.ReasonInflate: tReasonInflate, view.ReasonSize: tReasonSize,
		view.ReasonEntryMemory: tReasonEntryMemory, view.ReasonPanic: tReasonPanic, view.ReasonBrowser: tReasonBrowser,
		view.ReasonUnknown: tReasonUnknown,
	}
	// problemText words a file's problem by its kind; an archive's is
	// worded from the tree's own error, with its cause (reasonText).
	problemText = map[export.ProblemKind]textKey{
		export.ProblemCSV: tReasonCsv, export.ProblemJSON: tReasonJson, export.ProblemHTML: tReasonHtml,
		export.ProblemPDF: tReasonPdf, export.ProblemOpen: tReasonOpen, export.ProblemBudget: tReasonBudget,
		export.ProblemName: tReasonName, export.ProblemEncrypted: tReasonEncrypted, export.ProblemDuplicate: tReasonDuplicate,
		export.ProblemZone: tReasonZone, export.ProblemIDShape: tReasonIdShape, export.ProblemDuplicatePart: tReasonDuplicatePart,
	}
	// verdictText is each verdict's title and the line under it.
	verdictText = map[string][2]textKey{
		check.VerdictMismatch:   {tVerdictMismatch, tVerdictMismatchSub},
		check.VerdictConsistent: {tVerdictConsistent, tVerdictConsistentSub},
		check.VerdictUnknown:    {tVerdictUnknown, tVerdictUnknownSub},
	}
)
