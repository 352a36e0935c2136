//go:build !wasm

package unarr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"exportlens/app/archive"
)

// Defaults for the zero Unpacker.
const (
	DefaultTimeout     = 10 * time.Minute // a multi-GB RAR takes minutes; a stuck decoder is stopped
	DefaultMemoryLimit = 1 << 30          // address space of the child, in bytes
)

// Errors that Unpack wraps, for errors.Is.
var (
	ErrUnavailable = errors.New("unavailable in this build (it needs cgo)")
	ErrTimeout     = errors.New("time limit exceeded")
	ErrMemory      = errors.New("memory limit exceeded")
	ErrCrashed     = errors.New("the decoder crashed")
)

// Unpacker implements archive.Unpacker with unarr in a child process.
type Unpacker struct {
	Timeout     time.Duration // wall-clock limit for one archive; zero means DefaultTimeout
	MemoryLimit uint64        // address-space limit of the child in bytes; zero means DefaultMemoryLimit
}

var _ archive.Unpacker = (*Unpacker)(nil)

// Unpack extracts the archive to a temporary directory and returns its
// members as an *FS (see FS.Members for the names as written). close removes
// every temporary file. Non-positive fields of lim take the DefaultLimits value.
func (u *Unpacker) Unpack(ctx context.Context, name string, r io.ReaderAt, size int64, lim archive.Limits) (fs.FS, func() error, error) {
	fail := func(format string, a ...any) (fs.FS, func() error, error) {
		return nil, nil, fmt.Errorf("unarr: %s: "+format, append([]any{name}, a...)...)
	}
	if !available {
		return fail("%w", ErrUnavailable)
	}
	if size <= 0 { // unarr panics on empty input; there is nothing to unpack anyway
		return fail("empty file")
	}
	l := limitsOf(lim, size)
	tmp, err := os.MkdirTemp("", "exportlens-unarr-")
	if err != nil {
		return fail("%w", err)
	}
	var once sync.Once
	var closeErr error
	closeFn := func() error {
		once.Do(func() { closeErr = os.RemoveAll(tmp) })
		return closeErr
	}
	fsys, err := u.unpack(ctx, tmp, r, size, l)
	if err != nil {
		closeFn()
		return fail("%w", err)
	}
	return fsys, closeFn, nil
}

func (u *Unpacker) unpack(ctx context.Context, tmp string, r io.ReaderAt, size int64, l limits) (*FS, error) {
	arc := filepath.Join(tmp, "archive")
	if err := copyArchive(ctx, arc, r, size); err != nil {
		return nil, err
	}
	out := filepath.Join(tmp, "out")
	if err := os.Mkdir(out, 0o700); err != nil {
		return nil, err
	}
	if err := u.run(ctx, arc, out, l); err != nil {
		return nil, err
	}
	mf, err := os.Open(filepath.Join(out, manifestName))
	if err != nil {
		return nil, err
	}
	defer mf.Close()
	recs, err := readManifest(mf, l)
	if err != nil {
		return nil, err
	}
	return newFS(filepath.Join(out, filesDir), recs)
}

// copyArchive streams the archive to a file for the child, never holding it
// in memory, and stops when ctx is done.
func copyArchive(ctx context.Context, dst string, r io.ReaderAt, size int64) error {
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	n, err := io.Copy(f, ctxReader{ctx, io.NewSectionReader(r, 0, size)})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && n != size {
		err = fmt.Errorf("read %d of %d bytes", n, size)
	}
	return err
}

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// childEnv marks the re-executed binary as the unarr child.
const childEnv = "EXPORTLENS_UNARR_CHILD"

// IsChild reports whether this process was started by Unpack as its child;
// main then calls ChildMain and nothing else.
func IsChild() bool { return os.Getenv(childEnv) == "1" }

// childErrPrefix marks the child's one-line error on stderr, so that it is
// told apart from whatever else (a Go runtime crash) may be written there.
const childErrPrefix = "unarr-child: "

// run executes the child and turns the ways it can end into plain errors.
func (u *Unpacker) run(ctx context.Context, arc, out string, l limits) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	timeout := u.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	mem := u.MemoryLimit
	if mem == 0 {
		mem = DefaultMemoryLimit
	}
	tctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(tctx, exe,
		"-archive", arc, "-out", out,
		"-max-entries", strconv.Itoa(l.MaxEntries),
		"-max-entry-size", strconv.FormatInt(l.MaxEntrySize, 10),
		"-max-total", strconv.FormatInt(l.MaxTotalBytes, 10),
		"-max-disk", strconv.FormatInt(l.MaxDisk, 10),
		"-memory", strconv.FormatUint(mem, 10),
		"-cpu-seconds", strconv.FormatInt(int64(timeout/time.Second)+5, 10),
	)
	// One thread does the work; fewer threads also keep the address space small.
	cmd.Env = append(os.Environ(), childEnv+"=1", "GOMAXPROCS=1", "GOTRACEBACK=single")
	stderr := &headBuffer{max: 16 << 10}
	cmd.Stderr = stderr
	cmd.SysProcAttr = childProcAttr()
	cmd.WaitDelay = time.Second
	// Pdeathsig fires when the forking thread exits, not the process: keep
	// this goroutine on its thread until the child is done.
	runtime.LockOSThread()
	err = cmd.Run()
	runtime.UnlockOSThread()
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err() // the caller gave up; not the archive's fault
	}
	if tctx.Err() != nil {
		return fmt.Errorf("%w (stopped after %v)", ErrTimeout, timeout)
	}
	return childError(err, stderr.String(), mem)
}

// childError explains why the child failed, from its exit and its stderr.
func childError(err error, stderr string, mem uint64) error {
	for line := range strings.Lines(stderr) {
		if reason, ok := strings.CutPrefix(line, childErrPrefix); ok {
			reason = strings.TrimSpace(reason)
			if rest, ok := strings.CutPrefix(reason, ErrDisk.Error()); ok {
				return fmt.Errorf("%w%s", ErrDisk, rest)
			}
			return errors.New(reason)
		}
	}
	low := strings.ToLower(stderr)
	switch {
	case strings.Contains(low, "out of memory") || strings.Contains(low, "cannot allocate memory"):
		return fmt.Errorf("%w (%d MiB)", ErrMemory, mem>>20)
	case strings.Contains(stderr, "SIG") || strings.Contains(stderr, "fatal error") || strings.Contains(stderr, "panic:"):
		return fmt.Errorf("%w (%s): the archive is probably damaged", ErrCrashed, firstLine(stderr))
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ProcessState != nil {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			// Nobody but the kernel's out-of-memory killer sends it here.
			return fmt.Errorf("%w: the unpacker was killed (%d MiB limit)", ErrMemory, mem>>20)
		}
	}
	if s := firstLine(stderr); s != "" {
		return fmt.Errorf("unpacker failed: %v: %s", err, s)
	}
	return fmt.Errorf("unpacker failed: %w", err)
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// headBuffer keeps the first max bytes written to it: the child's error line
// and a runtime crash's reason come first; a traceback may follow at length.
type headBuffer struct {
	bytes.Buffer
	max int
}

func (h *headBuffer) Write(p []byte) (int, error) {
	if room := h.max - h.Len(); room > 0 {
		h.Buffer.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

// limits are archive.Limits with defaults filled in: the parts that bound
// what the child extracts.
type limits struct {
	MaxEntries    int
	MaxEntrySize  int64
	MaxTotalBytes int64
	MaxDisk       int64 // temporary disk the members may take
}

// ErrDisk: the members would take more temporary disk than allowed
// (archive.Limits.MaxTempDisk, by default a few times the archive's size).
var ErrDisk = archive.ErrTempDisk

func diskError(max int64) error {
	return fmt.Errorf("%w: it would write more than %d MB to temporary disk", ErrDisk, max/1e6)
}

func limitsOf(l archive.Limits, size int64) limits {
	d := archive.DefaultLimits()
	out := limits{MaxEntries: l.MaxEntries, MaxEntrySize: l.MaxEntrySize, MaxTotalBytes: l.MaxTotalBytes, MaxDisk: l.MaxTempDisk}
	if out.MaxDisk <= 0 {
		out.MaxDisk = archive.TempDiskFor(size)
	}
	if out.MaxEntries <= 0 {
		out.MaxEntries = d.MaxEntries
	}
	if out.MaxEntrySize <= 0 {
		out.MaxEntrySize = d.MaxEntrySize
	}
	if out.MaxTotalBytes <= 0 {
		out.MaxTotalBytes = d.MaxTotalBytes
	}
	return out
}
