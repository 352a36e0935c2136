package export

import (
	"iter"
	"time"
)

// Vendor names the producer of an export.
type Vendor string

const (
	Amazon  Vendor = "amazon"
	Google  Vendor = "google"
	Unknown Vendor = "unknown"
)

// Source points to the exact place a value was read from.
type Source struct {
	Part    string `json:"part,omitempty"`    // archive chain: "export.zip!Alexa.zip"
	Path    string `json:"path"`              // member path inside Part
	Line    int    `json:"line,omitempty"`    // CSV: physical line (1-based) where the record starts; PDF/HTML/text: line
	Page    int    `json:"page,omitempty"`    // PDF page (1-based)
	Pointer string `json:"pointer,omitempty"` // JSON pointer (RFC 6901), e.g. "/12/audioFiles/0"
	Field   string `json:"field,omitempty"`   // column or key, as written in the file
}

// Value is one field of a record: the repaired text, the raw text when
// repair changed it (Raw), and where it came from (Src, Field set).
//
// A Value is 32 bytes: what its Source shares with the other values of its
// file and column (part, path, field) is one origin they all point to, so
// ten thousand rows of a table do not repeat it ten times each.
type Value struct {
	Text string
	at   place
}

// NewValue is a value read at src. Parsers share origins instead (see
// loader.origin); this allocates one per call.
func NewValue(text string, src Source) Value {
	return Value{Text: text, at: placeOf(src)}
}

// Empty reports whether the value holds nothing (missing, empty or "N/A").
func (v Value) Empty() bool { return v.Text == "" }

// Src is where the value was read.
func (v Value) Src() Source { return v.at.source() }

// Raw is the cell as written, when Text differs from it (trimmed, or
// double-encoded UTF-8 repaired); "" otherwise.
func (v Value) Raw() string {
	if v.at.o == nil {
		return ""
	}
	return v.at.o.raw
}

// WithRaw returns v with Raw set to raw. The value gets an origin of its
// own: raw text is rare, and shared origins stay shared.
func (v Value) WithRaw(raw string) Value {
	o := origin{}
	if v.at.o != nil {
		o = *v.at.o
	}
	o.raw = raw
	v.at.o = &o
	return v
}

// origin is what a Source shares with the other values of its file and
// column: one per column of a CSV table, one per value of a JSON document
// (each has its own pointer).
type origin struct {
	part, path     string
	field, pointer string
	raw            string // Value.Raw: an origin with raw text belongs to one value
	// own: line and page are this value's, not its record's (a
	// Recording keeps values without their line when it is the record's).
	own        bool
	line, page int32
}

// place is a Source in 16 bytes: the shared origin, the line and the page.
type place struct {
	o          *origin
	line, page int32
}

func (p place) source() Source {
	s := Source{Line: int(p.line), Page: int(p.page)}
	if p.o != nil {
		s.Part, s.Path, s.Pointer, s.Field = p.o.part, p.o.path, p.o.pointer, p.o.field
	}
	return s
}

// placeOf is src in a place with an origin of its own (none when src names
// no file, pointer or field).
func placeOf(src Source) place {
	p := place{line: clampLine(src.Line), page: clampLine(src.Page)}
	if src.Part != "" || src.Path != "" || src.Pointer != "" || src.Field != "" {
		p.o = &origin{part: src.Part, path: src.Path, field: src.Field, pointer: src.Pointer}
	}
	return p
}

// clampLine fits a line or page number into a place. Lines are bounded far
// below by the parsers (maxCSVBytes, the PDF and HTML limits).
func clampLine(n int) int32 { return int32(min(max(n, 0), 1<<31-1)) }

// Contents counts the files of an export by kind, as their names say
// (documentation files included): what an export of no known vendor
// holds is named by its finding.
type Contents struct {
	Files    int // every file
	Audio    int // .wav, .mp3, …
	Tables   int // .csv
	Data     int // .json
	Pages    int // .html, .htm
	PDFs     int // .pdf
	Images   int // .jpg, .png, .gif, .heic, .webp
	Texts    int // .txt
	Archives int // archives that were not opened (nested ones are, and their files counted)
}

// Export is what was understood of one opened archive tree.
type Export struct {
	Vendor Vendor
	// Contents counts the files read, by kind.
	Contents Contents
	Layout   string // which layout of the vendor was recognised: "per-category", "single-zip-2018", "takeout"

	// Claim: who the export says it belongs to. Customer IDs, e-mails and names
	// come from the profile files of the vendor table, each with its source.
	CustomerIDs []Value
	Emails      []Value
	Names       []Value
	// ContactEmails are the addresses a Takeout subscriber page gives to
	// reach the account (contact, recovery): not accounts, so never
	// compared with the claim; shown at most.
	ContactEmails []Value

	Devices       []Device       // registered to the account (Amazon registration)
	VoiceProfiles []VoiceProfile // enrolled voice profiles
	Recordings    []Recording    // voice history records and/or audio files
	Transcripts   []TranscriptLine
	Audio         []AudioFile // every audio file in the tree, referenced or not
	// Activity is Takeout activity that is not speech ("Used Assistant",
	// "Commande vocale inconnue"): a record of the voice product with no
	// spoken title and no audio. Not a recording, not a transcript.
	Activity []Activity

	// Identities: the account identifiers seen in the data (a CustomerId
	// column of any table, the e-mail named in a Takeout part's
	// archive_browser.html, ...) — what the checker compares to the claim.
	// A voice-history row's customer ID is kept once, as its Recording's
	// CustomerID (100,000 rows repeated it in 4 MB here): AllIdentities
	// yields both.
	Identities []Identity

	Parts []Part // Takeout: the parts (input archives) and what each lists

	// Expected lists the files the vendor table expects for a check and
	// whether they were found, so a check can say "cannot tell: X is missing".
	Expected []Expectation

	Problems []Problem // files that could not be parsed; the rest is usable
}

// Device is a device registered to the account.
type Device struct {
	Serial     Value
	Type       Value // device type code, e.g. A3S5BH2HU6VAYF
	Name       Value // the device's friendly name (AccountName)
	CustomerID Value // the customer the registration row names
	Model      Value // DeviceModel of the real registration.csv
	Registered time.Time
	// Inactive: the registration ended (State INACTIVE or TimeDeregistered
	// set). Not a current device, but a serial known to the account.
	Inactive bool
	// List is the file that named the device: the registration (""), or
	// one of the Alexa side's lists, whose serials are the account's but
	// which are no registration (no type, no state): see DeviceList.
	List  DeviceList
	Src   Source  // the row
	Extra []Value // cells of columns the vendor table does not know (Src.Field names the column)
}

// DeviceList names the kind of file a Device was read from.
type DeviceList string

const (
	// ListRegistration: Devices.Registration.zip/registration.csv.
	ListRegistration DeviceList = ""
	// ListAlexaDevices: Alexa.zip's Smart Home/Devices Data-N.csv, the
	// Alexa side's list of the account's devices.
	ListAlexaDevices DeviceList = "alexa-devices"
	// ListFeedback: Alexa.zip's Feedback/Feedback-N.csv; its DSN is the
	// serial of the device the account's feedback was given on.
	ListFeedback DeviceList = "feedback"
)

// FromRegistration reports whether the device is a row of the
// registration (current or deregistered), not only a serial an Alexa list
// names.
func (d Device) FromRegistration() bool { return d.List == ListRegistration }

// VoiceProfile is an enrolled voice profile (Amazon "person").
type VoiceProfile struct {
	ID         Value
	Name       Value
	Type       Value // ADULT, CHILD, ...
	CustomerID Value
	Src        Source
	Extra      []Value // cells of unknown columns
}

// Recording is one voice interaction: a history record, an audio file, or both.
//
// It is small (112 bytes, three pointers) because an export may hold hundreds
// of thousands: its values are indexes into the recordStore its load shares
// by all of them, their origins one array shared by the rows of a table (a
// value's line is the record's), and what few records have (an unknown
// zone, Takeout details, unknown columns, audio in another part) lives
// beside it. Read the values with the methods named after them (Device,
// Transcript, ...); build a Recording with NewRecording and Set.
type Recording struct {
	ID   string    // utterance ID, or the audio path when there is no record
	Time time.Time // UTC; zero when unknown

	st        *recordStore
	text      [numFields]uint32 // recordStore.text
	audioPath uint32            // AudioPath, a text
	at        uint32            // where each value was read: recordStore.at, shared, copied before a change
	src       uint32            // the record's origin (recordStore.origin): CSV row, JSON element, or the audio file itself
	line      int32             // the record's line and page (a place with src)
	page      int32
	more      uint32 // recordStore.more

	// Unrecognized: Takeout's "From unrecognized speaker" (UnrecognizedSrc
	// is the detail that says so).
	Unrecognized bool
	// customerIdentity: CustomerID is one of the export's identities,
	// not repeated in Identities (AllIdentities).
	customerIdentity bool
}

// Field names one value of a Recording (Set, Value).
type Field uint8

// The values of a Recording.
const (
	FieldCustomerID Field = iota
	FieldDevice           // device serial
	FieldDeviceType
	FieldDeviceName
	FieldPersonID
	FieldPersonName
	FieldTranscript // what the assistant recognised
	FieldResponse   // what the assistant answered
	FieldAudio      // the audio reference as written (Src names the record's field)
	numFields
)

// fieldOrigins are the origins of a Recording's values, by Field.
type fieldOrigins [numFields]*origin

// recordingMore holds what few Recordings have.
type recordingMore struct {
	zoneUnknown     string
	audioPart       string // when not the record's own part
	audioExpected   string // when not audioPath
	unrecognizedSrc Value
	extra           []Value
}

// NewRecording is a recording with its ID, read at src, with a store of its
// own (a load shares one: loader.newRecording).
func NewRecording(id string, src Source) Recording {
	return newRecordingIn(newRecordStore(), id, placeOf(src))
}

func newRecordingIn(st *recordStore, id string, at place) Recording {
	r := Recording{ID: id, st: st}
	r.setPlace(at)
	return r
}

// store is r's store, made when r is a zero Recording being filled.
func (r *Recording) store() *recordStore {
	if r.st == nil {
		r.st = newRecordStore()
	}
	return r.st
}

func (r *Recording) place() place {
	return place{o: r.st.origin(r.src), line: r.line, page: r.page}
}

func (r *Recording) setPlace(p place) {
	r.src, r.line, r.page = r.store().originRef(p.o), p.line, p.page
}

// Src is the record: a CSV row, a JSON element, or the audio file itself.
func (r *Recording) Src() Source { return r.place().source() }

// SetSrc moves the record to src; its values read on the record's line
// move with it.
func (r *Recording) SetSrc(src Source) { r.setPlace(placeOf(src)) }

// Value is the recording's value f.
func (r *Recording) Value(f Field) Value {
	v := Value{Text: r.st.text(r.text[f])}
	at := r.st.at(r.at)
	if at == nil || at[f] == nil {
		return v
	}
	o := at[f]
	v.at = place{o: o, line: r.line, page: r.page}
	if o.own {
		v.at.line, v.at.page = o.line, o.page
	}
	return v
}

// Set makes v the recording's value f.
func (r *Recording) Set(f Field, v Value) { r.set(f, r.store().textRef(f, v.Text), v.at) }

// set makes the text of index ref, read at p, the recording's value f.
func (r *Recording) set(f Field, ref uint32, p place) {
	o := p.o
	switch {
	case p == (place{}):
		// read nowhere (Value{}): no origin
	case o == nil || p.line != r.line || p.page != r.page:
		// Not on the record's line (a PDF transcript line of a WAV
		// recording): the value keeps its own.
		own := origin{}
		if o != nil {
			own = *o
		}
		own.own, own.line, own.page = true, p.line, p.page
		o = &own
	}
	r.text[f] = ref
	old := r.st.at(r.at)
	if old == nil && o == nil || old != nil && old[f] == o {
		return
	}
	at := new(fieldOrigins)
	if old != nil {
		*at = *old
	}
	at[f] = o
	r.at = r.st.atRef(at)
}

// The recording's values, by name (Value with the Field).

func (r *Recording) CustomerID() Value { return r.Value(FieldCustomerID) }
func (r *Recording) Device() Value     { return r.Value(FieldDevice) }
func (r *Recording) DeviceType() Value { return r.Value(FieldDeviceType) }
func (r *Recording) DeviceName() Value { return r.Value(FieldDeviceName) }
func (r *Recording) PersonID() Value   { return r.Value(FieldPersonID) }
func (r *Recording) PersonName() Value { return r.Value(FieldPersonName) }
func (r *Recording) Transcript() Value { return r.Value(FieldTranscript) }
func (r *Recording) Response() Value   { return r.Value(FieldResponse) }
func (r *Recording) Audio() Value      { return r.Value(FieldAudio) }

// AudioPath is the resolved member path of the audio file, "" when none or
// missing.
func (r *Recording) AudioPath() string { return r.st.text(r.audioPath) }

// AudioPart is the part holding the audio file: the record's own part
// unless SetAudio named another; "" when there is no audio file.
func (r *Recording) AudioPart() string {
	if r.audioPath == 0 {
		return ""
	}
	if m := r.st.more(r.more); m != nil && m.audioPart != "" {
		return m.audioPart
	}
	return r.Src().Part
}

// AudioExpected is the member path the audio reference points to, set also
// when that file is missing (the subject of "missing-recording").
func (r *Recording) AudioExpected() string {
	if m := r.st.more(r.more); m != nil && m.audioExpected != "" {
		return m.audioExpected
	}
	return r.AudioPath()
}

// SetAudio records where the audio reference leads: expected is the path
// it names, path the member found ("" when missing) in part.
func (r *Recording) SetAudio(part, path, expected string) {
	r.audioPath = r.store().ownRef(path)
	if path == "" || part == r.Src().Part {
		part = "" // AudioPart is the record's own
	}
	if expected == path {
		expected = ""
	}
	if m := r.st.more(r.more); part != "" || expected != "" || m != nil && (m.audioPart != "" || m.audioExpected != "") {
		m := r.extend()
		m.audioPart, m.audioExpected = part, expected
	}
}

// ZoneUnknown is the zone abbreviation Time was written with when no
// table knows it ("WIB"): Time is then that clock time read as UTC and
// may be hours off. The file has a Problem of kind "zone".
func (r *Recording) ZoneUnknown() string {
	if m := r.st.more(r.more); m != nil {
		return m.zoneUnknown
	}
	return ""
}

// SetZoneUnknown sets ZoneUnknown.
func (r *Recording) SetZoneUnknown(zone string) {
	if zone != "" || r.more != 0 {
		r.extend().zoneUnknown = zone
	}
}

// UnrecognizedSrc is the detail that says the speaker was not recognised
// (JSON pointer or HTML line), when Unrecognized.
func (r *Recording) UnrecognizedSrc() Value {
	if m := r.st.more(r.more); m != nil {
		return m.unrecognizedSrc
	}
	return Value{}
}

// SetUnrecognized marks the recording as spoken by an unrecognised
// speaker, as detail says.
func (r *Recording) SetUnrecognized(detail Value) {
	r.Unrecognized = true
	r.extend().unrecognizedSrc = detail
}

// Extra are the cells of columns the vendor table does not know (Src.Field
// names the column).
func (r *Recording) Extra() []Value {
	if m := r.st.more(r.more); m != nil {
		return m.extra
	}
	return nil
}

// SetExtra sets Extra.
func (r *Recording) SetExtra(extra []Value) {
	if len(extra) > 0 || r.more != 0 {
		r.extend().extra = extra
	}
}

// extend gives r a recordingMore of its own to change: a copy of a
// Recording shares it until then.
func (r *Recording) extend() *recordingMore {
	m := &recordingMore{}
	if old := r.store().more(r.more); old != nil {
		*m = *old
	}
	r.more = r.st.moreRef(m)
	return m
}

// Activity is one non-speech record of the voice activity.
type Activity struct {
	Title       Value     // as written ("Used Assistant")
	Time        time.Time // UTC; zero when unknown
	ZoneUnknown string    // as Recording.ZoneUnknown
	// Unrecognized is the detail "From unrecognized speaker" when the
	// record has it (another voice used the assistant), else empty.
	Unrecognized Value
	Src          Source // the record (JSON element or HTML line)
}

// TranscriptLine is one line of a transcript document (the 2018 PDF).
type TranscriptLine struct {
	Time      time.Time // zero when the line has no time
	Text      string
	Recording int    // index into Recordings it matches, -1 if none
	Src       Source // Page and Line set
}

// AudioFile is an audio member of the tree.
type AudioFile struct {
	Part, Path string
	Size       int64
	Referenced bool // some record refers to it
	// OfRecording: it is a Recording's own audio (that Recording's
	// AudioPart and AudioPath). A record may refer to more files than
	// its Recording plays (Takeout), so a referenced file need not be.
	OfRecording bool
	// OtherProduct: Takeout audio outside the voice-activity folders
	// (Google Voice voicemails and greetings, referenced by their own
	// pages). Not a recording: no check counts it.
	OtherProduct bool
}

// Identity is an account identifier found in the data.
type Identity struct {
	Kind  IdentityKind
	Value Value
}

// AllIdentities yields the identities of kind: Identities' and the
// customer IDs of the voice-history rows, which their Recordings hold.
func (x *Export) AllIdentities(kind IdentityKind) iter.Seq[Identity] {
	return func(yield func(Identity) bool) {
		for _, id := range x.Identities {
			if id.Kind == kind && !yield(id) {
				return
			}
		}
		if kind != IdentityCustomerID {
			return
		}
		for i := range x.Recordings {
			if r := &x.Recordings[i]; r.customerIdentity && !yield(Identity{Kind: kind, Value: r.CustomerID()}) {
				return
			}
		}
	}
}

// IdentityKind says what an account identifier is.
type IdentityKind string

// The kinds of account identifiers.
const (
	IdentityCustomerID IdentityKind = "customer-id"
	IdentityEmail      IdentityKind = "email"
	IdentityName       IdentityKind = "name"
)

// Part is one input archive of a multi-part export (Takeout).
type Part struct {
	Name    string // input name, e.g. takeout-20240301T101500Z-002.zip
	Account string // the account its archive_browser.html names, "" if none
	Listed  bool   // the export's archive_browser.html lists files of this part
	// DuplicateOf names the part this one is a second download of
	// ("…-002 (1).zip" holding the same members as "…-002.zip"): its
	// files are read once, from that part.
	DuplicateOf string
	Src         Source
}

// Expectation is a file a check needs.
type Expectation struct {
	What  Need
	Path  string // the path the vendor table expects (for the message)
	Found bool
	Src   Source // where it was found
}

// Need names a file a check needs (Expectation.What), as the vendor
// layout table names it.
type Need string

// The files the checks need.
const (
	NeedRegistration    Need = "registration"     // Amazon: the devices registered to the account
	NeedVoiceHistory    Need = "voice-history"    // Amazon: the voice history table
	NeedCustomerProfile Need = "customer-profile" // Amazon: the account's customer profile
	NeedVoiceProfiles   Need = "voice-profiles"   // Amazon: the account's voice profiles
	NeedTranscript      Need = "transcript"       // Amazon 2018: the PDF of transcripts
	NeedActivity        Need = "activity"         // Takeout: the assistant's activity
	NeedProfile         Need = "profile"          // Takeout: the account's profile
	NeedArchiveBrowser  Need = "archive-browser"  // Takeout: the overview of the parts
)

// Problem is a file that could not be parsed, or a note on a file that was
// read (see Note).
type Problem struct {
	Src    Source
	Reason string      // lower-case English, for logs and tests; the UI translates by Kind
	Kind   ProblemKind // what kind of problem: the UI words it by this
	// Zone is, for kind "zone", the abbreviation no table knows ("WIB").
	Zone string
	// Copies is, for kind "duplicate-part", the part this one is a second
	// download of.
	Copies string
	// Members is, for kind "encrypted" on a whole part (Src.Path empty),
	// how many of its members are encrypted: one problem for them all.
	Members int
}

// ProblemKind says what went wrong with a file, or what a note on it says.
type ProblemKind string

// Kinds of Problem that stopped a file, or a member, from being read (whole).
const (
	ProblemCSV       ProblemKind = "csv"       // a damaged table
	ProblemJSON      ProblemKind = "json"      // damaged JSON
	ProblemHTML      ProblemKind = "html"      // a damaged page
	ProblemPDF       ProblemKind = "pdf"       // a PDF that cannot be read
	ProblemOpen      ProblemKind = "open"      // a member that could not be opened
	ProblemBudget    ProblemKind = "budget"    // the export's memory budget was spent (ErrBudget)
	ProblemArchive   ProblemKind = "archive"   // an input or nested archive that could not be read
	ProblemName      ProblemKind = "name"      // a name that is absolute or climbs out: shown cleaned
	ProblemEncrypted ProblemKind = "encrypted" // an encrypted member: listed, not read
	ProblemDuplicate ProblemKind = "duplicate" // a name held twice in one archive: both read
)

// Kinds of Problem that are notes: the file was read whole; something in it
// is worth knowing but does not leave a check without its input.
const (
	ProblemZone    ProblemKind = "zone"     // times in a zone nobody knows, read as UTC
	ProblemIDShape ProblemKind = "id-shape" // a value in an ID column that is not an ID (a description row): not read as one
	// ProblemDuplicatePart: a part downloaded twice; the copy is counted once.
	ProblemDuplicatePart ProblemKind = "duplicate-part"
)

// ProblemKinds are every ProblemKind, for the pages' text tables.
var ProblemKinds = []ProblemKind{ProblemCSV, ProblemJSON, ProblemHTML, ProblemPDF, ProblemOpen, ProblemBudget,
	ProblemArchive, ProblemName, ProblemEncrypted, ProblemDuplicate, ProblemZone, ProblemIDShape, ProblemDuplicatePart}

// Note reports whether p is a note on a file that was read (ProblemZone,
// ProblemIDShape, ProblemDuplicatePart), not a file that could not be (fully) read.
func (p Problem) Note() bool {
	return p.Kind == ProblemZone || p.Kind == ProblemIDShape || p.Kind == ProblemDuplicatePart
}
