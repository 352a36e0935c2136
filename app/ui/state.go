package ui

import (
	"exportlens/app/archive"
	"exportlens/app/browser"
	"exportlens/app/check"
	"exportlens/app/export"
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
	Gen      int // increases with every open, so stale progress is dropped
	Status   status
	Files    []*browser.File
	Progress archive.Progress
	Tree     *archive.Tree
	Export   *export.Export
	Report   *check.Report
	Declared check.Declared
	Devices  []deviceRow  // the overview's device table, derived once per check
	Profiles []profileRow // the overview's voice profile table
	Flagged  map[int]bool // recordings a mismatch or likely finding names
	Err      error        // why nothing could be read (statusFailed)
	Canceled bool         // the person cancelled the last open
}

// loaded reports whether a report is there to show.
func (s session) loaded() bool { return s.Status == statusLoaded && s.Report != nil }
