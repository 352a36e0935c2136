package export

import (
	"context"
	"errors"
	"fmt"

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
	for i, e := range t.Entries {
		if i%yieldEvery == yieldEvery-1 {
			archive.Yield()
		}
		files = append(files, file{
			Part: e.Part, Path: e.Path, Size: e.Size, entry: e,
		})
	}
	budget, ok := t.MemoryLeft()
	if !ok {
		budget = DefaultBudget // a tree not made by archive.Open
	}
	x, err := loadWithin(ctx, files, layout, budget)
	if err != nil {
		return nil, err
	}
	// What the archive layer could not read belongs to the same list, so
	// every front end shows one list of unreadable files.
	for _, p := range t.Problems {
		x.Problems = append(x.Problems, Problem{Src: Source{Part: p.Part, Path: p.Path}, Reason: reason(p.Err), Kind: ProblemArchive})
	}
	x.Problems = append(x.Problems, entryWarnings(t.Entries)...)
	return x, nil
}

// entryWarnings tells the person about members whose names deserve a look:
// a name that is absolute or climbs out of the archive (shown cleaned, never
// used as a path), a name the archive holds more than once (all copies are
// kept and read; a second copy can hide someone else's data), and encrypted
// members (listed, never read): one problem for a part's encrypted members
// when it has more than one (a password-protected ZIP said so once per
// file, and once more per file it tried to read).
func entryWarnings(entries []*archive.Entry) []Problem {
	var out []Problem
	seenDup := map[[2]string]bool{}
	locked := map[string]int{} // part -> encrypted members
	for _, e := range entries {
		if e.Encrypted {
			locked[e.Part]++
		}
	}
	for i, e := range entries {
		if i%yieldEvery == 0 {
			archive.Yield()
		}
		src := Source{Part: e.Part, Path: e.Path}
		switch {
		case e.Unsafe:
			out = append(out, Problem{Src: src, Kind: ProblemName,
				Reason: fmt.Sprintf("the archive names this member %q, an absolute path or one that climbs out of the archive; it is shown as %q and never used as a path", e.RawName, e.Path)})
		case e.Encrypted && locked[e.Part] == 1:
			out = append(out, Problem{Src: src, Kind: ProblemEncrypted, Reason: "the member is encrypted: it is listed but not read"})
		case e.Encrypted && locked[e.Part] > 1:
			n := locked[e.Part]
			locked[e.Part] = 0 // said once, at its first member
			out = append(out, Problem{Src: Source{Part: e.Part}, Kind: ProblemEncrypted, Members: n,
				Reason: fmt.Sprintf("%d members are encrypted (password-protected): they are listed but not read", n)})
		}
		if e.Duplicate && !seenDup[[2]string{e.Part, e.Path}] {
			seenDup[[2]string{e.Part, e.Path}] = true
			out = append(out, Problem{Src: src, Kind: ProblemDuplicate,
				Reason: "the archive holds more than one member with this name; every copy is kept and read"})
		}
	}
	return out
}
