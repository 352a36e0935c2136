package ui

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"strings"
	"sync/atomic"

	"exportlens/app/archive"
)

// reasons maps the archive's error causes to plain words.
var reasons = []struct {
	err error
	key string
}{
	{archive.ErrOverlap, "reason.overlap"},
	{archive.ErrTooManyEntries, "reason.tooMany"},
	{archive.ErrTooLarge, "reason.tooLarge"},
	{archive.ErrTooDeep, "reason.tooDeep"},
	{archive.ErrEncrypted, "reason.encrypted"},
	{archive.ErrTruncated, "reason.truncated"},
	{archive.ErrUnsupported, "reason.unsupported"},
	{archive.ErrInflateBudget, "reason.inflate"},
	{archive.ErrEntryMemory, "reason.entryMemory"},
	{archive.ErrSizeMismatch, "reason.size"},
}

// sentence says in one plain sentence which file could not be read and
// why; the error's own text is the detail shown on demand. fallback names
// the file when the error does not.
func sentence(lang string, err error, fallback string) string {
	file := fallback
	var ae *archive.Error
	var pe *fs.PathError
	var pan *panicError
	switch {
	case errors.As(err, &pan):
		if pan.Name != "" {
			file = pan.Name
		}
	case errors.As(err, &ae):
		file = archiveName(ae)
	case errors.As(err, &pe):
		file = pe.Path // a dropped file or folder the browser could not give
	}
	reason := "reason.unknown"
	if pan != nil {
		return tr(lang, "open.failed", file, tr(lang, "reason.panic"))
	}
	for _, r := range reasons {
		if errors.Is(err, r.err) {
			reason = r.key
			break
		}
	}
	if reason == "reason.unknown" && strings.Contains(err.Error(), "browser: ") {
		reason = "reason.browser"
	}
	return tr(lang, "open.failed", file, tr(lang, reason))
}

// archiveName names where an archive error happened as the tree names its
// entries: the whole chain ("nested.zip!level01.zip!level02.zip"), with "/"
// inside a folder input. The member alone ("level02.zip") does not tell a
// person which of several archives holds it. archive.Error spells it in its
// message ("archive: NAME: reason"), the one place it is exported.
func archiveName(ae *archive.Error) string {
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

func init() { addTexts(errorTexts) }

var errorTexts = map[string]text{
	"reason.panic": {"ExportLens ran into an internal error with it; the rest of the app still works",
		"ExportLens stieß dabei auf einen internen Fehler; der Rest der App funktioniert weiter"},
}

// panicError is a panic caught at the pipeline's boundary (guard): the page
// says which file was being read and stays usable instead of dying. Go
// cannot recover a fatal error (out of memory, a runtime throw); the
// watchdog script (web/watchdog.js) reports those.
type panicError struct {
	Name  string // the input or member being read when it panicked; "" if unknown
	Value any    // what was passed to panic
	Where string // the function that panicked, for whoever reports the bug
}

func (e *panicError) Error() string {
	var b strings.Builder
	b.WriteString("ui: panic")
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
func (e *panicError) Unwrap() error {
	err, _ := e.Value.(error)
	return err
}

// guard runs f and turns a panic in it into a *panicError naming what
// name() says was being read at that moment. A panic in a goroutine that f
// starts is not caught: Go cannot recover it anywhere but there.
func guard(name func() string, f func() error) (err error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		pe := &panicError{Value: r, Where: panicSite()}
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

// readTracker remembers the last input or member the pipeline read, so that
// a panic can name it. The pipeline reads from one goroutine at a time, but
// the pages may read too: it is safe for concurrent use.
type readTracker struct{ last atomic.Pointer[string] }

func (t *readTracker) set(name string) {
	if p := t.last.Load(); p == nil || *p != name {
		t.last.Store(&name)
	}
}

// name is the last name set, or fallback.
func (t *readTracker) name(fallback string) string {
	if p := t.last.Load(); p != nil {
		return *p
	}
	return fallback
}

// trackedReaderAt records its name on every read.
type trackedReaderAt struct {
	r    io.ReaderAt
	name string
	t    *readTracker
}

func (r trackedReaderAt) ReadAt(p []byte, off int64) (int, error) {
	r.t.set(r.name)
	return r.r.ReadAt(p, off)
}

// trackedFS records "folder/path" of every file opened in a folder input.
type trackedFS struct {
	fs   fs.FS
	name string
	t    *readTracker
}

func (f trackedFS) Open(name string) (fs.File, error) {
	if name != "." {
		f.t.set(f.name + "/" + name)
	}
	return f.fs.Open(name)
}

// ReadDir and Stat keep the folder's own fast paths (fs.ReadDirFS, fs.StatFS).
func (f trackedFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(f.fs, name) }
func (f trackedFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(f.fs, name) }
