package archive

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// comparePaths orders as strings.Compare does, whatever the lengths and
// wherever the first difference lies (within, across or after a word).
func TestComparePaths(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 9))
	alphabet := []string{"a", "b", "/", ".", "ä", "\x00", "\xff", "Alexa.VoiceHistory/media/"}
	word := func() string {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 20000 {
		a := word()
		b := a[:r.IntN(len(a)+1)] + word() // often a shared start
		if r.IntN(4) == 0 {
			b = a
		}
		if got, want := comparePaths(a, b), strings.Compare(a, b); got != want {
			t.Fatalf("comparePaths(%q, %q) = %d, want %d", a, b, got, want)
		}
	}
}

// sortEntries gives the order of a stable sort by Part, Path and RawName,
// over entries of several parts listed in any order, with the same path
// twice (under one raw name or two) marked as duplicates.
func TestSortEntries(t *testing.T) {
	for seed := range uint64(30) {
		r := rand.New(rand.NewPCG(seed, 1))
		parts := []string{"b.zip", "a.zip", "a.zip!inner.zip", "c"}
		var es []*Entry
		for i := range 500 + r.IntN(500) {
			p := "Alexa.VoiceHistory/media/" + strings.Repeat("x", r.IntN(3)) + string(rune('a'+r.IntN(20)))
			switch seed % 3 {
			case 1: // paths that differ anywhere in their first 40 bytes, some a start of others
				b := []byte(strings.Repeat("ab/\x00", 10)[:r.IntN(40)])
				for range r.IntN(3) {
					if len(b) > 0 {
						b[r.IntN(len(b))] = "ab/\x00"[r.IntN(4)]
					}
				}
				p = "Alexa.VoiceHistory/" + string(b)
			case 2: // hostile: long runs of one byte, each path the start of many, ties past 100 bytes
				p = "Alexa.VoiceHistory/" + strings.Repeat("a", r.IntN(130)) + strings.Repeat("\x00", r.IntN(2)) + "ab"[:r.IntN(3)]
			}
			e := &Entry{Part: parts[r.IntN(len(parts))], Path: p, Size: int64(i)} // Size: the listing position
			if r.IntN(5) == 0 {
				e.RawName = `Alexa.VoiceHistory\` + p[19:]
			}
			es = append(es, e)
		}
		want := slices.Clone(es)
		slices.SortStableFunc(want, func(a, b *Entry) int {
			return cmp.Or(strings.Compare(a.Part, b.Part), strings.Compare(a.Path, b.Path), strings.Compare(a.RawName, b.RawName))
		})
		sortEntries(es)
		for i := range es {
			if es[i] != want[i] {
				t.Fatalf("seed %d: entry %d is %s %s (listed %d), want %s %s (listed %d)", seed, i,
					es[i].Part, es[i].Path, es[i].Size, want[i].Part, want[i].Path, want[i].Size)
			}
			dup := i > 0 && es[i-1].Part == es[i].Part && es[i-1].Path == es[i].Path ||
				i+1 < len(es) && es[i+1].Part == es[i].Part && es[i+1].Path == es[i].Path
			if es[i].Duplicate != dup {
				t.Fatalf("seed %d: %s %s: Duplicate %v, want %v", seed, es[i].Part, es[i].Path, es[i].Duplicate, dup)
			}
		}
	}
}

// isName matches an extension at the end of the base name in any case,
// and nothing that only ends in the same letter or has the extension in a
// folder's name.
func TestIsName(t *testing.T) {
	for _, c := range []struct {
		name string
		exts []string
		want bool
	}{
		{"a/b/Export.ZIP", []string{".zip"}, true},
		{"x.zip", []string{".7z", ".rar", ".zip"}, true},
		{"inner.Tar.Gz", []string{".tgz", ".tar.gz"}, true},
		{"a.7Z", []string{".7z"}, true},
		{"a.RaR", []string{".7z", ".rar"}, true},
		{"x.zap", []string{".zip"}, false},
		{"x.wav", []string{".zip", ".7z", ".rar"}, false},
		{".zip", []string{".zip"}, false}, // nothing before the extension
		{"a.zip/b", []string{".zip"}, false},
		{"zip", []string{".zip"}, false},
		{"", []string{".zip"}, false},
		{"a.ziP", []string{".zip"}, true},
		{"a.zi\xd0", []string{".zip"}, false}, // 0xd0 | 0x20 is 0xf0, not 'p'
	} {
		if got := isName(c.name, c.exts...); got != c.want {
			t.Errorf("isName(%q, %q) = %v, want %v", c.name, c.exts, got, c.want)
		}
	}
}
