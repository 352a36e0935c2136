package ui

// The strings of the protection of records that probably belong to someone
// else (view.Protection), shared by the Recordings, Transcripts and Files pages.
var (
	tProtectRecording   = def("protect.recording", "This recording probably belongs to someone else. It is hidden to protect their privacy.", "Diese Aufnahme gehört wahrscheinlich jemand anderem. Sie ist ausgeblendet, um die Privatsphäre dieser Person zu schützen.")
	tProtectAudioFile   = def("protect.audioFile", "This audio file probably belongs to someone else. It is hidden to protect their privacy.", "Diese Audiodatei gehört wahrscheinlich jemand anderem. Sie ist ausgeblendet, um die Privatsphäre dieser Person zu schützen.")
	tProtectDocument    = def("protect.document", "This transcript probably belongs to someone else. Its text is hidden to protect their privacy.", "Dieses Transkript gehört wahrscheinlich jemand anderem. Sein Text ist ausgeblendet, um die Privatsphäre dieser Person zu schützen.")
	tProtectRecords     = def("protect.records", "Some rows of this file probably belong to someone else. What was said in them is hidden to protect their privacy.", "Einige Zeilen dieser Datei gehören wahrscheinlich jemand anderem. Was darin gesagt wurde, ist ausgeblendet, um die Privatsphäre dieser Person zu schützen.")
	tProtectList        = def("protect.list", "%d recordings probably belong to someone else. What they say is hidden and they do not play, to protect their privacy; time, length, device and finding stay visible.", "%d Aufnahmen gehören wahrscheinlich jemand anderem. Zum Schutz der Privatsphäre ist ihr Inhalt ausgeblendet und sie werden nicht abgespielt; Zeit, Länge, Gerät und Befund bleiben sichtbar.")
	_                   = one(tProtectList, "%d recording probably belongs to someone else. What it says is hidden and it does not play, to protect their privacy; time, length, device and finding stay visible.", "%d Aufnahme gehört wahrscheinlich jemand anderem. Zum Schutz der Privatsphäre ist ihr Inhalt ausgeblendet und sie wird nicht abgespielt; Zeit, Länge, Gerät und Befund bleiben sichtbar.")
	_                   = one(tProtectLines, "%d transcript line probably belongs to someone else. It is hidden to protect their privacy.", "%d Transkriptzeile gehört wahrscheinlich jemand anderem. Sie ist ausgeblendet, um die Privatsphäre dieser Person zu schützen.")
	tProtectLines       = def("protect.lines", "%d transcript lines probably belong to someone else. They are hidden to protect their privacy.", "%d Transkriptzeilen gehören wahrscheinlich jemand anderem. Sie sind ausgeblendet, um die Privatsphäre dieser Person zu schützen.")
	tProtectLiftFinding = def("protect.liftFinding", "I need to check this myself: show and play", "Ich muss das selbst prüfen: zeigen und abspielen")
	tProtectLiftAll     = def("protect.liftAll", "Show and play everything in this export", "Alles in diesem Export zeigen und abspielen")
	tProtectMemory      = def("protect.memory", "This holds only until you open another export or reload the page; nothing is stored.", "Das gilt nur, bis Sie einen anderen Export öffnen oder die Seite neu laden; nichts wird gespeichert.")
	tProtectLifted      = def("protect.lifted", "Records that probably belong to someone else are shown because you chose to check them. Please do not share or publish them.", "Einträge, die wahrscheinlich jemand anderem gehören, werden angezeigt, weil Sie sie selbst prüfen wollten. Bitte geben Sie sie nicht weiter und veröffentlichen Sie sie nicht.")
	tProtectReset       = def("protect.reset", "Hide them again", "Wieder ausblenden")
	tProtectHidden      = def("protect.hidden", "Hidden: %s", "Ausgeblendet: %s")
	tProtectLine        = def("protect.line", "Hidden: this line probably belongs to someone else.", "Ausgeblendet: Diese Zeile gehört wahrscheinlich jemand anderem.")
	tProtectContent     = def("protect.content", "hidden", "ausgeblendet")
)
