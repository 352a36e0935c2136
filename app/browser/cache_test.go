//go:build !wasm

package browser

import (
	"bytes"
	"io"
	"testing"
)

func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i*7 + i>>20)
	}
	return b
}

func TestReaderAt(t *testing.T) {
	data := pattern(3*BlockSize + 123)
	tests := []struct {
		name    string
		off     int64
		n       int
		wantN   int
		wantEOF bool
	}{
		{"start", 0, 10, 10, false},
		{"across blocks", BlockSize - 5, 10, 10, false},
		{"whole file", 0, len(data), len(data), false},
		{"tail", int64(len(data)) - 3, 10, 3, true},
		{"past end", int64(len(data)) + 1, 4, 0, true},
		{"several blocks", 100, 2*BlockSize + 7, 2*BlockSize + 7, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := NewFile("x.zip", data).ReaderAt()
			p := make([]byte, tc.n)
			n, err := r.ReadAt(p, tc.off)
			if n != tc.wantN {
				t.Fatalf("got n %d, want %d", n, tc.wantN)
			}
			if (err == io.EOF) != tc.wantEOF {
				t.Fatalf("got err %v, want EOF %v", err, tc.wantEOF)
			}
			if n > 0 && !bytes.Equal(p[:n], data[tc.off:tc.off+int64(n)]) {
				t.Fatalf("got bytes that differ from the file at %d", tc.off)
			}
		})
	}
}

func TestCacheReusesBlocks(t *testing.T) {
	data := pattern((cacheBlocks + 4) * BlockSize)
	reads := 0
	f := &File{name: "x", size: int64(len(data)), src: source{data: data, reads: &reads}}
	r := f.ReaderAt()
	p := make([]byte, 16)
	// Many small reads within two blocks: two fetches.
	for i := 0; i < 1000; i++ {
		r.ReadAt(p, int64(i*100))
		r.ReadAt(p, BlockSize+int64(i*100))
	}
	if reads != 2 {
		t.Fatalf("got %d fetches for reads within two blocks, want 2", reads)
	}
	// Touch more blocks than the cache holds: the first is evicted.
	for i := 0; i < cacheBlocks+2; i++ {
		r.ReadAt(p, int64(i)*BlockSize+1)
	}
	before := reads
	r.ReadAt(p, 0)
	if reads != before+1 {
		t.Fatalf("got %d fetches re-reading an evicted block, want 1", reads-before)
	}
	if got := len(cache.blocks); got > cacheBlocks {
		t.Fatalf("got %d cached blocks, want at most %d", got, cacheBlocks)
	}
	if n, _ := r.ReadAt(p, 5*BlockSize+3); n != len(p) || !bytes.Equal(p, data[5*BlockSize+3:5*BlockSize+3+16]) {
		t.Fatalf("got wrong bytes after eviction and reuse")
	}
}

func TestPickLanguage(t *testing.T) {
	for _, tc := range []struct{ tag, want string }{{"de-DE", "de"}, {"DE", "de"}, {"en-US", "en"}, {"fr", "en"}, {"", "en"}} {
		if got := pickLanguage(tc.tag); got != tc.want {
			t.Errorf("pickLanguage(%q): got %q, want %q", tc.tag, got, tc.want)
		}
	}
}

// A 1,000,000-row CSV and a 5 MB Takeout part ended in "slice bounds out of
// range [:1048576] with capacity …": the short last block's memory was
// reused for a full block.
func TestCacheReusesShortLastBlock(t *testing.T) {
	data := pattern((cacheBlocks+2)*BlockSize + 321)
	r := NewFile("x.csv", data).ReaderAt()
	p := make([]byte, 16)
	last := int64(cacheBlocks+2) * BlockSize
	// Full blocks first, then the short last one, then enough full blocks
	// that the short one is the least recently used and is reused.
	for _, off := range []int64{0, BlockSize, last, 2 * BlockSize, 3 * BlockSize, 4 * BlockSize, 5 * BlockSize} {
		n, err := r.ReadAt(p, off+1)
		if n != len(p) || err != nil {
			t.Fatalf("reading at %d: got %d, %v", off+1, n, err)
		}
		if !bytes.Equal(p, data[off+1:off+1+int64(n)]) {
			t.Fatalf("got wrong bytes at %d", off+1)
		}
	}
	// And the short block read again after the reuse is still right.
	n, err := r.ReadAt(p, last+300)
	if n != 16 || err != nil || !bytes.Equal(p, data[last+300:last+316]) {
		t.Fatalf("re-reading the short block: got %d, %v", n, err)
	}
}

// The files share one cache: block i of one file is never served for
// block i of another, and however many files are read, the cache holds
// cacheBlocks blocks at most.
func TestCacheSharedByFiles(t *testing.T) {
	const files = cacheBlocks + 3
	datas := make([][]byte, files)
	readers := make([]io.ReaderAt, files)
	for i := range files {
		datas[i] = pattern(2*BlockSize + 100*i)
		for k := range datas[i] {
			datas[i][k] ^= byte(i + 1) // the same offset differs from file to file
		}
		readers[i] = NewFile("part.zip", datas[i]).ReaderAt()
	}
	p := make([]byte, 64)
	for round := range 3 {
		for i, r := range readers {
			for _, off := range []int64{5, BlockSize + 7, int64(len(datas[i]) - 64)} {
				if n, err := r.ReadAt(p, off); n != len(p) || err != nil {
					t.Fatalf("round %d, file %d at %d: got %d, %v", round, i, off, n, err)
				}
				if !bytes.Equal(p, datas[i][off:off+64]) {
					t.Fatalf("round %d, file %d at %d: got another file's bytes", round, i, off)
				}
			}
			if got := len(cache.blocks); got > cacheBlocks {
				t.Fatalf("%d files read: %d blocks cached, want at most %d", i+1, got, cacheBlocks)
			}
		}
	}
}
