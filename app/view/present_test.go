package view

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"

	"exportlens/app/check"
	"exportlens/app/export"
)

// presentExport is a small export: one account, two devices (one a
// stranger's), a voice profile, two recordings and a transcript file.
func presentExport() *export.Export {
	at := func(path string, line int) export.Source { return export.Source{Path: path, Line: line} }
	x := &export.Export{
		Names:       []export.Value{export.NewValue("Jana Beispiel", at("customer.csv", 2))},
		Emails:      []export.Value{export.NewValue("jana@example.org", at("customer.csv", 2))},
		CustomerIDs: []export.Value{export.NewValue("A1BCDEFGH2IJKL", at("customer.csv", 2))},
		Devices: []export.Device{
			{Serial: export.NewValue("G090LF1234567890", at("devices.csv", 2)), Name: export.NewValue("Küche", at("devices.csv", 2))},
			{Serial: export.NewValue("G0X0FOREIGN00001", at("devices.csv", 3))},
		},
		VoiceProfiles: []export.VoiceProfile{{ID: export.NewValue("amzn1.vp.0001", at("profiles.csv", 2))}},
	}
	for i, said := range []string{"turn on the bedroom light", "play the news"} {
		var r export.Recording
		r.SetSrc(at("activity.csv", i+2))
		r.Set(export.FieldDevice, export.NewValue([]string{"G090LF1234567890", "G0X0FOREIGN00001"}[i], at("activity.csv", i+2)))
		r.Set(export.FieldTranscript, export.NewValue(said, at("activity.csv", i+2)))
		x.Recordings = append(x.Recordings, r)
	}
	x.Transcripts = []export.TranscriptLine{
		{Text: "what is the weather", Recording: -1, Src: export.Source{Path: "transcript.pdf", Page: 1, Line: 3}},
		{Text: "set a timer", Recording: -1, Src: export.Source{Path: "transcript.pdf", Page: 1, Line: 7}},
		{Text: "stop", Recording: -1, Src: export.Source{Path: "transcript.pdf", Page: 2, Line: 1}},
	}
	return x
}

// TestPseudonyms: every identifier becomes one pseudonym wherever it
// stands (whole, in a sentence, in other case, escaped), the claim's
// first; what was said is known as said; words that merely contain an
// identifier stay.
func TestPseudonyms(t *testing.T) {
	p := NewPseudonyms(presentExport(), nil)
	cases := []struct{ lang, in, want string }{
		{"en", "Jana Beispiel", "Person A"},
		{"de", "jana@example.org", "E-Mail von Person A"},
		{"en", "JANA@EXAMPLE.ORG", "E-mail of person A"},
		{"en", "A1BCDEFGH2IJKL", "Account A"},
		{"de", "A1BCDEFGH2IJKL", "Konto A"},
		{"en", "G090LF1234567890", "Device 1"},
		{"de", "G0X0FOREIGN00001", "Gerät 2"},
		{"de", "Küche", "Gerät 1"}, // a device's name is the device
		{"en", "amzn1.vp.0001", "Voice profile 1"},
		{"en", "Recordings of G0X0FOREIGN00001 (not registered to A1BCDEFGH2IJKL).", "Recordings of Device 2 (not registered to Account A)."},
		{"en", "customerId=A1BCDEFGH2IJKL&mail=jana%40example.org", "customerId=Account A&mail=E-mail of person A"},
		{"en", "Jana Beispielhaft", "Jana Beispielhaft"}, // another word: not the name
		{"en", "XG090LF1234567890", "XG090LF1234567890"},
		{"en", "nothing here", "nothing here"},
	}
	for _, c := range cases {
		if got := p.Text(c.lang, c.in); got != c.want {
			t.Errorf("Text(%s, %q): got %q, want %q", c.lang, c.in, got, c.want)
		}
	}
	for _, s := range []string{"turn on the bedroom light", " play the news ", "set a timer"} {
		if !p.Said(s) {
			t.Errorf("Said(%q): got false, want true", s)
		}
	}
	if p.Said("turn on the") {
		t.Error(`Said("turn on the"): part of a transcript is not a whole one`)
	}
	var none *Pseudonyms
	if got := none.Text("en", "Jana Beispiel"); got != "Jana Beispiel" {
		t.Errorf("no pseudonyms (presenter mode off): got %q, want the text as it is", got)
	}
}

// TestPseudonymsStable: the same export gives the same pseudonyms whatever
// order its devices' recordings come in (seeds), and two values never
// share one.
func TestPseudonymsStable(t *testing.T) {
	want := NewPseudonyms(presentExport(), nil)
	for seed := range 20 {
		x := presentExport()
		r := rand.New(rand.NewPCG(uint64(seed), 1))
		r.Shuffle(len(x.Recordings), func(i, j int) { x.Recordings[i], x.Recordings[j] = x.Recordings[j], x.Recordings[i] })
		p := NewPseudonyms(x, nil)
		seen := map[Pseudonym]string{}
		for _, v := range []string{"Jana Beispiel", "jana@example.org", "A1BCDEFGH2IJKL", "G090LF1234567890", "G0X0FOREIGN00001", "amzn1.vp.0001"} {
			got, ok := p.Of(v)
			if !ok {
				t.Fatalf("seed %d: %q has no pseudonym", seed, v)
			}
			if w, _ := want.Of(v); got != w {
				t.Errorf("seed %d: %q: got %v, want %v", seed, v, got, w)
			}
			if other, dup := seen[got]; dup {
				t.Errorf("seed %d: %q and %q share %v", seed, v, other, got)
			}
			seen[got] = v
		}
	}
}

func TestLetters(t *testing.T) {
	for n, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := letters(n); got != want {
			t.Errorf("letters(%d): got %q, want %q", n, got, want)
		}
	}
}

// TestSaidOn: a page of a file's lines hides what the records on those
// lines say, and the record the lines start inside.
func TestSaidOn(t *testing.T) {
	p := NewPseudonyms(presentExport(), nil)
	key := FileKey("", "transcript.pdf")
	cases := []struct {
		page, from, to int
		want           string
	}{
		{1, 1, 2, ""},
		{1, 1, 3, "what is the weather"},
		{1, 4, 6, "what is the weather"}, // inside the record of line 3
		{1, 3, 9, "what is the weather|set a timer"},
		{1, 8, 20, "set a timer"},
		{2, 1, 1, "stop"},
		{3, 1, 10, ""},
	}
	for _, c := range cases {
		if got := strings.Join(p.SaidOn(key, c.page, c.from, c.to), "|"); got != c.want {
			t.Errorf("SaidOn(page %d, lines %d–%d): got %q, want %q", c.page, c.from, c.to, got, c.want)
		}
	}
	if got := p.SaidOn(FileKey("", "activity.csv"), 0, 1, 2); strings.Join(got, "|") != "turn on the bedroom light" {
		t.Errorf("SaidOn(activity.csv, lines 1–2): got %q", got)
	}
}

// TestRecordingsViewURL: an address round-trips, holds no value from the
// export, and a view that does not fit the export opened is cut to it.
func TestRecordingsViewURL(t *testing.T) {
	views := []RecordingsView{
		{Filter: NewFilter(), Rec: -1},
		{Filter: Filter{Finding: 2, Device: 1, Profile: FilterNone, From: "2018-03-01", To: "2018-03-31", Flagged: true}, Rec: 7},
		{Filter: Filter{Finding: -1, Device: FilterAll, Profile: 0}, Rec: 0},
	}
	for _, v := range views {
		u := v.URL()
		if !strings.HasPrefix(u, RecordingsRoute) {
			t.Errorf("%+v: got %s, want an address of %s", v, u, RecordingsRoute)
		}
		p, err := url.Parse(u)
		if err != nil {
			t.Fatal(err)
		}
		got := ParseRecordingsView(p.Query())
		if fmt.Sprint(got) != fmt.Sprint(v) {
			t.Errorf("%s: got back %+v, want %+v", u, got, v)
		}
		if AsksPresent(p.Query()) {
			t.Errorf("%s asks for presenter mode", u)
		}
		pu, _ := url.Parse(WithPresent(u))
		if !AsksPresent(pu.Query()) || fmt.Sprint(ParseRecordingsView(pu.Query())) != fmt.Sprint(v) {
			t.Errorf("WithPresent(%s) = %s: want the same view, asking for presenter mode", u, pu)
		}
	}
	with := Filter{Finding: 0, Query: "bedroom"}
	if u := (RecordingsView{Filter: with, Rec: -1}).URL(); strings.Contains(u, "bedroom") {
		t.Errorf("got %s: the search text is in the address", u)
	}
	// Typed or cut addresses select nothing rather than fail.
	bad, _ := url.ParseQuery("finding=x&rec=-3&device=&from=2018-13-01&flagged=yes")
	if got, want := ParseRecordingsView(bad), (RecordingsView{Filter: NewFilter(), Rec: -1}); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("bad address: got %+v, want %+v", got, want)
	}
	ix := &Recordings{Report: &check.Report{Findings: make([]check.Finding, 1)}, Items: make([]Item, 3), Devices: make([]DeviceRow, 2)}
	fit := RecordingsView{Filter: Filter{Finding: 4, Device: 2, Profile: 0}, Rec: 9}.Fit(ix)
	if fit.Filter.Finding != -1 || fit.Filter.Device != FilterAll || fit.Filter.Profile != FilterAll || fit.Rec != -1 {
		t.Errorf("Fit: got %+v, want every place beyond the export's lists dropped", fit)
	}
	if !ViewParams(url.Values{"rec": {"1"}}) || ViewParams(url.Values{PresentParam: {"1"}}) {
		t.Error("ViewParams: a view is anything but presenter mode's request")
	}
}
