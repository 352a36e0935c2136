package ui

import (
	"exportlens/app/archive"
	"exportlens/app/browser"
	"exportlens/app/check"
	"exportlens/app/export"
	"exportlens/app/view"
)

// State keys. Both are set without Persist or Broadcast: memory only.
const (
	stateSession = "session"
	stateLang    = "lang"
)

// status of the session.
type status int

const (
	statusEmpty   status = iota // nothing opened yet
	statusLoading               // reading the inputs
	statusLoaded                // checked; Report is set
	statusFailed                // nothing could be read; Err says why
)

// session is what is open. Pages get a copy through the state; the pointers
// are shared and never changed after publication (a re-check publishes a
// new Report).
type session struct {
	Gen    int // increases with every open and cancel, so stale results are dropped
	Status status
	// Files are the files opened on their own, in the order of the inputs
	// given to archive.Open: archive.Span.Input indexes them. Folders come
	// after them there (their entries never have a Span).
	Files    []*browser.File
	Folders  []*browser.Folder
	Demo     string // the bundled demo being shown ("" for the person's own files)
	Progress archive.Progress
	Tree     *archive.Tree
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
	// Chosen are the files as given to the open, folders' files included,
	// so that "add files" can open the union.
	Chosen   []*browser.File
	Devices  []view.DeviceRow  // the overview's device table, derived once per check
	Profiles []view.ProfileRow // the overview's voice profile table
	Flagged  map[int]bool      // recordings a mismatch or likely finding names
	// Lifted is what the person chose to see of the records hidden to
	// protect someone else (protect.go). A new open starts without it.
	Lifted lifted
	// Excerpts are the recordings (check.RecordingRef) whose words the
	// person chose to put into the evidence pack (recordings-excerpts.go). A new open
	// starts without them.
	Excerpts []string
	Err      error // why nothing could be read (statusFailed)
	// Unreadable lists every input that could not be read when none could
	// (statusFailed); Err is the first of them.
	Unreadable []*archive.Error
	Canceled   bool // the person cancelled the last open
	// Indexed: the recordings' index was made after the verdict was shown
	// (afterVerdict); the overview shows its timeline from then on.
	Indexed bool
}

// loaded reports whether a report is there to show.
func (s session) loaded() bool { return s.Status == statusLoaded && s.Report != nil }
