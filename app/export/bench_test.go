package export

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"exportlens/app/archive"
)

// bigExport is an in-memory export shaped like the 1 GB benchmark: n
// history rows, each with a 100 KB WAV (never read).
func bigExport(n int) []file {
	var b strings.Builder
	b.WriteString("Timestamp,CustomerId,DeviceSerialNumber,DeviceType,DeviceName,UtteranceId,CustomerTranscript,AlexaResponse,PersonId,PersonFirstName,AudioFile\n")
	files := make([]file, 0, n+3)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "2023-09-16T13:43:12.277Z,A1B2C3D4E5F6G7,G070RQ0000000001,A3S5BH2HU6VAYF,Küche,U%06d,wie spät ist es,Es ist 15 Uhr,amzn1.actor.person.oid.A1ANNAPROFILE1,Anna,media/%06d.wav\n", i, i)
		files = append(files, audioFile("Alexa.zip", fmt.Sprintf("Alexa.VoiceHistory/media/%06d.wav", i), 100_000))
	}
	files = append(files, memFile("Alexa.zip", histPath, b.String()))
	files = append(files, amazonClean()[6:]...)
	return files
}

func BenchmarkLoad10000(b *testing.B) {
	files := bigExport(10_000)
	b.ReportAllocs()
	for b.Loop() {
		ex, err := load(context.Background(), files, nil)
		if err != nil || len(ex.Recordings) != 10_000 {
			b.Fatalf("got %v, %d recordings", err, len(ex.Recordings))
		}
	}
}

// BenchmarkLoadBig loads the generated 1 GB export (go run ./cmd/mkexport
// -big -out testdata/big; or the folder named by $EXPORTLENS_BIG), opening
// included, when it exists.
func BenchmarkLoadBig(b *testing.B) {
	dir := "../../testdata/big"
	if d := os.Getenv("EXPORTLENS_BIG"); d != "" {
		dir = d
	}
	dir = filepath.Join(dir, "input")
	ents, err := os.ReadDir(dir)
	if err != nil {
		b.Skip("no big export in testdata/big")
	}
	var inputs []archive.Input
	for _, e := range ents {
		f, err := os.Open(filepath.Join(dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		st, _ := f.Stat()
		inputs = append(inputs, archive.Input{Name: e.Name(), R: f, Size: st.Size()})
	}
	for b.Loop() {
		tree, err := archive.Open(context.Background(), inputs, archive.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Load(context.Background(), tree, nil); err != nil {
			b.Fatal(err)
		}
		tree.Close()
	}
}
