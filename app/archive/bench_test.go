package archive

import (
	"archive/zip"
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkOpenZip lists a 20,000-entry ZIP in a file, the shape of a big
// Alexa export: the time and the reads should scale with the directory, not
// with the data.
func BenchmarkOpenZip(b *testing.B) {
	path := filepath.Join(b.TempDir(), "export.zip")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	bw := bufio.NewWriter(f)
	w := zip.NewWriter(bw)
	payload := make([]byte, 4096)
	for i := range 20_000 {
		fw, err := w.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("Alexa.VoiceHistory/media/%08d.wav", i), Method: zip.Store})
		if err != nil {
			b.Fatal(err)
		}
		fw.Write(payload)
	}
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		b.Fatal(err)
	}
	info, err := f.Stat()
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	in := []Input{{Name: "export.zip", R: f, Size: info.Size()}}
	b.ReportAllocs()
	for b.Loop() {
		tree, err := Open(context.Background(), in, Options{})
		if err != nil || len(tree.Entries) != 20_000 || len(tree.Problems) != 0 {
			b.Fatalf("got %v, %d entries, problems %v", err, len(tree.Entries), tree.Problems)
		}
		tree.Close()
	}
}

// BenchmarkSortEntries sorts the names of a 100,000-recording Alexa export
// as its ZIP lists them: random UUIDs under one long shared start, with the
// datasets beside them (the shape whose sort was a quarter of the page's
// listing).
func BenchmarkSortEntries(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	es := []*Entry{{Part: "Alexa.zip", Path: "Alexa.VoiceHistory/datasets/Alexa.VoiceHistory/Alexa.VoiceHistory.csv"}}
	for range 100_000 {
		var u [16]byte
		for i := range u {
			u[i] = byte(r.Uint32())
		}
		es = append(es, &Entry{Part: "Alexa.zip", Path: fmt.Sprintf("Alexa.VoiceHistory/media/%x-%x-%x-%x-%x.wav", u[:4], u[4:6], u[6:8], u[8:10], u[10:])})
	}
	es = append(es, &Entry{Part: "Alexa.zip", Path: "Alexa.VoiceProfiles/datasets/Alexa.VoiceProfiles/Alexa.VoiceProfiles.csv"})
	work := make([]*Entry, len(es))
	for b.Loop() {
		copy(work, es)
		sortEntries(work)
	}
}
