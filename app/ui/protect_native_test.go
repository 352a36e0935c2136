//go:build !wasm

package ui

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"exportlens/app/check"
	"exportlens/app/export"
	"exportlens/app/view"
)

// strangerPhrases are lines the generator (cmd/mkexport/amazon2018.go)
// writes into the 2018 demo's PDF for the stranger's WAVs, and the one line
// that matches no WAV.
var strangerPhrases = []string{"turn on the bedroom light", "how long do I boil an egg", "call Lisa", "what time is it"}

// fixtureInputs are the paths of a fixture's inputs.
func fixtureInputs(t *testing.T, name string) []string {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "fixtures", name, "input")
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, de := range des {
		out = append(out, filepath.Join(dir, de.Name()))
	}
	return out
}

// openFixture opens every input of a fixture natively and checks it as the
// app does (recheck), with the facts d.
func openFixture(t *testing.T, name string, d check.Declared) session {
	t.Helper()
	var inputs []view.Input
	for _, p := range fixtureInputs(t, name) {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		st, err := f.Stat()
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, view.Input{Name: filepath.Base(p), R: f, Size: st.Size()})
	}
	return openInputs(t, name, inputs, d)
}

// openInputs opens inputs natively and checks them as the app does
// (recheck), with the facts d.
func openInputs(t *testing.T, name string, inputs []view.Input, d check.Declared) session {
	t.Helper()
	tree, err := view.Default.Open(context.Background(), inputs, view.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tree.Close() })
	x, err := export.Load(context.Background(), tree, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := recheck(session{Session: view.Session{Gen: 1, Tree: tree, Export: x, Declared: normalDeclared(d)}})
	if !s.Loaded() {
		t.Fatalf("%s: not loaded: %v", name, s.Err)
	}
	return s
}

// visibleSaid is every transcript and response text the pages would show in
// s: the recordings list and player, the Transcripts page.
func visibleSaid(s session) string {
	prot := protectionOf(s)
	var b strings.Builder
	for i, rec := range s.Export.Recordings {
		if !prot.HidesRecording(i) {
			b.WriteString(rec.Transcript().Text + "\n" + rec.Response().Text + "\n")
		}
	}
	for _, l := range s.Export.Transcripts {
		if !prot.HidesLine(l) {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// TestProtect2018 pins issue 8, point 1 on the 2018 demo: every recording
// is hidden, so are all the PDF's lines and members, until the person lifts
// it for one finding or for the export; "hide again" hides them again.
func TestProtect2018(t *testing.T) {
	s := openFixture(t, "amazon-2018", demoFacts)
	all := strings.ToLower(func() string {
		var b strings.Builder
		for _, l := range s.Export.Transcripts {
			b.WriteString(l.Text + "\n")
		}
		return b.String()
	}())
	for _, ph := range strangerPhrases {
		if !strings.Contains(all, strings.ToLower(ph)) {
			t.Fatalf("the 2018 PDF does not hold %q: the test would prove nothing", ph)
		}
	}
	if len(s.Export.Recordings) != 12 {
		t.Fatalf("got %d recordings, want the generator's 12", len(s.Export.Recordings))
	}

	prot := protectionOf(s)
	if prot.Hidden != 12 {
		t.Errorf("hidden: got %d items, want all 12", prot.Hidden)
	}
	if got := visibleSaid(s); strings.TrimSpace(got) != "" {
		t.Errorf("shown before lifting: %q, want nothing", got)
	}
	for _, m := range []string{"Alexa/0001.wav", "Alexa/0012.wav", "Alexa/Alexa-Sprachaufnahmen.pdf"} {
		if why, fs := prot.Member("export.zip", m); why == view.NotHidden || len(fs) == 0 {
			t.Errorf("member %s: got why %v findings %v, want hidden with its findings", m, why, fs)
		}
	}
	ix := recIndexOf(s)
	search := view.NewFilter()
	search.Query = "bedroom"
	if got := ix.Filter(search, prot.Hides); len(got) != 0 {
		t.Errorf(`search "bedroom" while hidden: got items %v, want none (a hit tells)`, got)
	}
	if got := ix.Filter(search, nil); len(got) != 1 {
		t.Errorf(`search "bedroom" without protection: got %v, want one item`, got)
	}

	fs := prot.HiddenFindings()
	if len(fs) == 0 {
		t.Fatal("no finding offers to lift the protection")
	}
	l, ok := s.Lifted.With(view.LiftRequest{Gen: s.Gen, Finding: view.FindingKey(&s.Report.Findings[fs[0]])})
	if !ok {
		t.Fatal("lifting a finding changed nothing")
	}
	lift := s
	lift.Lifted = l
	if s.Lifted.Findings != nil {
		t.Error("lifting changed the published session's map")
	}
	text := strings.ToLower(visibleSaid(lift))
	for _, ph := range strangerPhrases {
		if !strings.Contains(text, strings.ToLower(ph)) {
			t.Errorf("after lifting %s: %q not shown", s.Report.Findings[fs[0]].Rule, ph)
		}
	}
	p2 := protectionOf(lift)
	if p2.Hidden != 0 {
		t.Errorf("after lifting: %d items still hidden, want 0", p2.Hidden)
	}
	if why, _ := p2.Member("export.zip", "Alexa/0001.wav"); why != view.NotHidden {
		t.Errorf("after lifting: the WAV is still hidden (%v)", why)
	}
	if !p2.AnyLifted() {
		t.Error("after lifting: anyLifted is false")
	}

	l, _ = lift.Lifted.With(view.LiftRequest{Reset: true})
	lift.Lifted = l
	if got := protectionOf(lift).Hidden; got != 12 {
		t.Errorf("after hide again: got %d hidden, want 12", got)
	}
	l, _ = lift.Lifted.With(view.LiftRequest{All: true})
	lift.Lifted = l
	if got := visibleSaid(lift); !strings.Contains(strings.ToLower(got), "bedroom") {
		t.Errorf("after lifting all: got %q, want the transcripts", got)
	}
	if _, ok := lift.Lifted.With(view.LiftRequest{}); ok {
		t.Error("an empty request changed something")
	}
}

// TestProtectOwned: a clean export's recordings are never hidden.
func TestProtectOwned(t *testing.T) {
	s := openFixture(t, "amazon-clean", check.Declared{})
	if len(s.Export.Recordings) == 0 {
		t.Fatal("amazon-clean has no recordings: the test would prove nothing")
	}
	prot := protectionOf(s)
	if prot.Hidden != 0 || len(prot.Docs) != 0 || len(prot.Audio) != 0 {
		t.Errorf("clean export: hidden %d, docs %d, audio %d, want nothing", prot.Hidden, len(prot.Docs), len(prot.Audio))
	}
	if fs := prot.HiddenFindings(); len(fs) != 0 {
		t.Errorf("clean export offers to lift findings %v", fs)
	}
}

// TestProtectCSVCells: in the voice history's CSV, a hidden record's
// transcript and response cells are hidden, its device serial (the
// evidence) is not, and an owned record's cells all show.
func TestProtectCSVCells(t *testing.T) {
	s := openFixture(t, "amazon-foreign", check.Declared{})
	prot := protectionOf(s)
	if prot.Hidden == 0 {
		t.Fatal("amazon-foreign: nothing hidden: the test would prove nothing")
	}
	var checked, owned int
	for i, rec := range s.Export.Recordings {
		if rec.Src().Line == 0 || !strings.HasSuffix(rec.Src().Path, ".csv") || rec.Transcript().Text == "" {
			continue
		}
		said := prot.Records[view.FileKey(rec.Src().Part, rec.Src().Path)][rec.Src().Line]
		var e *view.Entry
		for _, x := range s.Tree.Entries {
			if x.Part == rec.Src().Part && x.Path == rec.Src().Path {
				e = x
			}
		}
		rc, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		pg := view.ReadCSVPage(rc, 0, rec.Src().Line, "")
		rc.Close()
		var cells []string
		for _, r := range pg.Records {
			if r.Line == rec.Src().Line {
				cells = r.Cells
			}
		}
		if cells == nil {
			t.Fatalf("recording %d: no CSV record on line %d", i, rec.Src().Line)
		}
		var hiddenCells []string
		for _, c := range cells {
			if view.HidesCell(c, said) {
				hiddenCells = append(hiddenCells, c)
			}
		}
		if !prot.HidesRecording(i) {
			owned++
			if len(hiddenCells) != 0 {
				t.Errorf("owned recording %d: cells %q hidden", i, hiddenCells)
			}
			continue
		}
		checked++
		if !slices.Contains(hiddenCells, rec.Transcript().Text) {
			t.Errorf("hidden recording %d: transcript %q not among the hidden cells %q", i, rec.Transcript().Text, hiddenCells)
		}
		if rec.Device().Text != "" && slices.Contains(hiddenCells, rec.Device().Text) {
			t.Errorf("hidden recording %d: its device serial %q is hidden, the evidence must show", i, rec.Device().Text)
		}
	}
	if checked == 0 || owned == 0 {
		t.Fatalf("checked %d hidden and %d owned CSV records, want some of each", checked, owned)
	}
}
