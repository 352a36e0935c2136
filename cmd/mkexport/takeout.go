package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"sort"
	"strings"
	"time"
)

// activity is one record of MyActivity.json, keys in Google's order.
type activity struct {
	Header        string     `json:"header"`
	Title         string     `json:"title"`
	TitleURL      string     `json:"titleUrl,omitempty"`
	Time          string     `json:"time"`
	Products      []string   `json:"products"`
	Details       []named    `json:"details,omitempty"`
	LocationInfos []location `json:"locationInfos,omitempty"`
	Subtitles     []named    `json:"subtitles,omitempty"`
	AudioFiles    []string   `json:"audioFiles,omitempty"`
}

type named struct {
	Name string `json:"name"`
}

type location struct {
	Name   string `json:"name"`
	URL    string `json:"url"`
	Source string `json:"source"`
}

// takeoutLocale holds the translated names of one Takeout language.
type takeoutLocale struct {
	lang         string
	browser      string // file name of the archive overview, under Takeout/
	header       string // h1 text before the e-mail
	activityDir  string // under Takeout/
	activityFile string
	profile      string // under Takeout/
	accountDir   string
	said         string // title prefix
	saidSuffix   string // title suffix: German puts the verb last
	hotword      string
	unrecognized string
	voice        voice
	speech       []said
}

type said struct{ text, answer string }

var (
	takeoutEN = takeoutLocale{
		lang: "en", browser: "archive_browser.html", header: "Archive for ",
		activityDir: "My Activity/Assistant", activityFile: "MyActivity.json",
		profile: "Profile/Profile.json", accountDir: "Google Account",
		said: "Said ", hotword: "Started by hotword", unrecognized: "From unrecognized speaker",
		voice: voiceAlice,
		speech: []said{
			{"what's the weather in Zurich", "Currently in Zurich it's 12 degrees and cloudy."},
			{"set a timer for five minutes", "Sure, 5 minutes, starting now."},
			{"turn on the living room lights", "OK, turning on 2 lights."},
			{"play some relaxing music", "Here's a relaxing playlist."},
			{"what's on my calendar tomorrow", "Tomorrow at 9 AM you have Team meeting."},
			{"how far is it to Bern", "By car, Bern is about 125 kilometers away."},
			{"remind me to call the bank", "Sure, I'll remind you tomorrow at 9 AM."},
			{"good morning", "Good morning, Alice! It's 7 o'clock."},
		},
	}
	takeoutDE = takeoutLocale{
		lang: "de", browser: "Archiv_Übersicht.html", header: "Archiv für ",
		activityDir: "Meine Aktivitäten/Assistant", activityFile: "MeineAktivitäten.json",
		profile: "Profil/Profil.json", accountDir: "Google-Konto",
		said: "„", saidSuffix: "“ gesagt", hotword: "Durch Hotword gestartet", unrecognized: "Von nicht erkanntem Sprecher",
		voice: voiceAliceDE,
		speech: []said{
			{"wie ist das Wetter in Zürich", "In Zürich sind es gerade 12 Grad und bewölkt."},
			{"stell einen Timer auf fünf Minuten", "Okay, 5 Minuten, ab jetzt."},
			{"schalte das Licht im Wohnzimmer ein", "Okay, 2 Lampen werden eingeschaltet."},
			{"spiel entspannte Musik", "Hier ist eine entspannte Playlist."},
			{"was steht morgen in meinem Kalender", "Morgen um 9 Uhr hast du Teambesprechung."},
			{"wie weit ist es bis Bern", "Mit dem Auto sind es etwa 125 Kilometer bis Bern."},
			{"erinnere mich an die Bank", "Okay, ich erinnere dich morgen um 9 Uhr."},
			{"guten Morgen", "Guten Morgen, Alice! Es ist 7 Uhr."},
		},
	}
	takeoutFR = takeoutLocale{
		lang: "fr", browser: "archive_browser.html", header: "Archive du compte ",
		activityDir: "Mon activité/Assistant", activityFile: "MonActivité.json",
		profile: "Profil/Profil.json", accountDir: "Compte Google",
		said: "Vous avez dit ", hotword: "Démarré par le mot clé", unrecognized: "Locuteur non reconnu",
		voice: voiceAliceFR,
		speech: []said{
			{"quel temps fait-il à Zurich", "À Zurich, il fait actuellement 12 degrés et nuageux."},
			{"mets un minuteur de cinq minutes", "D'accord, 5 minutes, c'est parti."},
			{"allume la lumière du salon", "D'accord, j'allume 2 lampes."},
			{"mets de la musique relaxante", "Voici une playlist relaxante."},
			{"qu'est-ce que j'ai demain", "Demain à 9 h, vous avez Réunion d'équipe."},
			{"à quelle distance est Berne", "En voiture, Berne est à environ 125 kilomètres."},
			{"rappelle-moi d'appeler la banque", "D'accord, je vous le rappellerai demain à 9 h."},
			{"bonjour", "Bonjour Alice ! Il est 7 heures."},
		},
	}
)

// strangerSpeech: a voice the account does not know (takeout-unrecognized).
var strangerSpeech = []said{
	{"what's my bank balance", "Sorry, I can't help with that yet."},
	{"call Dave", "Calling Dave."},
	{"open the garage door", "OK, opening the garage door."},
}

// takeoutPlan is one Takeout export before it is split into parts.
type takeoutPlan struct {
	name    string
	loc     takeoutLocale
	parts   int
	profile string // e-mail written into Profile.json
	// strangers are inserted at these record positions (array order).
	strangerAt []int
	// realOverview writes archive_browser.html as Google really does: a
	// nested tree of folder names and base names, no <li class="file">.
	realOverview bool
	// accountsLast puts Profile.json beside the account page in the last
	// part (by default it is in part 1 with the activity).
	accountsLast bool
	// duplicate is the part (1-based) that is downloaded a second time,
	// as a browser names the copy ("…-002 (1).zip"); 0 for none.
	duplicate int
}

type takeoutResult struct {
	parts     []tree // index 0 is -001
	partNames []string
	records   []activity
	path      map[string]string // role -> member path
}

const takeoutPrefix = "takeout-20240301T101500Z-"

// buildTakeout synthesises and lays out one Takeout export.
func buildTakeout(s *synth, p takeoutPlan) (*takeoutResult, error) {
	loc := p.loc
	type planned struct {
		said    said
		v       voice
		unknown bool
	}
	var plan []planned
	for _, sp := range loc.speech {
		plan = append(plan, planned{said: sp, v: loc.voice})
	}
	for i, at := range p.strangerAt {
		st := planned{said: strangerSpeech[i], v: voiceStranger, unknown: true}
		plan = append(plan[:at], append([]planned{st}, plan[at:]...)...)
	}
	plan = plan[:8] // keep eight records per Takeout fixture

	start := time.Date(2024, 2, 11, 8, 15, 1, 482_000_000, time.UTC)
	res := &takeoutResult{path: map[string]string{}}
	act := "Takeout/" + loc.activityDir + "/"
	audio := map[string][]byte{}
	for i, pl := range plan {
		// Newest first, as Google writes it; a few hours apart.
		at := start.Add(time.Duration(len(plan)-1-i) * (5*time.Hour + 17*time.Minute + 13*time.Second + 211*time.Millisecond))
		a := activity{
			Header:   "Assistant",
			Title:    loc.said + pl.said.text + loc.saidSuffix,
			TitleURL: "https://www.google.com/search?q=" + url.QueryEscape(pl.said.text),
			Time:     at.Format("2006-01-02T15:04:05.000Z"),
			Products: []string{"Assistant"},
			Details:  []named{{loc.hotword}},
		}
		if pl.unknown {
			a.Details = append(a.Details, named{loc.unrecognized})
		}
		if i%3 == 0 {
			a.LocationInfos = []location{{Name: "At this general area",
				URL:    "https://www.google.com/maps/@?api=1&map_action=map&center=47.376887,8.541694&zoom=12",
				Source: "From your places (Home)"}}
		}
		if pl.said.answer != "" {
			a.Subtitles = []named{{pl.said.answer}}
		}
		if i != 5 { // one record without audio: recording was switched off
			// The MP3 is named a little later than the record's time.
			lag := time.Duration(i%4)*time.Second + time.Duration(137*i%1000)*time.Millisecond
			name := mp3Name(at.Add(lag))
			m, err := s.mp3(pl.v, pl.said.text)
			if err != nil {
				return nil, err
			}
			audio[act+name] = m
			a.AudioFiles = []string{name}
		}
		res.records = append(res.records, a)
	}

	var js bytes.Buffer
	enc := json.NewEncoder(&js)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(res.records); err != nil {
		return nil, err
	}
	user := strings.SplitN(emailAlice, "@", 2)[0]
	res.path["activity"] = act + loc.activityFile
	res.path["profile"] = "Takeout/" + loc.profile
	res.path["subscriber"] = "Takeout/" + loc.accountDir + "/" + user + ".SubscriberInfo.html"
	res.path["browser"] = "Takeout/" + loc.browser

	// Distribute: part 1 holds the overview, the activity and the profile;
	// the MP3s are split between the parts; the account page goes last.
	res.parts = make([]tree, p.parts)
	for i := range res.parts {
		res.parts[i] = tree{}
		res.partNames = append(res.partNames, fmt.Sprintf("%s%03d.zip", takeoutPrefix, i+1))
	}
	last := res.parts[p.parts-1]
	res.parts[0].add(res.path["activity"], js.Bytes())
	if p.accountsLast {
		last.add(res.path["profile"], profileJSON(p.profile))
	} else {
		res.parts[0].add(res.path["profile"], profileJSON(p.profile))
	}
	last.add(res.path["subscriber"], subscriberInfo(emailAlice))
	names := make([]string, 0, len(audio))
	for n := range audio {
		names = append(names, n)
	}
	sort.Strings(names)
	for i, n := range names {
		res.parts[i*p.parts/len(names)].add(n, audio[n])
	}
	var all []string
	for _, t := range res.parts {
		all = append(all, t.names()...)
	}
	all = append(all, res.path["browser"])
	sort.Strings(all)
	if p.realOverview {
		res.parts[0].add(res.path["browser"], archiveBrowserTree(loc, emailAlice, all))
	} else {
		res.parts[0].add(res.path["browser"], archiveBrowser(loc, emailAlice, all))
	}
	return res, nil
}

// mp3Name is Google's audio name: YYYY-MM-DD_HH_MM_SS_mmm_UTC.mp3.
func mp3Name(t time.Time) string {
	return fmt.Sprintf("%s_%03d_UTC.mp3", t.UTC().Format("2006-01-02_15_04_05"), t.Nanosecond()/1e6)
}

func profileJSON(email string) []byte {
	p := map[string]any{
		"name":        map[string]string{"givenName": "Alice", "familyName": "Muster", "formattedName": "Alice Muster"},
		"displayName": "Alice Muster",
		"emails":      []map[string]string{{"value": email, "type": "account"}},
	}
	b, err := json.MarshalIndent(p, "", "  ")
	must(err)
	return append(b, '\n')
}

func subscriberInfo(email string) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Subscriber Info</title></head><body>\n")
	b.WriteString("<h1>Google Account</h1>\n")
	b.WriteString("<b>Google Account ID:</b> 104857600123456789012<br>\n")
	b.WriteString("<b>Name:</b> Alice Muster<br>\n")
	fmt.Fprintf(&b, "<b>Email:</b> %s<br>\n", html.EscapeString(email))
	b.WriteString("<b>Account creation time:</b> 2015-06-01 09:30:00 UTC<br>\n")
	b.WriteString("</body></html>\n")
	return []byte(b.String())
}

// archiveBrowser lists every file of the export (paths relative to Takeout/).
func archiveBrowser(loc takeoutLocale, email string, files []string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"><title>Google Takeout</title></head><body>\n", loc.lang)
	fmt.Fprintf(&b, "<div class=\"header\"><h1 class=\"header_title\">%s%s</h1></div>\n", html.EscapeString(loc.header), html.EscapeString(email))
	b.WriteString("<ul class=\"file_list\">\n")
	for _, f := range files {
		fmt.Fprintf(&b, "<li class=\"file\">%s</li>\n", html.EscapeString(strings.TrimPrefix(f, "Takeout/")))
	}
	b.WriteString("</ul>\n</body></html>\n")
	return []byte(b.String())
}

// archiveBrowserTree writes the overview in the real form (app/export/export.go,
// "Real exports"; the markup as other projects' tests of real pages
// show it): one service block per product (the top folder under Takeout/),
// a row per folder with the folder's name, and file leaves that hold the
// base name only, after a space; the product's folder is not repeated.
// Class names are the real ones; the page around them is reduced.
func archiveBrowserTree(loc takeoutLocale, email string, files []string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"><title>Google Takeout</title></head><body>\n", loc.lang)
	fmt.Fprintf(&b, "<div class=\"header\"><h1 class=\"header_title\">%s%s</h1></div>\n", html.EscapeString(loc.header), html.EscapeString(email))
	type folder struct {
		name  string
		files []string
	}
	var products []string
	tree := map[string][]*folder{} // product -> its folders ("" for files at its top)
	for _, f := range files {
		rel := strings.Split(strings.TrimPrefix(f, "Takeout/"), "/")
		if len(rel) == 1 {
			continue // the overview itself
		}
		prod, dir, base := rel[0], strings.Join(rel[1:len(rel)-1], "/"), rel[len(rel)-1]
		if _, ok := tree[prod]; !ok {
			products = append(products, prod)
		}
		fs := tree[prod]
		if len(fs) == 0 || fs[len(fs)-1].name != dir {
			fs = append(fs, &folder{name: dir})
		}
		fs[len(fs)-1].files = append(fs[len(fs)-1].files, base)
		tree[prod] = fs
	}
	for i, prod := range products {
		n := 0
		for _, fo := range tree[prod] {
			n += len(fo.files)
		}
		p := html.EscapeString(prod)
		fmt.Fprintf(&b, "<div id=\"service-details-%d\" class=\"service-detail\"><div class=\"service_name\"><h1 class=\"data-folder-name\" data-folder-name=\"%s\">%s</h1></div>\n", i, p, p)
		fmt.Fprintf(&b, "<div class=\"service_summary\">%d files</div><div class=\"extracted-list\">\n", n)
		for _, fo := range tree[prod] {
			b.WriteString("<div class=\"table-row\">")
			if fo.name != "" {
				fmt.Fprintf(&b, "<button class=\"extracted-folder\"><div class=\"extracted-folder-name\">%s</div></button>", html.EscapeString(fo.name))
			}
			b.WriteString("\n")
			for _, f := range fo.files {
				fmt.Fprintf(&b, "<div class=\"extracted-child\"><div class=\"file-leaf\"><div class=\"extracted-file-name\"> %s</div></div></div>\n", html.EscapeString(f))
			}
			b.WriteString("</div>\n")
		}
		b.WriteString("</div></div>\n")
	}
	b.WriteString("</body></html>\n")
	return []byte(b.String())
}

// pointerOf returns the JSON pointer of the first record matching f.
func (r *takeoutResult) firstRecord(f func(activity) bool) (int, int) {
	first, n := -1, 0
	for i, a := range r.records {
		if f(a) {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	return first, n
}
