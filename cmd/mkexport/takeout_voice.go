package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"sort"
	"strings"
	"time"
)

// The takeout-voice fixture: one Takeout part laid out as real exports are
// (app/export/export.go, "Real exports"), with synthetic values only.
const (
	voiceJob     = "takeout-20220516T075809Z-001" // the extracted folder
	voiceAudio   = "Takeout/My Activity/Voice and Audio/"
	voiceAssist  = "Takeout/My Activity/Assistant/"
	voiceSearch  = "Takeout/My Activity/Search/"
	voiceCalls   = "Takeout/Voice/Calls/"
	voiceGreet   = "Takeout/Voice/Greetings/"
	altAlice     = "alice.m@example.org"       // an alternate address of the account
	contactAlice = "a.muster@example.net"      // where the account is reached
	recoverAlice = "muster.family@example.org" // the recovery address
)

// voiceAndAudio are the person's own voice history before 2020, recorded
// through the Google app.
var voiceAndAudio = []said{
	{"what's the weather in Lucerne", ""},
	{"navigate to the train station", ""},
	{"call the office", ""},
	{"how tall is the Pilatus", ""},
}

// htmlRecord is one record of the Assistant's HTML activity page.
type htmlRecord struct {
	title string // as the page writes it (markup)
	when  string // the page's local time with its zone
	audio string // the MP3 beside the page, "" for none
	text  string // what was said, for the speech; "" for non-speech
}

type voiceTakeout struct {
	tree      tree
	records   int // recordings: said records and records with audio
	activity  int // non-speech records of the voice product
	zonePaths []string
}

// buildTakeoutVoice lays out the fixture below Takeout/.
func buildTakeoutVoice(s *synth) (*voiceTakeout, error) {
	v := &voiceTakeout{tree: tree{}}
	t := v.tree

	// Voice and Audio: header "Google App", product "Voice and Audio",
	// "My Activity.json" with a space, MP3s beside it.
	start := time.Date(2019, 5, 6, 16, 5, 36, 120_000_000, time.UTC)
	var recs []activity
	for i, sp := range voiceAndAudio {
		at := start.Add(-time.Duration(i) * (26*time.Hour + 11*time.Minute + 7*time.Second))
		name := mp3Name(at.Add(time.Duration(1+i%2) * time.Second))
		m, err := s.mp3(voiceAlice, sp.text)
		if err != nil {
			return nil, err
		}
		t.add(voiceAudio+name, m)
		recs = append(recs, activity{Header: "Google App", Title: "Said " + sp.text,
			Time: at.Format("2006-01-02T15:04:05.000Z"), Products: []string{"Voice and Audio"}, AudioFiles: []string{name}})
		v.records++
	}
	t.add(voiceAudio+"My Activity.json", activityJSONBytes(recs))

	// Assistant as an HTML page: local times in a zone no table knows
	// (WIB, 2019) and in UTC−7 (2022); non-speech records among them.
	page := []htmlRecord{
		{title: "Said&nbsp;set an alarm for seven", when: "16 May 2022, 00:58:09 UTC\u22127", text: "set an alarm for seven"},
		{title: "Used Assistant", when: "15 May 2022, 21:12:40 UTC\u22127"},
		{title: "Said&nbsp;play the news", when: "14 May 2022, 07:30:02 UTC\u22127", text: "play the news"},
		{title: "Used Assistant", when: "7 May 2019, 08:01:55 WIB"},
		{title: "Said&nbsp;what time is it in Jakarta", when: "6 May 2019, 23:05:36 WIB", text: "what time is it in Jakarta"},
	}
	for i := range page {
		r := &page[i]
		if r.text == "" {
			v.activity++
			continue
		}
		at, err := pageTime(r.when)
		if err != nil {
			return nil, err
		}
		r.audio = mp3Name(at.Add(1300 * time.Millisecond))
		m, err := s.mp3(voiceAlice, r.text)
		if err != nil {
			return nil, err
		}
		t.add(voiceAssist+r.audio, m)
		v.records++
	}
	t.add(voiceAssist+"My Activity.html", activityHTML(page))
	v.zonePaths = []string{voiceAssist + "My Activity.html"}

	// Another product's activity shares the format: not voice history.
	t.add(voiceSearch+"My Activity.json", activityJSONBytes([]activity{
		{Header: "Search", Title: "Searched for bicycle repair Lucerne", Time: "2022-05-12T18:20:11.004Z", Products: []string{"Search"}},
		{Header: "Search", Title: "Visited Opening hours", Time: "2022-05-12T18:20:30.512Z", Products: []string{"Search"}},
	}))

	// Google Voice: a voicemail with its page, a greeting. Not recordings.
	vm := "+15555550100 - Voicemail - 2022-05-10T10_00_00Z"
	m, err := s.mp3(voiceStranger2, "hi Alice, this is the garage, your car is ready")
	if err != nil {
		return nil, err
	}
	t.add(voiceCalls+vm+".mp3", m)
	t.add(voiceCalls+vm+".html", voicemailPage(vm))
	g, err := s.mp3(voiceAlice, "hello, you have reached Alice, please leave a message")
	if err != nil {
		return nil, err
	}
	t.add(voiceGreet+"Greeting - 2021-03-01.mp3", g)

	user := strings.SplitN(emailAlice, "@", 2)[0]
	t.add("Takeout/Profile/Profile.json", profileJSON(emailAlice))
	t.add("Takeout/Google Account/"+user+".SubscriberInfo.html", subscriberInfoReal())

	all := append(t.names(), "Takeout/archive_browser.html")
	sort.Strings(all)
	t.add("Takeout/archive_browser.html", archiveBrowserTree(takeoutEN, emailAlice, all))
	return v, nil
}

func activityJSONBytes(recs []activity) []byte {
	var js bytes.Buffer
	enc := json.NewEncoder(&js)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	must(enc.Encode(recs))
	return js.Bytes()
}

// pageTime reads the page's time as UTC, for the MP3's name (Google names
// the file in UTC). WIB is UTC+7, UTC−7 is seven hours behind.
func pageTime(s string) (time.Time, error) {
	i := strings.LastIndex(s, " ")
	clock, zone := s[:i], s[i+1:]
	t, err := time.Parse("2 Jan 2006, 15:04:05", clock)
	if err != nil {
		return t, err
	}
	switch zone {
	case "WIB":
		return t.Add(-7 * time.Hour), nil
	case "UTC\u22127":
		return t.Add(7 * time.Hour), nil
	}
	return t, fmt.Errorf("mkexport: zone %q", zone)
}

// activityHTML writes My Activity.html in the markup of real pages (the
// class names of Material Design Lite cells; the page around them reduced).
func activityHTML(recs []htmlRecord) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>My Activity</title></head><body>\n<div class=\"mdl-grid\">\n")
	for _, r := range recs {
		b.WriteString("<div class=\"outer-cell mdl-cell mdl-cell--12-col mdl-shadow--2dp\"><div class=\"mdl-grid\">")
		b.WriteString("<div class=\"header-cell mdl-cell mdl-cell--12-col\"><p class=\"mdl-typography--title\">Assistant<br></p></div>\n")
		fmt.Fprintf(&b, "<div class=\"content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1\">%s<br>%s<br></div>", r.title, html.EscapeString(r.when))
		b.WriteString("<div class=\"content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1 mdl-typography--text-right\"></div>\n")
		if r.audio != "" {
			fmt.Fprintf(&b, "<div class=\"content-cell mdl-cell mdl-cell--12-col mdl-typography--body-1\"><audio controls><source src=\"%s\" type=\"audio/mpeg\"></audio></div>\n", html.EscapeString(r.audio))
		}
		b.WriteString("<div class=\"content-cell mdl-cell mdl-cell--12-col mdl-typography--caption\"><b>Products:</b><br>&emsp;Assistant<br></div>")
		b.WriteString("</div></div>\n")
	}
	b.WriteString("</div>\n</body></html>\n")
	return []byte(b.String())
}

// voicemailPage is Google Voice's page of one voicemail, which references
// its MP3.
func voicemailPage(name string) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Voicemail from +1 555-555-0100</title></head><body>\n")
	b.WriteString("<div class=\"haudio\"><span class=\"fn\">Voicemail from <a class=\"tel\" href=\"tel:+15555550100\">+1 555-555-0100</a></span>\n")
	b.WriteString("<abbr class=\"published\" title=\"2022-05-10T10:00:00.000Z\">10 May 2022, 03:00:00 UTC\u22127</abbr>\n")
	fmt.Fprintf(&b, "<audio controls src=\"%s.mp3\"></audio>\n", html.EscapeString(name))
	b.WriteString("<span class=\"full-text\">hi Alice, this is the garage, your car is ready</span></div>\n</body></html>\n")
	return []byte(b.String())
}

// subscriberInfoReal is the subscriber page as real ones are: one <li> per
// label, the account's address, an alternate and two contact addresses on
// other domains, an IP activity table.
func subscriberInfoReal() []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Subscriber Info</title></head><body>\n")
	b.WriteString("<h1>Google Account</h1>\n<ul>\n")
	b.WriteString("<li>Google Account ID: 100000000000000000042</li>\n")
	b.WriteString("<li>Name: Alice Muster</li>\n<li>Given Name: Alice</li>\n<li>Family Name: Muster</li>\n")
	fmt.Fprintf(&b, "<li>e-Mail: %s</li>\n", html.EscapeString(emailAlice))
	fmt.Fprintf(&b, "<li>Alternate e-Mails: %s</li>\n", html.EscapeString(altAlice))
	b.WriteString("<li>Created on: 2015-06-01 09:30:00 Z</li>\n<li>Terms of Service Language: en</li>\n")
	b.WriteString("<li>Services: Android, Google Voice, Web &amp; App Activity</li>\n</ul>\n")
	b.WriteString("<h2>Account Recovery</h2>\n<ul>\n")
	fmt.Fprintf(&b, "<li>Contact e-Mail: %s</li>\n", html.EscapeString(contactAlice))
	fmt.Fprintf(&b, "<li>Recovery e-Mail: %s</li>\n", html.EscapeString(recoverAlice))
	b.WriteString("<li>Recovery SMS: +1 555-555-0199 [US]</li>\n</ul>\n")
	b.WriteString("<h2>IP Activity</h2>\n<table>\n<tr><th>Activity Timestamp</th><th>IP Address</th><th>Activity Type</th></tr>\n")
	b.WriteString("<tr><td>2022-05-16 07:58:09 Z</td><td>192.0.2.17</td><td>Login</td></tr>\n")
	b.WriteString("<tr><td>2022-05-01 18:02:44 Z</td><td>198.51.100.4</td><td>Login</td></tr>\n</table>\n</body></html>\n")
	return []byte(b.String())
}
