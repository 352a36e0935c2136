package ui

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/archive"
	"exportlens/app/browser"
	"exportlens/app/media"
	"exportlens/app/view"
)

// hitID is the element of the marked place (a CSV row, a text or PDF line,
// a JSON node), scrolled into view. Never "fs", "process" or "path".
const hitID = "files-hit"

// previewData is what a preview read from a member, off the UI goroutine.
type previewData struct {
	Kind     view.Kind
	CSV      *view.CSVPage
	Text     *view.TextPage
	JSON     *view.JSONNode
	JSONNote string // why a JSON member is shown as text
	PDF      []media.PDFLine
	PDFErr   error
	URL      string // object URL of an image or audio, or the PDF to save; revoked when replaced
	Err      error
}

// filePreview shows one member: CSV as a paged table with physical line
// numbers, JSON as a tree, text with line numbers, raster images, audio,
// PDFs as their text lines with the original to save. Loc's line, pointer
// or page is marked and scrolled into view. No member is ever shown as a
// document of the app's origin: object URLs are typed by the sniffed bytes
// (browser.ObjectURL takes a media.Type), SVG, HTML and XML are text, and
// a PDF is never rendered (a browser's PDF viewer follows the document's
// links out of the app and may run its scripts).
type filePreview struct {
	app.Compo
	Lang    string
	Session session
	Entry   *archive.Entry
	Loc     view.FileLoc

	member   string // the member data belongs to (session generation, part, path)
	key      string // what data was read for (see loadKey)
	loading  bool
	data     previewData
	asText   bool   // a JSON member too large or broken for a tree: shown as text
	scrolled string // the place last scrolled to
}

func (p *filePreview) OnMount(ctx app.Context)  { p.load(ctx) }
func (p *filePreview) OnUpdate(ctx app.Context) { p.load(ctx) }

func (p *filePreview) OnDismount() {
	browser.Revoke(p.data.URL)
	p.data, p.member, p.key = previewData{}, "", ""
}

// memberKey names the member shown; loadKey adds, for paged views, the
// page. A JSON pointer or a CSV field needs no new read, only a mark.
func (p *filePreview) memberKey() string {
	if p.Entry == nil {
		return ""
	}
	// The entry itself: members of the same name are different entries.
	return fmt.Sprintf("%d\x00%p", p.Session.Gen, p.Entry)
}

func (p *filePreview) loadKey() string {
	k := p.memberKey()
	if why, _ := p.hidden(); why != "" {
		return k + "\x00hidden" // nothing is read until the person lifts it
	}
	switch view.KindOf(p.Loc.Path) {
	case view.KindCSV, view.KindText, view.KindOther, view.KindImage, view.KindAudio: // the last three may turn out to be text
		k += "\x00" + strconv.Itoa(p.Loc.Line) + "\x00" + strconv.Itoa(p.Loc.Page)
	case view.KindJSON:
		if p.asText {
			k += "\x00" + strconv.Itoa(p.Loc.Line) + "\x00" + strconv.Itoa(p.Loc.Page)
		}
	}
	return k
}

// load reads what Loc needs, in a goroutine (reads await the browser), and
// scrolls the marked place into view once it is shown.
func (p *filePreview) load(ctx app.Context) {
	if m := p.memberKey(); m != p.member {
		browser.Revoke(p.data.URL)
		p.member, p.key, p.data, p.asText, p.loading = m, "", previewData{}, false, false
	}
	key := p.loadKey()
	if key == p.key {
		p.scroll(ctx)
		return
	}
	p.key = key
	if why, _ := p.hidden(); p.Entry == nil || why != "" {
		browser.Revoke(p.data.URL)
		p.data, p.loading = previewData{}, false
		return
	}
	p.loading = true
	s, e, loc, asText := p.Session, p.Entry, p.Loc, p.asText
	ctx.Async(func() {
		d := readPreviewGuarded(s, e, loc, asText)
		ctx.Dispatch(func(ctx app.Context) {
			if p.key != key {
				browser.Revoke(d.URL) // replaced while reading
				return
			}
			if d.JSONNote != "" && !p.asText {
				p.asText = true // paged as text from now on
				p.key = p.loadKey()
			}
			if p.data.URL != d.URL {
				browser.Revoke(p.data.URL) // a new page of the same member: its URL is replaced
			}
			p.loading, p.data, p.scrolled = false, d, ""
			p.scroll(ctx)
		})
	})
}

// hidden says whether the member is hidden to protect someone else (see
// protection.member).
func (p *filePreview) hidden() (why string, findings []int) {
	if p.Entry == nil {
		return "", nil
	}
	return protectionOf(p.Session).member(p.Entry.Part, p.Entry.Path)
}

// scroll brings the marked place into view once per place.
func (p *filePreview) scroll(ctx app.Context) {
	if p.loading {
		return
	}
	where := p.key + "\x00" + p.Loc.URL()
	if where == p.scrolled {
		return
	}
	p.scrolled = where
	ctx.Defer(func(ctx app.Context) {
		domScrollIntoView(hitID)
	})
}

// readPreview reads what the view of e at loc shows. It runs on a
// goroutine: the browser's reads are awaited.
func readPreview(s session, e *archive.Entry, loc view.FileLoc, asText bool) (d previewData) {
	d.Kind = view.KindOf(e.Path)
	if d.Kind == view.KindJSON && asText {
		d.Kind, d.JSONNote = view.KindText, "shown as text"
	}
	switch d.Kind {
	case view.KindCSV:
		rc, err := e.Open()
		if err != nil {
			d.Err = err
			return
		}
		defer rc.Close()
		pg := view.ReadCSVPage(rc, loc.Page, loc.Line, loc.Field)
		d.CSV = &pg
	case view.KindText:
		d.Text, d.Err = readText(e, loc)
	case view.KindJSON:
		rc, err := e.Open()
		if err != nil {
			d.Err = err
			return
		}
		defer rc.Close()
		d.JSON, err = view.ReadJSONTree(rc, e.Size)
		if err == nil {
			return d
		}
		var ae *archive.Error
		if errors.As(err, &ae) { // the member itself could not be read
			d.Err = err
			return d
		}
		// Too large or not valid JSON for a tree: show its text, paged.
		d.JSONNote = err.Error()
		d.Kind = view.KindText
		d.Text, d.Err = readText(e, loc)
	case view.KindImage, view.KindAudio, view.KindOther: // shown as what the bytes are
		head, err := readHead(e)
		if err != nil {
			d.Err = err
			return d
		}
		var t media.Type
		switch d.Kind, t = view.PreviewKind(head); d.Kind {
		case view.KindText:
			d.Text, d.Err = readText(e, loc)
		case view.KindImage, view.KindAudio:
			d.URL, d.Err = entryURL(s, e, t, view.MaxPreviewMedia)
		case view.KindPDF:
			d.PDF, d.PDFErr, d.URL, d.Err = readPDF(s, e)
		}
	case view.KindPDF:
		d.PDF, d.PDFErr, d.URL, d.Err = readPDF(s, e)
	}
	return d
}

func readText(e *archive.Entry, loc view.FileLoc) (*view.TextPage, error) {
	rc, err := e.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	pg := view.ReadTextPage(rc, loc.Page, loc.Line)
	return &pg, nil
}

// readHead returns the first sniffBytes of a member (fewer if it is shorter).
func readHead(e *archive.Entry) ([]byte, error) {
	rc, err := e.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, view.SniffBytes))
	if err != nil && len(b) == 0 {
		return nil, err
	}
	return b, nil
}

// readPDF returns the text lines of a PDF and an object URL to save it
// (typed application/octet-stream: opened, it is saved, never rendered). A
// stored member is read in place; a compressed one is inflated once, bounded.
func readPDF(s session, e *archive.Entry) (lines []media.PDFLine, linesErr error, url string, err error) {
	if ra, ok := e.Section(); ok {
		lines, linesErr = media.PDFLines(ra, e.Size)
		url, err = entryURL(s, e, media.Opaque, view.MaxPDFBytes)
		return
	}
	data, err := readBounded(e, view.MaxPDFBytes)
	if err != nil {
		return nil, nil, "", err
	}
	lines, linesErr = media.PDFLines(bytes.NewReader(data), int64(len(data)))
	url, err = browser.BytesURL(data, media.Opaque)
	return
}

// entryURL returns an object URL of e typed t: a zero-copy slice of the
// input file when the member lies there uncompressed, else its bytes
// decompressed once (at most max). t is what e's first bytes sniffed as, or
// media.Opaque for bytes to save; the bytes the URL serves are sniffed
// again, and typed media.Opaque when they are not t.
func entryURL(s session, e *archive.Entry, t media.Type, max int64) (string, error) {
	if sp, ok := e.Locate(); ok && sp.Input >= 0 && sp.Input < len(s.Files) {
		f := s.Files[sp.Input]
		if t != media.Opaque {
			head := make([]byte, min(e.Size, media.SniffBytes))
			if _, err := f.ReaderAt().ReadAt(head, sp.Offset); err != nil && !errors.Is(err, io.EOF) {
				return "", err
			}
			if media.Sniff(head) != t {
				t = media.Opaque
			}
		}
		return browser.ObjectURL(f, sp.Offset, sp.Offset+e.Size, t)
	}
	data, err := readBounded(e, max)
	if err != nil {
		return "", err
	}
	if t != media.Opaque && media.Sniff(data) != t {
		t = media.Opaque
	}
	return browser.BytesURL(data, t)
}

// readBounded reads a whole member that is at most max bytes.
func readBounded(e *archive.Entry, max int64) ([]byte, error) {
	if e.Size > max {
		return nil, fmt.Errorf("%s: %w", e.Name(), archive.ErrTooLarge)
	}
	rc, err := e.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, max))
}

func (p *filePreview) Render() app.UI {
	if p.Loc.Path == "" {
		return app.Section().Class("file-preview").Body(app.P().Class("hint").Text(tr(p.Lang, "files.choose")))
	}
	if p.Entry == nil {
		return app.Section().Class("file-preview").Body(app.P().Class("error").Text(tr(p.Lang, "files.notFound", p.Session.Report.Name(p.Loc.Part, p.Loc.Path))))
	}
	e := p.Entry
	k := view.KindOf(e.Path)
	if p.data.Kind != "" && p.member == p.memberKey() {
		k = p.data.Kind
	}
	head := app.Div().Class("preview-head").Body(
		app.H2().Class("mono").Attr("data-testid", "file-name").Body(shownName(e.Name())),
		app.P().Class("hint").Text(sizeText(p.Lang, e.Size)+" · "+tr(p.Lang, "files.kind."+string(k))), // what the bytes are, once read
	)
	body := []app.UI{head}
	why, findings := p.hidden()
	switch {
	case why != "":
		body = append(body, &protectNotice{Lang: p.Lang, Gen: p.Session.Gen, Report: p.Session.Report,
			Why: tr(p.Lang, why), Findings: findings})
	case p.loading, p.member != p.memberKey():
		// go-app renders the new member before OnUpdate reads it: never
		// show the previous member's data under this one's name.
		body = append(body, app.P().Class("notice").Text(tr(p.Lang, "files.loading")))
	case p.data.Err != nil:
		body = append(body, app.P().Class("error").Text(tr(p.Lang, "files.failed", p.data.Err.Error())))
	case p.data.CSV != nil:
		body = append(body, p.renderCSV(p.data.CSV)...)
	case p.data.JSON != nil:
		prot := protectionOf(p.Session)
		key := audioKey(e.Part, e.Path)
		if hides, fs := prot.fileHides(key); hides {
			body = append(body, &protectNotice{Lang: p.Lang, Gen: p.Session.Gen, Report: p.Session.Report,
				Why: tr(p.Lang, "protect.records"), Findings: fs})
		}
		var hidden map[string][]string
		if prot != nil {
			hidden = prot.pointers[key]
		}
		body = append(body, &jsonTreeView{Lang: p.Lang, Root: p.data.JSON, Loc: p.Loc, Hidden: hidden})
	case p.data.Text != nil:
		if p.data.JSONNote != "" {
			body = append(body, app.P().Class("notice").Text(tr(p.Lang, "files.jsonText")))
		}
		body = append(body, p.renderText(p.data.Text)...)
	case k == view.KindPDF:
		body = append(body, p.renderPDF()...)
	case k == view.KindImage && p.data.URL != "":
		body = append(body, app.Img().Class("preview-image").Src(p.data.URL).Alt(e.Path))
	case k == view.KindAudio && p.data.URL != "":
		body = append(body, app.Audio().Class("preview-audio").Attr("data-testid", "file-audio").Controls(true).Preload("metadata").Src(p.data.URL))
	case k == view.KindArchive:
		body = append(body, app.P().Text(tr(p.Lang, "files.archive")))
	case p.key != "":
		body = append(body, app.P().Text(tr(p.Lang, "files.noPreview")))
	}
	return app.Section().Class("file-preview").Attr("data-kind", string(k)).Body(body...)
}

// pager links to the pages before and after page.
func (p *filePreview) pager(page int, next bool) app.UI {
	link := func(to int, key string, ok bool) app.UI {
		if !ok {
			return app.Span().Class("pager-off").Text(tr(p.Lang, key))
		}
		l := view.FileLoc{Part: p.Loc.Part, Path: p.Loc.Path, Page: to}
		return app.A().Href(l.URL()).Class("pager-link").Text(tr(p.Lang, key))
	}
	if page <= 1 && !next {
		return app.Div() // one page: nothing to page through
	}
	return app.Div().Class("pager").Body(
		link(page-1, "files.prev", page > 1),
		link(page+1, "files.next", next),
	)
}

// lineLink selects a line: the URL then names it, so the view can be shared.
func (p *filePreview) lineLink(n int) app.UI {
	l := view.FileLoc{Part: p.Loc.Part, Path: p.Loc.Path, Line: n}
	return app.A().Href(l.URL()).Class("ln-link").Text(strconv.Itoa(n))
}

func (p *filePreview) renderCSV(pg *view.CSVPage) []app.UI {
	out := []app.UI{}
	if len(pg.Records) == 0 {
		out = append(out, app.P().Text(tr(p.Lang, "files.emptyPage")))
	} else {
		first, last := pg.Records[0].Line, pg.Records[len(pg.Records)-1].Line
		out = append(out, app.P().Class("hint").Text(tr(p.Lang, "files.rows", pg.Page, first, last)))
		prot := protectionOf(p.Session)
		var hiddenRows map[int][]string
		var rowFindings []int
		if prot != nil && p.Entry != nil {
			key := audioKey(p.Entry.Part, p.Entry.Path)
			hiddenRows, rowFindings = prot.records[key], prot.recordFindings[key]
		}
		if len(hiddenRows) > 0 {
			out = append(out, &protectNotice{Lang: p.Lang, Gen: p.Session.Gen, Report: p.Session.Report,
				Why: tr(p.Lang, "protect.records"), Findings: rowFindings})
		}
		rows := make([]app.UI, len(pg.Records))
		for i, r := range pg.Records {
			said := hiddenRows[r.Line] // what a hidden record says: those cells are hidden
			hit := p.Loc.Line > 0 && r.Line == p.Loc.Line
			cells := make([]app.UI, 0, len(r.Cells)+2)
			cells = append(cells, app.Td().Class("ln").Body(p.lineLink(r.Line)))
			for j, c := range r.Cells {
				if hidesCell(c, said) {
					cells = append(cells, app.Td().Class("cell", "cell-hidden").Attr("data-testid", "cell-hidden").Text(tr(p.Lang, "protect.content")))
					continue
				}
				if hit && j == pg.Column {
					cells = append(cells, app.Td().Class("cell", "hit-cell").Attr("data-testid", "evidence-cell").Body(app.Mark().Text(c)))
					continue
				}
				cells = append(cells, app.Td().Class("cell").Text(c))
			}
			if r.More > 0 {
				cells = append(cells, app.Td().Class("more").Text(tr(p.Lang, "files.moreCells", r.More)))
			}
			tr := app.Tr().Attr("data-line", strconv.Itoa(r.Line)).Body(cells...)
			if r.Line == pg.HeaderLine {
				tr = tr.Class("csv-head")
			}
			if hit {
				tr = tr.Class("hit").ID(hitID).Attr("data-testid", "evidence-target")
			}
			rows[i] = tr
		}
		out = append(out, app.Div().Class("csv-scroll").Body(
			app.Table().Class("csv-table", "mono").Body(app.TBody().Body(rows...)),
		))
	}
	if pg.Err != nil {
		out = append(out, app.P().Class("error").Text(tr(p.Lang, "files.stopped", pg.Err.Error())))
	}
	return append(out, p.pager(pg.Page, pg.Next))
}

func (p *filePreview) renderText(pg *view.TextPage) []app.UI {
	out := []app.UI{}
	if len(pg.Lines) == 0 {
		out = append(out, app.P().Text(tr(p.Lang, "files.emptyPage")))
	} else {
		out = append(out, app.P().Class("hint").Text(tr(p.Lang, "files.lines", pg.Page, pg.Lines[0].N, pg.Lines[len(pg.Lines)-1].N)))
		prot := protectionOf(p.Session)
		var key string
		if p.Entry != nil {
			key = audioKey(p.Entry.Part, p.Entry.Path)
		}
		hides, fs := prot.fileHides(key)
		if hides {
			out = append(out, &protectNotice{Lang: p.Lang, Gen: p.Session.Gen, Report: p.Session.Report,
				Why: tr(p.Lang, "protect.records"), Findings: fs})
		}
		lines := make([]app.UI, len(pg.Lines))
		for i, l := range pg.Lines {
			text := app.Span().Class("tl-text").Text(l.Text)
			if hides {
				text = app.Span().Class("tl-text").Body(p.shownParts(redact(l.Text, prot.textSaid(key, l.N), l.Cut))...)
			}
			body := []app.UI{p.lineLink(l.N), text}
			if l.Cut {
				body = append(body, app.Span().Class("cut").Text(" "+tr(p.Lang, "files.cut")))
			}
			div := app.Div().Class("tl").Attr("data-line", strconv.Itoa(l.N)).Body(body...)
			if p.Loc.Line > 0 && l.N == p.Loc.Line {
				div = div.Class("hit").ID(hitID).Attr("data-testid", "evidence-target")
			}
			lines[i] = div
		}
		out = append(out, app.Div().Class("text-lines", "mono").Body(lines...))
	}
	if pg.Err != nil {
		out = append(out, app.P().Class("error").Text(tr(p.Lang, "files.stopped", pg.Err.Error())))
	}
	return append(out, p.pager(pg.Page, pg.Next))
}

// shownParts renders a redacted line: a hidden part is replaced by the
// word for hidden content (test hook: data-testid="text-hidden").
func (p *filePreview) shownParts(parts []shownPart) []app.UI {
	out := make([]app.UI, len(parts))
	for i, pt := range parts {
		if pt.Hidden {
			out[i] = app.Span().Class("cell-hidden").Attr("data-testid", "text-hidden").Text(tr(p.Lang, "protect.content"))
			continue
		}
		out[i] = app.Text(pt.Text)
	}
	return out
}

func (p *filePreview) renderPDF() []app.UI {
	out := []app.UI{app.P().Class("hint").Attr("data-testid", "pdf-as-text").Text(tr(p.Lang, "files.pdfAsText"))}
	if p.data.URL != "" {
		out = append(out, app.P().Body(
			app.A().Href(p.data.URL).Attr("download", pdfSaveName(p.Entry.Path)).
				Class("button").Attr("data-testid", "pdf-save").
				Text(tr(p.Lang, "files.pdfSave")),
		))
	}
	if p.data.PDFErr != nil {
		return append(out, app.P().Class("error").Text(tr(p.Lang, "files.pdfNoText", p.data.PDFErr.Error())))
	}
	rows := make([]app.UI, len(p.data.PDF))
	for i, l := range p.data.PDF {
		where := view.FileLoc{Part: p.Loc.Part, Path: p.Loc.Path, Page: l.Page, Line: l.Line}
		row := app.Tr().Attr("data-page", strconv.Itoa(l.Page)).Attr("data-line", strconv.Itoa(l.Line)).Body(
			app.Td().Class("ln").Body(app.A().Href(where.URL()).Class("ln-link").Text(tr(p.Lang, "files.pageLine", l.Page, l.Line))),
			app.Td().Class("tl-text").Text(l.Text),
		)
		if l.Line == p.Loc.Line && (l.Page == p.Loc.Page || p.Loc.Page == 0 && l.Page == 1) {
			row = row.Class("hit").ID(hitID).Attr("data-testid", "evidence-target")
		}
		rows[i] = row
	}
	return append(out,
		app.H3().Text(tr(p.Lang, "files.pdfText")),
		app.Table().Class("pdf-lines").Body(app.TBody().Body(rows...)),
	)
}

// pdfSaveName is the name the original PDF is saved under: the member's
// base name, never a path.
func pdfSaveName(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		p = p[i+1:]
	}
	if p == "" {
		return "document.pdf"
	}
	return p
}
