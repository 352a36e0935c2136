package view

import (
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"exportlens/app/archive"
	"exportlens/app/check"
	"exportlens/app/export"
)

// DayLayout is how a recording's day is kept: it sorts as text and is what
// an <input type=date> gives.
const DayLayout = "2006-01-02"

// Item is one line of the recordings list: a recording of the export, or
// an audio file that no recording stands for (put in the export from
// elsewhere, as the unreferenced-recording finding says), shown so that the
// list counts every recording the export holds.
type Item struct {
	Day     string // local day (DayLayout); "" when the time is unknown
	Rec     int32  // index into Export.Recordings; -1 for a bare audio file
	Audio   int32  // index into Export.Audio when Rec is -1
	Device  int32  // index into Devices; -1 for none
	Profile int32  // index into Profiles; -1 for none
	Flagged bool   // a mismatch or likely finding names it
}

// Recordings is the recordings as the list, its filters and the timeline see
// them, derived once per check (10,000 rows must not be re-derived on every
// keystroke or scroll).
type Recordings struct {
	Export   *export.Export
	Report   *check.Report
	tree     *archive.Tree
	Items    []Item // Export.Recordings in order, then the bare audio files
	Devices  []DeviceRow
	Profiles []ProfileRow
	Flagged  int
	// ByFinding[i] lists the items finding i concerns, for "?finding=i".
	ByFinding [][]int
	// ItemFindings names the mismatch/likely findings of a flagged item.
	ItemFindings map[int][]int
	entriesMu    sync.Mutex                  // entry runs on the player's goroutines
	byPath       map[string][]*archive.Entry // audio entries by path, for records that name no part
	days         []Bar                       // built on first use by the timeline
	seriesOnce   sync.Once
	series       []Series // the timeline's legend, "no device" unnamed
	// search holds each item's transcript and response, lower-cased, built
	// on the first search: the overview never needs it.
	searchOnce sync.Once
	search     []string
	// lengths are the rows' playing times, read as rows are drawn.
	lengths rowLengths
}

// NewRecordings indexes the recordings of x as r judged them: each with its
// day, device and voice profile (indexes into devices and profiles, the
// overview's rows), every audio file no recording stands for as an item of
// its own, and which items each finding concerns. tree finds the audio
// files; it may be nil (then no item has audio to play).
func NewRecordings(x *export.Export, r *check.Report, tree *archive.Tree, devices []DeviceRow, profiles []ProfileRow) *Recordings {
	ix := &Recordings{Export: x, Report: r, tree: tree, Devices: devices, Profiles: profiles, ItemFindings: map[int][]int{}}
	devIdx := map[string]int{}
	for i, d := range devices {
		devIdx[export.NormID(d.Serial)] = i
	}
	profIdx := map[string]int{}
	for i, p := range profiles {
		profIdx[export.NormID(p.ID)] = i
	}
	lookup := func(m map[string]int, id string) int {
		if i, ok := m[export.NormID(id)]; ok && id != "" {
			return i
		}
		return -1
	}
	days := dayNamer{}
	ix.Items = make([]Item, 0, len(x.Recordings))
	for i := range x.Recordings {
		Pace(i)
		rec := &x.Recordings[i]
		ix.Items = append(ix.Items, Item{
			Rec: int32(i), Audio: -1,
			Day:     days.of(rec.Time),
			Device:  int32(lookup(devIdx, rec.Device().Text)),
			Profile: int32(lookup(profIdx, rec.PersonID().Text)),
		})
	}
	audioItem := map[int]int{} // index into x.Audio -> its item
	for j, a := range x.Audio {
		Pace(j)
		if a.OfRecording || a.OtherProduct { // listed as its Recording; a voicemail is no recording
			continue
		}
		audioItem[j] = len(ix.Items)
		ix.Items = append(ix.Items, Item{Rec: -1, Audio: int32(j), Device: -1, Profile: -1})
	}

	ix.ByFinding = make([][]int, len(r.Findings))
	for fi := range r.Findings {
		Pace(fi)
		f := &r.Findings[fi]
		its := slices.Clone(f.Affected)
		for n, a := range f.AffectedAudio {
			Pace(n)
			if k, ok := audioItem[a]; ok {
				its = append(its, k)
			}
		}
		slices.Sort(its)
		its = slices.Compact(its)
		ix.ByFinding[fi] = its
		if f.Severity != check.Mismatch && f.Severity != check.Likely {
			continue
		}
		for n, k := range its {
			Pace(n)
			if k >= 0 && k < len(ix.Items) {
				ix.Items[k].Flagged = true
				ix.ItemFindings[k] = append(ix.ItemFindings[k], fi)
			}
		}
	}
	for _, it := range ix.Items {
		if it.Flagged {
			ix.Flagged++
		}
	}
	return ix
}

// dayNamer names the local day (DayLayout) of many times in a row, "" for
// an unknown time: recordings come day by day, so a day's name is made once
// and shared, not formatted per recording.
type dayNamer struct {
	y    int
	m    time.Month
	d    int
	name string
}

func (n *dayNamer) of(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	lt := t.Local()
	y, m, d := lt.Date()
	if n.name == "" || y != n.y || m != n.m || d != n.d {
		n.y, n.m, n.d, n.name = y, m, d, lt.Format(DayLayout)
	}
	return n.name
}

// searchText returns item k's transcript and response, lower-cased.
func (ix *Recordings) searchText(k int) string {
	ix.searchOnce.Do(func() {
		ix.search = make([]string, len(ix.Items))
		for i, it := range ix.Items {
			if it.Rec >= 0 {
				rec := &ix.Export.Recordings[it.Rec]
				ix.search[i] = strings.ToLower(rec.Transcript().Text + "\x00" + rec.Response().Text)
			}
		}
	})
	return ix.search[k]
}

// recAudioPart is the part holding a recording's audio: the record's own
// part when the reference does not name one.
func recAudioPart(rec *export.Recording) string {
	if rec.AudioPart() != "" {
		return rec.AudioPart()
	}
	return rec.Src().Part
}

// Recording returns item k's Recording, or nil for a bare audio file.
func (ix *Recordings) Recording(k int) *export.Recording {
	if it := ix.Items[k]; it.Rec >= 0 {
		return &ix.Export.Recordings[it.Rec]
	}
	return nil
}

// AudioOf returns the part and path of item k's audio, "" when it has none.
func (ix *Recordings) AudioOf(k int) (part, path string) {
	it := ix.Items[k]
	if it.Rec < 0 {
		a := ix.Export.Audio[it.Audio]
		return a.Part, a.Path
	}
	rec := &ix.Export.Recordings[it.Rec]
	if rec.AudioPath() == "" {
		return "", ""
	}
	return recAudioPart(rec), rec.AudioPath()
}

// entry finds an audio file's entry in the tree (archive.Tree.Lookup; of
// two of the same name, the first).
func (ix *Recordings) entry(part, path string) *archive.Entry {
	if ix.tree == nil || !AudioName(path) {
		return nil
	}
	if es := ix.tree.Lookup(part, path); len(es) > 0 {
		return es[0]
	}
	// A record may name its audio without the part: take the only match,
	// from a map of the audio files by path made on the first such lookup.
	ix.entriesMu.Lock()
	defer ix.entriesMu.Unlock()
	if ix.byPath == nil {
		ix.byPath = map[string][]*archive.Entry{}
		for _, e := range ix.tree.Entries {
			if AudioName(e.Path) {
				ix.byPath[e.Path] = append(ix.byPath[e.Path], e)
			}
		}
	}
	if es := ix.byPath[path]; len(es) == 1 {
		return es[0]
	}
	return nil
}

func AudioName(name string) bool {
	switch strings.ToLower(name[strings.LastIndexByte(name, '.')+1:]) {
	case "wav", "mp3", "ogg", "opus", "m4a", "mp4", "aac", "flac":
		return true
	}
	return false
}

// Filter values for device and voice profile besides an index.
const (
	FilterAll  = -1 // no filter
	FilterNone = -2 // items without a device / voice profile
)

// Filter is what the person narrowed the list to. None of it goes into
// the URL except the finding (an index into the report's findings).
type Filter struct {
	Query    string // lower-cased, trimmed
	Device   int    // filterAll, filterNone or an index into devices
	Profile  int
	From, To string // days (DayLayout), "" for open ends
	Flagged  bool
	Finding  int // -1 for none, else an index into Report.Findings
}

func NewFilter() Filter {
	return Filter{Device: FilterAll, Profile: FilterAll, Finding: -1}
}

// Filter returns the items that pass f, in list order. A search passes
// over the items hidden says are hidden (nil: none is).
func (ix *Recordings) Filter(f Filter, hidden func(int) bool) []int {
	var only []int // the finding's items, when filtered by one
	if f.Finding >= 0 && f.Finding < len(ix.ByFinding) {
		only = ix.ByFinding[f.Finding]
	}
	pass := func(k int) bool {
		it := &ix.Items[k]
		switch {
		case f.Flagged && !it.Flagged,
			!matchIndex(f.Device, int(it.Device)),
			!matchIndex(f.Profile, int(it.Profile)),
			f.From != "" && (it.Day == "" || it.Day < f.From),
			f.To != "" && (it.Day == "" || it.Day > f.To),
			f.Query != "" && (hidden != nil && hidden(k) || !strings.Contains(ix.searchText(k), f.Query)):
			return false
		}
		return true
	}
	var out []int
	if f.Finding >= 0 {
		out = make([]int, 0, len(only))
		for _, k := range only {
			if k >= 0 && k < len(ix.Items) && pass(k) {
				out = append(out, k)
			}
		}
		return out
	}
	out = make([]int, 0, len(ix.Items))
	for k := range ix.Items {
		if pass(k) {
			out = append(out, k)
		}
	}
	return out
}

// matchIndex reports whether an item's device or profile (-1 for none)
// passes the filter value want.
func matchIndex(want, have int) bool {
	switch want {
	case FilterAll:
		return true
	case FilterNone:
		return have < 0
	}
	return have == want
}

// DayRange is the first and last day of the recordings, for the date inputs.
func (ix *Recordings) DayRange() (first, last string) {
	for _, it := range ix.Items {
		if it.Day == "" {
			continue
		}
		if first == "" || it.Day < first {
			first = it.Day
		}
		if it.Day > last {
			last = it.Day
		}
	}
	return first, last
}

// FlaggedSet marks the recordings that a mismatch or likely finding names
// (indexes into Export.Recordings; the session keeps it).
func FlaggedSet(r *check.Report) map[int]bool {
	out := map[int]bool{}
	for _, f := range r.Findings {
		if f.Severity != check.Mismatch && f.Severity != check.Likely {
			continue
		}
		for _, i := range f.Affected {
			out[i] = true
		}
	}
	return out
}

// Pace lets the browser have its thread (Yield) every 256th step i of a
// loop over recordings or findings. Only for code that runs off the UI
// goroutine or before a render, never in Render itself.
func Pace(i int) {
	if i%256 == 255 {
		archive.Yield()
	}
}

// Yield gives the page its turn when at least 30 ms of work have passed
// since the last (archive.Yield: the pause SetPause set; natively none).
func Yield() { archive.Yield() }

// SetPause sets how the domain's long loops give the page its turn
// (archive.SetPause): the viewer passes the browser's pause.
func SetPause(pause func()) { archive.SetPause(pause) }

// SetInflater sets how ZIP members compressed with Deflate are inflated
// (archive.SetInflater): the viewer passes the browser's.
func SetInflater(fn func(io.Reader) io.ReadCloser) { archive.SetInflater(fn) }

// Indexes reports whether ix was made of x, r and tree (NewRecordings): a
// page keeps its index while the open session's are the same.
func (ix *Recordings) Indexes(x *export.Export, r *check.Report, tree *archive.Tree) bool {
	return ix != nil && ix.Export == x && ix.Report == r && ix.tree == tree
}
