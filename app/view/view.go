// Package view is what the viewer's pages and the command share between
// the domain (archive, export, check) and what they show: the one pipeline
// from the chosen inputs to a checked export (Steps.Read, Steps.Check).
// It imports neither go-app nor the DOM, so it runs, and is tested, natively.
//
// Entry points: Default (the domain's steps), Steps.Read (list and load),
// Steps.Check (the checks on what was read), Outcome.NothingRead; and the
// Files page's bounded readers of one member (preview.go): KindOf and
// PreviewKind (how a member is shown), ReadCSVPage, ReadTextPage,
// ReadJSONTree.
package view
