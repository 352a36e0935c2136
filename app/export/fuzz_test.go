package export

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzCSV(f *testing.F) {
	addFixtureSeeds(f, ".csv")
	f.Add("\ufeff\"doc row\"\r\nTimestamp,CustomerId,DeviceSerialNumber,UtteranceId,AudioFile\r\n2023-09-16T13:43:12Z, a1 ,G1,U1,media/a.wav\r\nFile Summary:\r\nx\r\n")
	f.Add("a,\"b\nc\",d\n\"unterminated")
	f.Add("AccountName,DeviceSerialNumber,RegistrationDate\nKÃ¼che,G1,N/A\n\n")
	f.Add("")
	f.Add("Account Name,Account Role,Appliance Name,Customer Type,Device Serial Number,Group Name\nEcho,OWNER,Lampe,null,G070RQ0000000001,Flur\n")
	f.Add("Timestamp,DSN\n2021-08-01T10:00:00Z,G070RQ0000000001\x00\x00\n")
	f.Add("Customer ID,Last Known Customer ID\n4711081500,4711081500\n")
	f.Fuzz(func(t *testing.T, in string) {
		last := 0
		err := readCSV(strings.NewReader(in), func(string) bool { return true }, []string{"File Summary:"},
			func(h csvHeader) error {
				if h.Line < 1 {
					t.Errorf("header line %d", h.Line)
				}
				last = h.Line
				return nil
			},
			func(r csvRow) error {
				if r.Line <= last {
					t.Errorf("row line %d not after %d", r.Line, last)
				}
				last = r.Line
				return nil
			})
		_ = err
		// The whole pipeline must not panic on it either, as any table.
		for _, p := range []string{histPath, "registration.csv", custPath, "Smart Home/Devices Data-1.csv", "Feedback/Feedback-1.csv", "Search-Data/Search-Data.Product-Metrics.csv"} {
			mustLoad(t, []file{memFile("a.zip", p, in), audioFile("a.zip", "Alexa.VoiceHistory/media/a.wav", 1)}, nil)
		}
		if s, ok := repairUTF8(in); ok && !utf8.ValidString(s) && utf8.ValidString(in) {
			t.Errorf("repair made valid text invalid")
		}
	})
}

func FuzzActivityJSON(f *testing.F) {
	addFixtureSeeds(f, ".json")
	f.Add(strings.ReplaceAll(activityJSON, "%SAID%", "Said "))
	f.Add(`[{"title":"Said x","time":"2024-01-01T00:00:00Z","audioFiles":["../../x.mp3", ""]}]`)
	f.Add(`[1, "a", null, {"title": 3}]`)
	f.Add(`{"not":"a list"}`)
	f.Fuzz(func(t *testing.T, in string) {
		last := -1
		_, _ = parseActivityJSON(strings.NewReader(in), func(i int, rec activityRecord) error {
			if i <= last {
				t.Errorf("index %d not after %d", i, last)
			}
			last = i
			return nil
		})
		mustLoad(t, []file{
			memFile("t.zip", "Takeout/My Activity/Assistant/MyActivity.json", in),
			memFile("t.zip", "Takeout/Profile/Profile.json", in),
		}, nil)
	})
}

func FuzzActivityHTML(f *testing.F) {
	addFixtureSeeds(f, ".html")
	f.Add(strings.NewReplacer("%SAID%", "Said ", "%TIME%", "Feb 11, 2024, 9:00:00 AM UTC").Replace(activityHTML))
	f.Add(`<h1 class="header_title">Archive for a@example.com</h1><li class="file">x</li>`)
	f.Add(`<div class="outer-cell"><div class="content-cell">`)
	f.Fuzz(func(t *testing.T, in string) {
		last := 0
		for _, a := range parseActivityHTML(in) {
			if a.Line < 1 || a.Line < last {
				t.Errorf("record line %d after %d", a.Line, last)
			}
			last = a.Line
		}
		parseArchiveBrowser(in)
		mustLoad(t, []file{
			memFile("t.zip", "Takeout/My Activity/Assistant/MyActivity.html", in),
			memFile("t.zip", "Takeout/archive_browser.html", in),
			memFile("t.zip", "Takeout/Google Account/x.SubscriberInfo.html", in),
		}, nil)
	})
}

func FuzzTranscript(f *testing.F) {
	addTranscriptSeeds(f)
	f.Add("Alexa Sprachaufnahmen – Transkript\n\n11.08.2018 07:02:14 Alexa, turn on the light.\nwrapped\n")
	f.Add("2018-08-11 07:02:14 x\nSat Aug 11 07:02:14 UTC 2018 y\n0123456789 z")
	f.Add("::::: : :\n12:00")
	f.Fuzz(func(t *testing.T, in string) {
		var lines []pdfLine
		for i, s := range strings.Split(in, "\n") {
			lines = append(lines, pdfLine{Page: 1, Line: i + 1, Text: s})
		}
		out, _ := parseTranscript(lines, DefaultLayout().Amazon.TranscriptTime)
		for _, tl := range out {
			if tl.Recording != -1 || tl.Src.Line < 1 || tl.Src.Line > len(lines) {
				t.Errorf("line %+v", tl)
			}
			if len(tl.Text) > maxLineText+len(in) {
				t.Errorf("text of %d bytes", len(tl.Text))
			}
			if !tl.Time.IsZero() && tl.Time.Location().String() != "UTC" {
				t.Errorf("time not UTC: %v", tl.Time)
			}
		}
	})
}
