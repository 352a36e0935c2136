package view

import (
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"strings"

	"exportlens/app/archive"
)

// Reason is why a file could not be read, as the key of the sentence the
// pages show for it ("reason.truncated": "it is truncated or damaged").
type Reason string

// The reasons an input or member cannot be read.
const (
	ReasonOverlap     Reason = "reason.overlap"
	ReasonTooMany     Reason = "reason.tooMany"
	ReasonTooLarge    Reason = "reason.tooLarge"
	ReasonTooDeep     Reason = "reason.tooDeep"
	ReasonEncrypted   Reason = "reason.encrypted"
	ReasonTruncated   Reason = "reason.truncated"
	ReasonUnsupported Reason = "reason.unsupported"
	ReasonInflate     Reason = "reason.inflate"
	ReasonEntryMemory Reason = "reason.entryMemory"
	ReasonSize        Reason = "reason.size"
	ReasonPanic       Reason = "reason.panic"   // ExportLens itself failed on it (PanicError)
	ReasonBrowser     Reason = "reason.browser" // the browser could not give the file
	ReasonUnknown     Reason = "reason.unknown"
)

// Reasons are every Reason Unreadable gives, for the pages' text tables.
var Reasons = []Reason{ReasonOverlap, ReasonTooMany, ReasonTooLarge, ReasonTooDeep, ReasonEncrypted, ReasonTruncated,
	ReasonUnsupported, ReasonInflate, ReasonEntryMemory, ReasonSize, ReasonPanic, ReasonBrowser, ReasonUnknown}

// reasons maps the archive's error causes to their Reason.
var reasons = []struct {
	err error
	why Reason
}{
	{archive.ErrOverlap, ReasonOverlap},
	{archive.ErrTooManyEntries, ReasonTooMany},
	{archive.ErrTooLarge, ReasonTooLarge},
	{archive.ErrTooDeep, ReasonTooDeep},
	{archive.ErrEncrypted, ReasonEncrypted},
	{archive.ErrTruncated, ReasonTruncated},
	{archive.ErrUnsupported, ReasonUnsupported},
	{archive.ErrInflateBudget, ReasonInflate},
	{archive.ErrEntryMemory, ReasonEntryMemory},
	{archive.ErrSizeMismatch, ReasonSize},
}

// Unreadable says which file err is about and why it could not be read,
// for the one sentence a page shows (the error's own text is the detail
// shown on demand). fallback names the file when the error does not.
func Unreadable(err error, fallback string) (file string, why Reason) {
	file = fallback
	var ae *archive.Error
	var pe *fs.PathError
	var pan *PanicError
	switch {
	case errors.As(err, &pan):
		if pan.Name != "" {
			file = pan.Name
		}
		return file, ReasonPanic
	case errors.As(err, &ae):
		file = ArchiveName(ae)
	case errors.As(err, &pe):
		file = pe.Path // a dropped file or folder the browser could not give
	}
	for _, r := range reasons {
		if errors.Is(err, r.err) {
			return file, r.why
		}
	}
	if strings.Contains(err.Error(), "browser: ") {
		return file, ReasonBrowser
	}
	return file, ReasonUnknown
}

// ArchiveName names where an archive error happened as the tree names its
// entries: the whole chain ("nested.zip!level01.zip!level02.zip"), with "/"
// inside a folder input. The member alone ("level02.zip") does not tell a
// person which of several archives holds it. archive.Error spells it in its
// message ("archive: NAME: reason"), the one place it is exported.
func ArchiveName(ae *archive.Error) string {
	if ae.Path == "" || ae.Part == "" {
		return ae.Part + ae.Path
	}
	msg := strings.TrimPrefix(ae.Error(), "archive: ")
	if ae.Err != nil {
		if name, ok := strings.CutSuffix(msg, ": "+ae.Err.Error()); ok {
			return name
		}
	}
	return archive.JoinName(ae.Part, ae.Path, false)
}

// PanicError is a panic caught at the pipeline's boundary (guard): the page
// says which file was being read and stays usable instead of dying. Go
// cannot recover a fatal error (out of memory, a runtime throw); the
// watchdog script (web/watchdog.js) reports those.
type PanicError struct {
	Name  string // the input or member being read when it panicked; "" if unknown
	Value any    // what was passed to panic
	Where string // the function that panicked, for whoever reports the bug
}

func (e *PanicError) Error() string {
	var b strings.Builder
	b.WriteString("panic")
	if e.Name != "" {
		b.WriteString(" while reading ")
		b.WriteString(e.Name)
	}
	fmt.Fprintf(&b, ": %v", e.Value)
	if e.Where != "" {
		b.WriteString(" (in ")
		b.WriteString(e.Where)
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap gives the panic's value when it is an error (runtime errors are).
func (e *PanicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// Guard runs f and turns a panic in it into a *panicError naming what
// name() says was being read at that moment. A panic in a goroutine that f
// starts is not caught: Go cannot recover it anywhere but there.
func Guard(name func() string, f func() error) (err error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		pe := &PanicError{Value: r, Where: panicSite()}
		if name != nil {
			pe.Name = name()
		}
		err = pe
	}()
	return f()
}

// panicSite names the function that panicked: the first frame below
// runtime.gopanic that is not the runtime's own. It runs in guard's deferred
// function, while the panicking frames are still on the stack.
func panicSite() string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	seenPanic := false
	for {
		f, more := frames.Next()
		if f.Function == "runtime.gopanic" {
			seenPanic = true
		} else if seenPanic && !strings.HasPrefix(f.Function, "runtime.") {
			return fmt.Sprintf("%s:%d", f.Function, f.Line)
		}
		if !more {
			return ""
		}
	}
}
