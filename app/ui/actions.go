package ui

import (
	"context"
	"errors"
	"path"
	"sync"
	"sync/atomic"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/archive"
	"exportlens/app/browser"
	"exportlens/app/check"
	"exportlens/app/export"
)

// Action names. Handlers run on goroutines of their own (app.Handle), where
// awaiting JS promises (the Blob reads) is safe.
const (
	actionOpen    = "open"    // Value: []*browser.File, openRequest or demo
	actionCancel  = "cancel"  // no value
	actionDeclare = "declare" // Value: check.Declared
)

// openRequest is the value of the open action when more than files is given.
type openRequest struct {
	Files []*browser.File
	// Declared replaces what the person entered in "about you" (a demo's
	// facts); nil keeps it.
	Declared *check.Declared
}

// progressEvery throttles progress updates: each one re-renders the page.
const progressEvery = 100 * time.Millisecond

// current is the authoritative session; the state holds published copies.
// Handlers run concurrently, so every change goes through mu.
var current struct {
	mu sync.Mutex
	s  session
	// cancel ends the reads of the current session's inputs: the open in
	// progress, or, once loaded, the tree's readers when the next open
	// replaces it. It is not called when loading succeeds: the pages go on
	// reading the files through those readers.
	cancel context.CancelFunc
}

// publish stores s as the current session and shows it. current.mu is held.
func publish(ctx app.Context, s session) {
	current.s = s
	ctx.SetState(stateSession, s)
}

// onOpen reads the chosen files: archive.Open -> export.Load -> check.Run.
func onOpen(ctx app.Context, a app.Action) {
	var req openRequest
	switch v := a.Value.(type) {
	case []*browser.File:
		req.Files = v
	case openRequest:
		req = v
	case demo:
		openDemo(ctx, v)
		return
	default:
		return
	}
	if len(req.Files) == 0 {
		return
	}
	run, gen := begin(ctx, "", req.Declared)
	load(ctx, run, gen, req.Files)
}

// openDemo fetches a bundled demo's files (same-origin GETs of the app's own
// files), then opens them like chosen files, with the demo's facts filled in.
func openDemo(ctx app.Context, d demo) {
	if len(d.Files) == 0 {
		return
	}
	declared := normalDeclared(d.Declared)
	run, gen := begin(ctx, d.Name, &declared)
	files := make([]*browser.File, 0, len(d.Files))
	for _, u := range d.Files {
		f, err := browser.FetchFile(run, ctx.ResolveStaticResource(u), path.Base(u))
		if err != nil {
			finish(ctx, gen, nil, nil, &archive.Error{Part: path.Base(u), Err: err})
			return
		}
		files = append(files, f)
	}
	load(ctx, run, gen, files)
}

// begin replaces what is open by a new session in the loading state and
// returns the context of its reads and its generation.
func begin(ctx app.Context, demoName string, declared *check.Declared) (context.Context, int) {
	current.mu.Lock()
	defer current.mu.Unlock()
	if current.cancel != nil {
		current.cancel()
	}
	if current.s.Tree != nil {
		current.s.Tree.Close()
	}
	run, cancel := context.WithCancel(context.Background())
	current.cancel = cancel
	s := session{Gen: current.s.Gen + 1, Status: statusLoading, Declared: current.s.Declared, Demo: demoName}
	if declared != nil {
		s.Declared = *declared
	}
	publish(ctx, s)
	return run, s.Gen
}

// load opens files as session gen: plain files first, then each folder as
// one input, the way the command line opens a folder, so parts are named
// alike ("amazon/Alexa.zip").
func load(ctx app.Context, run context.Context, gen int, files []*browser.File) {
	plain, folders := browser.Group(files)
	inputs := make([]archive.Input, 0, len(plain)+len(folders))
	var total int64
	var read atomic.Int64 // bytes of the plain files read so far
	for _, f := range plain {
		inputs = append(inputs, archive.Input{Name: f.Name(), R: browser.ReaderAtContext(run, f.ReaderAt()), Size: f.Size()})
		total += f.Size()
	}
	for _, d := range folders {
		inputs = append(inputs, archive.Input{Name: d.Name(), FS: d.FS(run)})
	}
	update := func(change func(*session)) {
		current.mu.Lock()
		defer current.mu.Unlock()
		if current.s.Gen == gen && current.s.Status == statusLoading {
			next := current.s
			change(&next)
			publish(ctx, next)
		}
	}
	update(func(s *session) {
		s.Files, s.Folders = plain, folders
		s.Progress = archive.Progress{Total: total}
	})

	// archive.Open reports entries every thousand of them; the bytes are
	// shown as they are read, so that a slow disk shows movement too.
	var entries atomic.Int64
	opts := archive.Options{Read: &read, Progress: func(p archive.Progress) { entries.Store(int64(p.Entries)) }}
	tick := time.NewTicker(progressEvery)
	stop := make(chan struct{})
	go func() {
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				update(func(s *session) {
					s.Progress.Bytes, s.Progress.Entries = min(read.Load(), total), int(entries.Load())
				})
			}
		}
	}()
	tree, err := archive.Open(run, inputs, opts)
	var x *export.Export
	if err == nil && len(tree.Entries) > 0 {
		x, err = export.Load(run, tree, nil)
	}
	close(stop)
	finish(ctx, gen, tree, x, err)
}

// finish publishes the outcome of session gen's open, unless a newer open or
// a cancel replaced it.
func finish(ctx app.Context, gen int, tree *archive.Tree, x *export.Export, err error) {
	current.mu.Lock()
	defer current.mu.Unlock()
	s := current.s
	if s.Gen != gen || s.Status != statusLoading {
		if tree != nil {
			tree.Close() // replaced or cancelled while reading
		}
		return
	}
	switch {
	case errors.Is(err, context.Canceled):
		s.Status, s.Canceled = statusEmpty, true
	case err == nil && x == nil:
		// Nothing could be listed: every input is a problem.
		s.Status, s.Unreadable = statusFailed, tree.Problems
		s.Err = errors.New("archive: nothing could be read")
		if len(tree.Problems) > 0 {
			s.Err = tree.Problems[0]
		}
	case err != nil:
		s.Status, s.Err = statusFailed, err
		var ae *archive.Error
		if errors.As(err, &ae) {
			s.Unreadable = []*archive.Error{ae}
		}
	}
	if s.Status != statusLoading {
		if tree != nil {
			tree.Close()
		}
		publish(ctx, s)
		return
	}
	s.Tree, s.Export = tree, x
	publish(ctx, recheck(s))
}

// recheck runs the checks on s's export with s's declared facts.
func recheck(s session) session {
	s.Report = check.Run(s.Export, s.Declared)
	// As the command line lists them: a folder has no size of its own.
	s.Report.Inputs = make([]check.Input, 0, len(s.Files)+len(s.Folders))
	for _, f := range s.Files {
		s.Report.Inputs = append(s.Report.Inputs, check.Input{Name: f.Name(), Size: f.Size()})
	}
	for _, d := range s.Folders {
		s.Report.Inputs = append(s.Report.Inputs, check.Input{Name: d.Name()})
	}
	s.Devices = deviceRows(s.Report, s.Export)
	s.Profiles = profileRows(s.Report, s.Export)
	s.Flagged = flaggedSet(s.Report)
	s.Status = statusLoaded
	return s
}

// onCancel stops the open in progress. The page shows "cancelled" at once;
// the reading goroutine stops at its next read (its reads fail once the
// context is done) and its result is dropped.
func onCancel(ctx app.Context, a app.Action) {
	current.mu.Lock()
	defer current.mu.Unlock()
	if current.s.Status != statusLoading {
		return
	}
	if current.cancel != nil {
		current.cancel()
		current.cancel = nil
	}
	publish(ctx, session{Gen: current.s.Gen + 1, Status: statusEmpty, Canceled: true, Declared: current.s.Declared})
}

// onDeclare keeps what the person says about themselves and checks again:
// the export stays open, only check.Run runs.
func onDeclare(ctx app.Context, a app.Action) {
	d, ok := a.Value.(check.Declared)
	if !ok {
		return
	}
	current.mu.Lock()
	defer current.mu.Unlock()
	s := current.s
	s.Declared = normalDeclared(d)
	if s.Export != nil && s.Status == statusLoaded {
		s = recheck(s)
	}
	publish(ctx, s)
}
