package archive

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
)

// tarSource is a tar archive, plain or gzipped. A plain tar is read in
// place: the listing seeks over member data and members open as sections.
// A gzipped one is streamed through once while listing, and each member,
// when opened, is found by streaming again from the start (a .tgz has no
// index; reading its members in listing order is the cheap way).
type tarSource struct {
	ra   io.ReaderAt
	size int64
	gz   bool
}

// stream returns the tar bytes from the start, gunzipped if need be.
func (t tarSource) stream() (io.Reader, func() error, error) {
	raw := io.NewSectionReader(t.ra, 0, t.size)
	if !t.gz {
		return raw, func() error { return nil }, nil
	}
	zr, err := gzip.NewReader(raw)
	if err != nil {
		return nil, nil, truncated("%w", err)
	}
	return zr, zr.Close, nil
}

// inPlace reports whether members can be read where they lie.
func (t tarSource) inPlace() bool { return !t.gz }

// tar lists a tar archive. It reports whether it could be read at all.
func (o *opener) tar(s *scope, src tarSource) bool {
	var r io.Reader
	var pos func() int64
	if src.inPlace() {
		// A SectionReader is a Seeker: archive/tar skips member data by seeking.
		sr := io.NewSectionReader(src.ra, 0, src.size)
		r, pos = sr, func() int64 { p, _ := sr.Seek(0, io.SeekCurrent); return p }
	} else {
		stream, closeFn, err := src.stream()
		if err != nil {
			o.problem(&Error{Part: s.part, Err: readErr(err)})
			return false
		}
		defer closeFn()
		cr := &countReader{r: stream}
		r, pos = cr, func() int64 { return cr.n }
	}
	tr := tar.NewReader(r)
	ta := &tarArchive{src: src, in: s.input, inAt: s.base}
	for i := 0; ; i++ {
		if i%256 == 0 && o.stopped() {
			return true
		}
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			o.problem(&Error{Part: s.part, Err: readErr(err)})
			return i > 0
		}
		if h.Typeflag != tar.TypeReg {
			continue // directories, links, devices: not files of the export
		}
		off := pos() // archive/tar has consumed exactly the headers: data starts here
		p, unsafe := cleanName(h.Name)
		e := s.o.newEntry(Entry{Part: s.part, Path: p, Size: h.Size, Modified: h.ModTime, Unsafe: unsafe})
		if h.Name != p {
			e.RawName = h.Name
		}
		if isSparse(h) {
			e.err = fmt.Errorf("%w: a sparse tar member", ErrUnsupported)
		} else if isName(p, ".zip", ".7z", ".rar") && o.tarZip(s, src, tr, e, off) {
			continue
		}
		s.tarMember(e, ta, off)
		if !s.add(e) {
			break
		}
	}
	return true
}

func isSparse(h *tar.Header) bool {
	if h.Typeflag == tar.TypeGNUSparse {
		return true
	}
	for k := range h.PAXRecords {
		if strings.HasPrefix(k, "GNU.sparse.") {
			return true
		}
	}
	return false
}

// tarMember sets how e, whose data starts at off in the tar stream, opens.
func (s *scope) tarMember(e *Entry, ta *tarArchive, off int64) {
	src := ta.src
	if src.inPlace() && (e.Size < 0 || off > src.size || e.Size > src.size-off) {
		if e.err == nil {
			e.err = truncated("its data runs past the end of the archive")
		}
		return
	}
	e.src, e.at = ta, off
	if src.inPlace() && s.base >= 0 {
		e.Stored = &Span{Input: s.input, Offset: s.base + off}
	}
}

// tarZip opens a ZIP, 7z or RAR member of a tar (named so, and its bytes
// say so): in place for a plain tar read at random, else buffered in
// memory within the inflate budget.
func (o *opener) tarZip(s *scope, src tarSource, tr *tar.Reader, e *Entry, off int64) bool {
	if s.depth+1 > o.lim.MaxDepth {
		o.problem(&Error{Part: s.part, Path: e.Path, Err: fmt.Errorf("%w: more than %d levels", ErrTooDeep, o.lim.MaxDepth)})
		return false
	}
	if src.inPlace() {
		if e.Size < 0 || off > src.size || e.Size > src.size-off {
			return false // listed as damaged by tarMember
		}
		base := int64(-1)
		if s.base >= 0 {
			base = s.base + off
		}
		ra := io.NewSectionReader(src.ra, off, e.Size)
		k := sniff(e.Path, ra, e.Size)
		if k != kindZip && k != kind7z && k != kindRar {
			return false
		}
		c := s.child(e.Path, base)
		ok := o.list(c, k, ra, e.Size)
		c.finish()
		return ok
	}
	if e.Size > o.lim.MaxInflate-o.inflated {
		o.problem(&Error{Part: s.part, Path: e.Path, Err: fmt.Errorf("%w: %d bytes; %d of %d are left", ErrInflateBudget, e.Size, o.lim.MaxInflate-o.inflated, o.lim.MaxInflate)})
		return false
	}
	buf := make([]byte, e.Size) // bounded by MaxInflate above
	if _, err := io.ReadFull(tr, buf); err != nil {
		// The stream is spent: the member cannot be listed either; say so.
		o.problem(&Error{Part: s.part, Path: e.Path, Err: readErr(err)})
		return false
	}
	o.inflated += e.Size
	c := s.child(e.Path, -1)
	k := sniff(e.Path, bytes.NewReader(buf), e.Size)
	ok := (k == kindZip || k == kind7z || k == kindRar) && o.list(c, k, bytes.NewReader(buf), e.Size)
	c.finish()
	if !ok {
		o.inflated -= e.Size
	}
	return ok
}

// countReader counts the bytes read through it: the position in a stream.
// It yields every yieldBytes: archive/tar skips a member of a .tgz by
// inflating it, a long loop that runs none of the listing's code.
type countReader struct {
	r         io.Reader
	n         int64
	nextYield int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n >= c.nextYield {
		c.nextYield = c.n + yieldBytes
		Yield()
	}
	return n, err
}
