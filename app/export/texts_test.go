package export

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"
)

// A kept text never points into the row it came from, equal short texts
// are one copy, and the table of shared texts stops growing at maxShared
// while every text is still copied and counted.
func TestKeptTexts(t *testing.T) {
	row := "A1B2C3D4E5F6G7,G070RQ0000000001,Küche"
	inRow := func(s string) bool {
		p, start := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(row)))
		return p >= start && p < start+uintptr(len(row))
	}
	var kt keptTexts
	a := kt.share(row[:14])
	b := kt.share(strings.Clone(row[:14]))
	if a != "A1B2C3D4E5F6G7" || inRow(a) {
		t.Errorf("share: got %q (in the row: %v), want a copy of the cell", a, inRow(a))
	}
	if unsafe.StringData(a) != unsafe.StringData(b) {
		t.Error("share: the same text twice gave two copies")
	}
	if o := kt.own(row[15:31]); o != "G070RQ0000000001" || inRow(o) {
		t.Errorf("own: got %q (in the row: %v), want a copy", o, inRow(o))
	}
	if want := int64(14 + sharedCost + 16); kt.bytes != want {
		t.Errorf("bytes: got %d, want %d", kt.bytes, want)
	}
	if kt.share("") != "" || kt.own("") != "" || kt.bytes != int64(14+sharedCost+16) {
		t.Error("an empty text cost memory")
	}

	long := strings.Repeat("x", maxSharedLen+1)
	if c := kt.share(long); c != long || len(kt.shared) != 1 {
		t.Errorf("a text over %d bytes went into the table (%d entries)", maxSharedLen, len(kt.shared))
	}

	var many keptTexts
	want := int64(0)
	for i := range maxShared + 1000 {
		s := fmt.Sprintf("value-%06d", i)
		if got := many.share(s); got != s {
			t.Fatalf("share(%q) = %q", s, got)
		}
		want += int64(len(s))
		if i < maxShared {
			want += sharedCost
		}
	}
	if len(many.shared) != maxShared || many.bytes != want {
		t.Errorf("%d distinct texts: table of %d entries, %d bytes counted; want %d entries, %d bytes", maxShared+1000, len(many.shared), many.bytes, maxShared, want)
	}
}
