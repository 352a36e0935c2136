package ui

// The recordings page's, the player's and the timeline's own strings.
func init() {
	addTexts(map[string]text{
		"rec.position":      {"%d of %d", "%d von %d"},
		"rec.whyFlagged":    {"Why this may not be yours:", "Warum diese Aufnahme fremd sein könnte:"},
		"rec.unreferenced":  {"not in the voice history", "nicht im Sprachverlauf"},
		"rec.noMatch":       {"No recordings match these filters.", "Keine Aufnahme passt zu diesen Filtern."},
		"rec.noSuchFinding": {"This finding does not exist in the open export.", "Diesen Befund gibt es im geöffneten Export nicht."},
		"rec.byFinding":     {"Filtered by finding:", "Gefiltert nach Befund:"},
		"rec.showAll":       {"show all", "alle zeigen"},
		"rec.allDevices":    {"All devices", "Alle Geräte"},
		"rec.noDevice":      {"No device named", "Kein Gerät genannt"},
		"rec.allProfiles":   {"All voice profiles", "Alle Stimmprofile"},
		"rec.noProfile":     {"No voice profile named", "Kein Stimmprofil genannt"},
		"rec.from":          {"From", "Von"},
		"rec.to":            {"To", "Bis"},
		"player.play":       {"▶ Play", "▶ Abspielen"},
		"player.pause":      {"❙❙ Pause", "❙❙ Pause"},
		"player.position":   {"Position in the recording", "Stelle in der Aufnahme"},
		"player.speed":      {"Speed", "Geschwindigkeit"},
		"player.choose":     {"Choose a recording to hear it and read what was said.", "Wählen Sie eine Aufnahme, um sie zu hören und zu lesen, was gesagt wurde."},
		"player.keys":       {"Keys: space plays or pauses, j or → the next recording, k or ← the previous one.", "Tasten: Die Leertaste spielt ab oder hält an, j oder → springt zur nächsten Aufnahme, k oder ← zur vorigen."},
		"timeline.title":    {"Recordings per day", "Aufnahmen pro Tag"},
		"timeline.none":     {"No recording has a time.", "Keine Aufnahme hat eine Zeitangabe."},
		"timeline.from":     {"%s, %d days", "%s, %d Tage"},
		"timeline.count":    {"%d recordings, %d flagged", "%d Aufnahmen, %d auffällig"},
		"timeline.foreign":  {"not yours?", "fremd?"},
		"timeline.flagged":  {"a day with recordings that may not be yours", "ein Tag mit Aufnahmen, die wohl nicht von Ihnen stammen"},
		"timeline.undated":  {"%d recordings have no time and are not shown here.", "%d Aufnahmen haben keine Zeitangabe und erscheinen hier nicht."},
	})
}
