package check

import "testing"

// TestSubjectText: the subjects that are phrases of ours read in each
// language; a value from the export is never translated.
func TestSubjectText(t *testing.T) {
	tests := []struct {
		name, lang, subject, want string
		ours                      bool
	}{
		{"no device, german", "de", voiceRecordingsSubject, "Sprachaufnahmen", true},
		{"no device, english", "en", voiceRecordingsSubject, "voice recordings", true},
		{"marked not mine", "de", notMineRecordingsSubject, "als fremd markierte Aufnahmen", true},
		{"marked mine", "de", mineRecordingsSubject, "als Ihre eigenen markierte Aufnahmen", true},
		{"unrecognized", "de", unrecognizedSubject, "nicht erkannter Sprecher", true},
		{"missing file kind", "de", "registration", "die Geräteregistrierung", true},
		{"a serial", "de", "G070RQ0000000099", "", false},
		{"a path", "de", "Alexa.VoiceHistory/media/", "", false},
		{"empty", "de", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ours := SubjectText(tc.lang, tc.subject)
			if got != tc.want || ours != tc.ours {
				t.Errorf("SubjectText(%q, %q): got %q, %v; want %q, %v", tc.lang, tc.subject, got, ours, tc.want, tc.ours)
			}
		})
	}
	for s, v := range subjects {
		if v.en == "" || v.de == "" || v.en == v.de {
			t.Errorf("subject %q: got %q / %q, want an English and a different German wording", s, v.en, v.de)
		}
	}
}
