package ui

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/view"
)

// The tree is a virtualised list, like the recordings: the open folders
// flatten into rows of one fixed height, and the DOM holds only the rows in
// view and a margin, so an export of 200,000 folders renders as fast as one
// of twenty. The window moves in chunks of rows: between two chunk edges
// scrolling re-renders nothing, and a focused row keeps its element.
const (
	treeRowHeight = 26  // px; a row never wraps
	treeRowsShown = 30  // rows the list shows at most (it is shorter on small screens)
	treeChunk     = 15  // the window starts at multiples of this, a chunk before the view
	treeIndent    = 16  // px per level
	treeBigFolder = 500 // a folder holding more than this opens only when asked
	treeListID    = "file-tree-list"
)

// treeFolder is a folder of the member tree: the members of one Part whose
// paths share a prefix. Its strings are the members' own (substrings of a
// path), so a folder costs its struct and its slices, nothing per byte of
// its name; the part is its root's Name.
type treeFolder struct {
	Name    string // the last path element; for a part's root, the part
	Dir     string // the folder's path with its trailing "/"; "" for a part's root
	Folders []*treeFolder
	Files   []*view.Entry
	Count   int   // files below it, all levels
	Size    int64 // their declared sizes
}

// buildTree groups the entries by Part, then by folder. Entries are sorted
// by Part and Path in byte order (view.Tree), so the members of a folder
// are consecutive: a stack of the folders on the way to the last entry
// replaces a map of every folder (200,000 folders: half the time and
// memory).
func buildTree(entries []*view.Entry) []*treeFolder {
	var parts []*treeFolder
	var stack []*treeFolder // stack[0] is the part's root
	for _, e := range entries {
		if len(stack) == 0 || stack[0].Name != e.Part {
			root := &treeFolder{Name: e.Part}
			parts = append(parts, root)
			stack = append(stack[:0], root)
		}
		for len(stack) > 1 && !strings.HasPrefix(e.Path, stack[len(stack)-1].Dir) {
			stack = stack[:len(stack)-1]
		}
		dir := stack[len(stack)-1]
		for i := len(dir.Dir); ; {
			j := strings.IndexByte(e.Path[i:], '/')
			if j < 0 {
				break
			}
			sub := &treeFolder{Name: e.Path[i : i+j], Dir: e.Path[:i+j+1]}
			dir.Folders = append(dir.Folders, sub)
			stack = append(stack, sub)
			dir, i = sub, i+j+1
		}
		dir.Files = append(dir.Files, e)
		for _, f := range stack {
			f.Count++
			f.Size += e.Size
		}
	}
	return parts
}

// treeRow is one line of the flattened tree: a folder or a file.
type treeRow struct {
	folder *treeFolder
	file   *view.Entry
	depth  int32
	dup    int32 // the file's place among members of the same name (fileLoc.Dup)
	open   bool
}

// fileTree lists every part and member, folders collapsible, each file with
// its size and type, linking to its view.
type fileTree struct {
	app.Compo
	Lang     string
	Parts    []*treeFolder
	Selected view.FileLoc

	toggled    map[*treeFolder]bool // folders the person opened or closed
	toggles    int                  // how often: rows are flattened again after each
	rows       []treeRow
	rowsFor    treeRowsKey
	scrollTop  int
	stopScroll func() // domOnScroll's remover
	revealed   string // the selected member last scrolled to
}

// treeRowsKey is what rows were flattened from.
type treeRowsKey struct {
	parts      **treeFolder // the first part's slot: buildTree makes a new slice per export
	n, toggles int
	part, path string
}

// isOpen: a part's root and a folder that is all its parent holds are
// open, unless they hold more than treeBigFolder; every folder on the way
// to the selected file is open; what the person opened or closed stays so.
func (t *fileTree) isOpen(part string, f *treeFolder, only bool) bool {
	if v, ok := t.toggled[f]; ok {
		return v
	}
	if t.Selected.Path != "" && part == t.Selected.Part && strings.HasPrefix(t.Selected.Path, f.Dir) {
		return true
	}
	if len(f.Folders)+len(f.Files) > treeBigFolder {
		return false
	}
	return f.Dir == "" || only
}

// visibleRows flattens the open folders, again only when the tree, the
// selection or an open folder changed (not on scroll).
func (t *fileTree) visibleRows() []treeRow {
	k := treeRowsKey{n: len(t.Parts), toggles: t.toggles, part: t.Selected.Part, path: t.Selected.Path}
	if len(t.Parts) > 0 {
		k.parts = &t.Parts[0]
	}
	if k == t.rowsFor && t.rows != nil {
		return t.rows
	}
	if k.parts != t.rowsFor.parts { // another export: its folders start as they come
		t.toggled, t.scrollTop, t.revealed = nil, 0, ""
	}
	t.rowsFor = k
	t.rows = t.rows[:0]
	var part string
	var walk func(f *treeFolder, depth int32, only bool)
	walk = func(f *treeFolder, depth int32, only bool) {
		open := t.isOpen(part, f, only)
		t.rows = append(t.rows, treeRow{folder: f, depth: depth, open: open})
		if !open {
			return
		}
		for _, sub := range f.Folders {
			walk(sub, depth+1, len(f.Folders) == 1 && len(f.Files) == 0)
		}
		// Members of the same name sit side by side (entries are sorted):
		// each is addressed by its place among them.
		dup := int32(0)
		for i, e := range f.Files {
			if i > 0 && f.Files[i-1].Path == e.Path {
				dup++
			} else {
				dup = 0
			}
			t.rows = append(t.rows, treeRow{file: e, depth: depth + 1, dup: dup})
		}
	}
	for _, p := range t.Parts {
		part = p.Name
		walk(p, 0, false)
	}
	return t.rows
}

func (t *fileTree) OnMount(ctx app.Context) {
	t.stopScroll = domOnScroll(treeListID, func(top int) { t.onScroll(ctx, top) })
	t.reveal(ctx)
}

func (t *fileTree) OnUpdate(ctx app.Context) { t.reveal(ctx) }

func (t *fileTree) OnDismount() {
	if t.stopScroll != nil {
		t.stopScroll()
	}
}

// reveal scrolls the selected file into view once per selection (an
// evidence link opens the Files view far down the tree).
func (t *fileTree) reveal(ctx app.Context) {
	sel := t.Selected.Part + "\x00" + t.Selected.Path
	if sel == t.revealed || t.Selected.Path == "" {
		return
	}
	t.revealed = sel
	for i, r := range t.visibleRows() {
		if r.file != nil && r.file.Part == t.Selected.Part && r.file.Path == t.Selected.Path {
			top := i * treeRowHeight
			if top >= t.scrollTop && top+treeRowHeight <= t.scrollTop+treeRowsShown*treeRowHeight {
				return // in view already
			}
			t.scrollTop = max(top-treeRowsShown/2*treeRowHeight, 0)
			top = t.scrollTop
			ctx.Defer(func(app.Context) { setTreeScroll(top) })
			return
		}
	}
}

// window returns the rows to render: from a chunk before the first row in
// view to a chunk after the last.
func (t *fileTree) window(n int) (first, last int) {
	first = min(max((t.scrollTop/treeRowHeight/treeChunk-1)*treeChunk, 0), n)
	return first, min(first+treeRowsShown+3*treeChunk, n)
}

func (t *fileTree) Render() app.UI {
	rows := t.visibleRows()
	first, last := t.window(len(rows))
	items := make([]app.UI, 0, last-first)
	for i := first; i < last; i++ {
		items = append(items, t.row(rows[i]))
	}
	return app.Nav().Class("file-tree").Aria("label", tr(t.Lang, tFilesTree)).Body(
		app.H3().Text(tr(t.Lang, tFilesTree)),
		app.Div().ID(treeListID).Class("tree-list").
			Attr("data-rows", itoa(len(rows))).
			Style("max-height", fmt.Sprintf("min(75vh, %dpx)", treeRowsShown*treeRowHeight)).
			Style("overflow", "auto").
			Body(
				app.Div().Class("tree-spacer").Style("height", itoa(max(len(rows), 1)*treeRowHeight)+"px").Body(
					app.Div().Class("tree-window").Style("transform", "translateY("+itoa(first*treeRowHeight)+"px)").Body(items...),
				),
			),
	)
}

// row renders one line. Handlers are scoped by the folder: the same
// element shows other rows as the window moves.
func (t *fileTree) row(r treeRow) app.UI {
	indent := itoa(int(r.depth)*treeIndent) + "px"
	if r.file != nil {
		return t.file(r.file, int(r.dup), indent)
	}
	f, open := r.folder, r.open
	name := f.Name
	if f.Dir == "" && name == "" {
		name = tr(t.Lang, tFilesInput)
	}
	cls := "tree-folder"
	if f.Dir == "" {
		cls = "tree-part"
	}
	count := tr(t.Lang, tFilesCount, f.Count, sizeText(t.Lang, f.Size))
	if f.Count == 1 {
		count = tr(t.Lang, tFilesCount1, sizeText(t.Lang, f.Size))
	}
	return app.Div().Class("tree-row", cls).Attr("data-testid", "tree-folder").
		Style("height", itoa(treeRowHeight)+"px").Style("padding-left", indent).
		Style("white-space", "nowrap").Style("overflow", "hidden").
		Body(
			app.Button().Type("button").Class("tree-toggle").
				Aria("expanded", fmt.Sprint(open)).
				OnClick(func(ctx app.Context, e app.Event) { t.onToggle(f, !open) }, f).
				Body(
					app.Span().Class("tree-name").Body(shownName(name)),
					app.Span().Class("tree-meta").Text(count),
				),
		)
}

func (t *fileTree) isSelected(e *view.Entry, dup int) bool {
	return e.Part == t.Selected.Part && e.Path == t.Selected.Path && dup == t.Selected.Dup
}

func (t *fileTree) file(e *view.Entry, dup int, indent string) app.UI {
	name := e.Path
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	a := app.A().Href(view.FileLoc{Part: e.Part, Path: e.Path, Dup: dup}.URL()).Class("tree-file-link").Body(shownName(name))
	cls := []string{"tree-row", "tree-file"}
	if t.isSelected(e, dup) {
		cls = append(cls, "selected")
		a = a.Aria("current", "page")
	}
	return app.Div().Class(cls...).Attr("data-testid", "tree-file").
		Style("height", itoa(treeRowHeight)+"px").Style("padding-left", indent).
		Style("white-space", "nowrap").Style("overflow", "hidden").
		Body(
			a,
			app.Span().Class("tree-size").Text(sizeText(t.Lang, e.Size)),
			app.Span().Class("tree-kind").Text(tr(t.Lang, textOr(kindText[view.KindOf(e.Path)], tFilesKindOther))),
		)
}

// onToggle opens or closes a folder.
func (t *fileTree) onToggle(f *treeFolder, open bool) {
	if t.toggled == nil {
		t.toggled = map[*treeFolder]bool{}
	}
	t.toggled[f] = open
	t.toggles++
}

// onScroll (domOnScroll) draws the tree again only when the window moved
// by a chunk.
func (t *fileTree) onScroll(ctx app.Context, top int) {
	n := len(t.visibleRows())
	old, _ := t.window(n)
	t.scrollTop = top
	if now, _ := t.window(n); now != old {
		ctx.Dispatch(func(app.Context) {})
	}
}

// setTreeScroll moves the tree's scroll position; the rows stay go-app's.
func setTreeScroll(top int) {
	domSetScrollTop(treeListID, top)
}

// sizeText formats a byte count for people: bytes below a kilobyte.
func sizeText(lang string, n int64) string {
	switch {
	case n >= 1<<30:
		return decimal(lang, float64(n)/(1<<30)) + " GB"
	case n >= 1<<20:
		return decimal(lang, float64(n)/(1<<20)) + " MB"
	case n >= 1<<10:
		return decimal(lang, float64(n)/(1<<10)) + " kB"
	}
	return groupDigits(n, digitSep(lang)) + " B"
}
