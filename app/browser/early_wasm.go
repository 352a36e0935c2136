//go:build wasm

package browser

import "syscall/js"

// TakeEarly takes what the person chose or dropped before the app started
// (web/early.js keeps it while the prerendered page is shown) and calls fn
// with it on a goroutine of its own, as ListenDrop does: dropped folders
// walked, files chosen through a folder picker named by their path. fn is
// not called when nothing was chosen. What was kept is taken once: call it
// when the app's own inputs and drop listener are in place (the home
// page's OnMount), so that nothing chosen later goes to web/early.js.
func TakeEarly(fn func(files []*File, err error)) {
	var plain []*File
	var roots []js.Value
	func() {
		defer func() { recover() }() // no early.js (a page without it): nothing kept
		early := js.Global().Get("exportlensEarly")
		if early.Type() != js.TypeObject {
			return
		}
		kept := early.Call("take")
		if !kept.Truthy() {
			return
		}
		files, entries := kept.Get("files"), kept.Get("entries")
		for i := 0; i < files.Length(); i++ {
			plain = append(plain, inputFile(files.Index(i)))
		}
		for i := 0; i < entries.Length(); i++ {
			roots = append(roots, entries.Index(i))
		}
	}()
	if len(plain) == 0 && len(roots) == 0 {
		return
	}
	go func() {
		got, err := walkDrop(roots, nil)
		fn(append(plain, got...), err)
	}()
}
