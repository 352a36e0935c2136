package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"exportlens/app/archive"
)

// Bounds for Takeout files. An activity file of ten years of daily use is
// a few tens of MB; a profile or overview page is small.
const (
	maxActivityBytes = 256 << 20
	maxHTMLBytes     = 64 << 20
	maxProfileBytes  = 1 << 20
	maxActivityRecs  = 2_000_000
)

// googleState collects what the Takeout files say until finishGoogle.
type googleState struct {
	browsers      []browserInfo
	listed        map[string]bool // paths relative to the Takeout root
	listedNames   map[string]bool // base names of the real overview tree (listedKey)
	profileEmails []Value
	alternates    []Value // "Alternate e-Mails" of the subscriber page
	activityFound *Source
	profileFound  *Source
	// duplicates maps a part that is a second download of another
	// ("…-002 (1).zip") to that part; its files are not read.
	duplicates map[string]string
	// jsonDirs are folders with a JSON activity file: an HTML copy of the
	// same activity beside it is not read twice.
	jsonDirs map[string]bool
	// underRoot maps a path relative to the Takeout root to its first
	// file, wherever the root sits: parts extracted side by side into one
	// folder (takeout-…-001/Takeout/…, takeout-…-002/Takeout/…) are one
	// export whose MP3s may sit beside another part's activity file.
	// Built on the first lookup that needs it.
	underRoot map[string]int
}

// browserInfo is one archive_browser.html: its part and the account it names.
type browserInfo struct {
	account Value
	src     Source
}

// activityRecord is one element of MyActivity.json.
type activityRecord struct {
	Header    string   `json:"header"`
	Title     string   `json:"title"`
	Time      string   `json:"time"`
	Products  []string `json:"products"`
	Details   []named  `json:"details"`
	Subtitles []named  `json:"subtitles"`
	Audio     []string `json:"audioFiles"`
}

type named struct {
	Name string `json:"name"`
}

// cost is the memory a record keeps as a Recording: its texts (the
// pointers and IDs built from them add about as much again), the record,
// and about a KiB more that was measured (5,146 records held 6 MB more
// than their texts and Recording's size say).
func (r activityRecord) cost() int64 {
	n := recordingCost + 1<<10 + 2*int64(len(r.Title)+len(r.Time)+len(r.Header))
	for _, s := range r.Subtitles {
		n += int64(len(s.Name))
	}
	for _, s := range r.Details {
		n += int64(len(s.Name))
	}
	for _, s := range r.Audio {
		n += 2 * int64(len(s))
	}
	return n
}

// sameName compares file names as people see them: Takeout ZIPs made on a
// Mac may spell "é" decomposed.
func sameName(a, b string) bool {
	return strings.EqualFold(norm.NFC.String(a), norm.NFC.String(b))
}

func inList(s string, list []string) bool {
	for _, x := range list {
		if sameName(s, x) {
			return true
		}
	}
	return false
}

// inActivityFolder: product folders ("Assistant") are not translated.
func (l *loader) inActivityFolder(p string) bool {
	return inList(path.Base(path.Dir(p)), l.lay.Google.ActivityFolders)
}

func (l *loader) isActivityFile(p string) bool {
	return l.inActivityFolder(p) || inList(path.Base(p), l.lay.Google.ActivityFiles)
}

// rootRel returns p relative to the Takeout root, and whether it was under
// it. The root is found at any depth: an extracted or re-zipped Takeout has
// a folder above it ("takeout-20220516T075809Z-001/Takeout/…"); the first
// folder of that name counts.
func (l *loader) rootRel(p string) (string, bool) {
	root := strings.Trim(l.lay.Google.Root, "/") + "/"
	if root == "/" {
		return p, false
	}
	if strings.HasPrefix(p, root) {
		return p[len(root):], true
	}
	if i := strings.Index(p, "/"+root); i >= 0 {
		return p[i+1+len(root):], true
	}
	return p, false
}

// readJSONFile reads a JSON file that is, by place and then by structure, an
// activity list or an account profile. Other JSON is left alone.
func (l *loader) readJSONFile(f file) {
	switch {
	case l.isAmazonAuthentication(f.Path):
		l.readAmazonAuthentication(f)
	case l.isActivityFile(f.Path):
		l.readActivityJSON(f)
	case f.Size <= maxProfileBytes && l.maybeProfile(f.Path):
		l.readProfile(f)
	}
}

// maybeProfile: the profile sits one folder below the root ("Profile/",
// "Profil/"); its name is translated, its keys are not.
func (l *loader) maybeProfile(p string) bool {
	rel, under := l.rootRel(p)
	return under && strings.Count(rel, "/") == 1 || strings.Count(p, "/") <= 1
}

func (l *loader) readActivityJSON(f file) {
	rc, err := f.Open()
	if err != nil {
		l.problem(f, ProblemOpen, err)
		return
	}
	defer rc.Close()
	inFolder := l.inActivityFolder(f.Path)
	allow := l.allowance()
	kept := 0
	isAct, err := parseActivityJSON(&limitReader{r: rc, left: maxActivityBytes}, func(i int, rec activityRecord) error {
		if i%yieldEvery == 0 {
			archive.Yield()
			if err := l.ctx.Err(); err != nil {
				return err
			}
		}
		if inFolder || l.assistantRecord(rec) {
			if !allow.take(rec.cost()) {
				return &budgetError{n: kept, unit: "records"}
			}
			kept++
			l.activityRecording(f, i, rec)
		}
		return nil
	})
	if isAct {
		if l.google.jsonDirs == nil {
			l.google.jsonDirs = map[string]bool{}
		}
		l.google.jsonDirs[path.Dir(f.Path)] = true
		l.googleHits++
		// Every product folder has an activity file: the one that
		// counts is the voice product's (or one holding its records).
		if l.google.activityFound == nil && (inFolder || kept > 0) {
			l.google.activityFound = &Source{Part: f.Part, Path: f.Path}
		}
	}
	switch {
	case err == nil || l.ctx.Err() != nil:
	case errors.Is(err, ErrBudget):
		l.problem(f, ProblemBudget, err)
	default:
		l.problem(f, ProblemJSON, fmt.Errorf("export: json: %w", err))
	}
}

// parseActivityJSON streams a JSON array of activity records, calling emit
// with each record's index. isActivity is true once an element with a title
// and a time was seen. Elements of the wrong shape are skipped.
func parseActivityJSON(r io.Reader, emit func(int, activityRecord) error) (isActivity bool, err error) {
	rl := &recordLimit{r: r}
	dec := json.NewDecoder(rl)
	rl.mark = dec.InputOffset
	tok, err := dec.Token()
	if err != nil {
		return false, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return false, errors.New("not a list of activity records")
	}
	for i := 0; dec.More(); i++ {
		if i >= maxActivityRecs {
			return isActivity, fmt.Errorf("more than %d records", maxActivityRecs)
		}
		var rec activityRecord
		if err := dec.Decode(&rec); err != nil {
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) {
				continue // a value of another shape: decoding went past it
			}
			return isActivity, err
		}
		if rec.Title == "" || rec.Time == "" {
			continue
		}
		isActivity = true
		if err := emit(i, rec); err != nil {
			return isActivity, err
		}
	}
	if _, err := dec.Token(); err != nil {
		return isActivity, err
	}
	return isActivity, nil
}

// assistantRecord: outside an Assistant folder only records that name the
// product count (My Activity of other products shares the format).
func (l *loader) assistantRecord(rec activityRecord) bool {
	if inList(rec.Header, l.lay.Google.Products) {
		return true
	}
	for _, p := range rec.Products {
		if inList(p, l.lay.Google.Products) {
			return true
		}
	}
	return false
}

// activityRecording turns an activity record into a Recording, joined to
// its MP3 by the audioFiles reference (never by time: the file name may be
// seconds later than the record).
func (l *loader) activityRecording(f file, i int, rec activityRecord) {
	ptr := "/" + strconv.Itoa(i)
	src := Source{Part: f.Part, Path: f.Path, Pointer: ptr}
	at := func(p, field string) Source {
		return Source{Part: f.Part, Path: f.Path, Pointer: ptr + p, Field: field}
	}
	text, spoken := l.said(rec.Title)
	if !spoken && !hasAudio(rec.Audio) {
		a := Activity{Title: NewValue(text, at("/title", "title")), Src: src}
		if t, zone, ok := parseTimeZone(rec.Time); ok {
			a.Time, a.ZoneUnknown = t, zone
			l.zoneUnknown(f, zone)
		}
		for k, d := range rec.Details {
			if inList(strings.TrimSpace(d.Name), l.lay.Google.Unrecognized) && a.Unrecognized.Empty() {
				a.Unrecognized = NewValue(d.Name, at("/details/"+strconv.Itoa(k)+"/name", "name"))
			}
		}
		l.ex.Activity = append(l.ex.Activity, a)
		return
	}
	r := l.newRecording(f.Path+"#"+ptr, placeOf(src))
	r.Set(FieldTranscript, NewValue(text, at("/title", "title")))
	if t, zone, ok := parseTimeZone(rec.Time); ok {
		r.Time = t
		r.SetZoneUnknown(zone)
		l.zoneUnknown(f, zone)
	}
	var answers []string
	for _, s := range rec.Subtitles {
		if s.Name != "" {
			answers = append(answers, s.Name)
		}
	}
	if len(answers) > 0 {
		r.Set(FieldResponse, NewValue(strings.Join(answers, "\n"), at("/subtitles", "subtitles")))
	}
	for k, d := range rec.Details {
		if inList(strings.TrimSpace(d.Name), l.lay.Google.Unrecognized) && !r.Unrecognized {
			r.SetUnrecognized(NewValue(d.Name, at("/details/"+strconv.Itoa(k)+"/name", "name")))
		}
	}
	l.joinTakeoutAudio(f, &r, rec.Audio, NewValue("", at("/audioFiles/0", "audioFiles")))
	l.addRecording(r)
}

// hasAudio: a record names an audio file (records with audio are
// recordings whatever their title).
func hasAudio(names []string) bool {
	for _, n := range names {
		if strings.TrimSpace(n) != "" {
			return true
		}
	}
	return false
}

// joinTakeoutAudio joins a record to its MP3s by the names the record gives
// (never by time): the first is the recording's audio (at is where that
// name stands, its Text unset); every one found is marked referenced.
func (l *loader) joinTakeoutAudio(f file, r *Recording, names []string, at Value) {
	for k, name := range names {
		want, part, found := l.takeoutAudio(f, name)
		if k == 0 {
			at.Text = name
			r.Set(FieldAudio, at)
			if found {
				r.SetAudio(part, want, want)
			} else {
				r.SetAudio("", "", want)
			}
		}
		if found {
			l.markAudio(part, want, k == 0)
		}
	}
}

// said returns what the person said, taken out of a title of the table's
// forms ("Said …", "… gesagt", "Je hebt … gezegd", in any language of
// the table), without the quotes around it; ok is false when the title has
// none of the forms ("Used Assistant"): then it is the title, cleaned.
func (l *loader) said(title string) (text string, ok bool) {
	t := cleanSpace(title)
	for _, p := range l.lay.Google.Said {
		if p != "" && hasPrefixFold(t, p) {
			return unquote(t[len(p):]), true
		}
	}
	for _, f := range l.lay.Google.SaidForms {
		if f.Prefix == "" && f.Suffix == "" || len(t) <= len(f.Prefix)+len(f.Suffix) {
			continue
		}
		if hasPrefixFold(t, f.Prefix) && hasSuffixFold(t, f.Suffix) {
			return unquote(t[len(f.Prefix) : len(t)-len(f.Suffix)]), true
		}
	}
	return t, false
}

// hasPrefixFold and hasSuffixFold compare ignoring letter case; the layout's
// forms have ordinary spaces, titles may have no-break ones (cleanSpace
// makes them plain before).
func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

func hasSuffixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[len(s)-len(p):], p)
}

// titleQuotes are the quotes a title may put around the spoken text:
// German „…“, English “…”, French « … », plain ones.
var titleQuotes = [][2]string{{"„", "“"}, {"“", "”"}, {"«", "»"}, {"‚", "‘"}, {`"`, `"`}}

func unquote(s string) string {
	s = strings.TrimSpace(s)
	for _, q := range titleQuotes {
		if len(s) > len(q[0])+len(q[1]) && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) {
			return strings.TrimSpace(s[len(q[0]) : len(s)-len(q[1])])
		}
	}
	return s
}

// takeoutAudio finds the MP3 an activity record names: beside the activity
// file, in the same part or — the export being split — in another part.
func (l *loader) takeoutAudio(f file, name string) (want, part string, found bool) {
	name = strings.ReplaceAll(strings.TrimSpace(name), "\\", "/")
	if name == "" || strings.Contains(name, "..") {
		return "", "", false
	}
	want = path.Join(path.Dir(f.Path), name)
	if _, ok := l.lookup(f.Part, want); ok {
		return want, f.Part, true
	}
	if i, ok := l.anyPathIndex()[want]; ok {
		return want, l.files[i].Part, true
	}
	if rel, under := l.rootRel(want); under {
		if l.google.underRoot == nil {
			l.google.underRoot = map[string]int{}
			for i, g := range l.files {
				if r, ok := l.rootRel(g.Path); ok {
					if _, dup := l.google.underRoot[r]; !dup {
						l.google.underRoot[r] = i
					}
				}
			}
		}
		if i, ok := l.google.underRoot[rel]; ok {
			return l.files[i].Path, l.files[i].Part, true
		}
	}
	return want, "", false
}

// profileJSON is Profile/Profile.json.
type profileJSON struct {
	Name *struct {
		GivenName     string `json:"givenName"`
		FamilyName    string `json:"familyName"`
		FormattedName string `json:"formattedName"`
	} `json:"name"`
	Emails []struct {
		Value string `json:"value"`
	} `json:"emails"`
}

// parseProfile reads a profile; ok is false when the JSON is not shaped
// like one (any other small JSON file).
func parseProfile(data []byte) (p profileJSON, ok bool) {
	if err := json.Unmarshal(data, &p); err != nil {
		return p, false
	}
	named := p.Name != nil && (p.Name.GivenName != "" || p.Name.FamilyName != "" || p.Name.FormattedName != "")
	return p, named || len(p.Emails) > 0
}

func (l *loader) readProfile(f file) {
	data, err := readBounded(f, maxProfileBytes)
	if err != nil {
		l.problem(f, ProblemOpen, err)
		return
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 || bytes.TrimSpace(data)[0] != '{' {
		return
	}
	p, ok := parseProfile(data)
	if !ok {
		return
	}
	l.googleHits++
	if l.google.profileFound == nil {
		l.google.profileFound = &Source{Part: f.Part, Path: f.Path}
	}
	src := func(ptr, field string) Source {
		return Source{Part: f.Part, Path: f.Path, Pointer: ptr, Field: field}
	}
	for k, e := range p.Emails {
		if strings.TrimSpace(e.Value) == "" {
			continue
		}
		v := NewValue(strings.TrimSpace(e.Value), src("/emails/"+strconv.Itoa(k)+"/value", "value"))
		l.ex.Identities = append(l.ex.Identities, Identity{Kind: IdentityEmail, Value: v})
		l.google.profileEmails = append(l.google.profileEmails, v)
	}
	if p.Name != nil {
		var v Value
		switch {
		case p.Name.FormattedName != "":
			v = NewValue(p.Name.FormattedName, src("/name/formattedName", "formattedName"))
		default:
			v = NewValue(strings.TrimSpace(p.Name.GivenName+" "+p.Name.FamilyName), src("/name", "name"))
		}
		if v.Text != "" {
			l.ex.Names = addClaim(l.ex.Names, v, NormName)
			l.ex.Identities = append(l.ex.Identities, Identity{Kind: IdentityName, Value: v})
		}
	}
}

// readBounded reads a whole small file, refusing more than max bytes.
func readBounded(f file, max int64) ([]byte, error) {
	if f.Size > max {
		return nil, fmt.Errorf("export: file of %d bytes is larger than the %d accepted", f.Size, max)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("export: file is larger than the %d bytes accepted", max)
	}
	return data, nil
}

// finishGoogle fills the claim, the parts and the expectations.
func (l *loader) finishGoogle() {
	ex, g := l.ex, &l.google
	// The export claims the accounts its overview page and its profile
	// name, in that order; when they disagree, both are claimed and the
	// checker reports the conflict from the Identities.
	for _, b := range g.browsers {
		ex.Emails = addClaim(ex.Emails, b.account, NormEmail)
	}
	for _, v := range g.profileEmails {
		ex.Emails = addClaim(ex.Emails, v, NormEmail)
	}
	// Alternate addresses are the same account's, by the page's word.
	for _, v := range g.alternates {
		ex.Emails = addClaim(ex.Emails, v, NormEmail)
	}

	var parts []string
	seen := map[string]bool{}
	for _, f := range l.files {
		if _, under := l.rootRel(f.Path); under && !seen[f.Part] {
			seen[f.Part] = true
			parts = append(parts, f.Part)
		}
	}
	if len(parts) == 0 {
		for _, f := range l.files {
			if !seen[f.Part] {
				seen[f.Part] = true
				parts = append(parts, f.Part)
			}
		}
	}
	for _, name := range parts {
		p := Part{Name: name, Src: Source{Part: name}}
		for _, b := range g.browsers {
			if b.src.Part == name {
				p.Account, p.Src = b.account.Text, b.src
				break
			}
		}
		for _, f := range l.files {
			if f.Part != name || l.isBrowser(f.Path) {
				continue
			}
			rel, _ := l.rootRel(f.Path)
			if g.listed[rel] || g.listed[f.Path] || g.listedNames[listedKey(path.Base(f.Path))] {
				p.Listed = true
				break
			}
		}
		ex.Parts = append(ex.Parts, p)
	}

	add := func(what Need, p string, src *Source) {
		e := Expectation{What: what, Path: p}
		if src != nil {
			e.Found, e.Src = true, *src
		}
		ex.Expected = append(ex.Expected, e)
	}
	root := l.lay.Google.Root + "/"
	add(NeedActivity, root+"My Activity/Assistant/MyActivity.json", g.activityFound)
	add(NeedProfile, root+"Profile/Profile.json", g.profileFound)
	var bsrc *Source
	if len(g.browsers) > 0 {
		s := g.browsers[0].src
		s.Line, s.Field = 0, ""
		bsrc = &s
	}
	add(NeedArchiveBrowser, root+"archive_browser.html", bsrc)
	l.markOtherAudio()
}

// reCopyName is the name a browser gives a second download of the same
// file: "takeout-…-002 (1).zip", "Alexa (2).zip", an extracted "… (1)".
var reCopyName = lazyRegexp(`^(.*\S) \(\d{1,3}\)((?:\.tar)?\.[A-Za-z0-9]{1,4})?$`)

// duplicateParts finds the parts that are a second download of another
// part: named like a browser's copy of it and holding the same members
// (paths and sizes). It returns the files without theirs, and each copy
// with the part it copies. A copy whose members differ is read as a part
// of its own: it may hold anything.
func duplicateParts(files []file) ([]file, map[string]string) {
	// Names first: member lists are built only for a copy and its
	// original (a tree of 200,000 entries has no copy, usually).
	parts := map[string]bool{}
	last := ""
	for i, f := range files {
		if i == 0 || f.Part != last {
			parts[f.Part] = true
			last = f.Part
		}
	}
	cand := map[string]string{} // copy -> original
	for part := range parts {
		head, name := "", part
		if i := strings.LastIndexAny(part, "!/"); i >= 0 {
			head, name = part[:i+1], part[i+1:]
		}
		if m := reCopyName().FindStringSubmatch(name); m != nil && parts[head+m[1]+m[2]] {
			cand[part] = head + m[1] + m[2]
		}
	}
	if len(cand) == 0 {
		return files, nil
	}
	involved := map[string]bool{}
	for c, o := range cand {
		involved[c], involved[o] = true, true
	}
	members := map[string][]string{} // part -> "size path" of its members
	for _, f := range files {
		if !involved[f.Part] {
			continue
		}
		members[f.Part] = append(members[f.Part], strconv.FormatInt(f.Size, 10)+" "+f.Path)
	}
	dups := map[string]string{}
	for part, orig := range cand {
		if sameMembers(members[part], members[orig]) {
			dups[part] = orig
		}
	}
	if len(dups) == 0 {
		return files, nil
	}
	kept := make([]file, 0, len(files))
	for _, f := range files {
		if _, dup := dups[f.Part]; !dup {
			kept = append(kept, f)
		}
	}
	return kept, dups
}

func sameMembers(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// noteDuplicates adds, for every part downloaded twice, a note and (in a
// Takeout) the part, marked as the copy it is: never a foreign part.
func (l *loader) noteDuplicates() {
	dups := l.google.duplicates
	names := make([]string, 0, len(dups))
	for d := range dups {
		names = append(names, d)
	}
	slices.Sort(names)
	for _, d := range names {
		l.ex.Problems = append(l.ex.Problems, Problem{Src: Source{Part: d}, Kind: ProblemDuplicatePart, Copies: dups[d],
			Reason: fmt.Sprintf("a second download of %s with the same files: they are counted once", dups[d])})
		if l.ex.Vendor == Google {
			// Right after the part it copies.
			p := Part{Name: d, DuplicateOf: dups[d], Src: Source{Part: d}}
			at := len(l.ex.Parts)
			if i := slices.IndexFunc(l.ex.Parts, func(q Part) bool { return q.Name == dups[d] }); i >= 0 {
				at = i + 1
			}
			l.ex.Parts = slices.Insert(l.ex.Parts, at, p)
		}
	}
}

// markOtherAudio marks the Takeout audio that is not in a voice-activity
// folder and that no record names: another product's (Google Voice).
func (l *loader) markOtherAudio() {
	for i := range l.ex.Audio {
		a := &l.ex.Audio[i]
		if a.Referenced {
			continue
		}
		if rel, under := l.rootRel(a.Path); under && !l.inVoiceProduct(rel) {
			a.OtherProduct = true
		}
	}
}

// inVoiceProduct: a path below the Takeout root lies in a voice-activity
// product folder, at any depth ("My Activity/Assistant/…").
func (l *loader) inVoiceProduct(rel string) bool {
	dirs := strings.Split(path.Dir(rel), "/")
	for _, d := range dirs {
		if inList(d, l.lay.Google.ActivityFolders) {
			return true
		}
	}
	return false
}
