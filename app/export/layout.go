package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Layout is the vendor table: every file and column name the parsers assume
// lives here and nowhere else, so that a wrong guess about a real export is
// fixed in one place — or by the user, with a small JSON mapping read by
// ReadLayout, without a new build. Files are still recognised by structure
// (their columns, their keys); names only break ties and word messages.
type Layout struct {
	Amazon AmazonLayout `json:"amazon"`
	Google GoogleLayout `json:"google"`

	// Documentation lists base-name patterns (path.Match syntax, compared
	// case-insensitively) of files that describe an export and are not data.
	Documentation []string `json:"documentation"`
	// Empty lists cell texts that mean "no value" (case-insensitive).
	Empty []string `json:"empty"`
	// Footer lists texts that start a summary footer in a CSV: the row that
	// starts with one and every row after it are ignored.
	Footer []string `json:"footer"`
}

// AmazonLayout names the tables of an Amazon export.
type AmazonLayout struct {
	Registration    Table `json:"registration"`
	VoiceHistory    Table `json:"voiceHistory"`
	VoiceProfiles   Table `json:"voiceProfiles"`
	CustomerProfile Table `json:"customerProfile"`
	// AlexaDevices is the Alexa side's device list (Smart Home/Devices
	// Data-N.csv of a real Alexa.zip): serials of the account's devices.
	AlexaDevices Table `json:"alexaDevices"`
	// Feedback is Alexa.zip's Feedback/Feedback-N.csv: the DSN of the
	// device each piece of the account's feedback was given on.
	Feedback Table `json:"feedback"`
	// SearchData is the retail search data (Search-Data.Product-Metrics.csv
	// and its siblings): the account's own numeric customer IDs.
	SearchData Table `json:"searchData"`

	// AlexaFiles lists base-name patterns (path.Match syntax, compared
	// case-insensitively) of files only an Alexa export holds, whatever
	// their columns: a CSV named so makes the export Amazon's even when no
	// table of it is read (an Alexa.zip without voice history).
	AlexaFiles []string `json:"alexaFiles"`

	// CustomerID lists the column names that hold a customer ID in any
	// table; every such cell becomes an Identity.
	CustomerID []string `json:"customerId"`
	// AudioBase is the folder that voice-history audio references are
	// relative to ("media/x.wav" -> "Alexa.VoiceHistory/media/x.wav").
	AudioBase string `json:"audioBase"`
	// TranscriptTime lists Go time layouts a 2018 transcript line starts with,
	// tried before the general timestamp formats.
	TranscriptTime []string `json:"transcriptTime"`
}

// Table describes one CSV table: which columns hold which field.
type Table struct {
	// Path is where the table is expected (for "cannot tell: X is missing").
	Path string `json:"path"`
	// File is the expected base name; it only breaks ties between tables
	// whose columns fit a CSV equally well.
	File string `json:"file"`
	// Columns maps a field (see the Fields of each table in the layout table, layout.go)
	// to the column names that may hold it, compared ignoring case, spaces,
	// "_" and "-".
	Columns map[string][]string `json:"columns"`
	// Required lists groups of fields: a CSV is this table only if, for
	// every group, one of its fields is a column of the CSV.
	Required [][]string `json:"required"`
}

// GoogleLayout names the files of a Google Takeout export.
type GoogleLayout struct {
	// Root is the top folder of every Takeout part.
	Root string `json:"root"`
	// ActivityFolders are the product folders of the voice history:
	// Assistant, and "Voice and Audio" (recordings before about 2020).
	// Product names are not translated, so this finds the activity in any
	// language. Only audio in these folders is a recording: other products
	// have audio of their own (Google Voice voicemails and greetings).
	ActivityFolders []string `json:"activityFolders"`
	// ActivityFiles are activity file names (translated) that are read even
	// outside an ActivityFolder.
	ActivityFiles []string `json:"activityFiles"`
	// Products: an activity record counts when its header or products name one.
	Products []string `json:"products"`
	// Said lists title prefixes in front of what the person said.
	Said []string `json:"said"`
	// SaidForms are the titles that put the verb after what was said
	// (German "… gesagt", Dutch "Je hebt … gezegd"): a prefix, a suffix
	// or both around the spoken text. A record whose title fits no Said
	// prefix and no form, and that has no audio, is activity, not speech.
	SaidForms []SaidForm `json:"saidForms"`
	// Unrecognized lists detail names that mark a record from an unknown voice.
	Unrecognized []string `json:"unrecognized"`
	// ArchiveBrowser lists names of the export overview page; any HTML page
	// directly under Root with a header_title is read as well.
	ArchiveBrowser []string `json:"archiveBrowser"`
	// SubscriberInfo is the name suffix of the account's subscriber page.
	SubscriberInfo string `json:"subscriberInfo"`
	// SubscriberLabels name the address lines of the subscriber page
	// ("e-Mail: …"), compared ignoring case, spaces, "-" and the colon.
	SubscriberLabels SubscriberLabels `json:"subscriberLabels"`
}

// SaidForm is a title around the spoken text: Prefix + text + Suffix.
// Either may be empty, not both.
type SaidForm struct {
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
}

// UnmarshalJSON reads a form afresh: the decoder would otherwise fill a
// mapping's form into the default list's element, keeping the default's
// other half.
func (f *SaidForm) UnmarshalJSON(b []byte) error {
	type plain SaidForm
	var p plain
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return err
	}
	*f = SaidForm(p)
	return nil
}

// SubscriberLabels sorts the addresses of *.SubscriberInfo.html.
type SubscriberLabels struct {
	// Account labels the account's own address: an identity.
	Account []string `json:"account"`
	// Alternate labels further addresses of the same account: claimed,
	// never a second account.
	Alternate []string `json:"alternate"`
	// Contact labels addresses where the account is reached (contact,
	// recovery): not accounts, never compared with the claim.
	Contact []string `json:"contact"`
}

// tableFields lists the fields each table knows; a mapping naming another
// field is refused, so a typo is not silently ignored.
var tableFields = map[string][]string{
	"registration":    {"serial", "type", "name", "customerId", "firstRegistered", "registered", "lastRegistered", "deregistered", "state", "model"},
	"voiceHistory":    {"time", "customerId", "device", "deviceType", "deviceName", "utteranceId", "transcript", "response", "personId", "personName", "audio"},
	"voiceProfiles":   {"personId", "personName", "personType", "customerId", "enrolled"},
	"customerProfile": {"customerId", "name", "email", "country", "created"},
	"alexaDevices":    {"serial", "name", "applianceName", "group", "role", "customerType"},
	"feedback":        {"serial", "time"},
	"searchData":      {"customerId", "lastCustomerId"},
}

// DefaultLayout returns the built-in vendor table (a fresh copy each call).
// Names of the layouts no real export has shown (app/export/export.go) are our own guesses.
func DefaultLayout() *Layout {
	return &Layout{
		Amazon: AmazonLayout{
			Registration: Table{
				Path: "Devices.Registration.zip/registration.csv",
				File: "registration.csv",
				Columns: map[string][]string{
					"serial":          {"DeviceSerialNumber", "SerialNumber", "DSN"},
					"type":            {"DeviceType", "DeviceTypeId"},
					"name":            {"AccountName", "DeviceName"},
					"customerId":      {"CustomerId"},
					"firstRegistered": {"FirstTimeRegistered"},
					"registered":      {"RegistrationDate", "RegisteredAt"},
					// The real registration.csv (app/export/export.go, "Real exports").
					"lastRegistered": {"LastTimeRegistered"},
					"deregistered":   {"TimeDeregistered"},
					"state":          {"State"},
					"model":          {"DeviceModel"},
				},
				Required: [][]string{{"serial"}, {"firstRegistered", "registered"}},
			},
			VoiceHistory: Table{
				Path: "Alexa.zip/Alexa.VoiceHistory/datasets/Alexa.VoiceHistory/Alexa.VoiceHistory.csv",
				File: "Alexa.VoiceHistory.csv",
				Columns: map[string][]string{
					"time":        {"Timestamp", "Time", "CreationTime"},
					"customerId":  {"CustomerId"},
					"device":      {"DeviceSerialNumber", "SerialNumber"},
					"deviceType":  {"DeviceType"},
					"deviceName":  {"DeviceName"},
					"utteranceId": {"UtteranceId", "Utterance Id"},
					"transcript":  {"CustomerTranscript", "Transcript", "UtteranceText"},
					"response":    {"AlexaResponse", "Response"},
					"personId":    {"PersonId"},
					"personName":  {"PersonFirstName", "PersonName"},
					"audio":       {"AudioFile", "Audio"},
				},
				Required: [][]string{{"time"}, {"utteranceId", "transcript", "audio"}},
			},
			VoiceProfiles: Table{
				Path: "Alexa.zip/Alexa.VoiceProfiles/datasets/Alexa.VoiceProfiles/Alexa.VoiceProfiles.csv",
				File: "Alexa.VoiceProfiles.csv",
				Columns: map[string][]string{
					"personId":   {"PersonId"},
					"personName": {"PersonFirstName", "PersonName"},
					"personType": {"PersonType"},
					"customerId": {"CustomerId"},
					"enrolled":   {"EnrolledAt", "EnrollmentDate"},
				},
				Required: [][]string{{"personId"}, {"personType", "enrolled"}},
			},
			CustomerProfile: Table{
				Path: "Retail.CustomerProfile.zip/Retail.CustomerProfile.1/Retail.CustomerProfile.1.csv",
				File: "Retail.CustomerProfile.1.csv",
				Columns: map[string][]string{
					"customerId": {"CustomerId"},
					"name":       {"Name", "CustomerName"},
					"email":      {"EmailAddress", "Email"},
					"country":    {"CountryCode", "Country"},
					"created":    {"CreatedAt", "CreationDate"},
				},
				Required: [][]string{{"customerId"}, {"email"}},
			},
			// The real Alexa.zip (app/export/export.go, "Real exports").
			AlexaDevices: Table{
				Path: "Alexa.zip/Smart Home/Devices Data-1.csv",
				File: "Devices Data-1.csv",
				Columns: map[string][]string{
					"serial":        {"Device Serial Number", "DeviceSerialNumber"},
					"name":          {"Account Name"},
					"applianceName": {"Appliance Name"},
					"group":         {"Group Name"},
					"role":          {"Account Role"},
					"customerType":  {"Customer Type"},
				},
				Required: [][]string{{"serial"}, {"applianceName", "group"}},
			},
			Feedback: Table{
				Path: "Alexa.zip/Feedback/Feedback-1.csv",
				File: "Feedback-1.csv",
				Columns: map[string][]string{
					// Only DSN is known of the real file; a DSN column is
					// Amazon's own name for a device serial.
					"serial": {"DSN"},
					"time":   {"Timestamp", "Feedback Time", "Creation Time"},
				},
				Required: [][]string{{"serial"}},
			},
			SearchData: Table{
				Path: "Search-Data.zip/Search-Data/Search-Data.Product-Metrics.csv",
				File: "Search-Data.Product-Metrics.csv",
				Columns: map[string][]string{
					"customerId":     {"Customer ID"},
					"lastCustomerId": {"Last Known Customer ID"},
				},
				Required: [][]string{{"lastCustomerId"}},
			},
			AlexaFiles:     []string{"Country of Residence-*.csv", "Devices Data-*.csv", "Feedback-*.csv"},
			CustomerID:     []string{"CustomerId", "Customer Id"},
			AudioBase:      "Alexa.VoiceHistory/",
			TranscriptTime: []string{"02.01.2006 15:04:05", "02.01.2006 15:04"},
		},
		Google: GoogleLayout{
			Root:            "Takeout",
			ActivityFolders: []string{"Assistant", "Voice and Audio"},
			ActivityFiles: []string{"MyActivity.json", "My Activity.json", "MeineAktivitäten.json", "MonActivité.json",
				"MyActivity.html", "My Activity.html", "MeineAktivitäten.html", "MonActivité.html"},
			Products: []string{"Assistant", "Google Assistant", "Voice and Audio"},
			// "Gesagt: " is an older guess of ours, seen in no real export;
			// it stays so that pages written that way are still read.
			Said: []string{"Said ", "Vous avez dit ", "Gesagt: "},
			SaidForms: []SaidForm{
				{Suffix: " gesagt"},                     // German: „Wie wird das Wetter“ gesagt
				{Prefix: "Je hebt ", Suffix: " gezegd"}, // Dutch
			},
			Unrecognized:   []string{"From unrecognized speaker", "Von nicht erkanntem Sprecher", "D'un interlocuteur non reconnu", "Locuteur non reconnu"},
			ArchiveBrowser: []string{"archive_browser.html", "Archiv_Übersicht.html"},
			SubscriberInfo: ".SubscriberInfo.html",
			// The labels of real subscriber pages (app/export/export.go, "Real
			// exports"); "Email" is what older pages and our fixtures wrote.
			SubscriberLabels: SubscriberLabels{
				Account:   []string{"e-Mail", "Email"},
				Alternate: []string{"Alternate e-Mails", "Alternate e-Mail"},
				Contact:   []string{"Contact e-Mail", "Recovery e-Mail"},
			},
		},
		Documentation: []string{"README.txt", "*_Instructions.txt", "*.Description.pdf", "description.txt", "FileDescriptions.csv"},
		Empty:         []string{"N/A", "null"},
		Footer:        []string{"File Summary:"},
	}
}

// maxLayoutBytes bounds a mapping file: a real one is a few hundred bytes.
const maxLayoutBytes = 1 << 20

// ReadLayout reads a JSON mapping and returns DefaultLayout with the
// mapping's values in place of the defaults it names. Objects merge key by
// key; a list replaces the default list. An unknown key is an error that
// names it.
func ReadLayout(r io.Reader) (*Layout, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxLayoutBytes+1))
	if err != nil {
		return nil, fmt.Errorf("export: layout: %w", err)
	}
	if len(data) > maxLayoutBytes {
		return nil, errors.New("export: layout: mapping larger than 1 MiB")
	}
	l := DefaultLayout()
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(l); err != nil {
		return nil, fmt.Errorf("export: layout: %w", err)
	}
	if dec.More() {
		return nil, errors.New("export: layout: data after the mapping object")
	}
	if err := l.validate(); err != nil {
		return nil, err
	}
	return l, nil
}

// tables returns the Amazon tables by their mapping key.
func (l *Layout) tables() map[string]*Table {
	return map[string]*Table{
		"registration":    &l.Amazon.Registration,
		"voiceHistory":    &l.Amazon.VoiceHistory,
		"voiceProfiles":   &l.Amazon.VoiceProfiles,
		"customerProfile": &l.Amazon.CustomerProfile,
		"alexaDevices":    &l.Amazon.AlexaDevices,
		"feedback":        &l.Amazon.Feedback,
		"searchData":      &l.Amazon.SearchData,
	}
}

// validate refuses fields the parsers do not know: the JSON decoder cannot,
// because Columns is a map.
func (l *Layout) validate() error {
	tabs := l.tables()
	names := make([]string, 0, len(tabs))
	for n := range tabs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		t := tabs[n]
		known := map[string]bool{}
		for _, f := range tableFields[n] {
			known[f] = true
		}
		cols := make([]string, 0, len(t.Columns))
		for f := range t.Columns {
			cols = append(cols, f)
		}
		sort.Strings(cols)
		for _, f := range cols {
			if !known[f] {
				return fmt.Errorf("export: layout: unknown key %q in amazon.%s.columns (known: %s)", f, n, strings.Join(tableFields[n], ", "))
			}
		}
		for _, g := range t.Required {
			for _, f := range g {
				if !known[f] {
					return fmt.Errorf("export: layout: unknown field %q in amazon.%s.required", f, n)
				}
			}
		}
	}
	return nil
}
