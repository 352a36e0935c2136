package export

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// A Recording holds at most three words the collector must follow (its
// ID, its time's zone, its store): the browser's collector marks without
// yielding, and each further string or pointer is another 100,000 to
// follow at 100,000 recordings.
func TestRecordingPointers(t *testing.T) {
	var walk func(reflect.Type) int
	walk = func(ty reflect.Type) int {
		switch ty.Kind() {
		case reflect.String, reflect.Pointer, reflect.Map, reflect.Chan, reflect.Func, reflect.UnsafePointer:
			return 1
		case reflect.Interface, reflect.Slice:
			return 1 // the data word (an interface's type word is never the heap's)
		case reflect.Array:
			return ty.Len() * walk(ty.Elem())
		case reflect.Struct:
			n := 0
			for i := range ty.NumField() {
				n += walk(ty.Field(i).Type)
			}
			return n
		}
		return 0
	}
	if n := walk(reflect.TypeFor[Recording]()); n > 3 {
		t.Errorf("a Recording has %d pointer words, want at most 3", n)
	}
	if size := unsafe.Sizeof(Recording{}); size > 112 {
		t.Errorf("a Recording is %d bytes, want at most 112", size)
	}
}

// The Recordings of one load share a store: equal texts are one entry,
// texts copied from a row do not point into it, and a zero Recording
// answers every question with nothing.
func TestRecordStore(t *testing.T) {
	l := &loader{}
	row := "G070RQ0000000001,Küche,licht aus"
	inRow := func(s string) bool {
		p, start := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(row)))
		return p >= start && p < start+uintptr(len(row))
	}
	cells := strings.Split(row, ",") // parts of the row, as encoding/csv's cells
	var recs []Recording
	for i := range 3 {
		r := l.newRecording("U"+strings.Repeat("1", i+1), place{line: int32(i + 2)})
		r.set(FieldDevice, l.recs.copyRef(FieldDevice, cells[0]), place{})
		r.set(FieldDeviceName, l.recs.copyRef(FieldDeviceName, cells[1]), place{})
		r.set(FieldTranscript, l.recs.copyRef(FieldTranscript, cells[2]), place{})
		recs = append(recs, r)
	}
	// "", the device, the name, the transcript: one entry each, and the
	// copies in the store's blocks, where the collector has no string to
	// follow (only a text kept as it was given is one).
	if n := len(l.recs.texts); n != 4 {
		t.Errorf("3 recordings of the same three texts: %d texts in the store, want 4", n)
	}
	if len(l.recs.kept) != 0 || len(l.recs.blocks.bufs) != 1 {
		t.Errorf("three copies: %d texts kept as strings, %d blocks; want 0 and 1", len(l.recs.kept), len(l.recs.blocks.bufs))
	}
	for i, r := range recs {
		if r.st != l.recs {
			t.Errorf("recording %d has a store of its own", i)
		}
		if d := r.Device().Text; d != "G070RQ0000000001" || inRow(d) {
			t.Errorf("recording %d: device %q (in the row: %v), want a copy", i, d, inRow(d))
		}
		if r.Transcript().Text != "licht aus" || r.DeviceName().Text != "Küche" || r.Src().Line != i+2 {
			t.Errorf("recording %d: got %q %q line %d", i, r.Transcript().Text, r.DeviceName().Text, r.Src().Line)
		}
	}

	long := strings.Repeat("lange Antwort ", 200) // over a block's first size
	recs[0].set(FieldResponse, l.recs.copyRef(FieldResponse, long), place{})
	recs[1].SetAudio("", "media/a.wav", "media/a.wav")
	if got := recs[0].Response().Text; got != long {
		t.Errorf("a long copy reads back as %d bytes, want %d", len(got), len(long))
	}
	if got := recs[1].AudioPath(); got != "media/a.wav" || len(l.recs.kept) != 1 {
		t.Errorf("an audio path kept as given: %q, %d kept", got, len(l.recs.kept))
	}
	// The reference as written, the tail of the path found: no string of
	// its own; one that is not its tail is a copy.
	recs[1].set(FieldAudio, l.recs.tailRef(recs[1].audioPath, "a.wav"), place{})
	recs[2].set(FieldAudio, l.recs.tailRef(recs[1].audioPath, "b.wav"), place{})
	if a, b := recs[1].Audio().Text, recs[2].Audio().Text; a != "a.wav" || b != "b.wav" || len(l.recs.kept) != 1 {
		t.Errorf("audio references %q and %q, %d kept as strings; want a.wav, b.wav, 1", a, b, len(l.recs.kept))
	}
	for i, r := range recs {
		if r.Device().Text != "G070RQ0000000001" || r.Transcript().Text != "licht aus" {
			t.Errorf("recording %d after more texts: %q %q", i, r.Device().Text, r.Transcript().Text)
		}
	}

	var zero Recording
	if zero.Device() != (Value{}) || zero.AudioPath() != "" || zero.AudioPart() != "" || zero.Src() != (Source{}) ||
		zero.Extra() != nil || zero.ZoneUnknown() != "" || zero.UnrecognizedSrc() != (Value{}) {
		t.Error("a zero Recording has values")
	}
	zero.Set(FieldPersonName, NewValue("Anna", Source{Path: "a.csv", Line: 3}))
	if v := zero.PersonName(); v.Text != "Anna" || v.Src().Line != 3 || v.Src().Path != "a.csv" {
		t.Errorf("a zero Recording set: got %q at %+v", v.Text, v.Src())
	}
}

// TestRecordStoreDistinct: a column of all-different values stops filling
// the table of shared texts after uniqueAfter of them, while a column that
// repeats keeps sharing; every text reads back as given, also when a
// distinct column's value turns up again later (a copy of its own).
func TestRecordStoreDistinct(t *testing.T) {
	s := newRecordStore()
	var ids, devs []uint32
	for i := range 5 * uniqueAfter {
		ids = append(ids, s.copyRef(FieldTranscript, "transcript "+strconv.Itoa(i)))
		devs = append(devs, s.copyRef(FieldDevice, "G0"+strconv.Itoa(i%3)))
	}
	again := s.copyRef(FieldTranscript, "transcript 0")
	for i, ref := range ids {
		if got, want := s.text(ref), "transcript "+strconv.Itoa(i); got != want {
			t.Fatalf("row %d: transcript %q, want %q", i, got, want)
		}
		if got, want := s.text(devs[i]), "G0"+strconv.Itoa(i%3); got != want {
			t.Fatalf("row %d: device %q, want %q", i, got, want)
		}
		if i >= 3 && devs[i] != devs[i-3] {
			t.Fatalf("row %d: the repeated device got a text of its own", i)
		}
	}
	if s.text(again) != "transcript 0" {
		t.Errorf("a distinct column's value again: %q", s.text(again))
	}
	// 3 devices, and the transcripts looked up until the column proved distinct.
	if n := len(s.index); n > uniqueAfter+3 {
		t.Errorf("%d shared texts after %d distinct transcripts, want at most %d", n, len(ids), uniqueAfter+3)
	}
	if !s.distinct(FieldTranscript) || s.distinct(FieldDevice) {
		t.Errorf("distinct: transcripts %v, devices %v; want true, false", s.distinct(FieldTranscript), s.distinct(FieldDevice))
	}
}
