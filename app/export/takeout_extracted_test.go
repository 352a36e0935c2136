package export

import "testing"

// Regression (found by cmd/mkexport/seeded's metamorphic test): a Takeout
// whose parts were extracted side by side into one folder
// (takeout-…-001/Takeout/…, takeout-…-002/Takeout/…) had the MP3s of later
// parts taken for unreferenced audio and the records' audio for missing.
func TestTakeoutPartsExtractedSideBySide(t *testing.T) {
	const (
		act = "takeout-20240301T101500Z-001/Takeout/My Activity/Assistant/MyActivity.json"
		mp3 = "takeout-20240301T101500Z-002/Takeout/My Activity/Assistant/2024-02-11_08_15_02_482_UTC.mp3"
	)
	ex := mustLoad(t, []file{
		memFile("export", act, `[{"header":"Assistant","title":"Said good morning","time":"2024-02-11T08:15:01.482Z",`+
			`"products":["Assistant"],"audioFiles":["2024-02-11_08_15_02_482_UTC.mp3"]}]`),
		audioFile("export", mp3, 4096),
	}, nil)
	if len(ex.Recordings) != 1 {
		t.Fatalf("recordings: got %d want 1", len(ex.Recordings))
	}
	if r := ex.Recordings[0]; r.AudioPath() != mp3 || r.AudioPart() != "export" {
		t.Errorf("audio: got %q in %q, want %q in export", r.AudioPath(), r.AudioPart(), mp3)
	}
	if len(ex.Audio) != 1 || !ex.Audio[0].Referenced {
		t.Errorf("the MP3 of part 2 is not referenced: %+v", ex.Audio)
	}
}
