package ui

import (
	"context"
	"errors"
	"sync"
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
	actionOpen    = "open"    // Value: []*browser.File
	actionCancel  = "cancel"  // no value
	actionDeclare = "declare" // Value: check.Declared
)

// progressEvery throttles progress updates: each one re-renders the page.
const progressEvery = 100 * time.Millisecond

// current is the authoritative session; the state holds published copies.
// Handlers run concurrently, so every change goes through mu.
var current struct {
	mu     sync.Mutex
	s      session
	cancel context.CancelFunc
}

// publish stores s as the current session and shows it.
func publish(ctx app.Context, s session) {
	current.s = s
	ctx.SetState(stateSession, s)
}

// onOpen reads the chosen files: archive.Open -> export.Load -> check.Run.
func onOpen(ctx app.Context, a app.Action) {
	files, ok := a.Value.([]*browser.File)
	if !ok || len(files) == 0 {
		return
	}
	current.mu.Lock()
	if current.cancel != nil {
		current.cancel()
	}
	if current.s.Tree != nil {
		current.s.Tree.Close()
	}
	run, cancel := context.WithCancel(context.Background())
	current.cancel = cancel
	s := session{Gen: current.s.Gen + 1, Status: statusLoading, Files: files, Declared: current.s.Declared}
	for _, f := range files {
		s.Progress.Total += f.Size()
	}
	publish(ctx, s)
	current.mu.Unlock()

	inputs := make([]archive.Input, len(files))
	for i, f := range files {
		inputs[i] = archive.Input{Name: f.Name(), R: f.ReaderAt(), Size: f.Size()}
	}
	var last time.Time
	opts := archive.Options{Progress: func(p archive.Progress) {
		if time.Since(last) < progressEvery {
			return
		}
		last = time.Now()
		current.mu.Lock()
		defer current.mu.Unlock()
		if current.s.Gen == s.Gen && current.s.Status == statusLoading {
			next := current.s
			next.Progress = p
			publish(ctx, next)
		}
	}}
	tree, err := archive.Open(run, inputs, opts)
	var x *export.Export
	if err == nil {
		if len(tree.Entries) == 0 && len(tree.Problems) > 0 {
			err = tree.Problems[0]
		} else {
			x, err = export.Load(run, tree, nil)
		}
	}

	current.mu.Lock()
	defer current.mu.Unlock()
	if current.s.Gen != s.Gen {
		if tree != nil {
			tree.Close() // a newer open replaced this one
		}
		return
	}
	cancel()
	current.cancel = nil
	if err != nil {
		if tree != nil {
			tree.Close()
		}
		s.Status, s.Err = statusFailed, err
		if errors.Is(err, context.Canceled) {
			s.Status, s.Err, s.Canceled = statusEmpty, nil, true
		}
		publish(ctx, s)
		return
	}
	s.Tree, s.Export = tree, x
	s.Declared = current.s.Declared // may have changed while reading
	s.Progress = current.s.Progress
	publish(ctx, recheck(s))
}

// recheck runs the checks on s's export with s's declared facts.
func recheck(s session) session {
	s.Report = check.Run(s.Export, s.Declared)
	s.Report.Inputs = make([]check.Input, len(s.Files))
	for i, f := range s.Files {
		s.Report.Inputs[i] = check.Input{Name: f.Name(), Size: f.Size()}
	}
	s.Devices = deviceRows(s.Report, s.Export)
	s.Profiles = profileRows(s.Report, s.Export)
	s.Flagged = flaggedSet(s.Report)
	s.Status = statusLoaded
	return s
}

// onCancel stops the open in progress.
func onCancel(ctx app.Context, a app.Action) {
	current.mu.Lock()
	defer current.mu.Unlock()
	if current.cancel != nil {
		current.cancel()
	}
}

// onDeclare keeps what the person says about themselves and checks again.
func onDeclare(ctx app.Context, a app.Action) {
	d, ok := a.Value.(check.Declared)
	if !ok {
		return
	}
	current.mu.Lock()
	defer current.mu.Unlock()
	s := current.s
	s.Declared = d
	if s.Export != nil && s.Status == statusLoaded {
		s = recheck(s)
	}
	publish(ctx, s)
}
