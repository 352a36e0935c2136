// Package view is the layer between the domain (archive, export, check)
// and the viewer's pages: the one pipeline from the chosen inputs to a
// checked export that the command and the viewer share (Steps.Read,
// Steps.Check), and the pages' logic that needs no page. It imports
// neither go-app nor the DOM, so it runs, and is tested, natively.
//
// Entry points: Default (the domain's steps), Steps.Read (list and load),
// Steps.Check (the checks on what was read), Outcome.NothingRead, Guard
// (a panic becomes a PanicError naming what was read); which file an error
// is about and why (errors.go: Unreadable, Reason); the
// Files page's addresses (location.go: FileLoc and its URL, ParseFileLoc,
// URLLoc.Resolve, MemberIndex) and its bounded readers of one member
// (preview.go: KindOf and PreviewKind, ReadCSVPage, ReadTextPage,
// ReadJSONTree).
package view
