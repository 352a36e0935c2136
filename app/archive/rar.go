package archive

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"time"
	"unsafe"

	"github.com/nwaples/rardecode/v2"
)

// RAR archives (RAR 5, and RAR 2.0–4 compression in the 1.5–4 format) are
// read with the pure-Go decoder github.com/nwaples/rardecode/v2, in the
// browser and natively. It lists every member in memory, so the blocks
// are counted here first (scanRar) and the count bounded before it lists
// them. A solid RAR decodes each member from the start of the archive, as
// a solid 7z does from the start of its folder; the same bound applies.

// rarFileCost is what the decoder keeps per member for the tree's life:
// its File, the block list and one block header (estimated).
const rarFileCost = int64(unsafe.Sizeof(rardecode.File{})) + 256

// rarName is the name the archive has in rarFS.
const rarName = "archive.rar"

// rar lists a RAR archive. fallback is true when the pure-Go decoder
// cannot read it and an Unpacker may try.
func (o *opener) rar(s *scope, r io.ReaderAt, size int64) (ok, fallback bool) {
	maxCount := uint64(max(o.lim.MaxEntries-len(o.tree.Entries), 0))
	maxCount = min(maxCount, uint64(o.entryRoom()/(rarFileCost+entryFixed)))
	if err := scanRar(r, size, maxCount); err != nil {
		if errors.Is(err, ErrEncrypted) || errors.Is(err, ErrTooManyEntries) {
			o.problem(&Error{Part: s.part, Err: err})
			return false, false
		}
		return false, o.rarFail(s, err)
	}
	fsys := rarFS{r: yieldingReaderAt{r: r}, size: size}
	opts := []rardecode.Option{rardecode.FileSystem(fsys), rardecode.MaxDictionarySize(o.lim.MaxMemory)}
	files, err := guard(func() ([]*rardecode.File, error) { return rardecode.List(rarName, opts...) })
	if err != nil {
		return false, o.rarFail(s, rarErr(err))
	}
	if o.unpacker != nil {
		var nested int64
		for _, f := range files {
			if kindByName(f.Name) != kindPlain {
				nested += max(f.UnPackedSize, 0)
			}
		}
		if o.nestedTooLarge(nested) {
			return false, true
		}
	}
	o.entryMem += int64(len(files)) * rarFileCost
	src := &rarSource{files: files, opts: opts, in: s.input}
	for _, f := range files {
		src.solid = src.solid || f.Solid
	}
	var locked int
	var skip int64 // bytes of a solid archive before a member
	for i, f := range files {
		if i%256 == 0 && o.stopped() {
			return true, false
		}
		at := skip
		if src.solid {
			skip = at + max(f.UnPackedSize, 0)
		}
		if f.IsDir || !f.Mode().IsRegular() {
			continue
		}
		p, unsafe := cleanName(f.Name)
		e := s.o.newEntry(Entry{Part: s.part, Path: p, Size: f.UnPackedSize, Modified: f.ModificationTime, Unsafe: unsafe, Encrypted: f.Encrypted})
		if f.UnKnownSize {
			e.Size = -1 // refused by add: its size bounds nothing
		}
		if f.Name != p {
			e.RawName = f.Name
		}
		e.src, e.at = src, int64(i)
		if e.Encrypted {
			locked++
		}
		o.solidLimit(s, e, at, "a solid RAR")
		if !o.listMember(s, e, f.Name) {
			break
		}
	}
	o.lockedProblem(s, locked)
	return true, false
}

func (o *opener) rarFail(s *scope, err error) bool {
	if errors.Is(err, ErrUnsupported) && o.unpacker != nil {
		return true
	}
	o.problem(&Error{Part: s.part, Err: readErr(err)})
	return false
}

// rarErr names what the decoder's error means here.
func rarErr(err error) error {
	switch {
	case errors.Is(err, rardecode.ErrArchiveEncrypted), errors.Is(err, rardecode.ErrArchivedFileEncrypted):
		return fmt.Errorf("%w: password-protected: %w", ErrEncrypted, err)
	case errors.Is(err, rardecode.ErrUnsupportedDecoder), errors.Is(err, rardecode.ErrUnknownDecoder),
		errors.Is(err, rardecode.ErrMultipleDecoders), errors.Is(err, rardecode.ErrUnknownVersion),
		errors.Is(err, rardecode.ErrMultiVolume), errors.Is(err, rardecode.ErrUnknownEncryptMethod):
		return fmt.Errorf("%w: %w", ErrUnsupported, err)
	case errors.Is(err, rardecode.ErrDictionaryTooLarge):
		return fmt.Errorf("%w: it needs more memory to decode than one export may hold: %w", ErrUnsupported, err)
	}
	return readErr(err)
}

// rarSource serves the members of one RAR.
type rarSource struct {
	files []*rardecode.File
	opts  []rardecode.Option
	solid bool
	in    int
}

func (z *rarSource) input() int { return z.in }

func (z *rarSource) open(e *Entry) (io.ReadCloser, error) {
	if !z.solid {
		rc, err := guard(z.files[e.at].Open)
		if err != nil {
			return nil, rarErr(err)
		}
		return &rarReader{r: rc, c: rc}, nil
	}
	// Solid: decode from the start up to the member (bounded when listed).
	rc, err := guard(func() (*rardecode.ReadCloser, error) { return rardecode.OpenReader(rarName, z.opts...) })
	if err != nil {
		return nil, rarErr(err)
	}
	for i := int64(0); ; i++ {
		h, err := guard(rc.Next)
		if err != nil {
			rc.Close()
			return nil, rarErr(err)
		}
		if i == e.at {
			if h.Name != z.files[e.at].Name {
				rc.Close()
				return nil, truncated("the RAR reads differently the second time")
			}
			return &rarReader{r: rc, c: rc}, nil
		}
	}
}

func (z *rarSource) section(e *Entry) (io.ReaderAt, error) { return nil, nil }

func (z *rarSource) locate(e *Entry) (Span, bool) { return Span{}, false }

// rarReader turns the decoder's panics and errors into this package's.
type rarReader struct {
	r io.Reader
	c io.Closer
}

func (r *rarReader) Read(p []byte) (n int, err error) {
	defer func() {
		if v := recover(); v != nil {
			n, err = 0, truncated("the decoder failed: %v", v)
		}
	}()
	n, err = r.r.Read(p)
	if err != nil && err != io.EOF {
		err = rarErr(err)
	}
	return n, err
}

func (r *rarReader) Close() error { return r.c.Close() }

// rarFS is a file system holding the archive alone, named rarName: the
// decoder opens archives (and would open further volumes) by name.
type rarFS struct {
	r    io.ReaderAt
	size int64
}

func (f rarFS) Open(name string) (fs.File, error) {
	if name != rarName {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &rarFile{SectionReader: io.NewSectionReader(f.r, 0, f.size)}, nil
}

type rarFile struct{ *io.SectionReader }

func (f *rarFile) Stat() (fs.FileInfo, error) { return rarInfo{f.Size()}, nil }
func (f *rarFile) Close() error               { return nil }

type rarInfo struct{ size int64 }

func (i rarInfo) Name() string       { return rarName }
func (i rarInfo) Size() int64        { return i.size }
func (i rarInfo) Mode() fs.FileMode  { return 0o444 }
func (i rarInfo) ModTime() time.Time { return time.Time{} }
func (i rarInfo) IsDir() bool        { return false }
func (i rarInfo) Sys() any           { return nil }

// scanRar walks the block headers of a RAR (each says how far the next
// one is) and counts the file headers, refusing more than maxCount, and
// archives whose headers are encrypted. It reads a few bytes per block.
func scanRar(r io.ReaderAt, size int64, maxCount uint64) error {
	var sig [8]byte
	if _, err := r.ReadAt(sig[:], 0); err != nil {
		return truncated("RAR signature: %w", err)
	}
	switch {
	case string(sig[:8]) == "Rar!\x1a\x07\x01\x00":
		return scanRar5(r, size, maxCount)
	case string(sig[:7]) == "Rar!\x1a\x07\x00":
		return scanRar4(r, size, maxCount)
	}
	return fmt.Errorf("%w: an unknown RAR version", ErrUnsupported)
}

func scanRar5(r io.ReaderAt, size int64, maxCount uint64) error {
	var files uint64
	for pos := int64(8); pos < size; {
		var buf [4 + 3 + 40]byte
		n, _ := r.ReadAt(buf[:], pos)
		b := buf[:n]
		if len(b) < 5 {
			return truncated("RAR block at %d", pos)
		}
		w := &rarVint{b: b[4:]}
		hsize := w.next()
		body := int64(len(b)-4) - int64(len(w.b)) // bytes of the size field
		typ, flags := w.next(), w.next()
		if flags&1 != 0 {
			w.next() // extra area size
		}
		var data uint64
		if flags&2 != 0 {
			data = w.next()
		}
		if w.bad || hsize > 2<<20 || data > uint64(size) {
			return truncated("RAR block at %d", pos)
		}
		switch typ {
		case 2:
			if files++; files > maxCount {
				return fmt.Errorf("%w: the RAR holds more than %d files, what the limits allow", ErrTooManyEntries, maxCount)
			}
		case 4:
			return fmt.Errorf("%w: the archive is password-protected (its list of files too)", ErrEncrypted)
		case 5:
			return nil
		}
		pos += 4 + body + int64(hsize) + int64(data)
	}
	return nil // no end block: the decoder says what is missing
}

func scanRar4(r io.ReaderAt, size int64, maxCount uint64) error {
	var files uint64
	for pos := int64(7); pos < size; {
		var h [36]byte
		n, _ := r.ReadAt(h[:], pos)
		if n < 7 {
			return truncated("RAR block at %d", pos)
		}
		typ, flags, hsize := h[2], binary.LittleEndian.Uint16(h[3:]), int64(binary.LittleEndian.Uint16(h[5:]))
		if hsize < 7 {
			return truncated("RAR block at %d", pos)
		}
		var add int64
		if flags&0x8000 != 0 && n >= 11 {
			add = int64(binary.LittleEndian.Uint32(h[7:]))
			if typ == 0x74 && flags&0x100 != 0 && n >= 36 {
				add += int64(binary.LittleEndian.Uint32(h[32:])) << 32
			}
		}
		switch typ {
		case 0x73:
			if flags&0x80 != 0 {
				return fmt.Errorf("%w: the archive is password-protected (its list of files too)", ErrEncrypted)
			}
		case 0x74:
			if files++; files > maxCount {
				return fmt.Errorf("%w: the RAR holds more than %d files, what the limits allow", ErrTooManyEntries, maxCount)
			}
			// RAR 1.5 compression (version 15) is the one the pure-Go
			// decoder lacks; go-unarr reads it. Stored members need none.
			if n >= 26 && h[24] < 20 && h[25] != 0x30 {
				return fmt.Errorf("%w: RAR 1.5 compression (a member needs version %d.%d)", ErrUnsupported, h[24]/10, h[24]%10)
			}
		case 0x7b:
			return nil
		}
		if add < 0 || add > size {
			return truncated("RAR block at %d", pos)
		}
		pos += hsize + add
	}
	return nil
}

// rarVint reads RAR 5's variable-length integers: 7 bits a byte, low
// bits first, the high bit set on all bytes but the last.
type rarVint struct {
	b   []byte
	bad bool
}

func (v *rarVint) next() uint64 {
	var x uint64
	for i := 0; i < 10; i++ {
		if len(v.b) == 0 {
			v.bad = true
			return 0
		}
		c := v.b[0]
		v.b = v.b[1:]
		x |= uint64(c&0x7f) << (7 * i)
		if c&0x80 == 0 {
			return x
		}
	}
	v.bad = true
	return 0
}
