// Package pack makes what a person keeps and hands on when an export holds
// someone else's data: the evidence pack (one ZIP), the human-readable
// report and the two letters, in English or German.
//
// Entry points: Build (report -> ZIP bytes), Text (the report for people),
// Letter (to the company or to the data protection authority), Letters (both,
// as `exportlens check --letter` prints them), ReportJSON (the bytes of
// `exportlens check --json`) and BuildVersion.
//
// Nothing here holds transcript text, response text or audio: the report
// carries identifiers and places only (check keeps transcript words out of
// evidence), and the person's chosen excerpts (Meta.Excerpts) are added to
// report.txt under their own heading and nowhere else. The package imports
// neither go-app nor os, so the viewer builds the same pack in the page.
package pack

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"time"

	"exportlens/app/check"
)

// Meta is what the pack needs besides the report.
type Meta struct {
	Version string    // the ExportLens version; "" means BuildVersion()
	Made    time.Time // when the pack was made: the date in its texts and the time of its ZIP entries
	Lang    string    // "de" for German, English otherwise
	// Declared is what the person stated, their marks included; zero means
	// the statements in the report (rep.Claim.Declared). The letters cite it.
	Declared check.Declared
	// Requested and Arrived are the dates of the access request and of the
	// export's arrival; zero leaves a [placeholder] in the letters.
	Requested, Arrived time.Time
	// Excerpts are passages the person chose to include (they may hold
	// another person's words): only in report.txt, under a labelled heading.
	Excerpts []string
}

// Names of the files in the pack.
const (
	FileReportJSON      = "report.json"
	FileReportText      = "report.txt"
	FileLetterCompany   = "letter-company.txt"
	FileLetterAuthority = "letter-authority.txt"
	FileReadme          = "README.txt"
)

// dosEpoch stands in for a zero Made time: the earliest time a ZIP can hold.
var dosEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Build returns the evidence pack, one ZIP: README.txt (what it is and how
// it was made), report.json (exactly ReportJSON), report.txt (Text), and,
// when the verdict is mismatch, letter-company.txt and letter-authority.txt.
// For any other verdict there is nothing to report, and the README says so
// instead of the letters. The same report and Meta give the same bytes:
// every entry carries the time Made (to the second, UTC).
func Build(rep *check.Report, m Meta) ([]byte, error) {
	js, err := ReportJSON(rep)
	if err != nil {
		return nil, err
	}
	type file struct {
		name string
		data []byte
	}
	files := []file{
		{FileReadme, []byte(readme(rep, m))},
		{FileReportJSON, js},
		{FileReportText, []byte(Text(rep, m))},
	}
	if l := Letter(rep, Company, m); l != "" {
		files = append(files, file{FileLetterCompany, []byte(l)},
			file{FileLetterAuthority, []byte(Letter(rep, Authority, m))})
	}
	when := m.Made.UTC().Truncate(time.Second)
	if when.Before(dosEpoch) {
		when = dosEpoch
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: when})
		if err != nil {
			return nil, fmt.Errorf("pack: %s: %w", f.name, err)
		}
		if _, err := w.Write(f.data); err != nil {
			return nil, fmt.Errorf("pack: %s: %w", f.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("pack: %w", err)
	}
	return buf.Bytes(), nil
}

// ReportJSON is the report as `exportlens check --json` prints it: indented
// by two spaces, HTML characters not escaped, a final newline.
func ReportJSON(rep *check.Report) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rep); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return b.Bytes(), nil
}

// BuildVersion names the running build: the module version when it has
// one, else the commit it was built from ("3f2a9c1d0b7e", "-dirty" when the
// tree had changes), else "devel".
func BuildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	return rev + dirty
}

func (m Meta) version() string {
	if m.Version != "" {
		return m.Version
	}
	return BuildVersion()
}

func (m Meta) declared(rep *check.Report) check.Declared {
	d := m.Declared
	if len(d.Emails)+len(d.CustomerIDs)+len(d.Devices) == 0 && !d.NoDevices && !d.OwnsDevice {
		return rep.Claim.Declared
	}
	return d
}
