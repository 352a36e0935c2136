package archive

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"unsafe"
)

// Open reads the directories of the inputs into one tree. It fails only when
// ctx is cancelled or inputs is empty: everything else that cannot be read
// (an input, an archive, a member) becomes a Problem and the rest is listed.
// Close the tree when done.
func Open(ctx context.Context, inputs []Input, opt Options) (*Tree, error) {
	if len(inputs) == 0 {
		return nil, errors.New("archive: nothing to open")
	}
	lim := DefaultLimits()
	if opt.Limits != nil {
		lim = *opt.Limits
		// Limits added later keep their defaults for callers that fill
		// only the older ones.
		d := DefaultLimits()
		if lim.MaxArchives <= 0 {
			lim.MaxArchives = d.MaxArchives
		}
		if lim.MaxMemory <= 0 {
			lim.MaxMemory = d.MaxMemory
		}
	}
	if lim.MaxEntryMemory <= 0 {
		lim.MaxEntryMemory = lim.MaxMemory / 2
	}
	o := &opener{ctx: ctx, lim: lim, unpacker: opt.Unpacker, progress: opt.Progress, tree: &Tree{}}
	o.nextReport = progressEvery
	o.read = opt.Read
	if o.read == nil {
		o.read = new(atomic.Int64)
	}
	for _, in := range inputs {
		o.tree.Inputs = append(o.tree.Inputs, InputInfo{Name: in.Name, Size: in.Size, Dir: in.FS != nil})
		if in.FS == nil {
			o.size += in.Size
		}
	}
	for i, in := range inputs {
		if err := ctx.Err(); err != nil {
			o.tree.Close()
			return nil, err
		}
		s := &scope{o: o, part: in.Name, input: i} // base 0: the input itself
		switch {
		case in.FS != nil:
			s.base = -1
			o.walk(s, in.FS, true)
		case in.R == nil || in.Size < 0:
			o.problem(&Error{Part: in.Name, Err: errors.New("no data: neither a file nor a folder")})
		default:
			o.file(s, countingReaderAt{in.R, o.read}, in.Size)
		}
		s.finish()
	}
	if err := ctx.Err(); err != nil {
		o.tree.Close()
		return nil, err
	}
	if o.unopened > 0 {
		o.problem(&Error{Part: o.unopenedPart, Err: fmt.Errorf("%w: %d more nested archives (first in %s) were not opened; they are listed as files", ErrInflateBudget, o.unopened, o.unopenedPart)})
	}
	o.tree.memLeft, o.tree.memKnown = max(o.lim.MaxMemory-o.inflated-o.entryMem, 0), true
	sortEntries(o.tree.Entries)
	o.report()
	return o.tree, nil
}

// progressEvery is how many entries pass between Progress calls.
const progressEvery = 1000

// opener is the state of one Open: limits and budgets shared by all inputs.
type opener struct {
	ctx      context.Context
	lim      Limits
	unpacker Unpacker
	progress func(Progress)
	tree     *Tree

	total    int64 // declared bytes of the listed entries
	inflated int64 // bytes of nested archives held in memory
	entryMem int64 // what the listed entries hold, by entryCost
	names    nameBlocks
	slab     []Entry // newEntry's room
	slabSize int     // the entries of the last slab
	nested   int     // nested archives opened
	// unopened counts the nested archives left closed once the budget
	// for them was spent (the first is reported where it stood, the rest
	// once, in unopenedPart): a 42.zip must not cost a problem per member.
	unopened     int
	unopenedPart string
	budgetSpent  bool
	read         *atomic.Int64 // bytes read from the file inputs
	size         int64
	nextReport   int
}

// scope is one archive (or folder) being listed: where its entries come
// from, and the problems to report once for all its members.
type scope struct {
	o     *opener
	part  string // the chain naming this archive
	depth int    // nesting of archives (the input is 0)
	input int    // index of the top-level input
	base  int64  // where this archive's bytes start inside the input; -1 when not contiguous there

	tooLarge []string // members over MaxEntrySize or the total
	tooMany  bool
	listed   int // entries this scope added
	// memFull: listing stopped at Limits.MaxEntryMemory after shown of
	// of entries (of is 0 when the archive does not declare its count).
	memFull     bool
	shown, of   int
	unsupported map[uint16]int // ZIP method -> members
}

func (o *opener) problem(e *Error) { o.tree.Problems = append(o.tree.Problems, e) }

// stopped reports whether ctx is cancelled. The listing loops call it every
// few hundred entries, so it also yields: in the browser nothing preempts
// a running goroutine, and the page cannot paint or answer until it yields.
func (o *opener) stopped() bool {
	Yield()
	return o.ctx.Err() != nil
}

func (o *opener) report() {
	if o.progress != nil {
		o.progress(Progress{Bytes: o.read.Load(), Total: o.size, Entries: len(o.tree.Entries)})
	}
}

// room reports whether n more entries fit under MaxEntries.
func (o *opener) room(n uint64) bool {
	return n <= uint64(max(o.lim.MaxEntries-len(o.tree.Entries), 0))
}

// entryFixed is what one listed entry holds beside its names: the Entry
// and its pointer in Tree.Entries, with the room append leaves there on
// average, and the headers of its name strings. Measured with
// folders.zip (entries with 13-byte names): 165 bytes each.
const entryFixed = int64(unsafe.Sizeof(Entry{})) + 8 + 8 + 16

// newEntry is e in the opener's slab: one allocation for up to maxSlab
// entries instead of one an entry. In the browser the collector marks
// without yielding to the page, and 100,000 entries of their own were
// half of a mark's work (the entries are the tree's: they live as long
// as it does, together).
func (o *opener) newEntry(e Entry) *Entry {
	if len(o.slab) == 0 {
		// Slabs grow with the entries seen, so a small archive does not
		// keep a big slab for a few entries.
		o.slabSize = min(max(2*o.slabSize, 8), maxSlab)
		o.slab = make([]Entry, o.slabSize)
	}
	p := &o.slab[0]
	*p = e
	o.slab = o.slab[1:]
	return p
}

// maxSlab is the entries of a full slab (36 KiB).
const maxSlab = 256

// nameBlocks keeps the names of listed entries in shared blocks: one
// allocation per block instead of one per name. In the browser the
// collector marks without yielding to the page, and 200,000 names are
// 200,000 objects to mark. Bytes once appended are never written again,
// so the strings made from them stay immutable.
type nameBlocks struct{ buf []byte }

// keepBytes is keep for a name read into a buffer that will be reused.
func (b *nameBlocks) keepBytes(name []byte) string {
	if len(name) > 4<<10 {
		return string(name)
	}
	return b.keep(unsafe.String(unsafe.SliceData(name), len(name)))
}

func (b *nameBlocks) keep(s string) string {
	if s == "" || len(s) > 4<<10 {
		return s // a long name is an allocation of its own already
	}
	if cap(b.buf)-len(b.buf) < len(s) {
		// Blocks grow with the names seen, so a small archive does not
		// keep a big block for a few names.
		b.buf = make([]byte, 0, max(min(max(2*cap(b.buf), 1<<10), 64<<10), len(s)))
	}
	at := len(b.buf)
	b.buf = append(b.buf, s...)
	return unsafe.String(&b.buf[at], len(s))
}

// entryCost estimates what an entry with names of n bytes in all holds.
func entryCost(n int) int64 { return entryFixed + int64(n) }

// entryRoom is what listed entries may still take: their share of the
// memory, which nested archives held in memory also draw on.
func (o *opener) entryRoom() int64 {
	return max(min(o.lim.MaxEntryMemory-o.entryMem, o.lim.MaxMemory-o.inflated-o.entryMem), 0)
}

// add lists e. Declared sizes are checked here, before anything is read:
// an entry over the limits stays visible but refuses to open. It returns
// false when MaxEntries or the entries' memory is reached and the scope
// must stop listing.
func (s *scope) add(e *Entry) bool {
	e.Path, e.RawName = s.o.names.keep(e.Path), s.o.names.keep(e.RawName)
	return s.addKept(e)
}

// addKept is add for an entry whose names are in the opener's nameBlocks
// already (a ZIP's, kept as its directory is read).
func (s *scope) addKept(e *Entry) bool {
	o := s.o
	if !o.room(1) {
		s.tooMany = true
		return false
	}
	cost := entryCost(len(e.Path) + len(e.RawName))
	if cost > o.entryRoom() {
		if !s.memFull {
			s.memFull, s.shown = true, s.listed
		}
		return false
	}
	o.entryMem += cost
	s.listed++
	if e.err == nil {
		switch {
		case e.Size < 0 || e.Size > o.lim.MaxEntrySize:
			e.err = fmt.Errorf("%w: declares %d bytes, the limit is %d", ErrTooLarge, e.Size, o.lim.MaxEntrySize)
			s.tooLarge = append(s.tooLarge, e.Path)
		case e.Size > o.lim.MaxTotalBytes-o.total:
			e.err = fmt.Errorf("%w: the entries declare more than %d bytes in all", ErrTooLarge, o.lim.MaxTotalBytes)
			s.tooLarge = append(s.tooLarge, e.Path)
		default:
			o.total += e.Size
		}
	}
	o.tree.Entries = append(o.tree.Entries, e)
	if len(o.tree.Entries) >= o.nextReport {
		o.nextReport += progressEvery
		o.report()
	}
	return true
}

// child is the scope of an archive found at member path name of s.
func (s *scope) child(name string, base int64) *scope {
	return &scope{o: s.o, part: s.part + "!" + name, depth: s.depth + 1, input: s.input, base: base}
}

// finish reports once per archive what concerns many of its members.
func (s *scope) finish() {
	o := s.o
	if s.tooMany {
		o.problem(&Error{Part: s.part, Err: fmt.Errorf("%w: more than %d; the rest is not listed", ErrTooManyEntries, o.lim.MaxEntries)})
	}
	switch {
	case s.memFull && s.of > 0:
		o.problem(&Error{Part: s.part, Err: fmt.Errorf("only the first %d of %d entries are listed: %w", s.shown, s.of, ErrEntryMemory)})
	case s.memFull:
		o.problem(&Error{Part: s.part, Err: fmt.Errorf("only the first %d entries are listed: %w", s.shown, ErrEntryMemory)})
	}
	switch n := len(s.tooLarge); {
	case n == 1:
		o.problem(&Error{Part: s.part, Path: s.tooLarge[0], Err: fmt.Errorf("%w: it cannot be opened", ErrTooLarge)})
	case n > 1:
		o.problem(&Error{Part: s.part, Err: fmt.Errorf("%w: %d entries (first %s) cannot be opened", ErrTooLarge, n, s.tooLarge[0])})
	}
	for _, m := range sortedMethods(s.unsupported) {
		o.problem(&Error{Part: s.part, Err: fmt.Errorf("%w: %d entries use %s compression (method %d)", ErrUnsupported, s.unsupported[m], methodName(m), m)})
	}
}

// kind is what an input file holds.
type kind int

const (
	kindPlain kind = iota
	kindZip
	kindTar
	kindTgz
	kindRar
	kind7z
)

// sniff tells the kind of a file by its first bytes, then by its name.
func sniff(name string, r io.ReaderAt, size int64) kind {
	head := make([]byte, min(size, 512))
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")),
		bytes.HasPrefix(head, []byte("PK\x07\x08")):
		return kindZip
	case bytes.HasPrefix(head, []byte("Rar!\x1a\x07")):
		return kindRar
	case bytes.HasPrefix(head, []byte("7z\xbc\xaf\x27\x1c")):
		return kind7z
	case isTarHeader(head):
		return kindTar
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		if isName(name, ".tgz", ".tar.gz") || gzipHoldsTar(r, size) {
			return kindTgz
		}
		return kindPlain
	}
	return kindByName(name)
}

func kindByName(name string) kind {
	switch {
	case isName(name, ".zip"):
		return kindZip
	case isName(name, ".tgz", ".tar.gz"):
		return kindTgz
	case isName(name, ".tar"):
		return kindTar
	case isName(name, ".rar"):
		return kindRar
	case isName(name, ".7z"):
		return kind7z
	}
	return kindPlain
}

func isTarHeader(b []byte) bool {
	return len(b) >= 512 && bytes.Equal(b[257:262], []byte("ustar"))
}

// gzipHoldsTar inflates the first block of a gzip file to look for a tar
// header (a .gz that is not named .tgz).
func gzipHoldsTar(r io.ReaderAt, size int64) bool {
	zr, err := gzip.NewReader(io.NewSectionReader(r, 0, size))
	if err != nil {
		return false
	}
	head := make([]byte, 512)
	n, _ := io.ReadFull(zr, head)
	return isTarHeader(head[:n])
}

// file lists one file: an archive of a known kind, else a plain entry.
func (o *opener) file(s *scope, r io.ReaderAt, size int64) {
	switch k := sniff(s.part, r, size); k {
	case kindZip, kindTar, kindTgz, kindRar, kind7z:
		o.list(s, k, r, size)
	default:
		e := &Entry{Path: s.part, Size: size, src: &plainFile{r: r, in: s.input}}
		if s.base >= 0 {
			e.Stored = &Span{Input: s.input, Offset: s.base}
		}
		s.add(e)
	}
}

// unpack hands an archive this package cannot read (RAR; a 7z whose
// method the pure-Go decoder lacks) to the Unpacker and lists what it
// returns.
func (o *opener) unpack(s *scope, r io.ReaderAt, size int64) bool {
	if o.unpacker == nil {
		o.problem(&Error{Part: s.part, Err: fmt.Errorf("%w: RAR archives, and 7z archives of methods not decoded here, need the command-line tool", ErrUnsupported)})
		return false
	}
	fsys, closeFn, err := o.unpacker.Unpack(o.ctx, s.part, r, size, o.lim)
	if err != nil {
		if !errors.Is(err, ErrTempDisk) { // a bomb, not a format we cannot read
			err = fmt.Errorf("%w: %w", ErrUnsupported, err)
		}
		o.problem(&Error{Part: s.part, Err: err})
		return false
	}
	if closeFn != nil {
		o.tree.closers = append(o.tree.closers, closeFn)
	}
	o.walk(s, fsys, false)
	return true
}
