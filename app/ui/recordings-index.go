package ui

import (
	"sync/atomic"

	"exportlens/app/view"
)

// The index of the open session, kept while the session's report stays.
// Used from the UI goroutine only (Render and handlers).
var recIndexCache *view.Recordings

// preparedIndex is the index recheck built for the session it publishes,
// off the UI goroutine and with yields (prepareRecIndex): built in the
// first Render instead, a big export's index and timeline held the page
// 100-200 ms in one stretch.
var preparedIndex atomic.Pointer[view.Recordings]

// prepareRecIndex builds s's index and its timeline for recIndexOf to
// adopt. It runs where the pipeline runs, so it may yield.
func prepareRecIndex(s session) {
	if !s.Loaded() || s.Export == nil || s.Report == nil {
		return
	}
	ix := view.NewRecordings(s.Export, s.Report, s.Tree, s.Devices, s.Profiles)
	ix.Timeline()
	ix.Series()
	preparedIndex.Store(ix)
}

// recIndexOf returns the index of s, building it when s's report changed.
func recIndexOf(s session) *view.Recordings {
	if !s.Loaded() || s.Export == nil {
		return nil
	}
	if ix := readyIndex(s); ix != nil {
		return ix
	}
	recIndexCache = view.NewRecordings(s.Export, s.Report, s.Tree, s.Devices, s.Profiles)
	return recIndexCache
}

// readyIndex returns the index of s when it is made already (prepared
// after the verdict, or built for a page), else nil. The overview shows
// the verdict without waiting for it: afterVerdict prepares it and shows
// the page again.
func readyIndex(s session) *view.Recordings {
	if !s.Loaded() || s.Export == nil {
		return nil
	}
	same := func(c *view.Recordings) bool { return c.Indexes(s.Export, s.Report, s.Tree) }
	if c := recIndexCache; same(c) {
		return c
	}
	if p := preparedIndex.Load(); same(p) {
		recIndexCache = p
		return p
	}
	return nil
}
