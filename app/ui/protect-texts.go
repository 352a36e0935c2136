package ui

// The strings of the protection of records that probably belong to someone
// else (protect.go), shared by the Recordings, Transcripts and Files pages.
func init() {
	addTexts(map[string]text{
		"protect.recording": {"This recording probably belongs to someone else. It is hidden to protect their privacy.",
			"Diese Aufnahme gehört wahrscheinlich jemand anderem. Sie ist ausgeblendet, um die Privatsphäre dieser Person zu schützen."},
		"protect.audioFile": {"This audio file probably belongs to someone else. It is hidden to protect their privacy.",
			"Diese Audiodatei gehört wahrscheinlich jemand anderem. Sie ist ausgeblendet, um die Privatsphäre dieser Person zu schützen."},
		"protect.document": {"This transcript probably belongs to someone else. Its text is hidden to protect their privacy.",
			"Dieses Transkript gehört wahrscheinlich jemand anderem. Sein Text ist ausgeblendet, um die Privatsphäre dieser Person zu schützen."},
		"protect.records": {"Some rows of this file probably belong to someone else. What was said in them is hidden to protect their privacy.",
			"Einige Zeilen dieser Datei gehören wahrscheinlich jemand anderem. Was darin gesagt wurde, ist ausgeblendet, um die Privatsphäre dieser Person zu schützen."},
		"protect.list": {"%d recordings probably belong to someone else. What they say is hidden and they do not play, to protect their privacy; time, length, device and finding stay visible.",
			"%d Aufnahmen gehören wahrscheinlich jemand anderem. Zum Schutz der Privatsphäre ist ihr Inhalt ausgeblendet und sie werden nicht abgespielt; Zeit, Länge, Gerät und Befund bleiben sichtbar."},
		"protect.list.one": {"%d recording probably belongs to someone else. What it says is hidden and it does not play, to protect their privacy; time, length, device and finding stay visible.",
			"%d Aufnahme gehört wahrscheinlich jemand anderem. Zum Schutz der Privatsphäre ist ihr Inhalt ausgeblendet und sie wird nicht abgespielt; Zeit, Länge, Gerät und Befund bleiben sichtbar."},
		"protect.lines.one": {"%d transcript line probably belongs to someone else. It is hidden to protect their privacy.",
			"%d Transkriptzeile gehört wahrscheinlich jemand anderem. Sie ist ausgeblendet, um die Privatsphäre dieser Person zu schützen."},
		"protect.lines": {"%d transcript lines probably belong to someone else. They are hidden to protect their privacy.",
			"%d Transkriptzeilen gehören wahrscheinlich jemand anderem. Sie sind ausgeblendet, um die Privatsphäre dieser Person zu schützen."},
		"protect.liftFinding": {"I need to check this myself: show and play", "Ich muss das selbst prüfen: zeigen und abspielen"},
		"protect.liftAll":     {"Show and play everything in this export", "Alles in diesem Export zeigen und abspielen"},
		"protect.memory": {"This holds only until you open another export or reload the page; nothing is stored.",
			"Das gilt nur, bis Sie einen anderen Export öffnen oder die Seite neu laden; nichts wird gespeichert."},
		"protect.lifted": {"Records that probably belong to someone else are shown because you chose to check them. Please do not share or publish them.",
			"Einträge, die wahrscheinlich jemand anderem gehören, werden angezeigt, weil Sie sie selbst prüfen wollten. Bitte geben Sie sie nicht weiter und veröffentlichen Sie sie nicht."},
		"protect.reset":   {"Hide them again", "Wieder ausblenden"},
		"protect.hidden":  {"Hidden: %s", "Ausgeblendet: %s"},
		"protect.line":    {"Hidden: this line probably belongs to someone else.", "Ausgeblendet: Diese Zeile gehört wahrscheinlich jemand anderem."},
		"protect.content": {"hidden", "ausgeblendet"},
	})
}
