package archive

import (
	"archive/zip"
	"bufio"
	"context"
	"fmt"
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
