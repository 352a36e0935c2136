package export

import "time"

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
// repair changed it, and where it came from (Source.Field set).
type Value struct {
	Text string
	Raw  string // the cell as written, when Text differs from it (trimmed, or double-encoded UTF-8 repaired)
	Src  Source
}

// Empty reports whether the value holds nothing (missing, empty or "N/A").
func (v Value) Empty() bool { return v.Text == "" }

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

	// Identities: every account identifier seen anywhere in the data (a
	// CustomerId column in a voice-history row, the e-mail named in a Takeout
	// part's archive_browser.html, ...) — what the checker compares to the claim.
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
type Recording struct {
	ID   string    // utterance ID, or the audio path when there is no record
	Time time.Time // UTC; zero when unknown
	// ZoneUnknown is the zone abbreviation Time was written with when no
	// table knows it ("WIB"): Time is then that clock time read as UTC and
	// may be hours off. The file has a Problem of kind "zone".
	ZoneUnknown string
	CustomerID  Value
	Device      Value // device serial
	DeviceType  Value
	DeviceName  Value
	PersonID    Value
	PersonName  Value
	Transcript  Value  // what the assistant recognised
	Response    Value  // what the assistant answered
	Audio       Value  // the audio reference as written (Src names the record's field)
	AudioPath   string // the resolved member path of the audio file, "" when none or missing
	AudioPart   string
	// AudioExpected is the member path the reference points to, set also
	// when that file is missing (the subject of "missing-recording").
	AudioExpected   string
	Unrecognized    bool    // Takeout: "From unrecognized speaker"
	UnrecognizedSrc Value   // the detail that says so (JSON pointer or HTML line), when Unrecognized
	Src             Source  // the record (CSV row, JSON element, or the audio file itself)
	Extra           []Value // cells of unknown columns
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
	// OtherProduct: Takeout audio outside the voice-activity folders
	// (Google Voice voicemails and greetings, referenced by their own
	// pages). Not a recording: no check counts it.
	OtherProduct bool
}

// Identity is an account identifier found in the data.
type Identity struct {
	Kind  string // "customer-id", "email", "name"
	Value Value
}

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
	What  string // "registration", "voice-history", "customer-profile", "voice-profiles", "transcript" (2018), "activity", "profile", "archive-browser"
	Path  string // the path the vendor table expects (for the message)
	Found bool
	Src   Source // where it was found
}

// Problem is a file that could not be parsed, or a note on a file that was
// read (see Note).
type Problem struct {
	Src    Source
	Reason string // lower-case English, for logs and tests; the UI translates by Kind
	Kind   string // short code: "csv", "json", "html", "pdf", "archive", "zone", ...
	// Zone is, for kind "zone", the abbreviation no table knows ("WIB").
	Zone string
	// Copies is, for kind "duplicate-part", the part this one is a second
	// download of.
	Copies string
}

// Kinds of Problem that are notes: the file was read whole; something in it
// is worth knowing but does not leave a check without its input.
const (
	ProblemZone    = "zone"     // times in a zone nobody knows, read as UTC
	ProblemIDShape = "id-shape" // a value in an ID column that is not an ID (a description row): not read as one
	// ProblemDuplicatePart: a part downloaded twice; the copy is counted once.
	ProblemDuplicatePart = "duplicate-part"
)

// Note reports whether p is a note on a file that was read (ProblemZone,
// ProblemIDShape, ProblemDuplicatePart), not a file that could not be (fully) read.
func (p Problem) Note() bool {
	return p.Kind == ProblemZone || p.Kind == ProblemIDShape || p.Kind == ProblemDuplicatePart
}
