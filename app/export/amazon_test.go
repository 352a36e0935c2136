package export

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"
)

const (
	histPath = "Alexa.VoiceHistory/datasets/Alexa.VoiceHistory/Alexa.VoiceHistory.csv"
	profPath = "Alexa.VoiceProfiles/datasets/Alexa.VoiceProfiles/Alexa.VoiceProfiles.csv"
	custPath = "Retail.CustomerProfile.1/Retail.CustomerProfile.1.csv"
)

// amazonClean is a small per-category export (synthetic identities).
func amazonClean() []file {
	return []file{
		memFile("Alexa.zip", histPath,
			"Timestamp,CustomerId,DeviceSerialNumber,DeviceType,DeviceName,UtteranceId,CustomerTranscript,AlexaResponse,PersonId,PersonFirstName,AudioFile\n"+
				"2023-09-16T13:43:12.277Z,A1B2C3D4E5F6G7,G070RQ0000000001,A3S5BH2HU6VAYF,Küche,U1,wie spät ist es,Es ist 15 Uhr,amzn1.actor.person.oid.A1ANNAPROFILE1,Anna,media/aaa.wav\n"+
				"2023-09-16T13:44:00Z,A9Z8Y7X6W5V4U3,G070RQ0000000099,A3S5BH2HU6VAYF,Küche,U2,licht an,,,,media/missing.wav\n"+
				"2023-09-16T13:45:00Z,A1B2C3D4E5F6G7,G090LF0000000002,A7WXQPH584YP,Wohnzimmer,U3,stopp,,,,\n"),
		audioFile("Alexa.zip", "Alexa.VoiceHistory/media/aaa.wav", 32044),
		audioFile("Alexa.zip", "Alexa.VoiceHistory/media/stray.wav", 1000),
		memFile("Alexa.zip", profPath, "PersonId,PersonFirstName,PersonType,CustomerId,EnrolledAt\namzn1.actor.person.oid.A1ANNAPROFILE1,Anna,ADULT,A1B2C3D4E5F6G7,2023-01-01 10:00:00\n"),
		memFile("Alexa.zip", "Location/Country of Residence-1.csv", "Timestamp,Country\n2023-01-01,DE\n"),
		memFile("Alexa.zip", "README.txt", "CustomerId,Timestamp\nA0000000000000,x\n"),
		memFile("Devices.Registration.zip", "registration.csv",
			"AccountName,DeviceSerialNumber,DeviceType,CustomerId,FirstTimeRegistered,RegistrationDate\n"+
				"Küche,G070RQ0000000001,A3S5BH2HU6VAYF,A1B2C3D4E5F6G7,2023-05-02 18:20:11,2023-05-02 18:20:11\n"+
				"Wohnzimmer,G090LF0000000002,A7WXQPH584YP,A1B2C3D4E5F6G7,N/A,2023-05-03 18:20:11\n"),
		memFile("Retail.CustomerProfile.zip", custPath,
			"CustomerId,Name,EmailAddress,CountryCode,CreatedAt\nA1B2C3D4E5F6G7,Anna Beispiel,anna.beispiel@example.com,DE,2020-01-01 00:00:00\n"),
	}
}

func TestLoadAmazonPerCategory(t *testing.T) {
	ex := mustLoad(t, amazonClean(), nil)
	if ex.Vendor != Amazon || ex.Layout != "per-category" {
		t.Fatalf("vendor/layout: got %s/%s want amazon/per-category", ex.Vendor, ex.Layout)
	}
	if got := join(texts(ex.CustomerIDs)); got != "A1B2C3D4E5F6G7" {
		t.Errorf("claimed customer IDs: got %q", got)
	}
	if got := join(texts(ex.Emails)); got != "anna.beispiel@example.com" {
		t.Errorf("claimed e-mails: got %q", got)
	}
	if got := join(texts(ex.Names)); got != "Anna Beispiel" {
		t.Errorf("claimed names: got %q", got)
	}
	if len(ex.Devices) != 2 {
		t.Fatalf("devices: got %d want 2", len(ex.Devices))
	}
	d := ex.Devices[1]
	if d.Serial.Text != "G090LF0000000002" || d.Name.Text != "Wohnzimmer" || d.Src.Line != 3 || d.Serial.Src().Field != "DeviceSerialNumber" {
		t.Errorf("device 2: got %+v", d)
	}
	if want := time.Date(2023, 5, 3, 18, 20, 11, 0, time.UTC); !d.Registered.Equal(want) {
		t.Errorf("device 2 registered: got %v want %v", d.Registered, want)
	}
	if len(ex.VoiceProfiles) != 1 || ex.VoiceProfiles[0].Name.Text != "Anna" || ex.VoiceProfiles[0].Type.Text != "ADULT" {
		t.Errorf("voice profiles: got %+v", ex.VoiceProfiles)
	}
	if len(ex.Recordings) != 3 {
		t.Fatalf("recordings: got %d want 3", len(ex.Recordings))
	}
	r0, r1, r2 := ex.Recordings[0], ex.Recordings[1], ex.Recordings[2]
	if r0.ID != "U1" || r0.AudioPath() != "Alexa.VoiceHistory/media/aaa.wav" || r0.AudioPart() != "Alexa.zip" || r0.Src().Line != 2 {
		t.Errorf("recording 1: got ID %q audio %q/%q line %d", r0.ID, r0.AudioPart(), r0.AudioPath(), r0.Src().Line)
	}
	if !r0.Time.Equal(time.Date(2023, 9, 16, 13, 43, 12, 277e6, time.UTC)) {
		t.Errorf("recording 1 time: got %v", r0.Time)
	}
	if r1.AudioPath() != "" || r1.Audio().Text != "media/missing.wav" || r1.AudioExpected() != "Alexa.VoiceHistory/media/missing.wav" || r1.Audio().Src().Field != "AudioFile" || r1.Audio().Src().Line != 3 {
		t.Errorf("recording 2 (missing audio): got path %q value %q expected %q src %+v", r1.AudioPath(), r1.Audio().Text, r1.AudioExpected(), r1.Audio().Src())
	}
	if !r2.Audio().Empty() || r2.AudioExpected() != "" {
		t.Errorf("recording 3 (no audio): got %q / %q", r2.Audio().Text, r2.AudioExpected())
	}
	if r1.Device().Text != "G070RQ0000000099" || r1.CustomerID().Text != "A9Z8Y7X6W5V4U3" || !r1.PersonID().Empty() {
		t.Errorf("recording 2 ids: got %q %q %q", r1.Device().Text, r1.CustomerID().Text, r1.PersonID().Text)
	}

	refs := map[string]bool{}
	for _, a := range ex.Audio {
		refs[a.Path] = a.Referenced
	}
	if len(ex.Audio) != 2 || !refs["Alexa.VoiceHistory/media/aaa.wav"] || refs["Alexa.VoiceHistory/media/stray.wav"] {
		t.Errorf("audio: got %+v", ex.Audio)
	}

	// Customer IDs: 3 history rows + 1 profile + 2 registration + 1 customer profile; README ignored.
	var ids []string
	for id := range ex.AllIdentities(IdentityCustomerID) {
		ids = append(ids, fmt.Sprintf("%s:%d:%s:%s", id.Value.Src().Path, id.Value.Src().Line, id.Value.Src().Field, id.Value.Text))
	}
	if len(ids) != 7 {
		t.Errorf("customer-id identities: got %d %q want 7", len(ids), ids)
	}
	for _, id := range ids {
		if strings.HasPrefix(id, "README") {
			t.Errorf("documentation file read as data: %q", id)
		}
	}

	want := map[Need]bool{"customer-profile": true, "registration": true, "voice-history": true, "voice-profiles": true}
	for _, e := range ex.Expected {
		if !want[e.What] || !e.Found || e.Src.Path == "" {
			t.Errorf("expectation: got %+v", e)
		}
		delete(want, e.What)
	}
	if len(want) != 0 {
		t.Errorf("expectations missing: %v", want)
	}
	if len(ex.Problems) != 0 {
		t.Errorf("problems: got %+v", ex.Problems)
	}
}

func TestLoadAmazonMissingFiles(t *testing.T) {
	var files []file
	for _, f := range amazonClean() {
		if f.Path != "registration.csv" {
			files = append(files, f)
		}
	}
	files = append(files, brokenFile("Alexa.zip", "Alexa.VoiceHistory/other.csv"))
	ex := mustLoad(t, files, nil)
	for _, e := range ex.Expected {
		if e.What == "registration" && (e.Found || !strings.Contains(e.Path, "registration.csv")) {
			t.Errorf("registration expectation: got %+v want not found with a path", e)
		}
	}
	if len(ex.Problems) != 1 || ex.Problems[0].Src.Path != "Alexa.VoiceHistory/other.csv" || ex.Problems[0].Reason == "" {
		t.Errorf("problems: got %+v want one naming the broken file", ex.Problems)
	}
	if len(ex.Recordings) != 3 {
		t.Errorf("recordings after a broken file: got %d want 3", len(ex.Recordings))
	}
}

func TestLoadAmazonMessy(t *testing.T) {
	hist := "\ufeff\"This file lists your Alexa voice interactions. All times are UTC.\"\r\n" +
		"UtteranceId,Locale,Timestamp,DeviceSerialNumber,Customer_Id,device name,PersonId,AlexaResponse,IntentName,AudioFile\r\n" +
		"U1,de-DE,09/16/2023 13:43:12 UTC,  g070rq0000000001 , a1b2c3d4e5f6g7,KÃ¼che,N/A,\"Zeile eins\r\nZeile zwei\",GetTime,media/aaa.wav\r\n" +
		"U2,de-DE,Sat Sep 16 13:44:12 UTC 2023,G070RQ0000000001,A1B2C3D4E5F6G7,Ku\u0308che,N/A,N/A,Stop,\r\n"
	reg := "\ufeffDeviceSerialNumber,SoftwareVersion,AccountName,RegistrationDate,FirstTimeRegistered,DeviceType\r\n" +
		"G070RQ0000000001,1.2,KÃ¼che,09/16/2023 13:43,N/A,A3S5BH2HU6VAYF\r\n" +
		"\r\nFile Summary:\r\nTotal records: 1\r\n"
	files := []file{
		memFile("Alexa.zip", histPath, hist),
		audioFile("Alexa.zip", "Alexa.VoiceHistory/media/aaa.wav", 100),
		memFile("Devices.Registration.zip", "registration.csv", reg),
	}
	ex := mustLoad(t, files, nil)
	if len(ex.Recordings) != 2 {
		t.Fatalf("recordings: got %d want 2", len(ex.Recordings))
	}
	r := ex.Recordings[0]
	if r.Src().Line != 3 || ex.Recordings[1].Src().Line != 5 {
		t.Errorf("lines: got %d, %d want 3, 5", r.Src().Line, ex.Recordings[1].Src().Line)
	}
	if r.DeviceName().Text != "Küche" || r.DeviceName().Raw() != "KÃ¼che" {
		t.Errorf("repaired name: got %q raw %q", r.DeviceName().Text, r.DeviceName().Raw())
	}
	if NormID(r.Device().Text) != "G070RQ0000000001" || NormID(r.CustomerID().Text) != "A1B2C3D4E5F6G7" || r.CustomerID().Src().Field != "Customer_Id" {
		t.Errorf("ids: got %q %q field %q", r.Device().Text, r.CustomerID().Text, r.CustomerID().Src().Field)
	}
	if !r.PersonID().Empty() || r.Response().Text != "Zeile eins\r\nZeile zwei" && r.Response().Text != "Zeile eins\nZeile zwei" {
		t.Errorf("N/A and multi-line: got person %q response %q", r.PersonID().Text, r.Response().Text)
	}
	if r.AudioPath() == "" || !r.Time.Equal(time.Date(2023, 9, 16, 13, 43, 12, 0, time.UTC)) {
		t.Errorf("audio/time: got %q %v", r.AudioPath(), r.Time)
	}
	if ex.Recordings[1].Time.IsZero() || !ex.Recordings[1].Response().Empty() {
		t.Errorf("row 2: got time %v response %q", ex.Recordings[1].Time, ex.Recordings[1].Response().Text)
	}
	var extra []string
	for _, v := range r.Extra() {
		extra = append(extra, v.Src().Field+"="+v.Text)
	}
	if join(extra) != "Locale=de-DE|IntentName=GetTime" {
		t.Errorf("unknown columns: got %q", extra)
	}
	if len(ex.Devices) != 1 || ex.Devices[0].Name.Text != "Küche" || ex.Devices[0].Registered.IsZero() {
		t.Errorf("devices (footer ignored): got %+v", ex.Devices)
	}
	if NormName(ex.Recordings[1].DeviceName().Text) != NormName(ex.Devices[0].Name.Text) {
		t.Errorf("NFD name does not normalise to the device name")
	}
}

func TestLoadAmazon2018(t *testing.T) {
	defer func(f func(io.ReaderAt, int64) ([]pdfLine, error)) { pdfLines = f }(pdfLines)
	pdfLines = func(r io.ReaderAt, size int64) ([]pdfLine, error) {
		return []pdfLine{
			{1, 1, "Alexa Sprachaufnahmen – Transkript"},
			{1, 2, "03.01.2018 19:04:11 alexa spiel musik"},
			{1, 3, "03.01.2018 19:05:40 wie wird das wetter"},
			{1, 4, "morgen"},
			{2, 1, "04.01.2018 07:00:02 stopp"},
		}, nil
	}
	files := []file{
		audioFile("export.zip", "Alexa/0001.wav", 100),
		audioFile("export.zip", "Alexa/0002.wav", 100),
		memFile("export.zip", "Alexa/Alexa-Sprachaufnahmen.pdf", "%PDF-1.4 stub"),
		memFile("export.zip", "Devices.Registration/registration.csv",
			"AccountName,DeviceSerialNumber,DeviceType,CustomerId,FirstTimeRegistered,RegistrationDate\nKindle,G000KINDLE000001,A3VRME03NAXFUB,A1B2C3D4E5F6G7,2017-01-01 00:00:00,2017-01-01 00:00:00\n"),
		memFile("export.zip", custPath, "CustomerId,Name,EmailAddress\nA1B2C3D4E5F6G7,Anna Beispiel,anna.beispiel@example.com\n"),
		memFile("export.zip", "README.txt", "docs"),
	}
	ex := mustLoad(t, files, nil)
	if ex.Vendor != Amazon || ex.Layout != "single-zip-2018" {
		t.Fatalf("vendor/layout: got %s/%s", ex.Vendor, ex.Layout)
	}
	if len(ex.Recordings) != 2 || ex.Recordings[0].ID != "Alexa/0001.wav" || ex.Recordings[0].Src().Path != "Alexa/0001.wav" {
		t.Fatalf("recordings: got %+v", ex.Recordings)
	}
	if len(ex.Transcripts) != 3 {
		t.Fatalf("transcripts: got %d want 3", len(ex.Transcripts))
	}
	tl := ex.Transcripts[1]
	if tl.Text != "wie wird das wetter morgen" || tl.Recording != 1 || tl.Src.Page != 1 || tl.Src.Line != 3 || tl.Src.Path != "Alexa/Alexa-Sprachaufnahmen.pdf" {
		t.Errorf("transcript 2: got %+v", tl)
	}
	if ex.Transcripts[2].Recording != -1 || ex.Transcripts[2].Src.Page != 2 {
		t.Errorf("extra transcript line: got %+v want recording -1", ex.Transcripts[2])
	}
	if ex.Recordings[1].Transcript().Text != "wie wird das wetter morgen" || !ex.Recordings[1].Time.Equal(time.Date(2018, 1, 3, 19, 5, 40, 0, time.UTC)) {
		t.Errorf("recording 2 transcript: got %q %v", ex.Recordings[1].Transcript().Text, ex.Recordings[1].Time)
	}
	for _, a := range ex.Audio {
		if !a.Referenced {
			t.Errorf("2018 audio %s not a recording", a.Path)
		}
	}
	found := map[Need]bool{}
	for _, e := range ex.Expected {
		found[e.What] = e.Found
	}
	if !found["transcript"] || !found["registration"] || !found["customer-profile"] {
		t.Errorf("expectations: got %+v", ex.Expected)
	}
}

func TestLoadPDFNotTranscript(t *testing.T) {
	defer func(f func(io.ReaderAt, int64) ([]pdfLine, error)) { pdfLines = f }(pdfLines)
	calls := 0
	pdfLines = func(r io.ReaderAt, size int64) ([]pdfLine, error) {
		calls++
		if calls == 2 {
			return nil, errors.New("media: pdf: malformed file")
		}
		return []pdfLine{{1, 1, "Holiday"}, {1, 2, "Photos from 03.01.2018 19:04:11 trip"}, {1, 3, "more"}}, nil
	}
	files := []file{
		audioFile("x.zip", "sounds/a.wav", 10),
		memFile("x.zip", "sounds/a.pdf", "x"),
		memFile("x.zip", "sounds/b.pdf", "x"),
	}
	ex := mustLoad(t, files, nil)
	if ex.Vendor != Unknown || len(ex.Transcripts) != 0 || len(ex.Recordings) != 0 {
		t.Errorf("got vendor %s, %d transcripts, %d recordings; want unknown, 0, 0", ex.Vendor, len(ex.Transcripts), len(ex.Recordings))
	}
	if len(ex.Audio) != 1 {
		t.Errorf("audio: got %d want 1 (listed for any vendor)", len(ex.Audio))
	}
	if len(ex.Problems) != 1 || ex.Problems[0].Kind != ProblemPDF || ex.Problems[0].Src.Path != "sounds/b.pdf" {
		t.Errorf("problems: got %+v", ex.Problems)
	}
}

func TestLoadFolderInputAudio(t *testing.T) {
	// A folder input: the category folders sit below "Alexa/".
	files := []file{
		memFile("amazon", "Alexa/"+histPath, "Timestamp,UtteranceId,AudioFile\n2023-09-16T13:43:12Z,U1,media/aaa.wav\n"),
		audioFile("amazon", "Alexa/Alexa.VoiceHistory/media/aaa.wav", 10),
	}
	ex := mustLoad(t, files, nil)
	if len(ex.Recordings) != 1 || ex.Recordings[0].AudioPath() != "Alexa/Alexa.VoiceHistory/media/aaa.wav" {
		t.Errorf("got %+v", ex.Recordings)
	}
}
