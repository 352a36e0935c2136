//go:build !wasm

package unarr

import (
	"io/fs"
	"strings"
	"testing"
)

func TestCleanName(t *testing.T) {
	tests := []struct {
		name, raw, want string
		unsafe          bool
	}{
		{"plain", "a/b.txt", "a/b.txt", false},
		{"dot segments", "./a//b/./c", "a/b/c", false},
		{"dotdot inside", "a/../b", "b", false},
		{"dotdot out", "../../etc/passwd", "etc/passwd", true},
		{"dotdot out later", "a/../../b", "b", true},
		{"absolute", "/etc/passwd", "etc/passwd", true},
		{"unc", "//server/share/x", "server/share/x", true},
		{"drive", `C:\Windows\x.dll`, "Windows/x.dll", true},
		{"drive relative", "c:x", "c:x", false},
		{"drive after slash", `\A:`, "unnamed", true}, // found by FuzzCleanName
		{"colon later", "a/C:/b", "a/C:/b", false},
		{"backslashes", `dir\file.txt`, "dir/file.txt", false},
		{"only dots", "..", "unnamed", true},
		{"empty", "", "unnamed", false},
		{"invalid utf8", "a\xffb", "a\uFFFDb", false},
		{"trailing slash", "dir/", "dir", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, unsafe := cleanName(tt.raw)
			if got != tt.want || unsafe != tt.unsafe {
				t.Errorf("cleanName(%q) = %q, %v; want %q, %v", tt.raw, got, unsafe, tt.want, tt.unsafe)
			}
		})
	}
}

func FuzzCleanName(f *testing.F) {
	for _, s := range []string{"a/b", "../x", "/abs", `C:\x`, "a/../../b", "", ".", "\xff/..", "a//b/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		p, _ := cleanName(raw)
		if !fs.ValidPath(p) || p == "." {
			t.Fatalf("cleanName(%q) = %q: not a valid file path", raw, p)
		}
		if strings.Contains(p, `\`) {
			t.Fatalf("cleanName(%q) = %q: backslash left", raw, p)
		}
		if again, unsafe := cleanName(p); again != p || unsafe {
			t.Fatalf("cleanName(%q) = %q, but cleanName of that = %q, %v", raw, p, again, unsafe)
		}
	})
}

func TestPathSet(t *testing.T) {
	tests := []struct {
		name string
		adds []string
		want []string
	}{
		{"distinct", []string{"a", "b/c"}, []string{"a", "b/c"}},
		{"duplicates", []string{"x.txt", "x.txt", "x.txt"}, []string{"x.txt", "x~2.txt", "x~3.txt"}},
		{"suffix already taken", []string{"x~2.txt", "x.txt", "x.txt"}, []string{"x~2.txt", "x.txt", "x~3.txt"}},
		{"file then dir", []string{"a", "a/b"}, []string{"a", "a~2/b"}},
		{"dir then file", []string{"a/b", "a"}, []string{"a/b", "a~2"}},
		{"hidden file", []string{".env", ".env"}, []string{".env", ".env~2"}},
		{"deep conflict", []string{"a/b", "a/b/c", "a/b/c"}, []string{"a/b", "a/b~2/c", "a/b~3/c"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newPathSet()
			for i, p := range tt.adds {
				got, renamed := s.add(p)
				if got != tt.want[i] || renamed != (got != p) {
					t.Errorf("add(%q) = %q, %v; want %q, %v", p, got, renamed, tt.want[i], tt.want[i] != p)
				}
			}
		})
	}
}

// Many members with one name stay linear: each add starts after the last suffix.
func BenchmarkPathSetDuplicates(b *testing.B) {
	s := newPathSet()
	for b.Loop() {
		s.add("same/name.wav")
	}
}
