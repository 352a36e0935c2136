package export

import (
	"fmt"
	"html"
	"path"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"exportlens/app/archive"
)

// The Takeout HTML pages are generated, regular markup: a few patterns
// read them. Go's regexp runs in linear time, so hostile pages cannot
// make these slow.
var (
	reHeaderTitle = lazyRegexp(`(?is)<h1[^>]*class\s*=\s*["'][^"']*\bheader_title\b[^"']*["'][^>]*>(.*?)</h1>`)
	reFileItem    = lazyRegexp(`(?is)<li[^>]*class\s*=\s*["'][^"']*\bfile\b[^"']*["'][^>]*>(.*?)</li>`)
	// The real overview is a nested tree: folder names, and file leaves
	// that hold base names only (see app/export/export.go, "Real exports").
	reFileLeaf    = lazyRegexp(`(?is)<div[^>]*class\s*=\s*["'][^"']*\bextracted-file-name\b[^"']*["'][^>]*>(.*?)</div>`)
	reFolder      = lazyRegexp(`(?is)<div[^>]*class\s*=\s*["'][^"']*\bextracted-folder-name\b[^"']*["'][^>]*>(.*?)</div>`)
	reEmail       = lazyRegexp(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)
	reBreak       = lazyRegexp(`(?is)<br\s*/?>|</(?:p|div|li|h[1-6]|tr|td|b)>`)
	reTag         = lazyRegexp(`(?s)<[^>]*>`)
	reOuterCell   = lazyRegexp(`(?i)<div[^>]*class\s*=\s*["'][^"']*\bouter-cell\b`)
	reContentCell = lazyRegexp(`(?is)<div[^>]*class\s*=\s*["']([^"']*\bcontent-cell\b[^"']*)["'][^>]*>(.*?)</div>`)
	reHeaderCell  = lazyRegexp(`(?is)<p[^>]*class\s*=\s*["'][^"']*mdl-typography--title[^"']*["'][^>]*>(.*?)</p>`)
	reAudioRef    = lazyRegexp(`(?i)(?:src|href)\s*=\s*["']([^"']+\.(?:mp3|wav|ogg|opus|m4a))["']`)
)

// htmlText turns markup into text lines: breaks and block ends become
// newlines, tags go, entities are decoded, no-break spaces are plain.
func htmlText(s string) []string {
	s = reBreak().ReplaceAllString(s, "\n")
	s = reTag().ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	var out []string
	for _, ln := range strings.Split(s, "\n") {
		if ln = cleanSpace(ln); ln != "" {
			out = append(out, ln)
		}
	}
	return out
}

// lineAt counts lines up to a byte offset, continuing from a previous count
// so that many records are counted in one pass.
type lineCounter struct {
	s    string
	off  int
	line int
}

func (c *lineCounter) at(off int) int {
	if c.line == 0 {
		c.line = 1
	}
	if off < c.off {
		c.off, c.line = 0, 1
	}
	c.line += strings.Count(c.s[c.off:off], "\n")
	c.off = off
	return c.line
}

func (l *loader) isBrowser(p string) bool {
	return inList(path.Base(p), l.lay.Google.ArchiveBrowser)
}

// readHTMLFile reads the Takeout pages: the subscriber page, the activity
// page, the overview page (by name, or any page directly under the root
// that has a header_title).
func (l *loader) readHTMLFile(f file) {
	g := &l.lay.Google
	rel, under := l.rootRel(f.Path)
	var parse func(file, string)
	switch {
	case g.SubscriberInfo != "" && strings.HasSuffix(strings.ToLower(f.Path), strings.ToLower(g.SubscriberInfo)):
		parse = l.subscriberInfo
	case l.isActivityFile(f.Path):
		if l.google.jsonDirs[path.Dir(f.Path)] {
			return // the JSON beside it holds the same records
		}
		parse = l.activityHTML
	case l.isBrowser(f.Path) || under && !strings.Contains(rel, "/") || !strings.Contains(f.Path, "/"):
		parse = l.archiveBrowser
	default:
		return
	}
	// The page is read whole and parsed; what is kept are substrings of
	// it, so its text stays charged; as much again is lent for the parse.
	allow := l.allowance()
	if f.Size <= maxHTMLBytes && !allow.take(2*max(f.Size, 0)) {
		l.problem(f, ProblemBudget, fmt.Errorf("not read, %d bytes: %w", f.Size, ErrBudget))
		return
	}
	data, err := readBounded(f, maxHTMLBytes)
	if err != nil {
		l.problem(f, ProblemOpen, err)
		return
	}
	parse(f, string(data))
	allow.give(max(f.Size, 0))
}

// browserPage is what an overview page says.
type browserPage struct {
	Account     string // the e-mail in the header, "" if none
	AccountLine int
	Files       []string // the listed paths, relative to the Takeout root (old list form)
	// Names are the base names of the real tree form's file leaves: the
	// tree does not repeat the product's top folder, so no path can be
	// rebuilt from it that one could trust.
	Names   []string
	Folders int // folder names in the tree form
}

// parseArchiveBrowser reads archive_browser.html: the account its header
// names (in any language: the e-mail is what counts) and the listed files.
func parseArchiveBrowser(s string) (browserPage, bool) {
	var p browserPage
	found := false
	if m := reHeaderTitle().FindStringSubmatchIndex(s); m != nil {
		found = true
		text := strings.Join(htmlText(s[m[2]:m[3]]), " ")
		if e := reEmail().FindString(text); e != "" {
			p.Account = e
			p.AccountLine = strings.Count(s[:m[0]], "\n") + 1
		}
	}
	for _, m := range reFileItem().FindAllStringSubmatch(s, -1) {
		found = true
		if t := strings.Join(htmlText(m[1]), " "); t != "" {
			p.Files = append(p.Files, strings.TrimPrefix(t, "/"))
		}
	}
	for _, m := range reFileLeaf().FindAllStringSubmatch(s, -1) {
		found = true
		if t := strings.Join(htmlText(m[1]), " "); t != "" {
			p.Names = append(p.Names, path.Base(strings.ReplaceAll(t, "\\", "/")))
		}
	}
	if n := len(reFolder().FindAllStringIndex(s, -1)); n > 0 {
		found = true
		p.Folders = n
	}
	return p, found
}

func (l *loader) archiveBrowser(f file, s string) {
	p, ok := parseArchiveBrowser(s)
	if !ok {
		return
	}
	l.googleHits++
	b := browserInfo{src: Source{Part: f.Part, Path: f.Path, Line: p.AccountLine}}
	if p.Account != "" {
		b.src.Field = "header_title"
		b.account = NewValue(p.Account, b.src)
		l.ex.Identities = append(l.ex.Identities, Identity{Kind: IdentityEmail, Value: b.account})
	}
	l.google.browsers = append(l.google.browsers, b)
	if l.google.listed == nil {
		l.google.listed = map[string]bool{}
	}
	for _, name := range p.Files {
		l.google.listed[name] = true
	}
	if l.google.listedNames == nil {
		l.google.listedNames = map[string]bool{}
	}
	for _, name := range p.Names {
		l.google.listedNames[listedKey(name)] = true
	}
}

// Kinds of address on the subscriber page (see SubscriberLabels).
const (
	subUnlabelled = iota // no label this table knows: read as an account address
	subAccount
	subAlternate
	subContact
	subOther // a label of something else ("Name:", "Created on:")
)

// subscriberLabel sorts a label ("e-Mail", "Recovery e-Mail") of the
// subscriber page.
func (l *loader) subscriberLabel(label string) int {
	key := func(s string) string {
		s = strings.ToLower(norm.NFC.String(s))
		return strings.NewReplacer(" ", "", "-", "", ":", "", "\u00a0", "").Replace(s)
	}
	k := key(label)
	for _, c := range []struct {
		kind  int
		names []string
	}{
		{subAccount, l.lay.Google.SubscriberLabels.Account},
		{subAlternate, l.lay.Google.SubscriberLabels.Alternate},
		{subContact, l.lay.Google.SubscriberLabels.Contact},
	} {
		for _, n := range c.names {
			if key(n) == k {
				return c.kind
			}
		}
	}
	return subOther
}

// reLabel is a "Label: value" line of the subscriber page: a label is a
// few words, not a sentence.
var reLabel = lazyRegexp(`^([^:@]{1,60}):\s*(.*)$`)

// subscriberInfo reads the e-mail addresses of the subscriber page, each
// with its line, sorted by the label they stand under (real pages:
// "<li>e-Mail: …</li>", "<li>Alternate e-Mails: …</li>", "<li>Recovery
// e-Mail: …</li>"). The account's address is an identity; alternate ones
// are the same account (claimed); contact and recovery addresses are where
// the account is reached, not accounts: kept apart, never compared. An
// address under no label the table knows is read as an identity, as the
// page's account would be.
func (l *loader) subscriberInfo(f file, s string) {
	l.googleHits++
	kind := subUnlabelled
	for i, ln := range strings.Split(s, "\n") {
		for _, text := range htmlText(ln) {
			if m := reLabel().FindStringSubmatch(text); m != nil {
				kind, text = l.subscriberLabel(m[1]), m[2]
			}
			for _, e := range reEmail().FindAllString(text, 16) {
				src := Source{Part: f.Part, Path: f.Path, Line: i + 1, Field: "email"}
				v := NewValue(e, src)
				switch kind {
				case subContact:
					l.ex.ContactEmails = append(l.ex.ContactEmails, v)
				case subAlternate:
					src.Field = "alternate"
					l.google.alternates = append(l.google.alternates, NewValue(e, src))
				default:
					l.ex.Identities = append(l.ex.Identities, Identity{Kind: IdentityEmail, Value: v})
				}
			}
		}
	}
}

// htmlActivity is one record of MyActivity.html.
type htmlActivity struct {
	Line     int
	Header   string
	Title    string
	Time     time.Time
	Zone     string   // the zone abbreviation of Time when no table knows it
	Other    []string // further text lines of the record (the answer)
	Products []string
	Details  []string
	Audio    []string
}

// parseActivityHTML splits MyActivity.html into its record cells.
func parseActivityHTML(s string) []htmlActivity {
	var out []htmlActivity
	idx := reOuterCell().FindAllStringIndex(s, maxActivityRecs)
	lc := lineCounter{s: s}
	for k, m := range idx {
		end := len(s)
		if k+1 < len(idx) {
			end = idx[k+1][0]
		}
		cell := s[m[0]:end]
		a := htmlActivity{Line: lc.at(m[0])}
		if h := reHeaderCell().FindStringSubmatch(cell); h != nil {
			a.Header = strings.Join(htmlText(h[1]), " ")
		}
		for _, c := range reContentCell().FindAllStringSubmatch(cell, -1) {
			class, body := c[1], c[2]
			lines := htmlText(body)
			switch {
			case strings.Contains(class, "caption"):
				var sect *[]string
				for _, ln := range lines {
					switch {
					case strings.HasSuffix(ln, ":") && strings.HasPrefix(strings.ToLower(ln), "product"):
						sect = &a.Products
					case strings.HasSuffix(ln, ":") && (strings.HasPrefix(strings.ToLower(ln), "detail") || strings.HasPrefix(strings.ToLower(ln), "détail")):
						sect = &a.Details
					case strings.HasSuffix(ln, ":"):
						sect = nil
					case sect != nil:
						*sect = append(*sect, ln)
					}
				}
			case strings.Contains(class, "text-right"):
			default:
				for _, ln := range lines {
					if a.Title == "" {
						a.Title = ln
						continue
					}
					if t, zone, ok := parseTimeZone(ln); ok && a.Time.IsZero() {
						a.Time, a.Zone = t, zone
						continue
					}
					a.Other = append(a.Other, ln)
				}
			}
		}
		for _, r := range reAudioRef().FindAllStringSubmatch(cell, 8) {
			a.Audio = append(a.Audio, html.UnescapeString(r[1]))
		}
		if a.Title != "" {
			out = append(out, a)
		}
	}
	return out
}

func (l *loader) activityHTML(f file, s string) {
	recs := parseActivityHTML(s)
	if len(recs) == 0 {
		return
	}
	l.googleHits++
	inFolder := l.inActivityFolder(f.Path)
	allow := l.allowance()
	kept := 0
	for k, a := range recs {
		if k%yieldEvery == 0 {
			archive.Yield()
		}
		rec := activityRecord{Header: a.Header, Title: a.Title, Products: a.Products, Audio: a.Audio}
		if !inFolder && !l.assistantRecord(rec) {
			continue
		}
		if !allow.take(htmlRecordingCost) {
			l.problem(f, ProblemBudget, &budgetError{n: kept, unit: "records"})
			break
		}
		kept++
		src := Source{Part: f.Part, Path: f.Path, Line: a.Line}
		at := placeOf(src) // the record's values are all on its line
		text, spoken := l.said(a.Title)
		l.zoneUnknown(f, a.Zone)
		if !spoken && !hasAudio(a.Audio) {
			act := Activity{Title: Value{Text: text, at: at}, Time: a.Time, ZoneUnknown: a.Zone, Src: src}
			for _, d := range a.Details {
				if inList(d, l.lay.Google.Unrecognized) && act.Unrecognized.Empty() {
					act.Unrecognized = Value{Text: d, at: at}
				}
			}
			l.ex.Activity = append(l.ex.Activity, act)
			continue
		}
		r := l.newRecording(f.Path+":"+strconv.Itoa(a.Line), at)
		r.Time = a.Time
		r.SetZoneUnknown(a.Zone)
		r.Set(FieldTranscript, Value{Text: text, at: at})
		if len(a.Other) > 0 {
			r.Set(FieldResponse, Value{Text: strings.Join(a.Other, "\n"), at: at})
		}
		for _, d := range a.Details {
			if inList(d, l.lay.Google.Unrecognized) && !r.Unrecognized {
				r.SetUnrecognized(Value{Text: d, at: at})
			}
		}
		l.joinTakeoutAudio(f, &r, a.Audio, Value{at: at})
		l.addRecording(r)
	}
	// Every product folder has an activity page: the one that counts is
	// the voice product's (or one holding its records).
	if l.google.activityFound == nil && (inFolder || kept > 0) {
		l.google.activityFound = &Source{Part: f.Part, Path: f.Path}
	}
}

// listedKey is how a base name of the overview tree is compared with a
// member's base name: as people see it (case, composed accents).
func listedKey(name string) string {
	return strings.ToLower(norm.NFC.String(strings.TrimSpace(name)))
}
