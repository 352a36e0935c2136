package ui

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/browser"
	"exportlens/app/check"
	"exportlens/app/view"
)

// evidenceActions are the buttons of the steps for someone else's data: the
// evidence pack (app/pack, the same ZIP as `exportlens check --pack`), the
// two letters, editable in the page, and the printed report. Everything is
// made in the page; it leaves the device only as a file the person saves.
type evidenceActions struct {
	app.Compo
	Lang    string
	Session session

	hashed   *check.Report // Session.Report with its inputs' SHA-256, made once per report
	hashedOf *check.Report
	letter   string // "", "company" or "authority": the letter being edited
	text     string // the letter's text, as edited
	status   string // what the last action did, in Lang
	busy     bool
	// printHead is what the printed report shows besides the page: when
	// and how it was made, the inputs with their checksums, the person's
	// statements (pack.Head and Report.StatementsText); set by "Print".
	printHead string
}

var (
	tEvPack        = def("ev.pack", "Download the evidence pack", "Beweispaket herunterladen")
	tEvCompany     = def("ev.company", "Letter to the company", "Brief an das Unternehmen")
	tEvAuthority   = def("ev.authority", "Complaint to the data protection authority", "Beschwerde bei der Datenschutz-Aufsichtsbehörde")
	tEvPrint       = def("ev.print", "Print the report", "Bericht drucken")
	tEvPackHint    = def("ev.packHint", "A ZIP with the report (JSON and text) and both letters: file names, places and identifiers, never what was said unless you put it in yourself (in the player, recording by recording). It is made here and saved where you choose; nothing is uploaded.", "Eine ZIP-Datei mit dem Bericht (JSON und Text) und beiden Briefen: Dateinamen, Fundstellen und Kennungen, nie das Gesagte, außer Sie nehmen es selbst auf (in der Wiedergabe, Aufnahme für Aufnahme). Sie entsteht hier und wird gespeichert, wo Sie möchten; nichts wird hochgeladen.")
	tEvHashing     = def("ev.hashing", "Computing the checksums of your files…", "Die Prüfsummen Ihrer Dateien werden berechnet …")
	tEvSaved       = def("ev.saved", "Saved as %s.", "Gespeichert als %s.")
	tEvFailed      = def("ev.failed", "That did not work: %s", "Das ist fehlgeschlagen: %s")
	tEvLetterHint  = def("ev.letterHint", "Fill in what is in [brackets] and change anything you like before you send it; ExportLens sends nothing.", "Ergänzen Sie, was in [Klammern] steht, und ändern Sie, was Sie möchten, bevor Sie ihn abschicken; ExportLens verschickt nichts.")
	tEvCopy        = def("ev.copy", "Copy", "Kopieren")
	tEvCopied      = def("ev.copied", "Copied.", "Kopiert.")
	tEvSaveText    = def("ev.saveText", "Download as a text file", "Als Textdatei herunterladen")
	tEvClose       = def("ev.close", "Close", "Schließen")
	tEvLetterLabel = def("ev.letterLabel", "The letter, to edit", "Der Brief zum Bearbeiten")
)

func (e *evidenceActions) Render() app.UI {
	button := func(key textKey, testid string, h app.EventHandler) app.UI {
		return app.Button().Type("button").Class("button-secondary").Attr("data-testid", testid).
			Disabled(e.busy).OnClick(h).Text(tr(e.Lang, key))
	}
	return app.Div().Body(
		app.If(e.printHead != "", app.Pre().Class("print-only", "print-head").Attr("data-testid", "print-head").Text(e.printHead)),
		app.Div().Class("evidence-actions").Body(
			app.Div().Class("next-actions").Body(
				button(tEvPack, "pack", e.onPack),
				button(tEvCompany, "letter-company", e.onLetter("company")),
				button(tEvAuthority, "letter-authority", e.onLetter("authority")),
				button(tEvPrint, "print", e.onPrint),
			),
			app.P().Class("hint").Text(tr(e.Lang, tEvPackHint)),
			e.renderExcerpts(),
			app.If(e.status != "", app.P().Class("notice").Attr("role", "status").Attr("data-testid", "evidence-status").Text(e.status)),
			app.If(e.letter != "", e.renderLetter()),
		),
	)
}

// onPrint prints the page with what the pack's report adds to it (the
// inputs' checksums first: they are computed once), like report.txt.
func (e *evidenceActions) onPrint(ctx app.Context, _ app.Event) {
	e.withHashes(ctx, func(ctx app.Context, rep *check.Report) {
		e.printHead = e.evidence(rep).PrintHead()
		ctx.Defer(func(app.Context) { e.report(ctx, browser.Print(), "") })
	})
}

func (e *evidenceActions) renderLetter() app.UI {
	return app.Div().Class("letter").Attr("data-testid", "letter").Attr("data-letter", e.letter).Body(
		app.Label().For("letter-text").Text(tr(e.Lang, tEvLetterLabel)),
		app.P().Class("hint").Text(tr(e.Lang, tEvLetterHint)),
		app.Textarea().ID("letter-text").Attr("data-testid", "letter-text").Rows(24).
			Attr("spellcheck", "true").Text(e.text).OnInput(func(ctx app.Context, _ app.Event) {
			e.text = ctx.JSSrc().Get("value").String()
		}),
		app.Div().Class("next-actions").Body(
			app.Button().Type("button").Class("button-secondary").Attr("data-testid", "letter-copy").OnClick(func(ctx app.Context, _ app.Event) {
				e.report(ctx, browser.CopyText(e.text), tr(e.Lang, tEvCopied))
			}).Text(tr(e.Lang, tEvCopy)),
			app.Button().Type("button").Class("button-secondary").Attr("data-testid", "letter-save").OnClick(func(ctx app.Context, _ app.Event) {
				name := e.fileName("letter-" + e.letter + ".txt")
				text := e.text
				if !strings.HasSuffix(text, "\n") {
					text += "\n" // a text field keeps no final line break
				}
				e.report(ctx, browser.Save(name, []byte(text)), tr(e.Lang, tEvSaved, name))
			}).Text(tr(e.Lang, tEvSaveText)),
			app.Button().Type("button").Class("button-secondary").OnClick(func(ctx app.Context, _ app.Event) {
				e.letter, e.text, e.status = "", "", ""
			}).Text(tr(e.Lang, tEvClose)),
		),
	)
}

// report sets the status line from an action's outcome.
func (e *evidenceActions) report(ctx app.Context, err error, done string) {
	if err != nil {
		e.status = tr(e.Lang, tEvFailed, err.Error())
	} else {
		e.status = done
	}
}

// fileName is an ExportLens file name with the date it was made.
func (e *evidenceActions) fileName(base string) string {
	return "exportlens-" + time.Now().Format("2006-01-02") + "-" + base
}

// evidence is what the pack and the letters say now, of rep (the report
// with the inputs' checksums).
func (e *evidenceActions) evidence(rep *check.Report) view.Evidence {
	return e.Session.Evidence(rep, e.Lang, time.Now())
}

// withHashes runs then with the report whose inputs carry their SHA-256,
// computed once per report (a few seconds for a GB): the pack and the
// letters name the files received by their checksums, as the command does.
func (e *evidenceActions) withHashes(ctx app.Context, then func(ctx app.Context, rep *check.Report)) {
	s := e.Session
	if !s.Loaded() {
		return
	}
	if e.hashed != nil && e.hashedOf == s.Report {
		then(ctx, e.hashed)
		return
	}
	e.busy, e.status = true, tr(e.Lang, tEvHashing)
	ctx.Async(func() {
		rep := *s.Report
		rep.Inputs = append([]check.Input(nil), s.Report.Inputs...)
		var err error
		for i, f := range s.Files {
			if i >= len(rep.Inputs) {
				break
			}
			if rep.Inputs[i].SHA256, err = fileSHA256(f); err != nil {
				break
			}
		}
		ctx.Dispatch(func(ctx app.Context) {
			e.busy = false
			if err != nil {
				e.status = tr(e.Lang, tEvFailed, err.Error())
				return
			}
			e.status = ""
			e.hashed, e.hashedOf = &rep, s.Report
			then(ctx, e.hashed)
		})
	})
}

func (e *evidenceActions) onPack(ctx app.Context, _ app.Event) {
	e.withHashes(ctx, func(ctx app.Context, rep *check.Report) {
		data, err := e.evidence(rep).Pack()
		if err == nil {
			name := e.fileName("evidence.zip")
			err = browser.Save(name, data)
			e.report(ctx, err, tr(e.Lang, tEvSaved, name))
			return
		}
		e.report(ctx, err, "")
	})
}

func (e *evidenceActions) onLetter(to string) app.EventHandler {
	return func(ctx app.Context, _ app.Event) {
		e.withHashes(ctx, func(ctx app.Context, rep *check.Report) {
			r := view.ToCompany
			if to == "authority" {
				r = view.ToAuthority
			}
			e.letter, e.text, e.status = to, e.evidence(rep).Letter(r), ""
		})
	}
}

// fileSHA256 is the hex SHA-256 of a chosen file, read in slices of 4 MiB
// with a yield between them, so the page stays responsive.
func fileSHA256(f *browser.File) (string, error) {
	h := sha256.New()
	buf := make([]byte, 4<<20)
	r := f.ReaderAt()
	for off := int64(0); off < f.Size(); {
		n, err := r.ReadAt(buf[:min(int64(len(buf)), f.Size()-off)], off)
		h.Write(buf[:n])
		off += int64(n)
		if err != nil && err != io.EOF {
			return "", fmt.Errorf("%s: %w", f.Name(), err)
		}
		if n == 0 {
			return "", fmt.Errorf("%s: %w", f.Name(), io.ErrUnexpectedEOF)
		}
		view.Yield()
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// renderExcerpts says that the pack holds what the person chose to put in,
// with the way to leave it out again.
func (e *evidenceActions) renderExcerpts() app.UI {
	n := len(e.Session.Excerpts)
	if n == 0 {
		return app.Text("")
	}
	gen := e.Session.Gen
	clear := tExcerptClear
	if n == 1 {
		clear = tExcerptClearOne
	}
	return app.P().Class("notice").Attr("data-testid", "excerpts").Attr("data-count", itoa(n)).Body(
		app.Text(trn(e.Lang, tExcerptCount, n)+" "),
		app.Button().Type("button").Class("button-secondary").Attr("data-testid", "excerpts-clear").OnClick(func(ctx app.Context, _ app.Event) {
			ctx.NewActionWithValue(actionExcerpt, excerptRequest{Gen: gen, Clear: true})
		}).Text(tr(e.Lang, clear)),
	)
}
