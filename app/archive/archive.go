// Package archive opens what a person selected — files, folders, ZIPs (ZIP64,
// nested), tar, tar.gz, 7z, RAR, Takeout parts — into one tree of entries,
// each with its provenance, under limits that keep hostile input harmless.
// 7z and RAR are read with pure-Go decoders (sevenzip.go, rar.go), in the
// browser too; what those cannot decode goes to an Unpacker where there
// is one.
//
// Entry points: Open (inputs -> *Tree), Tree.Entries, Entry.Open,
// Entry.Section, Entry.Locate.
//
// Everything here reads through io.ReaderAt or fs.FS: never whole files, never
// file paths, so the same code runs natively and in the browser.
//
// Naming. Entry.Part is the chain of archives from the input, joined by "!":
// "export.zip!Alexa.zip". A ZIP or tar found inside a folder input is named
// by the folder's name, "/" and its path in the folder: "amazon/Alexa.zip".
// A plain entry of a folder input has Part = the folder's name; a selected
// file that is no archive has Part = "" and Path = its name. Entry.Name joins
// them for display.
//
// Listing reads directories and headers only. Member data is read while
// listing only for nested archives, and only within Limits.MaxInflate.
package archive

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
	"sync/atomic"
	"time"
)

// Input is one thing the person selected: a file (R and Size) or a folder (FS).
type Input struct {
	Name string      // what the person sees: "Alexa.zip", "Takeout"
	R    io.ReaderAt // a file; nil for a folder
	Size int64
	FS   fs.FS // a folder; nil for a file
}

// Limits bound the work and memory that one Open may spend. Every count and
// size taken from an archive header is checked against them before use.
type Limits struct {
	MaxEntries    int   // entries over all inputs and nested archives
	MaxTotalBytes int64 // sum of declared uncompressed sizes
	MaxEntrySize  int64 // declared uncompressed size of one entry
	MaxDepth      int   // nesting of archives inside archives (the input is depth 0)
	MaxInflate    int64 // bytes compressed nested archives may be inflated to in memory, all together
	MaxArchives   int   // nested archives opened, all together
	// MaxMemory is what one Open and the Load of its tree may hold: the
	// nested archives inflated (within MaxInflate) and the records parsed
	// (export.Load takes Tree.MemoryLeft). In the browser an out-of-memory
	// is fatal, so this is sized to keep the wasm heap far below 256 MiB.
	MaxMemory int64
	// MaxEntryMemory is the part of MaxMemory that listed entries may
	// hold (an estimate per entry: entryCost), so that a directory of
	// millions of small members cannot take the heap; the rest is left to
	// the records. Past it an archive is listed only in part, and one
	// Problem (ErrEntryMemory) names it. 0 means MaxMemory/2.
	MaxEntryMemory int64
	// MaxTempDisk bounds what an Unpacker may write to temporary disk for
	// one archive; 0 means TempDiskFor(size of the archive).
	MaxTempDisk int64
}

// TempDiskFor is the default temporary disk for unpacking an archive of
// size bytes: a few times its size, at least 64 MiB. Real archives of
// recordings and tables compress little; a 7z that expands a thousand
// times is a bomb.
func TempDiskFor(size int64) int64 {
	return max(8*size, 64<<20)
}

// DefaultLimits are generous for real exports (Amazon: up to 164 ZIPs, tens of
// thousands of recordings; Takeout parts of 2–50 GB) and small enough that a bomb
// is refused quickly.
func DefaultLimits() Limits {
	return Limits{
		MaxEntries:    1_000_000,
		MaxTotalBytes: 1 << 40, // 1 TiB
		MaxEntrySize:  64 << 30,
		MaxDepth:      4,
		MaxInflate:    32 << 20,
		MaxArchives:   1024,
		MaxMemory:     64 << 20,
	}
}

// Progress is reported while opening.
type Progress struct {
	Bytes   int64 // bytes of the inputs read so far (directories, headers)
	Total   int64 // size of all file inputs
	Entries int   // entries found so far
}

// Options configure Open. The zero value uses DefaultLimits.
type Options struct {
	Limits   *Limits
	Progress func(Progress) // called from Open's goroutine, at most every few thousand entries
	// Read, when set, has every byte Open reads from the file inputs added
	// to it as it is read, so a caller can show movement between Progress
	// calls (a slow disk, a slow browser File). Some bytes are read more
	// than once, so it can exceed the inputs' size: clamp it for display.
	Read *atomic.Int64
	// Unpacker reads what the pure-Go decoders here cannot: ZIP members
	// with methods other than Store, Deflate and bzip2, 7z archives of other
	// methods (Zstandard, Brotli, LZ4, Deflate64), RAR 1.5 compression,
	// unknown RAR versions, multi-volume RARs. Nil in the browser: such input
	// is then reported as a Problem (ErrUnsupported) and the rest stays usable.
	Unpacker Unpacker
}

// Unpacker extracts an archive that this package cannot read itself.
type Unpacker interface {
	// Unpack reads the archive named name (its bytes in r) and returns its
	// members as a file system. close releases what Unpack made (temporary
	// files). It must honour lim and ctx.
	Unpack(ctx context.Context, name string, r io.ReaderAt, size int64, lim Limits) (fsys fs.FS, close func() error, err error)
}

// Entry is one regular file in the tree.
type Entry struct {
	Part      string    // the chain of archives from the input: "export.zip!Alexa.zip"; for a folder input, its name
	Path      string    // member path, slash-separated, cleaned for display; never used as a file path
	RawName   string    // the name as written in the archive, when it differs from Path
	Size      int64     // uncompressed size as declared; over Limits it is listed but refuses to open (ErrTooLarge)
	Modified  time.Time // zero when unknown
	Encrypted bool      // the archive marks it encrypted: listed, never decoded
	Duplicate bool      // another entry of the same Part has the same Path; both are kept
	Unsafe    bool      // the name was absolute or climbed out with ".."
	inFolder  bool      // a plain file of a folder input: Name joins with "/"
	stored    bool      // ZIP: stored uncompressed, so it can be read at random
	// Stored is set when the entry's bytes lie uncompressed and contiguous in
	// one input file, so the browser can play it with zero copies.
	// It is filled while listing only where the offset is known without a
	// read (tar members). For ZIP members the offset hides behind a local
	// header whose reading would cost one round trip per entry in the
	// browser, so it is resolved on demand: use Locate, which covers both.
	Stored *Span

	// Where the bytes come from: one source serves every entry of an
	// archive or folder, and what differs per entry is an offset here, so
	// listing allocates nothing per entry but the Entry and its name (a
	// ZIP of 200,000 members would otherwise hold 200,000 zip.Files and
	// closures: issue 6). The fields are ordered to keep an Entry at 144
	// bytes, a size class below 160.
	src   source
	at    int64 // ZIP: offset of the central directory record; tar: offset of the data
	limit int64 // ZIP: where the member's data must end (the next member's header)
	err   error // why the entry cannot be opened (over a limit, damaged, ...)
}

// Span locates an entry's bytes inside an input file.
type Span struct {
	Input  int   // index into the inputs given to Open
	Offset int64 // first byte of the entry's data
}

// Tree is the result of Open.
type Tree struct {
	Inputs   []InputInfo
	Entries  []*Entry // sorted by Part, then Path, then RawName: deterministic
	Problems []*Error // members or inputs that could not be read; the rest is usable
	closers  []func() error
	memLeft  int64
	memKnown bool
}

// Lookup returns the entries of Part part and Path path: one, or the
// duplicates of that name in listing order (Entry.Duplicate), or none.
// Entries are sorted by Part and Path, so this is a binary search; the
// slice is the tree's own, not to be changed.
func (t *Tree) Lookup(part, path string) []*Entry {
	if t == nil {
		return nil
	}
	key := func(e *Entry) int { return cmp.Or(strings.Compare(e.Part, part), strings.Compare(e.Path, path)) }
	lo, _ := slices.BinarySearchFunc(t.Entries, 0, func(e *Entry, _ int) int { return key(e) })
	hi := lo
	for hi < len(t.Entries) && key(t.Entries[hi]) == 0 {
		hi++
	}
	return t.Entries[lo:hi:hi]
}

// MemoryLeft is what Limits.MaxMemory leaves for parsing the tree's files
// once its nested archives are held in memory and its entries listed (by
// entryCost); ok is false for a Tree not made by Open.
func (t *Tree) MemoryLeft() (n int64, ok bool) { return t.memLeft, t.memKnown }

// InputInfo describes one selected input.
type InputInfo struct {
	Name string
	Size int64
	Dir  bool
}

// Error names where reading failed and why. Err is one of the Err* values
// below when the cause is one of them (use errors.Is).
type Error struct {
	Part string // the input or archive chain
	Path string // the member, if any
	Err  error

	inFolder bool // Path is a file of the folder Part: join with "/"
}

// Errors that name the reason a Problem or Entry.Open failed (use errors.Is).
var (
	ErrOverlap        = errors.New("entries overlap: a zip bomb")
	ErrTooManyEntries = errors.New("too many entries")
	ErrTooLarge       = errors.New("entry or total size over the limit")
	ErrTooDeep        = errors.New("archives nested too deep")
	ErrEncrypted      = errors.New("the entry is encrypted")
	ErrTruncated      = errors.New("the archive is truncated or damaged")
	ErrUnsupported    = errors.New("method or format not readable here")
	ErrInflateBudget  = errors.New("nested archive too large to unpack in memory")
	// ErrEntryMemory: an archive holds more entries than
	// Limits.MaxEntryMemory can list; the first ones are listed.
	ErrEntryMemory = errors.New("the memory set aside for one export is spent")
	// ErrTempDisk: an Unpacker refused to write more than Limits.MaxTempDisk.
	ErrTempDisk = errors.New("unpacking stopped")
	// ErrSizeMismatch: the data is longer or shorter than its header declares
	// (a lying header); reading stops there rather than yield extra bytes.
	ErrSizeMismatch = errors.New("size differs from the declared size")
)

// Error formats as "archive: <part>[!<path>]: <reason>".
func (e *Error) Error() string {
	return fmt.Sprintf("archive: %s: %v", joinName(e.Part, e.Path, e.inFolder), e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Name is what the person sees for the entry: Part + "!" + Path inside an
// archive, Part + "/" + Path for a file of a folder input, Path alone when
// Part is empty (a selected file that is no archive).
func (e *Entry) Name() string { return joinName(e.Part, e.Path, e.inFolder) }

// InFolder reports whether the entry is a plain file of a folder input:
// its Part is the folder's name, and Name joins it with "/".
func (e *Entry) InFolder() bool { return e.inFolder }

// JoinName is the one way a member is named for people: Part + "!" + Path
// inside an archive, Part + "/" + Path when folder says Part is a folder
// input (its plain files), Path alone when Part is empty, Part alone when
// Path is. Entry.Name, the reports, the viewer's file names and its
// messages all use it.
func JoinName(part, path string, folder bool) string { return joinName(part, path, folder) }

func joinName(part, path string, inFolder bool) string {
	switch {
	case part == "":
		return path
	case path == "":
		return part
	case inFolder:
		return part + "/" + path
	}
	return part + "!" + path
}

// Open returns the entry's decompressed bytes. The reader never yields more
// than Size bytes: data longer or shorter than declared ends in an error
// (ErrSizeMismatch), so a lying header cannot make a reader inflate more.
// Errors are *Error values naming the entry.
func (e *Entry) Open() (io.ReadCloser, error) {
	if e.err != nil {
		return nil, e.fail(e.err)
	}
	if e.Encrypted {
		return nil, e.fail(ErrEncrypted)
	}
	if e.src == nil {
		return nil, e.fail(ErrUnsupported)
	}
	rc, err := e.src.open(e)
	if err != nil {
		return nil, e.fail(err)
	}
	return &exactReader{rc: rc, left: e.Size, e: e}, nil
}

// Section gives random access to the entry's bytes when that is cheap: a
// stored (uncompressed) ZIP or tar member, or a file of a folder. The reader
// is limited to Size bytes. ok is false otherwise; use Open then.
func (e *Entry) Section() (r io.ReaderAt, ok bool) {
	if e.err != nil || e.Encrypted || e.src == nil {
		return nil, false
	}
	ra, err := e.src.section(e)
	if err != nil || ra == nil {
		return nil, false
	}
	return io.NewSectionReader(ra, 0, e.Size), true
}

// Locate reports where the entry's bytes lie uncompressed and contiguous in
// an input file (Span.Input indexes Tree.Inputs), also through stored
// nested ZIPs. For a ZIP member each call reads its directory record and
// local header again (three small reads): keeping the answer would cost
// every entry the room, and Locate is called once per click. ok is false
// when there is no such place (compressed, inside a folder or an unpacked
// archive) or it cannot be read.
func (e *Entry) Locate() (Span, bool) {
	if e.Stored != nil {
		return *e.Stored, true
	}
	if e.err != nil || e.Encrypted || e.src == nil {
		return Span{}, false
	}
	return e.src.locate(e)
}

// fail wraps err as an *Error naming the entry, unless it already is one.
func (e *Entry) fail(err error) error {
	var ae *Error
	if errors.As(err, &ae) {
		return err
	}
	return &Error{Part: e.Part, Path: e.Path, Err: err, inFolder: e.inFolder}
}

// Close releases what the tree holds open: files of folder inputs and what
// an Unpacker made. Entries must not be opened afterwards.
func (t *Tree) Close() error {
	var errs []error
	for i := len(t.closers) - 1; i >= 0; i-- {
		if err := t.closers[i](); err != nil {
			errs = append(errs, err)
		}
	}
	t.closers = nil
	return errors.Join(errs...)
}
