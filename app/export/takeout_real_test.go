package export

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Tests of Takeout as real exports are (app/export/export.go, "Real
// exports"): Voice and Audio, titles with the verb last, non-speech
// activity, Google Voice audio, the labelled subscriber page, a part
// downloaded twice. Every value is invented.

const part1 = "takeout-20220516T075809Z-001.zip"

// record writes one activity record of My Activity.json.
func record(header, product, title, time, audio string) string {
	s := fmt.Sprintf(`{"header": %q, "title": %q, "time": %q, "products": [%q]`, header, title, time, product)
	if audio != "" {
		s += fmt.Sprintf(`, "audioFiles": [%q]`, audio)
	}
	return s + "}"
}

func TestLoadTakeoutVoiceAndAudio(t *testing.T) {
	dir := "Takeout/My Activity/Voice and Audio/"
	recs := "[" + strings.Join([]string{
		record("Google App", "Voice and Audio", "Said what's the weather", "2019-05-06T16:05:36.000Z", "2019-05-06_16_05_38_120_UTC.mp3"),
		record("Google App", "Voice and Audio", "Said call the office", "2019-05-06T17:00:00.000Z", "2019-05-06_17_00_01_004_UTC.mp3"),
	}, ",") + "]"
	ex := mustLoad(t, []file{
		memFile(part1, dir+"My Activity.json", recs),
		audioFile(part1, dir+"2019-05-06_16_05_38_120_UTC.mp3", 3000),
		audioFile(part1, dir+"2019-05-06_17_00_01_004_UTC.mp3", 3000),
	}, nil)
	if ex.Vendor != Google {
		t.Fatalf("vendor: got %s, want google", ex.Vendor)
	}
	if len(ex.Recordings) != 2 {
		t.Fatalf("recordings: got %d, want 2", len(ex.Recordings))
	}
	if got := ex.Recordings[0].Transcript().Text; got != "what's the weather" {
		t.Errorf("transcript: got %q, want %q", got, "what's the weather")
	}
	for _, a := range ex.Audio {
		if !a.Referenced || a.OtherProduct {
			t.Errorf("%s: referenced %v, other product %v; want referenced, not another product's", a.Path, a.Referenced, a.OtherProduct)
		}
	}
	found := false
	for _, e := range ex.Expected {
		if e.What == "activity" {
			found = e.Found && e.Src.Path == dir+"My Activity.json"
		}
	}
	if !found {
		t.Errorf("the activity expectation is not met by %sMy Activity.json: %+v", dir, ex.Expected)
	}
}

// Outside the voice folders, a Voice and Audio record still counts by its
// product, a Search record does not; the search folder's file is not the
// activity the checks need.
func TestLoadTakeoutVoiceProductElsewhere(t *testing.T) {
	ex := mustLoad(t, []file{
		memFile(part1, "Takeout/My Activity/Search/My Activity.json", "["+
			record("Search", "Search", "Searched for bicycle repair", "2019-05-06T16:05:36.000Z", "")+"]"),
		memFile(part1, "Takeout/My Activity/Other/My Activity.json", "["+
			record("Google App", "Voice and Audio", "Said hello", "2019-05-06T16:05:36.000Z", "")+"]"),
	}, nil)
	if len(ex.Recordings) != 1 || ex.Recordings[0].Transcript().Text != "hello" {
		t.Fatalf("recordings: got %+v, want the one Voice and Audio record", ex.Recordings)
	}
	if len(ex.Activity) != 0 {
		t.Errorf("activity: got %+v, want none (the search record is not the voice product's)", ex.Activity)
	}
	for _, e := range ex.Expected {
		if e.What == "activity" && e.Src.Path != "Takeout/My Activity/Other/My Activity.json" {
			t.Errorf("activity found in %q, want the file holding the voice record", e.Src.Path)
		}
	}
}

func TestSaidForms(t *testing.T) {
	l := &loader{lay: DefaultLayout()}
	tests := []struct {
		title, want string
		spoken      bool
	}{
		{"Said turn on the lights", "turn on the lights", true},
		{"Said\u00a0turn on the lights", "turn on the lights", true},
		{"Vous avez dit allume la lumière", "allume la lumière", true},
		{"„Wie wird das Wetter“ gesagt", "Wie wird das Wetter", true},
		{"Wie wird das Wetter gesagt", "Wie wird das Wetter", true},
		{"„Wie wird das Wetter“\u00a0gesagt", "Wie wird das Wetter", true},
		{"Je hebt hoe laat is het gezegd", "hoe laat is het", true},
		{"Je hebt „hoe laat is het“ gezegd", "hoe laat is het", true},
		{"Used Assistant", "Used Assistant", false},
		{"Application utilisée : Assistant", "Application utilisée : Assistant", false},
		{"Commande vocale inconnue", "Commande vocale inconnue", false},
		{" gesagt", "gesagt", false}, // the form alone holds nothing said
	}
	for _, tc := range tests {
		got, spoken := l.said(tc.title)
		if got != tc.want || spoken != tc.spoken {
			t.Errorf("said(%q): got %q, %v; want %q, %v", tc.title, got, spoken, tc.want, tc.spoken)
		}
	}
}

// A mapping adds a language's form without a new build.
func TestSaidFormFromMapping(t *testing.T) {
	lay, err := ReadLayout(strings.NewReader(`{"google": {"saidForms": [{"prefix": "Hai detto "}]}}`))
	if err != nil {
		t.Fatal(err)
	}
	l := &loader{lay: lay}
	if got, ok := l.said("Hai detto accendi la luce"); got != "accendi la luce" || !ok {
		t.Errorf("said: got %q, %v; want %q, true", got, ok, "accendi la luce")
	}
	if _, ok := l.said("Je hebt hoe laat is het gezegd"); ok {
		t.Errorf("a list in a mapping replaces the default list, but the Dutch form still matched")
	}
	if _, err := ReadLayout(strings.NewReader(`{"google": {"saidForms": [{"prefx": "Hai detto "}]}}`)); err == nil || !strings.Contains(err.Error(), "prefx") {
		t.Errorf("a typo in a form: got error %v, want one naming \"prefx\"", err)
	}
}

func TestLoadTakeoutNonSpeech(t *testing.T) {
	dir := "Takeout/Mon activité/Assistant/"
	recs := "[" + strings.Join([]string{
		record("Assistant", "Assistant", "Vous avez dit quelle heure est-il", "2022-05-16T07:58:09.000Z", "2022-05-16_07_58_10_000_UTC.mp3"),
		record("Assistant", "Assistant", "Application utilisée : Assistant", "2022-05-16T08:00:00.000Z", ""),
		record("Assistant", "Assistant", "Commande vocale inconnue", "2022-05-16T08:01:00.000Z", ""),
		// Audio makes a recording whatever the title says.
		record("Assistant", "Assistant", "Commande vocale inconnue", "2022-05-16T08:02:00.000Z", "2022-05-16_08_02_01_000_UTC.mp3"),
		record("Assistant", "Assistant", "Vous avez dit bonjour", "2022-05-16T08:03:00.000Z", ""),
	}, ",") + "]"
	ex := mustLoad(t, []file{
		memFile(part1, dir+"MonActivité.json", recs),
		audioFile(part1, dir+"2022-05-16_07_58_10_000_UTC.mp3", 3000),
		audioFile(part1, dir+"2022-05-16_08_02_01_000_UTC.mp3", 3000),
	}, nil)
	var got []string
	for _, r := range ex.Recordings {
		got = append(got, r.Src().Pointer+" "+r.Transcript().Text)
	}
	want := []string{"/0 quelle heure est-il", "/3 Commande vocale inconnue", "/4 bonjour"}
	if !slices.Equal(got, want) {
		t.Errorf("recordings: got %q, want %q", got, want)
	}
	got = nil
	for _, a := range ex.Activity {
		got = append(got, a.Src.Pointer+" "+a.Title.Text+" "+a.Time.Format("15:04"))
	}
	want = []string{"/1 Application utilisée : Assistant 08:00", "/2 Commande vocale inconnue 08:01"}
	if !slices.Equal(got, want) {
		t.Errorf("activity: got %q, want %q", got, want)
	}
}

func TestLoadTakeoutNonSpeechHTML(t *testing.T) {
	cell := func(title, when, audio string) string {
		s := `<div class="outer-cell mdl-cell"><div class="mdl-grid"><div class="header-cell"><p class="mdl-typography--title">Assistant<br></p></div>` +
			`<div class="content-cell mdl-cell--6-col mdl-typography--body-1">` + title + `<br>` + when + `<br></div>`
		if audio != "" {
			s += `<div class="content-cell mdl-typography--body-1"><audio controls><source src="` + audio + `"></audio></div>`
		}
		return s + `<div class="content-cell mdl-typography--caption"><b>Products:</b><br>&emsp;Assistant<br></div></div></div>` + "\n"
	}
	dir := "Takeout/My Activity/Assistant/"
	page := "<html><body>\n" +
		cell("Said&nbsp;what's the weather", "6 May 2019, 23:05:36 WIB", "2019-05-06_16_05_38_120_UTC.mp3") +
		cell("Used Assistant", "16 May 2022, 00:58:09 UTC\u22127", "") + "</body></html>\n"
	ex := mustLoad(t, []file{
		memFile(part1, dir+"My Activity.html", page),
		audioFile(part1, dir+"2019-05-06_16_05_38_120_UTC.mp3", 3000),
	}, nil)
	if len(ex.Recordings) != 1 || ex.Recordings[0].Transcript().Text != "what's the weather" || ex.Recordings[0].AudioPath() == "" {
		t.Fatalf("recordings: got %+v, want the one said record with its audio", ex.Recordings)
	}
	if r := ex.Recordings[0]; r.ZoneUnknown() != "WIB" {
		t.Errorf("zone: got %q, want WIB", r.ZoneUnknown())
	}
	if len(ex.Activity) != 1 || ex.Activity[0].Title.Text != "Used Assistant" {
		t.Fatalf("activity: got %+v, want Used Assistant", ex.Activity)
	}
	if got := ex.Activity[0].Time.Format("2006-01-02 15:04"); got != "2022-05-16 07:58" {
		t.Errorf("activity time: got %s, want 2022-05-16 07:58 (UTC−7)", got)
	}
	notes := 0
	for _, p := range ex.Problems {
		if !p.Note() {
			t.Errorf("problem that is no note: %+v", p)
		}
		notes++
	}
	if notes != 1 {
		t.Errorf("notes: got %d, want 1 (the unknown zone, once per file)", notes)
	}
}

func TestLoadTakeoutGoogleVoiceAudio(t *testing.T) {
	act := "Takeout/My Activity/Assistant/"
	ex := mustLoad(t, []file{
		memFile(part1, act+"My Activity.json", "["+
			record("Assistant", "Assistant", "Said good morning", "2022-05-16T07:58:09.000Z", "2022-05-16_07_58_10_000_UTC.mp3")+"]"),
		audioFile(part1, act+"2022-05-16_07_58_10_000_UTC.mp3", 3000),
		audioFile(part1, act+"2022-05-16_09_00_00_000_UTC.mp3", 3000),       // in the voice folder, named by nothing
		audioFile(part1, act+"batch/2022-05-16_09_10_00_000_UTC.mp3", 3000), // below it
		memFile(part1, "Takeout/Voice/Calls/+15550100 - Voicemail - 2022-05-10T10_00_00Z.html",
			`<html><body><audio controls src="+15550100 - Voicemail - 2022-05-10T10_00_00Z.mp3"></audio></body></html>`),
		audioFile(part1, "Takeout/Voice/Calls/+15550100 - Voicemail - 2022-05-10T10_00_00Z.mp3", 5000),
		audioFile(part1, "Takeout/Voice/Greetings/greeting.mp3", 5000),
	}, nil)
	if len(ex.Recordings) != 1 {
		t.Errorf("recordings: got %d, want 1 (voicemails are not voice history)", len(ex.Recordings))
	}
	other := map[string]bool{}
	for _, a := range ex.Audio {
		other[a.Path] = a.OtherProduct
	}
	want := map[string]bool{
		act + "2022-05-16_07_58_10_000_UTC.mp3":                                false,
		act + "2022-05-16_09_00_00_000_UTC.mp3":                                false, // still a recording nobody names
		act + "batch/2022-05-16_09_10_00_000_UTC.mp3":                          false,
		"Takeout/Voice/Calls/+15550100 - Voicemail - 2022-05-10T10_00_00Z.mp3": true,
		"Takeout/Voice/Greetings/greeting.mp3":                                 true,
	}
	for p, w := range want {
		if got, ok := other[p]; !ok || got != w {
			t.Errorf("%s: other product %v (listed %v), want %v", p, got, ok, w)
		}
	}
}

// subscriberPage is shaped like a real one: one <li> per label, an IP
// activity table.
const subscriberPage = `<html><head><meta charset="utf-8"></head><body>
<h1>Google Account</h1><ul>
<li>Google Account ID: 100000000000000000042</li>
<li>Name: Alice Muster</li>
<li>e-Mail: alice.muster@example.com</li>
<li>Alternate e-Mails: alice.m@example.org</li>
<li>Created on: 2015-06-01 09:30:00 UTC</li>
</ul>
<h2>Account recovery</h2><ul>
<li>Contact e-Mail: a.muster@example.net</li>
<li>Recovery e-Mail: muster.family@example.org</li>
<li>Recovery SMS: +41 00 000 00 00</li>
</ul>
<table><tr><th>Activity Timestamp</th><th>IP Address</th><th>Activity Type</th></tr>
<tr><td>2022-05-16 07:58:09 UTC</td><td>192.0.2.7</td><td>Login</td></tr></table>
</body></html>
`

func TestLoadSubscriberInfoLabels(t *testing.T) {
	ex := mustLoad(t, []file{
		memFile(part1, "Takeout/archive_browser.html",
			"<html><body>\n<h1 class=\"header_title\">Archive for alice.muster@example.com</h1>\n</body></html>\n"),
		memFile(part1, "Takeout/Google Account/alice.muster.SubscriberInfo.html", subscriberPage),
	}, nil)
	var ids []string
	for _, id := range ex.Identities {
		if id.Kind == "email" && strings.HasSuffix(id.Value.Src().Path, ".SubscriberInfo.html") {
			ids = append(ids, fmt.Sprintf("%s:%d", id.Value.Text, id.Value.Src().Line))
		}
	}
	if want := []string{"alice.muster@example.com:5"}; !slices.Equal(ids, want) {
		t.Errorf("subscriber identities: got %q, want %q", ids, want)
	}
	if got, want := join(texts(ex.Emails)), "alice.muster@example.com|alice.m@example.org"; got != want {
		t.Errorf("claimed e-mails: got %q, want %q (the alternate address is the same account)", got, want)
	}
	if got, want := join(texts(ex.ContactEmails)), "a.muster@example.net|muster.family@example.org"; got != want {
		t.Errorf("contact e-mails: got %q, want %q", got, want)
	}
}

// The old fixture form (<b>Email:</b>) and an unlabelled address still name
// the account.
func TestLoadSubscriberInfoOldForm(t *testing.T) {
	ex := mustLoad(t, []file{
		memFile(part1, "Takeout/Google Account/alice.muster.SubscriberInfo.html",
			"<html>\n<b>Name:</b> Alice Muster<br>\n<b>Email:</b> alice.muster@example.com<br>\n<p>bob.fremd@example.org</p>\n</html>"),
	}, nil)
	var ids []string
	for _, id := range ex.Identities {
		if id.Kind == "email" {
			ids = append(ids, id.Value.Text)
		}
	}
	if want := []string{"alice.muster@example.com", "bob.fremd@example.org"}; !slices.Equal(ids, want) {
		t.Errorf("identities: got %q, want %q", ids, want)
	}
}

func TestLoadTakeoutDuplicatePart(t *testing.T) {
	act := "Takeout/My Activity/Assistant/"
	p2, p2copy := "takeout-20220516T075809Z-002.zip", "takeout-20220516T075809Z-002 (1).zip"
	files := []file{
		memFile(part1, "Takeout/archive_browser.html",
			"<html><body>\n<h1 class=\"header_title\">Archive for alice.muster@example.com</h1>\n"+
				"<div class=\"extracted-folder-name\">Assistant</div><div class=\"file-leaf\"><div class=\"extracted-file-name\"> My Activity.json</div></div>\n"+
				"<div class=\"file-leaf\"><div class=\"extracted-file-name\"> 2022-05-16_07_58_10_000_UTC.mp3</div></div>\n</body></html>\n"),
		memFile(part1, act+"My Activity.json", "["+
			record("Assistant", "Assistant", "Said good morning", "2022-05-16T07:58:09.000Z", "2022-05-16_07_58_10_000_UTC.mp3")+"]"),
		audioFile(p2, act+"2022-05-16_07_58_10_000_UTC.mp3", 3000),
		audioFile(p2copy, act+"2022-05-16_07_58_10_000_UTC.mp3", 3000),
	}
	ex := mustLoad(t, files, nil)
	if len(ex.Audio) != 1 || !ex.Audio[0].Referenced || ex.Audio[0].Part != p2 {
		t.Errorf("audio: got %+v, want the one MP3 of %s, referenced", ex.Audio, p2)
	}
	var parts []string
	for _, p := range ex.Parts {
		parts = append(parts, fmt.Sprintf("%s dup=%q", p.Name, p.DuplicateOf))
	}
	want := []string{part1 + ` dup=""`, p2 + ` dup=""`, p2copy + ` dup="` + p2 + `"`}
	if !slices.Equal(parts, want) {
		t.Errorf("parts: got %q, want %q", parts, want)
	}
	if len(ex.Problems) != 1 || ex.Problems[0].Kind != ProblemDuplicatePart || ex.Problems[0].Src.Part != p2copy || !ex.Problems[0].Note() {
		t.Errorf("problems: got %+v, want one duplicate-part note on %s", ex.Problems, p2copy)
	}

	// A "copy" that holds something else is a part of its own.
	files[3] = audioFile(p2copy, act+"2022-05-16_09_00_00_000_UTC.mp3", 3000)
	ex = mustLoad(t, files, nil)
	if len(ex.Audio) != 2 {
		t.Errorf("audio of a differing copy: got %d files, want 2", len(ex.Audio))
	}
	for _, p := range ex.Parts {
		if p.DuplicateOf != "" {
			t.Errorf("part %s taken for a copy of %s, but its members differ", p.Name, p.DuplicateOf)
		}
	}
}

// A non-speech record can carry the unrecognized-speaker detail: it stays
// activity, with the detail and where it stands.
func TestLoadTakeoutNonSpeechUnrecognized(t *testing.T) {
	dir := "Takeout/My Activity/Assistant/"
	recs := `[{"header":"Assistant","title":"Used Assistant","time":"2022-05-16T08:00:00.000Z","products":["Assistant"],` +
		`"details":[{"name":"Started by hotword"},{"name":"From unrecognized speaker"}]},` +
		`{"header":"Assistant","title":"Used Assistant","time":"2022-05-16T08:01:00.000Z","products":["Assistant"]}]`
	ex := mustLoad(t, []file{memFile(part1, dir+"My Activity.json", recs)}, nil)
	if len(ex.Activity) != 2 {
		t.Fatalf("activity: got %d records, want 2", len(ex.Activity))
	}
	if u := ex.Activity[0].Unrecognized; u.Text != "From unrecognized speaker" || u.Src().Pointer != "/0/details/1/name" {
		t.Errorf("first record's mark: got %q at %q, want the detail at /0/details/1/name", u.Text, u.Src().Pointer)
	}
	if u := ex.Activity[1].Unrecognized; !u.Empty() {
		t.Errorf("second record: got mark %q, want none", u.Text)
	}
}
