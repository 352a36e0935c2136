package seeded

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"math/rand/v2"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"
)

// takeoutLang holds the names of one Takeout language (app/export/export.go, times.go).
type takeoutLang struct {
	header, activityDir, activityBase, said, hotword, unrecognized, used string
	saidAfter                                                            string // German puts the verb last: "… gesagt"
}

var takeoutLangs = []takeoutLang{
	// German titles put the verb last; the English file name has a space
	// since 2019.
	{"Archiv für ", "Meine Aktivitäten/Assistant", "MeineAktivitäten", "", "Durch Hotword gestartet", "Von nicht erkanntem Sprecher", "Assistant verwendet", " gesagt"},
	{"Archive for ", "My Activity/Assistant", "My Activity", "Said ", "Started by hotword", "From unrecognized speaker", "Used Assistant", ""},
	{"Archive for ", "My Activity/Assistant", "MyActivity", "Said ", "Started by hotword", "From unrecognized speaker", "Used Assistant", ""},
	{"Archive du compte ", "Mon activité/Assistant", "MonActivité", "Vous avez dit ", "Démarré par le mot clé", "Locuteur non reconnu", "Application utilisée : Assistant", ""},
}

type activity struct {
	Header     string   `json:"header"`
	Title      string   `json:"title"`
	TitleURL   string   `json:"titleUrl,omitempty"`
	Time       string   `json:"time"`
	Products   []string `json:"products"`
	Details    []named  `json:"details,omitempty"`
	Subtitles  []named  `json:"subtitles,omitempty"`
	AudioFiles []string `json:"audioFiles,omitempty"`

	at     time.Time
	speech bool // a "Said …" record, not other activity
}

type named struct {
	Name string `json:"name"`
}

func genTakeout(r *rand.Rand, ex *Export, plant Kind) error {
	langs := takeoutLangs
	lang := langs[r.IntN(len(langs))]
	user := fmt.Sprintf("nutzer%04d", r.IntN(10000))
	email := user + "@example.com"
	given, family := givenNames[r.IntN(len(givenNames))], familyNames[r.IntN(len(familyNames))]
	stamp := time.Date(2024, 1+time.Month(r.IntN(12)), 1+r.IntN(28), r.IntN(24), r.IntN(60), r.IntN(60), 0, time.UTC)
	prefix := "takeout-" + stamp.Format("20060102T150405Z") + "-"
	htmlActivity := r.IntN(3) == 0
	realOverview := r.IntN(2) == 0
	ex.step("takeout: %s activity as %s, overview %s", strings.TrimSpace(lang.header), map[bool]string{true: "HTML", false: "JSON"}[htmlActivity],
		map[bool]string{true: "real tree", false: "old list"}[realOverview])

	act := "Takeout/" + lang.activityDir + "/"
	var recs []activity
	files := map[string][]byte{}
	for range 3 + r.IntN(8) {
		k := r.IntN(len(sayings))
		t := randTime(r)
		if htmlActivity {
			t = t.Truncate(time.Second)
		}
		a := activity{Header: "Assistant", Title: lang.said + sayings[k] + lang.saidAfter,
			TitleURL: "https://www.google.com/search?q=" + url.QueryEscape(sayings[k]),
			Time:     t.Format("2006-01-02T15:04:05.000Z"), Products: []string{"Assistant"},
			Details: []named{{lang.hotword}}, at: t, speech: true}
		if answers[k] != "" {
			a.Subtitles = []named{{answers[k]}}
		}
		if r.IntN(5) != 0 {
			// Named a little later than the record, as Google does.
			name := mp3Name(t.Add(time.Duration(r.IntN(3000)) * time.Millisecond))
			if _, dup := files[act+name]; !dup {
				files[act+name] = mp3(1 + r.IntN(3))
				a.AudioFiles = []string{name}
			}
		}
		recs = append(recs, a)
	}
	// Activity that is no speech: kept as activity, no recording.
	for range r.IntN(3) {
		t := randTime(r)
		if htmlActivity {
			t = t.Truncate(time.Second)
		}
		recs = append(recs, activity{Header: "Assistant", Title: lang.used, Time: t.Format("2006-01-02T15:04:05.000Z"),
			Products: []string{"Assistant"}, at: t})
	}
	sort.SliceStable(recs, func(i, j int) bool { return recs[i].at.After(recs[j].at) }) // newest first
	if r.IntN(2) == 0 {
		r.Shuffle(len(recs), func(i, j int) { recs[i], recs[j] = recs[j], recs[i] })
		ex.step("records shuffled")
	}

	// Every product folder under My Activity has its own activity file;
	// only the voice product's holds recordings.
	if r.IntN(3) == 0 {
		search := []activity{{Header: "Search", Title: "Searched for kaffeebohnen", Time: "2023-10-01T10:00:00.000Z",
			Products: []string{"Search"}}}
		b, err := json.MarshalIndent(search, "", "  ")
		if err != nil {
			return err
		}
		files["Takeout/"+strings.Replace(lang.activityDir, "Assistant", "Search", 1)+"/"+lang.activityBase+".json"] = b
		ex.step("Search activity beside")
	}
	if r.IntN(3) == 0 {
		// Before about 2020 voice recordings were "Voice and Audio"
		// activity of the Google App: the person's own voice history.
		dir := "Takeout/" + strings.Replace(lang.activityDir, "Assistant", "Voice and Audio", 1) + "/"
		var va []activity
		for range 1 + r.IntN(3) {
			t := randTime(r).Add(-3 * 365 * 24 * time.Hour)
			name := mp3Name(t)
			files[dir+name] = mp3(1)
			va = append(va, activity{Header: "Google App", Title: lang.said + "wie spät ist es" + lang.saidAfter,
				Time: t.Format("2006-01-02T15:04:05.000Z"), Products: []string{"Voice and Audio"}, AudioFiles: []string{name}})
		}
		b, err := json.MarshalIndent(va, "", "  ")
		if err != nil {
			return err
		}
		files[dir+lang.activityBase+".json"] = b
		ex.step("%d Voice and Audio records", len(va))
	}
	if r.IntN(3) == 0 {
		// Google Voice: a voicemail and its page; another product's audio.
		base := fmt.Sprintf("Takeout/Voice/Calls/+4930%07d - Voicemail - 2023-10-02T08_15_00Z", r.IntN(10000000))
		files[base+".mp3"] = mp3(2)
		files[base+".html"] = []byte("<!DOCTYPE html><html><body><div class=\"haudio\"><span class=\"fn\">Voicemail</span>" +
			"<audio controls=\"controls\" src=\"" + html.EscapeString(base[strings.LastIndex(base, "/")+1:]) + ".mp3\"></audio></div></body></html>\n")
		ex.step("a Google Voice voicemail")
	}

	profilePath := "Takeout/Profile/Profile.json"
	subscriberPath := "Takeout/Google Account/" + user + ".SubscriberInfo.html"
	overviewPath := "Takeout/archive_browser.html"
	activityPath := act + lang.activityBase + map[bool]string{true: ".html", false: ".json"}[htmlActivity]
	profileEmail, overviewEmail := email, email

	pr := rand.New(rand.NewPCG(ex.Seed, 2))
	stranger := fmt.Sprintf("fremd%04d@example.org", pr.IntN(10000))
	marked := -1
	switch plant {
	case ForeignOverview:
		overviewEmail = stranger
		ex.Plant = &Place{Kind: plant, Subject: stranger, Path: overviewPath, Line: 2}
	case ForeignProfile:
		profileEmail = stranger
		ex.Plant = &Place{Kind: plant, Subject: stranger, Path: profilePath, Pointer: "/emails/0/value"}
	case Unrecognized:
		var speech []int
		for i, a := range recs {
			if a.speech {
				speech = append(speech, i)
			}
		}
		marked = speech[pr.IntN(len(speech))]
		recs[marked].Details = append(recs[marked].Details, named{lang.unrecognized})
		ex.Plant = &Place{Kind: plant, Path: activityPath}
	case StrayMP3:
		p := act + mp3Name(baseTime.Add(-time.Duration(1+pr.IntN(1000))*time.Hour))
		files[p] = mp3(2)
		ex.Plant = &Place{Kind: plant, Subject: p, Path: p}
	}
	if ex.Plant != nil {
		ex.step("planted %s %s", plant, ex.Plant.Subject)
	}

	if htmlActivity {
		z := htmlZones[r.IntN(len(htmlZones))]
		ex.step("HTML times in %s", z.name)
		data, line := activityHTML(recs, marked, z)
		files[activityPath] = data
		if marked >= 0 {
			ex.Plant.Line = line
		}
	} else {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(recs); err != nil {
			return err
		}
		files[activityPath] = b.Bytes()
		if marked >= 0 {
			ex.Plant.Pointer = fmt.Sprintf("/%d", marked)
		}
	}
	prof, err := json.MarshalIndent(map[string]any{
		"name":        map[string]string{"givenName": given, "familyName": family, "formattedName": given + " " + family},
		"displayName": given + " " + family,
		"emails":      []map[string]string{{"value": profileEmail, "type": "account"}},
	}, "", "  ")
	if err != nil {
		return err
	}
	files[profilePath] = prof
	files[subscriberPath] = subscriberInfo(r, given+" "+family, email)

	// Split: the files in path order, cut at random points into 1–5
	// parts; the account files go to any part; the overview is in part 1.
	var paths []string
	for p := range files {
		if p != profilePath && p != subscriberPath {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	n := 1 + r.IntN(min(5, len(paths)))
	cuts := r.Perm(len(paths) - 1)[:n-1]
	for i := range cuts {
		cuts[i]++
	}
	slices.Sort(cuts)
	cuts = append(append([]int{0}, cuts...), len(paths))
	ex.Parts = make([]Part, n)
	for i := range ex.Parts {
		ex.Parts[i].Name = fmt.Sprintf("%s%03d.zip", prefix, i+1)
		for _, p := range paths[cuts[i]:cuts[i+1]] {
			ex.Parts[i].Files = append(ex.Parts[i].Files, File{p, files[p]})
		}
	}
	for _, p := range []string{profilePath, subscriberPath} {
		i := r.IntN(n)
		ex.Parts[i].Files = append(ex.Parts[i].Files, File{p, files[p]})
		ex.step("%s in part %d", p[strings.LastIndex(p, "/")+1:], i+1)
	}
	ex.step("split into %d parts at %v", n, cuts[1:n])
	if ex.Container == OneZip && r.IntN(2) == 0 {
		ex.TopFolder = strings.TrimSuffix(prefix, "-") + "/"
		ex.step("re-zipped below %s", ex.TopFolder)
	}
	if ex.Container == OneZip && r.IntN(3) == 0 {
		ex.Decomposed = true
		ex.step("re-zipped on a Mac: names in NFD")
	}
	if twice := ex.Container == Separate && r.IntN(4) == 0; twice {
		ex.Duplicate = 1 + r.IntN(n)
		ex.step("part %d downloaded twice", ex.Duplicate)
	}
	all := append(slices.Sorted(func(yield func(string) bool) {
		for p := range files {
			if !yield(p) {
				return
			}
		}
	}), overviewPath)
	sort.Strings(all)
	var ov []byte
	if realOverview {
		ov = overviewTree(lang.header+overviewEmail, all)
	} else {
		ov = overviewList(lang.header+overviewEmail, all)
	}
	ex.Parts[0].Files = append([]File{{overviewPath, ov}}, ex.Parts[0].Files...)
	if plant == StrangerPart {
		// Another person's download among the person's own: its own job
		// stamp, its overview and profile naming the stranger.
		other := "takeout-" + stamp.Add(time.Duration(1+pr.IntN(400))*time.Hour).Format("20060102T150405Z") + "-001.zip"
		sprof, err := json.MarshalIndent(map[string]any{"name": map[string]string{"givenName": "Mike", "familyName": "Fremd"},
			"emails": []map[string]string{{"value": stranger, "type": "account"}}}, "", "  ")
		if err != nil {
			return err
		}
		sp := Part{Name: other, Files: []File{
			{overviewPath, overviewList(lang.header+stranger, []string{overviewPath, profilePath})},
			{profilePath, sprof}}}
		ex.OtherJob = other
		at := pr.IntN(len(ex.Parts) + 1)
		ex.Parts = slices.Insert(ex.Parts, at, sp)
		ex.Plant = &Place{Kind: plant, Subject: stranger, Part: other, Path: overviewPath, Line: 2}
		ex.step("planted a stranger's part %s naming %s at position %d", other, stranger, at+1)
	}
	if ex.Plant != nil && ex.Plant.Part == "" {
		for _, p := range ex.Parts {
			for _, f := range p.Files {
				if f.Path == ex.Plant.Path {
					ex.Plant.Part = p.Name
				}
			}
		}
	}
	return nil
}

// mp3Name is Google's audio name: YYYY-MM-DD_HH_MM_SS_mmm_UTC.mp3.
func mp3Name(t time.Time) string {
	return fmt.Sprintf("%s_%03d_UTC.mp3", t.UTC().Format("2006-01-02_15_04_05"), t.Nanosecond()/1e6)
}

func subscriberInfo(r *rand.Rand, name, email string) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Subscriber Info</title></head><body>\n")
	b.WriteString("<h1>Google Account</h1>\n")
	fmt.Fprintf(&b, "<b>Google Account ID:</b> 1%s<br>\n", randStr(r, "0123456789", 20))
	fmt.Fprintf(&b, "<b>Name:</b> %s<br>\n", html.EscapeString(name))
	fmt.Fprintf(&b, "<b>e-Mail:</b> %s<br>\n", html.EscapeString(email))
	// The real page's other addresses, read by their labels: alternates
	// are the same account, contact and recovery addresses are contact
	// points, not accounts.
	if extra := r.IntN(2) == 0; extra {
		user := strings.SplitN(email, "@", 2)[0]
		fmt.Fprintf(&b, "<b>Alternate e-Mails:</b> %s.alt@example.com<br>\n", user)
		fmt.Fprintf(&b, "<b>Contact e-Mail:</b> %s.kontakt@example.org<br>\n", user)
		fmt.Fprintf(&b, "<b>Recovery e-Mail:</b> notfall-%s@example.net<br>\n", user)
	}
	b.WriteString("<b>Account creation time:</b> 2015-06-01 09:30:00 UTC<br>\n</body></html>\n")
	return []byte(b.String())
}

// overviewList is the old overview: every path under Takeout/ in a list.
// The header is on line 2 (Place.Line of ForeignOverview).
func overviewList(header string, files []string) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Google Takeout</title></head><body>\n")
	fmt.Fprintf(&b, "<div class=\"header\"><h1 class=\"header_title\">%s</h1></div>\n<ul class=\"file_list\">\n", html.EscapeString(header))
	for _, f := range files {
		fmt.Fprintf(&b, "<li class=\"file\">%s</li>\n", html.EscapeString(strings.TrimPrefix(f, "Takeout/")))
	}
	b.WriteString("</ul>\n</body></html>\n")
	return []byte(b.String())
}

// overviewTree is the overview as Google writes it now: a block per
// product, folder names, file leaves with base names after a space.
func overviewTree(header string, files []string) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Google Takeout</title></head><body>\n")
	fmt.Fprintf(&b, "<div class=\"header\"><h1 class=\"header_title\">%s</h1></div>\n", html.EscapeString(header))
	prod, dir := "", "\x00"
	open := false
	for _, f := range files {
		rel := strings.Split(strings.TrimPrefix(f, "Takeout/"), "/")
		if len(rel) == 1 {
			continue
		}
		p, d, base := rel[0], strings.Join(rel[1:len(rel)-1], "/"), rel[len(rel)-1]
		if p != prod {
			if open {
				b.WriteString("</div>\n</div></div>\n")
			}
			fmt.Fprintf(&b, "<div class=\"service-detail\"><div class=\"service_name\"><h1 class=\"data-folder-name\" data-folder-name=\"%s\">%s</h1></div>\n<div class=\"extracted-list\">\n",
				html.EscapeString(p), html.EscapeString(p))
			prod, dir, open = p, "\x00", true
			b.WriteString("<div class=\"table-row\">\n")
		}
		if d != dir {
			if dir != "\x00" {
				b.WriteString("</div>\n<div class=\"table-row\">\n")
			}
			if d != "" {
				fmt.Fprintf(&b, "<button class=\"extracted-folder\"><div class=\"extracted-folder-name\">%s</div></button>\n", html.EscapeString(d))
			}
			dir = d
		}
		fmt.Fprintf(&b, "<div class=\"extracted-child\"><div class=\"file-leaf\"><div class=\"extracted-file-name\"> %s</div></div></div>\n", html.EscapeString(base))
	}
	if open {
		b.WriteString("</div>\n</div></div>\n")
	}
	b.WriteString("</body></html>\n")
	return []byte(b.String())
}

// activityHTML writes MyActivity.html: one outer cell per record; it
// returns the line on which record marked starts.
func activityHTML(recs []activity, marked int, z htmlZone) ([]byte, int) {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>My Activity</title></head><body>\n<div class=\"mdl-grid\">\n")
	line := 0
	for i, a := range recs {
		if i == marked {
			line = strings.Count(b.String(), "\n") + 1
		}
		b.WriteString("<div class=\"outer-cell mdl-cell mdl-cell--12-col mdl-shadow--2dp\"><div class=\"mdl-grid\">")
		fmt.Fprintf(&b, "<div class=\"header-cell mdl-cell mdl-cell--12-col\"><p class=\"mdl-typography--title\">%s<br></p></div>\n", html.EscapeString(a.Header))
		title := a.Title
		said := ""
		for _, pre := range []string{"Said ", "Vous avez dit "} {
			if strings.HasPrefix(title, pre) {
				title, said = pre, strings.TrimPrefix(a.Title, pre)
			}
		}
		after := ""
		if said == "" && strings.HasSuffix(title, " gesagt") {
			title, said, after = "", strings.TrimSuffix(a.Title, " gesagt"), " gesagt"
		}
		pre := ""
		if title != "" {
			pre = html.EscapeString(strings.TrimSpace(title)) + "&nbsp;"
		}
		fmt.Fprintf(&b, "<div class=\"content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1\">%s<a href=\"%s\">%s</a>%s<br>%s<br>",
			pre, html.EscapeString(a.TitleURL), html.EscapeString(said), html.EscapeString(after),
			a.at.In(time.FixedZone(z.name, z.offset)).Format("Jan 2, 2006, 3:04:05 PM")+" "+z.name)
		for _, s := range a.Subtitles {
			fmt.Fprintf(&b, "%s<br>", html.EscapeString(s.Name))
		}
		for _, f := range a.AudioFiles {
			fmt.Fprintf(&b, "<audio controls><source src=\"%s\"></audio><br>", html.EscapeString(f))
		}
		b.WriteString("</div>\n<div class=\"content-cell mdl-cell mdl-cell--6-col mdl-typography--body-1 mdl-typography--text-right\"></div>\n")
		b.WriteString("<div class=\"content-cell mdl-cell mdl-cell--12-col mdl-typography--caption\"><b>Products:</b><br>&emsp;Assistant<br><b>Details:</b><br>")
		for _, d := range a.Details {
			fmt.Fprintf(&b, "&emsp;%s<br>", html.EscapeString(d.Name))
		}
		b.WriteString("</div>\n</div></div>\n")
	}
	b.WriteString("</div>\n</body></html>\n")
	return []byte(b.String()), line
}

// htmlZone is a zone as Takeout's HTML writes it after the clock time.
type htmlZone struct {
	name   string
	offset int // seconds east of UTC
}

// htmlZones are zones the engine knows (app/export/export.go, times.go): abbreviations of its
// table and numeric offsets with U+2212 or '+'.
var htmlZones = []htmlZone{{"UTC", 0}, {"CET", 3600}, {"CEST", 7200}, {"PST", -8 * 3600},
	{"UTC−7", -7 * 3600}, {"GMT+02:00", 7200}, {"UTC+5:30", 5*3600 + 1800}}
