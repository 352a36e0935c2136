//go:build !wasm

package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"exportlens/app/archive"
	"exportlens/app/archive/unarr"
	"exportlens/app/check"
	"exportlens/app/export"
	"exportlens/app/pack"
	"exportlens/app/view"
)

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

type checkArgs struct {
	json     bool
	batch    bool // --batch: each child of each path is an export of its own
	csv      bool // --csv: the batch's table as CSV
	jobs     int  // --jobs: exports checked at once in a batch
	lang     string
	pack     string // --pack FILE: also write the evidence pack there
	letter   string // --letter de|en: print the two letters instead of the report
	layout   string
	declared check.Declared
	excerpts []string // recordings whose words go into the pack (--excerpt)
	paths    []string
}

// parseCheckArgs accepts flags before, between and after the paths, as people type them.
func parseCheckArgs(args []string, stderr io.Writer) (checkArgs, error) {
	var a checkArgs
	var emails, ids, devices, notDevices, notProfiles, mineRecs, notMineRecs, excerpts listFlag
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&a.json, "json", false, "print the report as JSON")
	fs.BoolVar(&a.batch, "batch", false, "check many exports: each file or folder in each `PATH` is one export (the parts of one Takeout job together)")
	fs.BoolVar(&a.csv, "csv", false, "with --batch: print the table as CSV")
	fs.IntVar(&a.jobs, "jobs", 0, "with --batch: how many exports are checked at once (default: one per core, at most 8)")
	fs.StringVar(&a.lang, "lang", "en", "language of the text report: en or de")
	fs.StringVar(&a.pack, "pack", "", "also write the evidence pack (report, letters; no recordings or transcripts) to `FILE`, a ZIP")
	fs.StringVar(&a.letter, "letter", "", "print the letter to the company and the complaint to the authority in `LANG` (en or de) instead of the report")
	fs.StringVar(&a.layout, "layout", "", "JSON `file` that overrides the assumed file and column names")
	fs.Var(&emails, "email", "your e-mail `address` (repeatable)")
	fs.Var(&ids, "customer-id", "your customer `ID` (repeatable)")
	fs.Var(&devices, "device", "the `serial` of a device you own (repeatable); spaces and hyphens are ignored")
	fs.Var(&notDevices, "not-my-device", "the `serial` of a device in the export that is not yours (repeatable): its recordings are flagged")
	fs.Var(&notProfiles, "not-my-profile", "the `ID` of a voice profile in the export that is not yours (repeatable): its recordings are flagged")
	fs.Var(&mineRecs, "my-recording", "a recording that is yours (repeatable), named by its audio file's path or name, or by its record's place (path#line, path#pointer): what a check could not tell about it is settled")
	fs.Var(&notMineRecs, "not-my-recording", "a recording that is not yours (repeatable), named as for --my-recording: it is flagged")
	fs.Var(&excerpts, "excerpt", "with --pack: put what a recording says into the pack's report.txt, under its own heading (repeatable), named as for --my-recording; it may be another person's words")
	fs.BoolVar(&a.declared.NoDevices, "no-devices", false, "you own no voice-assistant device")
	fs.BoolVar(&a.declared.OwnsDevice, "owns-device", false, "you own a device that records your voice for Alexa, serial unknown")
	for {
		if err := fs.Parse(args); err != nil {
			return a, err
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		a.paths = append(a.paths, args[0])
		args = args[1:]
	}
	if len(a.paths) == 0 {
		return a, errors.New("no export given: name one or more files or folders")
	}
	if a.declared.NoDevices && a.declared.OwnsDevice {
		return a, errors.New("--no-devices contradicts --owns-device: give one or the other")
	}
	if a.lang != "en" && a.lang != "de" {
		return a, fmt.Errorf("--lang %q: use en or de", a.lang)
	}
	if a.letter != "" && a.letter != "en" && a.letter != "de" {
		return a, fmt.Errorf("--letter %q: use en or de", a.letter)
	}
	if a.batch {
		// One person's facts and one pack belong to one export.
		personal := len(emails)+len(ids)+len(devices)+len(notDevices)+len(notProfiles)+len(mineRecs)+len(notMineRecs) > 0 ||
			a.declared.NoDevices || a.declared.OwnsDevice
		switch {
		case personal:
			return a, errors.New("--batch checks the exports of many people: leave out what you declare about yourself (--email, --customer-id, --device, --no-devices, the marks)")
		case a.pack != "" || a.letter != "" || len(excerpts) > 0:
			return a, errors.New("--batch writes no evidence pack or letters: check one export with --pack or --letter")
		case a.csv && a.json:
			return a, errors.New("--csv and --json: give one of them")
		case a.jobs < 0:
			return a, fmt.Errorf("--jobs %d: give a number of at least 1", a.jobs)
		}
	} else if a.csv || a.jobs != 0 {
		return a, errors.New("--csv and --jobs go with --batch")
	}
	if len(excerpts) > 0 && a.pack == "" {
		return a, errors.New("--excerpt chooses what the evidence pack holds: give --pack FILE too")
	}
	if a.letter != "" && a.json {
		return a, errors.New("--letter prints letters instead of the report: leave out --json")
	}
	// The pack is in the language asked for: --lang, else the letters'.
	langSet := false
	fs.Visit(func(f *flag.Flag) { langSet = langSet || f.Name == "lang" })
	if a.letter != "" && !langSet {
		a.lang = a.letter
	}
	a.declared.Emails = nonNil(emails)
	a.declared.CustomerIDs = nonNil(ids)
	a.declared.Devices = nonNil(devices)
	a.declared.NotMineDevices, a.declared.NotMineProfiles = notDevices, notProfiles
	a.declared.MineRecordings, a.declared.NotMineRecordings = mineRecs, notMineRecs
	a.excerpts = excerpts
	return a, nil
}

func nonNil(l listFlag) []string {
	if l == nil {
		return []string{}
	}
	return l
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	a, err := parseCheckArgs(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stderr, "exportlens check: %v\n", err)
		}
		return check.ExitUnreadable
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	var layout *export.Layout
	if a.layout != "" {
		layout, err = loadLayout(a.layout)
		if err != nil {
			fmt.Fprintf(stderr, "exportlens check: %v\n", err)
			return check.ExitUnreadable
		}
	}
	if a.batch {
		return runBatch(ctx, a, layout, stdout, stderr)
	}
	rep, x, done, err := examine(ctx, a.paths, layout, a.declared, stderr)
	if err != nil {
		var u unreadable
		if errors.As(err, &u) {
			for _, p := range u.problems {
				fmt.Fprintf(stderr, "exportlens check: %v\n", p)
			}
		} else {
			fmt.Fprintf(stderr, "exportlens check: %v\n", err)
		}
		return check.ExitUnreadable
	}
	defer done()
	meta := pack.Meta{Made: packTime(), Lang: a.lang, Declared: a.declared}
	if a.pack != "" {
		var missing []string
		meta.Excerpts, missing = pack.Excerpts(x, a.excerpts, a.lang)
		for _, m := range missing {
			fmt.Fprintf(stderr, "exportlens check: --excerpt %q: no recording of the export is named so; the pack is written without it\n", m)
		}
		if err := writePack(a.pack, rep, meta); err != nil {
			fmt.Fprintf(stderr, "exportlens check: %v\n", err)
			return check.ExitUnreadable
		}
	}
	switch {
	case a.letter != "":
		meta.Lang = a.letter
		if l := pack.Letters(rep, meta); l != "" {
			if _, err := io.WriteString(stdout, l); err != nil {
				fmt.Fprintf(stderr, "exportlens check: %v\n", err)
				return check.ExitUnreadable
			}
		} else {
			fmt.Fprintf(stderr, "exportlens check: %s\n", pack.NoLetter(rep, a.letter))
		}
	case a.json:
		js, err := pack.ReportJSON(rep)
		if err == nil {
			_, err = stdout.Write(js)
		}
		if err != nil {
			fmt.Fprintf(stderr, "exportlens check: %v\n", err)
			return check.ExitUnreadable
		}
	default:
		if err := rep.WriteText(stdout, a.lang); err != nil {
			fmt.Fprintf(stderr, "exportlens check: %v\n", err)
			return check.ExitUnreadable
		}
	}
	return rep.ExitCode()
}

// unreadable is examine's error when nothing of an export could be read:
// each problem, one per file.
type unreadable struct{ problems []error }

func (u unreadable) Error() string {
	if len(u.problems) == 0 {
		return "nothing could be read"
	}
	msgs := make([]string, len(u.problems))
	for i, p := range u.problems {
		msgs[i] = p.Error()
	}
	return strings.Join(msgs, "; ")
}

// examine reads the export made of paths and checks it: the report (its
// inputs with their SHA-256) and the export, which stays usable until done
// is called. A progress line goes to progressTo when it is a terminal
// (nil: none). The error is unreadable when nothing of the export could be
// read.
func examine(ctx context.Context, paths []string, layout *export.Layout, declared check.Declared, progressTo io.Writer) (*check.Report, *export.Export, func(), error) {
	inputs, closeInputs, err := openInputs(paths)
	if err != nil {
		return nil, nil, nil, err
	}
	// Hash the inputs while they are being read: on a large export this is the
	// slowest part, and it needs no result of the rest.
	opts := archive.Options{Unpacker: &unarr.Unpacker{}}
	var hashed *atomic.Int64
	if progressTo != nil {
		if p := newProgress(progressTo, inputs); p != nil {
			opts.Progress = p.report
			hashed = &p.hashed
			defer p.done()
		}
	}
	hashes := make([]string, len(inputs))
	var wg sync.WaitGroup
	for i, in := range inputs {
		if in.R == nil {
			continue
		}
		wg.Go(func() { hashes[i] = hashInput(in, hashed) })
	}
	read, err := view.Default.Read(ctx, inputs, opts, layout, view.Hooks{})
	done := func() {
		if read.Tree != nil {
			read.Tree.Close()
		}
		closeInputs()
	}
	fail := func(err error) (*check.Report, *export.Export, func(), error) {
		wg.Wait()
		done()
		return nil, nil, nil, err
	}
	if err != nil {
		return fail(err)
	}
	if read.NothingRead() {
		u := unreadable{}
		for _, p := range read.Tree.Problems {
			u.problems = append(u.problems, p)
		}
		return fail(u)
	}
	rep := view.Default.Check(read.Export, declared)
	wg.Wait()
	rep.Inputs = make([]check.Input, len(inputs))
	for i, in := range inputs {
		rep.Inputs[i] = check.Input{Name: in.Name, Size: in.Size, SHA256: hashes[i], Folder: in.FS != nil}
	}
	return rep, read.Export, done, nil
}

// packTime is when the pack and letters are made: now, or SOURCE_DATE_EPOCH
// (seconds since 1970) when set, the reproducible-builds convention, so that
// the same export gives the same pack byte for byte.
func packTime() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Now().UTC()
}

// writePack writes the evidence pack to name, through a temporary file in
// the same folder, so that a failed write leaves no half a pack.
func writePack(name string, rep *check.Report, m pack.Meta) error {
	b, err := pack.Build(rep, m)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".exportlens-pack-*")
	if err != nil {
		return fmt.Errorf("--pack: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("--pack %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("--pack %s: %w", name, err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("--pack %s: %w", name, err)
	}
	return nil
}

func loadLayout(name string) (*export.Layout, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("layout: %w", err)
	}
	defer f.Close()
	l, err := export.ReadLayout(f)
	if err != nil {
		return nil, fmt.Errorf("layout %s: %w", name, err)
	}
	return l, nil
}

// openInputs opens every path: a file as an io.ReaderAt, a folder as an fs.FS.
// Names are the base names the person sees, so reports do not depend on where
// the export was saved.
func openInputs(paths []string) ([]archive.Input, func(), error) {
	var files []*os.File
	closeAll := func() {
		for _, f := range files {
			f.Close()
		}
	}
	inputs := make([]archive.Input, 0, len(paths))
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			closeAll()
			return nil, nil, fmt.Errorf("%s: %w", p, errors.Unwrap(err))
		}
		name := filepath.Base(filepath.Clean(p))
		if st.IsDir() {
			inputs = append(inputs, archive.Input{Name: name, FS: os.DirFS(p)})
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			closeAll()
			return nil, nil, fmt.Errorf("%s: %w", p, errors.Unwrap(err))
		}
		files = append(files, f)
		inputs = append(inputs, archive.Input{Name: name, R: f, Size: st.Size()})
	}
	return inputs, closeAll, nil
}

// hashInput returns the SHA-256 of a file input; counted (may be nil) is
// advanced as bytes are hashed.
func hashInput(in archive.Input, counted *atomic.Int64) string {
	h := sha256.New()
	buf := make([]byte, 1<<20)
	for off := int64(0); off < in.Size; {
		n, err := in.R.ReadAt(buf[:min(int64(len(buf)), in.Size-off)], off)
		h.Write(buf[:n])
		off += int64(n)
		if counted != nil {
			counted.Add(int64(n))
		}
		if err != nil && !(errors.Is(err, io.EOF) && off == in.Size) {
			return ""
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// progress prints a one-line progress report on stderr while a large export
// is read (directories and entries found, bytes hashed); only when stderr is a
// terminal, so logs and pipes stay clean, and only once the work has taken
// long enough to be worth a line.
type progress struct {
	w       io.Writer
	total   int64
	entries atomic.Int64
	hashed  atomic.Int64
	stop    chan struct{}
	stopped chan struct{}
}

const (
	progressMinBytes = 256 << 20
	progressDelay    = 500 * time.Millisecond
)

func newProgress(w io.Writer, inputs []archive.Input) *progress {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	var total int64
	for _, in := range inputs {
		total += in.Size
	}
	if total < progressMinBytes {
		return nil
	}
	p := &progress{w: w, total: total, stop: make(chan struct{}), stopped: make(chan struct{})}
	go p.loop()
	return p
}

func (p *progress) loop() {
	defer close(p.stopped)
	shown := false
	timer := time.NewTimer(progressDelay)
	defer timer.Stop()
	for {
		select {
		case <-p.stop:
			if shown {
				fmt.Fprint(p.w, "\r\033[K")
			}
			return
		case <-timer.C:
			shown = true
			fmt.Fprintf(p.w, "\rreading: %d entries, %d of %d MB checked", p.entries.Load(), p.hashed.Load()>>20, p.total>>20)
			timer.Reset(200 * time.Millisecond)
		}
	}
}

// report receives archive.Open's progress.
func (p *progress) report(pr archive.Progress) { p.entries.Store(int64(pr.Entries)) }

func (p *progress) done() {
	close(p.stop)
	<-p.stopped
}
