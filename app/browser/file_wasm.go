//go:build wasm

package browser

import (
	"errors"
	"fmt"
	"syscall/js"

	"exportlens/app/media"
)

// source is a JS Blob (a File is one).
type source struct{ blob js.Value }

// read copies the Blob's bytes [off, off+len(p)) into p. It awaits a promise:
// call it from a goroutine, never from a JS callback.
func (s source) read(off int64, p []byte) (n int, err error) {
	defer recoverJS(&err)
	slice := s.blob.Call("slice", float64(off), float64(off+int64(len(p))))
	buf, err := await(slice.Call("arrayBuffer"))
	if err != nil {
		return 0, err
	}
	return js.CopyBytesToGo(p, js.Global().Get("Uint8Array").New(buf)), nil
}

func newFile(name string, blob js.Value) *File {
	return &File{name: name, size: int64(blob.Get("size").Float()), src: source{blob: blob}}
}

// await waits for a JS promise from a goroutine.
func await(promise js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	then := js.FuncOf(func(_ js.Value, args []js.Value) any {
		v := js.Undefined()
		if len(args) > 0 {
			v = args[0]
		}
		ch <- result{v: v}
		return nil
	})
	defer then.Release()
	catch := js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "rejected"
		if len(args) > 0 && args[0].Truthy() {
			msg = args[0].Call("toString").String()
		}
		ch <- result{err: errors.New(msg)}
		return nil
	})
	defer catch.Release()
	promise.Call("then", then, catch)
	r := <-ch
	return r.v, r.err
}

// recoverJS turns a panic from syscall/js (a JS exception) into an error.
func recoverJS(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("browser: %v", r)
	}
}

// InputFiles returns the files currently chosen in the <input type=file>
// with the given id. Files chosen through a folder picker (webkitdirectory)
// are named by their relative path. The element is only read.
func InputFiles(id string) (files []*File, err error) {
	defer recoverJS(&err)
	el := js.Global().Get("document").Call("getElementById", id)
	if !el.Truthy() {
		return nil, fmt.Errorf("browser: no element %q", id)
	}
	list := el.Get("files")
	for i := 0; i < list.Length(); i++ {
		files = append(files, inputFile(list.Index(i)))
	}
	return files, nil
}

// inputFile is a File chosen in a file input, named by its path below the
// chosen folder when a folder picker chose it.
func inputFile(f js.Value) *File {
	name := f.Get("name").String()
	if rel := f.Get("webkitRelativePath"); rel.Truthy() && rel.String() != "" {
		name = rel.String()
	}
	return newFile(name, f)
}

// ObjectURL returns a blob: URL of the bytes [start, end) of f typed t,
// without copying them (File.slice). t comes from media.Sniff of those
// bytes: a media type is kept, anything else becomes
// application/octet-stream (see blobType). Revoke it when no longer shown.
func ObjectURL(f *File, start, end int64, t media.Type) (u string, err error) {
	defer recoverJS(&err)
	slice := f.src.blob.Call("slice", float64(start), float64(end), blobType(t))
	return js.Global().Get("URL").Call("createObjectURL", slice).String(), nil
}

// BytesURL returns a blob: URL holding a copy of data typed t (for entries
// that had to be decompressed), as ObjectURL types it. Revoke it when no
// longer shown.
func BytesURL(data []byte, t media.Type) (u string, err error) {
	defer recoverJS(&err)
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	opts := js.Global().Get("Object").New()
	opts.Set("type", blobType(t))
	blob := js.Global().Get("Blob").New([]any{arr}, opts)
	return js.Global().Get("URL").Call("createObjectURL", blob).String(), nil
}

// revokeDelay is how long an object URL outlives its last use. A media
// element that the page no longer shows may still be fetching its source
// (preload, a range request of a seek): revoked at once, that fetch fails
// with ERR_FILE_NOT_FOUND. After a few seconds nothing reads it any more.
const revokeDelay = 3000 // ms

// Revoke releases an object URL once nothing shown uses it (after
// revokeDelay). An empty url is ignored.
func Revoke(url string) {
	if url == "" {
		return
	}
	defer func() { recover() }()
	u := js.Global().Get("URL")
	js.Global().Call("setTimeout", u.Get("revokeObjectURL").Call("bind", u, url), revokeDelay)
}

// Language is the browser's preferred language, "de" or "en".
func Language() (lang string) {
	defer func() {
		if recover() != nil {
			lang = "en"
		}
	}()
	return pickLanguage(js.Global().Get("navigator").Get("language").String())
}
