package export

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"exportlens/app/media"
)

// Bounds for transcript PDFs: the 2018 one was a few MB.
const (
	maxPDFBytes    = 64 << 20
	maxPDFs        = 8       // PDFs examined per export
	maxLineText    = 1 << 16 // bytes of one transcript line with its continuations
	maxPrefixWords = 6       // words a timestamp at the start of a line may span
)

// pdfLine is one line of PDF text (media.PDFLine without the import, so
// the transcript parser can be tested and fuzzed on plain text).
type pdfLine struct {
	Page, Line int
	Text       string
}

// pdfLines reads the text lines of a PDF; a variable so tests can stub it.
var pdfLines = func(r io.ReaderAt, size int64) ([]pdfLine, error) {
	ls, err := media.PDFLines(r, size)
	out := make([]pdfLine, len(ls))
	for i, l := range ls {
		out[i] = pdfLine{Page: l.Page, Line: l.Line, Text: l.Text}
	}
	return out, err
}

// readTranscripts reads PDFs that look like transcripts (most lines start
// with a date and time). A PDF that is something else is not a problem.
func (l *loader) readTranscripts(pdfs []int) {
	n := 0
	for _, i := range pdfs {
		if n >= maxPDFs || l.ctx.Err() != nil {
			return
		}
		n++
		f := l.files[i]
		if f.Size > maxPDFBytes {
			l.problem(f, ProblemPDF, fmt.Errorf("export: pdf of %d bytes is larger than the %d accepted", f.Size, maxPDFBytes))
			continue
		}
		// The PDF reader's objects cost about the file's size; they are
		// lent for the parse, the lines kept are charged after.
		allow := l.allowance()
		if !allow.take(2 * max(f.Size, 0)) {
			l.problem(f, ProblemBudget, fmt.Errorf("not read, %d bytes: %w", f.Size, ErrBudget))
			continue
		}
		var ra io.ReaderAt
		if r, ok := f.Section(); ok {
			ra = r
		}
		if ra == nil {
			data, err := readBounded(f, maxPDFBytes)
			if err != nil {
				l.problem(f, ProblemOpen, err)
				continue
			}
			ra = bytes.NewReader(data)
		}
		lines, err := pdfLines(ra, f.Size)
		allow.give(2 * max(f.Size, 0))
		if err != nil {
			l.problem(f, ProblemPDF, err)
			continue
		}
		ts, ok := parseTranscript(lines, l.lay.Amazon.TranscriptTime)
		if !ok {
			continue
		}
		l.amazonHits++
		for k, t := range ts {
			if !allow.take(lineCost + int64(len(t.Text))) {
				l.problem(f, ProblemBudget, &budgetError{n: k, unit: "lines"})
				break
			}
			t.Src.Part, t.Src.Path = f.Part, f.Path
			l.ex.Transcripts = append(l.ex.Transcripts, t)
		}
	}
}

// parseTranscript turns PDF lines into transcript lines. A line starting
// with a date and time starts an entry; a line without one continues the
// previous entry (wrapped text); lines before the first entry are titles.
// ok reports whether the text looks like a transcript: at least half of
// its lines start with a timestamp.
func parseTranscript(lines []pdfLine, layouts []string) ([]TranscriptLine, bool) {
	var out []TranscriptLine
	timed, other := 0, 0
	for _, ln := range lines {
		text := cleanSpace(ln.Text)
		if text == "" {
			continue
		}
		if t, rest, ok := splitTime(text, layouts); ok {
			timed++
			out = append(out, TranscriptLine{Time: t, Text: rest, Recording: -1,
				Src: Source{Page: ln.Page, Line: ln.Line}})
			continue
		}
		other++
		if n := len(out); n > 0 && len(out[n-1].Text)+len(text) < maxLineText {
			out[n-1].Text = strings.TrimSpace(out[n-1].Text + " " + text)
		}
	}
	return out, timed > 0 && timed >= other
}

// splitTime finds a timestamp at the start of a line: first in the
// transcript layouts, then in every format of parseTime. Only a prefix with
// a clock time counts, so a line starting with a number is not a timestamp.
func splitTime(text string, layouts []string) (time.Time, string, bool) {
	words := strings.Fields(text)
	if len(words) == 0 {
		return time.Time{}, "", false
	}
	rest := func(k int) string { return strings.Join(words[k:], " ") }
	for _, lay := range layouts {
		k := len(strings.Fields(lay))
		if k == 0 || k > len(words) {
			continue
		}
		if t, err := time.ParseInLocation(lay, strings.Join(words[:k], " "), time.UTC); err == nil {
			t, _ = fixZone(t)
			return t, rest(k), true
		}
	}
	for k := min(maxPrefixWords, len(words)); k >= 1; k-- {
		cand := strings.Join(words[:k], " ")
		if !strings.Contains(cand, ":") {
			continue
		}
		if t, ok := parseTime(cand); ok {
			return t, rest(k), true
		}
	}
	return time.Time{}, "", false
}
