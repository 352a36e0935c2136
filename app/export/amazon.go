package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"exportlens/app/archive"
)

// compiledTable is a Table ready for matching headers.
type compiledTable struct {
	key   string            // mapping key, e.g. "voiceHistory"
	what  string            // Expectation.What, e.g. "voice-history"
	t     *Table            //
	alias map[string]string // normColumn(column name) -> field
	found *Source           // the first file recognised as this table
}

// compile prepares the vendor table for matching.
func (l *loader) compile() {
	lay := &l.lay.Amazon
	l.tabs = []compiledTable{
		{key: "customerProfile", what: "customer-profile", t: &lay.CustomerProfile},
		{key: "registration", what: "registration", t: &lay.Registration},
		{key: "voiceHistory", what: "voice-history", t: &lay.VoiceHistory},
		{key: "voiceProfiles", what: "voice-profiles", t: &lay.VoiceProfiles},
		{key: "alexaDevices", what: "alexa-devices", t: &lay.AlexaDevices},
		{key: "feedback", what: "feedback", t: &lay.Feedback},
		{key: "searchData", what: "search-data", t: &lay.SearchData},
	}
	l.known = map[string]bool{}
	for i := range l.tabs {
		ct := &l.tabs[i]
		ct.alias = map[string]string{}
		for field, names := range ct.t.Columns {
			for _, n := range names {
				k := normColumn(n)
				if k == "" {
					continue
				}
				ct.alias[k] = field
				l.known[k] = true
			}
		}
	}
	l.custCols = map[string]bool{}
	for _, n := range lay.CustomerID {
		l.custCols[normColumn(n)] = true
		l.known[normColumn(n)] = true
	}
}

// classify picks the table whose required fields a header has, preferring
// the one that matches the most columns, then the one whose file name fits.
// cols maps each field of the chosen table to its column.
func (l *loader) classify(header []string, p string) (*compiledTable, map[string]int) {
	var best *compiledTable
	var bestCols map[string]int
	bestScore := 0
	for i := range l.tabs {
		ct := &l.tabs[i]
		cols := map[string]int{}
		for c, h := range header {
			if f, ok := ct.alias[normColumn(h)]; ok {
				if _, seen := cols[f]; !seen {
					cols[f] = c
				}
			}
		}
		if !hasRequired(cols, ct.t.Required) {
			continue
		}
		score := 2 * len(cols)
		if strings.EqualFold(path.Base(p), ct.t.File) {
			score++
		}
		if score > bestScore {
			best, bestCols, bestScore = ct, cols, score
		}
	}
	return best, bestCols
}

func hasRequired(cols map[string]int, req [][]string) bool {
	if len(cols) == 0 {
		return false
	}
	for _, group := range req {
		ok := false
		for _, f := range group {
			if _, has := cols[f]; has {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// tableRow reads the cells of one CSV row as Values.
type tableRow struct {
	l    *loader
	f    file
	t    *csvColumns
	cols map[string]int
	rw   csvRow
	hdr  csvHeader    // Line, End and RowBytes: where the table starts, how long its rows are
	bad  map[int]bool // cells of this row in ID columns without the identifier's shape
}

// csvColumns are the columns of one CSV file and the origins their values
// share: every row's cell of a column points to the same one.
type csvColumns struct {
	f       file
	header  []string
	origins []*origin     // by column: part, path and the column's name
	row     *origin       // the rows themselves (no field)
	rec     *fieldOrigins // a voice-history row's values, by Field (historyRow)
	// hist are the columns of a voice-history row's values by Field, and of
	// its utterance ID and time (-1: none): looked up once per table, not
	// by name on every row.
	hist           [numFields]int
	histID, histAt int
}

func newCSVColumns(f file, header []string) *csvColumns {
	t := &csvColumns{f: f, header: header, origins: make([]*origin, len(header)), row: &origin{part: f.Part, path: f.Path}}
	for c, h := range header {
		t.origins[c] = &origin{part: f.Part, path: f.Path, field: h}
	}
	return t
}

// origin is column c's origin; the row's for a cell beyond the header.
func (t *csvColumns) origin(c int) *origin {
	if c < len(t.origins) {
		return t.origins[c]
	}
	return t.row
}

func (r tableRow) src() Source { return Source{Part: r.f.Part, Path: r.f.Path, Line: r.rw.Line} }

// place is the row's place (for a Recording).
func (r tableRow) place() place { return place{o: r.t.row, line: clampLine(r.rw.Line)} }

// get returns the field's cell; an absent column or cell is an empty Value
// (with Src naming the expected column when known).
func (r tableRow) get(field string) Value {
	c, ok := r.cols[field]
	if !ok {
		return Value{}
	}
	return r.column(c)
}

// column returns column c's cell (get's, by index; -1 is no column).
func (r tableRow) column(c int) Value {
	if c < 0 || r.bad[c] {
		return Value{}
	}
	return r.l.cell(r.t, r.rw, c)
}

// cell turns a CSV cell into a Value: trimmed, "N/A" emptied, double
// encoding repaired with the original kept in Raw.
func (l *loader) cell(cols *csvColumns, rw csvRow, c int) Value {
	v := Value{at: place{o: cols.origin(c), line: clampLine(rw.Line)}}
	if c >= len(rw.Cells) {
		return v
	}
	raw := rw.Cells[c]
	// NUL padding (the real Feedback-N.csv pads its DSN with NULs) is
	// never part of a value.
	t := trimCell(raw)
	if t == "" || l.isEmpty(t) {
		return v
	}
	if fixed, ok := repairUTF8(t); ok {
		v.Text = fixed
	} else {
		v.Text = t
	}
	if v.Text != raw {
		// Evidence shows what the file really says: spaces and mojibake too.
		v = v.WithRaw(l.texts.own(raw))
		l.rawCells++
	}
	return v
}

// trimCell is raw without the spaces and NULs around it. Most cells start
// and end with a printable ASCII byte and are returned as they are:
// strings.TrimFunc decodes a rune at each end and calls its function,
// for every cell of a table.
func trimCell(raw string) string {
	if raw == "" {
		return ""
	}
	if first, last := raw[0], raw[len(raw)-1]; first > ' ' && first < utf8.RuneSelf && last > ' ' && last < utf8.RuneSelf {
		return raw
	}
	return strings.TrimFunc(raw, func(r rune) bool { return r == 0 || unicode.IsSpace(r) })
}

// isEmpty reports whether a cell text means "no value". It compares
// without allocating: it runs for every cell.
func (l *loader) isEmpty(t string) bool {
	if len(t) > 8 {
		return false
	}
	for _, e := range l.lay.Empty {
		if strings.EqualFold(strings.TrimSpace(e), t) {
			return true
		}
	}
	return false
}

// columnSet is a set of a table's columns: a slice, for extra asks it of
// every cell of every row (a map was a twentieth of a big voice history's
// load).
type columnSet struct {
	on []bool
	n  int // columns in the set
}

func (s *columnSet) add(c int) {
	if c < 0 {
		return
	}
	if c >= len(s.on) {
		s.on = append(s.on, make([]bool, c+1-len(s.on))...)
	}
	if !s.on[c] {
		s.on[c] = true
		s.n++
	}
}

func (s columnSet) has(c int) bool { return c >= 0 && c < len(s.on) && s.on[c] }

// extra returns the non-empty cells of columns the table does not map.
func (r tableRow) extra(skip columnSet) []Value {
	var out []Value
	for c := range r.rw.Cells {
		if skip.has(c) {
			continue
		}
		if v := r.l.cell(r.t, r.rw, c); !v.Empty() {
			out = append(out, v)
		}
	}
	return out
}

// readCSVFile streams one CSV: recognises its table by the header, turns
// rows into records and every customer-ID cell into an Identity.
func (l *loader) readCSVFile(f file) {
	rc, err := f.Open()
	if err != nil {
		l.problem(f, ProblemOpen, err)
		return
	}
	defer rc.Close()

	var (
		header  []string
		cc      *csvColumns
		hdr     csvHeader
		tab     *compiledTable
		cols    map[string]int
		custIdx []int
		mapped  columnSet
		n, kept int
		allow   = l.allowance()
		shapes  *idColumns
	)
	defer func() {
		if shapes != nil {
			shapes.notes()
		}
	}()
	known := func(c string) bool { return l.known[c] }
	head := func(h csvHeader) error {
		hdr = csvHeader{Line: h.Line, End: h.End, RowBytes: h.RowBytes}
		header = make([]string, len(h.Cells))
		for i, c := range h.Cells {
			header[i] = strings.TrimSpace(strings.TrimPrefix(c, "\ufeff"))
			if l.custCols[normColumn(c)] {
				custIdx = append(custIdx, i)
			}
		}
		cc = newCSVColumns(f, header)
		tab, cols = l.classify(header, f.Path)
		if tab == nil && l.isAlexaFile(f.Path) {
			l.amazonHits++ // an Alexa.zip file we read nothing from: still Amazon's
		}
		if tab != nil {
			l.amazonHits++
			if tab.found == nil {
				tab.found = &Source{Part: f.Part, Path: f.Path, Line: h.Line}
			}
			if tab.key == "voiceHistory" {
				l.histories++
			}
			for _, c := range cols {
				mapped.add(c)
			}
			for _, c := range custIdx {
				mapped.add(c)
			}
		}
		shapes = newIDColumns(l, cc, tab, cols, custIdx)
		return nil
	}
	row := func(rw csvRow) error {
		if n++; n%yieldEvery == 0 {
			archive.Yield()
			if err := l.ctx.Err(); err != nil {
				return err
			}
		}
		if tab != nil || len(custIdx) > 0 {
			if !allow.take(rowCost(tab, rw, len(custIdx), mapped.n)) {
				return &budgetError{n: kept, unit: "rows"}
			}
			kept++
		}
		// A value in an ID column without the identifier's shape (the
		// documentation row under a header, a placeholder) is no identity:
		// a row whose ID cells all lack it is not read at all.
		if ids, bad := shapes.check(rw); bad > 0 && bad == ids {
			return nil
		}
		// Cells whose raw text differs have an origin of their own:
		// charged once the row is read (they are rare). A voice-history
		// row, or one read only for its customer IDs, keeps texts of its
		// own, not the row (keptTexts): what the row's text was charged
		// beyond them goes back to the budget.
		raws, own := l.rawCells, l.keptBytes()
		detached := tab == nil || tab.key == "voiceHistory"
		defer func() {
			allow.charge(int64(l.rawCells-raws) * originCost)
			if spent := l.keptBytes() - own; detached {
				allow.give(cellBytes(rw.Cells) - spent)
			} else {
				allow.charge(spent)
			}
		}()
		// A voice-history row's customer ID is its Recording's: kept there
		// only (Export.AllIdentities).
		recCust, onRec := -1, false
		if tab != nil && tab.key == "voiceHistory" {
			if c, ok := cols["customerId"]; ok {
				recCust = c
			}
		}
		for _, c := range custIdx {
			if v := l.cell(cc, rw, c); !v.Empty() && !shapes.bad[c] {
				if c == recCust {
					onRec = true
					continue
				}
				v.Text = l.texts.share(v.Text)
				l.ex.Identities = append(l.ex.Identities, Identity{Kind: IdentityCustomerID, Value: v})
			}
		}
		if tab == nil {
			return nil
		}
		r := tableRow{l: l, f: f, t: cc, cols: cols, rw: rw, hdr: hdr, bad: shapes.bad}
		switch tab.key {
		case "customerProfile":
			l.profileRow(r)
		case "registration":
			l.registrationRow(r, mapped)
		case "voiceHistory":
			l.historyRow(r, mapped)
			l.ex.Recordings[len(l.ex.Recordings)-1].customerIdentity = onRec
		case "voiceProfiles":
			l.voiceProfileRow(r, mapped)
		case "alexaDevices":
			l.alexaDeviceRow(r, mapped, ListAlexaDevices)
		case "feedback":
			l.alexaDeviceRow(r, mapped, ListFeedback)
		case "searchData":
			l.searchDataRow(r)
		}
		return nil
	}
	if err := readCSV(rc, known, l.lay.Footer, head, row); err != nil {
		if l.ctx.Err() != nil {
			return
		}
		if errors.Is(err, ErrBudget) {
			l.problem(f, ProblemBudget, err)
			return
		}
		l.problem(f, ProblemCSV, fmt.Errorf("export: csv: %w", err))
	}
}

// rowCost is the memory a row keeps once read: its text, the record it
// becomes with the values of its unknown columns (mapped are the known
// ones), and an identity per customer-ID cell. Measured on the 100,000
// rows of TestLoadBudgetHolds100000Recordings: charged 54 MB (text 25,
// records and identities 29); the heap held 62 MB, the tree's indexes
// (Export.Audio and the path maps, outside the budget) included.
func rowCost(tab *compiledTable, rw csvRow, ids, mapped int) int64 {
	n := cellBytes(rw.Cells) + int64(ids)*identityCost
	if tab == nil {
		return n
	}
	switch tab.key {
	case "voiceHistory":
		n += recordingCost
	case "registration", "alexaDevices", "feedback":
		n += deviceCost
	case "searchData":
		n += identityCost // Last Known Customer ID
	case "voiceProfiles":
		n += profileCost
	}
	return n + int64(max(len(rw.Cells)-mapped, 0))*valueCost // Extra
}

func (l *loader) profileRow(r tableRow) {
	l.ex.CustomerIDs = addClaim(l.ex.CustomerIDs, r.get("customerId"), NormID)
	l.ex.Emails = addClaim(l.ex.Emails, r.get("email"), NormEmail)
	l.ex.Names = addClaim(l.ex.Names, r.get("name"), NormName)
}

// addClaim appends v unless it is empty or already claimed (normalised).
func addClaim(list []Value, v Value, norm func(string) string) []Value {
	if v.Empty() {
		return list
	}
	for _, w := range list {
		if norm(w.Text) == norm(v.Text) {
			return list
		}
	}
	return append(list, v)
}

func (l *loader) registrationRow(r tableRow, mapped columnSet) {
	d := Device{
		Serial:     r.get("serial"),
		Type:       r.get("type"),
		Name:       r.get("name"),
		CustomerID: r.get("customerId"),
		Src:        r.src(),
		Extra:      r.extra(mapped),
	}
	if t, ok := parseTime(r.get("registered").Text); ok {
		d.Registered = t
	} else if t, ok := parseTime(r.get("firstRegistered").Text); ok {
		d.Registered = t
	}
	if t, ok := parseTime(r.get("lastRegistered").Text); ok && d.Registered.IsZero() {
		d.Registered = t
	}
	d.Model = r.get("model")
	d.Inactive = strings.EqualFold(r.get("state").Text, "INACTIVE") || !r.get("deregistered").Empty()
	l.ex.Devices = append(l.ex.Devices, d)
}

// alexaDeviceRow reads a serial of the Alexa side's lists (Smart Home
// devices, feedback) as a device of the account: not a registration (no
// type, no state), but a serial the account's own files name, so a
// recording from it is the account's.
func (l *loader) alexaDeviceRow(r tableRow, mapped columnSet, list DeviceList) {
	d := Device{Serial: r.get("serial"), Src: r.src(), List: list, Extra: r.extra(mapped)}
	if d.Serial.Empty() {
		return
	}
	d.Name = r.get("name")
	if d.Name.Empty() {
		d.Name = r.get("applianceName")
	}
	if l.listed == nil {
		l.listed = map[string]bool{}
	}
	k := string(list) + "\x00" + NormID(d.Serial.Text)
	if l.listed[k] {
		return // feedback names its device once per piece of feedback
	}
	l.listed[k] = true
	l.ex.Devices = append(l.ex.Devices, d)
}

// searchDataRow reads the account's numeric customer IDs as identities
// (the "Customer ID" column already is one, as a CustomerID column of the
// vendor table). They are Amazon's retail numbering of the account, which
// the Alexa customer IDs ("A…") of the claim and the voice history do not
// share (CustomerIDNumbering): the checks compare an ID only with the
// claim's IDs of its own numbering, and a declared numeric ID with these.
//
// Two different numbers here ("Customer ID" and "Last Known Customer ID",
// the customer signed in before on that browser or app) are not a mismatch
// by themselves: the file is the account's own search data, and a number of
// a household member who once signed in on the same browser is no data of
// another account in the export. So they are not claimed either: a claim
// taken from them could make a stranger's number look like the account's.
func (l *loader) searchDataRow(r tableRow) {
	if v := r.get("lastCustomerId"); !v.Empty() {
		l.ex.Identities = append(l.ex.Identities, Identity{Kind: IdentityCustomerID, Value: v})
	}
}

// CustomerIDNumbering tells which of Amazon's two numberings of accounts a
// customer ID is in: NumberingAlexa ("A" and 13 letters or digits, the
// Alexa services' ID), NumberingRetail (digits only, the retail customer ID
// of the search data), or "" when it has neither shape. IDs of different
// numberings cannot be compared: neither proves the other wrong.
func CustomerIDNumbering(id string) Numbering {
	s := NormID(id)
	switch {
	case len(s) == 14 && s[0] == 'A' && upperAlnum(s):
		return NumberingAlexa
	case len(s) >= 5 && len(s) <= 20 && allDigits(s):
		return NumberingRetail
	}
	return ""
}

// Numbering is one of Amazon's numberings of customer accounts.
type Numbering string

// Numberings of customer IDs (CustomerIDNumbering).
const (
	NumberingAlexa  Numbering = "alexa"
	NumberingRetail Numbering = "retail"
)

// isAlexaFile reports whether a base name is one of AlexaFiles.
func (l *loader) isAlexaFile(p string) bool {
	b := strings.ToLower(path.Base(p))
	for _, pat := range l.lay.Amazon.AlexaFiles {
		if ok, _ := path.Match(strings.ToLower(pat), b); ok {
			return true
		}
	}
	return false
}

func (l *loader) voiceProfileRow(r tableRow, mapped columnSet) {
	l.ex.VoiceProfiles = append(l.ex.VoiceProfiles, VoiceProfile{
		ID:         r.get("personId"),
		Name:       r.get("personName"),
		Type:       r.get("personType"),
		CustomerID: r.get("customerId"),
		Src:        r.src(),
		Extra:      r.extra(mapped),
	})
}

// historyFields are the voice-history table's fields of a Recording's values.
var historyFields = [numFields]string{
	FieldCustomerID: "customerId",
	FieldDevice:     "device",
	FieldDeviceType: "deviceType",
	FieldDeviceName: "deviceName",
	FieldPersonID:   "personId",
	FieldPersonName: "personName",
	FieldTranscript: "transcript",
	FieldResponse:   "response",
	FieldAudio:      "audio",
}

// historyRow appends the row's Recording. Its values' origins are the
// table's columns (shared by every row); a row with a repaired cell or a
// misshapen ID gets its own copy through Set.
func (l *loader) historyRow(r tableRow, mapped columnSet) {
	if len(l.ex.Recordings) == cap(l.ex.Recordings) {
		l.growRecordings(r)
	}
	if r.t.rec == nil {
		r.t.rec = new(fieldOrigins)
		col := func(name string) int {
			if c, ok := r.cols[name]; ok {
				return c
			}
			return -1
		}
		for f, name := range historyFields {
			if r.t.hist[f] = col(name); r.t.hist[f] >= 0 {
				r.t.rec[f] = r.t.origin(r.t.hist[f])
			}
		}
		r.t.histID, r.t.histAt = col("utteranceId"), col("time")
	}
	// Every text the Recording keeps is its own (keptTexts, recordStore):
	// a part of the row would keep the whole row.
	l.ex.Recordings = append(l.ex.Recordings, l.newRecording(l.texts.own(r.column(r.t.histID).Text), r.place()))
	rec := &l.ex.Recordings[len(l.ex.Recordings)-1]
	rec.at = l.recs.atRef(r.t.rec)
	for f := range numFields {
		v := r.column(r.t.hist[f])
		if f == FieldAudio {
			continue // below, with the member it names
		}
		rec.set(f, l.recs.copyRef(f, v.Text), v.at)
	}
	if v := r.column(r.t.hist[FieldAudio]); v.Text == "" {
		rec.Set(FieldAudio, v)
	} else {
		want, found, at := l.amazonAudio(r.f.Part, r.f.Path, v.Text)
		rec.SetAudio(r.f.Part, found, want)
		// The reference as written is most often the tail of the member's
		// path ("media/x.wav" of ".../media/x.wav"), which the archive's
		// listing keeps anyway: no copy, nor string, of its own then.
		rec.set(FieldAudio, l.recs.tailRef(rec.audioPath, v.Text), v.at) // unique to the row: not looked up
		if found != "" {
			l.markAudioAt(at, true)
		}
	}
	extra := r.extra(mapped)
	for i := range extra {
		extra[i].Text = l.texts.own(extra[i].Text)
	}
	rec.SetExtra(extra)
	if rec.ID == "" {
		rec.ID = fmt.Sprintf("%s:%d", r.f.Path, r.rw.Line)
		l.texts.bytes += int64(len(rec.ID))
	}
	if t, zone, ok := parseTimeZone(r.column(r.t.histAt).Text); ok {
		rec.Time = t
		zone = l.texts.share(zone)
		rec.SetZoneUnknown(zone)
		l.zoneUnknown(r.f, zone)
	}
}

// learnRows is how many rows growRecordings reads before it reserves
// room by what a row costs.
const learnRows = 4096

// growRecordings makes room for the rows the table probably still has:
// growing a slice of large records by doubling costs more than parsing them,
// and an overestimate stays in memory as long as the export is open. The
// estimate divides the bytes still to read by the average row length of the
// rows read so far (or read ahead after the header, for the first row).
func (l *loader) growRecordings(r tableRow) {
	have := len(l.ex.Recordings)
	n := have + have/4 + 16
	perRow := int64(0)
	if rows := r.rw.Line - r.hdr.Line; rows > 1 && r.rw.End > r.hdr.End {
		perRow = (r.rw.End - r.hdr.End) / int64(rows) // physical lines: a close lower bound of the rows
	} else if r.hdr.RowBytes > 0 {
		perRow = r.hdr.RowBytes
	} else {
		for _, c := range r.rw.Cells {
			perRow += int64(len(c)) + 1
		}
	}
	if perRow > 0 && r.f.Size > r.rw.End {
		left := int(min((r.f.Size-r.rw.End+l.csvAhead[r.f.Path])/perRow, 1<<20))
		n = have + 1 + left + left/16 + 16
	}
	// Never reserve more than the budget could fill: a header declaring
	// gigabytes must not buy a gigabyte of empty records. What a row is
	// charged is known only once rows are read (its texts are shared,
	// keptTexts: a Recording and a third to a half of the row's bytes), so
	// a table that may fill the budget gets room for learnRows first, then
	// for what the budget left buys at the cost measured. A bound of the
	// Recording and the row's bytes reserved too little, and each further
	// grow held the old records and the new beside each other (100 MB at
	// 200,000 rows); a bound of the Recording alone left 20 MB unused.
	left := max(l.budget-l.budget/8, 0)
	perRec := recordingCost + perRow
	if spent := l.budgetStart - l.budget; have >= learnRows && spent > 0 {
		perRec = max(recordingCost, spent/int64(have))
	}
	if fill := have + 1 + int(left/perRec); n >= fill {
		n = fill + int(left/perRec)/16
		if have < learnRows {
			n = min(n, learnRows)
		}
	}
	l.ex.Recordings = growYielding(l.ex.Recordings, n)
}

// amazonAudio resolves a voice-history audio reference within the CSV's
// part. The reference is relative to the category folder (AudioBase, e.g.
// "Alexa.VoiceHistory/"), wherever that folder sits (a folder input adds
// "Alexa/" in front). want is the path the reference names; found is the
// member that exists ("" when none does), at its index in l.files.
//
// It runs for every row: the candidates are built in one buffer, looked up
// without a string of their own, and found is the member's own path, so a
// row whose audio exists costs no allocation.
func (l *loader) amazonAudio(part, csvPath, ref string) (want, found string, at int) {
	ref = strings.TrimSpace(ref)
	if strings.Contains(ref, "\\") {
		ref = strings.ReplaceAll(ref, "\\", "/")
	}
	ref = cleanPath(strings.TrimLeft(ref, "/")) // allocates only when ref is not clean
	if ref == "." || ref == ".." || strings.HasPrefix(ref, "../") {
		return "", "", -1
	}
	first := -1 // length of the first candidate in buf; buf[:first] is want when none is found
	buf := l.pathBuf[:0]
	try := func(dir, sep string) bool {
		start := len(buf)
		buf = append(append(append(buf, dir...), sep...), ref...)
		c := buf[start:]
		if i, ok := l.byPath.findBytes(part, c); ok {
			found, at = l.files[i].Path, i
			return true
		}
		if first < 0 {
			first = len(c)
		} else {
			buf = buf[:start] // keep only the first candidate
		}
		return false
	}
	defer func() { l.pathBuf = buf[:0] }()
	if base := strings.TrimSuffix(l.lay.Amazon.AudioBase, "/"); base != "" {
		if i := indexDir(csvPath, base+"/"); i >= 0 && try(csvPath[:i], base+"/") {
			return found, found, at
		}
	}
	if i := indexDir(csvPath, "datasets/"); i >= 0 && try(csvPath[:i], "") {
		return found, found, at
	}
	if d := path.Dir(csvPath); d != "." && try(d, "/") {
		return found, found, at
	}
	if try("", "") {
		return found, found, at
	}
	return string(buf[:first]), "", -1
}

// indexDir is the index in p of the folder dir ("a/", at p's start or
// after a "/"), -1 when p has none: strings.Index("/"+p, "/"+dir) without
// building either string.
func indexDir(p, dir string) int {
	for i := 0; i+len(dir) <= len(p); {
		j := strings.Index(p[i:], dir)
		if j < 0 {
			return -1
		}
		if k := i + j; k == 0 || p[k-1] == '/' {
			return k
		}
		i += j + 1
	}
	return -1
}

// legacyRecordings makes every WAV a recording (the 2018 layout has no
// voice-history table) and pairs transcript lines with them in order: the
// only link the 2018 export offered.
func (l *loader) legacyRecordings() {
	ex := l.ex
	for i, a := range ex.Audio {
		if !strings.EqualFold(path.Ext(a.Path), ".wav") {
			continue
		}
		src := Source{Part: a.Part, Path: a.Path}
		r := l.newRecording(a.Path, placeOf(src))
		r.Set(FieldAudio, NewValue(a.Path, src))
		r.SetAudio(a.Part, a.Path, a.Path)
		ex.Recordings = append(ex.Recordings, r)
		ex.Audio[i].Referenced, ex.Audio[i].OfRecording = true, true
	}
	for i := range ex.Transcripts {
		t := &ex.Transcripts[i]
		t.Recording = -1
		if i < len(ex.Recordings) {
			t.Recording = i
			r := &ex.Recordings[i]
			r.Time = t.Time
			r.Set(FieldTranscript, NewValue(t.Text, t.Src))
		}
	}
}

// amazonExpectations records which of the files a check needs were found.
func (l *loader) amazonExpectations() {
	want := []Need{NeedCustomerProfile, NeedRegistration, NeedVoiceHistory, NeedVoiceProfiles}
	switch {
	case l.ex.Layout == "single-zip-2018":
		want = []Need{NeedCustomerProfile, NeedRegistration}
	case len(l.ex.Recordings) == 0 && len(l.ex.Audio) == 0:
		// No voice history and no audio (a real Alexa.zip of an account
		// that never spoke to Alexa): there is nothing the voice history
		// or the voice profiles would explain, so neither is missing.
		want = []Need{NeedCustomerProfile, NeedRegistration}
	}
	for _, w := range want {
		for _, ct := range l.tabs {
			if Need(ct.what) != w {
				continue
			}
			e := Expectation{What: w, Path: ct.t.Path}
			if ct.found != nil {
				e.Found, e.Src = true, *ct.found
			}
			l.ex.Expected = append(l.ex.Expected, e)
		}
	}
	if l.ex.Layout == "single-zip-2018" {
		e := Expectation{What: NeedTranscript, Path: "Alexa/*.pdf"}
		if len(l.ex.Transcripts) > 0 {
			e.Found = true
			e.Src = Source{Part: l.ex.Transcripts[0].Src.Part, Path: l.ex.Transcripts[0].Src.Path}
		}
		l.ex.Expected = append(l.ex.Expected, e)
	}
}

// Kind of the parse note on a value in an ID column that is not an ID.

// idKind is what an ID column holds, and how its values look.
type idKind struct {
	what  string // for the note: "customer ID", "device serial", "voice profile ID"
	shape func(string) bool
}

var (
	idCustomer = &idKind{"customer ID", IsCustomerID}
	idSerial   = &idKind{"device serial", IsDeviceSerial}
	idProfile  = &idKind{"voice profile ID", IsVoiceProfileID}
)

// idFields are the table fields that hold identifiers.
var idFields = map[string]*idKind{
	"customerId":     idCustomer,
	"lastCustomerId": idCustomer,
	"serial":         idSerial,
	"device":         idSerial,
	"personId":       idProfile,
}

// idColumns checks the ID columns of one CSV file row by row and collects,
// per column, the rows whose value is not an identifier.
type idColumns struct {
	l      *loader
	t      *csvColumns
	f      file
	header []string
	cols   []int // column index -> kind in kinds
	kinds  map[int]*idKind
	bad    map[int]bool // the current row's misshapen cells
	// last is, by position in cols, the text checked last and whether it
	// had the shape: a column repeats its value row after row (the
	// account, the device).
	last []struct {
		text string
		ok   bool
	}
	count map[int]int
	first map[int]int // column -> first line
}

func newIDColumns(l *loader, t *csvColumns, tab *compiledTable, cols map[string]int, custIdx []int) *idColumns {
	ic := &idColumns{l: l, t: t, f: t.f, header: t.header, kinds: map[int]*idKind{}, bad: map[int]bool{}, count: map[int]int{}, first: map[int]int{}}
	add := func(c int, k *idKind) {
		if _, seen := ic.kinds[c]; !seen {
			ic.kinds[c] = k
			ic.cols = append(ic.cols, c)
		}
	}
	if tab != nil {
		for field, c := range cols {
			if k := idFields[field]; k != nil {
				add(c, k)
			}
		}
	}
	for _, c := range custIdx {
		add(c, idCustomer)
	}
	slices.Sort(ic.cols)
	ic.last = make([]struct {
		text string
		ok   bool
	}, len(ic.cols))
	return ic
}

// check marks the row's misshapen ID cells in bad; ids counts the non-empty
// ID cells.
func (ic *idColumns) check(rw csvRow) (ids, bad int) {
	if len(ic.bad) > 0 {
		clear(ic.bad)
	}
	for k, c := range ic.cols {
		v := ic.l.cell(ic.t, rw, c)
		if v.Empty() {
			continue
		}
		ids++
		last := &ic.last[k]
		if v.Text != last.text {
			last.text, last.ok = v.Text, ic.kinds[c].shape(v.Text) || lookalikeID(v.Text)
		}
		if last.ok {
			continue
		}
		bad++
		ic.bad[c] = true
		if ic.count[c] == 0 {
			ic.first[c] = rw.Line
		}
		ic.count[c]++
	}
	return ids, bad
}

// notes adds one parse note per column that held values without the
// identifier's shape. The note never quotes the value: it may be personal.
func (ic *idColumns) notes() {
	for _, c := range ic.cols {
		n := ic.count[c]
		if n == 0 {
			continue
		}
		col := ""
		if c < len(ic.header) {
			col = ic.header[c]
		}
		var msg string
		if n == 1 {
			msg = fmt.Sprintf("line %d: column %q holds a value that is not a %s; not read as one", ic.first[c], col, ic.kinds[c].what)
		} else {
			msg = fmt.Sprintf("line %d and %d more: column %q holds values that are not a %s; not read as one", ic.first[c], n-1, col, ic.kinds[c].what)
		}
		ic.l.ex.Problems = append(ic.l.ex.Problems, Problem{Src: Source{Part: ic.f.Part, Path: ic.f.Path, Line: ic.first[c], Field: col}, Reason: msg, Kind: ProblemIDShape})
	}
}

// IsCustomerID reports whether s (trimmed, any case) has the shape of an
// Amazon customer ID: "A" and 13 letters or digits, or a numeric Customer ID.
func IsCustomerID(s string) bool { return CustomerIDNumbering(s) != "" }

// IsDeviceSerial reports whether s has the shape of a device serial: 16
// letters or digits ("G070RQ…"), or 20–40 hex digits, uuid-like with
// hyphens, optionally followed by a suffix of letters ("…GCAST").
func IsDeviceSerial(s string) bool {
	s = NormID(s)
	if len(s) == 16 && upperAlnum(s) {
		return true
	}
	hex, i := 0, 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' || c >= 'A' && c <= 'F' {
			hex++
		} else if c != '-' || i == 0 {
			break
		}
	}
	rest := strings.TrimLeft(s[i:], "-_")
	for j := 0; j < len(rest); j++ {
		if c := rest[j]; c < 'A' || c > 'Z' {
			return false
		}
	}
	if len(rest) > 12 {
		return false
	}
	return hex >= 20 && hex <= 40
}

// IsVoiceProfileID reports whether s has the shape of an Alexa voice
// profile: "amzn1.actor.person.oid." and 14 letters or digits.
//
// It compares as NormID would, without building the upper-cased string:
// every voice-history row has a person ID, written in lower case.
func IsVoiceProfileID(s string) bool {
	const prefix = "AMZN1.ACTOR.PERSON.OID."
	s = TrimASCIISpace(s)
	return len(s) == len(prefix)+14 && equalASCIIUpper(s[:len(prefix)], prefix) && alnum(s[len(prefix):])
}

// equalASCIIUpper reports whether asciiUpper(s) == upper.
func equalASCIIUpper(s, upper string) bool {
	if len(s) != len(upper) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c != upper[i] {
			return false
		}
	}
	return true
}

// alnum reports whether s is ASCII letters and digits only: upperAlnum of
// its NormID.
func alnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return s != ""
}

// lookalikeID: a value that would be an identifier but for characters
// outside ASCII (a Cyrillic А, a zero-width space) — one word with a digit.
// It is not a description: it stays an identity, so the rules flag it.
func lookalikeID(s string) bool {
	s = TrimASCIISpace(s)
	ascii, digit := true, false
	for _, r := range s {
		switch {
		case r >= utf8.RuneSelf:
			ascii = false
			if unicode.IsSpace(r) {
				return false
			}
		case r >= '0' && r <= '9':
			digit = true
		case r == ' ' || r == '\t':
			return false
		}
	}
	return !ascii && digit
}

func upperAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return s != ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// maxAuthenticationBytes bounds Retail.Authentication.json: a few fields.
const maxAuthenticationBytes = 1 << 20

// isAmazonAuthentication: the file of a real export that names the
// account's e-mail (Retail.Authentication.zip, export.go).
func (l *loader) isAmazonAuthentication(p string) bool {
	return strings.EqualFold(path.Base(p), "Retail.Authentication.json")
}

// readAmazonAuthentication takes every "Email" string, at any depth, as an
// e-mail of the claim.
func (l *loader) readAmazonAuthentication(f file) {
	data, err := readBounded(f, maxAuthenticationBytes)
	if err != nil {
		l.problem(f, ProblemOpen, err)
		return
	}
	var doc any
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		l.problem(f, ProblemJSON, fmt.Errorf("export: json: %w", err))
		return
	}
	l.amazonHits++
	var walk func(v any, ptr string, depth int)
	walk = func(v any, ptr string, depth int) {
		if depth > 64 {
			return
		}
		switch v := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(v))
			for k := range v {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				p := ptr + "/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(k)
				if s, ok := v[k].(string); ok && strings.EqualFold(k, "Email") {
					if t := strings.TrimSpace(s); t != "" && strings.Contains(t, "@") {
						val := NewValue(t, Source{Part: f.Part, Path: f.Path, Pointer: p, Field: k})
						if t != s {
							val = val.WithRaw(s)
						}
						l.ex.Emails = addClaim(l.ex.Emails, val, NormEmail)
					}
					continue
				}
				walk(v[k], p, depth+1)
			}
		case []any:
			for i, e := range v {
				walk(e, ptr+"/"+strconv.Itoa(i), depth+1)
			}
		}
	}
	walk(doc, "", 0)
}
