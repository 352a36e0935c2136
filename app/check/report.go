package check

import "exportlens/app/archive"

// Schema identifies the JSON report format.
const Schema = "exportlens/report/v1"

// Severity of a finding.
type Severity string

const (
	Mismatch Severity = "mismatch" // the export itself proves data of another account
	Likely   Severity = "likely"   // strong signs
	Note     Severity = "note"     // worth knowing, not evidence of someone else
	Unknown  Severity = "unknown"  // a check could not be made; the title says why
)

// Verdict values.
const (
	VerdictMismatch   = "mismatch"
	VerdictConsistent = "consistent"
	VerdictUnknown    = "unknown"
)

// Declared is what the person says about themselves.
type Declared struct {
	Emails      []string `json:"emails"`
	CustomerIDs []string `json:"customerIds"`
	Devices     []string `json:"devices"`
	NoDevices   bool     `json:"noDevices"`
	// OwnsDevice: the person owns a device that records their voice for
	// Alexa and does not know its serial (the viewer's "yes" to
	// QuestionVoiceDevice, the command's --owns-device).
	OwnsDevice bool `json:"ownsDevice,omitempty"`
	// NotMineDevices and NotMineProfiles are serials and voice profile IDs
	// the person marked "not mine" (the viewer's marks, the command's
	// --not-my-device and --not-my-profile): their recordings are flagged.
	NotMineDevices  []string `json:"notMineDevices,omitempty"`
	NotMineProfiles []string `json:"notMineProfiles,omitempty"`
	// MineRecordings and NotMineRecordings name single recordings the
	// person marked (RecordingRef; the command's --my-recording and
	// --not-my-recording): one marked not theirs is flagged, one marked
	// theirs is explained by their word where a check could not tell.
	MineRecordings    []string `json:"mineRecordings,omitempty"`
	NotMineRecordings []string `json:"notMineRecordings,omitempty"`
}

// Report is the result of Run; its JSON form is the format exportlens/report/v1 (Schema), documented by its fields.
type Report struct {
	Schema   string    `json:"schema"`
	Inputs   []Input   `json:"inputs"`
	Vendor   string    `json:"vendor"`
	Claim    Claim     `json:"claim"`
	Summary  Summary   `json:"summary"`
	Verdict  string    `json:"verdict"`
	Findings []Finding `json:"findings"`
	Problems []Problem `json:"problems,omitempty"` // files that could not be read
	// Question is the question only the person can answer that settles
	// the recordings (see QuestionVoiceDevice): set when a check could not
	// tell where recordings come from, also once the declared facts answer
	// it (Claim.Declared holds the answer), so that the answer stays
	// visible and changeable. "" when no such question applies.
	Question Question `json:"question,omitempty"`
	answer   string   // see Answer; the JSON has the declared facts
	// why is the reason of an unknown verdict (see VerdictReason); not
	// part of the JSON report.
	why verdictWhy
}

// Input is one selected input. SHA256 is filled by the caller that has the bytes.
type Input struct {
	Name   string `json:"name"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256,omitempty"`
	// Folder: the input is a folder (an extracted export); evidence in
	// its plain files has its name as Part, joined to the path with "/".
	Folder bool `json:"folder,omitempty"`
}

// Name names a member of the export for people, as archive.JoinName does:
// "export.zip!Alexa/x.csv", "amazon/Alexa/x.csv" in a folder input.
func (r *Report) Name(part, path string) string {
	folder := false
	if r != nil && part != "" {
		for _, in := range r.Inputs {
			folder = folder || in.Folder && in.Name == part
		}
	}
	return archive.JoinName(part, path, folder)
}

// FolderInputs are the names of the inputs that are folders, for
// archive.JoinName.
func (r *Report) FolderInputs() map[string]bool {
	out := map[string]bool{}
	for _, in := range r.Inputs {
		if in.Folder {
			out[in.Name] = true
		}
	}
	return out
}

// Claim is whom the export says it belongs to.
type Claim struct {
	CustomerIDs   []string       `json:"customerIds"`
	Emails        []string       `json:"emails"`
	Names         []string       `json:"names"`
	Devices       []ClaimDevice  `json:"devices"`
	VoiceProfiles []ClaimProfile `json:"voiceProfiles"`
	Declared      Declared       `json:"declared"`
}

// ClaimDevice is a device registered to the claimed account.
type ClaimDevice struct {
	Serial string `json:"serial"`
	Type   string `json:"type,omitempty"`
	Name   string `json:"name,omitempty"`
	// Product is what the device is: the product of its type code
	// (devicetypes.go), else what its DeviceModel or name says ("Kindle for
	// PC"). It words the device; no check depends on it.
	Product string `json:"product,omitempty"`
}

// ClaimProfile is a voice profile enrolled under the claimed account.
type ClaimProfile struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// Summary counts what the export holds.
type Summary struct {
	Recordings    int `json:"recordings"`
	Transcripts   int `json:"transcripts"`
	Devices       int `json:"devices"`
	VoiceProfiles int `json:"voiceProfiles"`
	// Activity counts Takeout activity that is not speech ("Used
	// Assistant"): neither a recording nor a transcript.
	Activity int `json:"activity,omitempty"`
}

// RuleID names the rule that made a finding, as the JSON report writes it.
type RuleID string

// The rules, each in the file of its name.
const (
	RuleDeclaredMismatch        RuleID = "declared-mismatch"         // what the person declared or marked is contradicted
	RuleForeignCustomer         RuleID = "foreign-customer"          // rows name another customer ID
	RuleForeignPart             RuleID = "foreign-part"              // a Takeout part of another account
	RuleFormatUnknown           RuleID = "format-unknown"            // no known export layout
	RuleIdentityConflict        RuleID = "identity-conflict"         // the export names two accounts
	RuleMissingRecording        RuleID = "missing-recording"         // a record names audio the export lacks
	RuleRecordingsWithoutDevice RuleID = "recordings-without-device" // no device of the account can have recorded them
	RuleTranscriptMismatch      RuleID = "transcript-mismatch"       // transcript lines match no recording
	RuleUnknownVoiceProfile     RuleID = "unknown-voice-profile"     // a voice profile the account does not have
	RuleUnrecognizedSpeaker     RuleID = "unrecognized-speaker"      // Google heard someone it did not recognise
	RuleUnreferencedRecording   RuleID = "unreferenced-recording"    // audio no record refers to
	RuleUnregisteredDevice      RuleID = "unregistered-device"       // a device not registered to the account
)

// Finding is one conclusion with its evidence. Findings are data, not errors.
type Finding struct {
	Rule     RuleID   `json:"rule"`
	Severity Severity `json:"severity"`
	Title    string   `json:"title"`             // English sentence; Text(lang) gives other languages
	Subject  string   `json:"subject,omitempty"` // the foreign thing itself: serial, customer ID, person ID, e-mail, path
	// SubjectShown is the subject as people are shown it (see Show), only
	// when that differs from the subject as written: "G070RQ⟨U+200B⟩0000000001".
	SubjectShown string     `json:"subjectShown,omitempty"`
	Records      int        `json:"records"`  // all affected records
	Evidence     []Evidence `json:"evidence"` // a few concrete places, not thousands
	// Affected lists indexes into Export.Recordings of the affected
	// recordings, for "show affected recordings"; not part of the JSON report.
	Affected []int `json:"-"`
	// AffectedAudio lists indexes into Export.Audio of the audio files the
	// finding is about that no recording stands for (audio nobody refers
	// to, audio of no device), in order; not part of the JSON report.
	AffectedAudio []int `json:"-"`
	// Msg and Args let a front end render the title in another language.
	Msg  string `json:"-"`
	Args []any  `json:"-"`
}

// Evidence is one place that shows a finding.
type Evidence struct {
	Part    string `json:"part,omitempty"`
	Path    string `json:"path"`
	Line    int    `json:"line,omitempty"`
	Page    int    `json:"page,omitempty"`
	Pointer string `json:"pointer,omitempty"`
	Field   string `json:"field,omitempty"`
	Value   string `json:"value,omitempty"`
	// ValueShown is the value as people are shown it (see Show), only when
	// that differs from the value as written.
	ValueShown string `json:"valueShown,omitempty"`
	Raw        string `json:"raw,omitempty"` // the value as written, when trimming or repair changed it
}

// Problem is a file that could not be read, in the report.
type Problem struct {
	Part   string `json:"part,omitempty"`
	Path   string `json:"path,omitempty"`
	Reason string `json:"reason"`
	// Zone is set when the file's times are written in this zone
	// abbreviation, which no table knows: they were read as UTC.
	Zone string `json:"zone,omitempty"`
	// Copies is set when the part is a second download of this part, with
	// the same files: they are counted once.
	Copies string `json:"copies,omitempty"`
}
