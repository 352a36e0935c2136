package ui

import (
	"strconv"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
	"exportlens/app/view"
)

// theAudio is the player's one <audio data-testid="player"> for the app
// run, and the object URL it plays. go-app never draws it: it is made on
// the first recording chosen, at the end of the page's body, and it shows
// nothing (no controls; the player draws its own). Its source is set the
// moment the audio is ready, from the click's own event handler, not a
// frame later when go-app draws the choice: waiting for that frame and
// drawing the player took 35-60 ms of the 50-125 ms from a click to the
// sound (issue 9), while a bare <audio> in the same page plays in 6-15 ms.
var theAudio struct {
	mu       sync.Mutex
	el       app.Value
	slot     audioSlot
	autoplay bool // play the wanted item once its source is set
	tried    int  // 1 + the item play() was last called for on canplay, 0 for none
	// player is the player drawn, which the element's events go to; ctx is
	// its context, to draw it again.
	player *playerView
	ctx    app.Context
	stage  browser.Stage // since the wanted item was chosen
	// started is closed when the wanted item's audio plays or fails.
	started chan struct{}
	failed  string // why play() was refused for the wanted item (playFailEvent's detail)
}

// audioEvents are the element's events the player follows.
var audioEvents = []string{"play", "playing", "pause", "ended", "loadedmetadata", "durationchange",
	"timeupdate", "error", "canplay", playFailEvent}

// audioElement is theAudio's element, made on first use; a falsy value
// outside the browser. Call with theAudio.mu held.
func audioElement() app.Value {
	if theAudio.el != nil {
		return theAudio.el
	}
	if !app.IsClient {
		return app.Null()
	}
	doc := app.Window().Get("document")
	a := doc.Call("createElement", "audio")
	a.Call("setAttribute", "data-testid", "player")
	a.Call("setAttribute", "preload", "auto")
	for _, name := range audioEvents {
		a.Call("addEventListener", name, app.FuncOf(func(_ app.Value, args []app.Value) any {
			if len(args) > 0 {
				audioEvent(name, a, app.Event{Value: args[0]})
			}
			return nil
		}))
	}
	doc.Get("body").Call("appendChild", a)
	theAudio.el = a
	return a
}

// audioEvent passes an event of the element to the player drawn, which is
// drawn again. A chosen recording is started on canplay right here, where
// play() on setting the source did not start it (WebKit's autoplay passes
// silently); a refusal comes back as playFailEvent.
func audioEvent(name string, a app.Value, e app.Event) {
	theAudio.mu.Lock()
	v, ctx := theAudio.player, theAudio.ctx
	item, _ := strconv.Atoi(a.Get("dataset").Get("item").String())
	start := name == "canplay" && theAudio.autoplay && theAudio.tried != item+1 && a.Get("paused").Bool()
	if start {
		theAudio.tried = item + 1
	}
	switch name {
	case "playing", "error":
		closeStarted()
	case playFailEvent:
		theAudio.failed = e.Get("detail").String()
		closeStarted()
	}
	theAudio.mu.Unlock()
	if start {
		playAudio(a)
	}
	if v == nil || name == "canplay" || name == "playing" {
		return
	}
	ctx.Dispatch(func(app.Context) {
		switch name {
		case "play":
			v.playing, v.cannot = true, noText
		case "pause", "ended":
			v.playing = false
		case "loadedmetadata", "durationchange":
			v.onLoaded(a)
		case "timeupdate":
			v.at = a.Get("currentTime").Float()
		case "error":
			v.onAudioError(a, item)
		case playFailEvent:
			// A failed source also rejects play(), with a vaguer reason
			// than the element's error (which came first): that one stays.
			if a.Get("error").Truthy() {
				v.onAudioError(a, item)
			} else {
				v.onPlayFail(e.Get("detail").String(), item)
			}
		}
	})
}

// chooseAudio makes (ix, item) the audio the player plays, playing it once
// its source is set when autoplay is true. The URL comes from the row's
// press (prefetchAudio) when that is under way or done, else it is made
// here, off the caller's goroutine. Choosing what is already chosen only
// updates autoplay. The caller never chooses an item that is hidden
// (view.Protection): use stopAudio for those.
func chooseAudio(ix *view.Recordings, item int, files []*browser.File, autoplay bool) {
	theAudio.mu.Lock()
	theAudio.autoplay = autoplay
	if !theAudio.slot.want(ix, item) {
		theAudio.mu.Unlock()
		return
	}
	a := audioElement()
	clearAudio(a)
	closeStarted()
	theAudio.started = make(chan struct{})
	theAudio.tried, theAudio.failed = 0, ""
	theAudio.stage = browser.StartStage()
	theAudio.mu.Unlock()

	f := takeAudio(ix, item)
	if f != nil {
		select {
		case <-f.done: // made since the press: shown in the click's own handler
			showAudio(ix, item, f.url, f.err)
			return
		default:
		}
	}
	go func() {
		var u string
		var err error
		if f != nil {
			<-f.done
			u, err = f.url, f.err
		} else {
			u, err = audioURLGuarded(ix, item, files)
		}
		showAudio(ix, item, u, err)
	}()
}

// showAudio gives the element (ix, item)'s URL when that is still wanted
// (else the URL is revoked), plays it when asked, and draws the player
// again when it could not be read (said there).
func showAudio(ix *view.Recordings, item int, u string, err error) {
	theAudio.mu.Lock()
	if !theAudio.slot.set(ix, item, u, err) {
		theAudio.mu.Unlock()
		return
	}
	a, play, v, ctx, stage := theAudio.el, theAudio.autoplay, theAudio.player, theAudio.ctx, theAudio.stage
	if u == "" || err != nil {
		closeStarted() // nothing to play
	}
	if u != "" && a != nil && a.Truthy() {
		// data-item names the item this source belongs to.
		a.Get("dataset").Set("item", strconv.Itoa(item))
		a.Set("src", u)
	}
	theAudio.mu.Unlock()
	if u != "" && a != nil && a.Truthy() {
		if play {
			playAudio(a)
		}
		stage.End("exportlens:audio-src")
	}
	if v != nil && err != nil { // said in the player
		ctx.Dispatch(func(app.Context) {})
	}
}

// closeStarted closes theAudio.started once. Call with theAudio.mu held.
func closeStarted() {
	if c := theAudio.started; c != nil {
		close(c)
		theAudio.started = nil
	}
}

// afterStart calls fn once the chosen audio plays or fails, or after at
// most wait.
func afterStart(wait time.Duration, fn func()) {
	theAudio.mu.Lock()
	c := theAudio.started
	theAudio.mu.Unlock()
	go func() {
		if c != nil {
			t := time.NewTimer(wait)
			select {
			case <-c:
			case <-t.C:
			}
			t.Stop()
		}
		fn()
	}()
}

// stopAudio stops the player's audio and forgets its URL: nothing is
// wanted until the next chooseAudio.
func stopAudio() {
	theAudio.mu.Lock()
	defer theAudio.mu.Unlock()
	if theAudio.slot.want(nil, -1) && theAudio.el != nil {
		clearAudio(theAudio.el)
	}
	closeStarted()
}

// clearAudio pauses a and takes its source away: a media element goes on
// playing what it loaded when its src goes away.
func clearAudio(a app.Value) {
	if !a.Truthy() {
		return
	}
	a.Call("pause")
	if a.Call("hasAttribute", "src").Bool() {
		a.Call("removeAttribute", "src")
		a.Call("load") // drops what was loaded
	}
	a.Get("dataset").Delete("item")
}

// attachAudio makes v the player that the element's events go to, at v's
// speed.
func attachAudio(v *playerView, ctx app.Context) {
	theAudio.mu.Lock()
	theAudio.player, theAudio.ctx = v, ctx
	if a := theAudio.el; a != nil && a.Truthy() {
		a.Set("defaultPlaybackRate", v.rate)
		a.Set("playbackRate", v.rate)
	}
	theAudio.mu.Unlock()
	syncAudio(v)
}

// syncAudio gives v the element's state when it already has v's item: the
// click chose it, and its events came (playing, or failing), before v was
// drawn with it.
func syncAudio(v *playerView) {
	theAudio.mu.Lock()
	defer theAudio.mu.Unlock()
	a := theAudio.el
	if a == nil || !a.Truthy() || theAudio.slot.ix != v.Index ||
		a.Get("dataset").Get("item").String() != strconv.Itoa(v.Item) {
		return
	}
	v.playing = !a.Get("paused").Bool()
	v.at = a.Get("currentTime").Float()
	if d := a.Get("duration").Float(); d > 0 && d < 1e9 {
		v.duration = d
	}
	switch {
	case a.Get("error").Truthy():
		v.onAudioError(a, v.Item)
	case theAudio.failed != "":
		v.onPlayFail(theAudio.failed, v.Item)
	}
}

// detachAudio: v is no longer drawn; its audio stops.
func detachAudio(v *playerView) {
	theAudio.mu.Lock()
	if theAudio.player == v {
		theAudio.player, theAudio.ctx = nil, nil
	}
	theAudio.mu.Unlock()
	stopAudio()
}

// wantedAudio reports whether (ix, item) is the audio chosen last.
func wantedAudio(ix *view.Recordings, item int) bool {
	theAudio.mu.Lock()
	defer theAudio.mu.Unlock()
	return theAudio.slot.ix == ix && theAudio.slot.item == item
}

// audioOf returns the URL of (ix, item)'s audio, "" while it is not loaded.
func audioOf(ix *view.Recordings, item int) (string, error) {
	theAudio.mu.Lock()
	defer theAudio.mu.Unlock()
	return theAudio.slot.get(ix, item)
}

// rowsHook is the recordings page drawn, for the rows' pointer listeners
// (listenRows).
var rowsHook struct {
	mu   sync.Mutex
	page *recordingsPage
	on   bool // the listeners are on the document
}

// listenRows makes p the page whose rows' presses and clicks reach the
// audio without go-app: a listener of go-app draws the whole page again a
// frame after any event, which the press of a row does not need; and a
// click's audio starts here, within the click itself, while the drawing of
// the choice waits until the audio plays (at most selectWait): drawing the
// page and laying it out took the browser's main thread for 40-50 ms, which
// the media pipeline needs a few times before it plays. Safari's engine
// plays audio only from within a click: a recording read since the press
// plays from here. One pair of listeners for the app run, on the document
// (rows come and go as the list scrolls); they run within the browser's
// event, while the UI goroutine waits, and only read the page.
func listenRows(p *recordingsPage) {
	rowsHook.mu.Lock()
	defer rowsHook.mu.Unlock()
	rowsHook.page = p
	if rowsHook.on || !app.IsClient {
		return
	}
	rowsHook.on = true
	doc := app.Window().Get("document")
	for _, name := range []string{"pointerdown", "click"} {
		doc.Call("addEventListener", name, app.FuncOf(func(_ app.Value, args []app.Value) any {
			if len(args) > 0 {
				rowEvent(name == "click", args[0])
			}
			return nil
		}), true)
	}
}

// unlistenRows: p is no longer drawn.
func unlistenRows(p *recordingsPage) {
	rowsHook.mu.Lock()
	defer rowsHook.mu.Unlock()
	if rowsHook.page == p {
		rowsHook.page = nil
	}
}

// rowEvent handles a press (pointer down) or click on a recording row that
// is not hidden.
func rowEvent(click bool, e app.Value) {
	t := e.Get("target")
	if !t.Truthy() || t.Get("closest").Type() != app.TypeFunction {
		return
	}
	row := t.Call("closest", "[data-testid=recording]")
	if !row.Truthy() || row.Get("dataset").Get("hidden").String() == "true" {
		return
	}
	item, err := strconv.Atoi(row.Get("dataset").Get("index").String())
	rowsHook.mu.Lock()
	p := rowsHook.page
	rowsHook.mu.Unlock()
	if err != nil || p == nil {
		return
	}
	if !click {
		p.onPress(item)
		return
	}
	ix, ctx := recIndexOf(p.s), p.ctx
	if ix == nil || ctx == nil || item < 0 || item >= len(ix.Items) || protectionOf(p.s).Hides(item) {
		return // the row's own handler selects it
	}
	e.Call("stopPropagation")
	chooseAudio(ix, item, p.s.Files, true)
	domFocus(listID)
	afterStart(selectWait, func() {
		ctx.Dispatch(func(ctx app.Context) {
			if wantedAudio(ix, item) { // nothing else chosen since
				p.onSelect(ctx, item)
			}
		})
	})
}

// selectWait is how long the drawing of a clicked row's choice waits for
// its audio to play: under the tenth of a second in which a response feels
// immediate, with the drawing's own time.
const selectWait = 40 * time.Millisecond
