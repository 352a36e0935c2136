package export

import "testing"

// A Recording keeps its values without their sources; what Set was given
// must come back, whether the value shares the record's line and origin or
// not, and a change to one recording never shows in another that shares
// its table's origins.
func TestRecordingValues(t *testing.T) {
	row := Source{Part: "Alexa.zip", Path: historyPath, Line: 7}
	at := func(field string) Source { s := row; s.Field = field; return s }
	pdf := Source{Part: "export.zip", Path: "Alexa/transcript.pdf", Page: 2, Line: 14}

	r := NewRecording("U1", row)
	r.Set(FieldDevice, NewValue("G070RQ0000000001", at("DeviceSerialNumber")))
	r.Set(FieldTranscript, NewValue("licht aus", pdf)) // on another line of another file
	r.Set(FieldCustomerID, NewValue("A1B2C3D4E5F6G7", at("CustomerId")).WithRaw(" A1B2C3D4E5F6G7"))
	tests := []struct {
		name string
		got  Value
		text string
		src  Source
		raw  string
	}{
		{name: "device", got: r.Device(), text: "G070RQ0000000001", src: at("DeviceSerialNumber")},
		{name: "transcript", got: r.Transcript(), text: "licht aus", src: pdf},
		{name: "customer", got: r.CustomerID(), text: "A1B2C3D4E5F6G7", src: at("CustomerId"), raw: " A1B2C3D4E5F6G7"},
		{name: "never set", got: r.Response(), src: Source{}},
	}
	for _, tt := range tests {
		if tt.got.Text != tt.text || tt.got.Src() != tt.src || tt.got.Raw() != tt.raw {
			t.Errorf("%s: got %q at %+v raw %q, want %q at %+v raw %q", tt.name, tt.got.Text, tt.got.Src(), tt.got.Raw(), tt.text, tt.src, tt.raw)
		}
	}
	if r.Src() != row {
		t.Errorf("record: got %+v, want %+v", r.Src(), row)
	}

	copied := r
	copied.Set(FieldDevice, NewValue("G090LF0000000002", at("Device")))
	copied.SetZoneUnknown("WIB")
	if r.Device().Text != "G070RQ0000000001" || r.Device().Src().Field != "DeviceSerialNumber" || r.ZoneUnknown() != "" {
		t.Errorf("a copy's change shows in the original: %q %+v zone %q", r.Device().Text, r.Device().Src(), r.ZoneUnknown())
	}
}

func TestRecordingAudio(t *testing.T) {
	tests := []struct {
		name                     string
		part, path, expected     string
		wantPart, wantPath, want string
	}{
		{name: "in the record's part", part: "Alexa.zip", path: "a.wav", expected: "a.wav", wantPart: "Alexa.zip", wantPath: "a.wav", want: "a.wav"},
		{name: "in another part", part: "takeout-002.zip", path: "a.mp3", expected: "a.mp3", wantPart: "takeout-002.zip", wantPath: "a.mp3", want: "a.mp3"},
		{name: "missing", expected: "media/b.wav", want: "media/b.wav"},
	}
	for _, tt := range tests {
		r := NewRecording("U1", Source{Part: "Alexa.zip", Path: historyPath, Line: 2})
		r.SetAudio("other.zip", "x.wav", "y.wav") // replaced by the next call
		r.SetAudio(tt.part, tt.path, tt.expected)
		if r.AudioPart() != tt.wantPart || r.AudioPath() != tt.wantPath || r.AudioExpected() != tt.want {
			t.Errorf("%s: got part %q path %q expected %q, want %q %q %q", tt.name, r.AudioPart(), r.AudioPath(), r.AudioExpected(), tt.wantPart, tt.wantPath, tt.want)
		}
	}
}

// Contents counts files by their extension in any case and at any depth;
// an extension only starting like a known one, a name that is only an
// extension's letters, and a long unknown extension count as files only.
// Audio in any case is listed in Export.Audio.
func TestContents(t *testing.T) {
	files := []file{
		audioFile("x.zip", "a/b/c/one.WAV", 10),
		audioFile("x.zip", "two.Mp3", 10),
		audioFile("x.zip", "deep/er/three.opus", 10),
		audioFile("x.zip", "four.FLAC", 10),
		memFile("x.zip", "t/table.CSV", "a,b\n1,2\n"),
		memFile("x.zip", "data.Json", "{}"),
		memFile("x.zip", "page.HTM", "<p>x</p>"),
		memFile("x.zip", "p/page.html", "<p>x</p>"),
		memFile("x.zip", "photo.JPEG", "x"),
		memFile("x.zip", "photo.webp", "x"),
		memFile("x.zip", "notes.TXT", "x"),
		memFile("x.zip", "inner.tar.GZ", "x"),
		memFile("x.zip", "other.7Z", "x"),
		memFile("x.zip", "wav", "x"),
		memFile("x.zip", "x.wavx", "x"),
		memFile("x.zip", "x.waves", "x"),
		memFile("x.zip", "x.verylongext", "x"),
		memFile("x.zip", "x.", "x"),
	}
	ex := mustLoad(t, files, nil)
	want := Contents{Files: len(files), Audio: 4, Tables: 1, Data: 1, Pages: 2, Images: 2, Texts: 1, Archives: 2}
	if ex.Contents != want {
		t.Errorf("Contents = %+v, want %+v", ex.Contents, want)
	}
	if len(ex.Audio) != 4 {
		t.Errorf("Export.Audio has %d files, want the 4 audio files: %v", len(ex.Audio), ex.Audio)
	}
}
