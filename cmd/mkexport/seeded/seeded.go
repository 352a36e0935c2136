// Package seeded generates small, clean, synthetic exports from a seed, in
// memory, and transforms them in ways that must not change their verdict;
// it can also plant one foreign value and say where it sits. It exists for
// the metamorphic tests (metamorphic_test.go): a seed gives the same export
// byte for byte on every run, so a failing seed is a reproducible case.
//
// Entry points: Generate (seed, plant -> *Export), Export.Inputs (the
// export in one container: ZIPs, one ZIP, nested ZIPs, a folder, tgz, 7z).
//
// Everything is synthetic: example.com/example.org addresses, invented
// IDs, audio that is a valid header and silence. Structures follow
// app/export/export.go: the assumed Amazon per-category layout beside the real
// registration.csv and Retail.Authentication.json, Takeout with the real
// overview tree or the old list, JSON or HTML activity, account files in
// any part.
package seeded

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// Vendor names, as the report writes them.
const (
	Amazon = "amazon"
	Google = "google"
)

// File is one member of a part.
type File struct {
	Path string
	Data []byte
}

// Part is one archive as a vendor delivers it: an Amazon category ZIP
// ("Alexa.zip") or a Takeout part ("takeout-…-001.zip").
type Part struct {
	Name  string
	Files []File
}

// Kind is what may be planted into a clean export.
type Kind string

// The kinds of foreign values. None plants nothing.
const (
	None               Kind = ""
	ForeignCustomer    Kind = "foreign-customer"      // Amazon: another customer ID in a voice-history row
	UnregisteredDevice Kind = "unregistered-device"   // Amazon: a serial no registration names, in a voice-history row
	UnknownProfile     Kind = "unknown-voice-profile" // Amazon: a person ID that is not enrolled, in a voice-history row
	StrayWAV           Kind = "stray-wav"             // Amazon: a WAV in the media folder no row references
	ForeignOverview    Kind = "foreign-overview"      // Takeout: the overview's header names another account
	ForeignProfile     Kind = "foreign-profile"       // Takeout: Profile.json names another account
	Unrecognized       Kind = "unrecognized"          // Takeout: a record from an unrecognised speaker
	StrayMP3           Kind = "stray-mp3"             // Takeout: an MP3 beside the activity no record references
	StrangerPart       Kind = "stranger-part"         // Takeout: a part of another job whose overview and profile name another account
)

// AmazonKinds and GoogleKinds are the kinds each vendor can carry.
var (
	AmazonKinds = []Kind{ForeignCustomer, UnregisteredDevice, UnknownProfile, StrayWAV}
	GoogleKinds = []Kind{ForeignOverview, ForeignProfile, Unrecognized, StrayMP3, StrangerPart}
)

// Place is where a planted value sits: the logical part, the member path,
// and the line (CSV, HTML) or JSON pointer. Export.Inputs says how a
// container renames part and path.
type Place struct {
	Kind    Kind
	Subject string // the foreign value itself: an ID, an e-mail, a file path
	Part    string
	Path    string
	Line    int
	Pointer string
}

// Export is one generated export.
type Export struct {
	Seed   uint64
	Vendor string
	Parts  []Part
	Steps  []string // the transformations applied, in order, for a failure message
	Plant  *Place   // nil when nothing was planted
	// Container is the form Inputs delivers it in.
	Container Container
	// TopFolder ("takeout-…/") is put before every path in OneZip: a
	// Takeout extracted and re-zipped with its folder.
	TopFolder string
	// Duplicate, when not 0, is the number of a part that Separate
	// delivers twice, the second time as "… (1).zip" (a download repeated).
	Duplicate int
	// NoCustomerID: the export names its account by e-mail only (no
	// customer profile), so no customer ID is the claim's.
	NoCustomerID bool
	// Decomposed: OneZip writes member names in NFD, as a Mac re-zips
	// an extracted folder.
	Decomposed bool
	// OtherJob is the name of a part of another Takeout job (StrangerPart).
	OtherJob string
}

// Generate builds the export of seed. Every choice comes from seed alone;
// the plant is decided after all choices of the clean export, so the clean
// and the planted export of one seed differ only in the planted value.
func Generate(seed uint64, plant Kind) (*Export, error) {
	r := rand.New(rand.NewPCG(seed, 0x6578706f72746c65)) // "exportle"
	// The vendor and the container are drawn from a stream of their own.
	pick := rand.New(rand.NewPCG(seed, 1))
	ex := &Export{Seed: seed}
	if pick.IntN(2) == 0 {
		ex.Vendor = Amazon
	} else {
		ex.Vendor = Google
	}
	ex.Container = Containers[pick.IntN(len(Containers))]
	if pick.IntN(100) < 4 {
		ex.Container = SevenZip // rare: a 7z spawns the unpacker's child process
	}
	ex.Steps = append(ex.Steps, "vendor "+ex.Vendor, "container "+string(ex.Container))
	if plant != None {
		ok := slices.Contains(AmazonKinds, plant)
		if ex.Vendor == Google {
			ok = slices.Contains(GoogleKinds, plant)
		}
		if !ok {
			return nil, fmt.Errorf("seeded: %s cannot be planted in a %s export", plant, ex.Vendor)
		}
	}
	var err error
	if ex.Vendor == Amazon {
		err = genAmazon(r, ex, plant)
	} else {
		err = genTakeout(r, ex, plant)
	}
	if err != nil {
		return nil, err
	}
	return ex, nil
}

// KindFor picks the kind seed plants, so that runs over many seeds plant
// every kind of both vendors.
func KindFor(seed uint64, vendor string) Kind {
	ks := AmazonKinds
	if vendor == Google {
		ks = GoogleKinds
	}
	return ks[(seed/2)%uint64(len(ks))]
}

func (ex *Export) step(format string, args ...any) {
	ex.Steps = append(ex.Steps, fmt.Sprintf(format, args...))
}

// ---- identifiers ----

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

func randStr(r *rand.Rand, set string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = set[r.IntN(len(set))]
	}
	return string(b)
}

func customerID(r *rand.Rand) string { return "A" + randStr(r, alnum, 13) }
func serial(r *rand.Rand) string     { return "G0" + randStr(r, alnum, 14) }
func hexSerial(r *rand.Rand) string  { return randStr(r, "0123456789abcdef", 32) + "GCAST" }
func personID(r *rand.Rand) string {
	return "amzn1.actor.person.oid.A" + randStr(r, alnum, 13)
}

func uuid(r *rand.Rand) string {
	h := randStr(r, "0123456789abcdef", 32)
	return h[:8] + "-" + h[8:12] + "-4" + h[13:16] + "-a" + h[17:20] + "-" + h[20:]
}

var (
	givenNames  = []string{"Anna", "Jürgen", "Zoë", "Mia", "Lukas", "Renée", "Søren", "Ida"}
	familyNames = []string{"Beispiel", "Muster", "Größer", "Probe", "Çelik", "Exempel"}
	deviceNames = []string{"Küche", "Wohnzimmer", "Büro", "Schlafzimmer", "Kinderzimmer", "Bad", "Flur", "Garage"}
	sayings     = []string{"wie wird das Wetter morgen", "stell einen Timer auf zehn Minuten",
		"play some jazz", "what time is it", "Licht aus", "add milk to my shopping list",
		"spiel Radio Eins", "good night", "wie spät ist es", "erzähl mir einen Witz",
		"turn on the lights", "was steht heute an"}
	answers = []string{"Morgen wird es sonnig bei 18 Grad.", "Zehn Minuten, ab jetzt.",
		"Here is a station you might like.", "It's 9:42 PM.", "OK.", "I've added milk to your list.",
		"Radio Eins von TuneIn.", "Good night.", "Es ist 21:42 Uhr.", "", "OK, turning on 2 lights.",
		"Heute hast du zwei Termine."}
)

// Voice-capable device type codes (app/check/devicetypes.go).
var voiceTypes = []struct{ code, model string }{
	{"A3S5BH2HU6VAYF", "Echo Dot"}, {"A7WXQPH584YP", "Echo"}, {"A12GXV8XMS007S", "Fire TV"},
	{"A10A33FOX2NUBK", "Echo Spot"},
}

// baseTime is where every generated export's records start.
var baseTime = time.Date(2023, 9, 16, 7, 12, 3, 0, time.UTC)

func randTime(r *rand.Rand) time.Time {
	return baseTime.Add(time.Duration(r.Int64N(int64(60*24*time.Hour))) / time.Millisecond * time.Millisecond)
}

// ---- audio ----

// wav is a valid, tiny 16-bit PCM mono WAV: a RIFF header and a few
// samples of silence (app/media reads the header; app/export lists audio by
// its extension).
func wav(n int) []byte {
	data := 2 * (8 + n)
	b := make([]byte, 44+data)
	copy(b, "RIFF")
	le32(b[4:], uint32(36+data))
	copy(b[8:], "WAVEfmt ")
	le32(b[16:], 16)
	le16(b[20:], 1)    // PCM
	le16(b[22:], 1)    // mono
	le32(b[24:], 8000) // rate
	le32(b[28:], 16000)
	le16(b[32:], 2)
	le16(b[34:], 16)
	copy(b[36:], "data")
	le32(b[40:], uint32(data))
	return b
}

// mp3 is an ID3-less run of MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz)
// of silence.
func mp3(frames int) []byte {
	const size = 417 // 144 * 128000 / 44100
	b := make([]byte, 0, frames*size)
	for range frames {
		f := make([]byte, size)
		f[0], f[1], f[2], f[3] = 0xff, 0xfb, 0x90, 0x64
		b = append(b, f...)
	}
	return b
}

func le32(b []byte, v uint32) { b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24) }
func le16(b []byte, v uint16) { b[0], b[1] = byte(v), byte(v>>8) }

// doubleEncode is UTF-8 text read as Latin-1 and written as UTF-8 again
// ("Küche" -> "KÃ¼che"), as messy Amazon CSVs have it.
func doubleEncode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}
