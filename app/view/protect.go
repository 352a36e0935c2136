package view

import (
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"exportlens/app/check"
	"exportlens/app/export"
)

// Protecting the stranger (issue 8): as soon as a mismatch or likely finding
// names a record, its transcript and response are hidden and its audio does
// not play, on every page, until the person lifts that for one finding ("I
// need to check this myself") or for the whole export. What they lifted is
// part of the session: memory only, and gone when another export is opened.

// Lifted is what the person chose to see of the protected records.
type Lifted struct {
	All bool
	// Findings holds the FindingKey of each finding lifted. Never changed
	// in place: sessions share it (copy on write).
	Findings map[string]bool
	Gen      int // increases with every change, for the pages' caches
}

// LiftRequest is a request to change Lifted (the viewer's "lift" action).
type LiftRequest struct {
	Gen     int    // the session it was made for: a newer export is left alone
	Finding string // FindingKey of the finding to lift
	All     bool   // lift it for the whole export
	Reset   bool   // hide everything again
}

// FindingKey names a finding across re-checks of the same export (declared
// facts change the report, and with it the findings' order).
func FindingKey(f *check.Finding) string { return string(f.Rule) + "\x00" + f.Subject }

// Protects reports whether finding f hides the records it names.
func Protects(f *check.Finding) bool {
	return f.Severity == check.Mismatch || f.Severity == check.Likely
}

// With returns l changed as req asks; false when req asks for nothing.
// l itself is left as it is: published sessions share its map.
func (l Lifted) With(req LiftRequest) (Lifted, bool) {
	n := Lifted{All: l.All, Findings: maps.Clone(l.Findings), Gen: l.Gen + 1}
	switch {
	case req.Reset:
		n.All, n.Findings = false, nil
	case req.All:
		n.All = true
	case req.Finding != "":
		if n.Findings == nil {
			n.Findings = map[string]bool{}
		}
		n.Findings[req.Finding] = true
	default:
		return l, false
	}
	return n, true
}

// FileKey is the key of a file by part and path, for maps of files.
func FileKey(part, path string) string { return part + "\x00" + path }

// Protection says what is hidden of one export for one state of Lifted.
type Protection struct {
	Index *Recordings
	l     Lifted
	gen   int
	// Audio maps FileKey(part, path) of the audio of every hidden item
	// (as the tree names the member) to the item's findings.
	Audio map[string][]int
	// Docs maps FileKey(part, path) of a protected transcript document to
	// the findings that protect it; only hidden documents are in it.
	Docs map[string][]int
	// Records maps FileKey(part, path) of a file holding records (a voice
	// history CSV) to the lines where hidden Records start, and those to
	// what the record says (transcript and response, as read and as
	// written): the cells to hide there.
	Records        map[string]map[int][]string
	RecordFindings map[string][]int // the findings of those records, by file
	Hidden         int              // items hidden
	// Pointers maps FileKey(part, path) of a JSON document holding hidden
	// records to the Pointers of their elements, and those to what the
	// record says.
	Pointers map[string]map[string][]string
	// starts lists, for each text file in records (not a CSV), the first
	// lines of all its records and activity, sorted: a record's lines end
	// where the next one starts (textSaid).
	starts    map[string][]int
	saidCache map[string][]string // allSaid's
}

// NewProtection works out what is hidden of the export ix indexes while
// the person lifted l.
func NewProtection(ix *Recordings, l Lifted) *Protection {
	p := &Protection{Index: ix, l: l, gen: l.Gen, Audio: map[string][]int{}, Docs: map[string][]int{}, Records: map[string]map[int][]string{}, RecordFindings: map[string][]int{},
		Pointers: map[string]map[string][]string{}, starts: map[string][]int{}, saidCache: map[string][]string{}}
	for k := range ix.Items {
		if !p.Hides(k) {
			continue
		}
		p.Hidden++
		if part, path := ix.AudioFile(k); path != "" {
			key := FileKey(part, path)
			p.Audio[key] = uniqueInts(append(p.Audio[key], ix.ItemFindings[k]...))
		}
		rec := ix.Recording(k)
		if rec == nil || rec.Src().Path == "" || AudioName(rec.Src().Path) {
			continue
		}
		key := FileKey(rec.Src().Part, rec.Src().Path)
		var said []string
		for _, v := range []string{rec.Transcript().Text, rec.Transcript().Raw(), rec.Response().Text, rec.Response().Raw()} {
			if strings.TrimSpace(v) != "" {
				said = append(said, v)
			}
			if strings.Contains(v, "\n") { // answers joined: each stands alone in the file
				for _, l := range strings.Split(v, "\n") {
					if strings.TrimSpace(l) != "" {
						said = append(said, l)
					}
				}
			}
		}
		switch {
		case rec.Src().Line > 0: // a CSV row, an HTML or text record
			if p.Records[key] == nil {
				p.Records[key] = map[int][]string{}
			}
			// Records of a minified HTML file all start on its line 1.
			p.Records[key][rec.Src().Line] = append(p.Records[key][rec.Src().Line], said...)
		case rec.Src().Pointer != "": // an element of a JSON document
			if p.Pointers[key] == nil {
				p.Pointers[key] = map[string][]string{}
			}
			p.Pointers[key][rec.Src().Pointer] = append(p.Pointers[key][rec.Src().Pointer], said...)
		default:
			continue
		}
		p.RecordFindings[key] = uniqueInts(append(p.RecordFindings[key], ix.ItemFindings[k]...))
	}
	p.findStarts()
	p.protectDocs(ix.Export.Transcripts)
	return p
}

// Of reports whether p is what NewProtection(ix, l) makes.
func (p *Protection) Of(ix *Recordings, l Lifted) bool {
	return p != nil && p.Index == ix && p.gen == l.Gen && p.l.All == l.All
}

// findStarts fills starts for the text files that hold hidden records: the
// first line of every record and activity of the file, hidden or not.
func (p *Protection) findStarts() {
	if len(p.Records) == 0 {
		return
	}
	add := func(src export.Source) {
		if src.Line <= 0 || KindOf(src.Path) == KindCSV {
			return
		}
		if key := FileKey(src.Part, src.Path); p.Records[key] != nil {
			p.starts[key] = append(p.starts[key], src.Line)
		}
	}
	x := p.Index.Export
	for i := range x.Recordings {
		add(x.Recordings[i].Src())
	}
	for i := range x.Activity {
		add(x.Activity[i].Src)
	}
	for key, v := range p.starts {
		slices.Sort(v)
		p.starts[key] = slices.Compact(v)
	}
}

// Hides reports whether item k is hidden: a finding that protects it is
// there and the person lifted none of its findings.
func (p *Protection) Hides(k int) bool {
	if p == nil || k < 0 || k >= len(p.Index.Items) || !p.Index.Items[k].Flagged || p.l.All {
		return false
	}
	for _, fi := range p.Index.ItemFindings[k] {
		if p.l.Findings[FindingKey(&p.Index.Report.Findings[fi])] {
			return false
		}
	}
	return true
}

// HidesRecording reports whether recording i (an index into
// Export.Recordings, which are the first items) is hidden.
func (p *Protection) HidesRecording(i int) bool {
	return p != nil && i >= 0 && i < len(p.Index.Export.Recordings) && p.Hides(i)
}

// protectDocs finds the transcript documents to hide as a whole: one a
// protecting finding names (its subject or an evidence place), or one most
// of whose matched lines belong to flagged recordings (the 2018 PDF: its
// lines are the stranger's WAVs, and its unmatched lines are the same
// household's). A document stays hidden until one of its findings is lifted.
func (p *Protection) protectDocs(lines []export.TranscriptLine) {
	if p.l.All || len(lines) == 0 {
		return
	}
	type tally struct {
		matched, flagged int
		findings         []int
	}
	docs := map[string]*tally{}
	for _, l := range lines {
		key := FileKey(l.Src.Part, l.Src.Path)
		t := docs[key]
		if t == nil {
			t = &tally{}
			docs[key] = t
		}
		if l.Recording >= 0 && l.Recording < len(p.Index.Items) {
			t.matched++
			if p.Index.Items[l.Recording].Flagged {
				t.flagged++
				t.findings = append(t.findings, p.Index.ItemFindings[l.Recording]...)
			}
		}
	}
	r := p.Index.Report
	for key, t := range docs {
		var own []int // findings that name the document itself
		for fi := range r.Findings {
			f := &r.Findings[fi]
			if Protects(f) && namesDoc(f, key) {
				own = append(own, fi)
			}
		}
		if len(own) == 0 && 2*t.flagged <= t.matched {
			continue
		}
		fs := uniqueInts(append(own, t.findings...))
		lift := false
		for _, fi := range fs {
			lift = lift || p.l.Findings[FindingKey(&r.Findings[fi])]
		}
		if !lift {
			p.Docs[key] = fs
		}
	}
}

// namesDoc reports whether finding f names the document FileKey key.
func namesDoc(f *check.Finding, key string) bool {
	for _, e := range f.Evidence {
		if FileKey(e.Part, e.Path) == key {
			return true
		}
	}
	_, path := splitKey(key)
	return f.Subject != "" && f.Subject == path
}

func splitKey(key string) (part, path string) {
	for i := 0; i < len(key); i++ {
		if key[i] == 0 {
			return key[:i], key[i+1:]
		}
	}
	return "", key
}

func uniqueInts(v []int) []int {
	seen := map[int]bool{}
	out := v[:0:0]
	for _, n := range v {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// HidesLine reports whether transcript line l is hidden: its document is,
// or the recording it matches is.
func (p *Protection) HidesLine(l export.TranscriptLine) bool {
	if p == nil {
		return false
	}
	if _, ok := p.Docs[FileKey(l.Src.Part, l.Src.Path)]; ok {
		return true
	}
	return p.HidesRecording(l.Recording)
}

// HiddenFindings lists the protecting findings that still hide something,
// in report order.
func (p *Protection) HiddenFindings() []int {
	if p == nil || p.Hidden == 0 && len(p.Docs) == 0 {
		return nil
	}
	var out []int
	for fi := range p.Index.Report.Findings {
		f := &p.Index.Report.Findings[fi]
		if Protects(f) && !p.l.Findings[FindingKey(f)] && len(p.Index.ByFinding[fi]) > 0 {
			out = append(out, fi)
		}
	}
	return out
}

// HidesCell reports whether a CSV cell (as the preview shows it, cut to
// MaxCellShown) is one of said, what a hidden record says.
func HidesCell(cell string, said []string) bool {
	c := strings.TrimSpace(cell)
	if c == "" {
		return false
	}
	for _, v := range said {
		if c == strings.TrimSpace(v) || len(cell) >= MaxCellShown-utf8.UTFMax && strings.HasPrefix(v, cell) {
			return true
		}
	}
	return false
}

// Hidden is why a member of the tree is hidden as a whole.
type Hidden int

const (
	NotHidden      Hidden = iota
	HiddenAudio           // the audio of a hidden recording
	HiddenDocument        // a protected transcript document
)

// Member says whether a member of the tree is hidden as a whole: why, and
// the findings that lift it.
func (p *Protection) Member(part, path string) (why Hidden, findings []int) {
	if p == nil {
		return NotHidden, nil
	}
	key := FileKey(part, path)
	if fs, ok := p.Audio[key]; ok {
		return HiddenAudio, fs
	}
	if fs, ok := p.Docs[key]; ok {
		return HiddenDocument, fs
	}
	return NotHidden, nil
}

// AnyLifted reports whether the person lifted the protection for something
// a finding flags.
func (p *Protection) AnyLifted() bool {
	if p == nil || p.Index.Flagged == 0 {
		return false
	}
	return p.l.All || len(p.l.Findings) > 0
}
