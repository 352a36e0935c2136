package archive

import (
	"archive/zip"
	"compress/bzip2"
	"encoding/binary"
	"fmt"
	"io"
	"io/fs"
)

// source is where the bytes of entries come from. One source serves all
// the entries of an archive or folder; what differs per entry (an offset,
// the name) is in the Entry.
type source interface {
	open(e *Entry) (io.ReadCloser, error)
	// section gives random access to e's bytes, or nil when that is not cheap.
	section(e *Entry) (io.ReaderAt, error)
	// locate finds e's bytes inside the top-level input; ok is false when
	// they do not lie there uncompressed and contiguous.
	locate(e *Entry) (sp Span, ok bool)
	input() int
}

// rawName is the name as the archive wrote it.
func (e *Entry) rawName() string {
	if e.RawName != "" {
		return e.RawName
	}
	return e.Path
}

// zipArchive is a listed ZIP. Its entries keep no zip.File: a member's is
// made again, when it is opened, from its central directory record (see
// file), which costs two small reads and nothing while it is not opened.
type zipArchive struct {
	r    io.ReaderAt
	size int64
	base int64 // where the archive starts inside r: data may be prepended
	in   int   // the top-level input
	inAt int64 // where r starts inside that input; -1 when not contiguous there
}

func (z *zipArchive) input() int { return z.in }

// file parses e's central directory record again, with archive/zip, so
// that opening behaves exactly as archive/zip does (checksums, data
// descriptors, lying sizes). archive/zip reads only whole archives, so
// it is given r followed by a directory of this one record and its end
// records (see oneRecord).
func (z *zipArchive) file(e *Entry) (*zip.File, error) {
	var hdr [cdHeaderLen]byte
	if _, err := z.r.ReadAt(hdr[:], e.at); err != nil {
		return nil, truncated("central directory record: %w", err)
	}
	b := le(hdr[28:])
	n := cdHeaderLen + int(b.u16()) + int(b.u16()) + int(b.u16())
	rec := make([]byte, n, n+eocd64Len+eocd64LocLen+eocdLen)
	copy(rec, hdr[:])
	if _, err := z.r.ReadAt(rec[cdHeaderLen:], e.at+cdHeaderLen); err != nil {
		return nil, truncated("central directory record: %w", err)
	}
	v := oneRecord(z.r, z.size, z.base, rec)
	zr, err := zip.NewReader(v, v.len())
	if zr == nil || len(zr.File) != 1 {
		return nil, truncated("central directory record: %v", err)
	}
	f := zr.File[0]
	if binary.LittleEndian.Uint32(hdr[:]) != sigCentralDir || f.Name != e.rawName() || sizeOf(f.UncompressedSize64) != e.Size {
		return nil, truncated("the central directory changed since it was listed")
	}
	zr.RegisterDecompressor(methodBzip2, func(r io.Reader) io.ReadCloser { return io.NopCloser(bzip2.NewReader(r)) })
	if inflater != nil {
		zr.RegisterDecompressor(zip.Deflate, inflater)
	}
	return f, nil
}

// inflater reads Deflate members instead of compress/flate; SetInflater
// sets it.
var inflater func(io.Reader) io.ReadCloser

// SetInflater makes ZIP members compressed with Deflate read through fn
// instead of compress/flate (the viewer passes the browser's
// DecompressionStream; nil keeps compress/flate). archive/zip still checks
// every member's size and CRC-32 over what fn returns. Called once, before
// anything is opened.
func SetInflater(fn func(io.Reader) io.ReadCloser) { inflater = fn }

func (z *zipArchive) open(e *Entry) (io.ReadCloser, error) {
	f, err := z.file(e)
	if err != nil {
		return nil, err
	}
	if _, err := dataOffset(f, e.limit); err != nil {
		return nil, err
	}
	if !decodable(f.Method) {
		return nil, fmt.Errorf("%w: %s compression (method %d)", ErrUnsupported, methodName(f.Method), f.Method)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, readErr(err)
	}
	return rc, nil
}

func (z *zipArchive) section(e *Entry) (io.ReaderAt, error) {
	if !e.stored {
		return nil, nil
	}
	f, err := z.file(e)
	if err != nil {
		return nil, err
	}
	off, err := dataOffset(f, e.limit)
	if err != nil {
		return nil, err
	}
	return io.NewSectionReader(z.r, off, int64(f.CompressedSize64)), nil
}

func (z *zipArchive) locate(e *Entry) (Span, bool) {
	if !e.stored || z.inAt < 0 {
		return Span{}, false
	}
	f, err := z.file(e)
	if err != nil {
		return Span{}, false
	}
	off, err := dataOffset(f, e.limit)
	return Span{Input: z.in, Offset: z.inAt + off}, err == nil
}

// withRecord is an archive's bytes followed by zeros and a central
// directory (records of r, then rec) with its zip64 end records.
type withRecord struct {
	r      io.ReaderAt
	size   int64 // of r
	pad    int64 // zeros after r
	dirAt  int64 // records taken from r
	dirLen int64
	tail   []byte
}

// oneRecord makes the archive that archive/zip reads for one member: r
// (size bytes, the archive starting at base), base zeros, the record rec,
// and end records that place the directory so archive/zip computes the
// same base. The zeros keep archive/zip's guess at a wrong base (a
// directory header where the base would be 0) from finding one.
func oneRecord(r io.ReaderAt, size, base int64, rec []byte) *withRecord {
	return directory(r, size, base, 0, 0, rec, 1)
}

func directory(r io.ReaderAt, size, base, dirAt, dirLen int64, rec []byte, n int) *withRecord {
	v := &withRecord{r: r, size: size, pad: base, dirAt: dirAt, dirLen: dirLen}
	dirSize := dirLen + int64(len(rec))
	end64 := size + base + dirSize
	t := rec
	t = binary.LittleEndian.AppendUint32(t, sigEOCD64)
	t = binary.LittleEndian.AppendUint64(t, eocd64Len-12)
	t = binary.LittleEndian.AppendUint16(t, 45)        // version made by
	t = binary.LittleEndian.AppendUint16(t, 45)        // version needed
	t = binary.LittleEndian.AppendUint32(t, 0)         // this disk
	t = binary.LittleEndian.AppendUint32(t, 0)         // disk of the directory
	t = binary.LittleEndian.AppendUint64(t, uint64(n)) // records on this disk
	t = binary.LittleEndian.AppendUint64(t, uint64(n)) // records
	t = binary.LittleEndian.AppendUint64(t, uint64(dirSize))
	t = binary.LittleEndian.AppendUint64(t, uint64(size)) // directory offset from base: base+size
	t = binary.LittleEndian.AppendUint32(t, sigEOCD64Loc)
	t = binary.LittleEndian.AppendUint32(t, 0)
	t = binary.LittleEndian.AppendUint64(t, uint64(end64))
	t = binary.LittleEndian.AppendUint32(t, 1) // disks
	t = binary.LittleEndian.AppendUint32(t, sigEOCD)
	t = binary.LittleEndian.AppendUint16(t, 0)
	t = binary.LittleEndian.AppendUint16(t, 0)
	t = binary.LittleEndian.AppendUint16(t, 0xffff)
	t = binary.LittleEndian.AppendUint16(t, 0xffff)
	t = binary.LittleEndian.AppendUint32(t, 0xffffffff)
	t = binary.LittleEndian.AppendUint32(t, 0xffffffff)
	t = binary.LittleEndian.AppendUint16(t, 0) // no comment
	v.tail = t
	return v
}

func (v *withRecord) len() int64 { return v.size + v.pad + v.dirLen + int64(len(v.tail)) }

func (v *withRecord) ReadAt(p []byte, off int64) (int, error) {
	n := 0
	for len(p) > 0 {
		var m int
		switch {
		case off < 0:
			return n, fmt.Errorf("archive: negative offset")
		case off < v.size:
			q := p[:min(int64(len(p)), v.size-off)]
			k, err := v.r.ReadAt(q, off)
			if k < len(q) {
				if err == nil || err == io.EOF {
					err = io.ErrUnexpectedEOF
				}
				return n + k, err
			}
			m = k
		case off < v.size+v.pad:
			q := p[:min(int64(len(p)), v.size+v.pad-off)]
			clear(q)
			m = len(q)
		case off < v.size+v.pad+v.dirLen:
			q := p[:min(int64(len(p)), v.size+v.pad+v.dirLen-off)]
			k, err := v.r.ReadAt(q, v.dirAt+off-v.size-v.pad)
			if k < len(q) {
				if err == nil || err == io.EOF {
					err = io.ErrUnexpectedEOF
				}
				return n + k, err
			}
			m = k
		case off < v.len():
			m = copy(p, v.tail[off-v.size-v.pad-v.dirLen:])
		default:
			return n, io.EOF
		}
		n += m
		off += int64(m)
		p = p[m:]
	}
	return n, nil
}

// tarArchive is a listed tar; e.at is where an entry's data starts.
type tarArchive struct {
	src  tarSource
	in   int
	inAt int64 // where the tar lies inside the input; -1 when not contiguous there
}

func (t *tarArchive) input() int { return t.in }

func (t *tarArchive) open(e *Entry) (io.ReadCloser, error) {
	if t.src.inPlace() {
		return io.NopCloser(io.NewSectionReader(t.src.ra, e.at, e.Size)), nil
	}
	r, closeFn, err := t.src.stream()
	if err != nil {
		return nil, err
	}
	if _, err := io.CopyN(io.Discard, r, e.at); err != nil {
		closeFn()
		return nil, readErr(err)
	}
	return readCloser{io.LimitReader(r, e.Size), closeFn}, nil
}

func (t *tarArchive) section(e *Entry) (io.ReaderAt, error) {
	if !t.src.inPlace() {
		return nil, nil
	}
	return io.NewSectionReader(t.src.ra, e.at, e.Size), nil
}

func (t *tarArchive) locate(e *Entry) (Span, bool) { return Span{}, false } // Stored says it

// fsSource is a folder, or what an Unpacker returned: an entry is the
// file named by its raw name when that is a valid fs path, else by Path.
type fsSource struct {
	fsys fs.FS
	in   int
}

func (s *fsSource) name(e *Entry) string {
	if raw := e.rawName(); fs.ValidPath(raw) {
		return raw
	}
	return e.Path
}

func (s *fsSource) input() int { return s.in }

func (s *fsSource) open(e *Entry) (io.ReadCloser, error) { return s.fsys.Open(s.name(e)) }

func (s *fsSource) section(e *Entry) (io.ReaderAt, error) { return readerAtOf(s.fsys, s.name(e)) }

func (s *fsSource) locate(e *Entry) (Span, bool) { return Span{}, false }

// unpacked is an fsSource that cannot be read at random: an Unpacker's
// output for members of a ZIP (the old behaviour: open only).
type unpacked struct{ fsSource }

func (u *unpacked) section(e *Entry) (io.ReaderAt, error) { return nil, nil }

// plainFile is a selected file that is no archive.
type plainFile struct {
	r  io.ReaderAt
	in int
}

func (p *plainFile) input() int { return p.in }

func (p *plainFile) open(e *Entry) (io.ReadCloser, error) {
	return io.NopCloser(io.NewSectionReader(p.r, 0, e.Size)), nil
}

func (p *plainFile) section(e *Entry) (io.ReaderAt, error) { return p.r, nil }

func (p *plainFile) locate(e *Entry) (Span, bool) { return Span{}, false }
