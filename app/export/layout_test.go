package export

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestReadLayout(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string // substring; "" = no error
		check   func(*Layout) string
	}{
		{
			name: "empty mapping is the default",
			in:   `{}`,
			check: func(l *Layout) string {
				if !reflect.DeepEqual(l, DefaultLayout()) {
					return "layout differs from the default"
				}
				return ""
			},
		},
		{
			name: "column override replaces one field and keeps the others",
			in:   `{"amazon": {"voiceHistory": {"file": "Voice.csv", "columns": {"device": ["DeviceSerialNumber","Serial"]}}}}`,
			check: func(l *Layout) string {
				vh := l.Amazon.VoiceHistory
				if vh.File != "Voice.csv" || join(vh.Columns["device"]) != "DeviceSerialNumber|Serial" {
					return "override not applied: " + vh.File + " " + join(vh.Columns["device"])
				}
				if join(vh.Columns["time"]) != join(DefaultLayout().Amazon.VoiceHistory.Columns["time"]) || vh.Path == "" {
					return "other fields lost"
				}
				return ""
			},
		},
		{
			name: "google lists replace",
			in:   `{"google": {"said": ["Dijiste "]}, "empty": ["N/A", "-"]}`,
			check: func(l *Layout) string {
				if join(l.Google.Said) != "Dijiste " || join(l.Empty) != "N/A|-" || len(l.Google.ActivityFolders) == 0 {
					return "got " + join(l.Google.Said) + " / " + join(l.Empty)
				}
				return ""
			},
		},
		{name: "unknown top key", in: `{"amazn": {}}`, wantErr: `"amazn"`},
		{name: "unknown table", in: `{"amazon": {"voiceHistroy": {}}}`, wantErr: `"voiceHistroy"`},
		{name: "unknown column field", in: `{"amazon": {"registration": {"columns": {"serail": ["X"]}}}}`, wantErr: `"serail"`},
		{name: "unknown required field", in: `{"amazon": {"registration": {"required": [["serial"],["nope"]]}}}`, wantErr: `"nope"`},
		{name: "not json", in: `amazon: x`, wantErr: "export: layout"},
		{name: "trailing data", in: `{} {}`, wantErr: "after"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := ReadLayout(strings.NewReader(tc.in))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err: got %v want one containing %s", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("err: %v", err)
			}
			if msg := tc.check(l); msg != "" {
				t.Error(msg)
			}
		})
	}
}

func TestLayoutRoundTrip(t *testing.T) {
	data, err := json.Marshal(DefaultLayout())
	if err != nil {
		t.Fatal(err)
	}
	l, err := ReadLayout(strings.NewReader(string(data)))
	if err != nil {
		t.Fatalf("the default layout as a mapping: %v", err)
	}
	if !reflect.DeepEqual(l, DefaultLayout()) {
		t.Errorf("round trip changed the layout")
	}
}

// A renamed column is not found by default and is found once a mapping
// teaches it.
func TestLayoutTeachesRenamedColumn(t *testing.T) {
	files := []file{
		memFile("Alexa.zip", histPath, "When,Utterance Key,Echo Serial,AudioFile\n2023-09-16T13:43:12Z,U1,G070RQ0000000001,\n"),
		memFile("Devices.Registration.zip", "devices.csv", "Echo Serial,RegistrationDate\nG070RQ0000000001,2023-01-01 00:00:00\n"),
	}
	ex := mustLoad(t, files, nil)
	if len(ex.Recordings) != 0 || len(ex.Devices) != 0 {
		t.Fatalf("default layout: got %d recordings, %d devices want 0, 0", len(ex.Recordings), len(ex.Devices))
	}
	lay, err := ReadLayout(strings.NewReader(`{"amazon": {
		"voiceHistory": {"columns": {"time": ["When"], "utteranceId": ["UtteranceKey"], "device": ["Echo Serial"]}},
		"registration": {"columns": {"serial": ["echo_serial"]}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	ex = mustLoad(t, files, lay)
	if len(ex.Recordings) != 1 || ex.Recordings[0].Device().Text != "G070RQ0000000001" || ex.Recordings[0].ID != "U1" {
		t.Errorf("taught layout: got recordings %+v", ex.Recordings)
	}
	if len(ex.Devices) != 1 || ex.Devices[0].Serial.Text != "G070RQ0000000001" {
		t.Errorf("taught layout: got devices %+v", ex.Devices)
	}
}

func TestDetectVendor(t *testing.T) {
	tests := []struct {
		name   string
		files  []file
		vendor Vendor
		layout string
	}{
		{"amazon per-category", amazonClean(), Amazon, "per-category"},
		{"amazon renamed files, found by columns", []file{
			memFile("a.zip", "x/anything.csv", "AccountName,DeviceSerialNumber,RegistrationDate\nK,G1,2023-01-01 00:00:00\n"),
		}, Amazon, "per-category"},
		{"takeout", takeoutFiles("archive_browser.html", "Archive for", "My Activity", "MyActivity.json", "Said ", "Profile", "Profile.json"), Google, "takeout"},
		{"photos and notes", []file{
			memFile("holiday.zip", "Urlaub/IMG_0001.png", "\x89PNG"),
			memFile("holiday.zip", "notes.txt", "Strand"),
		}, Unknown, ""},
		{"unrelated csv and json", []file{
			memFile("x.zip", "data.csv", "a,b\n1,2\n"),
			memFile("x.zip", "data.json", `{"a":1}`),
			memFile("x.zip", "page.html", `<h1>hello</h1>`),
		}, Unknown, ""},
		{"documentation only", []file{
			memFile("x.zip", "README.txt", "CustomerId"),
			memFile("x.zip", "FileDescriptions.csv", "CustomerId,EmailAddress\nA1,x@example.com\n"),
		}, Unknown, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex := mustLoad(t, tc.files, nil)
			if ex.Vendor != tc.vendor || ex.Layout != tc.layout {
				t.Errorf("got %s/%q want %s/%q", ex.Vendor, ex.Layout, tc.vendor, tc.layout)
			}
		})
	}
}

// Documentation patterns match base names whatever their case: a name, a
// "*suffix", or any other path.Match pattern.
func TestIsDoc(t *testing.T) {
	lay := DefaultLayout()
	lay.Documentation = []string{"README.txt", "*_Instructions.txt", "Desc?iption[0-9].pdf", ""}
	l := &loader{lay: lay}
	for name, want := range map[string]bool{
		"readme.TXT":             true,
		"Alexa_Instructions.txt": true,
		"_instructions.txt":      true,
		"description7.pdf":       true,
		"DescXiption1.PDF":       true,
		"description.pdf":        false,
		"README.txt.wav":         false,
		"Instructions.txt":       false,
		"":                       false,
		"ReadMe.Txt":             true,
		"xREADME.TXT":            false,
		"A_INSTRUCTIONS.TXT":     true,
		"s.txt":                  false,
		"DESCRIPTION1.pdf":       true,
	} {
		if got := l.isDoc(name); got != want {
			t.Errorf("isDoc(%q) = %v, want %v", name, got, want)
		}
	}
}
