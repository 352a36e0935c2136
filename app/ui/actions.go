package ui

import (
	"context"
	"errors"
	"io"
	"path"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
	"exportlens/app/check"
	"exportlens/app/export"
	"exportlens/app/view"
)

// Action names. Handlers run on goroutines of their own (app.Handle), where
// awaiting JS promises (the Blob reads) is safe.
const (
	actionOpen    = "open"    // Value: []*browser.File, openRequest or demo
	actionCancel  = "cancel"  // no value
	actionDeclare = "declare" // Value: check.Declared
	actionAdd     = "add"     // Value: []*browser.File, added to what is open
	actionAnswer  = "answer"  // Value: answer, to the report's question
	actionKeep    = "keep"    // Value: bool, carry the declared facts over to the next open
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
var current currentSession

type currentSession struct {
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

// changeLoaded lets change alter the open session when it is still
// generation gen and loaded, and publishes it when change says it changed
// something; change gets a copy, so a published session is never altered.
func changeLoaded(ctx app.Context, gen int, change func(*session) bool) {
	current.mu.Lock()
	defer current.mu.Unlock()
	s := current.s
	if s.Gen != gen || !s.Loaded() {
		return
	}
	if change(&s) {
		publish(ctx, s)
	}
}

// onOpen reads the chosen files (view.Steps.Read) and checks them
// (view.Session.Judge).
//
// A panic anywhere in it becomes the page's error naming the file being read
// (see guard); the page stays usable and the next open starts afresh.
func onOpen(ctx app.Context, a app.Action) {
	stopWarm()
	name := ""
	if err := view.Guard(func() string { return name }, func() error {
		name = openName(a.Value)
		openValue(ctx, a)
		return nil
	}); err != nil {
		failOpen(ctx, err)
	}
}

// openName names what an open action reads, for an error that knows no
// better: the first file, or the demo.
func openName(v any) string {
	var files []*browser.File
	switch v := v.(type) {
	case []*browser.File:
		files = v
	case openRequest:
		files = v.Files
	case addRequest:
		files = v.Files
	case demo:
		return v.Name
	}
	if len(files) > 0 && files[0] != nil {
		return files[0].Name()
	}
	return ""
}

// failOpen shows err as the outcome of the open in progress, as when
// nothing could be read; the open's reads are cancelled.
func failOpen(ctx app.Context, err error) {
	current.mu.Lock()
	defer current.mu.Unlock()
	if !stopLoading() {
		return
	}
	s := current.s
	if s.Tree != nil {
		s.Tree.Close()
	}
	s.Status, s.Err, s.Unreadable, s.Tree, s.Export, s.Report = view.StatusFailed, err, nil, nil, nil, nil
	publish(ctx, s)
}

func openValue(ctx app.Context, a app.Action) {
	var req openRequest
	switch v := a.Value.(type) {
	case []*browser.File:
		req.Files = v
	case openRequest:
		req = v
	case demo:
		openDemo(ctx, v)
		return
	case addRequest:
		addFiles(ctx, v.Files)
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
			finish(ctx, gen, nil, nil, &view.ReadError{Part: path.Base(u), Err: err})
			return
		}
		files = append(files, f)
	}
	load(ctx, run, gen, files)
}

// addRequest is the value of the open action for "add files": the files
// are added to the export that is open.
type addRequest struct{ Files []*browser.File }

// onAdd opens the files that are open together with the chosen ones (a
// Takeout part a finding says is missing), keeping the declared facts.
func onAdd(ctx app.Context, a app.Action) {
	files, ok := a.Value.([]*browser.File)
	if !ok || len(files) == 0 {
		return
	}
	onOpen(ctx, app.Action{Name: actionOpen, Value: addRequest{Files: files}})
}

// addFiles re-opens the union of the open inputs and files, with the
// declared facts and the answer of the open export.
func addFiles(ctx app.Context, files []*browser.File) {
	current.mu.Lock()
	prev := current.s
	current.mu.Unlock()
	all := unionFiles(prev.Chosen, files)
	d := prev.Declared
	run, gen := beginKeeping(ctx, "", &d, prev.Unsure)
	load(ctx, run, gen, all)
}

// unionFiles is open followed by the added files that are not already
// open: the same File, or a file of the same name and size (chosen twice).
func unionFiles(open, added []*browser.File) []*browser.File {
	out := slices.Clone(open)
	for _, f := range added {
		if f == nil || slices.ContainsFunc(out, func(g *browser.File) bool {
			return g == f || g.Name() == f.Name() && g.Size() == f.Size()
		}) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// nextFacts are the declared facts (and the "not sure" answer) a new open
// starts with: the ones given with it (a demo's, or the open export's when
// files are added); else those of the open export only when the person
// chose to carry them over; else none, and dropped says that facts were
// left behind. Issue 7, point 9: the 2018 demo's "I own no voice-assistant
// device" made the next, clean export "not yours".
func nextFacts(prev session, given *check.Declared) (d check.Declared, unsure, dropped bool) {
	switch {
	case given != nil:
		return *given, false, false
	case prev.KeepFacts:
		return prev.Declared, prev.Unsure, false
	}
	return normalDeclared(check.Declared{}), false, declaredCount(prev.Declared) > 0
}

// declaredCount is how many facts d declares.
func declaredCount(d check.Declared) int {
	n := len(d.Emails) + len(d.CustomerIDs) + len(d.Devices)
	if d.NoDevices {
		n++
	}
	if d.OwnsDevice {
		n++
	}
	return n
}

// begin replaces what is open by a new session in the loading state and
// returns the context of its reads and its generation.
func begin(ctx app.Context, demoName string, declared *check.Declared) (context.Context, int) {
	d, unsure, dropped := nextFacts(current.snapshot(), declared)
	run, gen := beginKeeping(ctx, demoName, &d, unsure)
	if dropped {
		current.mu.Lock()
		if current.s.Gen == gen {
			current.s.FactsDropped = true
			publish(ctx, current.s)
		}
		current.mu.Unlock()
	}
	return run, gen
}

// snapshot is the current session, read under current.mu.
func (c *currentSession) snapshot() session {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.s
}

func beginKeeping(ctx app.Context, demoName string, declared *check.Declared, unsure bool) (context.Context, int) {
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
	s := session{Session: view.Session{Gen: current.s.Gen + 1, Status: view.StatusLoading, Declared: *declared, Unsure: unsure, Demo: demoName,
		Layout: current.s.Layout, LayoutName: current.s.LayoutName}}
	publish(ctx, s)
	return run, s.Gen
}

// load opens files as session gen: plain files first, then each folder as
// one input, the way the command line opens a folder, so parts are named
// alike ("amazon/Alexa.zip").
func load(ctx app.Context, run context.Context, gen int, files []*browser.File) {
	// The choice's task ends here, with the loading state drawn: run on,
	// the first reads made it one task of 51-54 ms (BenchmarkBrowserOpenBig,
	// stored 10k).
	yieldNow()
	// The collections of the opening each get a task of their own.
	defer browser.PaceGC()()
	plain, folders := browser.Group(files)
	inputs := make([]view.Input, 0, len(plain)+len(folders))
	var total int64
	var read atomic.Int64 // bytes of the plain files read so far
	var track readTracker
	y := new(yielder)
	for _, f := range plain {
		r := trackedReaderAt{yieldingReaderAt{browser.ReaderAtContext(run, f.ReaderAt()), y}, f.Name(), &track}
		inputs = append(inputs, view.Input{Name: f.Name(), R: r, Size: f.Size()})
		total += f.Size()
	}
	for _, d := range folders {
		inputs = append(inputs, view.Input{Name: d.Name(), FS: trackedFS{d.FS(run), d.Name(), &track}})
	}
	update := func(change func(*session)) {
		current.mu.Lock()
		defer current.mu.Unlock()
		if current.s.Gen == gen && current.s.Status == view.StatusLoading {
			next := current.s
			change(&next)
			publish(ctx, next)
		}
	}
	update(func(s *session) {
		s.Files, s.Folders, s.Chosen = plain, folders, files
		s.Progress = view.Progress{Total: total}
	})

	// The listing reports entries every thousand of them; the bytes are
	// shown as they are read, so that a slow disk shows movement too.
	var entries atomic.Int64
	opts := view.ReadOptions{Read: &read, Progress: func(p view.Progress) {
		entries.Store(int64(p.Entries))
		y.maybe()
	}}
	tick := time.NewTicker(progressEvery)
	stop := make(chan struct{})
	defer close(stop) // also when a step panicked
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
	tree, x, err := readExport(run, inputs, opts, &track, view.Default, current.snapshot().Layout)
	if s, ok := finish(ctx, gen, tree, x, err); ok {
		afterVerdict(ctx, s)
	}
}

// readExport lists the inputs and loads the export (view.Steps.Read:
// list, then load). A panic in either becomes a *view.PanicError naming the input (or
// the folder's file) read last; a tree already listed is returned with it,
// for the caller to close.
func readExport(run context.Context, inputs []view.Input, opts view.ReadOptions, track *readTracker, st view.Steps, layout *export.Layout) (tree *view.Tree, x *export.Export, err error) {
	first := ""
	if len(inputs) > 0 {
		first = inputs[0].Name
	}
	err = view.Guard(func() string { return track.name(first) }, func() error {
		o, err := st.Read(run, inputs, opts, layout, view.Hooks{
			Stage: func(name string) func() {
				stage := browser.StartStage()
				return func() { stage.End("exportlens:" + name) }
			},
			Listed:  func(t *view.Tree) { tree = t },
			Between: yieldNow, // listing and loading are each one stretch of work
		})
		tree, x = o.Tree, o.Export
		return err
	})
	if err != nil {
		x = nil
	}
	return tree, x, err
}

// yieldEvery bounds how long the pipeline keeps the browser's only thread.
// Go's wasm returns to the event loop only when every goroutine waits, and
// reads served from the block cache do not wait: a member inflated or
// parsed from cached blocks would freeze the page (clicks, Cancel, paint)
// until it is done. So every read checks the clock and, once this much has
// passed, sleeps a moment, which hands the thread back to the browser.
const yieldEvery = 40 * time.Millisecond

// yielder is the clock of yieldEvery, shared by the inputs of one open.
// The clock runs only while reads follow each other: a read after a pause
// of yieldEvery or more (the first audio read when a recording is played,
// long after the verdict) starts a stretch of its own, for the page has had
// its turns meanwhile. It used to yield at once, which put a turn of the
// event loop between the click and the sound.
type yielder struct {
	last  atomic.Int64 // when the stretch began or last yielded
	seen  atomic.Int64 // when maybe was called last
	pause func()       // yieldNow; tests count the yields
}

// maybe yields when yieldEvery has passed since the stretch began or last
// yielded.
func (y *yielder) maybe() {
	now := time.Now().UnixNano()
	seen := y.seen.Swap(now)
	if seen == 0 || now-seen >= int64(yieldEvery) {
		y.last.Store(now)
		return
	}
	if now-y.last.Load() < int64(yieldEvery) {
		return
	}
	if y.pause != nil {
		y.pause()
	} else {
		yieldNow()
	}
	y.last.Store(time.Now().UnixNano())
}

// yieldNow hands the thread back to the browser for a moment, between two
// stretches of work that do not wait for anything.
func yieldNow() { browser.Pause() }

// yieldingReaderAt yields (yielder.maybe) before every read.
type yieldingReaderAt struct {
	r io.ReaderAt
	y *yielder
}

func (r yieldingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	r.y.maybe()
	return r.r.ReadAt(p, off)
}

// finish publishes the outcome of session gen's open, unless a newer open or
// a cancel replaced it, and returns the session it published; ok when that
// has an export checked.
func finish(ctx app.Context, gen int, tree *view.Tree, x *export.Export, err error) (_ session, ok bool) {
	current.mu.Lock()
	defer current.mu.Unlock()
	s := current.s
	if s.Gen != gen || s.Status != view.StatusLoading {
		if tree != nil {
			tree.Close() // replaced or cancelled while reading
		}
		return s, false
	}
	switch {
	case errors.Is(err, context.Canceled):
		s.Status, s.Canceled = view.StatusEmpty, true
	case err == nil && x == nil:
		// Nothing could be listed: every input is a problem
		// (view.Outcome.NothingRead).
		s.Status, s.Err = view.StatusFailed, errors.New("archive: nothing could be read")
		if tree != nil && len(tree.Problems) > 0 {
			s.Unreadable, s.Err = tree.Problems, tree.Problems[0]
		}
	case err != nil:
		s.Status, s.Err = view.StatusFailed, err
		var ae *view.ReadError
		if errors.As(err, &ae) {
			s.Unreadable = []*view.ReadError{ae}
		}
	}
	if s.Status != view.StatusLoading {
		if tree != nil {
			tree.Close()
		}
		publish(ctx, s)
		return s, false
	}
	s.Tree, s.Export = tree, x
	s = checked(s, view.Default.Check)
	shown := browser.StartStage()
	publish(ctx, s)
	shown.EndAtPaint("exportlens:show")
	return s, s.Status == view.StatusLoaded
}

// afterVerdict makes what follows the verdict of s, just shown: the index
// of the recordings (the timeline, the Recordings page, what is hidden).
// It runs without current.mu: a cancel or a new open need not wait for it.
func afterVerdict(ctx app.Context, s session) {
	yieldNow()
	stage := browser.StartStage()
	prepareRecIndex(s)
	stage.End("exportlens:prepare")
	current.mu.Lock()
	defer current.mu.Unlock()
	if c := current.s; c.Gen == s.Gen && c.Report == s.Report {
		// A changed session: go-app renders again only what changed.
		c.Indexed = true
		publish(ctx, c) // the overview's timeline now has its index
	}
}

// recheck runs the checks on s's export with s's declared facts. A panic
// in check.Run fails the session with an error naming the first input.
func recheck(s session) session { return recheckWith(s, view.Default.Check) }

func recheckWith(s session, run func(*export.Export, check.Declared) *check.Report) session {
	if s = checked(s, run); s.Status == view.StatusLoaded {
		prepareRecIndex(s)
		yieldNow()
	}
	return s
}

// checked is s with its report and the overview's tables: what the
// verdict needs. The recordings' index (prepareRecIndex) is not made.
func checked(s session, run func(*export.Export, check.Declared) *check.Report) session {
	// check.Run reads nothing, so it never waits: the browser gets its
	// thread back before it, and again before the result is rendered.
	yieldNow()
	stage := browser.StartStage()
	// As the command line lists them: a folder has no size of its own.
	inputs := make([]check.Input, 0, len(s.Files)+len(s.Folders))
	for _, f := range s.Files {
		inputs = append(inputs, check.Input{Name: f.Name(), Size: f.Size()})
	}
	for _, d := range s.Folders {
		inputs = append(inputs, check.Input{Name: d.Name(), Folder: true})
	}
	s.Session = s.Session.Judge(run, inputs)
	stage.End("exportlens:check")
	return s
}

// stopLoading cancels the reads of the open in progress and reports
// whether there was one. current.mu is held.
func stopLoading() bool {
	if current.s.Status != view.StatusLoading {
		return false
	}
	if current.cancel != nil {
		current.cancel()
		current.cancel = nil
	}
	return true
}

// onCancel stops the open in progress. The page shows "cancelled" at once;
// the reading goroutine stops at its next read (its reads fail once the
// context is done) and its result is dropped.
func onCancel(ctx app.Context, a app.Action) {
	current.mu.Lock()
	defer current.mu.Unlock()
	if !stopLoading() {
		return
	}
	publish(ctx, session{Session: view.Session{Gen: current.s.Gen + 1, Status: view.StatusEmpty, Canceled: true, Declared: current.s.Declared}})
}

// answer is the person's answer to the report's question.
type answer string

const (
	answerYes    answer = "yes"
	answerNo     answer = "no"
	answerUnsure answer = "unsure"
)

// answered sets the declared facts that an answer to the voice-device
// question stands for: no is "no voice device", yes is "a voice device of
// unknown serial"; not sure declares neither.
func answered(d check.Declared, a answer) (check.Declared, bool) {
	switch a {
	case answerYes:
		d.NoDevices, d.OwnsDevice = false, true
	case answerNo:
		d.NoDevices, d.OwnsDevice = true, false
	default:
		d.NoDevices, d.OwnsDevice = false, false
		return d, true
	}
	return d, false
}

// onAnswer takes the answer to the report's question and checks again.
func onAnswer(ctx app.Context, a app.Action) {
	ans, ok := a.Value.(answer)
	if !ok {
		return
	}
	current.mu.Lock()
	defer current.mu.Unlock()
	s := current.s
	s.Declared, s.Unsure = answered(s.Declared, ans)
	if s.Export != nil && s.Status == view.StatusLoaded {
		s = recheck(s)
	}
	publish(ctx, s)
}

// onKeep remembers whether the next open carries the declared facts over.
func onKeep(ctx app.Context, a app.Action) {
	keep, ok := a.Value.(bool)
	if !ok {
		return
	}
	current.mu.Lock()
	defer current.mu.Unlock()
	s := current.s
	s.KeepFacts = keep
	publish(ctx, s)
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
	if s.Declared.NoDevices || s.Declared.OwnsDevice {
		s.Unsure = false
	}
	if s.Export != nil && s.Status == view.StatusLoaded {
		s = recheck(s)
	}
	publish(ctx, s)
}

// audioURLGuarded is audioURL with a panic turned into the player's error,
// naming the recording's audio file.
func audioURLGuarded(ix *view.Recordings, k int, files []*browser.File) (u string, err error) {
	if perr := view.Guard(func() string {
		part, p := ix.AudioOf(k)
		return ix.Report.Name(part, p)
	}, func() error {
		u, err = audioURL(ix, k, files)
		return nil
	}); perr != nil {
		return "", perr
	}
	return u, err
}
