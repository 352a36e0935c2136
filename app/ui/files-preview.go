package ui

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
	"exportlens/app/view"
)

// hitID is the element of the marked place (a CSV row, a text or PDF line,
// a JSON node), scrolled into view. Never "fs", "process" or "path".
const hitID = "files-hit"

// previewData is what a preview read from a member, off the UI goroutine,
// with the object URL of the bytes it shows or saves.
type previewData struct {
	view.Preview
	URL string // object URL of an image or audio, or the PDF to save; revoked when replaced
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
	Entry   *view.Entry
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
	if why, _ := p.hidden(); why != noText {
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
	if why, _ := p.hidden(); p.Entry == nil || why != noText {
		browser.Revoke(p.data.URL)
		p.data, p.loading = previewData{}, false
		return
	}
	p.loading = true
	s, e, loc, asText := p.Session, p.Entry, p.Loc, p.asText
	ctx.Async(func() {
		d := readPreviewURL(s, e, loc, asText)
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
func (p *filePreview) hidden() (why textKey, findings []int) {
	if p.Entry == nil {
		return noText, nil
	}
	hidden, findings := protectionOf(p.Session).Member(p.Entry.Part, p.Entry.Path)
	return hiddenText[hidden], findings
}

// hiddenText says why a member is hidden as a whole; noText when it is not.
var hiddenText = map[view.Hidden]textKey{view.HiddenAudio: tProtectAudioFile, view.HiddenDocument: tProtectDocument}

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

// readPreviewURL reads the preview of e at loc (view.ReadPreview) and
// makes an object URL of the bytes it shows or saves.
func readPreviewURL(s session, e *view.Entry, loc view.FileLoc, asText bool) previewData {
	d := previewData{Preview: view.ReadPreview(e, loc, asText, readers(s.Files))}
	if d.Err == nil && d.Bytes != nil {
		d.URL, d.Err = sourceURL(d.Bytes, s.Files)
	}
	d.Bytes = nil // the URL holds them
	return d
}

// readers are the files' readers, in the order of the files.
func readers(files []*browser.File) []io.ReaderAt {
	out := make([]io.ReaderAt, len(files))
	for i, f := range files {
		out[i] = f.ReaderAt()
	}
	return out
}

// sourceURL makes an object URL of src: a zero-copy slice of one of files
// when the bytes lie stored there, else of the bytes read.
func sourceURL(src *view.Source, files []*browser.File) (string, error) {
	if src.Input >= 0 {
		return browser.ObjectURL(files[src.Input], src.Offset, src.Offset+src.Size, src.Type)
	}
	return browser.BytesURL(src.Data, src.Type)
}

func (p *filePreview) Render() app.UI {
	if p.Loc.Path == "" {
		return app.Section().Class("file-preview").Body(app.P().Class("hint").Text(tr(p.Lang, tFilesChoose)))
	}
	if p.Entry == nil {
		return app.Section().Class("file-preview").Body(app.P().Class("error").Text(tr(p.Lang, tFilesNotFound, p.Session.Report.Name(p.Loc.Part, p.Loc.Path))))
	}
	e := p.Entry
	k := view.KindOf(e.Path)
	if p.data.Kind != "" && p.member == p.memberKey() {
		k = p.data.Kind
	}
	head := app.Div().Class("preview-head").Body(
		app.H2().Class("mono").Attr("data-testid", "file-name").Body(shownName(e.Name())),
		app.P().Class("hint").Text(sizeText(p.Lang, e.Size)+" · "+tr(p.Lang, textOr(kindText[k], tFilesKindOther))), // what the bytes are, once read
	)
	body := []app.UI{head}
	why, findings := p.hidden()
	switch {
	case why != noText:
		body = append(body, &protectNotice{Lang: p.Lang, Gen: p.Session.Gen, Report: p.Session.Report,
			Why: tr(p.Lang, why), Findings: findings})
	case p.loading, p.member != p.memberKey():
		// go-app renders the new member before OnUpdate reads it: never
		// show the previous member's data under this one's name.
		body = append(body, app.P().Class("notice").Text(tr(p.Lang, tFilesLoading)))
	case p.data.Err != nil:
		body = append(body, app.P().Class("error").Text(tr(p.Lang, tFilesFailed, p.data.Err.Error())))
	case p.data.CSV != nil:
		body = append(body, p.renderCSV(p.data.CSV)...)
	case p.data.JSON != nil:
		prot := protectionOf(p.Session)
		key := view.FileKey(e.Part, e.Path)
		if hides, fs := prot.FileHides(key); hides {
			body = append(body, &protectNotice{Lang: p.Lang, Gen: p.Session.Gen, Report: p.Session.Report,
				Why: tr(p.Lang, tProtectRecords), Findings: fs})
		}
		var hidden map[string][]string
		if prot != nil {
			hidden = prot.Pointers[key]
		}
		if said := shownPseudo.SaidAt(key); said != nil { // presenting: every record's words
			hidden = said
		}
		body = append(body, &jsonTreeView{Lang: p.Lang, Root: p.data.JSON, Loc: p.Loc, Hidden: hidden})
	case p.data.Text != nil:
		if p.data.JSONNote != "" {
			body = append(body, app.P().Class("notice").Text(tr(p.Lang, tFilesJsonText)))
		}
		body = append(body, p.renderText(p.data.Text)...)
	case k == view.KindPDF:
		body = append(body, p.renderPDF()...)
	case k == view.KindImage && p.data.URL != "":
		body = append(body, app.Img().Class("preview-image").Src(p.data.URL).Alt(e.Path))
	case k == view.KindAudio && p.data.URL != "":
		body = append(body, app.Audio().Class("preview-audio").Attr("data-testid", "file-audio").Controls(true).Preload("metadata").Src(p.data.URL))
	case k == view.KindArchive:
		body = append(body, app.P().Text(tr(p.Lang, tFilesArchive)))
	case p.key != "":
		body = append(body, app.P().Text(tr(p.Lang, tFilesNoPreview)))
	}
	return app.Section().Class("file-preview").Attr("data-kind", string(k)).Body(body...)
}

// pager links to the pages before and after page.
func (p *filePreview) pager(page int, next bool) app.UI {
	link := func(to int, key textKey, ok bool) app.UI {
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
		link(page-1, tFilesPrev, page > 1),
		link(page+1, tFilesNext, next),
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
		out = append(out, app.P().Text(tr(p.Lang, tFilesEmptyPage)))
	} else {
		first, last := pg.Records[0].Line, pg.Records[len(pg.Records)-1].Line
		out = append(out, app.P().Class("hint").Text(tr(p.Lang, tFilesRows, pg.Page, first, last)))
		prot := protectionOf(p.Session)
		var hiddenRows map[int][]string
		var rowFindings []int
		if prot != nil && p.Entry != nil {
			key := view.FileKey(p.Entry.Part, p.Entry.Path)
			hiddenRows, rowFindings = prot.Records[key], prot.RecordFindings[key]
		}
		if len(hiddenRows) > 0 {
			out = append(out, &protectNotice{Lang: p.Lang, Gen: p.Session.Gen, Report: p.Session.Report,
				Why: tr(p.Lang, tProtectRecords), Findings: rowFindings})
		}
		rows := make([]app.UI, len(pg.Records))
		for i, r := range pg.Records {
			said := hiddenRows[r.Line] // what a hidden record says: those cells are hidden
			hit := p.Loc.Line > 0 && r.Line == p.Loc.Line
			cells := make([]app.UI, 0, len(r.Cells)+2)
			cells = append(cells, app.Td().Class("ln").Body(p.lineLink(r.Line)))
			for j, c := range r.Cells {
				if view.HidesCell(c, said) || shownPseudo.SaidCell(c) {
					cells = append(cells, app.Td().Class("cell", "cell-hidden").Attr("data-testid", "cell-hidden").Text(tr(p.Lang, tProtectContent)))
					continue
				}
				if hit && j == pg.Column {
					cells = append(cells, app.Td().Class("cell", "hit-cell").Attr("data-testid", "evidence-cell").Body(app.Mark().Text(shownText(c))))
					continue
				}
				cells = append(cells, app.Td().Class("cell").Text(shownText(c)))
			}
			if r.More > 0 {
				cells = append(cells, app.Td().Class("more").Text(tr(p.Lang, tFilesMoreCells, r.More)))
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
		out = append(out, app.P().Class("error").Text(tr(p.Lang, tFilesStopped, pg.Err.Error())))
	}
	return append(out, p.pager(pg.Page, pg.Next))
}

func (p *filePreview) renderText(pg *view.TextPage) []app.UI {
	out := []app.UI{}
	if len(pg.Lines) == 0 {
		out = append(out, app.P().Text(tr(p.Lang, tFilesEmptyPage)))
	} else {
		out = append(out, app.P().Class("hint").Text(tr(p.Lang, tFilesLines, pg.Page, pg.Lines[0].N, pg.Lines[len(pg.Lines)-1].N)))
		prot := protectionOf(p.Session)
		var key string
		if p.Entry != nil {
			key = view.FileKey(p.Entry.Part, p.Entry.Path)
		}
		hides, fs := prot.FileHides(key)
		var presented []string // presenting: what the records on these lines say
		if shownPseudo != nil {
			presented = shownPseudo.SaidOn(key, 0, pg.Lines[0].N, pg.Lines[len(pg.Lines)-1].N)
		}
		if hides {
			out = append(out, &protectNotice{Lang: p.Lang, Gen: p.Session.Gen, Report: p.Session.Report,
				Why: tr(p.Lang, tProtectRecords), Findings: fs})
		}
		lines := make([]app.UI, len(pg.Lines))
		for i, l := range pg.Lines {
			text := app.Span().Class("tl-text").Text(l.Text)
			switch {
			case shownPseudo != nil:
				text = app.Span().Class("tl-text").Body(p.shownParts(view.Redact(l.Text, presented, l.Cut))...)
			case hides:
				text = app.Span().Class("tl-text").Body(p.shownParts(view.Redact(l.Text, prot.TextSaid(key, l.N), l.Cut))...)
			}
			body := []app.UI{p.lineLink(l.N), text}
			if l.Cut {
				body = append(body, app.Span().Class("cut").Text(" "+tr(p.Lang, tFilesCut)))
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
		out = append(out, app.P().Class("error").Text(tr(p.Lang, tFilesStopped, pg.Err.Error())))
	}
	return append(out, p.pager(pg.Page, pg.Next))
}

// shownParts renders a redacted line: a hidden part is replaced by the
// word for hidden content (test hook: data-testid="text-hidden").
func (p *filePreview) shownParts(parts []view.ShownPart) []app.UI {
	out := make([]app.UI, len(parts))
	for i, pt := range parts {
		if pt.Hidden {
			out[i] = app.Span().Class("cell-hidden").Attr("data-testid", "text-hidden").Text(tr(p.Lang, tProtectContent))
			continue
		}
		out[i] = app.Text(shownText(pt.Text))
	}
	return out
}

func (p *filePreview) renderPDF() []app.UI {
	out := []app.UI{app.P().Class("hint").Attr("data-testid", "pdf-as-text").Text(tr(p.Lang, tFilesPdfAsText))}
	if p.data.URL != "" {
		out = append(out, app.P().Body(
			app.A().Href(p.data.URL).Attr("download", pdfSaveName(p.Entry.Path)).
				Class("button").Attr("data-testid", "pdf-save").
				Text(tr(p.Lang, tFilesPdfSave)),
		))
	}
	if p.data.PDFErr != nil {
		return append(out, app.P().Class("error").Text(tr(p.Lang, tFilesPdfNoText, p.data.PDFErr.Error())))
	}
	rows := make([]app.UI, len(p.data.PDF))
	for i, l := range p.data.PDF {
		where := view.FileLoc{Part: p.Loc.Part, Path: p.Loc.Path, Page: l.Page, Line: l.Line}
		row := app.Tr().Attr("data-page", strconv.Itoa(l.Page)).Attr("data-line", strconv.Itoa(l.Line)).Body(
			app.Td().Class("ln").Body(app.A().Href(where.URL()).Class("ln-link").Text(tr(p.Lang, tFilesPageLine, l.Page, l.Line))),
			p.pdfText(l.Page, l.Line, l.Text),
		)
		if l.Line == p.Loc.Line && (l.Page == p.Loc.Page || p.Loc.Page == 0 && l.Page == 1) {
			row = row.Class("hit").ID(hitID).Attr("data-testid", "evidence-target")
		}
		rows[i] = row
	}
	return append(out,
		app.H3().Text(tr(p.Lang, tFilesPdfText)),
		app.Div().Class("table-scroll").Body(app.Table().Class("pdf-lines").Body(app.TBody().Body(rows...))),
	)
}

// pdfText is a PDF line's text; while presenting, without what the records
// on it say (a transcript document's lines are each one's words).
func (p *filePreview) pdfText(page, line int, text string) app.UI {
	td := app.Td().Class("tl-text")
	if shownPseudo == nil {
		return td.Text(text)
	}
	if shownPseudo.Said(text) {
		return td.Body(app.Span().Class("cell-hidden").Attr("data-testid", "text-hidden").Text(tr(p.Lang, tProtectContent)))
	}
	said := shownPseudo.SaidOn(view.FileKey(p.Entry.Part, p.Entry.Path), page, line, line)
	return td.Body(p.shownParts(view.Redact(text, said, false))...)
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
