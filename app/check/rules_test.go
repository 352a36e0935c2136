package check

import (
	"testing"

	"exportlens/app/export"
)

func TestRules(t *testing.T) {
	tests := []struct {
		name    string
		x       func() *export.Export
		d       Declared
		want    []string // "severity rule subject records", in report order
		verdict string
	}{
		{name: "amazon clean", x: amazonClean, want: []string{}, verdict: VerdictConsistent},

		// foreign-customer
		{name: "foreign customer in a voice-history row", x: func() *export.Export {
			x := amazonClean()
			addRecording(x, 6, foreignID, echoDot, anna, "", false)
			// The loader also lists the cell as an identity: still one record.
			x.Identities = append(x.Identities, export.Identity{Kind: "customer-id", Value: x.Recordings[4].CustomerID()})
			return x
		}, want: []string{`mismatch foreign-customer "A9Z8Y7X6W5V4U3" 1`}, verdict: VerdictMismatch},
		{name: "foreign customer in the registration", x: func() *export.Export {
			x := amazonClean()
			x.Devices[1].CustomerID.Text = foreignID
			return x
		}, want: []string{
			`mismatch foreign-customer "A9Z8Y7X6W5V4U3" 1`,
			// The Echo is no longer the account's: its recordings are unregistered.
			`mismatch unregistered-device "G090LF0000000002" 2`,
		}, verdict: VerdictMismatch},
		{name: "customer ID matches only after normalising", x: func() *export.Export {
			x := amazonClean()
			setText(&x.Recordings[0], export.FieldCustomerID, " a1b2c3d4e5f6g7 ")
			setText(&x.Recordings[1], export.FieldCustomerID, "a1b2c3d4e5f6g7")
			return x
		}, want: []string{`note foreign-customer "" 2`}, verdict: VerdictConsistent},
		{name: "named by e-mail only, rows agree", x: emailOnly, want: []string{`unknown foreign-customer "customer-profile.csv" 0`}, verdict: VerdictConsistent},
		{name: "named by e-mail only, rows name two customers", x: func() *export.Export {
			x := emailOnly()
			addRecording(x, 6, foreignID, echoDot, anna, "", false)
			return x
		}, want: []string{
			`mismatch foreign-customer "A9Z8Y7X6W5V4U3" 1`,
			`unknown foreign-customer "customer-profile.csv" 0`,
		}, verdict: VerdictMismatch},
		{name: "customer profile missing", x: func() *export.Export {
			x := amazonClean()
			x.CustomerIDs, x.Emails = nil, nil
			x.Expected[0].Found = false
			return x
		}, want: []string{`unknown foreign-customer "customer-profile.csv" 4`}, verdict: VerdictUnknown},

		// unregistered-device
		{name: "unregistered device", x: func() *export.Export {
			x := amazonClean()
			addRecording(x, 6, custID, foreignDev, anna, "media/0099.wav", true)
			addRecording(x, 7, custID, foreignDev, anna, "media/0100.wav", true)
			return x
		}, want: []string{`mismatch unregistered-device "G070RQ0000000099" 2`}, verdict: VerdictMismatch},
		{name: "serial matches only after normalising", x: func() *export.Export {
			x := amazonClean()
			setText(&x.Recordings[0], export.FieldDevice, "g070rq0000000001 ")
			return x
		}, want: []string{`note unregistered-device "" 1`}, verdict: VerdictConsistent},
		{name: "registration missing", x: func() *export.Export {
			x := amazonClean()
			x.Devices = nil
			x.Expected[1].Found = false
			return x
		}, want: []string{`unknown unregistered-device "registration.csv" 4`}, verdict: VerdictUnknown},

		// unknown-voice-profile
		{name: "unknown voice profile", x: func() *export.Export {
			x := amazonClean()
			addRecording(x, 6, custID, echoDot, stranger, "", false)
			return x
		}, want: []string{`likely unknown-voice-profile "amzn1.actor.person.oid.A9STRANGERPRF9" 1`}, verdict: VerdictMismatch},
		{name: "profile of a foreign customer is not the account's", x: func() *export.Export {
			x := amazonClean()
			x.VoiceProfiles[0].CustomerID.Text = foreignID
			return x
		}, want: []string{
			`mismatch foreign-customer "A9Z8Y7X6W5V4U3" 1`,
			`likely unknown-voice-profile "amzn1.actor.person.oid.A1ANNAPROFILE1" 4`,
		}, verdict: VerdictMismatch},
		{name: "voice profiles missing", x: func() *export.Export {
			x := amazonClean()
			x.VoiceProfiles = nil
			x.Expected[3].Found = false
			return x
		}, want: []string{`unknown unknown-voice-profile "voice-profiles.csv" 4`}, verdict: VerdictUnknown},

		// recordings-without-device: the 2018 case
		{name: "2018: recordings, only a Kindle", x: func() *export.Export { return amazon2018(6) },
			want: []string{`likely recordings-without-device "Alexa/" 6`}, verdict: VerdictMismatch},
		{name: "2018: recordings, no device registered at all", x: func() *export.Export {
			x := amazon2018(3)
			x.Devices = nil
			return x
		}, want: []string{`likely recordings-without-device "Alexa/" 3`}, verdict: VerdictMismatch},
		{name: "2018: registration missing", x: func() *export.Export {
			x := amazon2018(3)
			x.Devices = nil
			x.Expected[1].Found = false
			return x
		}, want: []string{`unknown recordings-without-device "registration.csv" 3`}, verdict: VerdictUnknown},
		{name: "2018: device of unknown type", x: func() *export.Export {
			x := amazon2018(3)
			x.Devices[0].Type.Text = "AZZZZUNKNOWNZZ"
			return x
		}, want: []string{`unknown recordings-without-device "G000KI0000000003" 3`}, verdict: VerdictUnknown},
		{name: "2018: an Echo explains the recordings", x: func() *export.Export {
			x := amazon2018(3)
			x.Devices = append(x.Devices, amazonClean().Devices[0])
			return x
		}, want: []string{}, verdict: VerdictConsistent},
		{name: "2018: declared no devices", x: func() *export.Export { return amazon2018(4) }, d: Declared{NoDevices: true},
			want: []string{
				`likely declared-mismatch "voice recordings" 4`,
				`likely recordings-without-device "Alexa/" 4`,
			}, verdict: VerdictMismatch},
		{name: "recording names a registered Kindle", x: func() *export.Export {
			x := amazonClean()
			k := amazon2018(0).Devices[0]
			x.Devices = append(x.Devices, k)
			addRecording(x, 6, custID, kindle, anna, "", false)
			return x
		}, want: []string{`likely recordings-without-device "Alexa.VoiceHistory/datasets/Alexa.VoiceHistory/" 1`}, verdict: VerdictMismatch},

		// identity-conflict
		{name: "takeout clean", x: takeout, want: []string{}, verdict: VerdictConsistent},
		{name: "takeout: profile names another e-mail", x: func() *export.Export {
			x := takeout()
			x.Identities[1].Value.Text = bob
			return x
		}, want: []string{`mismatch identity-conflict "bob.fremd@example.org" 1`}, verdict: VerdictMismatch},
		{name: "takeout: profile lists an alternate address too", x: func() *export.Export {
			x := takeout()
			src := x.Identities[1].Value.Src()
			src.Pointer = "/emails/1/value"
			alt := val("alice.alt@example.com", src)
			x.Identities = append(x.Identities, export.Identity{Kind: "email", Value: alt})
			return x
		}, want: []string{}, verdict: VerdictConsistent},
		{name: "takeout: e-mail matches only after normalising", x: func() *export.Export {
			x := takeout()
			x.Identities[1].Value.Text = "Alice.Muster@Example.com"
			return x
		}, want: []string{`note identity-conflict "" 1`}, verdict: VerdictConsistent},
		{name: "amazon: no parts, profile e-mail is the reference", x: func() *export.Export {
			x := amazonClean()
			x.Identities = append(x.Identities, export.Identity{Kind: "email", Value: val(bob, at("Alexa.zip", "Alexa.Settings/settings.csv", 2, "Email"))})
			return x
		}, want: []string{`mismatch identity-conflict "bob.fremd@example.org" 1`}, verdict: VerdictMismatch},

		// unrecognized-speaker
		{name: "takeout: unrecognized speaker", x: func() *export.Export {
			x := takeout()
			x.Recordings[0].Unrecognized = true
			x.Recordings[2].Unrecognized = true
			return x
		}, want: []string{`likely unrecognized-speaker "unrecognized speaker" 2`}, verdict: VerdictMismatch},
		{name: "takeout: unrecognized speaker on activity without audio", x: func() *export.Export {
			x := takeout()
			src := export.Source{Path: "Takeout/My Activity/Assistant/MyActivity.json", Pointer: "/9"}
			mark := export.Source{Path: src.Path, Pointer: "/9/details/0/name", Field: "name"}
			x.Activity = []export.Activity{
				{Title: val("Used Assistant", src), Unrecognized: val("From unrecognized speaker", mark), Src: src},
				{Title: val("Used Assistant", export.Source{Path: src.Path, Pointer: "/10"}), Src: export.Source{Path: src.Path, Pointer: "/10"}},
			}
			return x
		}, want: []string{`likely unrecognized-speaker "unrecognized speaker" 1`}, verdict: VerdictMismatch},
		{name: "takeout: activity missing", x: func() *export.Export {
			x := takeout()
			x.Recordings = nil
			for i := range x.Audio {
				x.Audio[i].Referenced, x.Audio[i].OfRecording = false, false
			}
			x.Expected[0].Found = false
			return x
		}, want: []string{`unknown unreferenced-recording "Takeout/My Activity/Assistant/MyActivity.json" 3`}, verdict: VerdictUnknown},

		// foreign-part
		{name: "takeout: part names another account", x: func() *export.Export {
			x := takeout()
			x.Parts[1].Account = bob
			x.Parts[1].Src = export.Source{Part: x.Parts[1].Name, Path: "Takeout/archive_browser.html", Line: 12}
			return x
		}, want: []string{`mismatch foreign-part "bob.fremd@example.org" 1`}, verdict: VerdictMismatch},
		{name: "takeout: part not listed", x: func() *export.Export {
			x := takeout()
			x.Parts[1].Listed = false
			return x
		}, want: []string{`note foreign-part "takeout-20240301T101500Z-002.zip" 1`}, verdict: VerdictConsistent},
		// Regression: every clean multi-part Takeout was "not yours" because
		// a part without an overview entry was a mismatch.
		{name: "takeout: part of another job names no account", x: func() *export.Export {
			x := takeout()
			x.Parts = append(x.Parts, export.Part{Name: "takeout-20231105T090000Z-001.zip", Src: export.Source{Part: "takeout-20231105T090000Z-001.zip"}})
			return x
		}, want: []string{`note foreign-part "takeout-20231105T090000Z-001.zip" 0`}, verdict: VerdictConsistent},
		{name: "takeout: no overview in any part", x: func() *export.Export {
			x := takeout()
			x.Parts[0].Account, x.Parts[0].Listed, x.Parts[1].Listed = "", false, false
			x.Expected[2].Found = false
			return x
		}, want: []string{`unknown foreign-part "Takeout/archive_browser.html" 0`}, verdict: VerdictConsistent},

		// unreferenced-recording
		{name: "unreferenced audio files", x: func() *export.Export {
			x := amazonClean()
			for _, p := range []string{"ffff.wav", "eeee.wav"} {
				x.Audio = append(x.Audio, export.AudioFile{Part: "Alexa.zip", Path: mediaDir + "/" + p, Size: 44})
			}
			return x
		}, want: []string{`likely unreferenced-recording "Alexa.VoiceHistory/media/" 2`}, verdict: VerdictMismatch},
		{name: "voice history missing", x: func() *export.Export {
			x := amazonClean()
			x.Recordings = nil
			for i := range x.Audio {
				x.Audio[i].Referenced, x.Audio[i].OfRecording = false, false
			}
			x.Expected[2].Found = false
			return x
		}, want: []string{`unknown unreferenced-recording "voice-history.csv" 4`}, verdict: VerdictUnknown},
		// The 100,000-recording export: its voice history stopped on the
		// memory budget, and the audio of the rows after the stop is
		// referenced by nothing that was read. That is no sign of someone
		// else's recordings (it was "likely" before).
		{name: "voice history read only in part", x: func() *export.Export {
			x := amazonClean()
			for _, p := range []string{"ffff.wav", "eeee.wav"} {
				x.Audio = append(x.Audio, export.AudioFile{Part: "Alexa.zip", Path: mediaDir + "/" + p, Size: 44})
			}
			x.Problems = append(x.Problems, export.Problem{Src: export.Source{Path: "voice-history.csv"}, Kind: "budget",
				Reason: "stopped after 4 rows: the export's memory budget is spent"})
			return x
		}, want: []string{`unknown unreferenced-recording "voice-history.csv" 2`}, verdict: VerdictUnknown},
		{name: "another file read only in part", x: func() *export.Export {
			x := amazonClean()
			for _, p := range []string{"ffff.wav", "eeee.wav"} {
				x.Audio = append(x.Audio, export.AudioFile{Part: "Alexa.zip", Path: mediaDir + "/" + p, Size: 44})
			}
			x.Problems = append(x.Problems, export.Problem{Src: export.Source{Path: "Alexa.Shopping/orders.csv"}, Kind: "budget",
				Reason: "stopped after 4 rows: the export's memory budget is spent"})
			return x
		}, want: []string{`likely unreferenced-recording "Alexa.VoiceHistory/media/" 2`}, verdict: VerdictMismatch},

		{name: "voice history split over parts, a later part read only in part", x: func() *export.Export {
			// Alexa-1.zip's history is expected (found first); Alexa-2.zip
			// holds the same table, stopped by the budget.
			x := amazonClean()
			for _, p := range []string{"ffff.wav", "eeee.wav"} {
				x.Audio = append(x.Audio, export.AudioFile{Part: "Alexa-2.zip", Path: mediaDir + "/" + p, Size: 44})
			}
			var hist export.Source
			for _, e := range x.Expected {
				if e.What == "voice-history" {
					hist = e.Src
				}
			}
			x.Problems = append(x.Problems, export.Problem{Src: export.Source{Part: "Alexa-2.zip", Path: hist.Path}, Kind: "budget",
				Reason: "stopped after 0 rows: the export's memory budget is spent"})
			return x
		}, want: []string{`unknown unreferenced-recording "voice-history.csv" 2`}, verdict: VerdictUnknown},

		// missing-recording
		{name: "record refers to an absent audio file", x: func() *export.Export {
			x := amazonClean()
			addRecording(x, 6, custID, echo, anna, "media/gone.wav", false)
			return x
		}, want: []string{`note missing-recording "Alexa.VoiceHistory/media/gone.wav" 1`}, verdict: VerdictConsistent},

		// transcript-mismatch
		{name: "2018: transcript lines and recordings that do not pair", x: func() *export.Export {
			x := amazon2018(3)
			x.Devices = append(x.Devices, amazonClean().Devices[0])
			x.Transcripts[2].Recording = -1
			x.Transcripts = append(x.Transcripts, export.TranscriptLine{Text: "extra", Recording: -1,
				Src: export.Source{Part: "export.zip", Path: "Alexa/transcript.pdf", Page: 2, Line: 1}})
			return x
		}, want: []string{
			`note transcript-mismatch "Alexa/" 1`,
			`note transcript-mismatch "Alexa/transcript.pdf" 2`,
		}, verdict: VerdictConsistent},

		// declared-mismatch
		{name: "declared customer ID differs", x: amazonClean, d: Declared{CustomerIDs: []string{foreignID}},
			want: []string{`mismatch declared-mismatch "A1B2C3D4E5F6G7" 4`}, verdict: VerdictMismatch},
		// How the person typed it is no finding about the export.
		{name: "declared customer ID matches only after normalising", x: amazonClean, d: Declared{CustomerIDs: []string{"a1b2c3d4e5f6g7"}},
			want: []string{}, verdict: VerdictConsistent},
		{name: "declared e-mail differs", x: amazonClean, d: Declared{Emails: []string{"anna@example.org"}},
			want: []string{`likely declared-mismatch "anna.beispiel@example.com" 4`}, verdict: VerdictMismatch},
		{name: "declared e-mail is one of several", x: amazonClean, d: Declared{Emails: []string{"anna@example.org", annaEmail}},
			want: []string{}, verdict: VerdictConsistent},
		// A registered device the person did not list is still the account's.
		{name: "declared devices leave one out", x: amazonClean, d: Declared{Devices: []string{echoDot}},
			want: []string{`note declared-mismatch "G090LF0000000002" 2`}, verdict: VerdictConsistent},
		// Marks "not mine" on a device or a voice profile (typed loosely).
		{name: "device marked not mine", x: amazonClean, d: Declared{NotMineDevices: []string{"g090-lf00-0000-0002"}},
			want: []string{`likely declared-mismatch "G090LF0000000002" 2`}, verdict: VerdictMismatch},
		{name: "voice profile marked not mine", x: amazonClean, d: Declared{NotMineProfiles: []string{anna}},
			want: []string{`likely declared-mismatch "AMZN1.ACTOR.PERSON.OID.A1ANNAPROFILE1" 4`}, verdict: VerdictMismatch},
		{name: "device without recordings marked not mine", x: func() *export.Export {
			x := amazonClean()
			for i := range x.Recordings {
				setText(&x.Recordings[i], export.FieldDevice, echoDot)
			}
			return x
		}, d: Declared{NotMineDevices: []string{echo}},
			want: []string{`note declared-mismatch "G090LF0000000002" 0`}, verdict: VerdictConsistent},
		{name: "a mark that matches nothing", x: amazonClean, d: Declared{NotMineDevices: []string{foreignDev}},
			want: []string{}, verdict: VerdictConsistent},
		{name: "declared no devices", x: amazonClean, d: Declared{NoDevices: true},
			want: []string{
				`likely declared-mismatch "G070RQ0000000001" 2`,
				`likely declared-mismatch "G090LF0000000002" 2`,
				`likely declared-mismatch "voice recordings" 4`,
			}, verdict: VerdictMismatch},
		{name: "declared customer ID, export names none", x: func() *export.Export {
			x := amazonClean()
			x.CustomerIDs = nil
			return x
		}, d: Declared{CustomerIDs: []string{custID}},
			want: []string{`unknown declared-mismatch "A1B2C3D4E5F6G7" 0`}, verdict: VerdictConsistent},

		// format-unknown and the claim
		{name: "unknown vendor", x: func() *export.Export { return &export.Export{Vendor: export.Unknown} },
			want: []string{`unknown format-unknown "" 0`}, verdict: VerdictUnknown},
		{name: "empty vendor counts as unknown", x: func() *export.Export { return &export.Export{} },
			want: []string{`unknown format-unknown "" 0`}, verdict: VerdictUnknown},
		{name: "amazon naming nobody", x: func() *export.Export {
			x := amazonClean()
			x.CustomerIDs, x.Emails, x.Expected = nil, nil, nil
			return x
		}, want: []string{`unknown foreign-customer "" 4`}, verdict: VerdictUnknown},
		{name: "a missing file no rule needed is still named", x: func() *export.Export {
			x := amazon2018(2)
			x.Devices = append(x.Devices, amazonClean().Devices[0])
			x.Transcripts = nil
			x.Expected[2].Found = false
			return x
		}, want: []string{`unknown transcript-mismatch "Alexa/*.pdf" 0`}, verdict: VerdictConsistent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Run(tt.x(), tt.d)
			wantFindings(t, r, tt.want)
			if r.Verdict != tt.verdict {
				t.Errorf("verdict: got %s, want %s", r.Verdict, tt.verdict)
			}
			for _, f := range r.Findings {
				if _, ok := messages[f.Msg]; !ok {
					t.Errorf("finding %s/%s: message %q is not in the table", f.Rule, f.Subject, f.Msg)
				}
				if len(f.Evidence) > maxEvidence {
					t.Errorf("finding %s/%s: got %d pieces of evidence, want at most %d", f.Rule, f.Subject, len(f.Evidence), maxEvidence)
				}
				if f.Severity != Unknown && f.Rule != RuleFormatUnknown && len(f.Evidence) == 0 {
					t.Errorf("finding %s/%s: got no evidence", f.Rule, f.Subject)
				}
			}
		})
	}
}

// emailOnly is amazonClean as real exports name the account: by e-mail
// (Retail.Authentication.json), with no customer profile holding an ID.
func emailOnly() *export.Export {
	x := amazonClean()
	x.CustomerIDs, x.Identities = nil, nil
	x.Expected[0].Found = false
	return x
}
