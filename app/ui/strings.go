package ui

import "fmt"

// text is one UI string in every language the app speaks. Export content is
// never part of these; it is passed as an argument and shown escaped.
type text struct{ en, de string }

// texts holds every UI string: the core ones below, and each page's own
// table added with addTexts from that page's file. A test fails when one
// lacks a language or a key used in the code is missing.
var texts = map[string]text{}

// addTexts adds a page's strings; a key defined twice is a programming
// error caught at start-up (and by every test).
func addTexts(m map[string]text) {
	for k, v := range m {
		if _, dup := texts[k]; dup {
			panic("ui: text " + k + " defined twice")
		}
		texts[k] = v
	}
}

func init() { addTexts(coreTexts) }

var coreTexts = map[string]text{
	"app.tagline":     {"See whether a data export really is yours. Nothing leaves your device.", "Prüfen Sie, ob ein Datenexport wirklich nur Ihre Daten enthält. Nichts verlässt Ihr Gerät."},
	"nav.overview":    {"Overview", "Übersicht"},
	"nav.recordings":  {"Recordings", "Aufnahmen"},
	"nav.language":    {"Language", "Sprache"},
	"home.title":      {"Check a data export", "Datenexport prüfen"},
	"title.recording": {"Recording %d", "Aufnahme %d"},
	"title.finding":   {"Finding %d", "Befund %d"},
	"title.file":      {"File (%s)", "Datei (%s)"},

	"open.title":     {"Open your export", "Export öffnen"},
	"open.choose":    {"Choose files", "Dateien wählen"},
	"open.hint":      {"Choose the ZIP files of your export, or drop files or folders anywhere on this page. They are read here, in your browser.", "Wählen Sie die ZIP-Dateien Ihres Exports oder ziehen Sie Dateien oder Ordner auf diese Seite. Sie werden hier, in Ihrem Browser, gelesen."},
	"open.reading":   {"Reading: %s of %s, %d entries", "Wird gelesen: %s von %s, %d Einträge"},
	"open.checking":  {"Checking…", "Wird geprüft …"},
	"open.cancel":    {"Cancel", "Abbrechen"},
	"open.canceled":  {"Opening was cancelled.", "Das Öffnen wurde abgebrochen."},
	"open.opened":    {"Opened: %s", "Geöffnet: %s"},
	"open.failed":    {"“%s” could not be read: %s.", "„%s“ konnte nicht gelesen werden: %s."},
	"open.details":   {"Details", "Details"},
	"open.notes":     {"Read in full, with these remarks:", "Vollständig gelesen, mit diesen Hinweisen:"},
	"open.problems":  {"Some files could not be read; everything else is shown.", "Einige Dateien konnten nicht gelesen werden; alles andere wird angezeigt."},
	"open.problemN":  {"%d files could not be read", "%d Dateien konnten nicht gelesen werden"},
	"open.dropError": {"The dropped files could not be read: %s.", "Die abgelegten Dateien konnten nicht gelesen werden: %s."},

	"reason.overlap":     {"its entries overlap, as in a zip bomb", "seine Einträge überlappen sich wie bei einer Zip-Bombe"},
	"reason.tooMany":     {"it has too many entries", "es hat zu viele Einträge"},
	"reason.tooLarge":    {"it is larger than this app allows", "es ist größer, als diese App erlaubt"},
	"reason.tooDeep":     {"archives are nested too deep", "Archive sind zu tief verschachtelt"},
	"reason.encrypted":   {"it is encrypted", "es ist verschlüsselt"},
	"reason.truncated":   {"it is truncated or damaged", "es ist unvollständig oder beschädigt"},
	"reason.unsupported": {"its format cannot be read in the browser", "sein Format kann im Browser nicht gelesen werden"},
	"reason.inflate":     {"a nested archive is too large to unpack in memory", "ein darin enthaltenes Archiv ist zu groß, um es im Speicher zu entpacken"},
	"reason.size":        {"its size differs from what its header says", "seine Größe weicht von der Angabe in seinem Dateikopf ab"},
	"reason.unknown":     {"its content is not readable", "sein Inhalt ist nicht lesbar"},
	"reason.browser":     {"the browser could not read the file", "der Browser konnte die Datei nicht lesen"},

	"about.title":     {"About you (optional)", "Über Sie (optional)"},
	"about.hint":      {"What you enter here stays in this page's memory and makes the checks sharper.", "Was Sie hier eingeben, bleibt im Speicher dieser Seite und macht die Prüfungen genauer."},
	"about.email":     {"Your e-mail address", "Ihre E-Mail-Adresse"},
	"about.customer":  {"Your customer ID", "Ihre Kundennummer"},
	"about.devices":   {"Serial numbers of your devices (comma-separated)", "Seriennummern Ihrer Geräte (durch Kommas getrennt)"},
	"about.noDevices": {"I own no voice-assistant device", "Ich besitze kein Sprachassistenz-Gerät"},

	"verdict.mismatch":       {"This export contains data that is not yours.", "Dieser Export enthält Daten, die nicht Ihnen gehören."},
	"verdict.mismatch.sub":   {"The findings below show where, with the exact file and line.", "Wo genau, zeigen die Befunde unten – mit Datei und Zeile."},
	"verdict.consistent":     {"Nothing in this export points to someone else.", "Nichts in diesem Export deutet auf eine andere Person hin."},
	"verdict.consistent.sub": {"Every device, voice profile and account ID matches the account the export names.", "Alle Geräte, Stimmprofile und Kontokennungen passen zu dem Konto, das der Export nennt."},
	"verdict.unknown":        {"We cannot tell whether this export is yours.", "Ob dieser Export Ihnen gehört, ist nicht feststellbar."},
	"verdict.unknown.sub":    {"A check could not be made; the findings below say why.", "Eine Prüfung war nicht möglich; warum, steht in den Befunden unten."},

	"summary.recordings":        {"%d recordings", "%d Aufnahmen"},
	"summary.recordings.one":    {"%d recording", "%d Aufnahme"},
	"summary.transcripts":       {"%d transcript lines", "%d Transkriptzeilen"},
	"summary.transcripts.one":   {"%d transcript line", "%d Transkriptzeile"},
	"summary.devices":           {"%d devices", "%d Geräte"},
	"summary.devices.one":       {"%d device", "%d Gerät"},
	"summary.voiceProfiles":     {"%d voice profiles", "%d Stimmprofile"},
	"summary.voiceProfiles.one": {"%d voice profile", "%d Stimmprofil"},
	"vendor.label":              {"Format: %s", "Format: %s"},
	"vendor.amazon":             {"Amazon", "Amazon"},
	"vendor.google":             {"Google", "Google"},
	"vendor.unknown":            {"unknown", "unbekannt"},
	"time.zone":                 {"All times in your time zone: %s.", "Alle Zeiten in Ihrer Zeitzone: %s."},

	"claim.title":        {"The account this export claims", "Das Konto, das dieser Export nennt"},
	"claim.none":         {"The export names no account.", "Der Export nennt kein Konto."},
	"claim.customer":     {"Customer ID", "Kundennummer"},
	"claim.email":        {"E-mail", "E-Mail"},
	"claim.name":         {"Name", "Name"},
	"devices.title":      {"Devices", "Geräte"},
	"devices.none":       {"No devices.", "Keine Geräte."},
	"profiles.title":     {"Voice profiles", "Stimmprofile"},
	"profiles.none":      {"No voice profiles.", "Keine Stimmprofile."},
	"badge.registered":   {"registered", "registriert"},
	"badge.unregistered": {"not registered", "nicht registriert"},
	"col.serial":         {"Serial number", "Seriennummer"},
	"col.name":           {"Name", "Name"},
	"col.type":           {"Type", "Typ"},
	"col.id":             {"ID", "Kennung"},
	"col.records":        {"Recordings", "Aufnahmen"},
	"col.status":         {"Status", "Status"},

	"findings.title":      {"Findings", "Befunde"},
	"findings.none":       {"No findings.", "Keine Befunde."},
	"sev.mismatch":        {"Not yours", "Nicht Ihre Daten"},
	"sev.likely":          {"Likely not yours", "Wahrscheinlich nicht Ihre Daten"},
	"sev.note":            {"Note", "Hinweis"},
	"sev.unknown":         {"Cannot tell", "Nicht feststellbar"},
	"finding.records":     {"%d records affected", "%d Einträge betroffen"},
	"finding.records.one": {"%d record affected", "%d Eintrag betroffen"},
	"finding.subject":     {"Concerns: %s", "Betrifft: %s"},
	"evidence.title":      {"Evidence", "Belege"},
	"ev.line":             {"line %d", "Zeile %d"},
	"ev.page":             {"page %d", "Seite %d"},
	"ev.pageLine":         {"page %d, line %d", "Seite %d, Zeile %d"},
	"ev.raw":              {"as written: %s", "so geschrieben: %s"},

	"recordings.title":   {"Recordings", "Aufnahmen"},
	"recordings.empty":   {"Open an export to see its recordings.", "Öffnen Sie einen Export, um seine Aufnahmen zu sehen."},
	"recordings.count":   {"%d of %d recordings", "%d von %d Aufnahmen"},
	"recordings.search":  {"Search transcripts and responses", "Transkripte und Antworten durchsuchen"},
	"recordings.flagged": {"Flagged only", "Nur auffällige"},
	"rec.time":           {"Time", "Zeit"},
	"rec.length":         {"Length", "Länge"},
	"rec.device":         {"Device", "Gerät"},
	"rec.profile":        {"Voice profile", "Stimmprofil"},
	"rec.transcript":     {"Transcript", "Transkript"},
	"rec.response":       {"Response", "Antwort"},
	"rec.flag":           {"not yours?", "fremd?"},
	"rec.noAudio":        {"No audio file for this recording.", "Zu dieser Aufnahme gibt es keine Audiodatei."},
	"rec.audioFailed":    {"The audio could not be played: %s.", "Die Aufnahme konnte nicht abgespielt werden: %s."},
	"player.title":       {"Player", "Wiedergabe"},
	"player.prev":        {"Previous", "Vorige"},
	"player.next":        {"Next", "Nächste"},
}

// tr returns the string key in lang ("de"; English otherwise), formatted
// with args when there are any; integers get lang's digit grouping.
func tr(lang, key string, args ...any) string {
	t, ok := texts[key]
	if !ok {
		return key
	}
	s := t.en
	if lang == "de" {
		s = t.de
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, localArgs(lang, args)...)
	}
	return s
}

// trn is tr for a count: the key's ".one" form when n is 1 and the table
// has one, else the key itself; n is the first argument.
func trn(lang, key string, n int, args ...any) string {
	if _, ok := texts[key+".one"]; ok && n == 1 {
		key += ".one"
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
