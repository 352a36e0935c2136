package view

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"time"

	"exportlens/app/archive"
	"exportlens/app/check"
)

// Warm runs the whole pipeline (Steps.Read, Session.Judge, the recordings'
// index) once on a small Amazon-shaped export it makes in memory, of rows
// voice-history rows and their WAVs, the last of another account's
// device, and returns the session and index it made: the viewer draws
// their overview once, out of sight, for the same reason (V8 compiles a
// wasm function the first time it runs, on the page's thread: 530
// functions, 70-110 ms, of the first export's overview otherwise).
//
// It exists for the browser. V8 compiles a wasm function when it is first
// called and optimises it only once it has run a while, and it cannot
// optimise a loop that is running (no on-stack replacement for wasm): the
// first export a page opens runs its long loops (listing, parsing the CSV,
// the checks) in the unoptimised code, about twice the CPU of a second
// open. Run while the person is still choosing the files, Warm makes their
// export the second. It yields as an open does (archive.Yield), so the
// page answers meanwhile; ctx stops it between steps.
func Warm(ctx context.Context, rows int) (Session, *Recordings, error) {
	return warm(ctx, rows)
}

func warm(ctx context.Context, rows int) (Session, *Recordings, error) {
	in, err := warmExport(rows)
	if err != nil {
		return Session{}, nil, err
	}
	o, err := Default.Read(ctx, in, ReadOptions{}, nil, Hooks{})
	if o.Tree != nil {
		defer o.Tree.Close()
	}
	if err != nil {
		return Session{}, nil, err
	}
	if o.Export == nil {
		return Session{}, nil, fmt.Errorf("warm: the export made in memory was not read")
	}
	if err := ctx.Err(); err != nil {
		return Session{}, nil, err
	}
	inputs := make([]check.Input, len(in))
	for i, f := range in {
		inputs[i] = check.Input{Name: f.Name, Size: f.Size}
	}
	s := Session{Export: o.Export, Tree: o.Tree}.Judge(Default.Check, inputs)
	if s.Status != StatusLoaded {
		return s, nil, fmt.Errorf("warm: the check failed: %v", s.Err)
	}
	if err := ctx.Err(); err != nil {
		return s, nil, err
	}
	ix := NewRecordings(s.Export, s.Report, s.Tree, s.Devices, s.Profiles)
	ix.Timeline()
	ix.Series()
	return s, ix, nil
}

// warmExport is an Amazon export in two ZIPs, in the layout Amazon sends
// (FORMATS.md): the voice history of rows rows, each with a stored WAV of
// its own, and the voice profiles in one, the customer profile and the
// device registration in the other (the parts are sorted and joined as a
// real export's are). It is of one made-up account but the last row: that
// names another account's customer ID and an unregistered device, so that
// the checks and the overview run their findings' code too. The rows are
// a minute apart, two days: a timeline of many days is many elements to
// draw, in a task of the page's start (BenchmarkBrowserStart).
func warmExport(rows int) ([]archive.Input, error) {
	type member struct {
		name   string
		method uint16
		body   []byte
	}
	var alexa []member
	var csv bytes.Buffer
	csv.WriteString("Timestamp,CustomerId,DeviceSerialNumber,DeviceType,DeviceName,UtteranceId,CustomerTranscript,AlexaResponse,PersonId,PersonFirstName,AudioFile\n")
	wav := warmWAV()
	start := time.Date(2024, 1, 2, 6, 0, 0, 0, time.UTC)
	for i := range rows {
		customer, device := "AWARMUP0000001", i%3
		if i == rows-1 {
			customer, device = "AWARMOTHER0002", 9
		}
		fmt.Fprintf(&csv, "%s,%s,GWARM%011d,A3S5BH2HU6VAYF,Warm %d,WARM-%08d,\"warm, up %d\",ok %d,amzn1.actor.person.oid.A1WARMPROFILE1,Warm,media/warm-%08d.wav\n",
			start.Add(time.Duration(i)*time.Minute).Format("2006-01-02T15:04:05.000Z"), customer, device, device, i, i%17, i%5, i)
		alexa = append(alexa, member{fmt.Sprintf("Alexa.VoiceHistory/media/warm-%08d.wav", i), zip.Store, wav})
	}
	alexa = append(alexa,
		member{"Alexa.VoiceHistory/datasets/Alexa.VoiceHistory/Alexa.VoiceHistory.csv", zip.Deflate, csv.Bytes()},
		member{"Alexa.VoiceProfiles/Alexa.VoiceProfiles.csv", zip.Deflate, []byte("PersonId,PersonFirstName,PersonType,CustomerId,EnrolledAt\namzn1.actor.person.oid.A1WARMPROFILE1,Warm,ADULT,AWARMUP0000001,2024-01-01T00:00:00.000Z\n")})
	var reg bytes.Buffer
	reg.WriteString("AccountName,DeviceSerialNumber,DeviceType,CustomerId,FirstTimeRegistered,RegistrationDate\n")
	for d := range 3 {
		fmt.Fprintf(&reg, "Warm %d,GWARM%011d,A3S5BH2HU6VAYF,AWARMUP0000001,2024-01-01 00:00:00,2024-01-01 00:00:00\n", d, d)
	}
	account := []member{
		{"Retail.CustomerProfile.1/Retail.CustomerProfile.1.csv", zip.Deflate, []byte("CustomerId,Name,EmailAddress,CountryCode,CreatedAt\nAWARMUP0000001,Warm Up,warm.up@example.com,DE,2024-01-01T00:00:00.000Z\n")},
		{"Devices.Registration/registration.csv", zip.Deflate, reg.Bytes()},
	}
	var inputs []archive.Input
	for _, z := range []struct {
		name    string
		members []member
	}{{"Alexa.zip", alexa}, {"Account.zip", account}} {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, m := range z.members {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: m.name, Method: m.method, Modified: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)})
			if err != nil {
				return nil, err
			}
			if _, err := w.Write(m.body); err != nil {
				return nil, err
			}
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		inputs = append(inputs, archive.Input{Name: z.name, R: bytes.NewReader(buf.Bytes()), Size: int64(buf.Len())})
	}
	return inputs, nil
}

// warmWAV is a WAV of 10 ms of silence (16 kHz, 16 bit, mono).
func warmWAV() []byte {
	const n = 160
	b := make([]byte, 44+2*n)
	copy(b, "RIFF")
	le32(b[4:], 36+2*n)
	copy(b[8:], "WAVEfmt ")
	le32(b[16:], 16)
	b[20], b[22] = 1, 1 // PCM, mono
	le32(b[24:], 16000)
	le32(b[28:], 32000)
	b[32], b[34] = 2, 16
	copy(b[36:], "data")
	le32(b[40:], 2*n)
	return b
}

func le32(b []byte, v uint32) { b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24) }
