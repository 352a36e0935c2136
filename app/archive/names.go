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
	if name == "" {
		return false
	}
	// Most names end in another letter (".wav"): they are told by their
	// last byte, without path.Base and a comparison each. ASCII letters
	// OR 0x20 are lower case, and only 'P' and 'p' (so for each letter)
	// become 'p'.
	last, maybe := name[len(name)-1]|0x20, false
	for _, ext := range exts {
		maybe = maybe || ext[len(ext)-1] == last
	}
	if !maybe {
		return false
	}
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
// The sort finds them (pathSorter.same): comparing each path with the
// next, which shares its start, was a tenth of the sort in the browser.
func sortEntries(es []*Entry) {
	// The keys are copied beside the listing position (no Entry is
	// dereferenced while sorting) and the parts, few, are ranked once: at
	// 100,000 entries the sort took the page about 200 ms with the keys
	// read through the Entries.
	parts := map[string]int32{}
	for _, e := range es {
		parts[e.Part] = 0
	}
	names := slices.Sorted(maps.Keys(parts))
	for i, p := range names {
		parts[p] = int32(i)
	}
	rs := make([]ranked, len(es))
	for i, e := range es {
		rs[i] = ranked{path: e.Path, part: parts[e.Part], i: int32(i)}
	}
	// By part first: the parts are few, so this compares integers only.
	// Ties are left in any order here and at each digit: the last sort of
	// a run of one path puts it in listing order.
	s := pathSorter{es: es}
	if len(names) > 1 {
		slices.SortFunc(rs, func(a, b ranked) int {
			s.tick()
			return cmp.Compare(a.part, b.part)
		})
	}
	for lo := 0; lo < len(rs); {
		hi := lo + 1
		for hi < len(rs) && rs[hi].part == rs[lo].part {
			hi++
		}
		s.sort(rs[lo:hi], 0, 0)
		lo = hi
	}
	sorted := make([]*Entry, len(es))
	for k, r := range rs {
		sorted[k] = es[r.i]
	}
	copy(es, sorted)
}

// ranked is an entry while it is sorted: 40 bytes, which the sort moves.
type ranked struct {
	key     uint64 // the path's 7 bytes at the depth being sorted, and how many are left (pathKey)
	path    string
	part, i int32 // the part's rank and the entry's listing position
}

// pathSorter sorts one part's entries by path a few bytes at a time (a
// most-significant-digit radix sort whose digits are 7 bytes): at each
// depth the paths' bytes there are one integer, so nearly every comparison
// is an integer compare. Comparing the paths themselves made the sort a
// quarter of the page's listing, for real names share long starts
// ("Alexa.VoiceHistory/media/") and wasm compares strings a byte at a time.
type pathSorter struct {
	es []*Entry // for RawName, the last key
	n  int      // comparisons and keys made, to yield now and then
}

// sortDepths bounds the digits per range: a range still tied after this
// many (hostile names, each the start of the next) is finished by
// comparing the rest of the paths, so no input costs more than a few
// passes over it.
const sortDepths = 12

func (s *pathSorter) tick() {
	if s.n++; s.n%4096 == 0 {
		Yield() // sorting 200,000 entries took the page 100-200 ms
	}
}

// sort orders rs, whose paths share their first depth bytes, by path,
// then RawName, then listing position; level counts the digits used.
func (s *pathSorter) sort(rs []ranked, depth, level int) {
	if len(rs) < 2 {
		return
	}
	depth += sharedFrom(rs, depth)
	if level == sortDepths {
		slices.SortFunc(rs, func(a, b ranked) int {
			s.tick()
			return cmp.Or(comparePaths(a.path[depth:], b.path[depth:]), s.last(a, b))
		})
		for lo := 0; lo < len(rs); {
			hi := lo + 1
			for hi < len(rs) && rs[hi].path[depth:] == rs[lo].path[depth:] {
				hi++
			}
			s.same(rs[lo:hi])
			lo = hi
		}
		return
	}
	for i := range rs {
		s.tick()
		rs[i].key = pathKey(rs[i].path, depth)
	}
	slices.SortFunc(rs, func(a, b ranked) int {
		s.tick()
		return cmp.Compare(a.key, b.key)
	})
	for lo := 0; lo < len(rs); {
		hi := lo + 1
		for hi < len(rs) && rs[hi].key == rs[lo].key {
			hi++
		}
		switch {
		case hi-lo < 2:
		case rs[lo].key&0xff == 8: // the paths go on: the next digit decides
			s.sort(rs[lo:hi], depth+7, level+1)
		default: // the same path
			slices.SortFunc(rs[lo:hi], s.last)
			s.same(rs[lo:hi])
		}
		lo = hi
	}
}

// same marks the entries of rs, which share one path, as duplicates when
// they are more than one.
func (s *pathSorter) same(rs []ranked) {
	if len(rs) < 2 {
		return
	}
	for _, r := range rs {
		s.es[r.i].Duplicate = true
	}
}

// last orders two entries of the same path: by RawName (rare: one path
// written two ways), then as they were listed.
func (s *pathSorter) last(a, b ranked) int {
	return cmp.Or(strings.Compare(s.es[a.i].RawName, s.es[b.i].RawName), cmp.Compare(a.i, b.i))
}

// sharedFrom is the length of the start that all of rs's paths share after
// their first depth bytes.
func sharedFrom(rs []ranked, depth int) int {
	first := rs[0].path[depth:]
	n := len(first)
	for _, r := range rs[1:] {
		p := r.path[depth:]
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

// pathKey is a digit of p at depth: its 7 bytes there, big-endian, zeros
// past its end, then how many bytes are left, up to 8 (8: more than 7).
// Two keys order as the paths do where they differ; equal keys below 8
// mean equal paths, and equal keys of 8 are decided by the next digit.
func pathKey(p string, depth int) uint64 {
	rest := p[depth:]
	var k uint64
	for i := range 7 {
		k <<= 8
		if i < len(rest) {
			k |= uint64(rest[i])
		}
	}
	return k<<8 | uint64(min(len(rest), 8))
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
