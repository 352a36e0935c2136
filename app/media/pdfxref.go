package media

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// checkPDFXref walks the cross-reference sections of a PDF the way
// github.com/ledongthuc/pdf will, before that library sees the file. The library sizes its
// object table by the object numbers and /Size the file declares, and follows /Prev links
// without noticing cycles: a one-line lie would make it allocate gigabytes (fatal in wasm,
// where an out-of-memory cannot be recovered) or loop forever. So every declared number
// that the library allocates by is bounded here first.
func checkPDFXref(r io.ReaderAt, size int64) error {
	maxObj := int64(maxPDFObjects)
	if size < maxObj {
		// Each object needs some bytes in the file; more objects than bytes is a lie.
		maxObj = max(size, 1024)
	}

	// The library reads startxref from the last 100 bytes; do the same.
	const endChunk = 100
	if size < endChunk {
		return errors.New("media: pdf: file too short")
	}
	buf := make([]byte, endChunk)
	if _, err := r.ReadAt(buf, size-endChunk); err != nil && err != io.EOF {
		return fmt.Errorf("media: pdf: read trailer: %w", err)
	}
	i := lastPDFLine(buf, "startxref")
	if i < 0 {
		return errors.New("media: pdf: missing startxref")
	}
	sc := newPDFScanner(bytes.NewReader(buf[i+len("startxref"):]))
	off, ok := sc.object(0).(int64)
	if !ok {
		return errors.New("media: pdf: startxref not followed by an offset")
	}

	seen := map[int64]bool{}
	for {
		if off < 0 || off >= size {
			return fmt.Errorf("media: pdf: cross-reference offset %d outside the file", off)
		}
		if seen[off] {
			return errors.New("media: pdf: cross-reference sections form a cycle")
		}
		if len(seen) >= maxPDFXrefSections {
			return fmt.Errorf("media: pdf: more than %d cross-reference sections", maxPDFXrefSections)
		}
		seen[off] = true

		sc := newPDFScanner(io.NewSectionReader(r, off, size-off))
		trailer, err := sc.xrefSection(maxObj)
		if err != nil {
			return err
		}
		prev, ok := trailer["Prev"]
		if !ok {
			return nil
		}
		if off, ok = prev.(int64); !ok {
			return errors.New("media: pdf: /Prev is not an offset")
		}
	}
}

// lastPDFLine finds the last occurrence of s alone on its line, like the library's
// findLastLine, so that both read the same startxref.
func lastPDFLine(buf []byte, s string) int {
	end := len(buf)
	for {
		i := bytes.LastIndex(buf[:end], []byte(s))
		if i <= 0 || i+len(s) >= len(buf) {
			return -1
		}
		before, after := buf[i-1], buf[i+len(s)]
		if (before == '\n' || before == '\r') && (after == '\n' || after == '\r') {
			return i
		}
		end = i
	}
}

// Limits for checkPDFXref.
const (
	maxPDFObjects      = 1 << 21 // highest object number accepted (a 64 MB table at most)
	maxPDFXrefSections = 64      // incremental updates; real files have a handful
	maxPDFTokens       = 8 << 20 // tokens read per section: xref tables list 3 per object
	maxPDFNesting      = 32
)

// xrefSection reads one classic xref table with its trailer, or the dictionary of an xref
// stream, checks the numbers in it and returns the trailer dictionary.
func (sc *pdfScanner) xrefSection(maxObj int64) (map[string]any, error) {
	first := sc.object(0)
	if first == pdfKeyword("xref") {
		for {
			tok := sc.token()
			if tok == pdfKeyword("trailer") {
				d, ok := sc.object(0).(map[string]any)
				if !ok {
					return nil, errors.New("media: pdf: xref table not followed by a trailer dictionary")
				}
				return d, sc.err
			}
			start, ok1 := tok.(int64)
			n, ok2 := sc.token().(int64)
			if !ok1 || !ok2 || start < 0 || n < 0 || start > maxObj || n > maxObj-start {
				return nil, fmt.Errorf("media: pdf: bad xref subsection %v %v (at most %d objects)", tok, n, maxObj)
			}
			for k := int64(0); k < 3*n; k++ {
				if sc.token() == nil {
					return nil, errors.New("media: pdf: xref table ends early")
				}
			}
		}
	}
	// An xref stream: "N G obj << … >> stream".
	if _, ok := first.(int64); !ok {
		return nil, errors.New("media: pdf: cross-reference section not found")
	}
	sc.object(0) // generation
	if sc.token() != pdfKeyword("obj") {
		return nil, errors.New("media: pdf: cross-reference stream not found")
	}
	d, ok := sc.object(0).(map[string]any)
	if !ok {
		return nil, errors.New("media: pdf: cross-reference stream has no dictionary")
	}
	if sc.err != nil {
		return nil, sc.err
	}
	if n, ok := d["Size"].(int64); ok && (n < 0 || n > maxObj) {
		return nil, fmt.Errorf("media: pdf: cross-reference /Size %d out of range (at most %d)", n, maxObj)
	}
	if w, ok := d["W"].([]any); ok {
		for _, x := range w {
			if n, ok := x.(int64); !ok || n < 0 || n > 8 {
				return nil, fmt.Errorf("media: pdf: cross-reference /W entry %v out of range", x)
			}
		}
	}
	if idx, ok := d["Index"].([]any); ok {
		var total int64
		for k := 0; k+1 < len(idx); k += 2 {
			start, ok1 := idx[k].(int64)
			n, ok2 := idx[k+1].(int64)
			if !ok1 || !ok2 || start < 0 || n < 0 || start > maxObj || n > maxObj-start {
				return nil, fmt.Errorf("media: pdf: cross-reference /Index %v %v out of range", idx[k], idx[k+1])
			}
			if total += n; total > maxObj {
				return nil, errors.New("media: pdf: cross-reference /Index lists too many objects")
			}
		}
	}
	return d, nil
}
