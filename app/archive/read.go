package archive

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sync/atomic"
)

// exactReader yields exactly the declared size of an entry. Headers lie: a
// stream that ends early or goes on is an error, and it never hands out a
// byte beyond the declared size, so a deflate bomb cannot grow the reader's
// output past what the limits accepted.
type exactReader struct {
	rc         io.ReadCloser
	left       int64
	e          *Entry
	err        error
	sinceYield int
}

// yieldBytes is how much data an entry delivers between Yield
// calls, about a millisecond of inflating: in the browser a long read
// (a nested archive inflated, a table skimmed) must let the page answer.
const yieldBytes = 1 << 20

func (r *exactReader) Read(p []byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	if r.left == 0 {
		// All declared bytes were delivered; the stream must end here.
		var one [1]byte
		n, err := r.rc.Read(one[:])
		switch {
		case n > 0, errors.Is(err, zip.ErrFormat):
			// archive/zip says ErrFormat, after the declared size, only
			// when more data follows: it is the same lie in other words.
			r.err = r.e.fail(fmt.Errorf("%w: size is larger than declared", ErrSizeMismatch))
		case err == io.EOF:
			r.err = io.EOF
		case err != nil:
			// A checksum or decoding error at the very end: damage, not a size lie.
			r.err = r.e.fail(readErr(err))
		default:
			return 0, nil
		}
		return 0, r.err
	}
	if int64(len(p)) > r.left {
		p = p[:r.left]
	}
	n, err := r.rc.Read(p)
	r.left -= int64(n)
	if r.sinceYield += n; r.sinceYield >= yieldBytes {
		r.sinceYield = 0
		Yield()
	}
	switch {
	case err == io.EOF && r.left > 0:
		r.err = r.e.fail(fmt.Errorf("%w: size is smaller than declared", ErrSizeMismatch))
		return n, r.err
	case err == io.EOF:
		// Go's zip reader verifies the checksum at EOF; ours is done too.
		r.err = io.EOF
		return n, io.EOF
	case err != nil:
		r.err = r.e.fail(readErr(err))
		return n, r.err
	}
	return n, nil
}

func (r *exactReader) Close() error { return r.rc.Close() }

// readErr classifies an error of a member's data: decoders report damage in
// many ways (checksum, corrupt input, unexpected EOF); all mean ErrTruncated.
func readErr(err error) error {
	for _, known := range []error{ErrSizeMismatch, ErrTruncated, ErrOverlap, ErrUnsupported, ErrEncrypted} {
		if errors.Is(err, known) {
			return err
		}
	}
	return fmt.Errorf("%w: %w", ErrTruncated, err)
}

// countingReaderAt counts the bytes read from an input, for Progress.
type countingReaderAt struct {
	r io.ReaderAt
	n *atomic.Int64
}

func (c countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.n.Add(int64(n))
	return n, err
}

// fsReaderAt reads a file of an fs.FS at random, opening it per call, so
// that Section needs nothing closed afterwards. It works when the file
// system's files implement io.ReaderAt (os.DirFS, fstest.MapFS, the
// browser's folder FS).
type fsReaderAt struct {
	fsys fs.FS
	name string
}

func (f fsReaderAt) ReadAt(p []byte, off int64) (int, error) {
	file, err := f.fsys.Open(f.name)
	if err != nil {
		return 0, err
	}
	defer file.Close()
	ra, ok := file.(io.ReaderAt)
	if !ok {
		return 0, fmt.Errorf("%w: %s cannot be read at random", ErrUnsupported, f.name)
	}
	return ra.ReadAt(p, off)
}

// readerAtOf reports whether the files of fsys support random access, by
// trying name.
func readerAtOf(fsys fs.FS, name string) (io.ReaderAt, error) {
	file, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	if _, ok := file.(io.ReaderAt); !ok {
		return nil, fmt.Errorf("%w: %s cannot be read at random", ErrUnsupported, name)
	}
	return fsReaderAt{fsys, name}, nil
}

// readCloser adds a Close to a reader.
type readCloser struct {
	io.Reader
	close func() error
}

func (r readCloser) Close() error {
	if r.close == nil {
		return nil
	}
	return r.close()
}
