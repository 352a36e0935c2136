package browser

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// Folder is a folder the person chose (a folder picker) or dropped: the
// browser hands over its files one by one, each named by its path starting
// with the folder's name. A Folder puts them back together as one fs.FS, so
// the engine sees the same folder the command line sees through os.DirFS and
// names its parts alike ("amazon/Alexa.zip").
//
// Only the index of names lives in memory; every file's bytes are still read
// on demand through its ReaderAt.
type Folder struct {
	name  string
	files map[string]*File      // path below the folder -> file
	dirs  map[string][]dirEntry // directory path ("." for the root) -> its children, sorted
	size  int64
}

// Group splits what was chosen or dropped into plain files and folders. A
// file whose name has no slash is plain; the others belong to the folder
// named by their first path element. Folders come out sorted by name, plain
// files in the order given. A name that cannot be a path below a folder
// ("a//b", "a/../b") stays a plain file, so it is still read and named as
// the browser gave it.
func Group(files []*File) (plain []*File, folders []*Folder) {
	byName := map[string]*Folder{}
	for _, f := range files {
		root, rest, ok := strings.Cut(f.Name(), "/")
		if !ok || root == "" || rest == "" || !fs.ValidPath(root) || !fs.ValidPath(rest) {
			plain = append(plain, f)
			continue
		}
		d := byName[root]
		if d == nil {
			d = &Folder{name: root, files: map[string]*File{}, dirs: map[string][]dirEntry{".": nil}}
			byName[root] = d
			folders = append(folders, d)
		}
		if !d.add(rest, f) {
			plain = append(plain, f)
		}
	}
	for _, d := range folders {
		for k := range d.dirs {
			slices.SortFunc(d.dirs[k], func(a, b dirEntry) int { return strings.Compare(a.name, b.name) })
		}
	}
	slices.SortFunc(folders, func(a, b *Folder) int { return strings.Compare(a.name, b.name) })
	return plain, folders
}

// add places f at path p, creating the directories above it. It reports
// false when p clashes with what is there (a file where a directory is
// needed, or the same path twice): a real folder cannot hold that, so the
// file is handed back to be read on its own rather than silently dropped.
func (d *Folder) add(p string, f *File) bool {
	if _, dup := d.files[p]; dup {
		return false
	}
	if _, isDir := d.dirs[p]; isDir {
		return false
	}
	for dir := path.Dir(p); dir != "."; dir = path.Dir(dir) {
		if _, isFile := d.files[dir]; isFile {
			return false
		}
	}
	d.files[p] = f
	d.size += f.Size()
	child := dirEntry{name: path.Base(p), file: f}
	// Walk up until a directory that exists ("." always does), creating
	// each missing one as a child of the next.
	for dir := path.Dir(p); ; dir = path.Dir(dir) {
		_, known := d.dirs[dir]
		d.dirs[dir] = append(d.dirs[dir], child)
		if known {
			return true
		}
		child = dirEntry{name: path.Base(dir)}
	}
}

// Name is the folder's name, as the person sees it.
func (d *Folder) Name() string { return d.name }

// Size is the sum of the sizes of the folder's files.
func (d *Folder) Size() int64 { return d.size }

// Len is the number of files in the folder.
func (d *Folder) Len() int { return len(d.files) }

// FS is the folder as a file system. Its files implement io.ReaderAt (an
// archive inside the folder is read in place, not copied), and every read
// fails with ctx's error once ctx is done: cancelling stops the reading at
// the next block instead of after the whole walk.
func (d *Folder) FS(ctx context.Context) fs.FS { return folderFS{d: d, ctx: ctx} }

type folderFS struct {
	d   *Folder
	ctx context.Context
}

// Open implements fs.FS.
func (v folderFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if err := v.ctx.Err(); err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	if f, ok := v.d.files[name]; ok {
		return &folderFile{name: name, f: f, r: io.NewSectionReader(ctxReaderAt{v.ctx, f.ReaderAt()}, 0, f.Size())}, nil
	}
	if entries, ok := v.d.dirs[name]; ok {
		return &folderDir{name: name, entries: entries}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// ReadDir implements fs.ReadDirFS: fs.WalkDir then needs no open directories.
func (v folderFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, ok := v.d.dirs[name]
	if !ok {
		if _, isFile := v.d.files[name]; isFile {
			return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
		}
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	out := make([]fs.DirEntry, len(entries))
	for i, e := range entries {
		out[i] = e
	}
	return out, nil
}

// ctxReaderAt fails every read once ctx is done.
type ctxReaderAt struct {
	ctx context.Context
	r   io.ReaderAt
}

func (c ctxReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.ReadAt(p, off)
}

// dirEntry is one child of a directory: a file (file set) or a directory.
type dirEntry struct {
	name string
	file *File
}

func (e dirEntry) Name() string { return e.name }
func (e dirEntry) IsDir() bool  { return e.file == nil }
func (e dirEntry) Type() fs.FileMode {
	if e.file == nil {
		return fs.ModeDir
	}
	return 0
}
func (e dirEntry) Info() (fs.FileInfo, error) { return fileInfo(e), nil }

// fileInfo describes a file or directory of a Folder. The modification time
// is left zero: the browser's lastModified would make the same export read
// differently on two machines, and nothing in a report depends on it.
type fileInfo dirEntry

func (i fileInfo) Name() string { return i.name }
func (i fileInfo) Size() int64 {
	if i.file == nil {
		return 0
	}
	return i.file.Size()
}
func (i fileInfo) Mode() fs.FileMode {
	if i.file == nil {
		return fs.ModeDir | 0o555
	}
	return 0o444
}
func (i fileInfo) ModTime() time.Time { return time.Time{} }
func (i fileInfo) IsDir() bool        { return i.file == nil }
func (i fileInfo) Sys() any           { return nil }

// folderFile is an open file of a Folder.
type folderFile struct {
	name string
	f    *File
	r    *io.SectionReader
}

func (f *folderFile) Stat() (fs.FileInfo, error) {
	return fileInfo{name: path.Base(f.name), file: f.f}, nil
}
func (f *folderFile) Read(p []byte) (int, error)              { return f.r.Read(p) }
func (f *folderFile) ReadAt(p []byte, off int64) (int, error) { return f.r.ReadAt(p, off) }
func (f *folderFile) Seek(off int64, whence int) (int64, error) {
	return f.r.Seek(off, whence)
}
func (f *folderFile) Close() error { return nil }

// folderDir is an open directory of a Folder.
type folderDir struct {
	name    string
	entries []dirEntry
	next    int
}

func (d *folderDir) Stat() (fs.FileInfo, error) {
	return fileInfo{name: path.Base(d.name)}, nil
}
func (d *folderDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: errors.New("is a directory")}
}
func (d *folderDir) Close() error { return nil }

// ReadDir implements fs.ReadDirFile.
func (d *folderDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.next:]
	if n > 0 && len(rest) == 0 {
		return nil, io.EOF
	}
	if n > 0 && n < len(rest) {
		rest = rest[:n]
	}
	d.next += len(rest)
	out := make([]fs.DirEntry, len(rest))
	for i, e := range rest {
		out[i] = e
	}
	return out, nil
}

// ReaderAtContext returns r whose reads fail with ctx's error once ctx is
// done, so that cancelling an open stops it at its next read.
func ReaderAtContext(ctx context.Context, r io.ReaderAt) io.ReaderAt { return ctxReaderAt{ctx, r} }
