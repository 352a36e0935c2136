package pack

import (
	"strings"
	"time"

	"exportlens/app/check"
	"exportlens/app/export"
)

// Excerpts are what the recordings the person chose (refs, named as
// check.RecordingRef names them) say, for Meta.Excerpts: each its place
// and time, what was said and the answer, in lang. missing lists the refs
// that name no recording of x, in the order given.
func Excerpts(x *export.Export, refs []string, lang string) (excerpts, missing []string) {
	if x == nil || len(refs) == 0 {
		return nil, nil
	}
	found := map[string]bool{}
	for _, i := range check.NamedRecordings(x, refs) {
		r := &x.Recordings[i]
		found[check.RecordingRef(r)] = true
		found[baseName(r.AudioPath())] = true
		var b strings.Builder
		b.WriteString(check.RecordingRef(r))
		if !r.Time.IsZero() {
			b.WriteString(", " + r.Time.UTC().Format(time.DateTime) + " UTC")
		}
		b.WriteByte('\n')
		b.WriteString(tr(lang, "excerpt.said", orNone(lang, r.Transcript().Text)))
		if t := r.Response().Text; t != "" {
			b.WriteByte('\n')
			b.WriteString(tr(lang, "excerpt.answer", t))
		}
		excerpts = append(excerpts, b.String())
	}
	for _, ref := range refs {
		if ref = strings.TrimSpace(ref); ref != "" && !found[ref] {
			missing = append(missing, ref)
		}
	}
	return excerpts, missing
}

// baseName is the last element of a slash path; "" for "".
func baseName(p string) string {
	if p == "" {
		return ""
	}
	return p[strings.LastIndexByte(p, '/')+1:]
}

func orNone(lang, s string) string {
	if strings.TrimSpace(s) == "" {
		return tr(lang, "excerpt.none")
	}
	return s
}
