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
// voice-history rows and their WAVs, and drops the result.
//
// It exists for the browser. V8 compiles a wasm function when it is first
// called and optimises it only once it has run a while, and it cannot
// optimise a loop that is running (no on-stack replacement for wasm): the
// first export a page opens runs its long loops (listing, parsing the CSV,
// the checks) in the unoptimised code, about twice the CPU of a second
// open. Run while the person is still choosing the files, Warm makes their
// export the second. It yields as an open does (archive.Yield), so the
// page answers meanwhile; ctx stops it between steps.
func Warm(ctx context.Context, rows int) error {
	_, err := warm(ctx, rows)
	return err
}

// warm is Warm, returning the session it made.
func warm(ctx context.Context, rows int) (Session, error) {
	data, err := warmExport(rows)
	if err != nil {
		return Session{}, err
	}
	in := []archive.Input{{Name: "Alexa.zip", R: bytes.NewReader(data), Size: int64(len(data))}}
	o, err := Default.Read(ctx, in, ReadOptions{}, nil, Hooks{})
	if o.Tree != nil {
		defer o.Tree.Close()
	}
	if err != nil {
		return Session{}, err
	}
	if o.Export == nil {
		return Session{}, fmt.Errorf("warm: the export made in memory was not read")
	}
	if err := ctx.Err(); err != nil {
		return Session{}, err
	}
	s := Session{Export: o.Export, Tree: o.Tree}.Judge(Default.Check, []check.Input{{Name: "Alexa.zip", Size: int64(len(data))}})
	if s.Status != StatusLoaded {
		return s, fmt.Errorf("warm: the check failed: %v", s.Err)
	}
	if err := ctx.Err(); err != nil {
		return s, err
	}
	ix := NewRecordings(s.Export, s.Report, s.Tree, s.Devices, s.Profiles)
	ix.Timeline()
	ix.Series()
	return s, nil
}

// warmExport is an Amazon export in one ZIP, in the layout Amazon sends
// (FORMATS.md): the customer profile, the device registration, the voice
// profiles and a voice history of rows rows, each with a stored WAV of its
// own, all of one made-up account, so that every check runs as on a clean
// export.
func warmExport(rows int) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	write := func(name string, method uint16, body []byte) error {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)})
		if err != nil {
			return err
		}
		_, err = w.Write(body)
		return err
	}
	var csv bytes.Buffer
	csv.WriteString("Timestamp,CustomerId,DeviceSerialNumber,DeviceType,DeviceName,UtteranceId,CustomerTranscript,AlexaResponse,PersonId,PersonFirstName,AudioFile\n")
	wav := warmWAV()
	start := time.Date(2024, 1, 2, 6, 0, 0, 0, time.UTC)
	for i := range rows {
		fmt.Fprintf(&csv, "%s,AWARMUP0000001,GWARM%011d,A3S5BH2HU6VAYF,Warm %d,WARM-%08d,\"warm, up %d\",ok %d,amzn1.actor.person.oid.A1WARMPROFILE1,Warm,media/warm-%08d.wav\n",
			start.Add(time.Duration(i)*time.Minute).Format("2006-01-02T15:04:05.000Z"), i%3, i%3, i, i%17, i%5, i)
		if err := write(fmt.Sprintf("Alexa.VoiceHistory/media/warm-%08d.wav", i), zip.Store, wav); err != nil {
			return nil, err
		}
	}
	if err := write("Alexa.VoiceHistory/datasets/Alexa.VoiceHistory/Alexa.VoiceHistory.csv", zip.Deflate, csv.Bytes()); err != nil {
		return nil, err
	}
	var reg bytes.Buffer
	reg.WriteString("AccountName,DeviceSerialNumber,DeviceType,CustomerId,FirstTimeRegistered,RegistrationDate\n")
	for d := range 3 {
		fmt.Fprintf(&reg, "Warm %d,GWARM%011d,A3S5BH2HU6VAYF,AWARMUP0000001,2024-01-01 00:00:00,2024-01-01 00:00:00\n", d, d)
	}
	for _, f := range []struct{ name, body string }{
		{"Retail.CustomerProfile.1/Retail.CustomerProfile.1.csv", "CustomerId,Name,EmailAddress,CountryCode,CreatedAt\nAWARMUP0000001,Warm Up,warm.up@example.com,DE,2024-01-01T00:00:00.000Z\n"},
		{"Devices.Registration/registration.csv", reg.String()},
		{"Alexa.VoiceProfiles/Alexa.VoiceProfiles.csv", "PersonId,PersonFirstName,PersonType,CustomerId,EnrolledAt\namzn1.actor.person.oid.A1WARMPROFILE1,Warm,ADULT,AWARMUP0000001,2024-01-01T00:00:00.000Z\n"},
	} {
		if err := write(f.name, zip.Deflate, []byte(f.body)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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
