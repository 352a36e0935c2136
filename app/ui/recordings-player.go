package ui

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
	"exportlens/app/check"
	"exportlens/app/view"
)

// playbackRates are the speeds offered.
var playbackRates = []float64{0.75, 1, 1.25, 1.5, 2}

// playerView plays one item of the recordings list (test hook:
// <audio data-testid="player">) with the transcript and the assistant's
// response beside it.
type playerView struct {
	app.Compo
	Lang     string
	Index    *view.Recordings
	Item     int // index into Index.Items
	Pos      int // position in the filtered list, -1 when filtered out
	Count    int // length of the filtered list
	Files    []*browser.File
	Autoplay bool // start playing when the audio is ready (the person chose it)
	OnPrev   func(ctx app.Context)
	OnNext   func(ctx app.Context)
	// Hidden: the item probably is someone else's (view.Protection): no audio
	// is loaded, so neither a click nor a key plays it, and what was said
	// is not shown.
	Hidden bool
	Gen    int // the session's generation, for the controls that lift Hidden
	// Declared holds the person's marks; the recording's own is shown and
	// changed here ("Is this recording yours?").
	Declared check.Declared
	Excerpts []string // the session's: recordings whose words go into the pack

	// shownIx and shownItem are the item drawn last, whose state below is.
	shownIx   *view.Recordings
	shownItem int
	probed    string // the hidden item whose length was read from its header (see probeHidden)
	playing   bool
	rate      float64
	at        float64 // seconds played
	duration  float64 // seconds, 0 until known
	// cannot says why the browser could not play item cannotItem (a
	// format it does not decode, no audio output): said on the player,
	// never silent.
	cannot     textKey
	cannotItem int
}

func (v *playerView) OnMount(ctx app.Context) {
	if v.rate == 0 {
		v.rate = 1
	}
	attachAudio(v, ctx)
	v.load(ctx)
}

func (v *playerView) OnUpdate(ctx app.Context) { v.load(ctx) }

// OnDismount stops the audio and revokes its URL: nothing shows it any more.
func (v *playerView) OnDismount() { detachAudio(v) }

// load chooses the item's audio (chooseAudio), unless it is hidden. A
// click chose it already, in its own handler; this covers the rest (a link
// to a recording, the list's keys, a filter that moved the choice).
func (v *playerView) load(ctx app.Context) {
	ix, item := v.Index, v.Item
	if v.shownIx != ix || v.shownItem != item {
		v.shownIx, v.shownItem = ix, item
		v.playing, v.at, v.duration = false, 0, 0
		syncAudio(v)
	}
	if v.Hidden {
		stopAudio()
		v.probeHidden(ctx)
		return
	}
	v.probed = ""
	chooseAudio(ix, item, v.Files, v.Autoplay)
}

// probeHidden reads the length of a hidden item's recording from its
// header, without loading its audio: how long it is helps to judge it, and
// tells nothing of what was said.
func (v *playerView) probeHidden(ctx app.Context) {
	ix, item := v.Index, v.Item
	key := fmt.Sprintf("%p/%d", ix, item)
	if v.probed == key {
		return
	}
	v.probed = key
	v.playing, v.at, v.duration = false, 0, 0
	ctx.Async(func() {
		var d time.Duration
		if perr := view.Guard(func() string { _, p := ix.AudioOf(item); return p }, func() error {
			d = ix.Length(item)
			return nil
		}); perr != nil {
			return
		}
		ctx.Dispatch(func(app.Context) {
			if v.probed == key {
				v.duration = d.Seconds()
			}
		})
	})
}

func (v *playerView) Render() app.UI {
	ix, k := v.Index, v.Item
	it := ix.Items[k]
	rec := ix.Recording(k)
	url, err := audioOf(ix, k)
	_, audioPath := ix.AudioOf(k)
	if v.Hidden {
		url, err = "", nil
	}

	head := app.Div().Class("player-head").Body(
		app.H3().Text(tr(v.Lang, tPlayerTitle)),
		app.If(v.Pos >= 0, app.Span().Class("player-pos").Text(tr(v.Lang, tRecPosition, v.Pos+1, v.Count))),
	)
	var meta []app.UI
	add := func(key textKey, val string) {
		if val != "" {
			meta = append(meta, app.Dt().Text(tr(v.Lang, key)), app.Dd().Attr("data-field", key.name).Text(val))
		}
	}
	addID := func(key textKey, val string) { // a value from the export
		if val != "" {
			meta = append(meta, app.Dt().Text(tr(v.Lang, key)), app.Dd().Body(shownID(v.Lang, val)))
		}
	}
	if rec != nil {
		add(tRecTime, timeText(v.Lang, rec.Time))
		addID(tRecDevice, deviceText(ix, int(it.Device), rec.Device().Text))
		addID(tRecProfile, profileText(ix, int(it.Profile), rec.PersonName().Text, rec.PersonID().Text))
	}
	if v.Hidden && v.duration > 0 {
		add(tRecLength, clock(v.duration))
	}
	var notes []app.UI
	if fs := ix.ItemFindings[k]; v.Hidden {
		notes = append(notes, &protectNotice{Lang: v.Lang, Gen: v.Gen, Report: ix.Report,
			Why: tr(v.Lang, tProtectRecording), Findings: fs})
	} else if len(fs) > 0 {
		titles := make([]app.UI, len(fs))
		for i, fi := range fs {
			titles[i] = app.Li().Text(findingText(v.Lang, &ix.Report.Findings[fi]))
		}
		notes = append(notes, app.Div().Class("player-warn").Body(
			app.Strong().Text(tr(v.Lang, tRecWhyFlagged)),
			app.Ul().Body(titles...),
		))
	}
	if rec != nil {
		notes = append(notes, v.renderMark(check.RecordingRef(rec)))
		// Only what is shown can be chosen: a hidden recording's words
		// are chosen after "show and play".
		if !v.Hidden && (rec.Transcript().Text != "" || rec.Response().Text != "") {
			notes = append(notes, v.renderExcerpt(check.RecordingRef(rec)))
		}
	}
	// Why the sound does not play is told under the buttons: it comes
	// after the click, and above them it would move them under the
	// pointer (a second click would land beside Next).
	var status app.UI
	switch {
	case err != nil:
		status = app.P().Class("error").Text(tr(v.Lang, tRecAudioFailed, err.Error()))
	case v.cannot == tPlayerPressPlay && v.cannotItem == k && url != "":
		status = app.P().Class("notice").Attr("data-testid", "player-press-play").Attr("role", "status").
			Text(tr(v.Lang, tPlayerPressPlay))
	case v.cannot != noText && v.cannotItem == k && url != "":
		status = app.P().Class("error").Attr("data-testid", "player-cannot").Attr("role", "alert").
			Text(tr(v.Lang, tPlayerCannot, tr(v.Lang, v.cannot)))
	case audioPath == "":
		status = app.P().Class("notice").Text(tr(v.Lang, tRecNoAudio))
	}

	playKey := tPlayerPlay
	if v.playing {
		playKey = tPlayerPause
	}
	speeds := make([]app.UI, len(playbackRates))
	for i, r := range playbackRates {
		label := strconv.FormatFloat(r, 'f', -1, 64) + "×"
		b := app.Button().Class("speed").Attr("data-rate", strconv.FormatFloat(r, 'f', -1, 64)).
			Aria("pressed", strconv.FormatBool(r == v.rate)).
			OnMouseDown(keepFocus).OnClick(v.onRate(r)).Text(label)
		if r == v.rate {
			b = b.Class("on")
		}
		speeds[i] = b
	}

	transcript, response := "", ""
	switch {
	case v.Hidden:
		transcript, response = tr(v.Lang, tProtectContent), tr(v.Lang, tProtectContent)
	case rec != nil:
		transcript, response = saidText(v.Lang, rec.Transcript().Text), saidText(v.Lang, rec.Response().Text)
	}
	text := []app.UI{
		app.H4().Text(tr(v.Lang, tRecTranscript)),
		app.P().Class("player-transcript").Attr("data-testid", "player-transcript").Text(orDash(transcript)),
		app.H4().Text(tr(v.Lang, tRecResponse)),
		app.P().Class("player-response").Attr("data-testid", "player-response").Text(orDash(response)),
	}
	if audioPath != "" {
		text = append(text, app.P().Class("player-file", "mono").Text(shownText(audioPath)))
	}

	return app.Aside().Class("player").Attr("data-item", strconv.Itoa(k)).Attr("data-hidden", strconv.FormatBool(v.Hidden)).Body(
		head,
		app.If(len(meta) > 0, app.Dl().Class("player-meta").Body(meta...)),
		app.Div().Body(notes...),
		app.Div().Class("player-seek").Body(
			app.Input().Type("range").Attr("data-testid", "player-seek").
				Aria("label", tr(v.Lang, tPlayerPosition)).
				Min(0).Max(strconv.FormatFloat(v.duration, 'f', 2, 64)).Step(0.01).
				Value(strconv.FormatFloat(v.at, 'f', 2, 64)).
				Disabled(url == "" || v.duration == 0).
				OnInput(v.onSeek),
			app.Span().Class("player-clock", "mono").Text(clock(v.at)+" / "+clock(v.duration)),
		),
		app.Div().Class("player-controls").Body(
			app.Button().Class("secondary").Attr("data-testid", "player-prev").Disabled(v.Pos <= 0).
				OnMouseDown(keepFocus).OnClick(v.onPrev).Text("‹ "+tr(v.Lang, tPlayerPrev)),
			app.Button().Attr("data-testid", "player-toggle").Disabled(url == "").
				OnMouseDown(keepFocus).OnClick(v.onToggle).Text(tr(v.Lang, playKey)),
			app.Button().Class("secondary").Attr("data-testid", "player-next").Disabled(v.Pos < 0 || v.Pos >= v.Count-1).
				OnMouseDown(keepFocus).OnClick(v.onNext).Text(tr(v.Lang, tPlayerNext)+" ›"),
		),
		app.If(status != nil, status),
		app.Div().Class("player-speed").Body(
			app.Span().Class("muted").Text(tr(v.Lang, tPlayerSpeed)),
			app.Span().Class("speeds").Body(speeds...),
		),
		app.Div().Class("player-text").Body(text...),
		app.P().Class("keys-hint").Text(tr(v.Lang, tPlayerKeys)),
	)
}

// renderMark is the "Is this recording yours?" choice; a change re-runs the
// checks with the mark (test hook: data-testid="mark-recording").
func (v *playerView) renderMark(ref string) app.UI {
	cur := markNone
	for _, s := range v.Declared.NotMineRecordings {
		if s == ref {
			cur = markNotMine
		}
	}
	for _, s := range v.Declared.MineRecordings {
		if s == ref && cur == markNone {
			cur = markMine
		}
	}
	opt := func(m mark, key textKey) app.UI {
		return app.Option().Value(string(m)).Selected(cur == m).Text(tr(v.Lang, key))
	}
	d := v.Declared
	return app.Div().Class("player-mark").Body(
		app.Label().For("mark-recording").Text(tr(v.Lang, tMarkRecording)+" "),
		app.Select().ID("mark-recording").Attr("data-testid", "mark-recording").Attr("data-ref", ref).
			OnChange(func(ctx app.Context, e app.Event) {
				ctx.NewActionWithValue(actionDeclare, withMark(d, "recording", ref, mark(ctx.JSSrc().Get("value").String())))
			}).Body(
			opt(markNone, tMarkNone), opt(markMine, tMarkMine), opt(markNotMine, tMarkNotMine),
		),
		app.P().Class("hint").Text(tr(v.Lang, tMarkRecordingHint)),
	)
}

// keepFocus stops a mouse click from moving the focus to a player button,
// so that the space bar keeps meaning play/pause rather than "press the
// button clicked last". Keyboard users still reach the buttons with Tab.
func keepFocus(ctx app.Context, e app.Event) { e.PreventDefault() }

func (v *playerView) onPrev(ctx app.Context, e app.Event) {
	if v.OnPrev != nil {
		v.OnPrev(ctx)
	}
}

func (v *playerView) onNext(ctx app.Context, e app.Event) {
	if v.OnNext != nil {
		v.OnNext(ctx)
	}
}

func (v *playerView) onToggle(ctx app.Context, e app.Event) { toggleAudio() }

// onAudioError: the browser could not read or decode item's source.
func (v *playerView) onAudioError(a app.Value, item int) {
	code, msg := 0, ""
	if me := a.Get("error"); me.Truthy() {
		code, msg = me.Get("code").Int(), me.Get("message").String()
	}
	v.cannot, v.cannotItem, v.playing = mediaErrorText(code, msg), item, false
}

// onPlayFail: play() was refused (playAudio): no audio output, a format
// the browser does not play, playing not allowed.
func (v *playerView) onPlayFail(name string, item int) {
	v.cannot, v.cannotItem, v.playing = tPlayerRefused, item, false
	switch name {
	case "NotSupportedError":
		v.cannot = tPlayerUnsupported
	case "NotAllowedError":
		// Safari's engine starts audio only within the click itself, and
		// the recording is read after it: its own Play button plays it.
		v.cannot = tPlayerPressPlay
	}
}

// mediaErrorText words a MediaError: its code, and its message where that
// says the browser has no sound output (Firefox without an audio device
// reports "OnMediaSinkAudioError" as a decoding error, Chromium an
// AUDIO_RENDERER_ERROR).
func mediaErrorText(code int, message string) textKey {
	if m := strings.ToLower(message); strings.Contains(m, "mediasinkaudio") || strings.Contains(m, "audio_renderer") {
		return tPlayerNoOutput
	}
	switch code {
	case 2: // MEDIA_ERR_NETWORK
		return tPlayerUnread
	case 3: // MEDIA_ERR_DECODE
		return tPlayerUndecodable
	}
	return tPlayerUnsupported // 4, MEDIA_ERR_SRC_NOT_SUPPORTED, and unknown codes
}

// onLoaded applies the chosen speed (a new source resets playbackRate) and
// takes the duration.
func (v *playerView) onLoaded(a app.Value) {
	a.Set("defaultPlaybackRate", v.rate)
	a.Set("playbackRate", v.rate)
	if d := a.Get("duration").Float(); d > 0 && d < 1e9 { // NaN and Infinity until known
		v.duration = d
	}
}

func (v *playerView) onSeek(ctx app.Context, e app.Event) {
	var at float64
	if _, err := fmt.Sscan(ctx.JSSrc().Get("value").String(), &at); err != nil {
		return
	}
	v.at = at
	if a := playerAudio(); a.Truthy() {
		a.Set("currentTime", at)
	}
}

// clock shows seconds as m:ss.
func clock(sec float64) string {
	s := int(sec + 0.5)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

func (v *playerView) onRate(r float64) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		v.rate = r
		if a := playerAudio(); a.Truthy() {
			a.Set("defaultPlaybackRate", r)
			a.Set("playbackRate", r)
		}
	}
}

// playerAudio is the player's <audio> (theAudio), or a falsy value when no
// player is shown.
func playerAudio() app.Value {
	theAudio.mu.Lock()
	defer theAudio.mu.Unlock()
	if theAudio.el == nil || theAudio.player == nil {
		return app.Null()
	}
	return theAudio.el
}

// ignoreRejection takes the rejection of the promise play() returns. It
// rejects when the source changes before playing starts (AbortError), which
// is no error worth a word; any other refusal (no audio output, a format
// the browser does not play) is told to the player as playFailEvent on the
// audio element. One function for the whole app run, so nothing to release.
var ignoreRejection app.Func

// playFailEvent is the event toggleAudio sends the player's audio element
// when play() is refused; its detail is the error's name.
const playFailEvent = "exportlens-playfail"

// audioReady reports whether the player's audio has its source.
func audioReady() bool {
	a := playerAudio()
	return a.Truthy() && a.Get("src").String() != ""
}

// toggleAudio plays or pauses the player's audio.
func toggleAudio() {
	a := playerAudio()
	if !a.Truthy() || a.Get("src").String() == "" {
		return
	}
	if !a.Get("paused").Bool() {
		a.Call("pause")
		return
	}
	playAudio(a)
}

// playAudio calls play() on a, with refusals told to the player.
func playAudio(a app.Value) {
	if ignoreRejection == nil {
		ignoreRejection = app.FuncOf(func(_ app.Value, args []app.Value) any {
			if len(args) == 0 || !args[0].Truthy() {
				return nil
			}
			name := args[0].Get("name").String()
			if name == "AbortError" {
				return nil
			}
			if a := playerAudio(); a.Truthy() {
				a.Call("dispatchEvent", app.Window().Get("CustomEvent").New(playFailEvent, map[string]any{"detail": name}))
			}
			return nil
		})
	}
	if p := a.Call("play"); p.Truthy() {
		p.Call("catch", ignoreRejection)
	}
}

// audioSlot holds the object URL the player shows. Loads finish on other
// goroutines, possibly after the person moved on or left the page: a URL
// that is no longer wanted is revoked right away, whoever finishes last.
type audioSlot struct {
	mu   sync.Mutex
	ix   *view.Recordings
	item int
	url  string
	err  error
}

// want makes (ix, item) the wanted audio, revoking the previous URL. It
// returns false when that is already wanted.
func (s *audioSlot) want(ix *view.Recordings, item int) bool {
	if s == nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ix == ix && s.item == item {
		return false
	}
	browser.Revoke(s.url)
	s.ix, s.item, s.url, s.err = ix, item, "", nil
	return true
}

// set keeps url when (ix, item) is still wanted and reports whether it did;
// otherwise it revokes url.
func (s *audioSlot) set(ix *view.Recordings, item int, url string, err error) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ix != ix || s.item != item {
		browser.Revoke(url)
		return false
	}
	s.url, s.err = url, err
	return true
}

// get returns the URL of (ix, item)'s audio, "" while it is not loaded.
// go-app draws a component with its new fields before OnUpdate asks for the
// new item's audio: until then the slot still holds the previous item's,
// which must not be shown beside the new item. Nil-safe, as go-app renders
// a component once before OnMount makes its slot.
func (s *audioSlot) get(ix *view.Recordings, item int) (string, error) {
	if s == nil {
		return "", nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ix != ix || s.item != item {
		return "", nil
	}
	return s.url, s.err
}

// audioURL returns an object URL for item k's audio (view.Recordings.ReadAudio):
// a zero-copy slice of the chosen file when the entry lies stored in it,
// else its bytes. "" without error when the item has no audio.
func audioURL(ix *view.Recordings, k int, files []*browser.File) (string, error) {
	src, err := ix.ReadAudio(k, readers(files))
	if src == nil || err != nil {
		return "", err
	}
	return sourceURL(src, files)
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
