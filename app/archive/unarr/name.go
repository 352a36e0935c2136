//go:build !wasm

package unarr

import (
	"path"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxNameBytes bounds a member name. Real names are far shorter; a longer one
// only makes the manifest (and every listing) large.
const maxNameBytes = 4096

// cleanName turns a member name as written in an archive into a path that
// fs.ValidPath accepts. unsafe reports that the name was absolute (a leading
// slash, "//server" or a drive letter) or climbed above the archive root with
// "..": such parts are dropped, never followed. Backslashes count as
// separators because Windows tools write them into ZIP names.
func cleanName(raw string) (p string, unsafe bool) {
	s := strings.ToValidUTF8(raw, string(utf8.RuneError))
	s = strings.ReplaceAll(s, `\`, "/")
	if strings.HasPrefix(s, "/") {
		unsafe = true
	}
	var elems []string
	for _, e := range strings.Split(s, "/") {
		switch {
		case e == "" || e == ".":
		case e == "..":
			if len(elems) == 0 {
				unsafe = true
				continue
			}
			elems = elems[:len(elems)-1]
		case len(elems) == 0 && len(e) == 2 && e[1] == ':' && isASCIILetter(e[0]):
			unsafe = true // a leading "C:" would make the name absolute on Windows
		default:
			elems = append(elems, e)
		}
	}
	if len(elems) == 0 {
		return "unnamed", unsafe
	}
	return strings.Join(elems, "/"), unsafe
}

func isASCIILetter(b byte) bool { return 'a' <= b|0x20 && b|0x20 <= 'z' }

// pathSet hands out unique paths for a tree in which a path is either a file
// or a directory, never both. Two members with the same cleaned name, or a
// file whose name is also a directory of another member, get a "~N" suffix
// before the extension ("a~2.txt") so that both stay visible.
type pathSet struct {
	files map[string]bool
	dirs  map[string]bool
	next  map[string]int // last suffix tried per wanted path, so many duplicates stay linear
}

func newPathSet() *pathSet {
	return &pathSet{files: map[string]bool{}, dirs: map[string]bool{}, next: map[string]int{}}
}

// add reserves a path for a file wanted at p (a valid path) and returns it;
// renamed reports that it differs from p.
func (s *pathSet) add(p string) (got string, renamed bool) {
	elems := strings.Split(p, "/")
	for i := range elems {
		last := i == len(elems)-1
		prefix := path.Join(elems[:i+1]...)
		if !s.taken(prefix, last) {
			continue
		}
		orig := elems[i]
		for {
			s.next[prefix]++
			n := s.next[prefix]
			if n < 2 {
				continue
			}
			elems[i] = suffixed(orig, n)
			if !s.taken(path.Join(elems[:i+1]...), last) {
				break
			}
		}
		renamed = true
	}
	got = strings.Join(elems, "/")
	s.files[got] = true
	for d := path.Dir(got); d != "."; d = path.Dir(d) {
		s.dirs[d] = true
	}
	return got, renamed
}

// taken reports whether p cannot be used: as the file itself (last) it must
// be neither file nor directory; as a directory on the way it must not be a file.
func (s *pathSet) taken(p string, last bool) bool {
	return s.files[p] || (last && s.dirs[p])
}

// suffixed inserts "~n" before the extension, which stays last so that
// detection by file name still works.
func suffixed(elem string, n int) string {
	ext := path.Ext(elem)
	if ext == elem { // ".hidden": no stem to put the suffix after
		ext = ""
	}
	return strings.TrimSuffix(elem, ext) + "~" + strconv.Itoa(n) + ext
}
