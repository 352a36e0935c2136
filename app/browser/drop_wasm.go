//go:build wasm

package browser

import (
	"fmt"
	"io/fs"
	"path"
	"syscall/js"
)

// maxDropFiles bounds a dropped folder walk: a drop of a whole disk must
// not fill memory with File handles.
const maxDropFiles = 200_000

// maxDropDepth bounds folder nesting in a drop.
const maxDropDepth = 32

// ListenDrop makes the whole window a drop target for files and folders.
// fn is called on a goroutine of its own with what was dropped (folders
// walked, files named by their path below the dropped folder). The returned
// func removes the listeners; call it in OnDismount.
//
// The DataTransfer is only valid during the drop event, so the entries are
// taken there, synchronously; the walk, which awaits promises, runs later.
func ListenDrop(fn func(files []*File, err error)) (stop func()) {
	win := js.Global()
	over := js.FuncOf(func(_ js.Value, args []js.Value) any {
		args[0].Call("preventDefault") // otherwise the browser navigates to the file
		return nil
	})
	drop := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ev := args[0]
		ev.Call("preventDefault")
		roots, files := dropRoots(ev.Get("dataTransfer"))
		go func() {
			got, err := walkDrop(roots, files)
			fn(got, err)
		}()
		return nil
	})
	win.Call("addEventListener", "dragover", over)
	win.Call("addEventListener", "drop", drop)
	return func() {
		win.Call("removeEventListener", "dragover", over)
		win.Call("removeEventListener", "drop", drop)
		over.Release()
		drop.Release()
	}
}

// dropRoots takes the FileSystemEntry of each dropped item, or the plain
// files when the browser has no entries API.
func dropRoots(dt js.Value) (roots []js.Value, files []js.Value) {
	defer func() { recover() }()
	if !dt.Truthy() {
		return nil, nil
	}
	items := dt.Get("items")
	if items.Truthy() {
		for i := 0; i < items.Length(); i++ {
			it := items.Index(i)
			if it.Get("kind").String() != "file" {
				continue
			}
			if get := it.Get("webkitGetAsEntry"); get.Type() == js.TypeFunction {
				if e := it.Call("webkitGetAsEntry"); e.Truthy() {
					roots = append(roots, e)
					continue
				}
			}
			if f := it.Call("getAsFile"); f.Truthy() {
				files = append(files, f)
			}
		}
		return roots, files
	}
	list := dt.Get("files")
	for i := 0; i < list.Length(); i++ {
		files = append(files, list.Index(i))
	}
	return nil, files
}

// walkDrop resolves the dropped entries into Files.
func walkDrop(roots, plain []js.Value) (files []*File, err error) {
	defer recoverJS(&err)
	for _, f := range plain {
		files = append(files, newFile(f.Get("name").String(), f))
	}
	for _, e := range roots {
		if err := walkEntry(e, "", 0, &files); err != nil {
			return files, err
		}
	}
	return files, nil
}

func walkEntry(e js.Value, dir string, depth int, files *[]*File) error {
	name := path.Join(dir, e.Get("name").String())
	if len(*files) >= maxDropFiles {
		return &fs.PathError{Op: "browser: drop", Path: name, Err: fmt.Errorf("more than %d files dropped", maxDropFiles)}
	}
	if e.Get("isFile").Bool() {
		f, err := await(callbackPromise(func(res, rej js.Value) { e.Call("file", res, rej) }))
		if err != nil {
			return &fs.PathError{Op: "browser: read", Path: name, Err: err}
		}
		*files = append(*files, newFile(name, f))
		return nil
	}
	if !e.Get("isDirectory").Bool() {
		return nil
	}
	if depth >= maxDropDepth {
		return &fs.PathError{Op: "browser: drop", Path: name, Err: fmt.Errorf("folders nested deeper than %d", maxDropDepth)}
	}
	reader := e.Call("createReader")
	for {
		// readEntries answers in batches (100 in Chromium) until it gives none.
		batch, err := await(callbackPromise(func(res, rej js.Value) { reader.Call("readEntries", res, rej) }))
		if err != nil {
			return &fs.PathError{Op: "browser: list", Path: name, Err: err}
		}
		if batch.Length() == 0 {
			return nil
		}
		for i := 0; i < batch.Length(); i++ {
			if err := walkEntry(batch.Index(i), name, depth+1, files); err != nil {
				return err
			}
		}
	}
}

// callbackPromise wraps a callback-style JS API in a promise. The executor
// runs synchronously inside the Promise constructor, so it can be released
// right after.
func callbackPromise(call func(resolve, reject js.Value)) js.Value {
	exec := js.FuncOf(func(_ js.Value, args []js.Value) any {
		call(args[0], args[1])
		return nil
	})
	defer exec.Release()
	return js.Global().Get("Promise").New(exec)
}
