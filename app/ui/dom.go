package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"
)

// The page's DOM, for what go-app's components do not do themselves:
// scrolling, focus, the document's title and language, a field's value, the
// player's media element, and the window's keys. Every such call of the
// package is here; the components name what they want done.

// domByID is the element with id, undefined when there is none.
func domByID(id string) app.Value { return app.Window().GetElementByID(id) }

// domSetScrollTop scrolls element id to top pixels.
func domSetScrollTop(id string, top int) {
	if el := domByID(id); el != nil && el.Truthy() {
		el.Set("scrollTop", top)
	}
}

// domScrollIntoView scrolls element id to the middle of its scroller.
func domScrollIntoView(id string) {
	if el := domByID(id); el != nil && el.Truthy() {
		el.Call("scrollIntoView", map[string]any{"block": "center"})
	}
}

// domFocus moves the focus to element id.
func domFocus(id string) {
	if el := domByID(id); el != nil && el.Truthy() {
		el.Call("focus")
	}
}

// domValue is the value of form field id; "" when there is none.
func domValue(id string) string {
	if el := domByID(id); el != nil && el.Truthy() {
		return el.Get("value").String()
	}
	return ""
}

// domChecked reports whether checkbox id is ticked.
func domChecked(id string) bool {
	el := domByID(id)
	return el != nil && el.Truthy() && el.Get("checked").Bool()
}

// domSetTitle sets the document's title.
func domSetTitle(title string) { app.Window().Get("document").Set("title", title) }

// domSetLang sets the language of the whole document (<html lang>).
func domSetLang(lang string) {
	app.Window().Get("document").Get("documentElement").Set("lang", lang)
}

// domQuery is the first element css selects, null when none does.
func domQuery(css string) app.Value {
	return app.Window().Get("document").Call("querySelector", css)
}

// domOnKeyDown listens to the window's keydown events until the returned
// function is called.
func domOnKeyDown(h app.EventHandler) func() {
	return app.Window().AddEventListener("keydown", h)
}

// domRootFontPixels is the root element's font size in pixels (what 1rem
// is), 16 when it cannot be read.
func domRootFontPixels() float64 {
	doc := app.Window().Get("document")
	if !doc.Truthy() {
		return 16
	}
	v := app.Window().Call("getComputedStyle", doc.Get("documentElement")).Get("fontSize").String()
	px, err := strconv.ParseFloat(strings.TrimSuffix(v, "px"), 64)
	if err != nil || px <= 0 {
		return 16
	}
	return px
}

// domOrigin is the page's origin ("http://localhost:8080"); "" off the
// browser.
func domOrigin() string {
	loc := app.Window().Get("location")
	if loc == nil || !loc.Truthy() {
		return ""
	}
	return loc.Get("origin").String()
}

// domMark marks the first element css selects (the guided tour's step:
// attribute data-tour, which go-app leaves alone) and, with scroll, scrolls
// it into view; the element marked before is unmarked. "" only unmarks.
// It reports whether an element was marked.
func domMark(css string, scroll bool) bool {
	doc := app.Window().Get("document")
	if !doc.Truthy() {
		return false
	}
	old := doc.Call("querySelectorAll", "[data-tour]")
	for i := range old.Length() {
		old.Index(i).Call("removeAttribute", "data-tour")
	}
	if css == "" {
		return false
	}
	el := domQuery(css)
	if !el.Truthy() {
		return false
	}
	el.Call("setAttribute", "data-tour", "")
	if scroll {
		el.Call("scrollIntoView", map[string]any{"block": "start"}) // above the tour's panel
	}
	return true
}

// domOnScroll calls fn with the scrollTop of element id on each of its
// scroll events (caught on the document: the element may be drawn anew),
// until the returned function is called. Not a go-app handler: go-app
// draws the component again after every event of its own, and
// ctx.PreventUpdate in one (to skip a scroll that moves no row) also
// cancelled a drawing that another event had asked for before the frame:
// the next recording chosen, a link's filter, stayed undrawn until
// something else drew the page. fn runs within the browser's event while
// the UI goroutine waits; it asks for a drawing (Dispatch) when it needs one.
func domOnScroll(id string, fn func(top int)) func() {
	doc := app.Window().Get("document")
	f := app.FuncOf(func(_ app.Value, args []app.Value) any {
		if len(args) > 0 {
			if t := args[0].Get("target"); t.Truthy() && t.Get("id").String() == id {
				fn(t.Get("scrollTop").Int())
			}
		}
		return nil
	})
	doc.Call("addEventListener", "scroll", f, true)
	return func() {
		doc.Call("removeEventListener", "scroll", f, true)
		f.Release()
	}
}
