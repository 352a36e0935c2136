// Package view is what the viewer's pages and the command share between
// the domain (archive, export, check) and what they show: the one pipeline
// from the chosen inputs to a checked export (Steps.Read, Steps.Check).
// It imports neither go-app nor the DOM, so it runs, and is tested, natively.
//
// Entry points: Default (the domain's steps), Steps.Read (list and load),
// Steps.Check (the checks on what was read), Outcome.NothingRead.
package view
