package ui

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/archive"
)

// filesShown is how many files of one folder are listed before "show more":
// an Amazon media folder holds tens of thousands, and the DOM holds only
// what is listed.
const filesShown = 300

// treeFolder is a folder of the member tree: the members of one Part whose
// paths share a prefix.
type treeFolder struct {
	Name    string // the last path element; for a part's root, the part
	Key     string // part + "\x00" + folder path: identifies it for open/closed
	Folders []*treeFolder
	Files   []*archive.Entry
	Count   int   // files below it, all levels
	Size    int64 // their declared sizes
}

// buildTree groups the entries by Part, then by folder. Entries are sorted
// by Part and Path (archive.Tree), so folders appear in order.
func buildTree(entries []*archive.Entry) []*treeFolder {
	var parts []*treeFolder
	var part *treeFolder
	var byKey map[string]*treeFolder
	for _, e := range entries {
		if part == nil || part.Key != e.Part+"\x00" {
			part = &treeFolder{Name: e.Part, Key: e.Part + "\x00"}
			parts = append(parts, part)
			byKey = map[string]*treeFolder{part.Key: part}
		}
		dir, at := part, ""
		segs := strings.Split(e.Path, "/")
		for _, seg := range segs[:len(segs)-1] {
			at += seg + "/"
			key := e.Part + "\x00" + at
			sub := byKey[key]
			if sub == nil {
				sub = &treeFolder{Name: seg, Key: key}
				byKey[key] = sub
				dir.Folders = append(dir.Folders, sub)
			}
			dir = sub
		}
		dir.Files = append(dir.Files, e)
		// Count and size on every folder of the way.
		part.Count++
		part.Size += e.Size
		at = ""
		for _, seg := range segs[:len(segs)-1] {
			at += seg + "/"
			f := byKey[e.Part+"\x00"+at]
			f.Count++
			f.Size += e.Size
		}
	}
	return parts
}

// fileTree lists every part and member, folders collapsible, each file with
// its size and type, linking to its view.
type fileTree struct {
	app.Compo
	Lang     string
	Parts    []*treeFolder
	Selected fileLoc

	toggled map[string]bool // folders the person opened or closed
	more    map[string]int  // folders showing more than filesShown files
}

// isOpen: a part's root is open, and so is every folder on the way to the
// selected file and a folder that is all its parent holds, unless the person
// closed it.
func (t *fileTree) isOpen(f *treeFolder, root, only bool) bool {
	if v, ok := t.toggled[f.Key]; ok {
		return v
	}
	if root || only {
		return true
	}
	part, dir, _ := strings.Cut(f.Key, "\x00")
	return part == t.Selected.Part && strings.HasPrefix(t.Selected.Path, dir)
}

func (t *fileTree) Render() app.UI {
	items := make([]app.UI, len(t.Parts))
	for i, p := range t.Parts {
		items[i] = t.folder(p, true, false)
	}
	return app.Nav().Class("file-tree").Aria("label", tr(t.Lang, "files.tree")).Body(
		app.H3().Text(tr(t.Lang, "files.tree")),
		app.Ul().Class("tree-root").Body(items...),
	)
}

func (t *fileTree) folder(f *treeFolder, root, only bool) app.UI {
	open := t.isOpen(f, root, only)
	name := f.Name
	if root && name == "" {
		name = tr(t.Lang, "files.input")
	}
	cls := "tree-folder"
	if root {
		cls = "tree-part"
	}
	count := tr(t.Lang, "files.count", f.Count, sizeText(f.Size))
	if f.Count == 1 {
		count = tr(t.Lang, "files.count1", sizeText(f.Size))
	}
	head := app.Button().Type("button").Class("tree-toggle").
		Aria("expanded", fmt.Sprint(open)).
		OnClick(func(ctx app.Context, e app.Event) { t.onToggle(f.Key, !open) }, f.Key).
		Body(
			app.Span().Class("tree-name").Text(name),
			app.Span().Class("tree-meta").Text(count),
		)
	li := app.Li().Class(cls).Attr("data-testid", "tree-folder")
	if !open {
		return li.Body(head)
	}
	kids := make([]app.UI, 0, len(f.Folders)+min(len(f.Files), filesShown)+1)
	for _, sub := range f.Folders {
		kids = append(kids, t.folder(sub, false, len(f.Folders) == 1 && len(f.Files) == 0))
	}
	limit := filesShown + t.more[f.Key]
	for i, e := range f.Files {
		if i >= limit && !t.isSelected(e) {
			continue
		}
		kids = append(kids, t.file(e))
	}
	if hidden := len(f.Files) - limit; hidden > 0 {
		kids = append(kids, app.Li().Body(
			app.Button().Type("button").Class("link-button").
				Text(tr(t.Lang, "files.more", min(hidden, filesShown))).
				OnClick(func(ctx app.Context, e app.Event) { t.onMore(f.Key) }, f.Key),
		))
	}
	return li.Body(head, app.Ul().Body(kids...))
}

func (t *fileTree) isSelected(e *archive.Entry) bool {
	return e.Part == t.Selected.Part && e.Path == t.Selected.Path
}

func (t *fileTree) file(e *archive.Entry) app.UI {
	name := e.Path
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	a := app.A().Href(fileLoc{Part: e.Part, Path: e.Path}.URL()).Class("tree-file-link").Text(name)
	cls := []string{"tree-file"}
	if t.isSelected(e) {
		cls = append(cls, "selected")
		a = a.Aria("current", "page")
	}
	return app.Li().Class(cls...).Attr("data-testid", "tree-file").Body(
		a,
		app.Span().Class("tree-size").Text(sizeText(e.Size)),
		app.Span().Class("tree-kind").Text(tr(t.Lang, "files.kind."+string(kindOf(e.Path)))),
	)
}

// onToggle opens or closes a folder.
func (t *fileTree) onToggle(key string, open bool) {
	if t.toggled == nil {
		t.toggled = map[string]bool{}
	}
	t.toggled[key] = open
}

// onMore lists filesShown more files of a folder.
func (t *fileTree) onMore(key string) {
	if t.more == nil {
		t.more = map[string]int{}
	}
	t.more[key] += filesShown
}

// sizeText formats a byte count for people: bytes below a kilobyte.
func sizeText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
