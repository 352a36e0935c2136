package archive

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// walk lists the regular files of fsys. folder is true for a folder the
// person selected (its entries are named Part + "/" + Path and archives in
// it count as top level); false for what an Unpacker returned (an archive:
// archives in it are nested one level deeper). Archives are recognised by
// name here: sniffing would open every file of the folder.
func (o *opener) walk(s *scope, fsys fs.FS, folder bool) {
	errStop := errors.New("stop")
	n := 0
	src := &fsSource{fsys: fsys, in: s.input}
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			o.problem(&Error{Part: s.part, Path: p, Err: err, inFolder: folder})
			return nil // skip what cannot be read, keep the rest
		}
		if n++; n%256 == 0 && o.stopped() {
			return errStop
		}
		if !d.Type().IsRegular() {
			return nil // directories recurse; links could point outside the folder
		}
		info, err := d.Info()
		if err != nil {
			o.problem(&Error{Part: s.part, Path: p, Err: err, inFolder: folder})
			return nil
		}
		if k := kindByName(p); k != kindPlain && o.fsArchive(s, fsys, p, info.Size(), k, folder) {
			return nil
		}
		e := o.newEntry(Entry{Part: s.part, Path: p, Size: info.Size(), Modified: info.ModTime(), inFolder: folder})
		e.src = src
		if !s.add(e) {
			return errStop
		}
		return nil
	})
}

// fsArchive opens an archive file found in fsys. The file stays open for the
// tree's life when it can be read at random; otherwise it is read into
// memory within the inflate budget. It reports whether the archive opened;
// if not, the caller lists the file as a plain entry.
func (o *opener) fsArchive(s *scope, fsys fs.FS, p string, size int64, k kind, folder bool) bool {
	c := &scope{o: o, part: s.part + "!" + p, depth: s.depth + 1, input: s.input, base: -1}
	if folder {
		c.part, c.depth = s.part+"/"+p, s.depth
	}
	if c.depth > o.lim.MaxDepth {
		o.problem(&Error{Part: s.part, Path: p, Err: fmt.Errorf("%w: more than %d levels", ErrTooDeep, o.lim.MaxDepth), inFolder: folder})
		return false
	}
	f, err := fsys.Open(p)
	if err != nil {
		o.problem(&Error{Part: s.part, Path: p, Err: err, inFolder: folder})
		return false
	}
	var ra io.ReaderAt
	var held int64 // bytes of the inflate budget taken
	if r, ok := f.(io.ReaderAt); ok {
		ra = r
	} else {
		defer f.Close()
		if size > o.lim.MaxInflate-o.inflated {
			o.problem(&Error{Part: s.part, Path: p, Err: fmt.Errorf("%w: %s cannot be read at random and holds %d bytes", ErrInflateBudget, p, size), inFolder: folder})
			return false
		}
		buf := make([]byte, size) // bounded by MaxInflate above
		if _, err := io.ReadFull(f, buf); err != nil {
			o.problem(&Error{Part: s.part, Path: p, Err: readErr(err), inFolder: folder})
			return false
		}
		ra, held = bytes.NewReader(buf), size
		o.inflated += held
	}
	ok := o.list(c, k, ra, size)
	c.finish()
	switch {
	case !ok:
		o.inflated -= held
		if held == 0 {
			f.Close()
		}
	case held == 0:
		o.tree.closers = append(o.tree.closers, f.Close)
	}
	return ok
}
