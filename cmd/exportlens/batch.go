//go:build !wasm

package main

// exportlens check --batch: many exports at once, for the consumer
// advocate with a folder of exports people sent in. Each child of each
// path is one export (a ZIP, a TGZ, a 7z, a folder of per-category ZIPs, an
// extracted folder); the parts of one Takeout job, named
// takeout-<timestamp>-<n>, are one export together. A path that is itself a
// file is one export. The exports are checked a few at once; one that
// cannot be read is reported and the batch goes on.

import (
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"exportlens/app/check"
	"exportlens/app/export"
	"exportlens/app/pack"
)

// batchExport is one export of a batch: its name (the child's, or the
// Takeout job's) and the files or folders it is made of.
type batchExport struct {
	Name  string
	Paths []string
}

// batchResult is the check of one batch export.
type batchResult struct {
	batchExport
	Report *check.Report
	Err    error // nothing of the export could be read
}

// takeoutStem is the job a Takeout part's name belongs to: the parts of
// one job are takeout-<timestamp>-001.zip, -002.zip, … (re-downloads add
// " (1)"; extracted, they are folders of the same names).
var takeoutStem = regexp.MustCompile(`(?i)^(takeout-\d{8}T\d{6}Z)-\d+`)

// batchExports lists the exports under paths, sorted by name within each
// path. Hidden files (".DS_Store") are no exports.
func batchExports(paths []string) ([]batchExport, error) {
	var out []batchExport
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, errors.Unwrap(err))
		}
		if !st.IsDir() {
			out = append(out, batchExport{Name: filepath.Base(p), Paths: []string{p}})
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, errors.Unwrap(err))
		}
		jobs := map[string]int{} // a Takeout job's stem: its index in out
		for _, e := range entries {
			name := e.Name()
			if strings.HasPrefix(name, ".") {
				continue
			}
			full := filepath.Join(p, name)
			if m := takeoutStem.FindStringSubmatch(name); m != nil {
				stem := strings.ToLower(m[1])
				if i, ok := jobs[stem]; ok {
					out[i].Paths = append(out[i].Paths, full)
					continue
				}
				jobs[stem] = len(out)
				out = append(out, batchExport{Name: m[1], Paths: []string{full}})
				continue
			}
			out = append(out, batchExport{Name: name, Paths: []string{full}})
		}
	}
	return out, nil
}

// batchJobs is how many exports are checked at once: asked for, or one per
// core, at most 8. Each may hold the memory budget of one export
// (export.DefaultBudget, twice that at most with the garbage collector's
// slack), so the batch's memory is bounded by jobs times that.
func batchJobs(asked int) int {
	if asked > 0 {
		return asked
	}
	return min(runtime.GOMAXPROCS(0), 8)
}

func runBatch(ctx context.Context, a checkArgs, layout *export.Layout, stdout, stderr io.Writer) int {
	exports, err := batchExports(a.paths)
	if err != nil {
		fmt.Fprintf(stderr, "exportlens check --batch: %v\n", err)
		return check.ExitUnreadable
	}
	if len(exports) == 0 {
		fmt.Fprintf(stderr, "exportlens check --batch: no export in %s\n", strings.Join(a.paths, ", "))
		return check.ExitUnreadable
	}
	jobs := min(batchJobs(a.jobs), len(exports))
	// The command's soft memory limit (checkMemoryLimit, one export's) grows
	// to one per export checked at once; one set otherwise (GOMEMLIMIT) stays.
	if debug.SetMemoryLimit(-1) == checkMemory {
		debug.SetMemoryLimit(int64(jobs) * checkMemory)
	}
	results := make([]batchResult, len(exports))
	prog := newBatchProgress(stderr, len(exports))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(exports) || ctx.Err() != nil {
					return
				}
				results[i] = checkBatchExport(ctx, exports[i], layout)
				prog.done(results[i])
			}
		})
	}
	wg.Wait()
	prog.stop()
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "exportlens check --batch: interrupted")
		return check.ExitUnreadable
	}
	var werr error
	switch {
	case a.json:
		werr = writeBatchJSON(stdout, results)
	case a.csv:
		werr = writeBatchCSV(stdout, results, a.lang)
	default:
		werr = writeBatchTable(stdout, results, a.lang)
	}
	if werr != nil {
		fmt.Fprintf(stderr, "exportlens check --batch: %v\n", werr)
		return check.ExitUnreadable
	}
	return batchExit(results)
}

// checkBatchExport checks one export; a panic in reading it (a bug, or an
// input nobody foresaw) is that export's error, not the batch's end.
func checkBatchExport(ctx context.Context, e batchExport, layout *export.Layout) (r batchResult) {
	r.batchExport = e
	defer func() {
		if p := recover(); p != nil {
			r.Report, r.Err = nil, fmt.Errorf("the check failed: %v", p)
		}
	}()
	rep, _, done, err := examine(ctx, e.Paths, layout, check.Declared{}, nil)
	if err != nil {
		r.Err = err
		return r
	}
	done()
	r.Report = rep
	return r
}

// batchExit: 1 when any export holds someone else's data, 2 only when no
// export could be read, 3 when any export could not be read or checked to
// the end, 0 when every export is consistent.
func batchExit(results []batchResult) int {
	code, read := check.ExitConsistent, false
	for _, r := range results {
		switch {
		case r.Err != nil:
			code = max(code, check.ExitUnknown)
		case r.Report.ExitCode() == check.ExitMismatch:
			return check.ExitMismatch
		default:
			read = true
			if r.Report.ExitCode() != check.ExitConsistent {
				code = max(code, check.ExitUnknown)
			}
		}
	}
	if !read {
		for _, r := range results {
			if r.Err == nil {
				read = true
			}
		}
	}
	if !read {
		return check.ExitUnreadable
	}
	return code
}

// verdictOf is a result's verdict: the report's, or "unreadable".
func (r batchResult) verdictOf() string {
	if r.Err != nil {
		return "unreadable"
	}
	return r.Report.Verdict
}

// severityRank orders findings by strength.
var severityRank = map[check.Severity]int{check.Mismatch: 4, check.Likely: 3, check.Unknown: 2, check.Note: 1}

// strongest is the report's strongest finding (the first of the
// strongest), or nil when it has none.
func (r batchResult) strongest() *check.Finding {
	if r.Report == nil {
		return nil
	}
	var best *check.Finding
	for i := range r.Report.Findings {
		f := &r.Report.Findings[i]
		if best == nil || severityRank[f.Severity] > severityRank[best.Severity] {
			best = f
		}
	}
	return best
}

// batchRow is one export as the table and the CSV show it; every text from
// the export made safe for a terminal (check.ShowText).
type batchRow struct {
	export, vendor, verdict, recordings, severity, finding, subject, problem string
}

func (r batchResult) row(lang string) batchRow {
	row := batchRow{export: check.ShowText(r.Name), verdict: r.verdictOf()}
	if r.Err != nil {
		row.problem = check.ShowText(r.Err.Error())
		return row
	}
	row.vendor = r.Report.Vendor
	row.recordings = strconv.Itoa(r.Report.Summary.Recordings)
	if f := r.strongest(); f != nil {
		row.severity = string(f.Severity)
		row.finding = check.ShowText(f.Text(lang))
		row.subject = check.ShowText(cmp.Or(f.SubjectShown, f.Subject))
	}
	return row
}

// batchHeads are the table's and the CSV's column names.
var batchHeads = map[string][]string{
	"en": {"export", "vendor", "verdict", "recordings", "severity", "strongest finding", "its subject", "problem"},
	"de": {"Export", "Anbieter", "Urteil", "Aufnahmen", "Schwere", "stärkster Befund", "sein Gegenstand", "Problem"},
}

func heads(lang string) []string {
	if h, ok := batchHeads[lang]; ok {
		return h
	}
	return batchHeads["en"]
}

func (b batchRow) cells() []string {
	return []string{b.export, b.vendor, b.verdict, b.recordings, b.severity, b.finding, b.subject, b.problem}
}

// writeBatchTable writes one line per export, then how many had which
// verdict.
func writeBatchTable(w io.Writer, results []batchResult, lang string) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	h := heads(lang)
	fmt.Fprintln(tw, strings.Join(h[:7], "\t"))
	for _, r := range results {
		row := r.row(lang)
		c := row.cells()
		if row.problem != "" {
			c[5] = row.problem // the finding's column says why nothing was read
		}
		const width = 90
		c[5] = shorten(c[5], width)
		fmt.Fprintln(tw, strings.Join(c[:7], "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, batchSummaryLine(results, lang))
	return err
}

// shorten cuts s to n runes with "…".
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// batchCount counts the exports by verdict.
type batchCount struct {
	Exports    int `json:"exports"`
	Mismatch   int `json:"mismatch"`
	Consistent int `json:"consistent"`
	Unknown    int `json:"unknown"`
	Unreadable int `json:"unreadable"`
}

func countBatch(results []batchResult) batchCount {
	c := batchCount{Exports: len(results)}
	for _, r := range results {
		switch r.verdictOf() {
		case check.VerdictMismatch:
			c.Mismatch++
		case check.VerdictConsistent:
			c.Consistent++
		case "unreadable":
			c.Unreadable++
		default:
			c.Unknown++
		}
	}
	return c
}

func batchSummaryLine(results []batchResult, lang string) string {
	c := countBatch(results)
	if lang == "de" {
		n := "Exporte"
		if c.Exports == 1 {
			n = "Export"
		}
		return fmt.Sprintf("%d %s: %d mit Daten anderer, %d stimmig, %d unklar, %d nicht lesbar",
			c.Exports, n, c.Mismatch, c.Consistent, c.Unknown, c.Unreadable)
	}
	n := "exports"
	if c.Exports == 1 {
		n = "export"
	}
	return fmt.Sprintf("%d %s: %d hold someone else's data, %d consistent, %d cannot tell, %d unreadable",
		c.Exports, n, c.Mismatch, c.Consistent, c.Unknown, c.Unreadable)
}

// writeBatchCSV writes the table as CSV. A cell that a spreadsheet would
// take for a formula (=, +, -, @ first) starts with an apostrophe: the
// values come from the exports, and an export is not to be trusted.
func writeBatchCSV(w io.Writer, results []batchResult, lang string) error {
	cw := csv.NewWriter(w)
	cw.Write(heads(lang))
	for _, r := range results {
		c := r.row(lang).cells()
		for i, v := range c {
			if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
				c[i] = "'" + v
			}
		}
		cw.Write(c)
	}
	cw.Flush()
	return cw.Error()
}

// batchJSON is --batch --json: every export with its report (as `check
// --json` writes it) or why it could not be read, and the counts.
type batchJSON struct {
	Schema  string           `json:"schema"`
	Exports []batchJSONEntry `json:"exports"`
	Summary batchCount       `json:"summary"`
}

type batchJSONEntry struct {
	Name    string          `json:"name"`
	Paths   []string        `json:"paths"` // the base names of its files and folders
	Verdict string          `json:"verdict"`
	Report  json.RawMessage `json:"report,omitempty"`
	Error   string          `json:"error,omitempty"`
}

func writeBatchJSON(w io.Writer, results []batchResult) error {
	out := batchJSON{Schema: "exportlens.batch/1", Exports: []batchJSONEntry{}, Summary: countBatch(results)}
	for _, r := range results {
		e := batchJSONEntry{Name: r.Name, Verdict: r.verdictOf()}
		for _, p := range r.Paths {
			e.Paths = append(e.Paths, filepath.Base(p))
		}
		if r.Err != nil {
			e.Error = r.Err.Error()
		} else {
			js, err := pack.ReportJSON(r.Report)
			if err != nil {
				return err
			}
			e.Report = js
		}
		out.Exports = append(out.Exports, e)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// batchProgress prints "checked 12 of 100 exports" on stderr, only when it
// is a terminal.
type batchProgress struct {
	mu       sync.Mutex
	w        io.Writer
	total    int
	n, found int
	shown    bool
	last     time.Time
}

func newBatchProgress(w io.Writer, total int) *batchProgress {
	f, ok := w.(*os.File)
	if !ok {
		return &batchProgress{}
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return &batchProgress{}
	}
	return &batchProgress{w: w, total: total}
}

func (p *batchProgress) done(r batchResult) {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	if r.verdictOf() == check.VerdictMismatch {
		p.found++
	}
	if time.Since(p.last) < 100*time.Millisecond && p.n < p.total {
		return
	}
	p.last, p.shown = time.Now(), true
	fmt.Fprintf(p.w, "\rchecked %d of %d exports, %d with someone else's data", p.n, p.total, p.found)
}

func (p *batchProgress) stop() {
	if p.w == nil || !p.shown {
		return
	}
	fmt.Fprint(p.w, "\r\033[K")
}
