package check

import (
	"strings"
	"testing"

	"exportlens/app/export"
)

// TestMarkedRecordings: a single recording marked not yours is flagged
// (likely, the evidence its own place); recordings marked yours settle an
// unknown finding only when every recording it concerns is marked, and
// never outweigh a foreign identifier. Marks name a recording by its audio
// path, its base name, or its record's place.
func TestMarkedRecordings(t *testing.T) {
	run2018 := func(d Declared) *Report {
		x := amazon2018(3)
		x.Devices[0].Type.Text = "AZZUNKNOWN99" // a type no table knows: cannot tell
		return Run(x, d)
	}
	if r := run2018(Declared{}); r.Verdict != VerdictUnknown {
		t.Fatalf("unmarked: verdict %q, want unknown (the premise of this test)", r.Verdict)
	}

	// Not mine, by base name: flagged.
	r := run2018(Declared{NotMineRecordings: []string{" 0002.wav "}})
	f := findRule(r, RuleDeclaredMismatch, Likely)
	if r.Verdict != VerdictMismatch || f == nil {
		t.Fatalf("not-mine 0002.wav: verdict %q findings %v, want mismatch with a likely declared-mismatch", r.Verdict, summary(r.Findings))
	}
	if f.Records != 1 || len(f.Evidence) != 1 || f.Evidence[0].Path != "Alexa/0002.wav" || f.Subject != notMineRecordingsSubject {
		t.Errorf("not-mine finding %+v: want 1 record, evidence Alexa/0002.wav, subject %q", f, notMineRecordingsSubject)
	}
	if r.Claim.Declared.NotMineRecordings[0] != " 0002.wav " {
		t.Errorf("declared marks %q: want the mark as typed", r.Claim.Declared.NotMineRecordings)
	}

	// Mine, two of three: still unknown, with a note of the marks.
	r = run2018(Declared{MineRecordings: []string{"Alexa/0001.wav", "Alexa/0003.wav"}})
	if r.Verdict != VerdictUnknown || findRule(r, RuleRecordingsWithoutDevice, Unknown) == nil {
		t.Errorf("two of three mine: verdict %q findings %v, want unknown with recordings-without-device kept", r.Verdict, summary(r.Findings))
	}
	if n := findRule(r, RuleDeclaredMismatch, Note); n == nil || n.Records != 2 || n.Msg != msgMineRecordings {
		t.Errorf("two of three mine: note %+v, want 2 records, message %q", n, msgMineRecordings)
	}

	// Mine, all three: settled, consistent.
	r = run2018(Declared{MineRecordings: []string{"Alexa/0001.wav", "0002.wav", "Alexa/0003.wav"}})
	if r.Verdict != VerdictConsistent || findRule(r, RuleRecordingsWithoutDevice, Unknown) != nil {
		t.Errorf("all mine: verdict %q findings %v, want consistent without the unknown finding", r.Verdict, summary(r.Findings))
	}
	if n := findRule(r, RuleDeclaredMismatch, Note); n == nil || n.Records != 3 || n.Msg != msgMineRecordingsSettled {
		t.Errorf("all mine: note %+v, want 3 records, message %q", n, msgMineRecordingsSettled)
	}

	// Not mine wins over mine for the same recording, and a ref that names
	// nothing changes nothing.
	r = run2018(Declared{MineRecordings: []string{"Alexa/0001.wav", "Alexa/0002.wav", "Alexa/0003.wav"}, NotMineRecordings: []string{"Alexa/0002.wav"}})
	if r.Verdict != VerdictMismatch {
		t.Errorf("mine and not mine: verdict %q, want mismatch", r.Verdict)
	}
	r = run2018(Declared{NotMineRecordings: []string{"Alexa/0009.wav", "0001"}})
	if r.Verdict != VerdictUnknown || findRule(r, RuleDeclaredMismatch, Likely) != nil {
		t.Errorf("refs naming nothing: verdict %q findings %v, want unknown, no declared finding", r.Verdict, summary(r.Findings))
	}

	// A recording with another account's customer ID stays a mismatch
	// when marked mine.
	x := amazonClean()
	addRecording(x, 6, foreignID, echoDot, anna, "media/0005.wav", true)
	r = Run(x, Declared{MineRecordings: []string{"Alexa.VoiceHistory/media/0005.wav"}})
	if r.Verdict != VerdictMismatch || findRule(r, RuleForeignCustomer, Mismatch) == nil {
		t.Errorf("foreign row marked mine: verdict %q findings %v, want the mismatch kept", r.Verdict, summary(r.Findings))
	}

	// A record without audio is named by its place.
	x = amazonClean()
	x.Recordings[1].Set(export.FieldAudio, export.Value{})
	x.Recordings[1].SetAudio("", "", "")
	ref := RecordingRef(&x.Recordings[1])
	if want := historyCSV + "#3"; ref != want {
		t.Errorf("ref of a record without audio %q, want %q", ref, want)
	}
	r = Run(x, Declared{NotMineRecordings: []string{ref}})
	if f := findRule(r, RuleDeclaredMismatch, Likely); f == nil || f.Evidence[0].Line != 3 {
		t.Errorf("not-mine by place: %v, want a likely finding with evidence at line 3", summary(r.Findings))
	}
}

// TestTextListsMarks: the text report lists the marks as the person's own
// statements, apart from what they typed, in both languages.
func TestTextListsMarks(t *testing.T) {
	d := Declared{NotMineDevices: []string{echo}, NotMineProfiles: []string{anna}, NotMineRecordings: []string{"Alexa.VoiceHistory/media/0001.wav"},
		MineRecordings: []string{"Alexa.VoiceHistory/media/0002.wav"}}
	r := Run(amazonClean(), d)
	for _, tc := range []struct{ lang, notMine, mine, rec string }{
		{"en", "Not yours, as you marked them (your own statement):", "Yours, as you marked them (your own statement):", "  recording "},
		{"de", "Nach Ihrer eigenen Angabe nicht von Ihnen:", "Nach Ihrer eigenen Angabe von Ihnen:", "  Aufnahme "},
	} {
		var b strings.Builder
		if err := r.WriteText(&b, tc.lang); err != nil {
			t.Fatal(err)
		}
		text := b.String()
		i, j := strings.Index(text, tc.notMine), strings.Index(text, tc.mine)
		if i < 0 || j < i {
			t.Errorf("%s: headings %q and %q not both there in order:\n%s", tc.lang, tc.notMine, tc.mine, text)
			continue
		}
		not, mine := text[i:j], text[j:]
		for _, want := range []string{echo, anna, tc.rec + "Alexa.VoiceHistory/media/0001.wav"} {
			if !strings.Contains(not, want) {
				t.Errorf("%s: %q not under %q", tc.lang, want, tc.notMine)
			}
		}
		if !strings.Contains(mine, tc.rec+"Alexa.VoiceHistory/media/0002.wav") || strings.Contains(not, "0002.wav") {
			t.Errorf("%s: the recording marked yours is not (only) under %q", tc.lang, tc.mine)
		}
	}
}
