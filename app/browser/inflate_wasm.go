//go:build wasm

package browser

import (
	"errors"
	"io"
	"sync"
	"syscall/js"
)

// Inflater returns how to read a Deflate stream with the browser's
// DecompressionStream ("deflate-raw": native code, several times faster
// than compress/flate in wasm), or nil where the browser has none.
func Inflater() func(io.Reader) io.ReadCloser {
	ok := func() (ok bool) {
		defer func() {
			if recover() != nil {
				ok = false
			}
		}()
		ds := js.Global().Get("DecompressionStream")
		if ds.Type() != js.TypeFunction {
			return false
		}
		ds.New("deflate-raw") // throws where the format is not known
		return true
	}()
	if !ok {
		return nil
	}
	return newInflater
}

// inflateChunk is how much compressed input goes to the stream at a time.
// The stream inflates a chunk whole before it is read, so a chunk of a
// bomb (Deflate's ratio is at most about 1,000:1) holds at most 16 MB in
// the browser's memory, outside the budget of the wasm.
const inflateChunk = 16 << 10

// inflater feeds r to a DecompressionStream from a goroutine of its own
// and reads what comes out.
type inflater struct {
	reader js.Value // the readable side's reader
	writer js.Value // the writable side's writer
	left   []byte   // of the last chunk read, not yet returned
	done   bool

	mu   sync.Mutex
	werr error // the feeding goroutine's error (r's, or the stream's)
	stop chan struct{}
	once sync.Once
}

func newInflater(r io.Reader) io.ReadCloser {
	f := &inflater{stop: make(chan struct{})}
	err := func() (err error) {
		defer recoverJS(&err)
		ds := js.Global().Get("DecompressionStream").New("deflate-raw")
		f.writer = ds.Get("writable").Call("getWriter")
		f.reader = ds.Get("readable").Call("getReader")
		return nil
	}()
	if err != nil {
		return errReader{err}
	}
	go f.feed(r)
	return f
}

// feed writes r's bytes to the stream and closes it at r's end; an error
// of r aborts the stream, so that the reading side ends too.
func (f *inflater) feed(r io.Reader) {
	buf := make([]byte, inflateChunk)
	for {
		select {
		case <-f.stop:
			return
		default:
		}
		n, err := io.ReadFull(r, buf)
		if n > 0 {
			var u8 js.Value
			if e := func() (e error) {
				defer recoverJS(&e)
				u8 = js.Global().Get("Uint8Array").New(n)
				js.CopyBytesToJS(u8, buf[:n])
				return nil
			}(); e != nil {
				f.fail(e)
				return
			}
			if _, e := await(f.writer.Call("write", u8)); e != nil {
				f.fail(e)
				return
			}
		}
		switch {
		case err == io.EOF || err == io.ErrUnexpectedEOF:
			if _, e := await(f.writer.Call("close")); e != nil {
				f.fail(e)
			}
			return
		case err != nil:
			f.fail(err)
			return
		}
	}
}

func (f *inflater) fail(err error) {
	f.mu.Lock()
	if f.werr == nil {
		f.werr = err
	}
	f.mu.Unlock()
	func() {
		defer func() { recover() }()
		quiet(f.writer.Call("abort"))
	}()
}

// quiet gives a promise nobody awaits a handler for its rejection: the
// stream's promises reject once it is cancelled or aborted, and an
// unhandled rejection is an error in the page's console.
func quiet(p js.Value) {
	ignoreOnce.Do(func() { ignore = js.FuncOf(func(js.Value, []js.Value) any { return nil }) })
	if p.Type() == js.TypeObject {
		p.Call("catch", ignore)
	}
}

var (
	ignoreOnce sync.Once
	ignore     js.Func // never released: one for the app run
)

func (f *inflater) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	for len(f.left) == 0 {
		if f.done {
			return 0, io.EOF
		}
		res, err := await(f.reader.Call("read"))
		if err != nil {
			f.mu.Lock()
			werr := f.werr
			f.mu.Unlock()
			if werr != nil {
				return 0, werr // r's own error: why the stream was aborted
			}
			return 0, errors.New("flate: corrupt input: " + err.Error())
		}
		if res.Get("done").Bool() {
			f.done = true
			continue
		}
		v := res.Get("value")
		n := v.Get("byteLength").Int()
		if cap(f.left) < n {
			f.left = make([]byte, n)
		}
		f.left = f.left[:n]
		js.CopyBytesToGo(f.left, v)
	}
	n := copy(p, f.left)
	f.left = f.left[n:]
	return n, nil
}

// Close stops the feeding and cancels the stream.
func (f *inflater) Close() error {
	f.once.Do(func() {
		close(f.stop)
		defer func() { recover() }()
		quiet(f.reader.Call("cancel"))
		quiet(f.writer.Call("abort"))
	})
	return nil
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
func (e errReader) Close() error             { return nil }
