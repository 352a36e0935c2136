package browser

import (
	"errors"
	"fmt"
	"io"
	"sync"
)

// BlockSize is the unit of reads from a Blob. Each read is one promise round
// trip (about 0.6 ms in Chromium); at 1 MiB the round trips cost little and
// a directory walk over a 1 GB ZIP stays near 250 MB/s.
const BlockSize = 1 << 20

// cacheBlocks bounds the cache, shared by every file: memory stays at
// cacheBlocks MiB however big and however many the files are, and enough
// blocks stay to serve a ZIP directory walk that jumps between the central
// directory and local headers. Each file had four blocks of its own before:
// the five parts of a 100,000-recording export then held 20 MiB once read.
const cacheBlocks = 6

// fetchFunc reads the bytes [off, off+len(p)) of a file into p.
type fetchFunc func(off int64, p []byte) (int, error)

// blockReader is an io.ReaderAt that reads whole blocks through fetch and
// keeps the most recently used ones in the shared cache. Safe for
// concurrent use.
type blockReader struct {
	name  string
	size  int64
	fetch fetchFunc
	reads int // fetches made, for tests; under cache.mu
}

// cache holds the blocks most recently read, of any file. One lock for a
// whole read, fetch included: a block's memory is reused on eviction, so
// nobody may copy from it while another read evicts.
var cache struct {
	mu     sync.Mutex
	blocks []*block // most recently used first; at most cacheBlocks
}

type block struct {
	r     *blockReader
	index int64
	data  []byte
}

func newBlockReader(name string, size int64, fetch fetchFunc) *blockReader {
	return &blockReader{name: name, size: size, fetch: fetch}
}

// ReadAt implements io.ReaderAt.
func (r *blockReader) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, fmt.Errorf("browser: %s: negative offset %d", r.name, off)
	}
	if off >= r.size {
		return 0, io.EOF
	}
	cache.mu.Lock()
	defer cache.mu.Unlock()
	n := 0
	for n < len(p) && off < r.size {
		b, err := r.block(off / BlockSize)
		if err != nil {
			return n, err
		}
		k := copy(p[n:], b[off%BlockSize:])
		if k == 0 {
			return n, fmt.Errorf("browser: %s: short block at %d", r.name, off)
		}
		n += k
		off += int64(k)
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// block returns block i of r, from the cache or read once. cache.mu is
// held.
func (r *blockReader) block(i int64) ([]byte, error) {
	bs := cache.blocks
	for k, b := range bs {
		if b.r == r && b.index == i {
			copy(bs[1:k+1], bs[:k])
			bs[0] = b
			return b.data, nil
		}
	}
	start := i * BlockSize
	n := min(int64(BlockSize), r.size-start)
	var buf []byte
	if len(bs) == cacheBlocks {
		// Reuse the least recently used block's memory: no garbage per read.
		// A file's last block may be short; its memory then cannot hold a
		// full block (slicing past its capacity panics), so it is dropped.
		old := bs[cacheBlocks-1].data
		bs[cacheBlocks-1] = nil
		cache.blocks = bs[:cacheBlocks-1]
		if int64(cap(old)) >= n {
			buf = old[:n]
		}
	}
	if buf == nil {
		buf = make([]byte, n)
	}
	r.reads++
	got, err := r.fetch(start, buf)
	if err != nil {
		return nil, fmt.Errorf("browser: %s: reading at %d: %w", r.name, start, err)
	}
	if int64(got) != n {
		return nil, fmt.Errorf("browser: %s: %w", r.name, errShortRead)
	}
	cache.blocks = append(cache.blocks, nil)
	copy(cache.blocks[1:], cache.blocks)
	cache.blocks[0] = &block{r: r, index: i, data: buf}
	return buf, nil
}

var errShortRead = errors.New("the file changed or shrank while it was read")
