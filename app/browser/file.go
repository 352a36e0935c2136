package browser

import "io"

// File is a file the person chose. Its bytes stay in the browser; ReaderAt
// reads them a block at a time.
type File struct {
	name string // the name, or the path below the chosen folder ("amazon/Alexa.zip")
	size int64
	src  source // the platform's handle: a JS File, or bytes natively
	r    *blockReader
}

// Name is the file's name; for a file of a chosen or dropped folder, its
// slash-separated path starting with the folder's name.
func (f *File) Name() string { return f.name }

// Size is the file's size in bytes.
func (f *File) Size() int64 { return f.size }

// ReaderAt reads the file in place through a block cache. All readers of a
// File share one cache.
func (f *File) ReaderAt() io.ReaderAt {
	if f.r == nil {
		f.r = newBlockReader(f.name, f.size, f.src.read)
	}
	return f.r
}
