package check

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"exportlens/app/export"
)

// newIDRows finds every recording's customer-ID row, whichever file it
// was read from and however the files' rows alternate, and marks a
// recording that repeats an earlier one's row and ID; a row no recording
// was read from is not held.
func TestIDRowsIndex(t *testing.T) {
	files := []string{"a/history.csv", "b/history.csv", "c/history.csv"}
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 2))
		x := &export.Export{Vendor: export.Amazon}
		type key struct {
			file string
			line int
		}
		seen := map[key]bool{}
		var repeats []bool
		for i := range 50 + r.IntN(200) {
			file := files[r.IntN(len(files))]
			if r.IntN(3) > 0 && i > 0 { // runs of one file, as a loader reads them
				file = x.Recordings[i-1].Src().Path
			}
			line := 2 + r.IntN(300)
			src := at("Alexa.zip", file, line, "")
			rec := export.NewRecording(fmt.Sprintf("utt-%d", i), src)
			rec.Set(export.FieldCustomerID, val(custID, at("Alexa.zip", file, line, "CustomerId")))
			x.Recordings = append(x.Recordings, rec)
			k := key{file, line}
			repeats = append(repeats, seen[k])
			seen[k] = true
		}
		c := newChecker(x, Declared{})
		rows := newIDRows(c)
		for i := range x.Recordings {
			p, ok := c.recordingIDPlace(i)
			if !ok {
				t.Fatalf("seed %d: recording %d has no customer-ID place", seed, i)
			}
			if !rows.holds(p.rk, p.key) {
				t.Fatalf("seed %d: recording %d's row %s:%d is not held", seed, i, p.rk.path, p.rk.line)
			}
			if got := rows.repeats(i); got != repeats[i] {
				t.Fatalf("seed %d: recording %d (%s:%d) repeats = %v, want %v", seed, i, p.rk.path, p.rk.line, got, repeats[i])
			}
		}
		for _, f := range files {
			if rows.holds(rowID{part: "Alexa.zip", path: f, line: 1}, export.NormID(custID)) {
				t.Fatalf("seed %d: %s line 1 is held, though no recording was read there", seed, f)
			}
		}
	}
}
