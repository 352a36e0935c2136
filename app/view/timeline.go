package view

import (
	"slices"
	"time"

	"exportlens/app/check"
	"exportlens/app/export"
)

// timelineMaxBars: more days than this are grouped into bars of several
// days.
const timelineMaxBars = 400

// Bar is one bar: recordings per series from day on.
type Bar struct {
	Day     string // first day of the bar (DayLayout)
	Days    int    // days the bar covers
	Counts  []int  // per series
	Total   int
	Flagged int // recordings a mismatch or likely finding names
}

// Series is a device of the timeline's legend, or, last, the recordings
// of no device.
type Series struct {
	Label   string // the device's name and serial; "" for no device
	Foreign bool   // not registered to the account, or a finding names it
	Count   int
}

// Series lists the devices (in the order of Devices), then the recordings
// of no device. The counts and marks are computed once (seriesOnce; the
// viewer does it before the first page shows them, with yields).
func (ix *Recordings) Series() []Series {
	ix.seriesOnce.Do(func() { ix.series = ix.countSeries() })
	return slices.Clone(ix.series)
}

func (ix *Recordings) countSeries() []Series {
	out := make([]Series, len(ix.Devices)+1)
	for i, d := range ix.Devices {
		label := d.Name
		if label == "" {
			label = d.Serial
		} else {
			label += " (" + d.Serial + ")"
		}
		out[i] = Series{Label: label, Foreign: !d.Registered}
	}
	// A registered device is foreign too when a finding names it (the
	// person said it is not theirs).
	for fi, f := range ix.Report.Findings {
		Pace(fi)
		if f.Severity != check.Mismatch && f.Severity != check.Likely {
			continue
		}
		for i, d := range ix.Devices {
			if export.NormID(f.Subject) == export.NormID(d.Serial) {
				out[i].Foreign = true
			}
		}
	}
	none := len(ix.Devices)
	out[none] = Series{}
	for i, it := range ix.Items {
		Pace(i)
		s := seriesOf(ix, it)
		out[s].Count++
		// Recordings without a device are foreign when flagged: nothing
		// else ties them to the account (the 2018 case, stray files).
		if s == none && it.Flagged {
			out[s].Foreign = true
		}
	}
	return out
}

func seriesOf(ix *Recordings, it Item) int {
	if it.Device < 0 {
		return len(ix.Devices)
	}
	return int(it.Device)
}

// Timeline counts the recordings per day (every day from the first to the
// last, empty ones too, so gaps show), built once per index. undated counts
// the recordings without a time.
func (ix *Recordings) Timeline() (days []Bar, undated int) {
	lo, hi := ix.DayRange()
	for _, it := range ix.Items {
		if it.Day == "" {
			undated++
		}
	}
	if lo == "" {
		return nil, undated
	}
	if ix.days != nil {
		return ix.days, undated
	}
	// Day arithmetic in UTC: the day strings are already local.
	start, err1 := time.Parse(DayLayout, lo)
	end, err2 := time.Parse(DayLayout, hi)
	if err1 != nil || err2 != nil {
		return nil, undated
	}
	span := int(end.Sub(start).Hours()/24) + 1
	per := (span + timelineMaxBars - 1) / timelineMaxBars
	n := (span + per - 1) / per
	nseries := len(ix.Devices) + 1
	days = make([]Bar, n)
	for i := range days {
		days[i] = Bar{Day: start.AddDate(0, 0, i*per).Format(DayLayout), Days: per, Counts: make([]int, nseries)}
	}
	// Items come in time order mostly: a day is parsed once per run.
	lastDay, lastB := "", -1
	for i, it := range ix.Items {
		Pace(i)
		if it.Day == "" {
			continue
		}
		if it.Day != lastDay {
			t, err := time.Parse(DayLayout, it.Day)
			if err != nil {
				continue
			}
			lastDay, lastB = it.Day, int(t.Sub(start).Hours()/24)/per
		}
		b := lastB
		days[b].Counts[seriesOf(ix, it)]++
		days[b].Total++
		if it.Flagged {
			days[b].Flagged++
		}
	}
	ix.days = days
	return days, undated
}
