package ui

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/view"
)

// kidsShown is how many members of one object or array are listed before
// "show more": the DOM holds only what is listed.
const kidsShown = 200

// jsonTreeView shows a JSON document as a collapsible tree. Each node
// carries its JSON pointer (data-pointer); the node at Loc.Pointer (or, from
// a URL, at the child positions Loc.Node) is expanded to, marked and
// scrolled into view. Clicking a key selects that node: the URL then names
// its child positions, never its keys.
type jsonTreeView struct {
	app.Compo
	Lang string
	Root *view.JSONNode
	Loc  view.FileLoc
	// Hidden maps the pointer of each hidden record's element to what the
	// record says: strings under it that hold those words are hidden
	// (files-protect-preview.go).
	Hidden map[string][]string

	toggled map[string]bool // nodes the person opened or closed
	more    map[string]int  // nodes listing more than kidsShown members
	root    *view.JSONNode  // the tree toggled belongs to
}

// isOpen: the root and every node on the way to the selected pointer are
// open, unless the person closed them.
func (v *jsonTreeView) isOpen(ptr string, onPath bool) bool {
	if o, ok := v.toggled[ptr]; ok {
		return o
	}
	return ptr == "" || onPath
}

func (v *jsonTreeView) Render() app.UI {
	if v.root != v.Root { // another document: forget what was toggled
		v.root, v.toggled, v.more = v.Root, nil, nil
	}
	target := v.Loc.Pointer
	if target == "" && v.Loc.Node != "" {
		target = nodePointer(v.Root, v.Loc.Node)
	}
	path := map[string]bool{}
	if target != "" {
		for _, p := range view.PointerPrefixes(target) {
			path[p] = true
		}
	}
	body := []app.UI{}
	if target != "" {
		body = append(body, app.P().Class("hint").Text(tr(v.Lang, tFilesPointer, target)))
	}
	return app.Div().Class("json-tree", "mono").Body(append(body,
		app.Ul().Class("json-root").Body(v.node(v.Root, "", "", target, path)),
	)...)
}

// nodePointer returns the JSON pointer of the node at child positions at
// ("3.0.12": the root's 4th member, its 1st, its 13th); "" when there is
// no such node.
func nodePointer(root *view.JSONNode, at string) string {
	n, ptr := root, ""
	for _, i := range view.Positions(at, view.MaxJSONDepth+1) {
		if n == nil || i >= len(n.Kids) {
			return ""
		}
		n = n.Kids[i]
		ptr += "/" + view.EscapePointerToken(n.Key)
	}
	return ptr
}

// node renders n, whose pointer is ptr and child positions at; target is
// the pointer to mark.
func (v *jsonTreeView) node(n *view.JSONNode, ptr, at, target string, path map[string]bool) app.UI {
	// A URL's node is marked by its position: of two members with the same
	// key (a hostile document) only the one it names.
	hit := target != "" && ptr == target
	if v.Loc.Pointer == "" {
		hit = target != "" && at == v.Loc.Node
	}
	li := app.Li().Class("json-node").Attr("data-pointer", ptr)
	if hit {
		li = li.Class("hit").ID(hitID).Attr("data-testid", "evidence-target")
	}
	key := app.UI(app.Span().Class("json-key").Text(tr(v.Lang, tFilesRoot)))
	if ptr != "" {
		sel := view.FileLoc{Part: v.Loc.Part, Path: v.Loc.Path, Node: at}
		key = app.A().Href(sel.URL()).Class("json-key").Text(shownText(n.Key))
	}
	if n.Kind != 'o' && n.Kind != 'a' {
		if n.Kind == 's' && (v.hides(ptr, n.Value) || shownPseudo.Said(n.Value)) {
			return li.Body(key, app.Span().Class("json-value", "cell-hidden").Attr("data-testid", "json-hidden").Text(tr(v.Lang, tProtectContent)))
		}
		return li.Body(key, app.Span().Class("json-value", "json-"+string(n.Kind)).Text(shownText(n.Value)))
	}
	open := v.isOpen(ptr, path[ptr])
	var count string
	switch {
	case n.Kind == 'a' && len(n.Kids) == 1:
		count = tr(v.Lang, tFilesItem1)
	case n.Kind == 'a':
		count = tr(v.Lang, tFilesItems, len(n.Kids))
	case len(n.Kids) == 1:
		count = tr(v.Lang, tFilesKey1)
	default:
		count = tr(v.Lang, tFilesKeys, len(n.Kids))
	}
	toggle := app.Button().Type("button").Class("json-toggle").
		Aria("expanded", fmt.Sprint(open)).
		OnClick(func(ctx app.Context, e app.Event) { v.onToggle(ptr, !open) }, ptr).
		Text(count)
	if !open {
		return li.Body(key, toggle)
	}
	limit := kidsShown + v.more[ptr]
	kids := make([]app.UI, 0, min(len(n.Kids), limit)+1)
	for i, k := range n.Kids {
		kp := ptr + "/" + view.EscapePointerToken(k.Key)
		if i >= limit && !path[kp] {
			continue
		}
		ka := strconv.Itoa(i)
		if at != "" {
			ka = at + "." + ka
		}
		kids = append(kids, v.node(k, kp, ka, target, path))
	}
	if hidden := len(n.Kids) - limit; hidden > 0 {
		kids = append(kids, app.Li().Body(
			app.Button().Type("button").Class("link-button").
				Text(tr(v.Lang, tFilesMore, min(hidden, kidsShown))).
				OnClick(func(ctx app.Context, e app.Event) { v.onMore(ptr) }, ptr),
		))
	}
	return li.Body(key, toggle, app.Ul().Body(kids...))
}

// hides reports whether the string at ptr holds what a hidden record says.
func (v *jsonTreeView) hides(ptr, value string) bool {
	if len(v.Hidden) == 0 {
		return false
	}
	for _, pre := range view.PointerPrefixes(ptr) {
		if said, ok := v.Hidden[pre]; ok && pre != "" {
			return view.AnyHidden(view.Redact(value, said, len(value) >= view.MaxCellShown-utf8.UTFMax))
		}
	}
	return false
}

// onToggle opens or closes a node.
func (v *jsonTreeView) onToggle(ptr string, open bool) {
	if v.toggled == nil {
		v.toggled = map[string]bool{}
	}
	v.toggled[ptr] = open
}

// onMore lists kidsShown more members of a node.
func (v *jsonTreeView) onMore(ptr string) {
	if v.more == nil {
		v.more = map[string]int{}
	}
	v.more[ptr] += kidsShown
}
