package view

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"

	"exportlens/app/archive"
)

// TestUnreadable: the file an error names and why, for the sentence the
// pages show: an archive's own error with its whole chain of archives, a
// panic naming what was being read, a file the browser could not give,
// and anything else under the name the caller knows.
func TestUnreadable(t *testing.T) {
	tests := []struct {
		name string
		err  error
		file string
		why  Reason
	}{
		{"encrypted member", &archive.Error{Part: "export.zip!Alexa.zip", Path: "Alexa/a.csv", Err: archive.ErrEncrypted}, "export.zip!Alexa.zip!Alexa/a.csv", ReasonEncrypted},
		{"truncated input", fmt.Errorf("open: %w", &archive.Error{Part: "broken.zip", Err: archive.ErrTruncated}), "broken.zip", ReasonTruncated},
		{"a bomb", &archive.Error{Part: "x.zip", Path: "big.bin", Err: archive.ErrOverlap}, "x.zip!big.bin", ReasonOverlap},
		{"panic", &PanicError{Name: "Alexa.zip", Value: "index out of range"}, "Alexa.zip", ReasonPanic},
		{"panic naming nothing", &PanicError{Value: "boom"}, "chosen.zip", ReasonPanic},
		{"dropped folder", &fs.PathError{Op: "open", Path: "amazon/Alexa", Err: fs.ErrPermission}, "amazon/Alexa", ReasonUnknown},
		{"the browser", fmt.Errorf("browser: NotReadableError: the file changed"), "chosen.zip", ReasonBrowser},
		{"anything else", errors.New("something"), "chosen.zip", ReasonUnknown},
	}
	for _, tc := range tests {
		file, why := Unreadable(tc.err, "chosen.zip")
		if file != tc.file || why != tc.why {
			t.Errorf("%s: got %q, %s; want %q, %s", tc.name, file, why, tc.file, tc.why)
		}
	}
}
