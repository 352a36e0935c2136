package ui

import (
	"io"
	"io/fs"
	"sync/atomic"

	"exportlens/app/view"
)

// sentence says in one plain sentence which file could not be read and
// why (view.Unreadable); fallback names the file when the error does not.
func sentence(lang string, err error, fallback string) string {
	file, why := view.Unreadable(err, fallback)
	return tr(lang, tOpenFailed, file, tr(lang, textOr(reasonText[why], tReasonUnknown)))
}

var (
	tReasonPanic = def("reason.panic", "ExportLens ran into an internal error with it; the rest of the app still works", "ExportLens stieß dabei auf einen internen Fehler; der Rest der App funktioniert weiter")
)

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
