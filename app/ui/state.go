package ui

import (
	"exportlens/app/browser"
	"exportlens/app/view"
)

// State keys. Both are set without Persist or Broadcast: memory only.
const (
	stateSession = "session"
	stateLang    = "lang"
)

// session is what is open (view.Session) with the files it was read from.
// Pages get a copy through the state; the pointers are shared and never
// changed after publication.
type session struct {
	view.Session
	// Files are the files opened on their own, in the order of the inputs
	// given to view.Steps.Read: a member's Span.Input indexes them. Folders
	// come after them there (their entries never have a Span).
	Files   []*browser.File
	Folders []*browser.Folder
	// Chosen are the files as given to the open, folders' files included,
	// so that "add files" can open the union.
	Chosen []*browser.File
	// Lifted is what the person chose to see of the records hidden to
	// protect someone else (view.Protection). A new open starts without it.
	Lifted view.Lifted
}
