package main

import (
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// messyTimeLayouts are the Amazon time formats seen in the wild (app/export/export.go, times.go);
// the messy fixture cycles through them. All values are UTC.
var messyTimeLayouts = []string{
	"2006-01-02T15:04:05.000Z",
	"2006-01-02 15:04:05",
	"01/02/2006 15:04:05",
	"01/02/2006 15:04:05 MST",
	"Mon Jan 02 15:04:05 MST 2006",
	"Mon, 02 Jan 2006 15:04:05 MST",
	"1/2/06 3:04:05 PM MST",
}

// messyID disguises an ID the way sloppy exports do; trimming and upper-casing
// gives the clean ID back.
func messyID(id string, i int) string {
	switch i % 3 {
	case 1:
		return "  " + strings.ToLower(id) + " "
	case 2:
		return " " + id
	}
	return id
}

// messyName repairs back to name: double-encoded on even rows, NFD on row 5 (a Küche row).
func messyName(name string, i int) string {
	switch {
	case i == 5:
		return norm.NFD.String(name)
	case i%2 == 0:
		return doubleEncode(name)
	}
	return name
}

func orNA(s string) string {
	if s == "" {
		return "N/A"
	}
	return s
}

// buildAmazonMessy renders the household rows as a messy but consistent export.
func buildAmazonMessy(s *synth, rows []alexaRow) (*amazonExport, error) {
	ex := &amazonExport{alexa: tree{}, registration: tree{}, profile: tree{}, rows: rows}
	h := newCSV(true, true)
	h.Record("This file lists your Alexa voice interactions. All times are UTC.")
	h.Record("UtteranceId", "Timestamp", "DeviceName", "DeviceSerialNumber", "DeviceType", "CustomerId", "Locale",
		"PersonFirstName", "PersonId", "CustomerTranscript", "IntentName", "AlexaResponse", "AudioFile")
	for i, r := range rows {
		locale := "de-DE"
		if r.Voice == voicePartner {
			locale = "en-GB"
		}
		person := orNA(r.Person)
		if i == 5 {
			person = " " + person + " "
		}
		ex.rowLine = append(ex.rowLine, h.Record(utteranceIDFor(r.key()),
			r.At.UTC().Format(messyTimeLayouts[i%len(messyTimeLayouts)]),
			messyName(r.DevName, i), messyID(r.Serial, i), r.DevType, messyID(r.Customer, i+1), locale,
			orNA(r.PersonName), person, r.Said, "N/A", orNA(r.Answer), r.audioRef()))
	}
	ex.alexa.add(historyCSV, h.Bytes())
	if err := addRowAudio(s, ex.alexa, rows); err != nil {
		return nil, err
	}

	vp := newCSV(true, true)
	vp.Record("PersonFirstName", "PersonId", "CustomerId", "PersonType", "EnrolledAt")
	vp.Record("Anna", personAnna+" ", strings.ToLower(customerAnna), "ADULT",
		time.Date(2023, 5, 2, 18, 31, 54, 0, time.UTC).Format("01/02/2006 15:04:05 MST"))
	ex.alexa.add(profilesCSV, vp.Bytes())
	ex.alexa.add(countryCSV, countryOfResidence(true))
	ex.alexa.add("README.txt", []byte(alexaReadme))

	reg := newCSV(true, true)
	reg.Record("DeviceSerialNumber", "AccountName", "DeviceType", "SoftwareVersion", "CustomerId",
		"RegistrationDate", "FirstTimeRegistered")
	reg.Record(" "+strings.ToLower(serialKueche), doubleEncode("Küche"), typeEchoDot, "8289901188", customerAnna+" ",
		"05/02/2023 18:20", "N/A")
	reg.Record(serialWohnen, "Wohnzimmer", strings.ToLower(typeEcho), "N/A", " "+customerAnna,
		"08/30/2023 09:14", "05/09/2023 16:02")
	reg.Raw("")
	reg.Raw("File Summary:")
	reg.Raw("Total records: 2")
	ex.registration.add(regCSV, reg.Bytes())

	ex.profile.add(profileCSV, customerProfile(true))
	return ex, nil
}
