package seeded

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"
)

// Member paths of the Amazon layout (app/export/layout.go: the voice history and
// voice profiles are assumed, registration.csv and Retail.Authentication
// seen in real exports).
const (
	HistoryCSV  = "Alexa.VoiceHistory/datasets/Alexa.VoiceHistory/Alexa.VoiceHistory.csv"
	MediaDir    = "Alexa.VoiceHistory/media/"
	ProfilesCSV = "Alexa.VoiceProfiles/datasets/Alexa.VoiceProfiles/Alexa.VoiceProfiles.csv"
	CountryCSV  = "Location/Country of Residence-1.csv"
	RegCSV      = "registration.csv"
	ProfileCSV  = "Retail.CustomerProfile.1/Retail.CustomerProfile.1.csv"
	AuthJSON    = "Retail.Authentication/Retail.Authentication.json"
)

type amzDevice struct {
	serial, typ, model, name string
	inactive                 bool
}

type amzPerson struct{ id, name string }

func genAmazon(r *rand.Rand, ex *Export, plant Kind) error {
	cust := customerID(r)
	given, family := givenNames[r.IntN(len(givenNames))], familyNames[r.IntN(len(familyNames))]
	email := fmt.Sprintf("kunde%04d@example.com", r.IntN(10000))

	var devs []amzDevice
	names := append([]string(nil), deviceNames...)
	r.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	for i := range 1 + r.IntN(3) {
		vt := voiceTypes[r.IntN(len(voiceTypes))]
		devs = append(devs, amzDevice{serial: serial(r), typ: vt.code, model: vt.model, name: names[i]})
	}
	realReg := r.IntN(2) == 0
	// The real registration.csv also lists deregistered devices; one of
	// them may still have recordings, which count as the account's.
	var old []amzDevice
	if realReg {
		for range r.IntN(3) {
			old = append(old, amzDevice{serial: hexSerial(r), model: "Kindle for PC", name: given + "s 2. PC", inactive: true})
		}
		if r.IntN(3) == 0 {
			vt := voiceTypes[r.IntN(len(voiceTypes))]
			old = append(old, amzDevice{serial: serial(r), typ: vt.code, model: vt.model, name: names[5], inactive: true})
		}
	}
	speakers := []amzDevice{}
	for _, d := range append(append([]amzDevice(nil), devs...), old...) {
		if d.typ != "" {
			speakers = append(speakers, d)
		}
	}
	persons := []amzPerson{{personID(r), given}}
	if r.IntN(2) == 0 {
		persons = append(persons, amzPerson{personID(r), givenNames[r.IntN(len(givenNames))]})
	}

	hist := &table{name: "Alexa.VoiceHistory.csv", mark: -1,
		cols: []string{"Timestamp", "CustomerId", "DeviceSerialNumber", "DeviceType", "DeviceName", "UtteranceId",
			"CustomerTranscript", "AlexaResponse", "PersonId", "PersonFirstName", "AudioFile"},
		idCols:   []string{"CustomerId", "DeviceSerialNumber", "PersonId"},
		nameCols: []string{"DeviceName", "PersonFirstName"}}
	alexa := Part{Name: "Alexa.zip"}
	// One of the time formats seen in Amazon files (app/export/export.go, times.go), all UTC.
	timeLayout := amazonTimes[r.IntN(len(amazonTimes))]
	if timeLayout != amazonTimes[0] {
		ex.step("voice history times as %q", timeLayout)
	}
	n := 3 + r.IntN(10)
	for range n {
		d := speakers[r.IntN(len(speakers))]
		p := amzPerson{}
		if r.IntN(4) != 0 {
			p = persons[r.IntN(len(persons))]
		}
		k := r.IntN(len(sayings))
		audio := ""
		if r.IntN(5) != 0 {
			audio = "media/" + uuid(r) + ".wav"
			alexa.Files = append(alexa.Files, File{MediaDir + audio[len("media/"):], wav(4 + r.IntN(40))})
		}
		hist.rows = append(hist.rows, []string{randTime(r).Format(timeLayout), cust, d.serial, d.typ, d.name,
			uuidUpper(r), "Alexa, " + sayings[k], answers[k], p.id, p.name, audio})
	}

	// The plant: decided after every choice of the clean export.
	pr := rand.New(rand.NewPCG(ex.Seed, 2))
	switch plant {
	case ForeignCustomer, UnregisteredDevice, UnknownProfile:
		k := pr.IntN(len(hist.rows))
		row := hist.rows[k]
		hist.mark = k
		ex.Plant = &Place{Kind: plant, Part: alexa.Name, Path: HistoryCSV}
		switch plant {
		case ForeignCustomer:
			row[1] = customerID(pr)
			ex.Plant.Subject = row[1]
		case UnregisteredDevice:
			row[2] = serial(pr)
			ex.Plant.Subject = row[2]
		case UnknownProfile:
			row[8], row[9] = personID(pr), "Mike"
			ex.Plant.Subject = row[8]
		}
		ex.step("planted %s %s in row %d", plant, ex.Plant.Subject, k+1)
	case StrayWAV:
		p := MediaDir + uuid(pr) + ".wav"
		alexa.Files = append(alexa.Files, File{p, wav(12)})
		ex.Plant = &Place{Kind: plant, Part: alexa.Name, Path: p, Subject: p}
		ex.step("planted a WAV no row references: %s", p)
	}

	data, line := hist.render(r, ex)
	if ex.Plant != nil && ex.Plant.Path == HistoryCSV {
		ex.Plant.Line = line
	}
	alexa.Files = append(alexa.Files, File{HistoryCSV, data})

	vp := &table{name: "Alexa.VoiceProfiles.csv", mark: -1,
		cols:   []string{"PersonId", "PersonFirstName", "PersonType", "CustomerId", "EnrolledAt"},
		idCols: []string{"PersonId", "CustomerId"}, nameCols: []string{"PersonFirstName"}}
	for _, p := range persons {
		vp.rows = append(vp.rows, []string{p.id, p.name, "ADULT", cust, "2023-05-02T18:31:54.000Z"})
	}
	data, _ = vp.render(r, ex)
	if r.IntN(3) == 0 {
		// The real Alexa.zip's device list of the Smart Home side.
		sh := &table{name: "Devices Data-1.csv", mark: -1,
			cols:   []string{"Account Name", "Account Role", "Appliance Name", "Customer Type", "Device Serial Number", "Group Name"},
			idCols: []string{"Device Serial Number"}, nameCols: []string{"Appliance Name"}}
		for _, d := range devs {
			sh.rows = append(sh.rows, []string{given, "PRIMARY", d.name, "null", d.serial, "null"})
		}
		sh.rows = append(sh.rows, []string{given, "PRIMARY", "Stehlampe", "null", "", names[6]})
		data, _ := sh.render(r, ex)
		alexa.Files = append(alexa.Files, File{"Smart Home/Devices Data-1.csv", data})
	}
	alexa.Files = append(alexa.Files, File{ProfilesCSV, data},
		File{CountryCSV, []byte("Timestamp,Country\n2023-05-02T18:20:11.000Z,DE\n")},
		File{"README.txt", []byte("This archive holds the data of your Alexa account (synthetic).\r\n")})

	reg := &table{name: "registration.csv", mark: -1, idCols: []string{"DeviceSerialNumber", "CustomerId"},
		nameCols: []string{"AccountName"}}
	if realReg {
		ex.step("registration.csv in the real form (%d deregistered)", len(old))
		reg.cols = []string{"DeviceSerialNumber", "CustomerType", "DeviceAccountRole", "AccountName", "FirstTimeRegistered",
			"LastTimeRegistered", "TimeDeregistered", "State", "CurrentFirmwareVersion", "DeviceModel", "localTimeOffset",
			"ipAddress", "CUSTOMER_LOGIN_POOL"}
		const unix = "Mon Jan 02 15:04:05 MST 2006"
		all := append(append([]amzDevice(nil), devs...), old...)
		r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
		for _, d := range all {
			first := baseTime.Add(-time.Duration(100+r.IntN(900)) * time.Hour)
			state, dereg, last := "ACTIVE", "null", first.Add(time.Hour).Format(unix)
			if d.inactive {
				state, dereg = "INACTIVE", first.Add(48*time.Hour).Format(unix)
			}
			reg.rows = append(reg.rows, []string{d.serial, "null", "null", d.name, first.Format(unix), last, dereg, state,
				fmt.Sprint(8289901188 + r.IntN(1000)), d.model, "null", "null", "null"})
		}
	} else {
		reg.cols = []string{"AccountName", "DeviceSerialNumber", "DeviceType", "CustomerId", "FirstTimeRegistered", "RegistrationDate"}
		for _, d := range devs {
			t := baseTime.Add(-time.Duration(100+r.IntN(900)) * time.Hour).Format("2006-01-02 15:04:05")
			reg.rows = append(reg.rows, []string{d.name, d.serial, d.typ, cust, t, t})
		}
	}
	data, _ = reg.render(r, ex)
	registration := Part{Name: "Devices.Registration.zip", Files: []File{{RegCSV, data}}}

	prof := &table{name: "Retail.CustomerProfile.1.csv", mark: -1,
		cols:   []string{"CustomerId", "Name", "EmailAddress", "CountryCode", "CreatedAt"},
		idCols: []string{"CustomerId"}, nameCols: []string{"Name"},
		rows: [][]string{{cust, given + " " + family, email, "DE", "2023-05-02T18:05:40.000Z"}}}
	data, _ = prof.render(r, ex)
	ex.Parts = []Part{alexa, registration, {Name: "Retail.CustomerProfile.zip", Files: []File{{ProfileCSV, data}}}}
	if numeric := r.IntN(3) == 0; numeric {
		// Real exports also hold the account's numeric customer ID.
		num := fmt.Sprint(100000000000 + r.Int64N(900000000000))
		sd := &table{name: "Search-Data.Product-Metrics.csv", mark: -1,
			cols:   []string{"Customer ID", "Last Known Customer ID", "Query", "First Search Time"},
			idCols: []string{"Customer ID", "Last Known Customer ID"},
			rows: [][]string{{num, num, "kaffeebohnen", "2023-05-03T10:00:00.000Z"},
				{num, num, "echo dot halterung", "2023-06-11T19:30:00.000Z"}}}
		data, _ := sd.render(r, ex)
		ex.Parts = append(ex.Parts, Part{Name: "Search-Data.zip", Files: []File{{"Search-Data/Search-Data.Product-Metrics.csv", data}}})
	}
	if auth := r.IntN(2) == 0; auth {
		// As in real exports: no customer profile with an ID, the e-mail
		// only in Retail.Authentication.json. Then a second customer ID
		// in the voice history disagrees with the first one and is
		// flagged as another account's.
		if noProfile := r.IntN(3) == 0; noProfile {
			ex.NoCustomerID = true
			ex.Parts = slices.DeleteFunc(ex.Parts, func(p Part) bool { return p.Name == "Retail.CustomerProfile.zip" })
			ex.step("no Retail.CustomerProfile")
		}
		ex.step("Retail.Authentication.json")
		auth, err := json.MarshalIndent(map[string]any{"Authentication": []any{map[string]any{
			"Account Creation Date": "2015-03-01", "Details": map[string]string{"Email": email},
			"Origin Marketplace": "amazon.de"}}}, "", "  ")
		if err != nil {
			return err
		}
		ex.Parts = append(ex.Parts, Part{Name: "Retail.Authentication.zip", Files: []File{{AuthJSON, auth}}})
	}
	return nil
}

// amazonTimes are time formats seen in Amazon files (app/export/export.go, times.go); the
// first is the usual one.
var amazonTimes = []string{
	"2006-01-02T15:04:05.000Z",
	"2006-01-02 15:04:05",
	"01/02/2006 15:04:05 MST",
	"01/02/2006 15:04:05",
	"Mon Jan 02 15:04:05 MST 2006",
	"Mon, 02 Jan 2006 15:04:05 MST",
}

func uuidUpper(r *rand.Rand) string {
	u := []byte(uuid(r))
	for i, c := range u {
		if c >= 'a' && c <= 'z' {
			u[i] = c - 'a' + 'A'
		}
	}
	return string(u)
}
