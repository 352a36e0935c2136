package view

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"exportlens/app/archive"
	"exportlens/app/media"
)

// Preview is what the Files page shows of one member, read off the UI
// goroutine (ReadPreview).
type Preview struct {
	Kind     Kind
	CSV      *CSVPage
	Text     *TextPage
	JSON     *JSONNode
	JSONNote string // why a JSON member is shown as text
	PDF      []media.PDFLine
	PDFErr   error   // why a PDF's text could not be read
	Bytes    *Source // an image or audio to show, or the PDF to save
	Err      error
}

// ReadPreview reads what the view of e at loc shows: a page of a CSV or a
// text, a JSON tree (or, asText, or when it is too large or broken for
// one, its text), a PDF's text lines and its bytes to save, an image's or
// an audio's bytes. Images and audio are what their bytes sniff as, never
// what the name says. inputs are the files given to Steps.Read on their
// own, in that order: a member stored in one of them is served in place.
// A panic is the preview's error, naming the member.
func ReadPreview(e *archive.Entry, loc FileLoc, asText bool, inputs []io.ReaderAt) (d Preview) {
	if err := Guard(e.Name, func() error {
		d = readPreview(e, loc, asText, inputs)
		return nil
	}); err != nil {
		d = Preview{Kind: KindOf(e.Path), Err: err}
	}
	return d
}

func readPreview(e *archive.Entry, loc FileLoc, asText bool, inputs []io.ReaderAt) (d Preview) {
	d.Kind = KindOf(e.Path)
	if d.Kind == KindJSON && asText {
		d.Kind, d.JSONNote = KindText, "shown as text"
	}
	switch d.Kind {
	case KindCSV:
		rc, err := e.Open()
		if err != nil {
			d.Err = err
			return
		}
		defer rc.Close()
		pg := ReadCSVPage(rc, loc.Page, loc.Line, loc.Field)
		d.CSV = &pg
	case KindText:
		d.Text, d.Err = readText(e, loc)
	case KindJSON:
		rc, err := e.Open()
		if err != nil {
			d.Err = err
			return
		}
		defer rc.Close()
		d.JSON, err = ReadJSONTree(rc, e.Size)
		if err == nil {
			return d
		}
		var ae *archive.Error
		if errors.As(err, &ae) { // the member itself could not be read
			d.Err = err
			return d
		}
		// Too large or not valid JSON for a tree: show its text, paged.
		d.JSONNote = err.Error()
		d.Kind = KindText
		d.Text, d.Err = readText(e, loc)
	case KindImage, KindAudio, KindOther: // shown as what the bytes are
		head, err := readHead(e)
		if err != nil {
			d.Err = err
			return d
		}
		var t media.Type
		switch d.Kind, t = PreviewKind(head); d.Kind {
		case KindText:
			d.Text, d.Err = readText(e, loc)
		case KindImage, KindAudio:
			d.Bytes, d.Err = entrySource(e, t, MaxPreviewMedia, inputs)
		case KindPDF:
			d.PDF, d.PDFErr, d.Bytes, d.Err = readPDF(e, inputs)
		}
	case KindPDF:
		d.PDF, d.PDFErr, d.Bytes, d.Err = readPDF(e, inputs)
	}
	return d
}

func readText(e *archive.Entry, loc FileLoc) (*TextPage, error) {
	rc, err := e.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	pg := ReadTextPage(rc, loc.Page, loc.Line)
	return &pg, nil
}

// readHead returns the first SniffBytes of a member (fewer if it is shorter).
func readHead(e *archive.Entry) ([]byte, error) {
	rc, err := e.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, SniffBytes))
	if err != nil && len(b) == 0 {
		return nil, err
	}
	return b, nil
}

// readPDF returns the text lines of a PDF and its bytes to save (typed
// media.Opaque: opened, it is saved, never rendered). A stored member is
// read in place; a compressed one is inflated once, bounded.
func readPDF(e *archive.Entry, inputs []io.ReaderAt) (lines []media.PDFLine, linesErr error, src *Source, err error) {
	if ra, ok := e.Section(); ok {
		lines, linesErr = media.PDFLines(ra, e.Size)
		src, err = entrySource(e, media.Opaque, MaxPDFBytes, inputs)
		return
	}
	data, err := readBounded(e, MaxPDFBytes)
	if err != nil {
		return nil, nil, nil, err
	}
	lines, linesErr = media.PDFLines(bytes.NewReader(data), int64(len(data)))
	return lines, linesErr, &Source{Input: -1, Size: int64(len(data)), Data: data, Type: media.Opaque}, nil
}

// entrySource returns where e's bytes are, typed t: a stretch of the input
// file when the member lies there uncompressed, else its bytes
// decompressed once (at most max). t is what e's first bytes sniffed as, or
// media.Opaque for bytes to save; the bytes served are sniffed again, and
// typed media.Opaque when they are not t.
func entrySource(e *archive.Entry, t media.Type, max int64, inputs []io.ReaderAt) (*Source, error) {
	if sp, ok := e.Locate(); ok && sp.Input >= 0 && sp.Input < len(inputs) {
		if t != media.Opaque {
			head := make([]byte, min(e.Size, media.SniffBytes))
			if _, err := inputs[sp.Input].ReadAt(head, sp.Offset); err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			if media.Sniff(head) != t {
				t = media.Opaque
			}
		}
		return &Source{Input: sp.Input, Offset: sp.Offset, Size: e.Size, Type: t}, nil
	}
	data, err := readBounded(e, max)
	if err != nil {
		return nil, err
	}
	if t != media.Opaque && media.Sniff(data) != t {
		t = media.Opaque
	}
	return &Source{Input: -1, Size: int64(len(data)), Data: data, Type: t}, nil
}

// readBounded reads a whole member that is at most max bytes.
func readBounded(e *archive.Entry, max int64) ([]byte, error) {
	if e.Size > max {
		return nil, fmt.Errorf("%s: %w", e.Name(), archive.ErrTooLarge)
	}
	rc, err := e.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, max))
}
