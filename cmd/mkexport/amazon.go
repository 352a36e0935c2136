package main

import (
	"fmt"
	pathpkg "path"
	"slices"
	"time"
)

// alexaRow is one voice interaction as the generator plans it.
type alexaRow struct {
	At         time.Time
	Customer   string
	Serial     string
	DevType    string
	DevName    string
	Person     string // "" when the speaker is not enrolled
	PersonName string
	Said       string // spoken and recognised text
	Answer     string // "" when Alexa said nothing
	Voice      voice
	Audio      audioKind
}

type audioKind int

const (
	audioPresent audioKind = iota
	audioNone              // AudioFile empty: recording not kept
	audioMissing           // AudioFile names a WAV that is not in the archive
)

const (
	historyCSV  = "Alexa.VoiceHistory/datasets/Alexa.VoiceHistory/Alexa.VoiceHistory.csv"
	historyDir  = "Alexa.VoiceHistory/"
	profilesCSV = "Alexa.VoiceProfiles/datasets/Alexa.VoiceProfiles/Alexa.VoiceProfiles.csv"
	countryCSV  = "Location/Country of Residence-1.csv"
	regCSV      = "registration.csv"
	profileCSV  = "Retail.CustomerProfile.1/Retail.CustomerProfile.1.csv"
)

func (r alexaRow) key() string { return r.At.Format(time.RFC3339Nano) + "|" + r.Said }

// audioRef is the AudioFile cell (relative to Alexa.VoiceHistory/).
func (r alexaRow) audioRef() string {
	if r.Audio == audioNone {
		return ""
	}
	return "media/" + uuidFor("wav/"+r.key()) + ".wav"
}

func at(s string) time.Time {
	t, err := time.Parse("2006-01-02T15:04:05.000Z", s)
	if err != nil {
		panic(err)
	}
	return t
}

func anna(when, dev, said, answer string) alexaRow {
	r := alexaRow{At: at(when), Customer: customerAnna, Person: personAnna, PersonName: "Anna",
		Said: said, Answer: answer, Voice: voiceAnna}
	r.setDevice(dev)
	return r
}

func partner(when, dev, said, answer string) alexaRow {
	r := alexaRow{At: at(when), Customer: customerAnna, Said: said, Answer: answer, Voice: voicePartner}
	r.setDevice(dev)
	return r
}

func (r *alexaRow) setDevice(serial string) {
	r.Serial = serial
	switch serial {
	case serialKueche:
		r.DevType, r.DevName = typeEchoDot, "Küche"
	case serialWohnen:
		r.DevType, r.DevName = typeEcho, "Wohnzimmer"
	case serialForeign:
		r.DevType, r.DevName = typeEchoDot, "Bedroom"
	}
}

// householdRows: Anna's household, used by amazon-clean and amazon-messy.
func householdRows() []alexaRow {
	rows := []alexaRow{
		anna("2023-09-16T07:12:03.277Z", serialKueche, "Alexa, wie wird das Wetter morgen?", "Morgen wird es in Berlin sonnig bei 18 Grad."),
		partner("2023-09-16T08:30:41.905Z", serialWohnen, "Alexa, play some jazz.", "Here is a station you might like: Smooth Jazz."),
		anna("2023-09-16T12:01:15.050Z", serialKueche, "Alexa, stell einen Timer auf zehn Minuten.", "Zehn Minuten, ab jetzt."),
		anna("2023-09-17T19:42:00.610Z", serialWohnen, "Alexa, wie spät ist es?", "Es ist 21:42 Uhr."),
		partner("2023-09-18T17:05:22.138Z", serialKueche, "Alexa, add milk to my shopping list.", "I've added milk to your shopping list."),
		anna("2023-09-18T20:15:09.442Z", serialKueche, "Alexa, Licht aus.", "OK."),
		partner("2023-09-19T06:50:33.701Z", serialWohnen, "Alexa, what's the news?", "Here is your flash briefing.\nFirst, the weather."),
		anna("2023-09-19T18:22:47.016Z", serialWohnen, "Alexa, spiel Radio Eins.", "Radio Eins von TuneIn."),
		anna("2023-09-20T07:03:11.520Z", serialKueche, "Alexa, stopp.", ""),
		partner("2023-09-20T22:40:58.333Z", serialKueche, "Alexa, good night.", "Good night. Sleep well."),
	}
	rows[8].Audio = audioNone
	return rows
}

// foreignRows: Anna's household mixed with a stranger household's records.
// The returned indexes name the first row of each planted group.
func foreignRows() []alexaRow {
	stranger := func(when, said, answer string, v voice) alexaRow {
		return alexaRow{At: at(when), Customer: customerAnna, Said: said, Answer: answer, Voice: v}
	}
	rows := []alexaRow{
		anna("2023-10-02T07:12:03.277Z", serialKueche, "Alexa, wie wird das Wetter morgen?", "Morgen wird es in Berlin sonnig bei 18 Grad."),
		partner("2023-10-02T08:30:41.905Z", serialWohnen, "Alexa, what's the news?", "Here is your flash briefing.\nFirst, the weather."),
		anna("2023-10-02T12:01:15.050Z", serialKueche, "Alexa, stell einen Timer auf zehn Minuten.", "Zehn Minuten, ab jetzt."),
	}
	// A device registered to nobody in this export.
	for _, s := range []struct{ when, said, answer string }{
		{"2023-10-03T05:58:12.004Z", "Alexa, turn off the bedroom light.", "OK."},
		{"2023-10-03T06:01:40.781Z", "Alexa, set an alarm for six thirty.", "Alarm set for 6:30 AM."},
		{"2023-10-03T22:17:05.126Z", "Alexa, play rain sounds.", "Here are rain sounds."},
	} {
		r := stranger(s.when, s.said, s.answer, voiceStranger)
		r.setDevice(serialForeign)
		rows = append(rows, r)
	}
	rows = append(rows, anna("2023-10-04T19:42:00.610Z", serialWohnen, "Alexa, wie spät ist es?", "Es ist 21:42 Uhr."))
	// Another customer's records on a registered device.
	for _, s := range []struct{ when, said, answer string }{
		{"2023-10-05T09:10:27.390Z", "Alexa, order more coffee pods.", "I found coffee pods in your order history."},
		{"2023-10-05T09:12:44.858Z", "Alexa, call mom.", "Calling Mom."},
	} {
		r := stranger(s.when, s.said, s.answer, voiceStranger2)
		r.Customer = customerForeign
		r.setDevice(serialWohnen)
		rows = append(rows, r)
	}
	// A voice profile that is not enrolled on this account.
	for _, s := range []struct{ when, said, answer string }{
		{"2023-10-06T07:30:18.240Z", "Alexa, what's on my calendar today?", "You have a dentist appointment at 3 PM."},
		{"2023-10-06T07:31:02.675Z", "Alexa, how long is my commute?", "Traffic is light. It will take 25 minutes."},
	} {
		r := stranger(s.when, s.said, s.answer, voiceStranger)
		r.Person, r.PersonName = personForeign, "Mike"
		r.setDevice(serialKueche)
		rows = append(rows, r)
	}
	rows = append(rows,
		partner("2023-10-07T17:05:22.138Z", serialKueche, "Alexa, add milk to my shopping list.", "I've added milk to your shopping list."),
		anna("2023-10-07T20:15:09.442Z", serialKueche, "Alexa, Licht aus.", "OK."),
	)
	rows[len(rows)-1].Audio = audioMissing
	return rows
}

// unreferencedSpeech: WAVs placed in media/ that no row names.
var unreferencedSpeech = []struct {
	key, text string
	v         voice
}{
	{"unref-1", "Alexa, unlock the front door.", voiceStranger2},
	{"unref-2", "Alexa, how tall is the Eiffel Tower?", voiceStranger},
}

// amazonExport is one per-category export: its three ZIP trees, plus the
// lines where each history row starts.
type amazonExport struct {
	alexa, registration, profile tree
	rowLine                      []int // physical line of each history row
	unreferenced                 []string
	rows                         []alexaRow
}

// buildAmazon writes the clean (well-formed) rendering of rows.
func buildAmazon(s *synth, rows []alexaRow, withUnreferenced bool) (*amazonExport, error) {
	ex := &amazonExport{alexa: tree{}, registration: tree{}, profile: tree{}, rows: rows}
	h := newCSV(false, false)
	h.Record("Timestamp", "CustomerId", "DeviceSerialNumber", "DeviceType", "DeviceName", "UtteranceId",
		"CustomerTranscript", "AlexaResponse", "PersonId", "PersonFirstName", "AudioFile")
	for _, r := range rows {
		ex.rowLine = append(ex.rowLine, h.Record(isoTime(r.At), r.Customer, r.Serial, r.DevType, r.DevName,
			utteranceIDFor(r.key()), r.Said, r.Answer, r.Person, r.PersonName, r.audioRef()))
	}
	ex.alexa.add(historyCSV, h.Bytes())
	if err := addRowAudio(s, ex.alexa, rows); err != nil {
		return nil, err
	}
	if withUnreferenced {
		for _, u := range unreferencedSpeech {
			w, err := s.wav(u.v, u.text)
			if err != nil {
				return nil, err
			}
			name := historyDir + "media/" + uuidFor("wav/"+u.key) + ".wav"
			ex.alexa.add(name, w)
			ex.unreferenced = append(ex.unreferenced, name)
		}
	}

	vp := newCSV(false, false)
	vp.Record("PersonId", "PersonFirstName", "PersonType", "CustomerId", "EnrolledAt")
	vp.Record(personAnna, "Anna", "ADULT", customerAnna, "2023-05-02T18:31:54.000Z")
	ex.alexa.add(profilesCSV, vp.Bytes())

	ex.alexa.add(countryCSV, countryOfResidence(false))
	ex.alexa.add("README.txt", []byte(alexaReadme))

	reg := newCSV(false, false)
	reg.Record("AccountName", "DeviceSerialNumber", "DeviceType", "CustomerId", "FirstTimeRegistered", "RegistrationDate")
	reg.Record("Küche", serialKueche, typeEchoDot, customerAnna, "2023-05-02 18:20:11", "2023-05-02 18:20:11")
	reg.Record("Wohnzimmer", serialWohnen, typeEcho, customerAnna, "2023-05-09 16:02:47", "2023-08-30 09:14:05")
	ex.registration.add(regCSV, reg.Bytes())

	ex.profile.add(profileCSV, customerProfile(false))
	return ex, nil
}

// addRowAudio adds the WAV of every row that has one in the archive.
func addRowAudio(s *synth, t tree, rows []alexaRow) error {
	for _, r := range rows {
		if r.Audio != audioPresent {
			continue
		}
		w, err := s.wav(r.Voice, r.Said)
		if err != nil {
			return err
		}
		t.add(historyDir+r.audioRef(), w)
	}
	return nil
}

func isoTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

func countryOfResidence(messy bool) []byte {
	c := newCSV(messy, messy)
	c.Record("Timestamp", "Country")
	c.Record("2023-05-02T18:20:11.000Z", "DE")
	return c.Bytes()
}

func customerProfile(messy bool) []byte {
	c := newCSV(messy, messy)
	if messy {
		c.Record("EmailAddress", "CustomerId", "Name", "CountryCode", "CreatedAt", "PreferredLanguage")
		c.Record(" "+emailAnna+" ", " a1b2c3d4e5f6g7", nameAnna, "DE", "Tue, 02 May 2023 18:05:40 UTC", "de_DE")
		return c.Bytes()
	}
	c.Record("CustomerId", "Name", "EmailAddress", "CountryCode", "CreatedAt")
	c.Record(customerAnna, nameAnna, emailAnna, "DE", "2023-05-02T18:05:40.000Z")
	return c.Bytes()
}

const alexaReadme = "This archive contains the data associated with your Alexa account.\r\n" +
	"Each folder holds one data set; datasets/ holds tables, media/ holds voice recordings.\r\n"

// amazonFixture writes one per-category form and returns its planted.json.
func amazonPlanted(ex *amazonExport, part func(zip string) string, path func(zip, p string) string) []planted {
	alexa := func(p string) string { return path("Alexa.zip", p) }
	var out []planted
	group := func(rule, field string, match func(alexaRow) (string, bool)) {
		first, n, subject := -1, 0, ""
		for i, r := range ex.rows {
			if s, ok := match(r); ok {
				if first < 0 {
					first, subject = i, s
				}
				n++
			}
		}
		if first >= 0 {
			out = append(out, planted{Rule: rule, Subject: subject, Part: part("Alexa.zip"),
				Path: alexa(historyCSV), Line: ex.rowLine[first], Field: field, Records: n})
		}
	}
	group("unregistered-device", "DeviceSerialNumber", func(r alexaRow) (string, bool) {
		return r.Serial, r.Serial != serialKueche && r.Serial != serialWohnen
	})
	group("foreign-customer", "CustomerId", func(r alexaRow) (string, bool) {
		return r.Customer, r.Customer != customerAnna
	})
	group("unknown-voice-profile", "PersonId", func(r alexaRow) (string, bool) {
		return r.Person, r.Person != "" && r.Person != personAnna
	})
	// Unreferenced audio is one finding per folder (1,700 stray files are one
	// problem, not 1,700), with the first stray file as evidence.
	if len(ex.unreferenced) > 0 {
		first := slices.Min(ex.unreferenced)
		out = append(out, planted{Rule: "unreferenced-recording", Subject: alexa(pathpkg.Dir(first) + "/"),
			Part: part("Alexa.zip"), Path: alexa(first), Records: len(ex.unreferenced)})
	}
	for i, r := range ex.rows {
		if r.Audio == audioMissing {
			out = append(out, planted{Rule: "missing-recording", Subject: alexa(historyDir + r.audioRef()),
				Part: part("Alexa.zip"), Path: alexa(historyCSV), Line: ex.rowLine[i], Field: "AudioFile", Records: 1})
		}
	}
	return out
}

func (ex *amazonExport) recordings() int { return len(ex.rows) + len(ex.unreferenced) }

func amazonClaim() claim {
	return claim{CustomerIDs: []string{customerAnna}, Emails: []string{emailAnna}}
}

func must(err error) {
	if err != nil {
		panic(fmt.Errorf("mkexport: %w", err))
	}
}
