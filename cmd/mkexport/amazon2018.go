package main

import (
	"bytes"
	"fmt"
	"time"

	"exportlens/app/media"
)

// The 2018 story: one ZIP with the requester's own profile and a Kindle, and
// a folder of a stranger household's Alexa recordings plus a PDF transcript.
// The transcript dates are from 2018 because the layout is from then.
var strangerHousehold = []struct {
	at   string
	text string
	v    voice
}{
	{"2018-08-11T07:02:14Z", "Alexa, turn on the bedroom light.", voiceStranger},
	{"2018-08-11T07:05:51Z", "Alexa, what's the weather today?", voiceStranger2},
	{"2018-08-11T07:31:09Z", "Alexa, play the morning news.", voiceStranger},
	{"2018-08-11T18:44:37Z", "Alexa, turn up the TV.", voiceStranger},
	{"2018-08-11T21:12:02Z", "Alexa, set an alarm for six.", voiceStranger2},
	{"2018-08-12T09:20:48Z", "Alexa, play music in the bathroom.", voiceStranger2},
	{"2018-08-12T09:26:13Z", "Alexa, stop.", voiceStranger2},
	{"2018-08-12T12:58:30Z", "Alexa, how long do I boil an egg?", voiceStranger},
	{"2018-08-12T20:03:44Z", "Alexa, switch the Fire TV off.", voiceStranger},
	{"2018-08-13T06:45:19Z", "Alexa, snooze.", voiceStranger2},
	{"2018-08-13T07:10:02Z", "Alexa, call Lisa.", voiceStranger},
	{"2018-08-13T22:37:55Z", "Alexa, good night.", voiceStranger2},
}

const transcriptPDF = "Alexa/Alexa-Sprachaufnahmen.pdf"

// extraPhrase is the PDF line that no recording has.
const extraPhrase = "Alexa, what time is it?"

func buildAmazon2018(s *synth) (tree, *fixture, error) {
	t := tree{}
	pdfLines := []string{"Alexa Sprachaufnahmen – Transkript"}
	for i, u := range strangerHousehold {
		w, err := s.wav(u.v, u.text)
		if err != nil {
			return nil, nil, err
		}
		t.add(fmt.Sprintf("Alexa/%04d.wav", i+1), w)
		when, err := time.Parse(time.RFC3339, u.at)
		if err != nil {
			return nil, nil, err
		}
		pdfLines = append(pdfLines, when.Format("02.01.2006 15:04:05")+" "+u.text)
	}
	// A transcript line with no recording: the PDF and the WAVs disagree.
	pdfLines = append(pdfLines, "14.08.2018 06:58:21 "+extraPhrase)
	extraLine := len(pdfLines)
	var pdf bytes.Buffer
	if err := media.WritePDF(&pdf, [][]string{pdfLines}); err != nil {
		return nil, nil, fmt.Errorf("mkexport: transcript pdf: %w", err)
	}
	t.add(transcriptPDF, pdf.Bytes())

	t.add(profileCSV, customerProfile(false))
	reg := newCSV(false, false)
	reg.Record("AccountName", "DeviceSerialNumber", "DeviceType", "CustomerId", "FirstTimeRegistered", "RegistrationDate")
	reg.Record("Annas Kindle", serialKindle, typeKindle, customerAnna, "2016-12-24 17:45:02", "2016-12-24 17:45:02")
	t.add("Devices.Registration/"+regCSV, reg.Bytes())
	orders := newCSV(false, false)
	orders.Record("Order Date", "Order ID", "Title", "Quantity", "Total Owed")
	orders.Record("2018-03-04", "302-1234567-7654321", "Der Prozess (Kindle Edition)", "1", "0.99")
	orders.Record("2018-06-17", "302-7654321-1234567", "Kochen für Anfänger (Kindle Edition)", "1", "7.99")
	t.add("Retail.OrderHistory.1/Retail.OrderHistory.1.csv", orders.Bytes())
	t.add("README.txt", []byte("Your Amazon data. Each folder holds one category of your data.\r\n"))

	f := &fixture{
		Name:        "amazon-2018",
		Description: "A 2018-style single ZIP: the requester's profile and a Kindle, plus 12 Alexa recordings and a PDF transcript from a stranger's household.",
		Vendor:      "amazon",
		Verdict:     "mismatch",
		Declared:    emptyDeclared(),
		Claim:       amazonClaim(),
		Recordings:  len(strangerHousehold),
		Planted: []planted{
			{Rule: "recordings-without-device", Subject: "Alexa/", Part: "export.zip", Path: "Alexa/0001.wav",
				Records: len(strangerHousehold)},
			{Rule: "transcript-mismatch", Subject: transcriptPDF, Part: "export.zip", Path: transcriptPDF,
				Page: 1, Line: extraLine, Records: 1},
		},
	}
	f.Declared.NoDevices = true
	for _, u := range strangerHousehold {
		f.Phrases = append(f.Phrases, u.text)
	}
	f.Phrases = append(f.Phrases, extraPhrase)
	return t, f, nil
}
