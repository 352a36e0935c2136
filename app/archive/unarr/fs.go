//go:build !wasm

package unarr

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Member describes one member of an unpacked archive.
type Member struct {
	Name      string    // as written in the archive (decoded to UTF-8 by unarr)
	Path      string    // where it is in the FS: the cleaned name, unique
	Size      int64     // bytes, as declared and as extracted
	Modified  time.Time // zero when unknown
	Unsafe    bool      // the name was absolute or climbed out with ".."
	Duplicate bool      // an earlier member had the same cleaned path, so Path has a "~N" suffix
	Err       error     // why it could not be extracted; opening it returns this error
}

// FS serves the members of an unpacked archive, read-only, at their cleaned
// names. A member that could not be extracted is listed (so it is never lost
// silently) but opening it fails with Member.Err.
type FS struct {
	dir     string // the child's files directory
	members []Member
	stored  []string            // stored file per member, "" when Err is set
	files   map[string]int      // path -> member index
	dirs    map[string][]dirent // directory path ("." is the root) -> sorted children
}

// Members returns every member in archive order.
func (f *FS) Members() []Member { return slices.Clone(f.members) }

type dirent struct {
	name  string
	isDir bool
	index int // member index when !isDir
}

// newFS builds the tree from the manifest records. dir is the directory
// holding the stored files; each must be a regular file of the declared
// size, because the child's output is not trusted.
func newFS(dir string, recs []record) (*FS, error) {
	f := &FS{
		dir:   dir,
		files: make(map[string]int, len(recs)),
		dirs:  map[string][]dirent{".": nil},
	}
	paths := newPathSet()
	for i, rec := range recs {
		clean, unsafe := cleanName(rec.Name)
		p, renamed := paths.add(clean)
		if !fs.ValidPath(p) { // cannot happen by construction; refuse rather than serve it
			return nil, fmt.Errorf("member %q: invalid path %q", rec.Name, p)
		}
		m := Member{Name: rec.Name, Path: p, Size: rec.Size, Unsafe: unsafe, Duplicate: renamed}
		if rec.MTime != 0 {
			m.Modified = time.Unix(rec.MTime, 0).UTC()
		}
		stored := ""
		if rec.Err != "" {
			m.Err = errors.New(rec.Err)
		} else {
			stored = filepath.Join(dir, rec.File)
			fi, err := os.Lstat(stored)
			if err != nil {
				return nil, fmt.Errorf("member %q: %w", rec.Name, err)
			}
			if !fi.Mode().IsRegular() || fi.Size() != rec.Size {
				return nil, fmt.Errorf("member %q: extracted file is not the %d bytes declared", rec.Name, rec.Size)
			}
		}
		f.members = append(f.members, m)
		f.stored = append(f.stored, stored)
		f.files[p] = i
		f.link(p, i)
	}
	for d := range f.dirs {
		slices.SortFunc(f.dirs[d], func(a, b dirent) int { return strings.Compare(a.name, b.name) })
	}
	return f, nil
}

// link adds the file p to its directory and creates the missing directories above it.
func (f *FS) link(p string, index int) {
	child := dirent{name: path.Base(p), index: index}
	for d := path.Dir(p); ; d = path.Dir(d) {
		_, exists := f.dirs[d]
		f.dirs[d] = append(f.dirs[d], child)
		if exists || d == "." {
			return
		}
		child = dirent{name: path.Base(d), isDir: true}
	}
}

// Open implements fs.FS.
func (f *FS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if i, ok := f.files[name]; ok {
		if err := f.members[i].Err; err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		osf, err := os.Open(f.stored[i])
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return &file{f: osf, info: f.fileInfo(i)}, nil
	}
	if ents, ok := f.dirs[name]; ok {
		return &dir{fsys: f, info: dirInfo(name), ents: ents}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// Stat implements fs.StatFS without opening the stored file.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	if i, ok := f.files[name]; ok && fs.ValidPath(name) {
		return f.fileInfo(i), nil
	}
	if _, ok := f.dirs[name]; ok && fs.ValidPath(name) {
		return dirInfo(name), nil
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
}

// ReadDir implements fs.ReadDirFS.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	ents, ok := f.dirs[name]
	if !ok || !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	return f.entries(ents), nil
}

func (f *FS) entries(ents []dirent) []fs.DirEntry {
	out := make([]fs.DirEntry, len(ents))
	for i, e := range ents {
		if e.isDir {
			out[i] = fs.FileInfoToDirEntry(info{name: e.name, mode: fs.ModeDir | 0o555})
		} else {
			out[i] = fs.FileInfoToDirEntry(f.fileInfo(e.index))
		}
	}
	return out
}

func (f *FS) fileInfo(i int) info {
	m := &f.members[i]
	return info{name: path.Base(m.Path), size: m.Size, mode: 0o444, mod: m.Modified, member: m}
}

func dirInfo(name string) info {
	return info{name: path.Base(name), mode: fs.ModeDir | 0o555}
}

// info is the fs.FileInfo of a member or directory. Sys returns the *Member
// of a file, so a walker can reach the original name and flags.
type info struct {
	name   string
	size   int64
	mode   fs.FileMode
	mod    time.Time
	member *Member
}

func (i info) Name() string       { return i.name }
func (i info) Size() int64        { return i.size }
func (i info) Mode() fs.FileMode  { return i.mode }
func (i info) ModTime() time.Time { return i.mod }
func (i info) IsDir() bool        { return i.mode.IsDir() }
func (i info) Sys() any {
	if i.member == nil {
		return nil
	}
	return i.member
}

// file is an open member: a read-only stored file that reports the member's
// name. It offers ReadAt and Seek, so nested archives can be read in place.
type file struct {
	f    *os.File
	info info
}

func (f *file) Stat() (fs.FileInfo, error)                { return f.info, nil }
func (f *file) Read(p []byte) (int, error)                { return f.f.Read(p) }
func (f *file) ReadAt(p []byte, off int64) (int, error)   { return f.f.ReadAt(p, off) }
func (f *file) Seek(off int64, whence int) (int64, error) { return f.f.Seek(off, whence) }
func (f *file) Close() error                              { return f.f.Close() }

// dir is an open directory.
type dir struct {
	fsys *FS
	info info
	ents []dirent
	off  int
}

func (d *dir) Stat() (fs.FileInfo, error) { return d.info, nil }
func (d *dir) Close() error               { return nil }
func (d *dir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.info.name, Err: errors.New("is a directory")}
}

// ReadDir implements fs.ReadDirFile.
func (d *dir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.ents[d.off:]
	if n > 0 && len(rest) == 0 {
		return nil, io.EOF
	}
	if n > 0 && n < len(rest) {
		rest = rest[:n]
	}
	d.off += len(rest)
	return d.fsys.entries(rest), nil
}
