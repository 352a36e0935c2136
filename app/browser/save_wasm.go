//go:build wasm

package browser

import (
	"errors"
	"syscall/js"

	"exportlens/app/media"
)

// Save offers data to the person as a download named name: a Blob typed
// application/octet-stream (never rendered), an <a download> clicked once,
// its URL revoked after revokeDelay. Nothing leaves the device: the browser
// writes the file where the person chooses.
func Save(name string, data []byte) (err error) {
	defer recoverJS(&err)
	u, err := BytesURL(data, media.Type{})
	if err != nil {
		return err
	}
	doc := js.Global().Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", u)
	a.Set("download", name)
	a.Get("style").Set("display", "none")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	Revoke(u)
	return nil
}

var errNoClipboard = errors.New("browser: no clipboard")

// CopyText puts s on the clipboard (the page must have the focus; the
// browser may refuse, then the person copies from the text field).
func CopyText(s string) (err error) {
	defer recoverJS(&err)
	cb := js.Global().Get("navigator").Get("clipboard")
	if !cb.Truthy() {
		return errNoClipboard
	}
	_, err = await(cb.Call("writeText", s))
	return err
}

// Print opens every folded section (the evidence lists) and the browser's
// print dialog: the print stylesheet leaves out the controls.
func Print() (err error) {
	defer recoverJS(&err)
	doc := js.Global().Get("document")
	list := doc.Call("querySelectorAll", "details:not([open])")
	for i := 0; i < list.Get("length").Int(); i++ {
		list.Call("item", i).Set("open", true)
	}
	js.Global().Call("print")
	return nil
}
