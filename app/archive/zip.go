package archive

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// ZIP compression methods beyond Store and Deflate that matter here.
const (
	methodBzip2 = 12
	methodAES   = 99 // WinZip AES: the member is encrypted
)

// decodable reports whether this package decodes a ZIP method itself.
func decodable(m uint16) bool { return m == zip.Store || m == zip.Deflate || m == methodBzip2 }

func methodName(m uint16) string {
	switch m {
	case 9:
		return "Deflate64"
	case methodBzip2:
		return "bzip2"
	case 14:
		return "LZMA"
	case 93:
		return "Zstandard"
	case 95:
		return "XZ"
	case 98:
		return "PPMd"
	}
	return "an unknown"
}

func sortedMethods(m map[uint16]int) []uint16 {
	var ms []uint16
	for k := range m {
		ms = append(ms, k)
	}
	slices.Sort(ms)
	return ms
}

// zip lists a ZIP archive read through r. It reports whether the archive
// could be opened at all; when it could not, a Problem names it.
func (o *opener) zip(s *scope, r io.ReaderAt, size int64) bool {
	dir, err := readZipDir(r, size, uint64(max(o.lim.MaxEntries-len(o.tree.Entries), 0)), o.entryRoom(), &o.names)
	if err != nil {
		o.problem(&Error{Part: s.part, Err: err})
		return false
	}
	if dir.cut {
		// Only the records that fit the memory were read: they are listed.
		s.memFull, s.shown, s.of = true, len(dir.members), int(dir.declared)
		if len(dir.members) == 0 {
			return true
		}
	}
	limit, damaged, err := dir.layout(size)
	if err != nil {
		var ov *overlapError
		if errors.As(err, &ov) {
			// Name the members: a person can look at them in another tool.
			err = fmt.Errorf("%w: the data of %q lies inside %q (%d entries in all)",
				ErrOverlap, dir.name(r, size, ov.inner), dir.name(r, size, ov.outer), len(dir.members))
		}
		o.problem(&Error{Part: s.part, Err: fmt.Errorf("%w; the archive is not listed", err)})
		return false
	}
	za := &zipArchive{r: r, size: size, base: dir.base, in: s.input, inAt: s.base}
	// Room for the members at once: grown by doubling, the list of a big
	// export's entries cost twice its size in garbage.
	o.tree.Entries = slices.Grow(o.tree.Entries, len(dir.members))

	var pending []*Entry
	var nDamaged int
	for i := range dir.members {
		if i%256 == 0 && o.stopped() {
			return true
		}
		f := &dir.members[i]
		if f.skip() {
			continue
		}
		name := decodeLegacy(f.name, f.nonUTF8)
		p, unsafe := cleanName(name)
		e := o.newEntry(Entry{
			Part: s.part, Path: p, Size: sizeOf(f.usize), Modified: f.modified(),
			Encrypted: f.flags&1 != 0 || f.method == methodAES, Unsafe: unsafe,
		})
		if f.name != p {
			e.Path, e.RawName = o.names.keep(p), f.name
		}
		if damaged[i] {
			e.err = truncated("its data runs past the end of the archive")
			nDamaged++
		}
		e.src, e.at, e.limit = za, dir.members[i].record, limit[i]
		e.stored = f.method == zip.Store && f.comp == f.usize
		if e.err == nil && !e.Encrypted && isName(p, ".zip") && o.nestedZip(s, za, e, r, limit[i]) {
			continue // its entries stand for it
		}
		if e.err == nil && !e.Encrypted && isName(p, ".7z", ".rar") && decodable(f.method) && o.nestedIn(s, e) {
			continue
		}
		if !decodable(f.method) && !e.Encrypted {
			if s.unsupported == nil {
				s.unsupported = map[uint16]int{}
			}
			s.unsupported[f.method]++
			pending = append(pending, e)
		}
		if !s.addKept(e) {
			break
		}
	}
	if nDamaged > 0 {
		o.problem(&Error{Part: s.part, Err: truncated("%d entries run past the end of the archive", nDamaged)})
	}
	if len(pending) > 0 && o.unpacker != nil {
		fsys, closeFn, err := o.unpacker.Unpack(o.ctx, s.part, r, size, o.lim)
		if err != nil {
			o.problem(&Error{Part: s.part, Err: fmt.Errorf("%w: unpacking failed: %w", ErrUnsupported, err)})
			return true
		}
		if closeFn != nil {
			o.tree.closers = append(o.tree.closers, closeFn)
		}
		u := &unpacked{fsSource{fsys: fsys, in: s.input}}
		for _, e := range pending {
			e.src = u
		}
		s.unsupported = nil
	}
	return true
}

// name is the name of record i, for a message.
func (d *zipDir) name(r io.ReaderAt, size int64, i int) string {
	at := d.members[i].record
	end := d.end
	if i+1 < len(d.members) {
		end = d.members[i+1].record
	}
	v := directory(r, size, d.base, at, end-at, nil, 1)
	if zr, err := zip.NewReader(v, v.len()); zr != nil && len(zr.File) == 1 && (err == nil || errors.Is(err, zip.ErrInsecurePath)) {
		return zr.File[0].Name
	}
	return fmt.Sprintf("entry %d", i)
}

func sizeOf(u uint64) int64 {
	if u > math.MaxInt64 {
		return math.MaxInt64 // over every limit: refused by add
	}
	return int64(u)
}

// dataOffset reads f's local header to find its data, and refuses data that
// would run into the next member: the local header may claim a longer extra
// field than the directory (a bomb that quotes headers in extra fields).
func dataOffset(f *zip.File, limit int64) (int64, error) {
	off, err := f.DataOffset()
	if err != nil {
		return 0, truncated("local header: %w", err)
	}
	if off < 0 || off > limit || int64(f.CompressedSize64) > limit-off {
		return 0, fmt.Errorf("%w: the data runs into the next entry", ErrOverlap)
	}
	return off, nil
}

// nestedZip opens a ZIP member as an archive of its own. A stored one is read
// in place; a compressed one is inflated into memory within the budget
// Limits.MaxInflate shared by the whole Open. It reports whether the member
// was opened; if not, the caller lists it as a plain entry.
func (o *opener) nestedZip(s *scope, za *zipArchive, e *Entry, r io.ReaderAt, limit int64) bool {
	if !o.mayNest(s, e) {
		return false
	}
	f, err := za.file(e)
	if err != nil {
		o.problem(&Error{Part: s.part, Path: e.Path, Err: err})
		return false
	}
	switch {
	case f.Method == zip.Store && f.CompressedSize64 == f.UncompressedSize64:
		off, err := dataOffset(f, limit)
		if err != nil {
			o.problem(&Error{Part: s.part, Path: e.Path, Err: err})
			return false
		}
		n := int64(f.CompressedSize64)
		base := int64(-1)
		if s.base >= 0 {
			base = s.base + off
		}
		c := s.child(e.Path, base)
		ok := o.zip(c, io.NewSectionReader(r, off, n), n)
		c.finish()
		return ok
	case decodable(f.Method):
		buf, ok := o.inflate(s, e)
		if !ok {
			return false
		}
		c := s.child(e.Path, -1)
		ok = o.zip(c, bytes.NewReader(buf), int64(len(buf)))
		c.finish()
		if !ok {
			o.inflated -= int64(len(buf)) // freed: it is listed as a plain entry
		}
		return ok
	}
	return false
}

// inflate reads a nested archive into memory if it fits the budget.
func (o *opener) inflate(s *scope, e *Entry) ([]byte, bool) {
	if left := min(o.lim.MaxInflate, o.lim.MaxMemory) - o.inflated; e.Size > left {
		o.problem(&Error{Part: s.part, Path: e.Path, Err: fmt.Errorf("%w: %d bytes; %d of %d are left", ErrInflateBudget, e.Size, left, o.lim.MaxInflate)})
		// Once a nested archive did not fit, later ones are not tried: each
		// would cost a problem, and a 42.zip has 69,904 of them.
		o.budgetSpent = true
		return nil, false
	}
	rc, err := e.Open()
	if err != nil {
		o.problem(asError(e, err))
		return nil, false
	}
	defer rc.Close()
	buf := make([]byte, e.Size) // bounded by MaxInflate above
	if _, err := io.ReadFull(rc, buf); err != nil {
		o.problem(asError(e, err))
		return nil, false
	}
	if _, err := rc.Read(make([]byte, 1)); err != io.EOF { // checksum and exact size
		if err == nil {
			err = ErrSizeMismatch
		}
		o.problem(asError(e, err))
		return nil, false
	}
	o.inflated += e.Size
	return buf, true
}

// asError names e in err unless err already names something.
func asError(e *Entry, err error) *Error {
	var ae *Error
	if errors.As(err, &ae) {
		return ae
	}
	return &Error{Part: e.Part, Path: e.Path, Err: readErr(err), inFolder: e.inFolder}
}
