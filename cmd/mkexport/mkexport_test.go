package main

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"html"
	"io"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// csvStartLines parses data with encoding/csv (an independent reader) and
// returns the physical line each record starts on.
func csvStartLines(t *testing.T, data []byte) ([][]string, []int) {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	var recs [][]string
	var lines []int
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("csv: %v", err)
		}
		line, _ := r.FieldPos(0)
		recs, lines = append(recs, rec), append(lines, line)
	}
	return recs, lines
}

func TestCSVFileLines(t *testing.T) {
	tests := []struct {
		name      string
		bom, crlf bool
		records   [][]string
	}{
		{"plain", false, false, [][]string{{"a", "b"}, {"1", "2"}, {"3", "4"}}},
		{"bom crlf", true, true, [][]string{{"a", "b"}, {"1", "2"}, {"3", "4"}}},
		{"multi-line cell", false, false, [][]string{{"a", "b"}, {"x\ny\nz", "2"}, {"3", "4"}}},
		{"multi-line cell crlf", true, true, [][]string{{"a", "b"}, {"1", "two\nlines"}, {"3", "4"}, {"5", "6"}}},
		{"quotes and spaces", false, true, [][]string{{" a1 ", `say "hi"`}, {"x,y", ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newCSV(tc.bom, tc.crlf)
			var got []int
			for _, r := range tc.records {
				got = append(got, c.Record(r...))
			}
			data := c.Bytes()
			if hasBOM := bytes.HasPrefix(data, []byte("\uFEFF")); hasBOM != tc.bom {
				t.Errorf("BOM present = %v, want %v", hasBOM, tc.bom)
			}
			if bare := bytes.Count(data, []byte("\n")) - bytes.Count(data, []byte("\r\n")); tc.crlf && bare != 0 {
				t.Errorf("%d bare LF in a CRLF file", bare)
			}
			recs, want := csvStartLines(t, bytes.TrimPrefix(data, []byte("\uFEFF")))
			if len(got) != len(want) {
				t.Fatalf("got %d records, want %d", len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("record %d: got line %d, want %d", i, got[i], want[i])
				}
				// encoding/csv turns CRLF inside a quoted field into LF.
				if g, w := strings.Join(recs[i], "|"), strings.Join(tc.records[i], "|"); g != w {
					t.Errorf("record %d: got %q, want %q", i, g, w)
				}
			}
		})
	}
}

func TestCSVFileRaw(t *testing.T) {
	c := newCSV(true, true)
	doc := c.Raw("This file lists things.")
	head := c.Record("A", "B")
	row := c.Record("1", "x\ny")
	c.Raw("")
	foot := c.Raw("File Summary:")
	data := c.Bytes()
	for _, tc := range []struct {
		name string
		got  int
		want int
	}{
		{"doc", doc, lineOf(data, "This file")},
		{"header", head, lineOf(data, "A,B")},
		{"row", row, lineOf(data, "1,")},
		{"footer", foot, lineOf(data, "File Summary:")},
	} {
		if tc.got != tc.want || tc.want == 0 {
			t.Errorf("%s: got line %d, want %d", tc.name, tc.got, tc.want)
		}
	}
	if foot != 6 {
		t.Errorf("footer: got line %d, want 6 (doc, header, two-line row, empty line)", foot)
	}
}

func TestDoubleEncode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Küche", "KÃ¼che"},
		{"Wohnzimmer", "Wohnzimmer"},
		{"Ärger über Öl", "Ã\u0084rger Ã¼ber Ã\u0096l"},
	}
	for _, tc := range tests {
		got := doubleEncode(tc.in)
		if got != tc.want {
			t.Errorf("doubleEncode(%q): got %q, want %q", tc.in, got, tc.want)
		}
		// Repair the way a reader would: encode back to Latin-1 bytes.
		back, err := charmap.ISO8859_1.NewEncoder().String(got)
		if err != nil || back != tc.in {
			t.Errorf("repair(%q): got %q (%v), want %q", got, back, err, tc.in)
		}
	}
}

// normalise is what the checks do before comparing IDs.
func normalise(s string) string { return strings.ToUpper(norm.NFC.String(strings.TrimSpace(s))) }

func TestMessyValuesNormaliseBack(t *testing.T) {
	for i := 0; i < 12; i++ {
		for _, id := range []string{customerAnna, serialKueche, personAnna} {
			if got, want := normalise(messyID(id, i)), normalise(id); got != want {
				t.Errorf("messyID(%q, %d): normalises to %q, want %q", id, i, got, want)
			}
		}
		got := messyName("Küche", i)
		if strings.Contains(got, "Ã") {
			got, _ = charmap.ISO8859_1.NewEncoder().String(got)
		}
		if norm.NFC.String(got) != "Küche" {
			t.Errorf("messyName(Küche, %d): repairs to %q", i, got)
		}
	}
}

// stubSynth returns a synth that makes a short tone instead of speech, so
// the layout can be tested without espeak-ng.
func stubSynth() *synth {
	s := newSynth("")
	s.speak = func(v voice, text string) ([]int16, error) {
		p := make([]int16, 160+len(text))
		for i := range p {
			p[i] = int16(i * 97)
		}
		return p, nil
	}
	return s
}

func TestAmazonPlantedMatchesCSV(t *testing.T) {
	ex, err := buildAmazon(stubSynth(), foreignRows(), true)
	if err != nil {
		t.Fatal(err)
	}
	data := ex.alexa[historyCSV]
	recs, lines := csvStartLines(t, data)
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	id := func(s string) string { return s }
	got := amazonPlanted(ex, id, func(_, p string) string { return p })
	rules := map[string]bool{}
	for _, p := range got {
		rules[p.Rule] = true
		switch p.Rule {
		case "unreferenced-recording":
			if _, ok := ex.alexa[p.Path]; !ok {
				t.Errorf("%s: %s is not in Alexa.zip", p.Rule, p.Path)
			}
			if bytes.Contains(data, []byte(strings.TrimPrefix(p.Path, historyDir))) {
				t.Errorf("%s: %s is referenced by the CSV", p.Rule, p.Path)
			}
			continue
		case "missing-recording":
			if _, ok := ex.alexa[p.Subject]; ok {
				t.Errorf("%s: %s is in Alexa.zip", p.Rule, p.Subject)
			}
			p.Subject = strings.TrimPrefix(p.Subject, historyDir)
		}
		// The line must be where the first record holding the subject starts,
		// and records must count every such record.
		c, ok := col[p.Field]
		if !ok {
			t.Fatalf("%s: field %q is no column", p.Rule, p.Field)
		}
		first, n := 0, 0
		for i, rec := range recs[1:] {
			if rec[c] == p.Subject {
				if n == 0 {
					first = lines[i+1]
				}
				n++
			}
		}
		if p.Line != first || p.Records != n {
			t.Errorf("%s: got line %d records %d, want line %d records %d", p.Rule, p.Line, p.Records, first, n)
		}
	}
	for _, r := range []string{"unregistered-device", "foreign-customer", "unknown-voice-profile", "unreferenced-recording", "missing-recording"} {
		if !rules[r] {
			t.Errorf("rule %s not planted", r)
		}
	}
}

func TestCleanHouseholdPlantsNothing(t *testing.T) {
	for _, build := range []struct {
		name string
		f    func() (*amazonExport, error)
	}{
		{"clean", func() (*amazonExport, error) { return buildAmazon(stubSynth(), householdRows(), false) }},
		{"messy", func() (*amazonExport, error) { return buildAmazonMessy(stubSynth(), householdRows()) }},
	} {
		ex, err := build.f()
		if err != nil {
			t.Fatal(err)
		}
		if got := amazonPlanted(ex, func(z string) string { return z }, func(_, p string) string { return p }); len(got) != 0 {
			t.Errorf("%s: got %d planted things, want none: %+v", build.name, len(got), got)
		}
	}
}

func TestZipBytesDeterministicAndMethods(t *testing.T) {
	mk := func() []byte {
		tr := tree{}
		tr.add("b/x.wav", []byte("RIFFdata"))
		tr.add("a/y.csv", []byte("a,b\n1,2\n"))
		return tr.zipBytes()
	}
	a, b := mk(), mk()
	if !bytes.Equal(a, b) {
		t.Fatal("two builds of the same tree differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		name   string
		method uint16
	}{{"a/y.csv", zip.Deflate}, {"b/x.wav", zip.Store}}
	if len(zr.File) != len(want) {
		t.Fatalf("got %d entries, want %d", len(zr.File), len(want))
	}
	for i, f := range zr.File {
		if f.Name != want[i].name || f.Method != want[i].method {
			t.Errorf("entry %d: got %s method %d, want %s method %d", i, f.Name, f.Method, want[i].name, want[i].method)
		}
		if !f.Modified.Equal(zipTime) {
			t.Errorf("%s: modified %v, want %v", f.Name, f.Modified, zipTime)
		}
	}
}

func TestWAVRoundTrip(t *testing.T) {
	p := []int16{0, 1000, -1000, 32767, -32768}
	w := encodeWAV(p, 6)
	got, rate, err := decodeWAV(w)
	if err != nil {
		t.Fatal(err)
	}
	if rate != sampleRate || len(got) != len(p)+3 {
		t.Fatalf("got rate %d, %d samples; want %d, %d", rate, len(got), sampleRate, len(p)+3)
	}
	for i, v := range p {
		if got[i] != v {
			t.Errorf("sample %d: got %d, want %d", i, got[i], v)
		}
	}
}

func TestResample(t *testing.T) {
	in := make([]int16, 22050)
	for i := range in {
		in[i] = int16(i % 1000)
	}
	out := resample(in, 22050, 16000)
	if len(out) != 16000 {
		t.Fatalf("got %d samples, want 16000", len(out))
	}
	// Output sample i lies at input position i*22050/16000; check a few exact ones.
	for _, i := range []int{0, 320, 640} { // 320*22050/16000 = 441 exactly
		j := i * 22050 / 16000
		if out[i] != in[j] {
			t.Errorf("sample %d: got %d, want %d", i, out[i], in[j])
		}
	}
}

func TestMP3Name(t *testing.T) {
	at := time.Date(2018, 4, 16, 11, 42, 55, 659_400_000, time.UTC)
	if got, want := mp3Name(at), "2018-04-16_11_42_55_659_UTC.mp3"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1GB", 1e9, true}, {"500MB", 500e6, true}, {"2GiB", 2 << 30, true},
		{"123456", 123456, true}, {"1.5kb", 1500, true}, {"", 0, false}, {"-1GB", 0, false}, {"lots", 0, false},
	}
	for _, tc := range tests {
		got, err := parseSize(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("parseSize(%q): got %d, %v; want %d, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

func TestTakeoutPlanted(t *testing.T) {
	res, err := buildTakeout(stubMP3Synth(t), takeoutPlan{name: "x", loc: takeoutEN, parts: 2, profile: emailAlice, strangerAt: []int{1, 4}})
	if err != nil {
		t.Fatal(err)
	}
	first, n := res.firstRecord(func(a activity) bool { return len(a.Details) > 1 })
	if first != 1 || n != 2 {
		t.Errorf("unrecognized: got first %d n %d, want 1, 2", first, n)
	}
	// Every audio reference exists in some part, and the overview lists every file.
	browser := string(res.parts[0][res.path["browser"]])
	for _, a := range res.records {
		for _, f := range a.AudioFiles {
			found := false
			for _, p := range res.parts {
				_, ok := p["Takeout/"+takeoutEN.activityDir+"/"+f]
				found = found || ok
			}
			if !found {
				t.Errorf("audio %s is in no part", f)
			}
		}
	}
	for _, p := range res.parts {
		for name := range p {
			if !strings.Contains(browser, ">"+strings.TrimPrefix(name, "Takeout/")+"<") {
				t.Errorf("archive_browser.html does not list %s", name)
			}
		}
	}
}

// stubMP3Synth stubs the speech; the MP3s still come from lame, so the test
// is skipped where lame is missing.
func stubMP3Synth(t *testing.T) *synth {
	s := stubSynth()
	s.tmp = t.TempDir()
	if err := checkTools(); err != nil {
		t.Skip(err)
	}
	return s
}

func TestTakeoutVoice(t *testing.T) {
	v, err := buildTakeoutVoice(stubMP3Synth(t))
	if err != nil {
		t.Fatal(err)
	}
	if v.records != 7 || v.activity != 2 {
		t.Errorf("records %d, activity %d; want 7 speech records (4 Voice and Audio, 3 Assistant) and 2 non-speech", v.records, v.activity)
	}
	var recs []activity
	if err := json.Unmarshal(v.tree[voiceAudio+"My Activity.json"], &recs); err != nil {
		t.Fatal(err)
	}
	for _, a := range recs {
		if a.Header != "Google App" || len(a.Products) != 1 || a.Products[0] != "Voice and Audio" || len(a.AudioFiles) != 1 {
			t.Errorf("Voice and Audio record %+v: want header Google App, product Voice and Audio, one MP3", a)
			continue
		}
		if _, ok := v.tree[voiceAudio+a.AudioFiles[0]]; !ok {
			t.Errorf("audio %s is not beside the activity", a.AudioFiles[0])
		}
	}
	page := string(v.tree[voiceAssist+"My Activity.html"])
	mp3s := 0
	for name := range v.tree {
		if strings.HasPrefix(name, voiceAssist) && strings.HasSuffix(name, ".mp3") {
			mp3s++
			if !strings.Contains(page, `src="`+strings.TrimPrefix(name, voiceAssist)+`"`) {
				t.Errorf("the Assistant page does not reference %s", name)
			}
		}
	}
	if mp3s != 3 {
		t.Errorf("Assistant MP3s: got %d, want 3", mp3s)
	}
	for _, want := range []string{"WIB", "UTC\u22127", "Used Assistant"} {
		if !strings.Contains(page, want) {
			t.Errorf("the Assistant page has no %q", want)
		}
	}
	sub := string(v.tree["Takeout/Google Account/alice.muster.SubscriberInfo.html"])
	for _, want := range []string{"<li>e-Mail: " + emailAlice, "<li>Alternate e-Mails: " + altAlice, "<li>Contact e-Mail: " + contactAlice, "<li>Recovery e-Mail: " + recoverAlice} {
		if !strings.Contains(sub, want) {
			t.Errorf("subscriber page lacks %q", want)
		}
	}
	browser := string(v.tree["Takeout/archive_browser.html"])
	for name := range v.tree {
		base := name[strings.LastIndex(name, "/")+1:]
		if name != "Takeout/archive_browser.html" && !strings.Contains(browser, "> "+html.EscapeString(base)+"<") {
			t.Errorf("the overview does not list %s", name)
		}
	}
	if strings.Contains(browser, `class="file"`) {
		t.Errorf("the overview has the old list form; want the real tree only")
	}
}
