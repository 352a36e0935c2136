package hostile

import (
	"archive/zip"
	"fmt"
	"strings"
)

func init() {
	register(func() Archive {
		return Archive{"idents.zip",
			"voice history rows whose customer ID, serial or person ID differ from the owned ones only by a Cyrillic letter, " +
				"a zero-width space, a right-to-left override, a long s, a dotless i or a Kelvin sign",
			Idents()}
	})
}

// The account's own identifiers in Idents, and the look-alikes planted next
// to them: each differs by one character that is invisible, turns text
// around, or that Unicode case mapping or normalisation folds onto the
// owned letter.
const (
	identsCustomer = "A1B2C3D4E5F6G7"
	identsEcho     = "G070RQ0000000001"
	identsKindle   = "G000KI0000000003"
	identsPerson   = "amzn1.actor.person.oid.A1ANNAPROFILE1"
)

// IdentsForeign lists the planted look-alikes by the column they are in.
var IdentsForeign = []struct{ Field, Value, What string }{
	{"CustomerId", "\u0410" + identsCustomer[1:], "a Cyrillic А (U+0410) for A"},
	{"DeviceSerialNumber", "G070RQ\u200b0000000001", "a zero-width space (U+200B)"},
	{"DeviceSerialNumber", "G070RQ\u202e0000000001", "a right-to-left override (U+202E)"},
	{"DeviceSerialNumber", "G000\u212aI0000000003", "a Kelvin sign (U+212A) for K"},
	{"PersonId", strings.Replace(identsPerson, "person", "per\u017fon", 1), "a long s (U+017F) for s"},
	{"PersonId", strings.Replace(identsPerson, "oid", "o\u0131d", 1), "a dotless i (U+0131) for i"},
}

// Idents is an Amazon-like export in one ZIP (customer profile, device
// registration, voice profiles, voice history, audio) in which two rows are
// the account's own and one row per IdentsForeign entry carries a look-alike
// identifier. A checker that folds them or shows them raw tells the person
// the recordings are theirs.
func Idents() []byte {
	var b strings.Builder
	b.WriteString("Timestamp,CustomerId,DeviceSerialNumber,DeviceType,DeviceName,UtteranceId,CustomerTranscript,AlexaResponse,PersonId,PersonFirstName,AudioFile\n")
	row := func(i int, cust, serial, person string) string {
		w := fmt.Sprintf("media/%04d.wav", i)
		fmt.Fprintf(&b, "2023-09-16T07:%02d:03.277Z,%s,%s,A3S5BH2HU6VAYF,Küche,UTT-%04d,\"Alexa, what time is it?\",It is %d past seven.,%s,Anna,%s\n",
			i, cust, serial, i, i, person, w)
		return w
	}
	wavs := []string{row(0, identsCustomer, identsEcho, identsPerson), row(1, identsCustomer, identsKindle, identsPerson)}
	for i, f := range IdentsForeign {
		cust, serial, person := identsCustomer, identsEcho, identsPerson
		switch f.Field {
		case "CustomerId":
			cust = f.Value
		case "DeviceSerialNumber":
			serial = f.Value
		case "PersonId":
			person = f.Value
		}
		wavs = append(wavs, row(i+2, cust, serial, person))
	}
	ms := []member{
		{"Retail.CustomerProfile.1/Retail.CustomerProfile.1.csv", []byte("CustomerId,Name,EmailAddress,CountryCode,CreatedAt\n" +
			identsCustomer + ",Anna Beispiel,anna.beispiel@example.com,DE,2023-05-02T18:05:40.000Z\n"), zip.Deflate},
		{"Devices.Registration/registration.csv", []byte("AccountName,DeviceSerialNumber,DeviceType,CustomerId,FirstTimeRegistered,RegistrationDate\n" +
			"Küche," + identsEcho + ",A3S5BH2HU6VAYF," + identsCustomer + ",2023-05-02 18:20:11,2023-05-02 18:20:11\n" +
			"Flur," + identsKindle + ",A3S5BH2HU6VAYF," + identsCustomer + ",2023-05-09 16:02:47,2023-05-09 16:02:47\n"), zip.Deflate},
		{voiceHistoryPath, []byte(b.String()), zip.Deflate},
		{voiceProfilesPath, voiceProfiles(), zip.Deflate},
		{"README.txt", []byte(readmeText), zip.Store},
	}
	for i, w := range wavs {
		ms = append(ms, member{"Alexa.VoiceHistory/" + w, wav(uint32(i+1), 800), zip.Store})
	}
	return zipOf(ms...)
}
