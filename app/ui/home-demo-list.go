package ui

import (
	"encoding/json"
	"sync"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
	"exportlens/app/check"
)

// demoIndex is where the build puts the list of bundled demos (webprep).
const demoIndex = "/web/demo/index.json"

// demo is one bundled demo export, as web/demo/index.json lists it.
type demo struct {
	Name    string `json:"name"`
	TitleEN string `json:"title_en"`
	TitleDE string `json:"title_de"`
	// Files are paths under the app's static resources ("/web/demo/..."),
	// resolved with ResolveStaticResource so that a sub-path works.
	Files    []string       `json:"files"`
	Declared check.Declared `json:"declared"`
}

func (d demo) title(lang string) string {
	if lang == "de" && d.TitleDE != "" {
		return d.TitleDE
	}
	return d.TitleEN
}

// demos is the index, fetched once per page load: it is the app's own file,
// not export data, and a remounted page need not fetch it again.
var demos struct {
	mu   sync.Mutex
	list []demo
	done bool
}

// demoList offers the bundled demos as buttons. It shows nothing while the
// index loads or when it cannot be read (a build without demos).
type demoList struct {
	app.Compo
	Lang     string
	Disabled bool // an open is in progress
	list     []demo
}

func (l *demoList) OnMount(ctx app.Context) {
	demos.mu.Lock()
	list, done := demos.list, demos.done
	demos.mu.Unlock()
	if done {
		l.list = list
		return
	}
	url := ctx.ResolveStaticResource(demoIndex)
	ctx.Async(func() {
		var list []demo
		text, err := browser.FetchText(ctx, url)
		if err == nil {
			err = json.Unmarshal([]byte(text), &list)
		}
		if err != nil && ctx.Err() != nil {
			return // the list was taken off the page (an export opened) while it loaded
		}
		if err != nil {
			// Not remembered: the next mount tries again.
			app.Log("exportlens: the demo list could not be read:", err)
			return
		}
		demos.mu.Lock()
		demos.list, demos.done = list, true
		demos.mu.Unlock()
		ctx.Dispatch(func(ctx app.Context) { l.list = list })
	})
}

func (l *demoList) Render() app.UI {
	if len(l.list) == 0 {
		return app.Div().Class("demos", "demos-empty")
	}
	buttons := make([]app.UI, len(l.list))
	for i, d := range l.list {
		buttons[i] = app.Button().
			Type("button").
			Class("button-secondary").
			Attr("data-demo", d.Name).
			Disabled(l.Disabled).
			Text(d.title(l.Lang)).
			OnClick(l.onDemo(d))
	}
	return app.Div().Class("demos").Body(
		app.Span().Class("demos-label").Text(tr(l.Lang, tOpenDemo)),
		app.Div().Class("demo-buttons").Body(buttons...),
	)
}

func (l *demoList) onDemo(d demo) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionOpen, d)
	}
}

// normalDeclared replaces missing lists with empty ones: the report lists
// declared facts as [] when none were given, as the command line does.
func normalDeclared(d check.Declared) check.Declared {
	if d.Emails == nil {
		d.Emails = []string{}
	}
	if d.CustomerIDs == nil {
		d.CustomerIDs = []string{}
	}
	if d.Devices == nil {
		d.Devices = []string{}
	}
	return d
}
