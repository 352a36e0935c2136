package archive

import (
	"archive/zip"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// nestedBomb is a 42.zip in small: levels of width compressed ZIPs, each
// leaf ZIP storing a member of leafSize zeros, so that a leaf is tiny
// compressed and takes leafSize of memory once inflated.
func nestedBomb(t *testing.T, levels, width, leafSize int) []byte {
	level := makeZip(t, zfile{name: "leaf.bin", data: make([]byte, leafSize), method: zip.Store})
	for l := range levels {
		var fs []zfile
		for i := range width {
			fs = append(fs, zfile{name: fmt.Sprintf("l%d-%02d.zip", l, i), data: level, method: zip.Deflate})
		}
		level = makeZip(t, fs...)
	}
	return level
}

// 42.zip kept the page unresponsive for 20 s at up to 940 MB before its
// limits held: after the first nested archive that does not fit its
// budget, no other is inflated, and the rest is one problem, not one each.
func TestNestedBudgetStopsOnce(t *testing.T) {
	z := nestedBomb(t, 3, 16, 256<<10) // 4,096 leaves of 256 KiB: 1 GiB inflated
	start := time.Now()
	tree := open(t, limits(func(l *Limits) { l.MaxInflate = 8 << 20 }), fileInput("42.zip", z))
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %v, want well under a second", took)
	}
	var first, rest int
	for _, p := range tree.Problems {
		switch {
		case !errors.Is(p, ErrInflateBudget):
			t.Errorf("got problem %v, want only ErrInflateBudget", p)
		case p.Path != "":
			first++
		case strings.Contains(p.Err.Error(), "more nested archives (first in "+p.Part+") were not opened"):
			rest++
		}
	}
	if first != 1 || rest != 1 {
		t.Errorf("got %d problems naming a member and %d for the rest, want 1 and 1: %v", first, rest, tree.Problems)
	}
	if left, ok := tree.MemoryLeft(); !ok || left < DefaultLimits().MaxMemory-8<<20 {
		t.Errorf("got %d bytes left for parsing (%v), want the budget less at most 8 MiB inflated", left, ok)
	}
}

// Width alone is bounded too: nested archives that are small and stored
// cost no inflation, yet each costs a scope and its entries.
func TestMaxArchives(t *testing.T) {
	inner := makeZip(t, zfile{name: "a.txt", data: []byte("a"), method: zip.Store})
	var fs []zfile
	for i := range 20 {
		fs = append(fs, zfile{name: fmt.Sprintf("n%02d.zip", i), data: inner, method: zip.Store})
	}
	z := makeZip(t, fs...)
	tree := open(t, limits(func(l *Limits) { l.MaxArchives = 5 }), fileInput("wide.zip", z))
	p := wantProblem(t, tree, ErrTooManyEntries, "wide.zip")
	if !strings.Contains(p.Error(), "more than 5 nested archives") {
		t.Errorf("got %v, want it to say more than 5 nested archives", p)
	}
	opened := 0
	for _, e := range tree.Entries {
		if strings.HasSuffix(e.Part, ".zip") && e.Part != "wide.zip" {
			opened++
		}
	}
	if opened != 5 {
		t.Errorf("got %d nested archives listed, want 5", opened)
	}
	if len(tree.Entries) != 20 {
		t.Errorf("got %d entries, want 20 (5 opened, 15 listed as files)", len(tree.Entries))
	}
}
