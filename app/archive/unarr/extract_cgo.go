//go:build !wasm && cgo

package unarr

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"time"
	"unsafe"

	"github.com/gen2brain/go-unarr/unarrc"
)

const available = true

// extract writes every member of a.archive to a.out/files/<index> and one
// manifest line per member. It uses unarrc, the C binding under go-unarr,
// directly: go-unarr's Read reports len(buf) whatever was written, its
// ReadAll allocates the declared size and its Name rewrites names. Here every
// request is exactly the bytes still owed by a member bounded by the limits,
// and the name reaches the manifest as unarr decoded it.
func extract(a childArgs) error {
	stream := unarrc.OpenFile(a.archive)
	if stream == nil {
		return errors.New("cannot open the archive")
	}
	defer unarrc.Close(stream)
	ar := openArchive(stream)
	if ar == nil {
		return errors.New("not a RAR, ZIP, 7z or tar archive, or damaged")
	}
	defer unarrc.CloseArchive(ar)

	files := filepath.Join(a.out, filesDir)
	if err := os.Mkdir(files, 0o700); err != nil {
		return err
	}
	mf, err := os.OpenFile(filepath.Join(a.out, manifestName), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	mw := bufio.NewWriter(mf)
	enc := json.NewEncoder(mw)
	enc.SetEscapeHTML(false)

	buf := make([]byte, 256<<10)
	var total int64
	for i := 0; ; i++ {
		if !unarrc.ParseEntry(ar) {
			if unarrc.AtEof(ar) {
				break
			}
			return fmt.Errorf("cannot read the header of member %d: the archive is damaged", i+1)
		}
		if i >= a.lim.MaxEntries {
			return fmt.Errorf("more than %d members (the limit)", a.lim.MaxEntries)
		}
		name := unarrc.EntryGetName(ar)
		if len(name) > maxNameBytes {
			return fmt.Errorf("member %d: name of %d bytes, over the limit of %d", i+1, len(name), maxNameBytes)
		}
		declared := uint64(unarrc.EntryGetSize(ar))
		if declared > math.MaxInt64 || int64(declared) > a.lim.MaxEntrySize {
			return fmt.Errorf("member %q declares %d bytes, over the limit of %d", name, declared, a.lim.MaxEntrySize)
		}
		size := int64(declared)
		if total += size; total > a.lim.MaxTotalBytes {
			return fmt.Errorf("members declare more than %d bytes in total (the limit)", a.lim.MaxTotalBytes)
		}
		// Every member is written whole and exactly at its declared size,
		// so the declared sizes are what the disk takes: stop before the
		// member that would pass the budget, not after writing it.
		if total > a.lim.MaxDisk {
			return diskError(a.lim.MaxDisk)
		}
		rec := record{Name: name, Size: size, MTime: unixTime(unarrc.EntryGetFiletime(ar))}
		stored := filepath.Join(files, storedName(i))
		if err := writeMember(ar, stored, size, buf); err != nil {
			os.Remove(stored)
			var werr writeError
			if errors.As(err, &werr) {
				return werr.err // our disk, not the archive: give up
			}
			rec.Err = err.Error()
		} else {
			rec.File = storedName(i)
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	if err := mw.Flush(); err != nil {
		return err
	}
	return mf.Close()
}

// openArchive tries the formats in go-unarr's order.
func openArchive(s *unarrc.Stream) *unarrc.Archive {
	if ar := unarrc.OpenRarArchive(s); ar != nil {
		return ar
	}
	if ar := unarrc.OpenZipArchive(s, false); ar != nil {
		return ar
	}
	if ar := unarrc.Open7zArchive(s); ar != nil {
		return ar
	}
	return unarrc.OpenTarArchive(s)
}

type writeError struct{ err error }

func (w writeError) Error() string { return w.err.Error() }

// writeMember decompresses exactly size bytes of the current member into a
// new file. unarr fails a request for more than the member has left, so each
// request is min(len(buf), what is left) and never zero (an empty slice
// would give C a pointer past the end).
func writeMember(ar *unarrc.Archive, dst string, size int64, buf []byte) error {
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return writeError{err}
	}
	w := bufio.NewWriterSize(f, 0) // buf is already large; write straight through
	for left := size; left > 0; {
		n := int(min(int64(len(buf)), left))
		if !unarrc.EntryUncompress(ar, unsafe.Pointer(&buf[0]), uint(n)) {
			f.Close()
			return errors.New("cannot decompress: damaged, encrypted, an unsupported method, or over the memory limit")
		}
		if _, err := w.Write(buf[:n]); err != nil {
			f.Close()
			return writeError{err}
		}
		left -= int64(n)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return writeError{err}
	}
	if err := f.Close(); err != nil {
		return writeError{err}
	}
	return nil
}

// unixTime converts a Windows FILETIME (100 ns ticks since 1601) to Unix
// seconds. 0 means unknown, and so does 1979-11-30 00:00:00, which is what
// unarr makes of a ZIP's DOS date 0 (no DOS date can name a day before 1980).
func unixTime(filetime int) int64 {
	if filetime <= 0 {
		return 0
	}
	t := int64(filetime)/10_000_000 - 11_644_473_600
	if t == dosDateZero {
		return 0
	}
	return t
}

var dosDateZero = time.Date(1979, 11, 30, 0, 0, 0, 0, time.UTC).Unix()
