package archive

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"runtime"
	"sync"
	"testing"
)

const bombSize = 1 << 30

var (
	bombOnce sync.Once
	bombZip  []byte
)

// deflateBomb is a ZIP holding 1 GiB of zeros (about 1 MB compressed) next
// to a small member, written once per test binary: nothing is committed.
func deflateBomb(t testing.TB) []byte {
	bombOnce.Do(func() {
		var buf bytes.Buffer
		w := zip.NewWriter(&buf)
		w.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(out, flate.BestSpeed)
		})
		fw, err := w.CreateHeader(&zip.FileHeader{Name: "zeros.bin", Method: zip.Deflate})
		if err != nil {
			panic(err)
		}
		zeros := make([]byte, 1<<20)
		for range bombSize / len(zeros) {
			fw.Write(zeros)
		}
		fw, _ = w.CreateHeader(&zip.FileHeader{Name: "note.txt", Method: zip.Store})
		fw.Write([]byte("still here"))
		if err := w.Close(); err != nil {
			panic(err)
		}
		bombZip = buf.Bytes()
	})
	return bombZip
}

func TestDeflateBomb(t *testing.T) {
	z := deflateBomb(t)
	t.Run("over MaxEntrySize", func(t *testing.T) {
		tree := open(t, limits(func(l *Limits) { l.MaxEntrySize = 512 << 20 }), fileInput("bomb.zip", z))
		p := wantProblem(t, tree, ErrTooLarge, "bomb.zip")
		if p.Path != "zeros.bin" {
			t.Errorf("got problem path %q, want zeros.bin", p.Path)
		}
		e := mustFind(t, tree, "bomb.zip", "zeros.bin")
		if _, err := e.Open(); !errors.Is(err, ErrTooLarge) {
			t.Errorf("got %v, want ErrTooLarge", err)
		}
		if got := string(mustRead(t, mustFind(t, tree, "bomb.zip", "note.txt"))); got != "still here" {
			t.Errorf("got %q", got)
		}
	})
	t.Run("listing inflates nothing", func(t *testing.T) {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		tree := open(t, Options{}, fileInput("bomb.zip", z))
		runtime.ReadMemStats(&after)
		if got := after.TotalAlloc - before.TotalAlloc; got > 64<<20 {
			t.Errorf("Open allocated %d bytes, want under 64 MiB", got)
		}
		e := mustFind(t, tree, "bomb.zip", "zeros.bin")
		if e.Size != bombSize {
			t.Fatalf("got size %d, want %d", e.Size, bombSize)
		}
		// Reading is bounded by the declared size: take a little and stop.
		rc, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		n, err := io.CopyN(io.Discard, rc, 1<<20)
		rc.Close()
		if n != 1<<20 || err != nil {
			t.Errorf("got %d bytes, %v", n, err)
		}
	})
	t.Run("inflating past a lying size", func(t *testing.T) {
		lying := bytes.Clone(z)
		at := centralRecord(t, lying, "zeros.bin")
		binary.LittleEndian.PutUint32(lying[at+24:], 1<<20) // declares 1 MiB
		tree := open(t, Options{}, fileInput("liar.zip", lying))
		b, err := read(mustFind(t, tree, "liar.zip", "zeros.bin"))
		if !errors.Is(err, ErrSizeMismatch) && !errors.Is(err, ErrTruncated) {
			t.Errorf("got %v, want a size error", err)
		}
		if len(b) > 1<<20 {
			t.Errorf("got %d bytes, more than the declared 1 MiB", len(b))
		}
	})
	t.Run("nested bomb is not inflated", func(t *testing.T) {
		outer := makeZip(t, zfile{name: "inner.zip", data: z, method: zip.Deflate})
		tree := open(t, limits(func(l *Limits) { l.MaxInflate = int64(len(z)) - 1 }), fileInput("outer.zip", outer))
		wantProblem(t, tree, ErrInflateBudget, "outer.zip")
	})
}

func TestBzip2Member(t *testing.T) {
	bz := []byte{
		0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59, 0xab, 0x6b,
		0xa1, 0xf1, 0x00, 0x00, 0x02, 0xd9, 0x80, 0x00, 0x10, 0x40, 0x00, 0x10,
		0x00, 0x12, 0x64, 0xc0, 0x10, 0x20, 0x00, 0x31, 0x00, 0xd3, 0x4d, 0x04,
		0x00, 0x1e, 0xa3, 0xef, 0x4e, 0x51, 0xa2, 0x07, 0x8b, 0xb9, 0x22, 0x9c,
		0x28, 0x48, 0x55, 0xb5, 0xd0, 0xf8, 0x80,
	} // "hello bzip2\n", made by bzip2 -9
	want := "hello bzip2\n"
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	fw, err := w.CreateRaw(&zip.FileHeader{Name: "b.txt", Method: 12, CRC32: crc32.ChecksumIEEE([]byte(want)),
		CompressedSize64: uint64(len(bz)), UncompressedSize64: uint64(len(want))})
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(bz)
	w.Close()
	tree := open(t, Options{}, fileInput("bz.zip", buf.Bytes()))
	wantNoProblems(t, tree)
	if got := string(mustRead(t, mustFind(t, tree, "bz.zip", "b.txt"))); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
