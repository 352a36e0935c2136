package ui

import (
	"errors"
	"io/fs"
	"strings"

	"exportlens/app/archive"
)

// reasons maps the archive's error causes to plain words.
var reasons = []struct {
	err error
	key string
}{
	{archive.ErrOverlap, "reason.overlap"},
	{archive.ErrTooManyEntries, "reason.tooMany"},
	{archive.ErrTooLarge, "reason.tooLarge"},
	{archive.ErrTooDeep, "reason.tooDeep"},
	{archive.ErrEncrypted, "reason.encrypted"},
	{archive.ErrTruncated, "reason.truncated"},
	{archive.ErrUnsupported, "reason.unsupported"},
	{archive.ErrInflateBudget, "reason.inflate"},
	{archive.ErrSizeMismatch, "reason.size"},
}

// sentence says in one plain sentence which file could not be read and
// why; the error's own text is the detail shown on demand. fallback names
// the file when the error does not.
func sentence(lang string, err error, fallback string) string {
	file := fallback
	var ae *archive.Error
	var pe *fs.PathError
	switch {
	case errors.As(err, &ae):
		file = ae.Part
		if ae.Path != "" {
			file = ae.Path
		}
	case errors.As(err, &pe):
		file = pe.Path // a dropped file or folder the browser could not give
	}
	reason := "reason.unknown"
	for _, r := range reasons {
		if errors.Is(err, r.err) {
			reason = r.key
			break
		}
	}
	if reason == "reason.unknown" && strings.Contains(err.Error(), "browser: ") {
		reason = "reason.browser"
	}
	return tr(lang, "open.failed", file, tr(lang, reason))
}
