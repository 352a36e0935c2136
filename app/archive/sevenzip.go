package archive

import (
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"runtime"
	"sync"
	"unsafe"

	"github.com/bodgit/sevenzip"
)

// 7z archives are read with the pure-Go decoder github.com/bodgit/sevenzip,
// in the browser and natively, after readSevenHeader bounded what its
// header makes the decoder allocate. A 7z is usually solid: its members
// lie in a few folders (compressed streams), and reading member N means
// decoding the members before it in its folder. The decoder keeps a
// folder's reader where the last member ended (so reading in archive
// order costs each byte once); sevenSource bounds how many such readers,
// each holding a dictionary, are alive at once.

// sevenFileCost is what is kept per file for the tree's life (the
// decoder's File and the pointer to it, sevenSource's chain), beside the
// name.
const sevenFileCost = int64(unsafe.Sizeof(sevenzip.File{})) + 8 + sevenChainCost

// sevenZip lists a 7z archive. fallback is true when the archive uses
// what the pure-Go decoder cannot read (a method, a header layout): an
// Unpacker may try then. Other failures are Problems.
func (o *opener) sevenZip(s *scope, r io.ReaderAt, size int64) (ok, fallback bool) {
	room := o.entryRoom()
	maxCount := uint64(max(o.lim.MaxEntries-len(o.tree.Entries), 0))
	maxCount = min(maxCount, uint64(room/(sevenFileCost+entryFixed)))
	h, err := readSevenHeader(r, size, min(room, maxSevenHeader), maxCount)
	if err != nil {
		if errors.Is(err, ErrEncrypted) {
			o.problem(&Error{Part: s.part, Err: err})
			return false, false
		}
		if errors.Is(err, ErrEntryMemory) || errors.Is(err, ErrTooManyEntries) {
			o.problem(&Error{Part: s.part, Err: fmt.Errorf("%w; the archive is not listed", err)})
			return false, false
		}
		return false, o.sevenFail(s, err)
	}
	if h.method != "" {
		return false, o.sevenFail(s, fmt.Errorf("%w: 7z %s", ErrUnsupported, h.method))
	}
	for i, f := range h.folders {
		if f.mem > o.lim.MaxMemory {
			return false, o.sevenFail(s, fmt.Errorf("%w: 7z folder %d needs %d MiB to decode, more than the %d MiB one export may hold", ErrUnsupported, i, f.mem>>20, o.lim.MaxMemory>>20))
		}
	}
	zr, err := guard(func() (*sevenzip.Reader, error) { return sevenzip.NewReader(yieldingReaderAt{r: r}, size) })
	if err != nil {
		return false, o.sevenFail(s, err)
	}
	if o.unpacker != nil {
		var nested int64
		for _, f := range zr.File {
			if kindByName(f.Name) != kindPlain {
				nested += sizeOf(f.UncompressedSize)
			}
		}
		if o.nestedTooLarge(nested) {
			return false, true
		}
	}
	o.entryMem += int64(len(zr.File)) * sevenFileCost
	src := &sevenSource{r: r, size: size, zr: zr, folders: h.folders, in: s.input, liveMax: o.lim.MaxMemory}
	src.chain()
	var locked int
	// skip is how much of its folder precedes a member: what reading it
	// decodes first. It counts against MaxEntrySize like the member's own
	// bytes, so the work to reach a member is bounded as its size is.
	var skip int64
	folder := -1
	for i, f := range zr.File {
		if i%256 == 0 && o.stopped() {
			return true, false
		}
		at := skip
		if f.UncompressedSize > 0 {
			if f.Stream != folder {
				folder, at = f.Stream, 0
			}
			skip = at + sizeOf(f.UncompressedSize)
		}
		if !f.Mode().IsRegular() {
			continue
		}
		p, unsafe := cleanName(f.Name)
		e := s.o.newEntry(Entry{Part: s.part, Path: p, Size: sizeOf(f.UncompressedSize), Modified: f.Modified, Unsafe: unsafe})
		if f.Name != p {
			e.RawName = f.Name
		}
		e.src, e.at = src, int64(i)
		o.solidLimit(s, e, at, "a solid 7z block")
		if f.UncompressedSize > 0 && f.Stream >= 0 && f.Stream < len(h.folders) && h.folders[f.Stream].encrypted {
			e.Encrypted = true
			locked++
		}
		if !o.listMember(s, e, f.Name) {
			break
		}
	}
	o.lockedProblem(s, locked)
	return true, false
}

// maxSevenHeader bounds a 7z header held in memory while it is walked: a
// header of 100,000 files takes about 10 MB.
const maxSevenHeader = 16 << 20

// sevenFail reports err for a 7z that could not be read here, unless an
// Unpacker may try it: then it reports whether it may.
func (o *opener) sevenFail(s *scope, err error) bool {
	if errors.Is(err, ErrUnsupported) && o.unpacker != nil {
		return true
	}
	o.problem(&Error{Part: s.part, Err: readErr(err)})
	return false
}

// guard runs a call into a decoder of untrusted input and turns a panic
// (an index out of range on a lying header) into an error.
func guard[T any](f func() (T, error)) (v T, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = truncated("the decoder failed: %v", p)
		}
	}()
	return f()
}

// sevenSource serves the members of one 7z.
type sevenSource struct {
	r       io.ReaderAt
	size    int64
	in      int
	folders []sevenFolder

	mu sync.Mutex
	zr *sevenzip.Reader
	// live is the memory of the folders whose readers the decoder may
	// keep (runtime.NumCPU each) in zr's pools. Past liveMax
	// (Limits.MaxMemory), zr is parsed again: the old pools go with the
	// old reader.
	liveMax int64
	live    map[int]bool
	liveMem int64
	resets  int // how often zr was parsed again (for tests)

	// Members in folder order: next[i] is the member after file i in its
	// folder (-1 after the last), pos[i] its place there, first[f] folder
	// f's first member. waiting[f] is the member at whose start a reader
	// of folder f waits in zr's pool (the member before it was read to
	// its end and closed).
	next, pos []int32
	first     []int32
	waiting   map[int]int32
}

// chain records, for each member with data, its folder order.
func (z *sevenSource) chain() {
	n := len(z.zr.File)
	z.next, z.pos, z.first = make([]int32, n), make([]int32, n), make([]int32, len(z.folders))
	last := make([]int32, len(z.folders))
	for f := range z.first {
		z.first[f], last[f] = -1, -1
	}
	for i, f := range z.zr.File {
		z.next[i] = -1
		if f.UncompressedSize == 0 || f.Stream < 0 || f.Stream >= len(z.folders) {
			continue
		}
		if l := last[f.Stream]; l < 0 {
			z.first[f.Stream] = int32(i)
		} else {
			z.next[l], z.pos[i] = int32(i), z.pos[l]+1
		}
		last[f.Stream] = int32(i)
	}
}

// sevenChainCost is what chain keeps per member.
const sevenChainCost = 8

func (z *sevenSource) input() int { return z.in }

func (z *sevenSource) file(e *Entry) (*sevenzip.File, error) {
	z.mu.Lock()
	defer z.mu.Unlock()
	f := z.zr.File[e.at]
	if f.UncompressedSize == 0 || f.Stream < 0 || f.Stream >= len(z.folders) {
		return f, nil
	}
	if !z.live[f.Stream] {
		mem := z.folders[f.Stream].mem * int64(runtime.NumCPU())
		if z.liveMem > 0 && z.liveMem+mem > z.liveMax {
			zr, err := guard(func() (*sevenzip.Reader, error) { return sevenzip.NewReader(yieldingReaderAt{r: z.r}, z.size) })
			if err != nil {
				return nil, err
			}
			z.zr, z.live, z.liveMem, z.waiting = zr, nil, 0, nil
			z.resets++
			f = zr.File[e.at]
		}
		if z.live == nil {
			z.live = map[int]bool{}
		}
		z.live[f.Stream], z.liveMem = true, z.liveMem+mem
	}
	return f, nil
}

// open decodes the members before e in its folder itself, one by one,
// from the folder's start or from where a reader waits: the decoder would
// skip them inside one call (Seek), which in the browser holds the page
// for as long as they take to decode; here they are read with Yield.
func (z *sevenSource) open(e *Entry) (io.ReadCloser, error) {
	f, err := z.file(e)
	if err != nil {
		return nil, err
	}
	i := int32(e.at)
	r := &sevenReader{src: z, folder: -1}
	if f.UncompressedSize > 0 && f.Stream >= 0 && f.Stream < len(z.folders) {
		r.folder, r.after = f.Stream, z.next[i]
		z.mu.Lock()
		from, ok := z.waiting[f.Stream]
		z.mu.Unlock()
		if !ok || from < 0 || z.pos[from] > z.pos[i] {
			from = z.first[f.Stream]
		}
		for j := from; j >= 0 && j != i; j = z.next[j] {
			if err := z.skip(j); err != nil {
				return nil, err
			}
		}
	}
	rc, err := guard(f.Open)
	if err != nil {
		return nil, sevenErr(err)
	}
	r.rc = rc
	if f.CRC32 != 0 {
		r.want, r.h = f.CRC32, crc32.NewIEEE()
	}
	return r, nil
}

// skip reads member j to its end, so that its folder's reader waits in
// the pool at the start of the member after it.
func (z *sevenSource) skip(j int32) error {
	z.mu.Lock()
	f := z.zr.File[j]
	z.mu.Unlock()
	rc, err := guard(f.Open)
	if err != nil {
		return sevenErr(err)
	}
	r := &sevenReader{rc: rc, src: z, folder: f.Stream, after: z.next[j]}
	// A Yield per read, not per yieldBytes as elsewhere: a MiB of zeros
	// sometimes took 250 ms between two Yields in the wasm (with one per
	// 32 KB no gap passed 100 ms: TestBrowser7zDeepSolid).
	buf := make([]byte, 32<<10)
	for {
		Yield()
		if _, err := r.Read(buf); err == io.EOF {
			break
		} else if err != nil {
			r.Close()
			return err
		}
	}
	return r.Close()
}

func (z *sevenSource) section(e *Entry) (io.ReaderAt, error) { return nil, nil }

func (z *sevenSource) locate(e *Entry) (Span, bool) { return Span{}, false }

// sevenReader checks a member's CRC at its end (the decoder does not)
// and turns the decoder's panics into errors. Closed at its end, it
// notes that its folder's reader now waits at the member after it.
type sevenReader struct {
	rc     io.ReadCloser
	h      hash.Hash32
	want   uint32
	src    *sevenSource
	folder int   // -1 for an empty member
	after  int32 // the member after it in its folder
	ended  bool
}

func (r *sevenReader) Read(p []byte) (n int, err error) {
	defer func() {
		if v := recover(); v != nil {
			n, err = 0, truncated("the decoder failed: %v", v)
		}
	}()
	n, err = r.rc.Read(p)
	r.ended = err == io.EOF
	if r.h != nil {
		r.h.Write(p[:n])
		if err == io.EOF && r.h.Sum32() != r.want {
			return n, truncated("checksum mismatch")
		}
	}
	if err != nil && err != io.EOF {
		err = sevenErr(err)
	}
	return n, err
}

func (r *sevenReader) Close() error {
	err := r.rc.Close()
	if z := r.src; r.folder >= 0 {
		z.mu.Lock()
		switch {
		case r.ended && err == nil:
			if z.waiting == nil {
				z.waiting = map[int]int32{}
			}
			z.waiting[r.folder] = r.after
		default: // the reader waits somewhere inside this member, if at all
			delete(z.waiting, r.folder)
		}
		z.mu.Unlock()
	}
	return err
}

// sevenErr names what the decoder's error means here.
func sevenErr(err error) error {
	var re *sevenzip.ReadError
	if errors.As(err, &re) && re.Encrypted {
		return fmt.Errorf("%w: %w", ErrEncrypted, err)
	}
	return readErr(err)
}

// yieldingReaderAt yields while the decoder reads: skipping to a member
// deep in a solid folder decodes everything before it in one call.
type yieldingReaderAt struct{ r io.ReaderAt }

func (y yieldingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	Yield()
	return y.r.ReadAt(p, off)
}
