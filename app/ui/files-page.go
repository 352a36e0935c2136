package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/view"
)

// filesPage is "/files": the tree of every part and member, and a preview
// of the member the URL names (/files?m=…&line=…). The URL holds the whole
// view, as positions (see fileLoc), so loading it again after the export is
// opened shows the same place.
type filesPage struct {
	app.Compo
	s    session
	lang string
	url  view.URLLoc  // the view the URL names
	loc  view.FileLoc // url, resolved through the open export
	ids  view.MemberIndex
	href string // the address shown, without present=1 (shareURL)
}

func newFilesPage() *filesPage { return &filesPage{} }

// OnInit draws the page with the open export and language from the start.
func (p *filesPage) OnInit() { initialView(&p.s, &p.lang) }

func (p *filesPage) OnMount(ctx app.Context) {
	observeSession(ctx, &p.s, &p.lang)
}

// OnNav reads the view from the URL. go-app keeps this component when only
// the query changes, so the tree's open folders stay as they were.
func (p *filesPage) OnNav(ctx app.Context) {
	onPageNav(ctx)
	q := ctx.Page().URL().Query()
	p.url = view.ParseFileLoc(q)
	q.Del(view.PresentParam)
	p.href = view.FilesRoute
	if len(q) > 0 {
		p.href += "?" + q.Encode()
	}
}

// shareURL is the address of the view shown: the Files page's address
// names it already (view.FileLoc), and every choice on it is a link.
func (p *filesPage) shareURL() string {
	if p.href == "" {
		return view.FilesRoute
	}
	return p.href
}

// tree returns the member tree of the open export. go-app mounts a new
// page on every visit, so the tree is kept for the export (built once per
// open: 200,000 folders take a few hundred milliseconds in the browser).
func (p *filesPage) tree() []*treeFolder {
	if p.s.Tree == nil {
		return nil
	}
	if filesTree.of != p.s.Tree {
		filesTree.of, filesTree.parts = p.s.Tree, buildTree(p.s.Tree.Entries)
	}
	return filesTree.parts
}

// filesTree is the tree of the last export the Files page showed; only
// the UI goroutine uses it.
var filesTree struct {
	of    *view.Tree
	parts []*treeFolder
}

// entry finds the member loc names; nil when there is none. Of duplicate
// names the first is shown (the tree lists both).
func (p *filesPage) entry() *view.Entry {
	if p.s.Tree == nil || p.loc.Path == "" {
		return nil
	}
	return p.ids.Lookup(p.s.Tree, view.MemberID(p.loc.Part, p.loc.Path), p.loc.Dup)
}

func (p *filesPage) Render() app.UI {
	presentFor(p.s)
	var main app.UI
	h1 := pageHeading(tr(p.lang, tFilesTitle))
	if !p.s.Loaded() || p.s.Tree == nil {
		showHead(p.lang, tr(p.lang, tFilesTitle))
		main = app.Main().Class("files").Body(
			h1,
			sharedLanding(p.lang, p.url.Member != ""),
			app.P().Text(tr(p.lang, tFilesEmpty)),
			&openPanel{Lang: p.lang, Session: p.s},
		)
	} else {
		p.loc = p.url.Resolve(p.s.Tree, p.s.Report, &p.ids)
		// The title names the kind of file shown, never its name.
		if e := p.entry(); e != nil {
			showHead(p.lang, tr(p.lang, tTitleFile, tr(p.lang, textOr(kindText[view.KindOf(e.Path)], tFilesKindOther))), tr(p.lang, tFilesTitle))
		} else {
			showHead(p.lang, tr(p.lang, tFilesTitle))
		}
		main = app.Main().Class("files", "files-loaded").Body(
			h1,
			&fileTree{Lang: p.lang, Parts: p.tree(), Selected: p.loc},
			p.preview(),
		)
	}
	return pageRoot(p.lang, []string{"page", "page-wide"},
		&topBar{Lang: p.lang, Current: view.FilesRoute, Share: p.shareURL()},
		main,
	)
}

// preview shows the member; an address whose member ID names none of the
// open export's members says so (the ID is all the address has of it).
func (p *filesPage) preview() app.UI {
	if p.url.Member != "" && p.loc.Path == "" {
		return app.Section().Class("file-preview").Body(
			app.P().Class("error").Attr("data-testid", "member-gone").Text(tr(p.lang, tFilesMemberGone)))
	}
	return &filePreview{Lang: p.lang, Session: p.s, Entry: p.entry(), Loc: p.loc}
}
