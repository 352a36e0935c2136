package export

import (
	"errors"
	"fmt"
	"io"
	"unsafe"

	"exportlens/app/archive"
)

// DefaultBudget is the memory the records of one Load may hold when the
// tree does not say (archive.Tree.MemoryLeft). In the browser an
// out-of-memory is fatal and the wasm heap never shrinks, so what a Load
// keeps is bounded by bytes, not by a count: 5 million rows at the 370
// bytes a voice-history row of `mkexport -big` costs would be 1.8 GB. It
// holds 158,699 of those rows when nothing else draws on it; opened from
// the ZIP of an export of 100,000 recordings, whose listed entries take
// their share of the tree's budget, all of them (of 160,000: 79,347).
// With the nested archives' budget beside it the heap stays below 256 MiB.
const DefaultBudget = 64 << 20

// ErrBudget: a file was read only in part because the records kept so far
// fill the memory budget; what was read stays (use errors.Is on a
// Problem's cause in tests; the Problem's Kind is "budget").
var ErrBudget = errors.New("the export's memory budget is spent")

// budgetError names how far a file was read.
type budgetError struct {
	n    int
	unit string // "rows", "records", "lines"
}

func (e *budgetError) Error() string {
	return fmt.Sprintf("stopped after %d %s: %v", e.n, e.unit, ErrBudget)
}

func (e *budgetError) Unwrap() error { return ErrBudget }

// Memory that records cost beyond their text, for charge.
const (
	recordingCost = int64(unsafe.Sizeof(Recording{}))
	valueCost     = int64(unsafe.Sizeof(Value{}))
	identityCost  = int64(unsafe.Sizeof(Identity{}))
	deviceCost    = int64(unsafe.Sizeof(Device{}))
	profileCost   = int64(unsafe.Sizeof(VoiceProfile{}))
	lineCost      = int64(unsafe.Sizeof(TranscriptLine{}))
	// htmlRecordingCost: a Takeout record of MyActivity.html, whose
	// values share one origin, and has a recordingMore and its own origins.
	htmlRecordingCost = recordingCost + int64(unsafe.Sizeof(origin{})+unsafe.Sizeof(fieldOrigins{})+unsafe.Sizeof(recordingMore{}))
	// originCost: a cell whose raw text differs has an origin of its own,
	// and its record a copy of the table's origins.
	originCost = int64(unsafe.Sizeof(origin{}) + unsafe.Sizeof(fieldOrigins{}))
)

// Bounds on one record, whatever the budget: encoding/csv and
// encoding/json hold a whole record in memory before handing it out, so a
// quoted cell over many short lines, or one JSON string of 200 MB, must be
// stopped while it is read.
const (
	maxRecordBytes = 1 << 20
	// yieldBytes is how much input passes between archive.Yield calls:
	// skipping blank lines or a long record runs no per-record code, and
	// in the browser nothing else runs (no paint, no GC finishing) until
	// the goroutine yields. A MiB of blank lines is about a millisecond of
	// scanning, but a MiB of one quoted CSV cell over many short lines took
	// 75 ms in the viewer (encoding/csv works line by line): 256 KiB.
	yieldBytes = 256 << 10
)

var errRecordTooLong = fmt.Errorf("a record is longer than %d bytes", maxRecordBytes)

// recordLimit fails when more than maxRecordBytes were read since the end
// of the last record, and yields every yieldBytes. The end is mark (the
// JSON decoder's InputOffset, which stays at a value's start until the
// value is complete) or, when mark is nil, start (set by the CSV reader
// after each record: encoding/csv's InputOffset moves line by line). The
// decoders read ahead a few KB, which the bound allows for.
type recordLimit struct {
	r         io.Reader
	read      int64
	mark      func() int64
	start     int64
	nextYield int64
}

func (l *recordLimit) Read(p []byte) (int, error) {
	end := l.start
	if l.mark != nil {
		end = l.mark()
	}
	if l.read-end > maxRecordBytes {
		return 0, errRecordTooLong
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	if l.read >= l.nextYield {
		l.nextYield = l.read + yieldBytes
		archive.Yield()
	}
	return n, err
}

// allowance is the part of the budget one file may take: all but an
// eighth of what is left, so that a file that would fill memory leaves room
// for the small tables beside it (a registration, the voice profiles), and
// the rest of the export still opens.
type allowance struct {
	l    *loader
	left int64
}

func (l *loader) allowance() *allowance {
	return &allowance{l: l, left: l.budget - l.budget/8}
}

// take charges n bytes; false when they do not fit.
func (a *allowance) take(n int64) bool {
	if n > a.left {
		return false
	}
	a.left -= n
	a.l.budget -= n
	return true
}

// charge takes n bytes already spent (what a record turned out to cost
// beyond what take charged): the budget may go below zero, and the next
// take fails.
func (a *allowance) charge(n int64) {
	a.left -= n
	a.l.budget -= n
}

// give returns bytes taken for the time of a parse.
func (a *allowance) give(n int64) {
	a.left += n
	a.l.budget += n
}

// cellBytes is the memory a CSV row's text holds: encoding/csv makes one
// string per record, and every kept cell keeps it.
func cellBytes(cells []string) int64 {
	n := int64(0)
	for _, c := range cells {
		n += int64(len(c))
	}
	return n
}

// addRecording appends r, growing the slice by a quarter rather than
// doubling it: at tens of thousands of records a doubling reserves tens of
// MB that no record may ever fill (the budget charges records, not room).
func (l *loader) addRecording(r Recording) {
	if n := len(l.ex.Recordings); n == cap(l.ex.Recordings) {
		// Every record is charged at least recordingCost: what is left of
		// the budget bounds how many more can come.
		l.ex.Recordings = growYielding(l.ex.Recordings, n+int(min(int64(n/4+16), max(l.budget, 0)/recordingCost+1)))
	}
	l.ex.Recordings = append(l.ex.Recordings, r)
}

// growYielding returns recs with room for n records (its own slice when it
// has that room already), copying in steps of copyStep records with an
// archive.Yield after each: a record is over a kilobyte with pointers in
// it, so one copy of tens of thousands of them (append's, or slices.Grow's)
// held the browser's thread 50-80 ms, longer while a garbage collection
// runs (a write barrier per pointer), and cannot be interrupted.
func growYielding(recs []Recording, n int) []Recording {
	if n <= cap(recs) {
		return recs
	}
	grown := make([]Recording, len(recs), n)
	for i := 0; i < len(recs); i += copyStep {
		j := min(i+copyStep, len(recs))
		copy(grown[i:j], recs[i:j])
		archive.Yield()
	}
	return grown
}

// copyStep is how many records growYielding copies between two yields:
// about a millisecond of copying in the browser.
const copyStep = 1024
