package ui

import (
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/archive"
	"exportlens/app/browser"
)

// maxDecodedAudio bounds a compressed audio entry decompressed into memory
// for playback; stored entries play in place whatever their size.
const maxDecodedAudio = 64 << 20

// playerView plays one recording (test hook: <audio data-testid="player">)
// and shows its transcript and the assistant's response.
type playerView struct {
	app.Compo
	Lang    string
	Session session
	Index   int

	shown int    // the recording url belongs to; -1 before the first
	url   string // object URL, revoked when replaced or dismounted
	err   error
}

func (v *playerView) OnMount(ctx app.Context) {
	v.shown = -1
	v.load(ctx)
}

func (v *playerView) OnUpdate(ctx app.Context) { v.load(ctx) }

func (v *playerView) OnDismount() {
	browser.Revoke(v.url)
	v.url = ""
}

// load makes the object URL of the recording's audio, off the UI goroutine
// (it may read the file).
func (v *playerView) load(ctx app.Context) {
	if v.shown == v.Index {
		return
	}
	v.shown = v.Index
	browser.Revoke(v.url)
	v.url, v.err = "", nil
	s, i := v.Session, v.Index
	ctx.Async(func() {
		u, err := audioURL(s, i)
		ctx.Dispatch(func(ctx app.Context) {
			if v.shown != i {
				browser.Revoke(u)
				return
			}
			v.url, v.err = u, err
		})
	})
}

func (v *playerView) Render() app.UI {
	rec := v.Session.Export.Recordings[v.Index]
	body := []app.UI{app.H3().Text(tr(v.Lang, "player.title"))}
	switch {
	case v.err != nil:
		body = append(body, app.P().Class("error").Text(tr(v.Lang, "rec.audioFailed", v.err.Error())))
	case rec.AudioPath == "":
		body = append(body, app.P().Text(tr(v.Lang, "rec.noAudio")))
	}
	audio := app.Audio().Attr("data-testid", "player").Controls(true).Preload("auto")
	if v.url != "" {
		audio = audio.Src(v.url)
	}
	body = append(body,
		audio,
		app.Dl().Body(
			app.Dt().Text(tr(v.Lang, "rec.transcript")), app.Dd().Text(rec.Transcript.Text),
			app.Dt().Text(tr(v.Lang, "rec.response")), app.Dd().Text(rec.Response.Text),
		),
	)
	return app.Aside().Class("player").Body(body...)
}

// audioURL returns an object URL for recording i: a zero-copy slice of the
// input file when the entry is stored, else its bytes decompressed once.
func audioURL(s session, i int) (string, error) {
	rec := s.Export.Recordings[i]
	if rec.AudioPath == "" || s.Tree == nil {
		return "", nil
	}
	var e *archive.Entry
	for _, c := range s.Tree.Entries {
		if c.Part == rec.AudioPart && c.Path == rec.AudioPath {
			e = c
			break
		}
	}
	if e == nil {
		return "", fmt.Errorf("%s not found", rec.AudioPath)
	}
	mime := audioType(e.Path)
	if sp, ok := e.Locate(); ok && sp.Input >= 0 && sp.Input < len(s.Files) {
		return browser.ObjectURL(s.Files[sp.Input], sp.Offset, sp.Offset+e.Size, mime)
	}
	if e.Size > maxDecodedAudio {
		return "", fmt.Errorf("%s: %w", e.Name(), archive.ErrTooLarge)
	}
	rc, err := e.Open()
	if err != nil {
		return "", err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxDecodedAudio))
	if err != nil {
		return "", err
	}
	return browser.BytesURL(data, mime)
}

func audioType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".mp3":
		return "audio/mpeg"
	case ".ogg", ".opus":
		return "audio/ogg"
	case ".m4a", ".mp4", ".aac":
		return "audio/mp4"
	case ".flac":
		return "audio/flac"
	}
	return "audio/wav"
}
