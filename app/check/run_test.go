package check

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"exportlens/app/export"
)

func TestClaim(t *testing.T) {
	x := amazonClean()
	// A second registration row of the Echo Dot, and a device of another customer.
	x.Devices = append(x.Devices, x.Devices[0])
	foreign := x.Devices[1]
	foreign.Serial.Text, foreign.CustomerID.Text = foreignDev, foreignID
	x.Devices = append(x.Devices, foreign)
	r := Run(x, Declared{Devices: []string{echoDot, echo}})
	got, err := json.Marshal(r.Claim)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"customerIds":["A1B2C3D4E5F6G7"],"emails":["anna.beispiel@example.com"],"names":["Anna Beispiel"],` +
		`"devices":[{"serial":"G070RQ0000000001","type":"A3S5BH2HU6VAYF","name":"Küche","product":"Echo Dot (Gen 2)"},{"serial":"G090LF0000000002","type":"A7WXQPH584YP","name":"Wohnzimmer","product":"Echo (Gen 2)"}],` +
		`"voiceProfiles":[{"id":"amzn1.actor.person.oid.A1ANNAPROFILE1","name":"Anna"}],` +
		`"declared":{"emails":[],"customerIds":[],"devices":["G070RQ0000000001","G090LF0000000002"],"noDevices":false}}`
	if string(got) != want {
		t.Errorf("claim:\ngot  %s\nwant %s", got, want)
	}
	wantSum := Summary{Recordings: 4, Transcripts: 4, Devices: 3, VoiceProfiles: 1}
	if r.Summary != wantSum {
		t.Errorf("summary: got %+v, want %+v", r.Summary, wantSum)
	}
}

func TestSummaryTranscripts(t *testing.T) {
	// 2018: the loader copies each matched line into its recording; a
	// transcript counts once, and a line without recording counts too.
	x := amazon2018(3)
	for i := range x.Recordings {
		x.Recordings[i].Set(export.FieldTranscript, val(x.Transcripts[i].Text, x.Transcripts[i].Src))
	}
	x.Transcripts = append(x.Transcripts, export.TranscriptLine{Text: "extra", Recording: -1})
	if got := Run(x, Declared{}).Summary.Transcripts; got != 4 {
		t.Errorf("transcripts: got %d, want 4", got)
	}
}

func TestEvidence(t *testing.T) {
	t.Run("unregistered device: first rows in source order", func(t *testing.T) {
		x := amazonClean()
		for line := 30; line >= 6; line-- { // listed backwards on purpose
			addRecording(x, line, custID, foreignDev, anna, "", false)
		}
		r := Run(x, Declared{})
		f := findRule(r, RuleUnregisteredDevice, Mismatch)
		if f == nil {
			t.Fatalf("no unregistered-device finding in %v", summary(r.Findings))
		}
		if f.Records != 25 {
			t.Errorf("records: got %d, want 25", f.Records)
		}
		var lines []int
		for _, e := range f.Evidence {
			lines = append(lines, e.Line)
			if e.Part != "Alexa.zip" || e.Path != historyCSV || e.Field != "DeviceSerialNumber" || e.Value != foreignDev {
				t.Errorf("evidence: got %+v, want Alexa.zip %s DeviceSerialNumber = %s", e, historyCSV, foreignDev)
			}
		}
		if want := []int{6, 7, 8, 9, 10}; !slices.Equal(lines, want) {
			t.Errorf("evidence lines: got %v, want %v", lines, want)
		}
		var wantAff []int
		for i := 4; i < 29; i++ {
			wantAff = append(wantAff, i)
		}
		if !slices.Equal(f.Affected, wantAff) {
			t.Errorf("affected: got %v, want %v", f.Affected, wantAff)
		}
		if f.Title != "25 recordings come from a device that is not registered to this account" {
			t.Errorf("title: got %q", f.Title)
		}
	})
	t.Run("2018: audio files and the registration line", func(t *testing.T) {
		r := Run(amazon2018(8), Declared{})
		f := findRule(r, RuleRecordingsWithoutDevice, Likely)
		if f == nil {
			t.Fatalf("no recordings-without-device finding in %v", summary(r.Findings))
		}
		want := []Evidence{
			{Part: "export.zip", Path: "Alexa/0001.wav"},
			{Part: "export.zip", Path: "Alexa/0002.wav"},
			{Part: "export.zip", Path: "Alexa/0003.wav"},
			{Part: "export.zip", Path: "Alexa/0004.wav"},
			{Part: "export.zip", Path: "Devices.Registration/registration.csv", Line: 2, Field: "DeviceType", Value: "AKINDLESYNTH01"},
		}
		if !slices.Equal(f.Evidence, want) {
			t.Errorf("evidence:\ngot  %+v\nwant %+v", f.Evidence, want)
		}
		if len(f.Affected) != 8 {
			t.Errorf("affected: got %d recordings, want 8", len(f.Affected))
		}
	})
	t.Run("identity conflict: both places", func(t *testing.T) {
		x := takeout()
		x.Identities[1].Value.Text = bob
		f := findRule(Run(x, Declared{}), RuleIdentityConflict, Mismatch)
		if f == nil {
			t.Fatal("no identity-conflict finding")
		}
		if len(f.Evidence) != 2 || f.Evidence[0].Path != "Takeout/archive_browser.html" || f.Evidence[0].Value != alice ||
			f.Evidence[1].Pointer != "/emails/0/value" || f.Evidence[1].Value != bob {
			t.Errorf("evidence: got %+v, want the overview naming %s, then Profile.json naming %s", f.Evidence, alice, bob)
		}
	})
	t.Run("unrecognized speaker: pointer to the details", func(t *testing.T) {
		x := takeout()
		x.Recordings[1].Unrecognized = true
		f := findRule(Run(x, Declared{}), RuleUnrecognizedSpeaker, Likely)
		if f == nil {
			t.Fatal("no unrecognized-speaker finding")
		}
		if len(f.Evidence) != 1 || f.Evidence[0].Pointer != "/1/details" || !slices.Equal(f.Affected, []int{1}) {
			t.Errorf("got evidence %+v affected %v, want pointer /1/details, affected [1]", f.Evidence, f.Affected)
		}
	})
	t.Run("normalisation note: raw values", func(t *testing.T) {
		x := amazonClean()
		x.Recordings[2].Set(export.FieldDevice, val("g070rq0000000001", x.Recordings[2].Device().Src()).WithRaw("g070rq0000000001\u00a0"))
		f := findRule(Run(x, Declared{}), RuleUnregisteredDevice, Note)
		if f == nil {
			t.Fatal("no note")
		}
		if f.Title != "1 value matches only after normalising spaces, letter case or Unicode form" {
			t.Errorf("title: got %q", f.Title)
		}
		if len(f.Evidence) != 1 || f.Evidence[0].Value != "g070rq0000000001" || f.Evidence[0].Raw != "g070rq0000000001\u00a0" || f.Evidence[0].Line != 4 {
			t.Errorf("evidence: got %+v, want line 4 with the value and its raw form", f.Evidence)
		}
	})
	t.Run("JSON pointers in numeric order", func(t *testing.T) {
		x := takeout()
		for i := range x.Recordings {
			x.Recordings[i].Unrecognized = true
		}
		for _, i := range []int{10, 9, 100, 2} {
			rec := x.Recordings[0]
			src := rec.Src()
			src.Pointer = fmt.Sprintf("/%d", i)
			rec.SetSrc(src)
			x.Recordings = append(x.Recordings, rec)
		}
		f := findRule(Run(x, Declared{}), RuleUnrecognizedSpeaker, Likely)
		var got []string
		for _, e := range f.Evidence {
			got = append(got, e.Pointer)
		}
		want := []string{"/0/details", "/1/details", "/2/details", "/9/details", "/10/details"}
		if !slices.Equal(got, want) {
			t.Errorf("pointers: got %v, want %v", got, want)
		}
	})
}

func TestVerdict(t *testing.T) {
	tests := []struct {
		name      string
		sevs      []Severity
		checkable bool
		want      string
		records   int             // records of each finding
		bad       *export.Problem // a needed file that could not be read
	}{
		{"nothing found", nil, true, VerdictConsistent, 0, nil},
		{"notes only", []Severity{Note, Note}, true, VerdictConsistent, 0, nil},
		{"a check could not be made", []Severity{Unknown}, true, VerdictConsistent, 0, nil},
		{"likely is enough", []Severity{Note, Likely}, true, VerdictMismatch, 0, nil},
		{"mismatch", []Severity{Mismatch}, true, VerdictMismatch, 0, nil},
		{"not checkable", []Severity{Unknown}, false, VerdictUnknown, 0, nil},
		{"not checkable, yet foreign", []Severity{Unknown, Likely}, false, VerdictMismatch, 0, nil},
		{"recordings that cannot be told", []Severity{Note, Unknown}, true, VerdictUnknown, 3, nil},
		{"recordings that cannot be told, yet foreign", []Severity{Unknown, Likely}, true, VerdictMismatch, 3, nil},
		{"a needed file unreadable", nil, true, VerdictUnknown, 0, &export.Problem{Kind: "json"}},
		{"a needed file unreadable, yet foreign", []Severity{Mismatch}, true, VerdictMismatch, 1, &export.Problem{Kind: "json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fs []Finding
			for _, s := range tt.sevs {
				fs = append(fs, Finding{Severity: s, Records: tt.records})
			}
			got, why := verdict(fs, tt.checkable, tt.bad)
			if got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
			if hasWhy := why.finding != nil || why.problem != nil; (got == VerdictUnknown) != hasWhy && tt.checkable {
				t.Errorf("reason given: %v, verdict %s", hasWhy, got)
			}
			r := &Report{Findings: fs, Verdict: tt.want}
			wantExit := map[string]int{VerdictConsistent: 0, VerdictMismatch: 1, VerdictUnknown: 3}[tt.want]
			if got := r.ExitCode(); got != wantExit {
				t.Errorf("exit code: got %d, want %d", got, wantExit)
			}
		})
	}
}

// messy is an export that triggers most rules at once.
func messy() *export.Export {
	x := amazonClean()
	addRecording(x, 6, foreignID, foreignDev, stranger, "media/0099.wav", true)
	addRecording(x, 7, custID, foreignDev, anna, "media/gone.wav", false)
	addRecording(x, 8, " a1b2c3d4e5f6g7", "g090lf0000000002", anna, "", false)
	x.Audio = append(x.Audio, export.AudioFile{Part: "Alexa.zip", Path: mediaDir + "/stray1.wav"}, export.AudioFile{Part: "Alexa.zip", Path: "other/stray2.wav"})
	x.Identities = append(x.Identities, export.Identity{Kind: "customer-id", Value: x.Recordings[4].CustomerID()},
		export.Identity{Kind: "email", Value: val(bob, at("Alexa.zip", "Alexa.Settings/settings.csv", 2, "Email"))})
	x.Problems = []export.Problem{{Src: export.Source{Part: "Alexa.zip", Path: "b.csv"}, Reason: "csv: bad quote"}, {Src: export.Source{Part: "Alexa.zip", Path: "a.json"}, Reason: "json: truncated"}}
	x.Transcripts = []export.TranscriptLine{{Text: "x", Recording: 0, Src: export.Source{Path: "t.pdf", Page: 1, Line: 1}}, {Text: "y", Recording: -1, Src: export.Source{Path: "t.pdf", Page: 1, Line: 2}}}
	return x
}

// shuffle reorders every list of the export (keeping transcript lines
// pointing to the same recordings).
func shuffle(x *export.Export, rng *rand.Rand) {
	perm := rng.Perm(len(x.Recordings))
	recs := make([]export.Recording, len(x.Recordings))
	where := make([]int, len(x.Recordings))
	for to, from := range perm {
		recs[to] = x.Recordings[from]
		where[from] = to
	}
	x.Recordings = recs
	for i := range x.Transcripts {
		if r := x.Transcripts[i].Recording; r >= 0 {
			x.Transcripts[i].Recording = where[r]
		}
	}
	sh := func(n int, swap func(i, j int)) { rng.Shuffle(n, swap) }
	sh(len(x.Devices), func(i, j int) { x.Devices[i], x.Devices[j] = x.Devices[j], x.Devices[i] })
	sh(len(x.VoiceProfiles), func(i, j int) { x.VoiceProfiles[i], x.VoiceProfiles[j] = x.VoiceProfiles[j], x.VoiceProfiles[i] })
	sh(len(x.Audio), func(i, j int) { x.Audio[i], x.Audio[j] = x.Audio[j], x.Audio[i] })
	sh(len(x.Identities), func(i, j int) { x.Identities[i], x.Identities[j] = x.Identities[j], x.Identities[i] })
	sh(len(x.Expected), func(i, j int) { x.Expected[i], x.Expected[j] = x.Expected[j], x.Expected[i] })
	sh(len(x.Problems), func(i, j int) { x.Problems[i], x.Problems[j] = x.Problems[j], x.Problems[i] })
	sh(len(x.Transcripts), func(i, j int) { x.Transcripts[i], x.Transcripts[j] = x.Transcripts[j], x.Transcripts[i] })
	sh(len(x.Parts), func(i, j int) { x.Parts[i], x.Parts[j] = x.Parts[j], x.Parts[i] })
	sh(len(x.Emails), func(i, j int) { x.Emails[i], x.Emails[j] = x.Emails[j], x.Emails[i] })
}

func TestDeterministicJSON(t *testing.T) {
	inputs := map[string]func() *export.Export{
		"messy": messy,
		"2018":  func() *export.Export { return amazon2018(7) },
		"takeout": func() *export.Export {
			x := takeout()
			x.Parts[1].Account = bob
			x.Identities[1].Value.Text = bob
			return x
		},
	}
	d := Declared{Emails: []string{"anna@example.org"}, Devices: []string{echoDot}, NoDevices: true}
	for name, mk := range inputs {
		t.Run(name, func(t *testing.T) {
			first, err := json.Marshal(Run(mk(), d))
			if err != nil {
				t.Fatal(err)
			}
			again, _ := json.Marshal(Run(mk(), d))
			if !bytes.Equal(first, again) {
				t.Fatalf("two runs differ:\n%s\n%s", first, again)
			}
			rng := rand.New(rand.NewPCG(1, 2))
			for i := 0; i < 20; i++ {
				x := mk()
				shuffle(x, rng)
				got, _ := json.Marshal(Run(x, d))
				if !bytes.Equal(got, first) {
					t.Fatalf("shuffled input %d gives another report:\ngot  %s\nwant %s", i, got, first)
				}
			}
		})
	}
}

func TestReportShape(t *testing.T) {
	r := Run(messy(), Declared{})
	if r.Schema != Schema || r.Vendor != "amazon" {
		t.Errorf("got schema %q vendor %q, want %q amazon", r.Schema, r.Vendor, Schema)
	}
	wantProblems := []Problem{{Part: "Alexa.zip", Path: "a.json", Reason: "json: truncated"}, {Part: "Alexa.zip", Path: "b.csv", Reason: "csv: bad quote"}}
	if !slices.Equal(r.Problems, wantProblems) {
		t.Errorf("problems: got %+v, want %+v", r.Problems, wantProblems)
	}
	for i := 1; i < len(r.Findings); i++ {
		a, b := r.Findings[i-1], r.Findings[i]
		if sevRank(a.Severity) > sevRank(b.Severity) || (a.Severity == b.Severity && a.Rule > b.Rule) ||
			(a.Severity == b.Severity && a.Rule == b.Rule && a.Subject > b.Subject) {
			t.Errorf("findings out of order: %s %s %s before %s %s %s", a.Severity, a.Rule, a.Subject, b.Severity, b.Rule, b.Subject)
		}
	}
	// Empty lists are [] in JSON, never null.
	empty, _ := json.Marshal(Run(&export.Export{Vendor: export.Amazon}, Declared{}))
	for _, null := range []string{`"inputs":null`, `"findings":null`, `"evidence":null`, `"customerIds":null`, `"devices":null`, `"emails":null`} {
		if bytes.Contains(empty, []byte(null)) {
			t.Errorf("report holds %s: %s", null, empty)
		}
	}
	if bytes.Contains(empty, []byte(`"problems"`)) {
		t.Errorf("report of an export without problems lists problems: %s", empty)
	}
}

func TestRunNil(t *testing.T) {
	r := Run(nil, Declared{})
	if r.Verdict != VerdictUnknown || r.Vendor != "unknown" {
		t.Errorf("got verdict %s vendor %s, want unknown unknown", r.Verdict, r.Vendor)
	}
}

// TestClaimShowsCanonicalIDs: a profile that writes its customer ID in
// lower case with spaces still shows the ID as Amazon writes it, and the
// rows that write it properly match (after normalising).
func TestClaimShowsCanonicalIDs(t *testing.T) {
	x := amazonClean()
	x.CustomerIDs[0].Text = " a1b2c3d4e5f6g7 "
	x.Emails[0].Text = "Anna.Beispiel@Example.com"
	r := Run(x, Declared{})
	if !slices.Equal(r.Claim.CustomerIDs, []string{custID}) || !slices.Equal(r.Claim.Emails, []string{annaEmail}) {
		t.Errorf("claim: got %v %v, want [%s] [%s]", r.Claim.CustomerIDs, r.Claim.Emails, custID, annaEmail)
	}
	// 4 recordings, 2 registrations, 1 voice profile, 1 identity cell.
	wantFindings(t, r, []string{`note foreign-customer "" 8`})
	if r.Verdict != VerdictConsistent {
		t.Errorf("verdict: got %s, want consistent", r.Verdict)
	}
}

// TestVerdictCannotTell: the verdict is consistent only when every recording
// is explained. The 2018 story with a device type nobody knows, or with no
// device list, and a Takeout whose activity file or a part is damaged, cannot
// tell, and the verdict line says why in both languages; a problem on a file
// no check needs, or a warning that is no damage, leaves a clean export
// consistent.
func TestVerdictCannotTell(t *testing.T) {
	p1 := "takeout-20240301T101500Z-001.zip"
	act := "Takeout/My Activity/Assistant/MyActivity.json"
	withProblem := func(p export.Problem) func() *export.Export {
		return func() *export.Export {
			x := takeout()
			x.Problems = append(x.Problems, p)
			return x
		}
	}
	tests := []struct {
		name   string
		x      func() *export.Export
		want   string
		en, de string // the verdict line
	}{
		{name: "2018: device of unknown type", x: func() *export.Export {
			x := amazon2018(3)
			x.Devices[0].Type.Text = "AZZZZUNKNOWNZZ"
			return x
		}, want: VerdictUnknown,
			en: "Verdict: cannot tell whether this export is yours. 3 recordings can only come from device G000KI0000000003, whose type AZZZZUNKNOWNZZ is unknown: cannot tell whether it records voice.",
			de: "Ergebnis: Ob dieser Export Ihnen gehört, ist nicht feststellbar. 3 Aufnahmen können nur von Gerät G000KI0000000003 stammen, dessen Typ AZZZZUNKNOWNZZ unbekannt ist: ob es Sprache aufnimmt, ist nicht feststellbar."},
		{name: "2018: no device list", x: func() *export.Export {
			x := amazon2018(1)
			x.Devices = nil
			x.Expected[1].Found = false
			return x
		}, want: VerdictUnknown,
			en: "Verdict: cannot tell whether this export is yours. Cannot tell whether 1 recording comes from this account's devices: registration.csv is missing.",
			de: "Ergebnis: Ob dieser Export Ihnen gehört, ist nicht feststellbar. Ob 1 Aufnahme von einem Gerät dieses Kontos stammt, ist nicht feststellbar: registration.csv fehlt."},
		{name: "2018: registration unreadable", x: func() *export.Export {
			x := amazon2018(3)
			x.Devices = append(x.Devices, amazonClean().Devices[0]) // an Echo explains the recordings
			x.Problems = []export.Problem{{Src: x.Expected[1].Src, Kind: "csv", Reason: "csv: bad quote"}}
			return x
		}, want: VerdictUnknown,
			en: "Verdict: cannot tell whether this export is yours. A file the checks need could not be read: export.zip!Devices.Registration/registration.csv.",
			de: "Ergebnis: Ob dieser Export Ihnen gehört, ist nicht feststellbar. Eine Datei, die für die Prüfung nötig ist, ist nicht lesbar: export.zip!Devices.Registration/registration.csv."},
		{name: "takeout: activity file damaged", x: withProblem(export.Problem{Src: export.Source{Part: p1, Path: act}, Kind: "json", Reason: "json: unexpected end of input"}),
			want: VerdictUnknown,
			en:   "Verdict: cannot tell whether this export is yours. A file the checks need could not be read: " + p1 + "!" + act + ".",
			de:   "Ergebnis: Ob dieser Export Ihnen gehört, ist nicht feststellbar. Eine Datei, die für die Prüfung nötig ist, ist nicht lesbar: " + p1 + "!" + act + "."},
		{name: "takeout: real activity name damaged", x: withProblem(export.Problem{Src: export.Source{Part: p1, Path: "Takeout/My Activity/Google Assistant/My Activity.json"}, Kind: "json", Reason: "json: unexpected end of input"}),
			want: VerdictUnknown,
			en:   "Verdict: cannot tell whether this export is yours. A file the checks need could not be read: " + p1 + "!Takeout/My Activity/Google Assistant/My Activity.json."},
		{name: "takeout: a part damaged", x: withProblem(export.Problem{Src: export.Source{Part: "takeout-20240301T101500Z-003.zip"}, Kind: "archive", Reason: "zip: not a valid zip file"}),
			want: VerdictUnknown,
			en:   "Verdict: cannot tell whether this export is yours. A part of the export could not be read: takeout-20240301T101500Z-003.zip.",
			de:   "Ergebnis: Ob dieser Export Ihnen gehört, ist nicht feststellbar. Ein Teil des Exports ist nicht lesbar: takeout-20240301T101500Z-003.zip."},
		{name: "takeout: a file no check needs damaged", x: withProblem(export.Problem{Src: export.Source{Part: p1, Path: "Takeout/YouTube/history/watch-history.json"}, Kind: "json", Reason: "json: unexpected end of input"}),
			want: VerdictConsistent, en: "Verdict: nothing in this export points to someone else."},
		{name: "takeout: activity held twice", x: withProblem(export.Problem{Src: export.Source{Part: p1, Path: act}, Kind: "duplicate", Reason: "the archive holds more than one member with this name; every copy is kept and read"}),
			want: VerdictConsistent, en: "Verdict: nothing in this export points to someone else."},
		// Notes on a file that was read whole leave the verdict as it is.
		{name: "takeout: activity in a zone nobody knows", x: withProblem(export.Problem{Src: export.Source{Part: p1, Path: act}, Kind: export.ProblemZone, Zone: "WIB", Reason: "times in zone WIB, which is unknown, are read as UTC"}),
			want: VerdictConsistent, en: "Verdict: nothing in this export points to someone else."},
		{name: "amazon: a description row in the registration's ID column", x: func() *export.Export {
			x := amazonClean()
			x.Problems = []export.Problem{{Src: x.Expected[1].Src, Kind: export.ProblemIDShape, Reason: `line 2: column "DeviceSerialNumber" holds a value that is not a device serial; not read as one`}}
			return x
		}, want: VerdictConsistent, en: "Verdict: nothing in this export points to someone else."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Run(tt.x(), Declared{})
			if r.Verdict != tt.want {
				t.Fatalf("verdict: got %s, want %s; findings %v", r.Verdict, tt.want, summary(r.Findings))
			}
			if want := map[string]int{VerdictConsistent: ExitConsistent, VerdictUnknown: ExitUnknown}[tt.want]; r.ExitCode() != want {
				t.Errorf("exit code: got %d, want %d", r.ExitCode(), want)
			}
			for lang, want := range map[string]string{"en": tt.en, "de": tt.de} {
				if want == "" {
					continue
				}
				if got, _, _ := strings.Cut(writeText(t, r, lang), "\n"); got != want {
					t.Errorf("%s verdict line:\n got %q\nwant %q", lang, got, want)
				}
			}
		})
	}
}
