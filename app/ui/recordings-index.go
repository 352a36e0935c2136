package ui

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"exportlens/app/archive"
	"exportlens/app/check"
	"exportlens/app/export"
	"exportlens/app/view"
)

// dayLayout is how a recording's day is kept: it sorts as text and is what
// an <input type=date> gives.
const dayLayout = "2006-01-02"

// recItem is one line of the recordings list: a recording of the export, or
// an audio file that no recording stands for (put in the export from
// elsewhere, as the unreferenced-recording finding says), shown so that the
// list counts every recording the export holds.
type recItem struct {
	rec     int    // index into Export.Recordings; -1 for a bare audio file
	audio   int    // index into Export.Audio when rec is -1
	day     string // local day (dayLayout); "" when the time is unknown
	device  int    // index into session.Devices; -1 for none
	profile int    // index into session.Profiles; -1 for none
	flagged bool   // a mismatch or likely finding names it
}

// recIndex is the recordings as the list, its filters and the timeline see
// them, derived once per check (10,000 rows must not be re-derived on every
// keystroke or scroll).
type recIndex struct {
	x        *export.Export
	r        *check.Report
	tree     *archive.Tree
	items    []recItem // Export.Recordings in order, then the bare audio files
	devices  []view.DeviceRow
	profiles []view.ProfileRow
	flagged  int
	// findings[i] lists the items finding i concerns, for "?finding=i".
	findings [][]int
	// itemFindings names the mismatch/likely findings of a flagged item.
	itemFindings map[int][]int
	entriesMu    sync.Mutex                  // entry runs on the player's goroutines
	byPath       map[string][]*archive.Entry // audio entries by path, for records that name no part
	days         []timelineDay               // built on first use by the timeline
	seriesOnce   sync.Once
	series       []timelineSeries // the timeline's legend, "no device" unnamed
	// search holds each item's transcript and response, lower-cased, built
	// on the first search: the overview never needs it.
	searchOnce sync.Once
	search     []string
	// lengths are the rows' playing times, read as rows are drawn.
	lengths rowLengths
}

// The index of the open session, kept while the session's report stays.
// Used from the UI goroutine only (Render and handlers).
var recIndexCache *recIndex

// preparedIndex is the index recheck built for the session it publishes,
// off the UI goroutine and with yields (prepareRecIndex): built in the
// first Render instead, a big export's index and timeline held the page
// 100-200 ms in one stretch.
var preparedIndex atomic.Pointer[recIndex]

// prepareRecIndex builds s's index and its timeline for recIndexOf to
// adopt. It runs where the pipeline runs, so it may yield.
func prepareRecIndex(s session) {
	if !s.loaded() || s.Export == nil || s.Report == nil {
		return
	}
	ix := newRecIndex(s.Export, s.Report, s.Tree, s.Devices, s.Profiles)
	ix.timeline()
	ix.timelineSeries("en")
	preparedIndex.Store(ix)
}

// recIndexOf returns the index of s, building it when s's report changed.
func recIndexOf(s session) *recIndex {
	if !s.loaded() || s.Export == nil {
		return nil
	}
	if ix := readyIndex(s); ix != nil {
		return ix
	}
	recIndexCache = newRecIndex(s.Export, s.Report, s.Tree, s.Devices, s.Profiles)
	return recIndexCache
}

// readyIndex returns the index of s when it is made already (prepared
// after the verdict, or built for a page), else nil. The overview shows
// the verdict without waiting for it: afterVerdict prepares it and shows
// the page again.
func readyIndex(s session) *recIndex {
	if !s.loaded() || s.Export == nil {
		return nil
	}
	same := func(c *recIndex) bool { return c != nil && c.x == s.Export && c.r == s.Report && c.tree == s.Tree }
	if c := recIndexCache; same(c) {
		return c
	}
	if p := preparedIndex.Load(); same(p) {
		recIndexCache = p
		return p
	}
	return nil
}

func newRecIndex(x *export.Export, r *check.Report, tree *archive.Tree, devices []view.DeviceRow, profiles []view.ProfileRow) *recIndex {
	ix := &recIndex{x: x, r: r, tree: tree, devices: devices, profiles: profiles, itemFindings: map[int][]int{}}
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
	type audioRef struct{ part, path string }
	held := map[audioRef]bool{}
	days := dayNamer{}
	ix.items = make([]recItem, 0, len(x.Recordings))
	for i := range x.Recordings {
		paceUI(i)
		rec := &x.Recordings[i]
		ix.items = append(ix.items, recItem{
			rec: i, audio: -1,
			day:     days.of(rec.Time),
			device:  lookup(devIdx, rec.Device().Text),
			profile: lookup(profIdx, rec.PersonID().Text),
		})
		if rec.AudioPath() != "" {
			held[audioRef{recAudioPart(rec), rec.AudioPath()}] = true
		}
	}
	audioItem := map[int]int{} // index into x.Audio -> its item
	for j, a := range x.Audio {
		paceUI(j)
		if held[audioRef{a.Part, a.Path}] || a.OtherProduct { // a voicemail is no recording
			continue
		}
		audioItem[j] = len(ix.items)
		ix.items = append(ix.items, recItem{rec: -1, audio: j, device: -1, profile: -1})
	}

	ix.findings = make([][]int, len(r.Findings))
	for fi := range r.Findings {
		paceUI(fi)
		f := &r.Findings[fi]
		its := slices.Clone(f.Affected)
		for n, a := range f.AffectedAudio {
			paceUI(n)
			if k, ok := audioItem[a]; ok {
				its = append(its, k)
			}
		}
		slices.Sort(its)
		its = slices.Compact(its)
		ix.findings[fi] = its
		if f.Severity != check.Mismatch && f.Severity != check.Likely {
			continue
		}
		for n, k := range its {
			paceUI(n)
			if k >= 0 && k < len(ix.items) {
				ix.items[k].flagged = true
				ix.itemFindings[k] = append(ix.itemFindings[k], fi)
			}
		}
	}
	for _, it := range ix.items {
		if it.flagged {
			ix.flagged++
		}
	}
	return ix
}

// dayNamer names the local day (dayLayout) of many times in a row, "" for
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
		n.y, n.m, n.d, n.name = y, m, d, lt.Format(dayLayout)
	}
	return n.name
}

// searchText returns item k's transcript and response, lower-cased.
func (ix *recIndex) searchText(k int) string {
	ix.searchOnce.Do(func() {
		ix.search = make([]string, len(ix.items))
		for i, it := range ix.items {
			if it.rec >= 0 {
				rec := &ix.x.Recordings[it.rec]
				ix.search[i] = strings.ToLower(rec.Transcript().Text + "\x00" + rec.Response().Text)
			}
		}
	})
	return ix.search[k]
}

func audioKey(part, path string) string { return part + "\x00" + path }

// recAudioPart is the part holding a recording's audio: the record's own
// part when the reference does not name one.
func recAudioPart(rec *export.Recording) string {
	if rec.AudioPart() != "" {
		return rec.AudioPart()
	}
	return rec.Src().Part
}

// recording returns item k's recording, or nil for a bare audio file.
func (ix *recIndex) recording(k int) *export.Recording {
	if it := ix.items[k]; it.rec >= 0 {
		return &ix.x.Recordings[it.rec]
	}
	return nil
}

// audioOf returns the part and path of item k's audio, "" when it has none.
func (ix *recIndex) audioOf(k int) (part, path string) {
	it := ix.items[k]
	if it.rec < 0 {
		a := ix.x.Audio[it.audio]
		return a.Part, a.Path
	}
	rec := &ix.x.Recordings[it.rec]
	if rec.AudioPath() == "" {
		return "", ""
	}
	return recAudioPart(rec), rec.AudioPath()
}

// entry finds an audio file's entry in the tree (archive.Tree.Lookup; of
// two of the same name, the first).
func (ix *recIndex) entry(part, path string) *archive.Entry {
	if ix.tree == nil || !audioExt(path) {
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
			if audioExt(e.Path) {
				ix.byPath[e.Path] = append(ix.byPath[e.Path], e)
			}
		}
	}
	if es := ix.byPath[path]; len(es) == 1 {
		return es[0]
	}
	return nil
}

func audioExt(name string) bool {
	switch strings.ToLower(name[strings.LastIndexByte(name, '.')+1:]) {
	case "wav", "mp3", "ogg", "opus", "m4a", "mp4", "aac", "flac":
		return true
	}
	return false
}

// Filter values for device and voice profile besides an index.
const (
	filterAll  = -1 // no filter
	filterNone = -2 // items without a device / voice profile
)

// recFilter is what the person narrowed the list to. None of it goes into
// the URL except the finding (an index into the report's findings).
type recFilter struct {
	query    string // lower-cased, trimmed
	device   int    // filterAll, filterNone or an index into devices
	profile  int
	from, to string // days (dayLayout), "" for open ends
	flagged  bool
	finding  int // -1 for none, else an index into Report.Findings
}

func newRecFilter() recFilter {
	return recFilter{device: filterAll, profile: filterAll, finding: -1}
}

// filter returns the items that pass f, in list order. A search passes
// over the items hidden says are hidden (nil: none is).
func (ix *recIndex) filter(f recFilter, hidden func(int) bool) []int {
	var only []int // the finding's items, when filtered by one
	if f.finding >= 0 && f.finding < len(ix.findings) {
		only = ix.findings[f.finding]
	}
	pass := func(k int) bool {
		it := &ix.items[k]
		switch {
		case f.flagged && !it.flagged,
			!matchIndex(f.device, it.device),
			!matchIndex(f.profile, it.profile),
			f.from != "" && (it.day == "" || it.day < f.from),
			f.to != "" && (it.day == "" || it.day > f.to),
			f.query != "" && (hidden != nil && hidden(k) || !strings.Contains(ix.searchText(k), f.query)):
			return false
		}
		return true
	}
	var out []int
	if f.finding >= 0 {
		out = make([]int, 0, len(only))
		for _, k := range only {
			if k >= 0 && k < len(ix.items) && pass(k) {
				out = append(out, k)
			}
		}
		return out
	}
	out = make([]int, 0, len(ix.items))
	for k := range ix.items {
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
	case filterAll:
		return true
	case filterNone:
		return have < 0
	}
	return have == want
}

// dayRange is the first and last day of the recordings, for the date inputs.
func (ix *recIndex) dayRange() (first, last string) {
	for _, it := range ix.items {
		if it.day == "" {
			continue
		}
		if first == "" || it.day < first {
			first = it.day
		}
		if it.day > last {
			last = it.day
		}
	}
	return first, last
}

// flaggedSet marks the recordings that a mismatch or likely finding names
// (indexes into Export.Recordings; the session keeps it).
func flaggedSet(r *check.Report) map[int]bool {
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

// paceUI lets the browser have its thread (archive.Yield, at most every
// 30 ms of work) every 256th step i of a loop over recordings or findings.
// Only for code that runs off the UI goroutine or before a render, never in
// Render itself.
func paceUI(i int) {
	if i%256 == 255 {
		archive.Yield()
	}
}
