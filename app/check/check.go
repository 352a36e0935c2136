// Package check decides whether an export belongs to the account it claims:
// it compares every identifier and recording in the export with the claim and
// with what the person declares, and returns a Report of Findings, each with
// evidence that points to the exact file and line.
//
// Entry points: Run (export + declared facts -> *Report), Report.WriteText
// (the text of `exportlens check`, English or German), Report.ExitCode, and
// Finding.Text (a title in another language). One file per rule, named after
// its rule ID; every sentence lives in messages.go in English and German.
package check
