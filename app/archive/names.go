package archive

import (
	"cmp"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"
)

// cleanName turns a member name as written in an archive into a relative,
// slash-separated display path. Absolute names ("/etc/x", "C:\x",
// "\\server\share\x") lose their root and ".." that climbs out of the archive
// is dropped; both set unsafe. Backslashes count as separators because
// Windows tools write them. The result is only ever shown, never used as an
// OS path.
func cleanName(raw string) (clean string, unsafe bool) {
	// Nearly every name is clean already: no allocation for those.
	if raw != "." && fs.ValidPath(raw) && !strings.Contains(raw, `\`) &&
		!(len(raw) >= 2 && raw[1] == ':' && isASCIILetter(raw[0])) {
		return raw, false
	}
	s := strings.ReplaceAll(raw, `\`, "/")
	if len(s) >= 2 && s[1] == ':' && isASCIILetter(s[0]) {
		s, unsafe = s[2:], true
	}
	if strings.HasPrefix(s, "/") {
		unsafe = true
	}
	var parts []string
	for _, p := range strings.Split(s, "/") {
		switch p {
		case "", ".":
		case "..":
			if len(parts) == 0 {
				unsafe = true
				continue
			}
			parts = parts[:len(parts)-1]
		default:
			parts = append(parts, p)
		}
	}
	clean = strings.Join(parts, "/")
	if clean == "" {
		// A name that was nothing but a root or "..": keep the entry visible.
		clean, unsafe = "_", true
	}
	return clean, unsafe
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// decodeLegacy decodes a ZIP name that is not UTF-8: such names are CP437
// by the ZIP specification (old Windows and macOS tools).
func decodeLegacy(raw string, nonUTF8 bool) string {
	if !nonUTF8 || utf8.ValidString(raw) {
		return raw
	}
	s, err := charmap.CodePage437.NewDecoder().String(raw)
	if err != nil {
		return strings.ToValidUTF8(raw, "\uFFFD")
	}
	return s
}

// isName reports whether the member name ends in one of the extensions
// (lower case, with dot). Members are recognised by name: sniffing their
// bytes would read every member while listing.
func isName(name string, exts ...string) bool {
	name = path.Base(name)
	for _, ext := range exts {
		if len(name) > len(ext) && strings.EqualFold(name[len(name)-len(ext):], ext) {
			return true
		}
	}
	return false
}

// sortEntries orders entries by Part, Path and RawName (stable, so equal
// keys keep their listing order) and marks entries sharing a Part and Path
// as duplicates: archive/zip would silently serve the first, we keep both.
func sortEntries(es []*Entry) {
	// pdqsort with the listing position as the last key: stable, and in the
	// browser several times faster than SortStableFunc's insertion sort and
	// rotations on ten thousand entries. The keys are copied beside the
	// position (no Entry is dereferenced while sorting) and the parts, few,
	// are ranked once: at 100,000 entries the sort took the page about
	// 200 ms with the keys read through the Entries.
	parts := map[string]int32{}
	for _, e := range es {
		parts[e.Part] = 0
	}
	names := slices.Sorted(maps.Keys(parts))
	for i, p := range names {
		parts[p] = int32(i)
	}
	// Each path's 16 bytes after the start all paths share are copied
	// into two integers, so most comparisons are two integer compares: in
	// the browser, calling comparePaths for each made the sort a quarter
	// of the listing (250 ms of 900 at 100,000 members, whose names are
	// "Alexa.VoiceHistory/media/<uuid>.wav"). Bytes past a path's end
	// count as zero; where both keys are equal the paths themselves are
	// compared, so the order is the paths' byte order either way.
	shared := sharedStart(es)
	type ranked struct { // 40 bytes: the sort moves them
		k1, k2  uint64
		path    string
		part, i int32
	}
	rs := make([]ranked, len(es))
	for i, e := range es {
		rest := e.Path[shared:]
		rs[i] = ranked{pathKey(rest), pathKey(rest[min(8, len(rest)):]), e.Path, parts[e.Part], int32(i)}
	}
	n := 0
	slices.SortFunc(rs, func(a, b ranked) int {
		if n++; n%4096 == 0 {
			Yield() // sorting 200,000 entries took the page 100-200 ms
		}
		if a.part != b.part {
			return cmp.Compare(a.part, b.part)
		}
		if a.k1 != b.k1 {
			return cmp.Compare(a.k1, b.k1)
		}
		if a.k2 != b.k2 {
			return cmp.Compare(a.k2, b.k2)
		}
		if c := comparePaths(a.path, b.path); c != 0 {
			return c
		}
		if c := strings.Compare(es[a.i].RawName, es[b.i].RawName); c != 0 { // rare: one path twice
			return c
		}
		return cmp.Compare(a.i, b.i)
	})
	sorted := make([]*Entry, len(es))
	for k, r := range rs {
		sorted[k] = es[r.i]
	}
	copy(es, sorted)
	for i := 1; i < len(es); i++ {
		if i%4096 == 0 {
			Yield()
		}
		if es[i].Part == es[i-1].Part && es[i].Path == es[i-1].Path {
			es[i].Duplicate, es[i-1].Duplicate = true, true
		}
	}
}

// sharedStart is the length of the start all entries' paths share.
func sharedStart(es []*Entry) int {
	if len(es) == 0 {
		return 0
	}
	first := es[0].Path
	n := len(first)
	for _, e := range es[1:] {
		p := e.Path
		if len(p) >= n && p[:n] == first[:n] {
			continue
		}
		n = min(n, len(p))
		for k := range n {
			if p[k] != first[k] {
				n = k
				break
			}
		}
		if n == 0 {
			break
		}
	}
	return n
}

// pathKey is s's first 8 bytes as a big-endian integer, zeros past its
// end: where two keys differ they order as the strings do.
func pathKey(s string) uint64 {
	var k uint64
	for i := range 8 {
		k <<= 8
		if i < len(s) {
			k |= uint64(s[i])
		}
	}
	return k
}

// comparePaths is strings.Compare, faster where the paths share a long
// start ("Alexa.VoiceHistory/media/"): it skips equal 8-byte words before
// comparing bytes. The wasm build compares strings a byte at a time.
func comparePaths(a, b string) int {
	i, n := 0, min(len(a), len(b))
	if n >= 8 {
		pa, pb := unsafe.Pointer(unsafe.StringData(a)), unsafe.Pointer(unsafe.StringData(b))
		for ; i+8 <= n; i += 8 {
			// Unaligned 8-byte loads: both wasm and the native targets
			// allow them.
			if *(*uint64)(unsafe.Add(pa, i)) != *(*uint64)(unsafe.Add(pb, i)) {
				break
			}
		}
	}
	return strings.Compare(a[i:], b[i:])
}
