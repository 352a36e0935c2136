package view

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// TestRowsSpellings: however the recordings spell a device serial or a
// person ID (case, spaces) and in whatever order they come, the tables
// list each ID once with every recording that names it, in the spelling of
// its first recording, with a device's first non-empty name; a spelling
// of a claimed ID counts for the claimed row.
func TestRowsSpellings(t *testing.T) {
	spell := func(r *rand.Rand, id string) string {
		switch r.IntN(3) {
		case 0:
			return strings.ToLower(id)
		case 1:
			return " " + id + " "
		}
		return id
	}
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 3))
		devices := []string{"G090LF0000000001", "G090LF0000000002", "G0911W0000000003", "G0911W0000000004"}
		people := []string{"amzn1.actor.person.oid.A1", "amzn1.actor.person.oid.B2", "amzn1.actor.person.oid.C3"}
		rep := &check.Report{}
		rep.Claim.Devices = []check.ClaimDevice{{Serial: devices[0], Name: "Küche"}}
		rep.Claim.VoiceProfiles = []check.ClaimProfile{{ID: people[0], Name: "Anna"}}
		x := &export.Export{Vendor: export.Amazon}
		wantDev, wantPerson := map[string]int{}, map[string]int{}
		firstDev, firstPerson, devName := map[string]string{}, map[string]string{}, map[string]string{}
		for i := range 100 + r.IntN(300) {
			rec := export.NewRecording(fmt.Sprintf("utt-%d", i), export.Source{Path: "h.csv", Line: i + 2})
			if r.IntN(8) > 0 {
				s := spell(r, devices[r.IntN(len(devices))])
				d := export.NormID(s)
				rec.Set(export.FieldDevice, export.NewValue(s, export.Source{}))
				wantDev[d]++
				if _, ok := firstDev[d]; !ok {
					firstDev[d] = s
				}
				if r.IntN(3) == 0 {
					n := fmt.Sprintf("Gerät %d", i)
					rec.Set(export.FieldDeviceName, export.NewValue(n, export.Source{}))
					if devName[d] == "" {
						devName[d] = n
					}
				}
			}
			if r.IntN(8) > 0 {
				s := spell(r, people[r.IntN(len(people))])
				p := export.NormID(s)
				rec.Set(export.FieldPersonID, export.NewValue(s, export.Source{}))
				wantPerson[p]++
				if _, ok := firstPerson[p]; !ok {
					firstPerson[p] = s
				}
			}
			x.Recordings = append(x.Recordings, rec)
		}
		devRows := DeviceRows(rep, x)
		if len(devRows) != len(wantDev)+boolInt(wantDev[export.NormID(devices[0])] == 0) {
			t.Fatalf("seed %d: %d device rows for %d devices: %+v", seed, len(devRows), len(wantDev), devRows)
		}
		for i, row := range devRows {
			d := export.NormID(row.Serial)
			if row.Records != wantDev[d] || row.Registered != (i == 0) {
				t.Errorf("seed %d: device row %+v, want %d recordings, registered %v", seed, row, wantDev[d], i == 0)
			}
			if i > 0 && (row.Serial != firstDev[d] || row.Name != devName[d]) {
				t.Errorf("seed %d: device row %+v, want serial %q, name %q", seed, row, firstDev[d], devName[d])
			}
		}
		profRows := ProfileRows(rep, x)
		if len(profRows) != len(wantPerson)+boolInt(wantPerson[export.NormID(people[0])] == 0) {
			t.Fatalf("seed %d: %d profile rows for %d people: %+v", seed, len(profRows), len(wantPerson), profRows)
		}
		for i, row := range profRows {
			p := export.NormID(row.ID)
			if row.Records != wantPerson[p] || row.Registered != (i == 0) || i > 0 && row.ID != firstPerson[p] {
				t.Errorf("seed %d: profile row %+v, want %d recordings, registered %v, ID %q", seed, row, wantPerson[p], i == 0, firstPerson[p])
			}
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
