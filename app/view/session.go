package view

import (
	"exportlens/app/check"
	"exportlens/app/export"
)

// Status of a session.
type Status int

const (
	StatusEmpty   Status = iota // nothing opened yet
	StatusLoading               // reading the inputs
	StatusLoaded                // checked; Report is set
	StatusFailed                // nothing could be read; Err says why
)

// Session is what is open: the export read, its report and what the
// person said about it. The viewer keeps it in memory only, and shares
// copies: the pointers are never changed after publication (a re-check
// makes a new Report). The chosen files themselves are the page's.
type Session struct {
	Gen      int // increases with every open and cancel, so stale results are dropped
	Status   Status
	Demo     string // the bundled demo being shown ("" for the person's own files)
	Progress Progress
	Tree     *Tree
	Export   *export.Export
	Report   *check.Report
	Declared check.Declared
	// Unsure: the person answered "not sure" to the report's question
	// (check.Report.Question); the checks are the same as without an
	// answer, only the overview says what would settle it.
	Unsure bool
	// KeepFacts: the next open carries Declared (and Unsure) over to the
	// export it opens. Off unless the person ticks it, and off again after
	// that open: declared facts belong to the export they were given for.
	KeepFacts bool
	// FactsDropped: the export open before this one had declared facts,
	// and they were not carried over (the overview says so).
	FactsDropped bool
	Devices      []DeviceRow  // the overview's device table, made by Judge
	Profiles     []ProfileRow // the overview's voice profile table
	Flagged      map[int]bool // recordings a mismatch or likely finding names (FlaggedSet)
	// Excerpts are the recordings (check.RecordingRef) whose words the
	// person chose to put into the evidence pack. A new open starts
	// without them.
	Excerpts []string
	Err      error // why nothing could be read (StatusFailed)
	// Unreadable lists every input that could not be read when none could
	// (StatusFailed); Err is the first of them.
	Unreadable []*ReadError
	Canceled   bool // the person cancelled the last open
	// Indexed: the recordings' index was made after the verdict was shown;
	// the overview shows its timeline from then on.
	Indexed bool
	// Layout is the layout file the person loaded (the command's --layout),
	// named LayoutName; nil: the default layout. It stays for every open
	// until it is removed, in this page's memory only.
	Layout     *export.Layout
	LayoutName string
	// LayoutErr: why the layout file LayoutTried, chosen last, cannot be
	// used (its validation message, as the command gives it); the layout
	// in use, if any, stays.
	LayoutErr   error
	LayoutTried string
}

// Loaded reports whether a report is there to show.
func (s Session) Loaded() bool { return s.Status == StatusLoaded && s.Report != nil }

// Judge is s with its export checked (run: Steps.Check) against the facts
// s declares, the report listing inputs as the command line does, and the
// overview's tables made: what the verdict needs. A panic in run fails the
// session with an error naming the first input.
func (s Session) Judge(run func(*export.Export, check.Declared) *check.Report, inputs []check.Input) Session {
	var rep *check.Report
	first := func() string {
		if len(inputs) > 0 {
			return inputs[0].Name
		}
		return ""
	}
	if err := Guard(first, func() error {
		rep = run(s.Export, s.Declared)
		return nil
	}); err != nil {
		s.Status, s.Err, s.Unreadable, s.Report = StatusFailed, err, nil, nil
		return s
	}
	rep.Inputs = inputs
	s.Report = rep
	s.Devices = DeviceRows(rep, s.Export)
	s.Profiles = ProfileRows(rep, s.Export)
	s.Flagged = FlaggedSet(rep)
	s.Status = StatusLoaded
	return s
}
