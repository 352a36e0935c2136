package ui

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// kidsShown is how many members of one object or array are listed before
// "show more": the DOM holds only what is listed.
const kidsShown = 200

// jsonTreeView shows a JSON document as a collapsible tree. Each node
// carries its JSON pointer (data-pointer); the node at Loc.Pointer is
// expanded to, marked and scrolled into view. Clicking a key selects that
// node: the URL then names its pointer.
type jsonTreeView struct {
	app.Compo
	Lang string
	Root *jsonNode
	Loc  fileLoc

	toggled map[string]bool // nodes the person opened or closed
	more    map[string]int  // nodes listing more than kidsShown members
	root    *jsonNode       // the tree toggled belongs to
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
	path := map[string]bool{}
	if v.Loc.Pointer != "" {
		for _, p := range pointerPrefixes(v.Loc.Pointer) {
			path[p] = true
		}
	}
	body := []app.UI{}
	if v.Loc.Pointer != "" {
		body = append(body, app.P().Class("hint").Text(tr(v.Lang, "files.pointer", v.Loc.Pointer)))
	}
	return app.Div().Class("json-tree", "mono").Body(append(body,
		app.Ul().Class("json-root").Body(v.node(v.Root, "", path)),
	)...)
}

func (v *jsonTreeView) node(n *jsonNode, ptr string, path map[string]bool) app.UI {
	hit := v.Loc.Pointer != "" && ptr == v.Loc.Pointer
	li := app.Li().Class("json-node").Attr("data-pointer", ptr)
	if hit {
		li = li.Class("hit").ID(hitID).Attr("data-testid", "evidence-target")
	}
	key := app.UI(app.Span().Class("json-key").Text(tr(v.Lang, "files.root")))
	if ptr != "" {
		sel := fileLoc{Part: v.Loc.Part, Path: v.Loc.Path, Pointer: ptr}
		key = app.A().Href(sel.URL()).Class("json-key").Text(n.Key)
	}
	if n.Kind != 'o' && n.Kind != 'a' {
		return li.Body(key, app.Span().Class("json-value", "json-"+string(n.Kind)).Text(n.Value))
	}
	open := v.isOpen(ptr, path[ptr])
	var count string
	switch {
	case n.Kind == 'a' && len(n.Kids) == 1:
		count = tr(v.Lang, "files.item1")
	case n.Kind == 'a':
		count = tr(v.Lang, "files.items", len(n.Kids))
	case len(n.Kids) == 1:
		count = tr(v.Lang, "files.key1")
	default:
		count = tr(v.Lang, "files.keys", len(n.Kids))
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
		kp := ptr + "/" + escapePointerToken(k.Key)
		if i >= limit && !path[kp] {
			continue
		}
		kids = append(kids, v.node(k, kp, path))
	}
	if hidden := len(n.Kids) - limit; hidden > 0 {
		kids = append(kids, app.Li().Body(
			app.Button().Type("button").Class("link-button").
				Text(tr(v.Lang, "files.more", min(hidden, kidsShown))).
				OnClick(func(ctx app.Context, e app.Event) { v.onMore(ptr) }, ptr),
		))
	}
	return li.Body(key, toggle, app.Ul().Body(kids...))
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
