package view

import (
	"html"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"exportlens/app/check"
	"exportlens/app/export"
)

// Presenter mode (issue 12): for a demo on a projector or a screenshot,
// the pages show the finding without the data. Every identifier the export
// holds (names, e-mail addresses, customer IDs, serials and device names,
// voice profile IDs and names) is shown as a pseudonym that stays the same
// wherever it appears ("Person A", "Device 1"), and what was said (a
// transcript, a response, a transcript document's line) is not shown at
// all. The export is not changed: the pages ask Pseudonyms for what to show.

// PseudoKind is what kind of identifier a pseudonym stands for.
type PseudoKind int

const (
	PseudoPerson  PseudoKind = iota // a person's name
	PseudoEmail                     // an e-mail address
	PseudoAccount                   // a customer or person ID
	PseudoDevice                    // a device serial or name
	PseudoProfile                   // a voice profile ID or name
	numPseudoKinds
)

// Pseudonym is one identifier's stand-in: its kind and its number among
// that kind's values (0 for the first). The claim's values come first, so
// the account the export says it belongs to is "Person A" / "Account A".
type Pseudonym struct {
	Kind PseudoKind
	N    int
}

// pseudoWords are the pseudonyms' words in each language; a letter (A, B,
// …) or a number follows.
var pseudoWords = [numPseudoKinds]struct {
	en, de string
	letter bool
}{
	PseudoPerson:  {"Person", "Person", true},
	PseudoEmail:   {"E-mail of person", "E-Mail von Person", true},
	PseudoAccount: {"Account", "Konto", true},
	PseudoDevice:  {"Device", "Gerät", false},
	PseudoProfile: {"Voice profile", "Stimmprofil", false},
}

// Text is the pseudonym in lang ("Person A", "Gerät 2").
func (p Pseudonym) Text(lang string) string {
	w := pseudoWords[p.Kind]
	word := w.en
	if lang == "de" {
		word = w.de
	}
	if w.letter {
		return word + " " + letters(p.N)
	}
	return word + " " + strconv.Itoa(p.N+1)
}

// letters numbers n as A … Z, AA, AB, ….
func letters(n int) string {
	s := ""
	for {
		s = string(rune('A'+n%26)) + s
		n = n/26 - 1
		if n < 0 {
			return s
		}
	}
}

// minPseudoLen: shorter values ("1", "TV") are not replaced inside other
// text, where they would turn up in every number and word; as a whole
// value they still are.
const minPseudoLen = 3

// Pseudonyms are an export's identifiers and what its records say, for
// presenter mode. Made once per report (NewPseudonyms); read-only after.
type Pseudonyms struct {
	of    map[string]Pseudonym // value as written (and its variants) → pseudonym
	forms map[byte][]string    // the keys of of that are replaced inside text, by first byte, longest first
	// said holds every transcript, response and transcript line (trimmed):
	// text that is never shown.
	said map[string]bool
	// saidIn lists, for each file (FileKey), the records read from it,
	// by the line they start on, with what they say: a page of the file's
	// lines hides what the records on it say (SaidOn).
	saidIn map[string][]saidAt
	// saidPtr maps each JSON document (FileKey) to the pointers of its
	// records' elements and what each record says.
	saidPtr map[string]map[string][]string
	count   [numPseudoKinds]int
}

// saidAt is a record of a file: where it starts (a PDF's page and line;
// a text's line, page 0) and what it says.
type saidAt struct {
	page, line int
	said       []string
}

func (a saidAt) before(page, line int) bool { return a.page < page || a.page == page && a.line < line }

// NewPseudonyms collects the identifiers of x and of its report r, the
// claim's first, then the devices and profiles as the overview lists
// them, then the records'.
func NewPseudonyms(x *export.Export, r *check.Report) *Pseudonyms {
	p := &Pseudonyms{of: map[string]Pseudonym{}, said: map[string]bool{}, saidIn: map[string][]saidAt{}, saidPtr: map[string]map[string][]string{}}
	if x == nil {
		return p
	}
	for _, v := range x.Names {
		p.add(PseudoPerson, v)
	}
	for _, v := range x.Emails {
		p.add(PseudoEmail, v)
	}
	for _, v := range x.CustomerIDs {
		p.add(PseudoAccount, v)
	}
	if r != nil {
		d := r.Claim.Declared
		for _, v := range d.Emails {
			p.addText(PseudoEmail, v)
		}
		for _, v := range d.CustomerIDs {
			p.addText(PseudoAccount, v)
		}
		for _, v := range slices.Concat(d.Devices, d.NotMineDevices) {
			p.addText(PseudoDevice, v)
		}
		for _, v := range d.NotMineProfiles {
			p.addText(PseudoProfile, v)
		}
	}
	for _, v := range x.ContactEmails {
		p.add(PseudoEmail, v)
	}
	// A device type code names a product, not a person: it stays.
	products := map[string]bool{}
	for _, d := range x.Devices {
		p.add(PseudoDevice, d.Serial)
		p.alias(d.Name, d.Serial)
		p.add(PseudoDevice, d.Name)
		p.add(PseudoAccount, d.CustomerID)
		products[strings.TrimSpace(d.Type.Text)] = true
	}
	for _, v := range x.VoiceProfiles {
		p.add(PseudoProfile, v.ID)
		p.alias(v.Name, v.ID)
		p.add(PseudoProfile, v.Name)
		p.add(PseudoAccount, v.CustomerID)
	}
	for _, id := range x.Identities {
		p.add(identityPseudo[id.Kind], id.Value)
	}
	for _, part := range x.Parts {
		p.addText(PseudoEmail, part.Account)
	}
	for i := range x.Recordings {
		rec := &x.Recordings[i]
		p.add(PseudoAccount, rec.CustomerID())
		p.add(PseudoDevice, rec.Device())
		p.alias(rec.DeviceName(), rec.Device())
		p.add(PseudoDevice, rec.DeviceName())
		products[strings.TrimSpace(rec.DeviceType().Text)] = true
		p.add(PseudoAccount, rec.PersonID())
		p.add(PseudoPerson, rec.PersonName())
		var said []string
		for _, v := range []export.Value{rec.Transcript(), rec.Response()} {
			said = append(said, p.addSaid(v.Text)...)
			said = append(said, p.addSaid(v.Raw())...)
		}
		p.addRecord(rec.Src(), said)
	}
	for _, l := range x.Transcripts {
		said := p.addSaid(l.Text)
		p.addRecord(l.Src, said)
	}
	for _, v := range x.Activity {
		if v.Src.Path == "" {
			continue
		}
		// An activity's lines end the record before it (SaidOn).
		key := FileKey(v.Src.Part, v.Src.Path)
		p.saidIn[key] = append(p.saidIn[key], saidAt{page: v.Src.Page, line: v.Src.Line})
	}
	for key, v := range p.saidIn {
		slices.SortStableFunc(v, func(a, b saidAt) int {
			if a.page != b.page {
				return a.page - b.page
			}
			return a.line - b.line
		})
		p.saidIn[key] = v
	}
	if r != nil {
		// What a finding names that the export's tables do not (a value
		// of a column the layout maps): by its look.
		for _, f := range r.Findings {
			for _, e := range f.Evidence {
				if !products[strings.TrimSpace(e.Value)] {
					p.addGuess(e.Value)
					p.addGuess(e.Raw)
				}
			}
		}
	}
	p.forms = map[byte][]string{}
	for k := range p.of {
		if len(k) >= minPseudoLen {
			p.forms[k[0]] = append(p.forms[k[0]], k)
		}
	}
	for _, v := range p.forms {
		slices.SortFunc(v, func(a, b string) int {
			if len(a) != len(b) {
				return len(b) - len(a)
			}
			return strings.Compare(a, b)
		})
	}
	return p
}

var identityPseudo = map[export.IdentityKind]PseudoKind{
	export.IdentityCustomerID: PseudoAccount,
	export.IdentityEmail:      PseudoEmail,
	export.IdentityName:       PseudoPerson,
}

func (p *Pseudonyms) add(k PseudoKind, v export.Value) {
	p.addText(k, v.Text)
	p.addText(k, v.Raw())
}

// addText gives s a pseudonym of kind k unless it has one: under its
// forms as written, trimmed, in other case (e-mail addresses and IDs are
// compared without it), HTML-escaped and URL-escaped (as the files write
// it), and as people are shown it (check.Show).
func (p *Pseudonyms) addText(k PseudoKind, s string) {
	s = strings.TrimSpace(s)
	if s == "" || s == "N/A" {
		return
	}
	if _, ok := p.of[s]; ok {
		return
	}
	if _, ok := p.of[strings.ToLower(s)]; ok {
		p.of[s] = p.of[strings.ToLower(s)]
		return
	}
	ps := Pseudonym{Kind: k, N: p.count[k]}
	p.count[k]++
	p.put(s, ps)
}

// alias gives name the pseudonym of the identifier of (a device's name
// that of its serial): one device is one pseudonym. A name that already
// has one keeps it.
func (p *Pseudonyms) alias(name, of export.Value) {
	ps, ok := p.Of(of.Text)
	if !ok {
		return
	}
	for _, s := range []string{name.Text, name.Raw()} {
		if s = strings.TrimSpace(s); s != "" && s != "N/A" {
			if _, had := p.Of(s); !had {
				p.put(s, ps)
			}
		}
	}
}

// put files s under ps in every form it may be written in.
func (p *Pseudonyms) put(s string, ps Pseudonym) {
	for _, f := range []string{s, strings.ToLower(s), strings.ToUpper(s), html.EscapeString(s), url.QueryEscape(s), check.Show(s).Text} {
		if _, ok := p.of[f]; !ok && f != "" {
			p.of[f] = ps
		}
	}
}

// addGuess gives a value a finding names a pseudonym by its look: an
// e-mail address, or an account's ID.
func (p *Pseudonyms) addGuess(s string) {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, "/\\") { // a path: files are no identifiers
		return
	}
	if strings.Contains(s, "@") {
		p.addText(PseudoEmail, s)
		return
	}
	p.addText(PseudoAccount, s)
}

// addRecord files what a record read at src says under its place.
func (p *Pseudonyms) addRecord(src export.Source, said []string) {
	if src.Path == "" || len(said) == 0 {
		return
	}
	key := FileKey(src.Part, src.Path)
	if src.Pointer != "" {
		if p.saidPtr[key] == nil {
			p.saidPtr[key] = map[string][]string{}
		}
		p.saidPtr[key][src.Pointer] = append(p.saidPtr[key][src.Pointer], said...)
	}
	p.saidIn[key] = append(p.saidIn[key], saidAt{page: src.Page, line: src.Line, said: said})
}

// addSaid records what a record says, and its lines each on their own
// (answers joined by line breaks); it returns what it recorded.
func (p *Pseudonyms) addSaid(s string) []string {
	var out []string
	vs := []string{s}
	if strings.Contains(s, "\n") {
		vs = append(vs, strings.Split(s, "\n")...)
	}
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" && !slices.Contains(out, v) {
			p.said[v] = true
			out = append(out, v)
		}
	}
	return out
}

// Of returns the pseudonym of the identifier s; false when s is none.
func (p *Pseudonyms) Of(s string) (Pseudonym, bool) {
	if p == nil {
		return Pseudonym{}, false
	}
	ps, ok := p.of[strings.TrimSpace(s)]
	if !ok {
		ps, ok = p.of[strings.ToLower(strings.TrimSpace(s))]
	}
	return ps, ok
}

// Text is s with every identifier in it replaced by its pseudonym in
// lang: a whole value, or one inside a sentence or a line of a file.
func (p *Pseudonyms) Text(lang, s string) string {
	if p == nil || s == "" {
		return s
	}
	if ps, ok := p.Of(s); ok {
		return ps.Text(lang)
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		f := p.formAt(s, i)
		if f == "" {
			b.WriteByte(s[i])
			i++
			continue
		}
		b.WriteString(p.of[f].Text(lang))
		i += len(f)
	}
	return b.String()
}

// formAt is the longest form that starts at s[i:]; "" when none does.
func (p *Pseudonyms) formAt(s string, i int) string {
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); isWordRune(r) && isWordRune(rune(s[i])) {
			return "" // inside a word: "Max" is not replaced in "Maximum"
		}
	}
	for _, f := range p.forms[s[i]] {
		if !strings.HasPrefix(s[i:], f) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s[i+len(f):]); i+len(f) < len(s) && isWordRune(r) && isWordRune(lastRune(f)) {
			continue
		}
		return f
	}
	return ""
}

// Said reports whether s is something a record says (a whole transcript,
// response or transcript line): presenter mode does not show it.
func (p *Pseudonyms) Said(s string) bool {
	return p != nil && p.said[strings.TrimSpace(s)]
}

// SaidOn lists what the records of file key say that stand on lines
// from to to of page (0 but for a PDF): those starting there, and the one
// a line of which from is (its lines go on to the next record's). The
// words to hide on a page of those lines.
func (p *Pseudonyms) SaidOn(key string, page, from, to int) []string {
	if p == nil {
		return nil
	}
	recs := p.saidIn[key]
	i := sort.Search(len(recs), func(j int) bool { return !recs[j].before(page, from+1) })
	if i > 0 && recs[i-1].page == page { // the record the lines start inside, and those beside it
		start := recs[i-1].line
		for i > 0 && recs[i-1].page == page && recs[i-1].line == start {
			i--
		}
	}
	var out []string
	for ; i < len(recs) && recs[i].before(page, to+1); i++ {
		out = append(out, recs[i].said...)
	}
	return out
}

// SaidAt maps the pointers of the records of JSON document key to what
// each says (nil when it holds none).
func (p *Pseudonyms) SaidAt(key string) map[string][]string {
	if p == nil {
		return nil
	}
	return p.saidPtr[key]
}

// SaidCell reports whether a table cell, as shown (cut to MaxCellShown),
// is something a record says.
func (p *Pseudonyms) SaidCell(cell string) bool {
	if p == nil || strings.TrimSpace(cell) == "" {
		return false
	}
	if p.Said(cell) {
		return true
	}
	if len(cell) < MaxCellShown-utf8.UTFMax {
		return false
	}
	for v := range p.said {
		if strings.HasPrefix(v, cell) {
			return true
		}
	}
	return false
}

func lastRune(s string) rune { r, _ := utf8.DecodeLastRuneInString(s); return r }
