// Package browser is the only package that touches syscall/js. It turns what
// the person chose in the page into Go values the engine reads in place:
// a File whose ReaderAt reads the JS Blob a block at a time (never the whole
// file), object URLs for playback, and the browser's language. An object
// URL is typed only by a media.Type sniffed from the bytes, so export
// content never becomes a document (HTML, SVG, XML) of the app's origin.
//
// Entry points: InputFiles (an <input type=file>), ListenDrop (drag and
// drop, folders included), File.ReaderAt, ObjectURL, BytesURL, Revoke,
// Language; Pause (the page's turn between stretches of work) and
// StartStage (performance measures of the pipeline's stages).
//
// Every call that waits for a JS promise must run on a goroutine of its own
// (go-app: ctx.Async or an action handler), never inside a JS callback: the
// callback would wait for an answer that only it could deliver. Panics from
// syscall/js are recovered at this boundary and returned as errors.
//
// The native build is a stand-in with the same API over byte slices, so
// `go vet ./...` and the tests of the block cache run without a browser.
package browser

// PaceBackstop is the memory limit while PaceGC paces the collections: past
// it the runtime collects on its own (work that allocates and never
// pauses). The native tests of the viewer's memory run under it too.
const PaceBackstop = 192 << 20
