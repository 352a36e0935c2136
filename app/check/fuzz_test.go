package check

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"exportlens/app/export"
)

// exportFromBytes builds an export from fuzz bytes: the input is split into
// fields, and each field becomes the next value of a rotating set of slots
// (IDs, serials, types, e-mails, paths, pointers, flags), so that the fuzzer
// reaches matches, near-matches and garbage alike.
func exportFromBytes(data []byte) (*export.Export, Declared) {
	fields := strings.Split(string(data), "|")
	x := &export.Export{}
	var d Declared
	next := func(i int) string { return fields[i%len(fields)] }
	switch len(data) % 3 {
	case 0:
		x.Vendor = export.Amazon
	case 1:
		x.Vendor = export.Google
	default:
		x.Vendor = export.Vendor(next(0))
	}
	if len(fields) > 0 && strings.HasPrefix(fields[0], "2018") {
		x.Layout = "single-zip-2018"
	}
	src := func(i int) export.Source {
		return export.Source{Part: next(i), Path: next(i + 1), Line: len(next(i + 2)), Page: len(next(i+3)) % 3, Pointer: next(i + 4)}
	}
	v := func(i int) export.Value { return export.NewValue(next(i), src(i+1)).WithRaw(next(i + 5)) }
	for i, f := range fields {
		switch i % 11 {
		case 0:
			x.CustomerIDs = append(x.CustomerIDs, v(i))
		case 1:
			x.Emails = append(x.Emails, v(i))
			x.Identities = append(x.Identities, export.Identity{Kind: "email", Value: v(i + 1)})
		case 2:
			x.Devices = append(x.Devices, export.Device{Serial: v(i), Type: v(i + 1), CustomerID: v(i + 2), Name: v(i + 3), Src: src(i)})
		case 3:
			x.VoiceProfiles = append(x.VoiceProfiles, export.VoiceProfile{ID: v(i), CustomerID: v(i + 1), Src: src(i)})
		case 4, 5:
			r := export.NewRecording("", src(i))
			r.Set(export.FieldCustomerID, v(i))
			r.Set(export.FieldDevice, v(i+1))
			r.Set(export.FieldPersonID, v(i+2))
			r.Set(export.FieldAudio, v(i+3))
			r.SetAudio(next(i+5), next(i+4), next(i+4))
			r.Unrecognized = len(f)%2 == 0
			x.Recordings = append(x.Recordings, r)
		case 6:
			x.Audio = append(x.Audio, export.AudioFile{Part: next(i), Path: f, Referenced: len(f)%2 == 0})
		case 7:
			x.Transcripts = append(x.Transcripts, export.TranscriptLine{Text: f, Recording: len(f) - 3, Src: src(i)})
		case 8:
			x.Parts = append(x.Parts, export.Part{Name: f, Account: next(i + 1), Listed: len(f)%2 == 1, Src: src(i)})
		case 9:
			x.Expected = append(x.Expected, export.Expectation{What: export.Need(next(i + 1)), Path: f, Found: len(f)%2 == 0})
			x.Identities = append(x.Identities, export.Identity{Kind: "customer-id", Value: v(i)})
		case 10:
			d.Emails = append(d.Emails, f)
			d.CustomerIDs = append(d.CustomerIDs, next(i+1))
			d.Devices = append(d.Devices, next(i+2))
			d.NoDevices = len(f)%2 == 0
		}
	}
	return x, d
}

func FuzzRun(f *testing.F) {
	for _, s := range []string{
		"",
		"A1B2C3D4E5F6G7|anna.beispiel@example.com|G070RQ0000000001|amzn1.actor.person.oid.A1ANNAPROFILE1|a1b2c3d4e5f6g7 |G070RQ0000000099|media/x.wav|t.pdf|takeout-001.zip|registration|x",
		"2018|A1B2C3D4E5F6G7|G000KI0000000003|A2GFL5ZMWNE0PX|/0/details|Alexa/0001.wav|||||",
		"|||\x00|\xff\xfe|/9/x|/10/x|" + strings.Repeat("9", 40) + "|Ã¼|\u202e|\n",
	} {
		f.Add([]byte(s))
	}
	// The identifiers of every committed fixture: its claim and what was
	// planted in it, as one "|"-separated seed each.
	plantedFiles, _ := filepath.Glob("../../testdata/fixtures/*/planted.json")
	for _, p := range plantedFiles {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		var pl struct {
			Claim struct {
				CustomerIDs []string `json:"customerIds"`
				Emails      []string `json:"emails"`
			} `json:"claim"`
			Planted []struct {
				Subject, Part, Path, Pointer string
			} `json:"planted"`
		}
		if err := json.Unmarshal(b, &pl); err != nil {
			f.Fatalf("%s: %v", p, err)
		}
		fields := append(pl.Claim.CustomerIDs, pl.Claim.Emails...)
		for _, x := range pl.Planted {
			fields = append(fields, x.Subject, x.Part, x.Path, x.Pointer)
		}
		f.Add([]byte(strings.Join(fields, "|")))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		x, d := exportFromBytes(data)
		r := Run(x, d)
		switch r.Verdict {
		case VerdictMismatch, VerdictConsistent, VerdictUnknown:
		default:
			t.Fatalf("verdict %q", r.Verdict)
		}
		if want := map[string]int{VerdictConsistent: ExitConsistent, VerdictMismatch: ExitMismatch, VerdictUnknown: ExitUnknown}[r.Verdict]; r.ExitCode() != want {
			t.Fatalf("verdict %s but exit code %d", r.Verdict, r.ExitCode())
		}
		for _, fd := range r.Findings {
			if len(fd.Evidence) > maxEvidence {
				t.Fatalf("%s: %d pieces of evidence", fd.Rule, len(fd.Evidence))
			}
			for _, a := range fd.Affected {
				if a < 0 || a >= len(x.Recordings) {
					t.Fatalf("%s: affected index %d out of range", fd.Rule, a)
				}
			}
		}
		first, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		x2, d2 := exportFromBytes(data)
		again, _ := json.Marshal(Run(x2, d2))
		if !bytes.Equal(first, again) {
			t.Fatalf("two runs differ")
		}
		for _, lang := range []string{"en", "de"} {
			var b bytes.Buffer
			if err := r.WriteText(&b, lang); err != nil {
				t.Fatal(err)
			}
			if bytes.ContainsAny(b.Bytes(), "\x1b\r") {
				t.Fatalf("text output holds a control character")
			}
		}
	})
}
