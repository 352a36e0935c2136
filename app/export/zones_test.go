package export

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseTimeZones(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2022, 5, 16, h, m, 9, 0, time.UTC) }
	tests := []struct {
		in      string
		want    time.Time
		unknown string
	}{
		{"16 mai 2022, 00:58:09 UTC\u22127", at(7, 58), ""},
		{"16 mai 2022, 00:58:09 UTC-7", at(7, 58), ""},
		{"May 16, 2022, 12:58:09 AM UTC-7", at(7, 58), ""},
		{"16.05.2022, 13:28:09 UTC+5:30", at(7, 58), ""},
		{"16.05.2022, 09:58:09 GMT+02:00", at(7, 58), ""},
		{"16.05.2022, 04:58:09 GMT\u221203", at(7, 58), ""},
		{"16.05.2022, 09:58:09 GMT+0200", at(7, 58), ""},
		{"16.05.2022, 07:58:09 UTC+0", at(7, 58), ""},
		{"16 mai 2022, 00:58:09 PDT", at(7, 58), ""},
		// A zone no table knows: the clock time, read as UTC, and said.
		{"16 mai 2022, 14:58:09 WIB", at(14, 58), "WIB"},
		{"May 16, 2022, 2:58:09 PM WITA", at(14, 58), "WITA"},
		{"Mon May 16 14:58:09 WIB 2022", at(14, 58), "WIB"},
	}
	for _, tc := range tests {
		got, unknown, ok := parseTimeZone(tc.in)
		if !ok || !got.Equal(tc.want) || got.Location() != time.UTC || unknown != tc.unknown {
			t.Errorf("parseTimeZone(%q): got %v, %q, %v want %v, %q", tc.in, got, unknown, ok, tc.want, tc.unknown)
		}
	}
	for _, bad := range []string{"16.05.2022, 09:58:09 UTC+25", "16.05.2022, 09:58:09 GMT+02:75"} {
		if got, _, ok := parseTimeZone(bad); ok {
			t.Errorf("parseTimeZone(%q): got %v, want no time", bad, got)
		}
	}
}

// An HTML activity written in a zone outside the table: every record says
// so, and the file has one problem that names the zone, not one per record.
func TestActivityZoneUnknown(t *testing.T) {
	in := strings.NewReplacer("%SAID%", "Said ", "%TIME%", "Feb 11, 2024, 4:00:00 PM WIB",
		"Feb 11, 2024, 8:15:01 AM UTC", "Feb 11, 2024, 3:15:01 PM WIB").Replace(activityHTML)
	const p = "Takeout/My Activity/Assistant/MyActivity.html"
	ex := mustLoad(t, []file{memFile("t.zip", p, in)}, nil)
	if len(ex.Recordings) != 2 {
		t.Fatalf("recordings: got %d want 2", len(ex.Recordings))
	}
	for i, r := range ex.Recordings {
		if r.ZoneUnknown() != "WIB" {
			t.Errorf("record %d: zone unknown %q want WIB", i, r.ZoneUnknown())
		}
	}
	if want := time.Date(2024, 2, 11, 16, 0, 0, 0, time.UTC); !ex.Recordings[1].Time.Equal(want) {
		t.Errorf("record 2 time: got %v want the clock time %v", ex.Recordings[1].Time, want)
	}
	var zones []Problem
	for _, pr := range ex.Problems {
		if pr.Kind == "zone" {
			zones = append(zones, pr)
		}
	}
	if len(zones) != 1 || zones[0].Src.Path != p || zones[0].Src.Part != "t.zip" || !strings.Contains(zones[0].Reason, `"WIB"`) {
		t.Errorf("zone problems: got %+v want one for %s naming WIB", zones, p)
	}

	// A known zone is no problem.
	ex = mustLoad(t, []file{memFile("t.zip", p, strings.NewReplacer("%SAID%", "Said ", "%TIME%", "Feb 11, 2024, 1:00:00 AM PST").Replace(activityHTML))}, nil)
	for _, pr := range ex.Problems {
		t.Errorf("known zones: got problem %+v", pr)
	}
	if len(ex.Recordings) != 2 || ex.Recordings[1].ZoneUnknown() != "" || !ex.Recordings[1].Time.Equal(time.Date(2024, 2, 11, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("known zones: got %+v", ex.Recordings)
	}
}

// The same in MyActivity.json.
func TestActivityJSONZoneUnknown(t *testing.T) {
	js := `[{"header":"Assistant","title":"Said hello","time":"16 mai 2022, 14:58:09 WIB","products":["Assistant"]},
{"header":"Assistant","title":"Said bye","time":"16 mai 2022, 14:59:09 WIB","products":["Assistant"]}]`
	ex := mustLoad(t, []file{memFile("t.zip", "Takeout/My Activity/Assistant/MyActivity.json", js)}, nil)
	n := 0
	for _, pr := range ex.Problems {
		if pr.Kind == "zone" {
			n++
		}
	}
	if len(ex.Recordings) != 2 || ex.Recordings[0].ZoneUnknown() != "WIB" || ex.Recordings[1].ZoneUnknown() != "WIB" || n != 1 {
		t.Errorf("got %d recordings %+v, %d zone problems want 2 with WIB, 1", len(ex.Recordings), ex.Recordings, n)
	}
}

// Takeout below the archive root (an extracted folder, a re-zip with a top
// folder): profile, overview, SubscriberInfo and activity are all found.
func TestTakeoutBelowRoot(t *testing.T) {
	for _, top := range []string{"takeout-20220516T075809Z-001/", "Downloads/takeout-20220516T075809Z-001/"} {
		t.Run(top, func(t *testing.T) {
			files := takeoutFiles("archive_browser.html", "Archive for", "My Activity", "MyActivity.json", "Said ", "Profile", "Profile.json")
			for i := range files {
				files[i].Path = top + files[i].Path
			}
			ex := mustLoad(t, files, nil)
			if ex.Vendor != Google || ex.Layout != "takeout" {
				t.Fatalf("vendor/layout: got %s/%s", ex.Vendor, ex.Layout)
			}
			if len(ex.Recordings) != 2 || ex.Recordings[0].AudioPath() == "" {
				t.Errorf("activity: got %d recordings, audio %q", len(ex.Recordings), ex.Recordings[0].AudioPath())
			}
			for _, e := range ex.Expected {
				if !e.Found || !strings.HasPrefix(e.Src.Path, top+"Takeout/") {
					t.Errorf("expected %s: found %v at %q", e.What, e.Found, e.Src.Path)
				}
			}
			if join(texts(ex.Emails)) != "alice.muster@example.com" || join(texts(ex.Names)) != "Alice Muster" {
				t.Errorf("claim: got %q %q", texts(ex.Emails), texts(ex.Names))
			}
			var from []string
			for _, id := range ex.Identities {
				if id.Kind == "email" {
					from = append(from, id.Value.Src().Path)
				}
			}
			slices.Sort(from)
			if join(from) != top+"Takeout/Google Account/alice.muster.SubscriberInfo.html|"+top+"Takeout/Profile/Profile.json|"+top+"Takeout/archive_browser.html" {
				t.Errorf("e-mail identities: got %q want overview, profile and subscriber", from)
			}
			if len(ex.Parts) != 2 || ex.Parts[0].Account != "alice.muster@example.com" || !ex.Parts[0].Listed || !ex.Parts[1].Listed {
				t.Errorf("parts: got %+v", ex.Parts)
			}
		})
	}
}

// The same in an Alexa voice history: the zone is said once for the table.
func TestVoiceHistoryZoneUnknown(t *testing.T) {
	files := amazonClean()
	files[0] = memFile("Alexa.zip", histPath, "Timestamp,CustomerId,DeviceSerialNumber,UtteranceId,CustomerTranscript\n"+
		"09/16/2023 20:43:12 WIB,A1B2C3D4E5F6G7,G070RQ0000000001,U1,wie spät ist es\n"+
		"09/16/2023 20:44:00 WIB,A1B2C3D4E5F6G7,G070RQ0000000001,U2,licht an\n"+
		"09/16/2023 13:45:00 UTC,A1B2C3D4E5F6G7,G070RQ0000000001,U3,stopp\n")
	ex := mustLoad(t, files, nil)
	var zones []string
	for _, pr := range ex.Problems {
		if pr.Kind == "zone" {
			zones = append(zones, pr.Src.Path+" "+pr.Zone)
		}
	}
	if join(zones) != histPath+" WIB" {
		t.Errorf("zone problems: got %q want one for the history", zones)
	}
	var got []string
	for _, r := range ex.Recordings {
		if r.Src().Path == histPath {
			got = append(got, r.ZoneUnknown())
		}
	}
	if join(got) != "WIB|WIB|" {
		t.Errorf("records: zones %q want WIB|WIB|", got)
	}
}
