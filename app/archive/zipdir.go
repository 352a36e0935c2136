package archive

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// archive/zip keeps each member's local header offset to itself, yet that
// offset is what reveals a zip bomb (members sharing or overlapping data)
// and what the number of entries must be bounded by before archive/zip
// allocates one File per record. So the central directory is walked here,
// the way archive/zip walks it, and the listing is made from this walk
// alone: archive/zip's File of a few hundred bytes per record cost the
// viewer a third of its listing. A member is read by archive/zip, from
// its own record, only when it is opened (zipArchive.file), and its name
// is checked against the one listed.

const (
	eocdLen       = 22
	eocd64LocLen  = 20
	eocd64Len     = 56
	cdHeaderLen   = 46
	localHeadLen  = 30
	sigEOCD       = 0x06054b50
	sigEOCD64Loc  = 0x07064b50
	sigEOCD64     = 0x06064b50
	sigCentralDir = 0x02014b50
)

// zipDir is what the central directory tells about where members lie.
type zipDir struct {
	start int64 // absolute offset of the central directory: member data ends here
	base  int64 // where the archive starts: data may be prepended (a self-extractor)
	end   int64 // where the records read end
	// declared is the count of records the end record declares; cut is
	// set when reading stopped before the end at the memory given.
	declared uint64
	cut      bool
	members  []zipMember
}

type zipMember struct {
	header  int64  // absolute offset of the local header
	comp    uint64 // compressed size
	record  int64  // offset of its central directory record: where an entry finds its zip.File again
	nameLen int

	// What the listing shows, read as archive/zip reads it (an entry
	// opened is read by archive/zip from its record again, and its name
	// checked against this one).
	name            string
	usize           uint64
	method, flags   uint16
	creator         uint16 // "version made by"
	attrs           uint32 // external attributes
	dosTime, dosDay uint16
	mtime           int64 // seconds since 1970 from an extended-timestamp extra field; 0 when none
	nonUTF8         bool
}

// readZipDir reads the end record and the central directory. room bounds the
// number of records it accepts (ErrTooManyEntries beyond). mem bounds what
// the entries listed from them would hold (entryCost): past it reading
// stops and cut is set, so that the first records are listed. Other
// failures are ErrTruncated: the end record or directory is missing or
// broken.
func readZipDir(r io.ReaderAt, size int64, room uint64, mem int64, names *nameBlocks) (*zipDir, error) {
	end, endOff, err := findEOCD(r, size)
	if err != nil {
		return nil, err
	}
	b := le(end[4:])
	b.u16() // disk
	b.u16() // disk with directory
	b.u16() // records on this disk
	records := uint64(b.u16())
	dirSize := uint64(b.u32())
	dirOff := uint64(b.u32())
	if records == 0xffff || dirSize == 0xffff || dirOff == 0xffffffff {
		if p, ok := findEOCD64(r, endOff); ok {
			var buf [eocd64Len]byte
			if _, err := r.ReadAt(buf[:], p); err != nil {
				return nil, truncated("zip64 end record: %w", err)
			}
			b := le(buf[:])
			if b.u32() != sigEOCD64 {
				return nil, truncated("zip64 end record not found")
			}
			b.skip(12 + 4 + 4 + 8)
			records, dirSize, dirOff = b.u64(), b.u64(), b.u64()
			endOff = p
		}
	}
	if dirSize > 1<<62 || dirOff > 1<<62 {
		return nil, truncated("directory offset out of range")
	}
	// As archive/zip: data may be prepended (a self-extractor); the end
	// record then tells where the archive really starts.
	base := endOff - int64(dirSize) - int64(dirOff)
	if o := base + int64(dirOff); o < 0 || o >= size {
		return nil, truncated("the central directory lies outside the file")
	}
	if base > 0 && validCDHeader(r, int64(dirOff), size) {
		base = 0
	}
	if records > room {
		return nil, fmt.Errorf("%w: the archive declares %d", ErrTooManyEntries, records)
	}
	start := base + int64(dirOff)
	d := &zipDir{start: start, base: base, end: start, declared: records}
	// The records are counted against room and mem before being kept;
	// room for them is reserved up to what both allow.
	d.members = make([]zipMember, 0, min(records, room, uint64(max(mem, 0)/entryFixed)+1, uint64(size)/cdHeaderLen))
	// The declared count may be truncated to 16 bits (archive/zip glosses
	// over it the same way), so read until the records end; stop early
	// when there are more than room.
	br := bufio.NewReaderSize(io.NewSectionReader(r, start, size-start), 64<<10)
	var hdr [cdHeaderLen]byte
	var rest []byte
	for pos := start; ; {
		if _, err := io.ReadFull(br, hdr[:]); err != nil {
			break
		}
		b := le(hdr[:])
		if b.u32() != sigCentralDir {
			break
		}
		creator := b.u16()
		b.skip(2) // version needed
		flags, method, dosTime, dosDay := b.u16(), b.u16(), b.u16(), b.u16()
		b.skip(4) // CRC-32
		comp := uint64(b.u32())
		usize := uint64(b.u32())
		nameLen, extraLen, commentLen := int(b.u16()), int(b.u16()), int(b.u16())
		b.skip(4) // disk, internal attributes
		attrs := b.u32()
		off := uint64(b.u32())
		rest = slices.Grow(rest[:0], nameLen+extraLen+commentLen)[:nameLen+extraLen+commentLen]
		if _, err := io.ReadFull(br, rest); err != nil {
			break
		}
		record := pos
		pos += cdHeaderLen + int64(len(rest))
		extra := rest[nameLen : nameLen+extraLen]
		usize, comp, off, ok := zip64Extra(extra, usize, comp, off)
		if !ok {
			break
		}
		if uint64(len(d.members)) >= room {
			return nil, fmt.Errorf("%w: the directory holds more than %d", ErrTooManyEntries, room)
		}
		if mem -= entryCost(nameLen); mem < 0 {
			d.cut = true
			break
		}
		if off > 1<<62 {
			off = 1 << 62 // out of the file; flagged as damaged later
		}
		name := names.keepBytes(rest[:nameLen]) // the entry's own: never copied again (scope.addKept)
		d.members = append(d.members, zipMember{
			header: base + int64(off), comp: comp, record: record, nameLen: nameLen,
			name: name, usize: usize, method: method, flags: flags, creator: creator, attrs: attrs,
			dosTime: dosTime, dosDay: dosDay, mtime: extendedMtime(extra),
			nonUTF8: nonUTF8(name, rest[nameLen+extraLen:], flags),
		})
		d.end = pos
		if len(d.members)%1024 == 0 {
			Yield() // a directory of 200,000 records takes the page a while
		}
	}
	if !d.cut && uint16(len(d.members)) != uint16(records) {
		return nil, truncated("the directory declares %d entries, %d could be read", records, len(d.members))
	}
	return d, nil
}

// zip64Extra applies the zip64 extra field the way archive/zip does: only
// fields saturated in the fixed header are taken from it, in order.
func zip64Extra(extra []byte, usize, comp, off uint64) (_, _, _ uint64, ok bool) {
	needU, needC, needO := usize == 0xffffffff, comp == 0xffffffff, off == 0xffffffff
	for tag, f := range extraFields(extra) {
		if tag != 0x0001 {
			continue
		}
		for _, need := range []struct {
			on  *bool
			dst *uint64
		}{{&needU, &usize}, {&needC, &comp}, {&needO, &off}} {
			if !*need.on {
				continue
			}
			if len(f) < 8 {
				return 0, 0, 0, false
			}
			*need.on, *need.dst = false, f.u64()
		}
	}
	return usize, comp, off, true
}

// extendedMtime is the modification time of an extended-timestamp extra
// field (0x5455), in seconds since 1970; 0 when there is none.
func extendedMtime(extra []byte) int64 {
	for tag, f := range extraFields(extra) {
		if tag == 0x5455 && len(f) >= 5 && f[0]&1 != 0 {
			f.skip(1)
			return int64(int32(f.u32()))
		}
	}
	return 0
}

// extraFields yields the tag and data of each field of a record's extra
// block, up to the first that runs past its end.
func extraFields(extra []byte) iter.Seq2[uint16, le] {
	return func(yield func(uint16, le) bool) {
		for b := le(extra); len(b) >= 4; {
			tag, n := b.u16(), int(b.u16())
			if len(b) < n {
				return
			}
			f := le(b[:n])
			b = b[n:]
			if !yield(tag, f) {
				return
			}
		}
	}
}

// nonUTF8 decides, as archive/zip does, whether a name is in a legacy
// encoding: names and comments that are not valid UTF-8 are; pure
// printable ASCII (less '\\' and '~', which Shift-JIS and EUC-KR replace)
// is not; otherwise the UTF-8 flag (bit 11) says.
func nonUTF8(name string, comment []byte, flags uint16) bool {
	valid1, require1 := detectUTF8(name)
	valid2, require2 := detectUTF8(string(comment))
	switch {
	case !valid1 || !valid2:
		return true
	case !require1 && !require2:
		return false
	}
	return flags&0x800 == 0
}

func detectUTF8(s string) (valid, require bool) {
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c <= 0x7d && c != 0x5c { // printable ASCII: most names are nothing else
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r < 0x20 || r > 0x7d || r == 0x5c {
			if !utf8.ValidRune(r) || r == utf8.RuneError && size == 1 {
				return false, false
			}
			require = true
		}
	}
	return true, require
}

// skip reports whether the member is a folder or a symbolic link, from its
// mode as archive/zip derives it.
func (m *zipMember) skip() bool {
	if strings.HasSuffix(m.name, "/") {
		return true
	}
	switch m.creator >> 8 {
	case 3, 19: // Unix, macOS: the mode in the high half
		t := m.attrs >> 16 & 0xf000
		return t == 0x4000 || t == 0xa000
	case 0, 11, 14: // FAT, NTFS, VFAT: the MS-DOS folder bit
		return m.attrs&0x10 != 0
	}
	return false
}

// modified is the member's modification time: the extended timestamp
// when there is one, else the MS-DOS date and time (no zone: read as UTC).
func (m *zipMember) modified() time.Time {
	if m.mtime != 0 {
		return time.Unix(m.mtime, 0).UTC()
	}
	return time.Date(int(m.dosDay>>9)+1980, time.Month(m.dosDay>>5&0xf), int(m.dosDay&0x1f),
		int(m.dosTime>>11), int(m.dosTime>>5&0x3f), int(m.dosTime&0x1f)*2, 0, time.UTC)
}

func findEOCD(r io.ReaderAt, size int64) ([]byte, int64, error) {
	for _, n := range []int64{1024, 65 * 1024} {
		n = min(n, size)
		buf := make([]byte, n)
		if _, err := r.ReadAt(buf, size-n); err != nil && err != io.EOF {
			return nil, 0, truncated("reading the end record: %w", err)
		}
		for i := len(buf) - eocdLen; i >= 0; i-- {
			if binary.LittleEndian.Uint32(buf[i:]) != sigEOCD {
				continue
			}
			commentLen := int(binary.LittleEndian.Uint16(buf[i+eocdLen-2:]))
			if i+eocdLen+commentLen > len(buf) {
				break // a truncated comment: archive/zip gives up here too
			}
			return buf[i : i+eocdLen], size - n + int64(i), nil
		}
		if n == size {
			break
		}
	}
	return nil, 0, truncated("no end of central directory")
}

func findEOCD64(r io.ReaderAt, endOff int64) (int64, bool) {
	if endOff < eocd64LocLen {
		return 0, false
	}
	var buf [eocd64LocLen]byte
	if _, err := r.ReadAt(buf[:], endOff-eocd64LocLen); err != nil {
		return 0, false
	}
	b := le(buf[:])
	if b.u32() != sigEOCD64Loc || b.u32() != 0 {
		return 0, false
	}
	p := b.u64()
	if b.u32() != 1 || p > 1<<62 {
		return 0, false
	}
	return int64(p), true
}

func validCDHeader(r io.ReaderAt, off, size int64) bool {
	var buf [4]byte
	if off < 0 || off+4 > size {
		return false
	}
	_, err := r.ReadAt(buf[:], off)
	return err == nil && binary.LittleEndian.Uint32(buf[:]) == sigCentralDir
}

func truncated(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrTruncated}, args...)...)
}

// layout checks where members lie. Each member occupies at least
// [local header, header + 30 + compressed size) (the local name is not
// counted: it may differ from the directory's); members must not
// overlap (the "better zip bomb" points many records at the same data, or
// quotes the next local header inside the previous member's data) and must
// end before the central directory (else the archive is truncated).
// limit[i] is where member i's data must end: the next member's header.
func (d *zipDir) layout(size int64) (limit []int64, damaged []bool, err error) {
	n := len(d.members)
	limit, damaged = make([]int64, n), make([]bool, n)
	end := min(d.start, size)
	order := make([]int, 0, n)
	ends := make([]int64, n)
	for i, m := range d.members {
		e := m.header + localHeadLen
		if m.header < 0 || m.comp > uint64(end) || e+int64(m.comp) > end {
			damaged[i] = true
			continue
		}
		ends[i] = e + int64(m.comp)
		order = append(order, i)
	}
	Yield()
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(d.members[a].header, d.members[b].header) })
	Yield()
	for k, i := range order {
		if k > 0 && d.members[i].header < ends[order[k-1]] {
			return nil, nil, &overlapError{inner: i, outer: order[k-1]}
		}
		limit[i] = end
		if k+1 < len(order) {
			limit[i] = d.members[order[k+1]].header
		}
	}
	return limit, damaged, nil
}

// le reads little-endian fields in order.
type le []byte

func (b *le) u16() uint16 { v := binary.LittleEndian.Uint16(*b); *b = (*b)[2:]; return v }
func (b *le) u32() uint32 { v := binary.LittleEndian.Uint32(*b); *b = (*b)[4:]; return v }
func (b *le) u64() uint64 { v := binary.LittleEndian.Uint64(*b); *b = (*b)[8:]; return v }
func (b *le) skip(n int)  { *b = (*b)[n:] }

// overlapError names the two members (by directory index) whose data
// overlap; the caller, who has the names, words the message.
type overlapError struct{ inner, outer int }

func (e *overlapError) Error() string {
	return fmt.Sprintf("%v: entry %d starts inside entry %d", ErrOverlap, e.inner, e.outer)
}

func (e *overlapError) Unwrap() error { return ErrOverlap }
