package check

import (
	"strings"
	"testing"

	"exportlens/app/export"
)

// Synthetic identifiers for the declared-fact tests.
const (
	ownNumericID  = "123456789012"                         // the numeric form of Search-Data's "Customer ID"
	otherNumeric  = "987654321098"                         // another customer's numeric ID
	uuidSerial    = "0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9" // a real-shaped long serial with hyphens
	searchDataCSV = "Search-Data/Search-Data.Product-Metrics.csv"
)

// withNumericID is amazonClean whose Search-Data also names the account by
// its numeric customer ID.
func withNumericID() *export.Export {
	x := amazonClean()
	src := at("Search-Data.zip", searchDataCSV, 2, "Customer ID")
	x.Identities = append(x.Identities, export.Identity{Kind: "customer-id", Value: val(ownNumericID, src)})
	return x
}

// registrationMissing is the 2018 story without a device list: recordings
// carry no serial, and nothing shows which devices the account has.
func registrationMissing() *export.Export {
	x := amazon2018(3)
	x.Devices = nil
	x.Expected[1].Found = false
	x.Expected[1].Src = export.Source{}
	return x
}

// unknownType is the 2018 story whose one registered device has a type code
// nobody knows.
func unknownType() *export.Export {
	x := amazon2018(3)
	x.Devices[0].Type.Text = "AZZZUNKNOWN999"
	return x
}

func TestDeclared(t *testing.T) {
	tests := []struct {
		name string
		x    func() *export.Export
		d    Declared
		// want: "severity rule subject records" of the findings of
		// declared-mismatch, recordings-without-device and the missing
		// registration, in report order.
		want []string
		// verdict: "" where another rule decides it (foreign-customer on a
		// numeric customer ID is the loader's and that rule's business).
		verdict  string
		question Question
	}{
		// Typed as people type: spaces around and inside, case, hyphens.
		{name: "customer ID in groups, lower case", x: amazonClean, d: Declared{CustomerIDs: []string{"a1b2 c3d4 e5f6 g7"}},
			want: []string{}, verdict: VerdictConsistent},
		{name: "customer ID padded, with hyphens", x: amazonClean, d: Declared{CustomerIDs: []string{" A1B2-C3D4-E5F6-G7\t"}},
			want: []string{}, verdict: VerdictConsistent},
		{name: "e-mail padded, capitals", x: amazonClean, d: Declared{Emails: []string{" Anna.Beispiel@Example.com "}},
			want: []string{}, verdict: VerdictConsistent},
		{name: "e-mail with a stray space inside", x: amazonClean, d: Declared{Emails: []string{"anna.beispiel @example.com"}},
			want: []string{}, verdict: VerdictConsistent},
		{name: "serials with spaces and hyphens", x: amazonClean, d: Declared{Devices: []string{"g070 rq00 0000 0001", "G090-LF00-0000-0002 "}},
			want: []string{}, verdict: VerdictConsistent},
		{name: "uuid serial typed without hyphens", x: func() *export.Export {
			x := amazonClean()
			x.Devices[1].Serial.Text = uuidSerial
			for i := range x.Recordings {
				if x.Recordings[i].Device().Text == echo {
					setText(&x.Recordings[i], export.FieldDevice, uuidSerial)
				}
			}
			return x
		}, d: Declared{Devices: []string{echoDot, strings.ToLower(strings.ReplaceAll(uuidSerial, "-", ""))}},
			want: []string{}, verdict: VerdictConsistent},

		// Customer IDs: every one the export holds, in its own form.
		{name: "A-form ID differs from the claim", x: amazonClean, d: Declared{CustomerIDs: []string{foreignID}},
			want: []string{`mismatch declared-mismatch "A1B2C3D4E5F6G7" 4`}, verdict: VerdictMismatch},
		{name: "A-form ID matches the claim, a numeric one is held too", x: withNumericID, d: Declared{CustomerIDs: []string{custID}},
			want: []string{}},
		{name: "numeric ID matches the numeric one", x: withNumericID, d: Declared{CustomerIDs: []string{ownNumericID}},
			want: []string{}},
		{name: "numeric ID typed in groups", x: withNumericID, d: Declared{CustomerIDs: []string{"1234 5678 9012"}},
			want: []string{}},
		{name: "numeric ID differs from the numeric one", x: withNumericID, d: Declared{CustomerIDs: []string{otherNumeric}},
			want: []string{`mismatch declared-mismatch "123456789012" 4`}},
		{name: "one of two declared IDs matches", x: withNumericID, d: Declared{CustomerIDs: []string{foreignID, ownNumericID}},
			want: []string{}},
		{name: "numeric ID, the export holds only the A-form", x: amazonClean, d: Declared{CustomerIDs: []string{otherNumeric}},
			want: []string{`unknown declared-mismatch "987654321098" 0`}, verdict: VerdictConsistent},
		{name: "A-form ID, the export holds only a numeric one", x: func() *export.Export {
			x := withNumericID()
			x.CustomerIDs = nil
			x.Identities = x.Identities[1:]
			return x
		}, d: Declared{CustomerIDs: []string{foreignID}},
			want: []string{`unknown declared-mismatch "A9Z8Y7X6W5V4U3" 0`}, verdict: VerdictConsistent},
		{name: "an ID without a customer ID's form", x: amazonClean, d: Declared{CustomerIDs: []string{"12-ab"}},
			want: []string{`unknown declared-mismatch "12AB" 0`}, verdict: VerdictConsistent},
		{name: "declared ID is the one of a stranger's row", x: func() *export.Export {
			x := amazonClean()
			addRecording(x, 6, foreignID, echoDot, anna, "", false)
			x.Identities = append(x.Identities, export.Identity{Kind: "customer-id", Value: x.Recordings[4].CustomerID()})
			return x
		}, d: Declared{CustomerIDs: []string{foreignID}},
			want: []string{`mismatch declared-mismatch "A1B2C3D4E5F6G7" 5`}, verdict: VerdictMismatch},

		// Devices the person did not list.
		{name: "registered device not listed", x: amazonClean, d: Declared{Devices: []string{echoDot}},
			want: []string{`note declared-mismatch "G090LF0000000002" 2`}, verdict: VerdictConsistent},
		{name: "a second voice device registered, without recordings, not listed", x: func() *export.Export {
			x := amazonClean()
			dv := x.Devices[1]
			dv.Serial.Text, dv.Src.Line = "G090LF0000000007", 4
			x.Devices = append(x.Devices, dv)
			return x
		}, d: Declared{Devices: []string{echoDot, echo}},
			want: []string{`note declared-mismatch "G090LF0000000007" 0`}, verdict: VerdictConsistent},

		// The voice-device question.
		{name: "no device list, no answer", x: registrationMissing,
			want:    []string{`unknown recordings-without-device "registration.csv" 3`},
			verdict: VerdictUnknown, question: QuestionVoiceDevice},
		{name: "no device list, answered no", x: registrationMissing, d: Declared{NoDevices: true},
			want: []string{
				`likely declared-mismatch "voice recordings" 3`,
				`unknown unregistered-device "registration.csv" 0`,
			}, verdict: VerdictMismatch, question: QuestionVoiceDevice},
		{name: "no device list, answered yes", x: registrationMissing, d: Declared{OwnsDevice: true},
			want: []string{
				`unknown unregistered-device "registration.csv" 0`,
				`note recordings-without-device "registration.csv" 3`,
			}, verdict: VerdictConsistent, question: QuestionVoiceDevice},
		{name: "no device list, a serial given", x: registrationMissing, d: Declared{Devices: []string{"G070 RQ00 0000 0005"}},
			want: []string{
				`unknown unregistered-device "registration.csv" 0`,
				`note recordings-without-device "registration.csv" 3`,
			}, verdict: VerdictConsistent, question: QuestionVoiceDevice},
		{name: "unknown device type, no answer", x: unknownType,
			want:    []string{`unknown recordings-without-device "G000KI0000000003" 3`},
			verdict: VerdictUnknown, question: QuestionVoiceDevice},
		{name: "unknown device type, answered no", x: unknownType, d: Declared{NoDevices: true},
			want:    []string{`likely declared-mismatch "voice recordings" 3`},
			verdict: VerdictMismatch, question: QuestionVoiceDevice},
		{name: "unknown device type, answered yes", x: unknownType, d: Declared{OwnsDevice: true},
			want:    []string{`note recordings-without-device "G000KI0000000003" 3`},
			verdict: VerdictConsistent, question: QuestionVoiceDevice},
		// Only a Kindle registered: the question does not apply, and a yes
		// does not explain recordings that no registered device can make.
		{name: "only a Kindle, answered yes", x: func() *export.Export { return amazon2018(3) }, d: Declared{OwnsDevice: true},
			want:    []string{`likely recordings-without-device "Alexa/" 3`},
			verdict: VerdictMismatch},
		{name: "clean export asks nothing", x: amazonClean, want: []string{}, verdict: VerdictConsistent},
		{name: "takeout asks nothing", x: takeout, want: []string{}, verdict: VerdictConsistent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Run(tt.x(), tt.d)
			mine := *r
			mine.Findings = nil
			for _, f := range r.Findings {
				switch {
				case f.Rule == RuleDeclaredMismatch, f.Rule == RuleRecordingsWithoutDevice,
					f.Rule == RuleUnregisteredDevice && f.Severity == Unknown:
					mine.Findings = append(mine.Findings, f)
				}
			}
			wantFindings(t, &mine, tt.want)
			if tt.verdict != "" && r.Verdict != tt.verdict {
				t.Errorf("verdict: got %s, want %s", r.Verdict, tt.verdict)
			}
			if r.Question != tt.question {
				t.Errorf("question: got %q, want %q", r.Question, tt.question)
			}
			wantAnswer := ""
			switch {
			case tt.question == "":
			case tt.d.NoDevices:
				wantAnswer = AnswerNo
			case tt.d.OwnsDevice || len(tt.d.Devices) > 0:
				wantAnswer = AnswerYes
			}
			if r.Answer() != wantAnswer {
				t.Errorf("answer: got %q, want %q", r.Answer(), wantAnswer)
			}
			for _, f := range r.Findings {
				if f.Severity == Mismatch && f.Rule == RuleDeclaredMismatch && len(f.Evidence) == 0 {
					t.Errorf("mismatch %q without evidence", f.Subject)
				}
			}
		})
	}
}

// TestDeclaredMismatchEvidence: a declared numeric ID that differs shows
// where the export names the numeric one.
func TestDeclaredMismatchEvidence(t *testing.T) {
	r := Run(withNumericID(), Declared{CustomerIDs: []string{otherNumeric}})
	f := findRule(r, RuleDeclaredMismatch, Mismatch)
	if f == nil {
		t.Fatalf("no mismatch: %v", summary(r.Findings))
	}
	if len(f.Evidence) != 1 || f.Evidence[0].Path != searchDataCSV || f.Evidence[0].Value != ownNumericID {
		t.Errorf("evidence: got %+v, want %s = %s", f.Evidence, searchDataCSV, ownNumericID)
	}
}

// TestTextNamesTheSettlingFlags: under a "cannot tell" verdict that the
// voice-device question settles, the text report names --no-devices and
// --device in either language; it says nothing of them elsewhere.
func TestTextNamesTheSettlingFlags(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		lines := strings.Split(writeText(t, Run(registrationMissing(), Declared{}), lang), "\n")
		if !strings.HasPrefix(lines[0], map[string]string{"en": "Verdict: cannot tell", "de": "Ergebnis: Ob dieser Export"}[lang]) {
			t.Errorf("%s: first line %q is not the cannot-tell verdict", lang, lines[0])
		}
		if !strings.Contains(lines[1], "--no-devices") || !strings.Contains(lines[1], "--device ") {
			t.Errorf("%s: line under the verdict %q does not name --no-devices and --device", lang, lines[1])
		}
		for _, x := range []*export.Export{amazonClean(), amazon2018(3)} {
			if s := writeText(t, Run(x, Declared{}), lang); strings.Contains(s, "--no-devices") {
				t.Errorf("%s: a report the question does not settle names the flags:\n%s", lang, s)
			}
		}
		answered := writeText(t, Run(registrationMissing(), Declared{NoDevices: true}), lang)
		if strings.Contains(answered, "--no-devices") {
			t.Errorf("%s: an answered question still names the flags:\n%s", lang, answered)
		}
	}
	de := writeText(t, Run(registrationMissing(), Declared{OwnsDevice: true}), "de")
	if !strings.Contains(de, "\n  ein Gerät, das Ihre Stimme für Alexa aufnimmt (ohne Seriennummer)\n") {
		t.Errorf("de: the declared yes is not listed:\n%s", de)
	}
}
