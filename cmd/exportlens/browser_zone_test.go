//go:build !wasm

package main

// The viewer shows every time in the browser's zone, with that zone's
// daylight saving, and says which zone that is. Go's js/wasm port gives
// time.Local the browser's offset of today, so before this a summer
// recording opened in winter in Berlin was shown an hour early (08:12
// for 09:12).

import (
	"slices"
	"strings"
	"testing"
	"time"

	"exportlens/app/check"
)

// zoneLayouts are the forms a time is shown in, per language.
var zoneLayouts = map[string]string{"en": "2006-01-02 15:04:05", "de": "02.01.2006 15:04:05"}

// zoneExpect is one fixture and the season (UTC offset in Berlin) its
// recordings are in.
type zoneExpect struct {
	fixture     string
	offset      int  // seconds east of UTC in Berlin: 7200 in summer, 3600 in winter
	transcripts bool // it has a transcript document
}

func TestBrowserZone(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	env := startBrowser(t)
	cases := []zoneExpect{
		{"amazon-2018", 7200, true},    // August
		{"amazon-clean", 7200, false},  // September
		{"takeout-clean", 3600, false}, // February
	}
	for _, c := range cases {
		fx := openNative(t, fixtureFiles(t, c.fixture), check.Declared{})
		for _, lang := range []string{"en", "de"} {
			t.Run(lang+"/"+c.fixture, func(t *testing.T) {
				layout := zoneLayouts[lang]
				var want []string
				for _, r := range fx.x.Recordings {
					if r.Time.IsZero() {
						continue
					}
					lt := r.Time.In(berlin)
					if _, off := lt.Zone(); off != c.offset {
						t.Fatalf("%s: a recording at %v is at UTC%+d in Berlin, want %+d: the case tests the wrong season", c.fixture, r.Time, off/3600, c.offset/3600)
					}
					want = append(want, lt.Format(layout))
				}
				if len(want) == 0 || len(want) > 22 {
					t.Fatalf("%s: %d recordings with a time, want 1 to 22 (all in the list's window)", c.fixture, len(want))
				}
				slices.Sort(want)

				tb := a11yTab(t, env, lang, "Europe/Berlin")
				tb.open(t, fx.files)
				a11yNav(t, tb, "/recordings")
				recsWait(t, tb, `document.querySelectorAll('[data-testid=recording]').length > 0`)
				got := recsEval[[]string](t, tb, `[...document.querySelectorAll('[data-testid=recording] .rec-time')].map(e => e.textContent).filter(s => s !== '—')`)
				slices.Sort(got)
				if !slices.Equal(got, want) {
					t.Errorf("list: got times\n %q\nwant (Europe/Berlin)\n %q", got, want)
				}
				if note := recsEval[string](t, tb, `(document.querySelector('[data-testid=zone-note]') || {}).textContent || ''`); !strings.Contains(note, "Europe/Berlin") {
					t.Errorf("recordings page: the zone note says %q, want it to name Europe/Berlin", note)
				}
				// The player shows the chosen recording's time as its row does.
				row := recsEval[string](t, tb, `document.querySelector('[data-testid=recording] .rec-time').textContent`)
				recsEval[any](t, tb, `document.querySelector('[data-testid=recording]').click()`)
				recsWait(t, tb, `!!document.querySelector('.player dd[data-field="rec.time"]')`)
				if p := recsEval[string](t, tb, `document.querySelector('.player dd[data-field="rec.time"]').textContent`); p != row {
					t.Errorf("player: got time %q, want the row's %q", p, row)
				}
				tb.shot(t, lang+"-zone-"+c.fixture+"-recordings")

				if c.transcripts {
					var wantTx []string
					for _, l := range fx.x.Transcripts {
						wantTx = append(wantTx, l.Time.In(berlin).Format(layout))
					}
					a11yNav(t, tb, "/transcripts")
					recsWait(t, tb, `document.querySelectorAll('[data-testid=transcript-line]').length > 0`)
					gotTx := recsEval[[]string](t, tb, `[...document.querySelectorAll('[data-testid=transcript-line] td:nth-child(2)')].map(e => e.textContent)`)
					if !slices.Equal(gotTx, wantTx) {
						t.Errorf("transcripts: got times\n %q\nwant (Europe/Berlin)\n %q", gotTx, wantTx)
					}
					// A recording matched by a line shows the line's time.
					for i, l := range fx.x.Transcripts {
						if l.Recording >= 0 && !slices.Contains(got, wantTx[i]) {
							t.Errorf("transcripts: line %d matches a recording, but its time %s is no time in the list", i+1, wantTx[i])
						}
					}
					if note := recsEval[string](t, tb, `(document.querySelector('[data-testid=zone-note]') || {}).textContent || ''`); !strings.Contains(note, "Europe/Berlin") {
						t.Errorf("transcripts page: the zone note says %q, want it to name Europe/Berlin", note)
					}
					tb.shot(t, lang+"-zone-"+c.fixture+"-transcripts")
				}
				tb.finish(t, secrets(fx.rep))
			})
		}
	}
}
