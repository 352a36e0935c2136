package export

import (
	"context"
	"errors"
	"io"

	"exportlens/app/archive"
)

// Load understands an opened archive tree: it detects the vendor, parses
// the files the layout names (nil: DefaultLayout) and returns the Export.
// It never reads audio data; tables are streamed. A file that cannot be
// parsed becomes a Problem and the rest is loaded. The error is non-nil only
// when ctx is cancelled or t is nil.
func Load(ctx context.Context, t *archive.Tree, layout *Layout) (*Export, error) {
	if t == nil {
		return nil, errors.New("export: no archive tree")
	}
	files := make([]file, 0, len(t.Entries))
	for _, e := range t.Entries {
		e := e
		files = append(files, file{
			Part: e.Part, Path: e.Path, Size: e.Size, Modified: e.Modified,
			Open:    func() (io.ReadCloser, error) { return e.Open() },
			Section: func() (io.ReaderAt, bool) { return e.Section() },
		})
	}
	x, err := load(ctx, files, layout)
	if err != nil {
		return nil, err
	}
	// What the archive layer could not read belongs to the same list, so
	// every front end shows one list of unreadable files.
	for _, p := range t.Problems {
		x.Problems = append(x.Problems, Problem{Src: Source{Part: p.Part, Path: p.Path}, Reason: p.Err.Error(), Kind: "archive"})
	}
	return x, nil
}
