package view

import (
	"slices"
	"strings"
	"testing"
	"time"

	"exportlens/app/check"
	"exportlens/app/export"
)

// TestRecordingsFilter: each filter of the Recordings page, on a fixture
// with foreign devices, voice profiles, days, flagged recordings and a
// stray audio file, gives the items the export's own data and the report
// say, computed here from them and not from the index: a device's
// recordings by their serial, a day range by the recordings' times, a word
// by their transcripts and responses, "flagged only" and one finding by
// the findings' Affected and AffectedAudio; filters combine as "and".
func TestRecordingsFilter(t *testing.T) {
	local := time.Local
	time.Local = time.UTC // days are the UTC days computed here
	t.Cleanup(func() { time.Local = local })
	ix := openIndex(t, "amazon-foreign", fileInputs(t, fixtureInputs(t, "amazon-foreign")))
	x := ix.Export
	nRec := len(x.Recordings)
	// The bare audio files follow the recordings, in Export.Audio order.
	bareItem := map[int]int{}
	for k := nRec; k < len(ix.Items); k++ {
		bareItem[int(ix.Items[k].Audio)] = k
	}
	recs := func(keep func(r *export.Recording) bool) []int {
		var out []int
		for i := range x.Recordings {
			if keep(&x.Recordings[i]) {
				out = append(out, i)
			}
		}
		return out
	}
	ofFinding := func(f *check.Finding) []int {
		out := slices.Clone(f.Affected)
		for _, a := range f.AffectedAudio {
			out = append(out, bareItem[a])
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	var flagged []int
	for i := range ix.Report.Findings {
		if f := &ix.Report.Findings[i]; f.Severity == check.Mismatch || f.Severity == check.Likely {
			flagged = append(flagged, ofFinding(f)...)
		}
	}
	slices.Sort(flagged)
	flagged = slices.Compact(flagged)

	dev := -1
	for i, d := range ix.Devices {
		if d.Records > 0 {
			dev = i
			break
		}
	}
	if dev < 0 || len(flagged) == 0 || len(bareItem) == 0 {
		t.Fatalf("amazon-foreign: device %d, %d flagged, %d stray files: the test would prove little", dev, len(flagged), len(bareItem))
	}
	serial := export.NormID(ix.Devices[dev].Serial)
	day := x.Recordings[0].Time.UTC().Format(DayLayout)
	word := ""
	for _, w := range strings.Fields(strings.ToLower(x.Recordings[0].Transcript().Text)) {
		if len(w) > 4 {
			word = w
			break
		}
	}
	said := func(r *export.Recording) bool {
		return strings.Contains(strings.ToLower(r.Transcript().Text+"\n"+r.Response().Text), word)
	}
	findingWithAudio := -1
	for i := range ix.Report.Findings {
		if len(ix.Report.Findings[i].AffectedAudio) > 0 {
			findingWithAudio = i
		}
	}

	with := func(change func(*Filter)) Filter {
		f := NewFilter()
		change(&f)
		return f
	}
	all := make([]int, len(ix.Items))
	for k := range all {
		all[k] = k
	}
	tests := []struct {
		name string
		f    Filter
		want []int
	}{
		{"none", NewFilter(), all},
		{"device", with(func(f *Filter) { f.Device = dev }), recs(func(r *export.Recording) bool { return export.NormID(r.Device().Text) == serial })},
		{"one day", with(func(f *Filter) { f.From, f.To = day, day }), recs(func(r *export.Recording) bool { return !r.Time.IsZero() && r.Time.UTC().Format(DayLayout) == day })},
		{"from the day on", with(func(f *Filter) { f.From = day }), recs(func(r *export.Recording) bool { return !r.Time.IsZero() && r.Time.UTC().Format(DayLayout) >= day })},
		{"word " + word, with(func(f *Filter) { f.Query = word }), recs(said)},
		{"flagged", with(func(f *Filter) { f.Flagged = true }), flagged},
		{"the finding with a stray file", with(func(f *Filter) { f.Finding = findingWithAudio }), ofFinding(&ix.Report.Findings[findingWithAudio])},
		{"device and word", with(func(f *Filter) { f.Device, f.Query = dev, word }), recs(func(r *export.Recording) bool {
			return export.NormID(r.Device().Text) == serial && said(r)
		})},
		// The page says so ("no such finding") with the way back to all.
		{"a finding that is not there", with(func(f *Filter) { f.Finding = len(ix.Report.Findings) + 3 }), []int{}},
	}
	for _, tc := range tests {
		if got := ix.Filter(tc.f, nil); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
	// A search never looks into what is hidden.
	hideAll := func(int) bool { return true }
	if got := ix.Filter(with(func(f *Filter) { f.Query = word }), hideAll); len(got) != 0 {
		t.Errorf("a search over hidden items found %v", got)
	}
}
