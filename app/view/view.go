// Package view is the layer between the domain (archive, export, check,
// pack, media) and the viewer's pages: the one pipeline from the chosen inputs to
// a checked export that the command and the viewer share, and the pages'
// logic that needs no page. It imports neither go-app nor the DOM, so it
// runs, and is tested, natively; the pages reach the archive, the media
// readers and the evidence pack only through it.
//
// Entry points:
//   - the pipeline (pipeline.go): Default (the domain's steps), Steps.Read
//     (list and load), Steps.Check, Outcome.NothingRead;
//   - the session (session.go): Session, what is open, and Session.Judge
//     (the checks and the overview's tables, DeviceRows and ProfileRows of
//     rows.go);
//   - the recordings list (recordings.go): Recordings (NewRecordings), its
//     Filter, Timeline and Series (timeline.go), row lengths (lengths.go),
//     where an item's audio is (audio.go: ReadAudio, Source);
//   - protecting the stranger (protect.go, redact.go): Protection
//     (NewProtection), what a mismatch or likely finding hides until the
//     person lifts it (Lifted), and Redact, the words hidden in a line;
//   - the Files page: its addresses (location.go: FileLoc and its URL,
//     ParseFileLoc, URLLoc.Resolve, MemberIndex), its bounded readers
//     (preview.go: KindOf, PreviewKind, ReadCSVPage, ReadTextPage,
//     ReadJSONTree) and what one member shows (preview-read.go:
//     ReadPreview);
//   - the evidence pack, the letters and the printed report of a session
//     (evidence.go: Session.Evidence);
//   - errors (errors.go): which file an error is about and why
//     (Unreadable, Reason), Guard (a panic becomes a PanicError naming what
//     was read);
//   - pacing: Pace, Yield, SetPause.
package view

import "exportlens/app/archive"

// The archive's types the pages show, named here so that the pages reach
// the archive only through this layer.
type (
	// Entry is one member of the export (archive.Entry).
	Entry = archive.Entry
	// Tree is every member of the export, listed (archive.Tree).
	Tree = archive.Tree
	// Input is one file or folder given to Steps.Read (archive.Input).
	Input = archive.Input
	// ReadOptions bound and report the listing (archive.Options).
	ReadOptions = archive.Options
	// Progress is how far the listing has come (archive.Progress).
	Progress = archive.Progress
	// ReadError is why one input or member could not be read
	// (archive.Error).
	ReadError = archive.Error
)
