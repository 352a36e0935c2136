package export

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

const activityJSON = `[ {
  "header" : "Assistant",
  "title" : "%SAID%turn on the lights",
  "titleUrl" : "https://myactivity.google.com/x",
  "time" : "2024-02-11T08:15:01.482Z",
  "products" : [ "Assistant" ],
  "details" : [ { "name" : "Started by hotword" } ],
  "subtitles" : [ { "name" : "OK, turning on the lights" } ],
  "audioFiles" : [ "2024-02-11_08_15_03_120_UTC.mp3" ]
}, {
  "header" : "Assistant",
  "title" : "%SAID%what time is it",
  "time" : "2024-02-11T09:00:00.000Z",
  "products" : [ "Assistant" ],
  "details" : [ { "name" : "Started by hotword" }, { "name" : "From unrecognized speaker" } ]
}, 42, {"title": "no time"} ]`

func takeoutFiles(browser, browserTitle, activityDir, activityName, said, profileDir, profileName string) []file {
	dir := "Takeout/" + activityDir + "/Assistant/"
	return []file{
		memFile("takeout-20240301T101500Z-001.zip", "Takeout/"+browser,
			"<html><body>\n<h1 class=\"header_title\">"+browserTitle+" alice.muster@example.com</h1>\n<ul>\n"+
				"<li class=\"file\">"+activityDir+"/Assistant/"+activityName+"</li>\n"+
				"<li class=\"file\">"+activityDir+"/Assistant/2024-02-11_08_15_03_120_UTC.mp3</li>\n"+
				"<li class=\"file\">"+profileDir+"/"+profileName+"</li>\n</ul></body></html>\n"),
		memFile("takeout-20240301T101500Z-001.zip", dir+activityName, strings.ReplaceAll(activityJSON, "%SAID%", said)),
		memFile("takeout-20240301T101500Z-001.zip", "Takeout/"+profileDir+"/"+profileName,
			`{"name":{"givenName":"Alice","familyName":"Muster","formattedName":"Alice Muster"},"displayName":"Alice Muster","emails":[{"value":"alice.muster@example.com","type":"account"}]}`),
		memFile("takeout-20240301T101500Z-001.zip", "Takeout/Google Account/alice.muster.SubscriberInfo.html",
			"<html>\n<b>Name:</b> Alice Muster<br>\n<b>Email:</b> alice.muster@example.com<br>\n</html>"),
		// The MP3 is in the second part: the join must cross parts.
		audioFile("takeout-20240301T101500Z-002.zip", dir+"2024-02-11_08_15_03_120_UTC.mp3", 4000),
		audioFile("takeout-20240301T101500Z-002.zip", dir+"2024-02-11_09_00_00_000_UTC.mp3", 4000),
	}
}

func TestLoadTakeoutLanguages(t *testing.T) {
	tests := []struct {
		name                                                     string
		browser, title, actDir, actName, said, profDir, profName string
	}{
		{"english", "archive_browser.html", "Archive for", "My Activity", "MyActivity.json", "Said ", "Profile", "Profile.json"},
		{"german", "Archiv_Übersicht.html", "Archiv für", "Meine Aktivitäten", "MeineAktivitäten.json", "Gesagt: ", "Profil", "Profil.json"},
		{"french", "archive_browser.html", "Archive du compte", "Mon activité", "MonActivité.json", "Vous avez dit ", "Profil", "Profil.json"},
		{"unknown language, product folder", "overview.html", "Archivo de", "Mi actividad", "MiActividad.json", "Said ", "Perfil", "Perfil.json"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex := mustLoad(t, takeoutFiles(tc.browser, tc.title, tc.actDir, tc.actName, tc.said, tc.profDir, tc.profName), nil)
			if ex.Vendor != Google || ex.Layout != "takeout" {
				t.Fatalf("vendor/layout: got %s/%s", ex.Vendor, ex.Layout)
			}
			if len(ex.Recordings) != 2 {
				t.Fatalf("recordings: got %d want 2", len(ex.Recordings))
			}
			r0, r1 := ex.Recordings[0], ex.Recordings[1]
			if r0.Transcript().Text != "turn on the lights" || r1.Transcript().Text != "what time is it" {
				t.Errorf("transcripts: got %q, %q", r0.Transcript().Text, r1.Transcript().Text)
			}
			if r0.Response().Text != "OK, turning on the lights" || r0.Src().Pointer != "/0" || r1.Src().Pointer != "/1" {
				t.Errorf("record 1: got response %q pointers %q %q", r0.Response().Text, r0.Src().Pointer, r1.Src().Pointer)
			}
			if !r0.Time.Equal(time.Date(2024, 2, 11, 8, 15, 1, 482e6, time.UTC)) {
				t.Errorf("time: got %v", r0.Time)
			}
			if r0.AudioPart() != "takeout-20240301T101500Z-002.zip" || !strings.HasSuffix(r0.AudioPath(), "2024-02-11_08_15_03_120_UTC.mp3") || r0.Audio().Src().Pointer != "/0/audioFiles/0" {
				t.Errorf("audio join: got %q %q %q", r0.AudioPart(), r0.AudioPath(), r0.Audio().Src().Pointer)
			}
			if r0.Unrecognized || !r1.Unrecognized {
				t.Errorf("unrecognized: got %v %v want false true", r0.Unrecognized, r1.Unrecognized)
			}
			// The second MP3 is 0 s from record 2's time, but a join by time is wrong.
			if r1.AudioPath() != "" {
				t.Errorf("record without audioFiles joined to %q", r1.AudioPath())
			}
			refs := 0
			for _, a := range ex.Audio {
				if a.Referenced {
					refs++
				}
			}
			if len(ex.Audio) != 2 || refs != 1 {
				t.Errorf("audio: got %d files, %d referenced want 2, 1", len(ex.Audio), refs)
			}
			if join(texts(ex.Emails)) != "alice.muster@example.com" || join(texts(ex.Names)) != "Alice Muster" {
				t.Errorf("claim: got %q %q", texts(ex.Emails), texts(ex.Names))
			}
			var emails []string
			for _, id := range ex.Identities {
				if id.Kind == "email" {
					emails = append(emails, id.Value.Src().Path+"@"+id.Value.Src().Pointer)
				}
			}
			if len(emails) != 3 {
				t.Errorf("e-mail identities: got %q want browser, profile and subscriber", emails)
			}
			if len(ex.Parts) != 2 || ex.Parts[0].Account != "alice.muster@example.com" || !ex.Parts[0].Listed || !ex.Parts[1].Listed || ex.Parts[1].Account != "" {
				t.Errorf("parts: got %+v", ex.Parts)
			}
			for _, e := range ex.Expected {
				if !e.Found {
					t.Errorf("expectation not found: %+v", e)
				}
			}
		})
	}
}

func TestLoadTakeoutForeignPart(t *testing.T) {
	files := takeoutFiles("archive_browser.html", "Archive for", "My Activity", "MyActivity.json", "Said ", "Profile", "Profile.json")
	files = append(files,
		memFile("takeout-20240301T101500Z-003.zip", "Takeout/archive_browser.html", `<h1 class="header_title">Archive for bob.fremd@example.org</h1>`),
		audioFile("takeout-20240301T101500Z-003.zip", "Takeout/My Activity/Assistant/x.mp3", 10))
	ex := mustLoad(t, files, nil)
	if len(ex.Parts) != 3 {
		t.Fatalf("parts: got %d want 3", len(ex.Parts))
	}
	p := ex.Parts[2]
	if p.Account != "bob.fremd@example.org" || p.Listed || p.Src.Line != 1 {
		t.Errorf("foreign part: got %+v", p)
	}
}

// realTree is the file tree of a real archive_browser.html, shortened:
// nested folders, file leaves holding base names only (with the space
// before the name the real page has), the product's top folder not
// repeated.
const realTree = `<div id="service-details-0" class="service-detail"><div class="service_name"><h1 class="data-folder-name" data-folder-name="My Activity">My Activity</h1></div>
<div class="service_summary">2 files</div><div class="extracted-list"><div class="table-row"><button class="extracted-folder"><div class="extracted-folder-name">Assistant</div></button>
<div class="extracted-child"><div class="file-leaf"><div class="extracted-file-name"> MonActivit&eacute;.json</div></div></div>
<div class="extracted-child"><div class="file-leaf"><div class="extracted-file-name">
 2024-02-11_08_15_03_120_UTC.mp3</div></div></div></div></div></div>`

func TestParseArchiveBrowser(t *testing.T) {
	tests := []struct {
		name, in, account string
		files             int
		names             []string
	}{
		{"english", `<h1 class="header_title">Archive for alice@example.com</h1><li class="file">a/b.json</li>`, "alice@example.com", 1, nil},
		{"french", `<h1 class='header_title big'>Archive du compte&nbsp;alice@example.com</h1>`, "alice@example.com", 0, nil},
		{"german", "<h1 class=\"header_title\">\n  Archiv für <b>alice@example.com</b></h1>", "alice@example.com", 0, nil},
		{"no header", `<li class="file">a</li><li class="file">b</li>`, "", 2, nil},
		{"real tree, english", `<h1 class="header_title">Archive for alice@example.com</h1>` + realTree, "alice@example.com", 0,
			[]string{"MonActivité.json", "2024-02-11_08_15_03_120_UTC.mp3"}},
		{"real tree, french", `<h1 class="header_title">Archive du compte alice@example.com</h1>` + realTree, "alice@example.com", 0,
			[]string{"MonActivité.json", "2024-02-11_08_15_03_120_UTC.mp3"}},
		{"real tree, no header", realTree, "", 0, []string{"MonActivité.json", "2024-02-11_08_15_03_120_UTC.mp3"}},
		{"real tree, folders only", `<div class="extracted-folder-name">Assistant</div>`, "", 0, nil},
	}
	for _, tc := range tests {
		p, ok := parseArchiveBrowser(tc.in)
		if !ok || p.Account != tc.account || len(p.Files) != tc.files || !slices.Equal(p.Names, tc.names) {
			t.Errorf("%s: got %+v, %v want account %q, %d files, names %q", tc.name, p, ok, tc.account, tc.files, tc.names)
		}
	}
	if _, ok := parseArchiveBrowser("<html><h1>Holiday</h1></html>"); ok {
		t.Errorf("plain page read as an archive browser")
	}
}

const activityHTML = `<html><body><div class="mdl-grid">
<div class="outer-cell mdl-cell mdl-cell--12-col mdl-shadow--2dp"><div class="mdl-grid"><div class="header-cell mdl-cell mdl-cell--12-col"><p class="mdl-typography--title">Assistant<br></p></div><div class="content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1">%SAID%<a href="https://x">turn on the lights</a><br>Feb 11, 2024, 8:15:01 AM UTC<br>OK, turning on the lights<br><audio controls><source src="2024-02-11_08_15_03_120_UTC.mp3"></audio></div><div class="content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1 mdl-typography--text-right"></div><div class="content-cell mdl-cell mdl-cell--12-col mdl-typography--caption"><b>Products:</b><br>&emsp;Assistant<br><b>Details:</b><br>&emsp;Started by hotword<br></div></div></div>
<div class="outer-cell mdl-cell mdl-cell--12-col mdl-shadow--2dp"><div class="mdl-grid"><div class="header-cell mdl-cell mdl-cell--12-col"><p class="mdl-typography--title">Assistant<br></p></div><div class="content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1">%SAID%what time is it<br>%TIME%</div><div class="content-cell mdl-cell mdl-cell--12-col mdl-typography--caption"><b>Products:</b><br>&emsp;Assistant<br><b>Details:</b><br>&emsp;From unrecognized speaker<br></div></div></div>
</div></body></html>`

func TestParseActivityHTML(t *testing.T) {
	tests := []struct{ name, said, time string }{
		{"english", "Said&nbsp;", "Feb 11, 2024, 9:00:00\u202fAM UTC"},
		{"german", "Gesagt: ", "11.02.2024, 09:00:00 UTC"},
		{"french", "Vous avez dit ", "11 févr. 2024, 09:00:00 UTC"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := strings.NewReplacer("%SAID%", tc.said, "%TIME%", tc.time).Replace(activityHTML)
			ex := mustLoad(t, []file{
				memFile("t.zip", "Takeout/My Activity/Assistant/MyActivity.html", in),
				audioFile("t.zip", "Takeout/My Activity/Assistant/2024-02-11_08_15_03_120_UTC.mp3", 10),
			}, nil)
			if len(ex.Recordings) != 2 {
				t.Fatalf("recordings: got %d want 2", len(ex.Recordings))
			}
			r0, r1 := ex.Recordings[0], ex.Recordings[1]
			if r0.Transcript().Text != "turn on the lights" || r0.Response().Text != "OK, turning on the lights" || r0.AudioPath() == "" || r0.Src().Line != 2 {
				t.Errorf("record 1: got %q / %q / %q line %d", r0.Transcript().Text, r0.Response().Text, r0.AudioPath(), r0.Src().Line)
			}
			if r1.Transcript().Text != "what time is it" || !r1.Unrecognized || r1.Src().Line != 3 {
				t.Errorf("record 2: got %q unrecognized %v line %d", r1.Transcript().Text, r1.Unrecognized, r1.Src().Line)
			}
			if want := time.Date(2024, 2, 11, 9, 0, 0, 0, time.UTC); !r1.Time.Equal(want) {
				t.Errorf("record 2 time: got %v want %v", r1.Time, want)
			}
		})
	}
}

func TestProfileStructure(t *testing.T) {
	tests := []struct {
		name, in string
		ok       bool
	}{
		{"profile", `{"name":{"givenName":"Alice","familyName":"Muster"},"emails":[{"value":"a@example.com"}]}`, true},
		{"emails only", `{"emails":[{"value":"a@example.com"}]}`, true},
		{"other object", `{"title":"x","time":"y"}`, false},
		{"array", `[1,2]`, false},
		{"wrong types", `{"name":"Alice","emails":"a@example.com"}`, false},
	}
	for _, tc := range tests {
		if _, ok := parseProfile([]byte(tc.in)); ok != tc.ok {
			t.Errorf("%s: got %v want %v", tc.name, ok, tc.ok)
		}
	}
}

func TestLoadTakeoutEmailsConflict(t *testing.T) {
	files := takeoutFiles("archive_browser.html", "Archive for", "My Activity", "MyActivity.json", "Said ", "Profile", "Profile.json")
	for i, f := range files {
		if strings.HasSuffix(f.Path, "Profile.json") {
			files[i] = memFile(f.Part, f.Path, `{"name":{"givenName":"Bob"},"emails":[{"value":"bob.fremd@example.org"}]}`)
		}
	}
	ex := mustLoad(t, files, nil)
	if join(texts(ex.Emails)) != "alice.muster@example.com|bob.fremd@example.org" {
		t.Errorf("claim: got %q want the overview page's account, then the profile's", texts(ex.Emails))
	}
	found := false
	for _, id := range ex.Identities {
		if id.Kind == "email" && id.Value.Text == "bob.fremd@example.org" && id.Value.Src().Pointer == "/emails/0/value" {
			found = true
		}
	}
	if !found {
		t.Errorf("profile e-mail not an identity with pointer: %+v", ex.Identities)
	}
}

func TestLoadTakeoutJSONAndHTML(t *testing.T) {
	files := takeoutFiles("archive_browser.html", "Archive for", "My Activity", "MyActivity.json", "Said ", "Profile", "Profile.json")
	html := strings.NewReplacer("%SAID%", "Said ", "%TIME%", "Feb 11, 2024, 9:00:00 AM UTC").Replace(activityHTML)
	files = append(files, memFile("takeout-20240301T101500Z-001.zip", "Takeout/My Activity/Assistant/MyActivity.html", html))
	ex := mustLoad(t, files, nil)
	if len(ex.Recordings) != 2 {
		t.Errorf("recordings with JSON and HTML copies: got %d want 2 (the JSON ones)", len(ex.Recordings))
	}
}

// Regression: the real overview has no <li class="file"> list, so every
// later part of a clean Takeout read as unlisted.
func TestLoadTakeoutRealOverviewListsParts(t *testing.T) {
	files := takeoutFiles("archive_browser.html", "Archive for", "My Activity", "MyActivity.json", "Said ", "Profile", "Profile.json")
	files[0] = memFile("takeout-20240301T101500Z-001.zip", "Takeout/archive_browser.html",
		"<html><body>\n<h1 class=\"header_title\">Archive for alice.muster@example.com</h1>\n"+
			`<div class="extracted-folder-name">Assistant</div>`+"\n"+
			`<div class="file-leaf"><div class="extracted-file-name"> MyActivity.json</div></div>`+"\n"+
			`<div class="file-leaf"><div class="extracted-file-name"> 2024-02-11_08_15_03_120_UTC.mp3</div></div>`+"\n</body></html>\n")
	ex := mustLoad(t, files, nil)
	if len(ex.Parts) != 2 || ex.Parts[0].Account != "alice.muster@example.com" || !ex.Parts[1].Listed {
		t.Errorf("parts: got %+v want part 2 listed by the real tree", ex.Parts)
	}
}

// A record naming two MP3s plays the first: both are referenced, only the
// first is its Recording's own audio (the second is listed on its own).
func TestTakeoutSecondAudioFile(t *testing.T) {
	files := takeoutFiles("archive_browser.html", "Archive for", "My Activity", "MyActivity.json", "Said ", "Profile", "Profile.json")
	for i, f := range files {
		if strings.HasSuffix(f.Path, "MyActivity.json") {
			two := strings.Replace(strings.ReplaceAll(activityJSON, "%SAID%", "Said "),
				`"audioFiles" : [ "2024-02-11_08_15_03_120_UTC.mp3" ]`,
				`"audioFiles" : [ "2024-02-11_08_15_03_120_UTC.mp3", "2024-02-11_09_00_00_000_UTC.mp3" ]`, 1)
			files[i] = memFile(f.Part, f.Path, two)
		}
	}
	ex := mustLoad(t, files, nil)
	got := map[string]string{}
	for _, a := range ex.Audio {
		got[a.Path[strings.LastIndex(a.Path, "/")+1:]] = fmt.Sprintf("referenced %v, of a recording %v", a.Referenced, a.OfRecording)
	}
	want := map[string]string{
		"2024-02-11_08_15_03_120_UTC.mp3": "referenced true, of a recording true",
		"2024-02-11_09_00_00_000_UTC.mp3": "referenced true, of a recording false",
	}
	if !maps.Equal(got, want) {
		t.Errorf("audio files: got %v, want %v", got, want)
	}
}
