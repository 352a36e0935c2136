package ui

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
	"exportlens/app/export"
	"exportlens/app/view"
)

// Protecting the stranger (issue 8): as soon as a mismatch or likely finding
// names a record, its transcript and response are hidden and its audio does
// not play, on every page, until the person lifts that for one finding ("I
// need to check this myself") or for the whole export. What they lifted is
// part of the session: memory only, and gone when another export is opened.

// actionLift lifts (or restores) the protection; Value: liftRequest.
const actionLift = "lift"

// lifted is what the person chose to see of the protected records.
type lifted struct {
	All bool
	// Findings holds the findingKey of each finding lifted. Never changed
	// in place: sessions share it (copy on write).
	Findings map[string]bool
	Gen      int // increases with every change, for the pages' caches
}

// liftRequest is the value of actionLift.
type liftRequest struct {
	Gen     int    // the session it was made for: a newer export is left alone
	Finding string // findingKey of the finding to lift
	All     bool   // lift it for the whole export
	Reset   bool   // hide everything again
}

// findingKey names a finding across re-checks of the same export (declared
// facts change the report, and with it the findings' order).
func findingKey(f *check.Finding) string { return string(f.Rule) + "\x00" + f.Subject }

// protects reports whether finding f hides the records it names.
func protects(f *check.Finding) bool {
	return f.Severity == check.Mismatch || f.Severity == check.Likely
}

// onLift applies a liftRequest to the open export.
func onLift(ctx app.Context, a app.Action) {
	req, ok := a.Value.(liftRequest)
	if !ok {
		return
	}
	changeLoaded(ctx, req.Gen, func(s *session) (ok bool) {
		s.Lifted, ok = s.Lifted.with(req)
		return ok
	})
}

// with returns l changed as req asks; false when req asks for nothing.
// l itself is left as it is: published sessions share its map.
func (l lifted) with(req liftRequest) (lifted, bool) {
	n := lifted{All: l.All, Findings: maps.Clone(l.Findings), Gen: l.Gen + 1}
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

// audioKey is the key of a file by part and path, for maps of files.
func audioKey(part, path string) string { return part + "\x00" + path }

// protection says what is hidden of one export for one state of lifted.
type protection struct {
	ix  *view.Recordings
	l   lifted
	gen int
	// audio maps audioKey(part, path) of the audio of every hidden item
	// (as the tree names the member) to the item's findings.
	audio map[string][]int
	// docs maps audioKey(part, path) of a protected transcript document to
	// the findings that protect it; only hidden documents are in it.
	docs map[string][]int
	// records maps audioKey(part, path) of a file holding records (a voice
	// history CSV) to the lines where hidden records start, and those to
	// what the record says (transcript and response, as read and as
	// written): the cells to hide there.
	records        map[string]map[int][]string
	recordFindings map[string][]int // the findings of those records, by file
	hidden         int              // items hidden
	// pointers maps audioKey(part, path) of a JSON document holding hidden
	// records to the pointers of their elements, and those to what the
	// record says.
	pointers map[string]map[string][]string
	// starts lists, for each text file in records (not a CSV), the first
	// lines of all its records and activity, sorted: a record's lines end
	// where the next one starts (textSaid).
	starts    map[string][]int
	saidCache map[string][]string // allSaid's
}

// protectionCache is the protection last derived; UI goroutine only.
var protectionCache *protection

// protectionOf returns what is hidden in s; nil when nothing is open.
func protectionOf(s session) *protection {
	ix := recIndexOf(s)
	if ix == nil {
		return nil
	}
	if c := protectionCache; c != nil && c.ix == ix && c.gen == s.Lifted.Gen && c.l.All == s.Lifted.All {
		return c
	}
	p := &protection{ix: ix, l: s.Lifted, gen: s.Lifted.Gen, audio: map[string][]int{}, docs: map[string][]int{}, records: map[string]map[int][]string{}, recordFindings: map[string][]int{},
		pointers: map[string]map[string][]string{}, starts: map[string][]int{}, saidCache: map[string][]string{}}
	for k := range ix.Items {
		if !p.hides(k) {
			continue
		}
		p.hidden++
		if part, path := ix.AudioFile(k); path != "" {
			key := audioKey(part, path)
			p.audio[key] = uniqueInts(append(p.audio[key], ix.ItemFindings[k]...))
		}
		rec := ix.Recording(k)
		if rec == nil || rec.Src().Path == "" || view.AudioName(rec.Src().Path) {
			continue
		}
		key := audioKey(rec.Src().Part, rec.Src().Path)
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
			if p.records[key] == nil {
				p.records[key] = map[int][]string{}
			}
			// Records of a minified HTML file all start on its line 1.
			p.records[key][rec.Src().Line] = append(p.records[key][rec.Src().Line], said...)
		case rec.Src().Pointer != "": // an element of a JSON document
			if p.pointers[key] == nil {
				p.pointers[key] = map[string][]string{}
			}
			p.pointers[key][rec.Src().Pointer] = append(p.pointers[key][rec.Src().Pointer], said...)
		default:
			continue
		}
		p.recordFindings[key] = uniqueInts(append(p.recordFindings[key], ix.ItemFindings[k]...))
	}
	p.findStarts()
	p.protectDocs(ix.Export.Transcripts)
	protectionCache = p
	return p
}

// findStarts fills starts for the text files that hold hidden records: the
// first line of every record and activity of the file, hidden or not.
func (p *protection) findStarts() {
	if len(p.records) == 0 {
		return
	}
	add := func(src export.Source) {
		if src.Line <= 0 || view.KindOf(src.Path) == view.KindCSV {
			return
		}
		if key := audioKey(src.Part, src.Path); p.records[key] != nil {
			p.starts[key] = append(p.starts[key], src.Line)
		}
	}
	x := p.ix.Export
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

// hides reports whether item k is hidden: a finding that protects it is
// there and the person lifted none of its findings.
func (p *protection) hides(k int) bool {
	if p == nil || k < 0 || k >= len(p.ix.Items) || !p.ix.Items[k].Flagged || p.l.All {
		return false
	}
	for _, fi := range p.ix.ItemFindings[k] {
		if p.l.Findings[findingKey(&p.ix.Report.Findings[fi])] {
			return false
		}
	}
	return true
}

// hidesRecording reports whether recording i (an index into
// Export.Recordings, which are the first items) is hidden.
func (p *protection) hidesRecording(i int) bool {
	return p != nil && i >= 0 && i < len(p.ix.Export.Recordings) && p.hides(i)
}

// protectDocs finds the transcript documents to hide as a whole: one a
// protecting finding names (its subject or an evidence place), or one most
// of whose matched lines belong to flagged recordings (the 2018 PDF: its
// lines are the stranger's WAVs, and its unmatched lines are the same
// household's). A document stays hidden until one of its findings is lifted.
func (p *protection) protectDocs(lines []export.TranscriptLine) {
	if p.l.All || len(lines) == 0 {
		return
	}
	type tally struct {
		matched, flagged int
		findings         []int
	}
	docs := map[string]*tally{}
	for _, l := range lines {
		key := audioKey(l.Src.Part, l.Src.Path)
		t := docs[key]
		if t == nil {
			t = &tally{}
			docs[key] = t
		}
		if l.Recording >= 0 && l.Recording < len(p.ix.Items) {
			t.matched++
			if p.ix.Items[l.Recording].Flagged {
				t.flagged++
				t.findings = append(t.findings, p.ix.ItemFindings[l.Recording]...)
			}
		}
	}
	r := p.ix.Report
	for key, t := range docs {
		var own []int // findings that name the document itself
		for fi := range r.Findings {
			f := &r.Findings[fi]
			if protects(f) && namesDoc(f, key) {
				own = append(own, fi)
			}
		}
		if len(own) == 0 && 2*t.flagged <= t.matched {
			continue
		}
		fs := uniqueInts(append(own, t.findings...))
		lift := false
		for _, fi := range fs {
			lift = lift || p.l.Findings[findingKey(&r.Findings[fi])]
		}
		if !lift {
			p.docs[key] = fs
		}
	}
}

// namesDoc reports whether finding f names the document audioKey key.
func namesDoc(f *check.Finding, key string) bool {
	for _, e := range f.Evidence {
		if audioKey(e.Part, e.Path) == key {
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

// hidesLine reports whether transcript line l is hidden: its document is,
// or the recording it matches is.
func (p *protection) hidesLine(l export.TranscriptLine) bool {
	if p == nil {
		return false
	}
	if _, ok := p.docs[audioKey(l.Src.Part, l.Src.Path)]; ok {
		return true
	}
	return p.hidesRecording(l.Recording)
}

// hiddenFindings lists the protecting findings that still hide something,
// in report order.
func (p *protection) hiddenFindings() []int {
	if p == nil || p.hidden == 0 && len(p.docs) == 0 {
		return nil
	}
	var out []int
	for fi := range p.ix.Report.Findings {
		f := &p.ix.Report.Findings[fi]
		if protects(f) && !p.l.Findings[findingKey(f)] && len(p.ix.ByFinding[fi]) > 0 {
			out = append(out, fi)
		}
	}
	return out
}

// hidesCell reports whether a CSV cell (as the preview shows it, cut to
// maxCellShown) is one of said, what a hidden record says.
func hidesCell(cell string, said []string) bool {
	c := strings.TrimSpace(cell)
	if c == "" {
		return false
	}
	for _, v := range said {
		if c == strings.TrimSpace(v) || len(cell) >= view.MaxCellShown-utf8.UTFMax && strings.HasPrefix(v, cell) {
			return true
		}
	}
	return false
}

// member says whether a member of the tree is hidden as a whole (a hidden
// recording's audio, a protected transcript document): why, and the
// findings that lift it; noText when it is not.
func (p *protection) member(part, path string) (why textKey, findings []int) {
	if p == nil {
		return noText, nil
	}
	key := audioKey(part, path)
	if fs, ok := p.audio[key]; ok {
		return tProtectAudioFile, fs
	}
	if fs, ok := p.docs[key]; ok {
		return tProtectDocument, fs
	}
	return noText, nil
}

// protectNotice says why something is hidden and offers to lift it, for its
// findings (indexes into the report's findings) or for the whole export.
// Test hooks: data-testid="protect-notice", buttons "lift-finding" (with
// data-finding) and "lift-all".
type protectNotice struct {
	app.Compo
	Lang     string
	Gen      int    // the session's generation
	Why      string // the sentence that says what is hidden and why
	Report   *check.Report
	Findings []int
}

func (n *protectNotice) Render() app.UI {
	items := make([]app.UI, 0, len(n.Findings))
	for _, fi := range n.Findings {
		if fi < 0 || fi >= len(n.Report.Findings) {
			continue
		}
		f := &n.Report.Findings[fi]
		items = append(items, app.Li().Class("protect-finding").Body(
			app.Span().Class("protect-title").Text(f.Text(n.Lang)),
			app.Button().Class("secondary", "protect-lift").Attr("data-testid", "lift-finding").
				Attr("data-finding", strconv.Itoa(fi)).
				OnClick(n.onLift(liftRequest{Gen: n.Gen, Finding: findingKey(f)})).
				Text(tr(n.Lang, tProtectLiftFinding)),
		))
	}
	return app.Div().Class("protect-notice").Attr("data-testid", "protect-notice").Role("note").Body(
		app.P().Class("protect-why").Text(n.Why),
		app.If(len(items) > 0, app.Ul().Class("protect-findings").Body(items...)),
		app.P().Body(
			app.Button().Class("secondary", "protect-lift-all").Attr("data-testid", "lift-all").
				OnClick(n.onLift(liftRequest{Gen: n.Gen, All: true})).
				Text(tr(n.Lang, tProtectLiftAll)),
		),
		app.P().Class("hint").Text(tr(n.Lang, tProtectMemory)),
	)
}

func (n *protectNotice) onLift(req liftRequest) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionLift, req)
	}
}

// liftedNotice says that protected records are shown because the person
// chose to, and offers to hide them again (test hook: "protect-reset").
func liftedNotice(lang string, gen int) app.UI {
	return app.Div().Class("protect-lifted").Attr("data-testid", "protect-lifted").Body(
		app.Span().Text(tr(lang, tProtectLifted)+" "),
		app.Button().Class("secondary").Attr("data-testid", "protect-reset").
			OnClick(func(ctx app.Context, e app.Event) {
				ctx.NewActionWithValue(actionLift, liftRequest{Gen: gen, Reset: true})
			}).
			Text(tr(lang, tProtectReset)),
	)
}

// anyLifted reports whether the person lifted the protection for something
// a finding flags.
func (p *protection) anyLifted() bool {
	if p == nil || p.ix.Flagged == 0 {
		return false
	}
	return p.l.All || len(p.l.Findings) > 0
}
