package view

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"exportlens/app/archive"
	"exportlens/app/check"
	"exportlens/app/export"
)

// openFixture reads and checks a fixture of testdata through the pipeline.
func openFixture(t *testing.T, name string) (*export.Export, *check.Report) {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "fixtures", name, "input", "*"))
	var inputs []archive.Input
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		st, _ := f.Stat()
		inputs = append(inputs, archive.Input{Name: filepath.Base(p), R: f, Size: st.Size()})
	}
	o, err := Default.Read(context.Background(), inputs, archive.Options{}, nil, Hooks{})
	if err != nil || o.Export == nil {
		t.Fatalf("%s: nothing read: %v", name, err)
	}
	t.Cleanup(func() { o.Tree.Close() })
	return o.Export, Default.Check(o.Export, check.Declared{})
}

// TestDeviceRows: the overview's device table lists the claimed devices
// first, marked registered, then each other serial the recordings name,
// once, the most recorded first; every row counts the recordings that name
// it, and together they count every recording that names a device.
func TestDeviceRows(t *testing.T) {
	x, rep := openFixture(t, "amazon-foreign")
	rows := DeviceRows(rep, x)
	if len(rows) <= len(rep.Claim.Devices) {
		t.Fatalf("%d rows for %d claimed devices: amazon-foreign's foreign device is missing", len(rows), len(rep.Claim.Devices))
	}
	named, total := map[string]int{}, 0
	for _, r := range x.Recordings {
		if id := export.NormID(r.Device().Text); id != "" {
			named[id]++
		}
	}
	seen := map[string]bool{}
	for i, row := range rows {
		id := export.NormID(row.Serial)
		if seen[id] {
			t.Errorf("%s listed twice", row.Serial)
		}
		seen[id] = true
		if row.Registered != (i < len(rep.Claim.Devices)) {
			t.Errorf("row %d (%s): registered %v", i, row.Serial, row.Registered)
		}
		if row.Records != named[id] {
			t.Errorf("%s: %d recordings, the export has %d", row.Serial, row.Records, named[id])
		}
		total += row.Records
	}
	want := 0
	for _, n := range named {
		want += n
	}
	if total != want {
		t.Errorf("the rows count %d recordings, %d name a device", total, want)
	}
	other := rows[len(rep.Claim.Devices):]
	if !slices.IsSortedFunc(other, func(a, b DeviceRow) int { return b.Records - a.Records }) {
		t.Errorf("unregistered devices not by count: %+v", other)
	}
}
