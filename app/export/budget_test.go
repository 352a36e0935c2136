package export

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
)

// repeatFile is a member whose content is head, then unit n times, then
// tail, produced as it is read (a table of gigabytes costs no memory here).
func repeatFile(part, p, head, unit, tail string, n int) file {
	size := int64(len(head)) + int64(len(unit))*int64(n) + int64(len(tail))
	return file{Part: part, Path: p, Size: size, OpenFn: func() (io.ReadCloser, error) {
		rs := []io.Reader{strings.NewReader(head), &repeater{unit: unit, left: n}, strings.NewReader(tail)}
		return io.NopCloser(io.MultiReader(rs...)), nil
	}}
}

type repeater struct {
	unit string
	left int
	off  int
}

func (r *repeater) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) && r.left > 0 {
		k := copy(p[n:], r.unit[r.off:])
		n += k
		if r.off += k; r.off == len(r.unit) {
			r.off, r.left = 0, r.left-1
		}
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

const (
	historyPath  = "Alexa.VoiceHistory/datasets/Alexa.VoiceHistory/Alexa.VoiceHistory.csv"
	profilesPath = "Alexa.VoiceProfiles/datasets/Alexa.VoiceProfiles/Alexa.VoiceProfiles.csv"
	historyHead  = "Timestamp,CustomerId,DeviceSerialNumber,DeviceType,DeviceName,UtteranceId,CustomerTranscript,AlexaResponse,PersonId,PersonFirstName,AudioFile\n"
	historyRow   = "2023-09-16T07:00:03.277Z,A1B2C3D4E5F6G7,G070RQ0000000001,A3S5BH2HU6VAYF,Küche,UTT-0000,what time is it,It is seven.,,,\n"
	profiles     = "PersonId,PersonFirstName,PersonType,CustomerId,EnrolledAt\namzn1.actor.person.oid.A1ANNAPROFILE1,Anna,ADULT,A1B2C3D4E5F6G7,2023-05-02T18:31:54.000Z\n"
)

// A table of 5 million rows (the old count limit) held 18 GB at the 3.6 KiB
// a row cost: rows are bounded by the memory they keep. The file stops with
// a problem naming it, the rows read stay, and the table beside it is read.
func TestLoadBudgetStopsRows(t *testing.T) {
	const budget = 4 << 20
	files := []file{
		repeatFile("x.zip", historyPath, historyHead, historyRow, "", 5_000_000),
		memFile("x.zip", profilesPath, profiles),
	}
	ex, err := loadWithin(context.Background(), files, nil, budget)
	if err != nil {
		t.Fatal(err)
	}
	// A row keeps its Recording, its customer ID's Identity and its own
	// utterance ID; the other texts repeat and are shared (keptTexts).
	perRow := recordingCost + identityCost + int64(len("UTT-0000"))
	if n := int64(len(ex.Recordings)); n == 0 || n > budget/perRow+1 {
		t.Errorf("got %d recordings, want some and at most %d (the budget over %d bytes a row)", n, budget/perRow+1, perRow)
	}
	want := fmt.Sprintf("stopped after %d rows: the export's memory budget is spent", len(ex.Recordings))
	var got *Problem
	for i, p := range ex.Problems {
		if p.Src.Path == historyPath {
			got = &ex.Problems[i]
		}
	}
	if got == nil || got.Reason != want || got.Kind != ProblemBudget {
		t.Errorf("got problems %+v, want %q (kind %s) for the voice history", ex.Problems, want, ProblemBudget)
	}
	if len(ex.VoiceProfiles) != 1 {
		t.Errorf("got %d voice profiles, want the 1 of the table beside", len(ex.VoiceProfiles))
	}
	if cap(ex.Recordings) > 2*len(ex.Recordings)+16 {
		t.Errorf("got room for %d recordings, %d used: the reservation ignores the budget", cap(ex.Recordings), len(ex.Recordings))
	}
}

// The same for activity records of a Takeout JSON.
func TestLoadBudgetStopsActivity(t *testing.T) {
	item := `{"header":"Assistant","title":"Said what time is it","time":"2024-03-01T10:15:00.000Z","products":["Assistant"]},`
	files := []file{repeatFile("t.zip", "Takeout/My Activity/Assistant/MyActivity.json", "[", item, `{"title":"x","time":"2024-03-01T10:15:00.000Z"}]`, 2_000_000)}
	ex, err := loadWithin(context.Background(), files, nil, 4<<20)
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.Problems) != 1 || !errorsIsBudget(ex.Problems[0]) || !strings.HasPrefix(ex.Problems[0].Reason, fmt.Sprintf("stopped after %d records", len(ex.Recordings))) {
		t.Fatalf("got %d recordings and problems %+v, want a stop at the budget", len(ex.Recordings), ex.Problems)
	}
}

func errorsIsBudget(p Problem) bool {
	return p.Kind == ProblemBudget && strings.HasSuffix(p.Reason, ErrBudget.Error())
}

// encoding/csv and encoding/json hold a whole record before returning it:
// one quoted cell over many short lines, or one JSON string, of 200 MB cost
// gigabytes before a limit on physical lines or on the file saw them.
func TestLoadRecordTooLong(t *testing.T) {
	tests := []struct {
		name string
		f    file
		want string
	}{
		{"csv cell over many lines", repeatFile("x.zip", historyPath, historyHead+`2023-09-16T07:00:03.277Z,A1,G1,T,K,U1,"`, "a\n", "\",,,,,\n", 100<<20), "csv: a record is longer than 1048576 bytes"},
		{"json string", repeatFile("t.zip", "Takeout/My Activity/Assistant/MyActivity.json", `[{"header":"Assistant","time":"2024-03-01T10:15:00.000Z","title":"Said `, "a", `"}]`, 200<<20), "json: a record is longer than 1048576 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, err := loadWithin(context.Background(), []file{tt.f}, nil, DefaultBudget)
			if err != nil {
				t.Fatal(err)
			}
			if len(ex.Problems) != 1 || ex.Problems[0].Reason != tt.want || ex.Problems[0].Src.Path != tt.f.Path {
				t.Fatalf("got problems %+v, want %q for %s", ex.Problems, tt.want, tt.f.Path)
			}
		})
	}
}

// bigHistoryRows are the four rows `mkexport -big` repeats (its voice
// history, 263 bytes a row on average), and the stranger's row it plants
// every 37th: %s is the utterance ID, %s the audio file's UUID.
var bigHistoryRows = []string{
	"2023-01-02T06:00:00.000Z,A1B2C3D4E5F6G7,G070RQ0000000001,A3S5BH2HU6VAYF,Küche,%s,\"Alexa, wie wird das Wetter morgen?\",Morgen wird es in Berlin sonnig bei 18 Grad.,amzn1.actor.person.oid.A1ANNAPROFILE1,Anna,media/%s.wav\n",
	"2023-01-02T06:13:00.001Z,A1B2C3D4E5F6G7,G090LF0000000002,A7WXQPH584YP,Wohnzimmer,%s,\"Alexa, play some jazz.\",Here is a station you might like: Smooth Jazz.,,,media/%s.wav\n",
	"2023-01-02T13:22:00.034Z,A1B2C3D4E5F6G7,G070RQ0000000001,A3S5BH2HU6VAYF,Küche,%s,\"Alexa, stell einen Timer auf zehn Minuten.\",\"Zehn Minuten, ab jetzt.\",amzn1.actor.person.oid.A1ANNAPROFILE1,Anna,media/%s.wav\n",
	"2023-01-02T13:35:00.035Z,A1B2C3D4E5F6G7,G090LF0000000002,A7WXQPH584YP,Wohnzimmer,%s,\"Alexa, wie spät ist es?\",Es ist 21:42 Uhr.,amzn1.actor.person.oid.A1ANNAPROFILE1,Anna,media/%s.wav\n",
}

const bigStrangerRow = "2023-01-02T13:48:00.036Z,A1B2C3D4E5F6G7,G070RQ0000000099,A3S5BH2HU6VAYF,Bedroom,%s,\"Alexa, wie wird das Wetter morgen?\",Morgen wird es in Berlin sonnig bei 18 Grad.,,,media/%s.wav\n"

// bigHistory is the voice history of `mkexport -big -recordings n` with
// its n WAVs (never read), in memory; size is the table's length.
func bigHistory(n int) (files []file, size int) {
	var b strings.Builder
	b.WriteString(historyHead)
	files = make([]file, 0, n+1)
	for i := range n {
		row := bigHistoryRows[i%len(bigHistoryRows)]
		if i%37 == 36 {
			row = bigStrangerRow
		}
		audio := fmt.Sprintf("%08x-e56d-45fc-9520-%012x", i, i*7919)
		fmt.Fprintf(&b, row, fmt.Sprintf("%08X-053E-4D75-A205-%012X", i*31, i), audio)
		files = append(files, audioFile("Alexa.zip", "Alexa.VoiceHistory/media/"+audio+".wav", 1_000_000))
	}
	return append(files, memFile("Alexa.zip", historyPath, b.String())), b.Len()
}

// The 10 GB export of 100,000 recordings stopped at 21,956 rows when a
// Recording was 1336 bytes: its voice history alone (no listed entries
// drawing on the budget) is read whole under the default budget now, and
// one that does not fit still stops with the budget's problem.
func TestLoadBudgetHolds100000Recordings(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 100,000 rows")
	}
	files, size := bigHistory(100_000)
	if perRow := (size - len(historyHead)) / 100_000; perRow < 255 {
		t.Fatalf("rows of %d bytes, want the 263 of mkexport -big's", perRow)
	}
	ex, err := loadWithin(context.Background(), files, nil, DefaultBudget)
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.Recordings) != 100_000 || len(ex.Problems) != 0 {
		t.Errorf("got %d recordings and problems %+v, want 100000 and none", len(ex.Recordings), ex.Problems)
	}
	if r := ex.Recordings[99_999]; r.AudioPath() == "" || r.Device().Text != "G090LF0000000002" {
		t.Errorf("last recording: got audio %q, device %q", r.AudioPath(), r.Device().Text)
	}

	// Kept values have texts of their own (keptTexts, recordStore), so a
	// row costs its Recording and its unique texts, not its 263 bytes:
	// 250,000 fit.
	files, _ = bigHistory(250_000)
	ex, err = loadWithin(context.Background(), files, nil, DefaultBudget)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(ex.Recordings); n != 250_000 || len(ex.Problems) != 0 {
		t.Errorf("250,000 rows: got %d recordings and problems %+v, want all and none", n, ex.Problems)
	}

	// What the budget lets in is what the heap holds: the records of a
	// table that fills it take about the budget, the indexes beside it
	// (Export.Audio, the path maps) little more. The budget gives back the
	// row text a Recording no longer keeps: were the row still held, the
	// heap would hold its 263 bytes a row more (40 MB here) than charged.
	files, ex = nil, nil
	files, _ = bigHistory(400_000)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	ex, err = loadWithin(context.Background(), files, nil, DefaultBudget)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	n := len(ex.Recordings)
	if n < 250_000 || n >= 400_000 || len(ex.Problems) != 1 || !errorsIsBudget(ex.Problems[0]) {
		t.Errorf("400,000 rows: got %d recordings and problems %+v, want a stop at the budget after 250,000", n, ex.Problems)
	}
	held := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	if limit := int64(DefaultBudget + DefaultBudget/4); held > limit {
		t.Errorf("400,000 rows: the heap holds %d MB for %d recordings, want at most %d MB (the budget and a quarter)", held>>20, n, limit>>20)
	}
	runtime.KeepAlive(ex)
	runtime.KeepAlive(files) // the input is not what the load holds
	t.Logf("400,000 rows: %d kept, heap %d MB", n, held>>20)
}

// A voice history split over the parts of an export has one path in each:
// the room for its records is reserved for all of them when the first part
// is read, not grown (and the records copied) once per part.
func TestLoadReservesSplitHistory(t *testing.T) {
	const perPart = 20_000
	size := int64(len(historyHead) + perPart*len(historyRow))
	first := csvRow{Line: 2, End: int64(len(historyHead) + len(historyRow))}
	hdr := csvHeader{Line: 1, End: int64(len(historyHead)), RowBytes: int64(len(historyRow))}
	for _, tt := range []struct {
		name  string
		ahead int64 // bytes of the same path in the parts still to read
		want  int
	}{
		{"one part", 0, perPart},
		{"the first of three", 2 * size, 3 * perPart},
	} {
		l := &loader{ex: &Export{}, budget: DefaultBudget, budgetStart: DefaultBudget, csvAhead: map[string]int64{historyPath: tt.ahead}}
		l.growRecordings(tableRow{l: l, f: file{Part: "Alexa-1.zip", Path: historyPath, Size: size}, rw: first, hdr: hdr})
		if c := cap(l.ex.Recordings); c < tt.want || c > tt.want+tt.want/8+64 {
			t.Errorf("%s: room for %d recordings at the first row, want %d and a little slack", tt.name, c, tt.want)
		}
	}

	// And the whole load: three parts, every row read.
	var files []file
	for _, part := range []string{"Alexa-1.zip", "Alexa-2.zip", "Alexa-3.zip"} {
		files = append(files, repeatFile(part, historyPath, historyHead, historyRow, "", perPart))
	}
	ex, err := loadWithin(context.Background(), files, nil, DefaultBudget)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(ex.Recordings); n != 3*perPart || len(ex.Problems) != 0 {
		t.Fatalf("got %d recordings and problems %+v, want %d and none", n, ex.Problems, 3*perPart)
	}
	if ex.Recordings[perPart].Src().Part != "Alexa-2.zip" {
		t.Errorf("recording %d: got part %q, want Alexa-2.zip", perPart, ex.Recordings[perPart].Src().Part)
	}
}
