//go:build !wasm

package browser

import (
	"errors"
	"io"

	"exportlens/app/media"
)

// The native stand-in: the same API over byte slices, so the packages that
// use this one compile and test without a browser.

// source holds a file's bytes natively.
type source struct {
	data  []byte
	reads *int // counts fetches, for tests
}

func (s source) read(off int64, p []byte) (int, error) {
	if s.reads != nil {
		*s.reads++
	}
	if off >= int64(len(s.data)) {
		return 0, io.EOF
	}
	return copy(p, s.data[off:]), nil
}

// NewFile makes a File over data (native stand-in only: tests).
func NewFile(name string, data []byte) *File {
	return &File{name: name, size: int64(len(data)), src: source{data: data}}
}

var errNoBrowser = errors.New("browser: not running in a browser")

// InputFiles reports that there is no browser.
func InputFiles(id string) ([]*File, error) { return nil, errNoBrowser }

// ListenDrop does nothing natively.
func ListenDrop(fn func(files []*File, err error)) (stop func()) { return func() {} }

// TakeEarly does nothing natively: there is no page that kept anything.
func TakeEarly(fn func(files []*File, err error)) {}

// ObjectURL reports that there is no browser.
func ObjectURL(f *File, start, end int64, t media.Type) (string, error) { return "", errNoBrowser }

// BytesURL reports that there is no browser.
func BytesURL(data []byte, t media.Type) (string, error) { return "", errNoBrowser }

// Revoke does nothing natively.
func Revoke(url string) {}

// Language is "en" natively.
func Language() string { return "en" }
