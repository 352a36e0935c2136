//go:build !wasm

package browser

// Save, CopyText and Print need a browser.
func Save(name string, data []byte) error { return errNoBrowser }
func CopyText(s string) error             { return errNoBrowser }
func Print() error                        { return errNoBrowser }
