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

// fixtureInputs are the paths of a fixture's inputs.
func fixtureInputs(t *testing.T, name string) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "fixtures", name, "input", "*"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("%s: no inputs (%v)", name, err)
	}
	return paths
}

// fileInputs opens paths as the pipeline's inputs.
func fileInputs(t *testing.T, paths []string) []archive.Input {
	t.Helper()
	var inputs []archive.Input
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		st, err := f.Stat()
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, archive.Input{Name: filepath.Base(p), R: f, Size: st.Size()})
	}
	return inputs
}

// readInputs reads and checks inputs through the pipeline, with no facts
// declared.
func readInputs(t *testing.T, name string, inputs []archive.Input) Outcome {
	t.Helper()
	o, err := Default.Read(context.Background(), inputs, archive.Options{}, nil, Hooks{})
	if err != nil || o.Export == nil {
		t.Fatalf("%s: nothing read: %v", name, err)
	}
	t.Cleanup(func() { o.Tree.Close() })
	return o
}

// openFixture reads and checks a fixture of testdata through the pipeline.
func openFixture(t *testing.T, name string) (*export.Export, *check.Report) {
	t.Helper()
	o := readInputs(t, name, fileInputs(t, fixtureInputs(t, name)))
	return o.Export, Default.Check(o.Export, check.Declared{})
}

// openIndex reads and checks inputs and indexes the recordings as the
// viewer does, with the overview's device and profile rows.
func openIndex(t *testing.T, name string, inputs []archive.Input) *Recordings {
	t.Helper()
	o := readInputs(t, name, inputs)
	r := Default.Check(o.Export, check.Declared{})
	return NewRecordings(o.Export, r, o.Tree, DeviceRows(r, o.Export), ProfileRows(r, o.Export))
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
