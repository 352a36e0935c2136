package ui

import (
	"slices"
	"testing"

	"exportlens/app/check"
)

func TestWithMark(t *testing.T) {
	d := check.Declared{Devices: []string{"G070RQ0000000001"}}
	d = withMark(d, "device", "g070 rq00 0000 0001", markNotMine)
	if len(d.Devices) != 0 || !slices.Equal(d.NotMineDevices, []string{"g070 rq00 0000 0001"}) {
		t.Errorf("not mine: got devices %q, not mine %q; want the serial moved to not mine", d.Devices, d.NotMineDevices)
	}
	if got := markOf("G070RQ0000000001", d.Devices, d.NotMineDevices); got != markNotMine {
		t.Errorf("markOf: got %q, want not-mine (spaces and case do not matter)", got)
	}
	d = withMark(d, "device", "G070RQ0000000001", markMine)
	if !slices.Equal(d.Devices, []string{"G070RQ0000000001"}) || len(d.NotMineDevices) != 0 {
		t.Errorf("mine: got devices %q, not mine %q", d.Devices, d.NotMineDevices)
	}
	d = withMark(d, "device", "G070RQ0000000001", markNone)
	if d.Devices == nil || len(d.Devices) != 0 || len(d.NotMineDevices) != 0 {
		t.Errorf("none: got devices %#v, not mine %q; want an empty list and none", d.Devices, d.NotMineDevices)
	}
	d = withMark(d, "profile", "amzn1.actor.person.oid.A1ANNAPROFILE1", markNotMine)
	if !slices.Equal(d.NotMineProfiles, []string{"amzn1.actor.person.oid.A1ANNAPROFILE1"}) || len(d.Devices) != 0 {
		t.Errorf("profile: got %+v", d)
	}
	d = withMark(d, "profile", "AMZN1.ACTOR.PERSON.OID.A1ANNAPROFILE1", markNone)
	if len(d.NotMineProfiles) != 0 {
		t.Errorf("profile mark taken back: got %q", d.NotMineProfiles)
	}
}

// TestWithRecordingMark: a recording is in one list at a time, compared by
// its reference as written (paths differ by case), and its mark is taken
// back by "not said"; the device and profile lists are left alone.
func TestWithRecordingMark(t *testing.T) {
	const a, b = "Alexa/0001.wav", "alexa/0001.wav"
	d := check.Declared{NotMineDevices: []string{"G070RQ0000000001"}}
	d = withMark(d, "recording", a, markNotMine)
	d = withMark(d, "recording", b, markMine)
	if !slices.Equal(d.NotMineRecordings, []string{a}) || !slices.Equal(d.MineRecordings, []string{b}) {
		t.Errorf("two refs: not mine %q, mine %q; want %q and %q", d.NotMineRecordings, d.MineRecordings, a, b)
	}
	d = withMark(d, "recording", a, markMine)
	if len(d.NotMineRecordings) != 0 || !slices.Equal(d.MineRecordings, []string{b, a}) {
		t.Errorf("moved to mine: not mine %q, mine %q", d.NotMineRecordings, d.MineRecordings)
	}
	d = withMark(withMark(d, "recording", a, markNone), "recording", b, markNone)
	if len(d.MineRecordings)+len(d.NotMineRecordings) != 0 || !slices.Equal(d.NotMineDevices, []string{"G070RQ0000000001"}) {
		t.Errorf("taken back: %+v; want no recording marks and the device mark kept", d)
	}
}
