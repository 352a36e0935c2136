package check

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"exportlens/app/export"
)

// Synthetic identifiers of the fixture contract (testdata/fixtures).
const (
	custID     = "A1B2C3D4E5F6G7"
	foreignID  = "A9Z8Y7X6W5V4U3"
	echoDot    = "G070RQ0000000001"
	echo       = "G090LF0000000002"
	foreignDev = "G070RQ0000000099"
	kindle     = "G000KI0000000003"
	anna       = "amzn1.actor.person.oid.A1ANNAPROFILE1"
	stranger   = "amzn1.actor.person.oid.A9STRANGERPRF9"
	annaEmail  = "anna.beispiel@example.com"
	alice      = "alice.muster@example.com"
	bob        = "bob.fremd@example.org"

	profileCSV  = "Retail.CustomerProfile.1/Retail.CustomerProfile.1.csv"
	regCSV      = "registration.csv"
	historyCSV  = "Alexa.VoiceHistory/datasets/Alexa.VoiceHistory/Alexa.VoiceHistory.csv"
	profilesCSV = "Alexa.VoiceProfiles/datasets/Alexa.VoiceProfiles/Alexa.VoiceProfiles.csv"
	mediaDir    = "Alexa.VoiceHistory/media"
)

func at(part, path string, line int, field string) export.Source {
	return export.Source{Part: part, Path: path, Line: line, Field: field}
}

func val(text string, src export.Source) export.Value { return export.NewValue(text, src) }

// setText changes the text of a recording's value f, keeping where it was read.
func setText(r *export.Recording, f export.Field, text string) {
	v := r.Value(f)
	v.Text = text
	r.Set(f, v)
}

// amazonClean is a small consistent per-category Amazon export: one
// customer, an Echo Dot and an Echo, one voice profile, four recordings.
func amazonClean() *export.Export {
	x := &export.Export{Vendor: export.Amazon, Layout: "per-category"}
	pr := func(line int, f string) export.Source { return at("Retail.CustomerProfile.zip", profileCSV, line, f) }
	x.CustomerIDs = []export.Value{val(custID, pr(2, "CustomerId"))}
	x.Emails = []export.Value{val(annaEmail, pr(2, "EmailAddress"))}
	x.Names = []export.Value{val("Anna Beispiel", pr(2, "Name"))}
	x.Identities = []export.Identity{{Kind: "customer-id", Value: val(custID, pr(2, "CustomerId"))}}
	reg := func(line int, f string) export.Source { return at("Devices.Registration.zip", regCSV, line, f) }
	for i, d := range []struct{ serial, typ, name string }{{echoDot, "A3S5BH2HU6VAYF", "Küche"}, {echo, "A7WXQPH584YP", "Wohnzimmer"}} {
		line := i + 2
		x.Devices = append(x.Devices, export.Device{
			Serial: val(d.serial, reg(line, "DeviceSerialNumber")), Type: val(d.typ, reg(line, "DeviceType")),
			Name: val(d.name, reg(line, "AccountName")), CustomerID: val(custID, reg(line, "CustomerId")),
			Src: reg(line, ""),
		})
	}
	vp := func(f string) export.Source { return at("Alexa.zip", profilesCSV, 2, f) }
	x.VoiceProfiles = []export.VoiceProfile{{ID: val(anna, vp("PersonId")), Name: val("Anna", vp("PersonFirstName")),
		Type: val("ADULT", vp("PersonType")), CustomerID: val(custID, vp("CustomerId")), Src: vp("")}}
	for i := 0; i < 4; i++ {
		dev := echoDot
		if i%2 == 1 {
			dev = echo
		}
		addRecording(x, i+2, custID, dev, anna, fmt.Sprintf("media/%04d.wav", i+1), true)
	}
	for _, w := range []export.Need{export.NeedCustomerProfile, export.NeedRegistration, export.NeedVoiceHistory, export.NeedVoiceProfiles} {
		x.Expected = append(x.Expected, export.Expectation{What: w, Path: string(w) + ".csv", Found: true, Src: export.Source{Path: string(w) + ".csv"}})
	}
	return x
}

// addRecording appends a voice-history row at line and, when present, its audio file.
func addRecording(x *export.Export, line int, cust, dev, person, audio string, present bool) {
	h := func(f string) export.Source { return at("Alexa.zip", historyCSV, line, f) }
	r := export.NewRecording(fmt.Sprintf("utt-%d", line), h(""))
	if cust != "" {
		r.Set(export.FieldCustomerID, val(cust, h("CustomerId")))
	}
	r.Set(export.FieldDevice, val(dev, h("DeviceSerialNumber")))
	if person != "" {
		r.Set(export.FieldPersonID, val(person, h("PersonId")))
	}
	r.Set(export.FieldTranscript, val("wie spät ist es", h("CustomerTranscript")))
	r.Set(export.FieldAudio, val(audio, h("AudioFile")))
	if audio != "" {
		full := "Alexa.VoiceHistory/" + audio
		r.SetAudio("", "", full)
		if present {
			r.SetAudio("Alexa.zip", full, full)
			x.Audio = append(x.Audio, export.AudioFile{Part: "Alexa.zip", Path: full, Size: 44, Referenced: true, OfRecording: true})
		}
	}
	x.Recordings = append(x.Recordings, r)
}

// amazon2018 is the single-ZIP layout of the 2018 case: the requester's
// profile, a registration holding only a Kindle, n bare WAVs and a transcript
// PDF with one line per WAV.
func amazon2018(n int) *export.Export {
	x := &export.Export{Vendor: export.Amazon, Layout: "single-zip-2018"}
	pr := func(f string) export.Source { return at("export.zip", profileCSV, 2, f) }
	x.CustomerIDs = []export.Value{val(custID, pr("CustomerId"))}
	x.Emails = []export.Value{val(annaEmail, pr("EmailAddress"))}
	reg := func(f string) export.Source { return at("export.zip", "Devices.Registration/"+regCSV, 2, f) }
	x.Devices = []export.Device{{Serial: val(kindle, reg("DeviceSerialNumber")), Type: val("AKINDLESYNTH01", reg("DeviceType")),
		Name: val("Annas Kindle", reg("AccountName")), CustomerID: val(custID, reg("CustomerId")), Src: reg("")}}
	for i := 0; i < n; i++ {
		p := fmt.Sprintf("Alexa/%04d.wav", i+1)
		src := export.Source{Part: "export.zip", Path: p}
		x.Audio = append(x.Audio, export.AudioFile{Part: "export.zip", Path: p, Size: 44, Referenced: true, OfRecording: true})
		r := export.NewRecording(p, src)
		r.Set(export.FieldAudio, val(p, src))
		r.SetAudio("export.zip", p, p)
		x.Recordings = append(x.Recordings, r)
		x.Transcripts = append(x.Transcripts, export.TranscriptLine{Text: "licht aus", Recording: i,
			Src: export.Source{Part: "export.zip", Path: "Alexa/transcript.pdf", Page: 1, Line: i + 1}})
	}
	x.Expected = []export.Expectation{
		{What: "customer-profile", Path: profileCSV, Found: true},
		{What: "registration", Path: regCSV, Found: true, Src: export.Source{Part: "export.zip", Path: "Devices.Registration/" + regCSV}},
		{What: "transcript", Path: "Alexa/*.pdf", Found: true},
	}
	return x
}

// takeout is a consistent two-part Takeout export of alice with three
// activity records, each with an MP3.
func takeout() *export.Export {
	x := &export.Export{Vendor: export.Google, Layout: "takeout"}
	p1, p2 := "takeout-20240301T101500Z-001.zip", "takeout-20240301T101500Z-002.zip"
	browser := export.Source{Part: p1, Path: "Takeout/archive_browser.html", Line: 12, Field: "header_title"}
	x.Emails = []export.Value{val(alice, browser)}
	x.Identities = []export.Identity{
		{Kind: "email", Value: val(alice, browser)},
		{Kind: "email", Value: val(alice, export.Source{Part: p1, Path: "Takeout/Profile/Profile.json", Pointer: "/emails/0/value", Field: "value"})},
	}
	x.Names = []export.Value{val("Alice Muster", export.Source{Part: p1, Path: "Takeout/Profile/Profile.json", Pointer: "/name/formattedName"})}
	x.Parts = []export.Part{
		{Name: p1, Account: alice, Listed: true, Src: browser},
		{Name: p2, Listed: true, Src: export.Source{Part: p2}},
	}
	act := "Takeout/My Activity/Assistant/MyActivity.json"
	for i := 0; i < 3; i++ {
		part := p1
		if i == 2 {
			part = p2
		}
		mp3 := fmt.Sprintf("Takeout/My Activity/Assistant/2024-03-0%d_10_00_00_000_UTC.mp3", i+1)
		ptr := fmt.Sprintf("/%d", i)
		r := export.NewRecording(act+"#"+ptr, export.Source{Part: p1, Path: act, Pointer: ptr})
		r.Set(export.FieldTranscript, val("wie wird das Wetter", export.Source{Part: p1, Path: act, Pointer: ptr + "/title"}))
		r.Set(export.FieldAudio, val(mp3, export.Source{Part: p1, Path: act, Pointer: ptr + "/audioFiles/0", Field: "audioFiles"}))
		r.SetAudio(part, mp3, mp3)
		x.Recordings = append(x.Recordings, r)
		x.Audio = append(x.Audio, export.AudioFile{Part: part, Path: mp3, Size: 100, Referenced: true, OfRecording: true})
	}
	x.Expected = []export.Expectation{
		{What: "activity", Path: act, Found: true},
		{What: "profile", Path: "Takeout/Profile/Profile.json", Found: true},
		{What: "archive-browser", Path: "Takeout/archive_browser.html", Found: true},
	}
	return x
}

// summary renders findings as "severity rule subject records" lines.
func summary(fs []Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s %s %q %d", f.Severity, f.Rule, f.Subject, f.Records))
	}
	return out
}

func wantFindings(t *testing.T, r *Report, want []string) {
	t.Helper()
	got := summary(r.Findings)
	if !slices.Equal(got, want) {
		t.Errorf("findings:\ngot  %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

func findRule(r *Report, rule RuleID, sev Severity) *Finding {
	for i := range r.Findings {
		if r.Findings[i].Rule == rule && r.Findings[i].Severity == sev {
			return &r.Findings[i]
		}
	}
	return nil
}
