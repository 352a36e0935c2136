package check

import (
	"strings"
	"testing"

	"exportlens/app/export"
)

// A serial that only the Alexa side's lists name (Smart Home devices,
// feedback) is the account's: a voice-history row from it is explained. It
// is no registered device of the claim.
func TestAlexaListSerialExplainsRecording(t *testing.T) {
	for _, list := range []export.DeviceList{export.ListAlexaDevices, export.ListFeedback} {
		t.Run(string(list), func(t *testing.T) {
			x := amazonClean()
			addRecording(x, 6, custID, foreignDev, anna, "", false)
			without := Run(x, Declared{})
			if findRule(without, RuleUnregisteredDevice, Mismatch) == nil {
				t.Fatalf("control: a serial nobody names must be unregistered; findings %v", summary(without.Findings))
			}
			src := at("Alexa.zip", "Smart Home/Devices Data-1.csv", 2, "")
			x.Devices = append(x.Devices, export.Device{Serial: val(foreignDev, at(src.Part, src.Path, 2, "Device Serial Number")), Src: src, List: list})
			r := Run(x, Declared{})
			if f := findRule(r, RuleUnregisteredDevice, Mismatch); f != nil {
				t.Errorf("a serial of the account's own Alexa list reported: %+v", f)
			}
			if r.Verdict != VerdictConsistent {
				t.Errorf("verdict: got %s want consistent; findings %v", r.Verdict, summary(r.Findings))
			}
			if len(r.Claim.Devices) != 2 || r.Summary.Devices != 2 {
				t.Errorf("claim devices %+v, summary %d: want the two registered ones only", r.Claim.Devices, r.Summary.Devices)
			}
		})
	}
}

// Amazon numbers one account twice: a numeric retail customer ID never
// contradicts an Alexa customer ID ("A…"), in either direction; two numeric
// IDs of the account's own search data are no mismatch; a foreign ID of the
// same numbering still is.
func TestCustomerIDNumberings(t *testing.T) {
	search := func(line int, f string) export.Source {
		return at("Search-Data.zip", "Search-Data/Search-Data.Product-Metrics.csv", line, f)
	}
	t.Run("numeric identity beside an Alexa claim", func(t *testing.T) {
		x := amazonClean()
		x.Identities = append(x.Identities, export.Identity{Kind: "customer-id", Value: val("123456789", search(2, "Customer ID"))})
		r := Run(x, Declared{})
		if f := findRule(r, RuleForeignCustomer, Mismatch); f != nil {
			t.Errorf("a numeric ID called foreign to an Alexa ID: %+v", f)
		}
	})
	t.Run("numeric claim, Alexa IDs in the rows", func(t *testing.T) {
		x := amazonClean()
		x.CustomerIDs = []export.Value{val("123456789", search(2, "Customer ID")), val("987654321", search(3, "Last Known Customer ID"))}
		r := Run(x, Declared{})
		wantFindings(t, r, []string{})
		if r.Verdict != VerdictConsistent || len(r.Claim.Devices) != 2 {
			t.Errorf("verdict %s, claim devices %+v: want consistent with both devices owned", r.Verdict, r.Claim.Devices)
		}
		if got := strings.Join(r.Claim.CustomerIDs, ","); got != "123456789,987654321" {
			t.Errorf("claimed IDs: got %s", got)
		}
		// The declared numeric ID is compared with every claimed one.
		for _, id := range []string{"123456789", " 987654321 "} {
			if f := findRule(Run(x, Declared{CustomerIDs: []string{id}}), RuleDeclaredMismatch, Mismatch); f != nil {
				t.Errorf("--customer-id %q: %+v", id, f)
			}
		}
	})
	t.Run("foreign ID of the same numbering", func(t *testing.T) {
		x := amazonClean()
		x.CustomerIDs = append(x.CustomerIDs, val("123456789", search(2, "Customer ID")))
		addRecording(x, 6, foreignID, echoDot, anna, "", false)
		r := Run(x, Declared{})
		if f := findRule(r, RuleForeignCustomer, Mismatch); f == nil || f.Subject != foreignID {
			t.Errorf("a foreign Alexa ID beside a numeric claim: want mismatch %s; findings %v", foreignID, summary(r.Findings))
		}
	})
}

func TestDeviceTypes(t *testing.T) {
	for _, tc := range []struct {
		code    string
		voice   deviceVoice
		product string
	}{
		{"A3S5BH2HU6VAYF", voiceCapable, "Echo Dot (Gen 2)"},
		{" a3s5bh2hu6vayf ", voiceCapable, "Echo Dot (Gen 2)"},
		{"A4ZXE0RM7LQ7A", voiceCapable, "Echo Dot (Gen 5)"},
		{"A1NL4BVLQ4L3N3", voiceCapable, "Echo Show (Gen 1)"},
		{"A3RBAYBE7VM004", voiceCapable, "Echo Studio"},
		{"AKPGW064GI9HE", voiceCapable, "Fire TV Stick 4K"},
		{"A2JKHJ0PX4J3L3", voiceCapable, "Fire TV Cube (Gen 2)"},
		{"A2M4YX06LWP8WI", voiceCapable, "Fire 7"},
		{"A2TF17PFR55MTB", voiceCapable, "Amazon Alexa (Android)"},
		{"A3NPD82ABCPIDP", voiceCapable, "Sonos Beam"},
		{"A15ERDAKK5HQQG", voiceUnknown, "Sonos"},
		{"A3C9PE6TNYLTCH", voiceIncapable, "Multiroom"},
		{"AKINDLESYNTH01", voiceIncapable, "Kindle"},
		{"AZZZZUNKNOWNZZ", voiceUnknown, ""},
		{"", voiceUnknown, ""},
	} {
		if got := classifyDevice(tc.code); got != tc.voice {
			t.Errorf("%q: voice got %d want %d", tc.code, got, tc.voice)
		}
		if got := deviceProduct(tc.code); got != tc.product {
			t.Errorf("%q: product got %q want %q", tc.code, got, tc.product)
		}
	}
}

// A registration without a type (the real registration.csv) is named by its
// DeviceModel or name in the finding, which stays unknown: a name never
// makes a recording someone else's.
func TestTypelessRegistrationWording(t *testing.T) {
	for _, tc := range []struct {
		name, model, typ string
		want             string // in the English title
		evField          string
	}{
		{"Annas PC", "Kindle for PC", "", "(Kindle for PC), whose registration names no device type", "DeviceModel"},
		{"Wohnzimmer Fire TV Stick", "", "", "(Fire TV Stick), whose registration names no device type", "AccountName"},
		{"Box", "", "A15ERDAKK5HQQG", "(Sonos): cannot tell whether it has a microphone for Alexa", "DeviceType"},
		{"Box", "", "", "(Box), whose registration names no device type", "AccountName"},
		{"", "", "", "whose type ? is unknown", "DeviceSerialNumber"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			x := amazonClean()
			reg := func(f string) export.Source { return at("Devices.Registration.zip", regCSV, 2, f) }
			x.Devices = []export.Device{{Serial: val(echoDot, reg("DeviceSerialNumber")), Type: val(tc.typ, reg("DeviceType")),
				Name: val(tc.name, reg("AccountName")), Model: val(tc.model, reg("DeviceModel")), Src: reg("")}}
			x.Recordings = nil
			addRecording(x, 2, custID, "", anna, "", false)
			r := Run(x, Declared{})
			f := findRule(r, RuleRecordingsWithoutDevice, Unknown)
			if f == nil {
				t.Fatalf("want an unknown recordings-without-device finding; findings %v", summary(r.Findings))
			}
			if findRule(r, RuleRecordingsWithoutDevice, Likely) != nil || r.Verdict != VerdictUnknown {
				t.Errorf("verdict %s, findings %v: a name must not raise the severity", r.Verdict, summary(r.Findings))
			}
			if !strings.Contains(f.Title, tc.want) {
				t.Errorf("title %q lacks %q", f.Title, tc.want)
			}
			if len(f.Evidence) == 0 || f.Evidence[0].Field != tc.evField {
				t.Errorf("first evidence: got %+v, want the %s cell", f.Evidence, tc.evField)
			}
		})
	}
}

// Recordings without a serial, a registration holding only a device without
// a microphone, and a device the account's Alexa device list names: that
// device may have recorded them, so the finding is unknown, not likely.
func TestAlexaListDeviceKeepsRecordingsOpen(t *testing.T) {
	x := amazon2018(3)
	before := Run(x, Declared{})
	if findRule(before, RuleRecordingsWithoutDevice, Likely) == nil {
		t.Fatalf("control: the 2018 case must be likely; findings %v", summary(before.Findings))
	}
	src := at("Alexa.zip", "Smart Home/Devices Data-1.csv", 2, "")
	x.Devices = append(x.Devices, export.Device{Serial: val(echoDot, at(src.Part, src.Path, 2, "Device Serial Number")), Src: src, List: export.ListAlexaDevices})
	r := Run(x, Declared{})
	if f := findRule(r, RuleRecordingsWithoutDevice, Likely); f != nil {
		t.Errorf("likely although the Alexa device list names a device: %+v", f)
	}
	f := findRule(r, RuleRecordingsWithoutDevice, Unknown)
	if f == nil || f.Subject != echoDot || f.Records != 3 || r.Verdict != VerdictUnknown {
		t.Fatalf("want unknown about %s with 3 records, verdict unknown; got %v, verdict %s", echoDot, summary(r.Findings), r.Verdict)
	}
	if f.Evidence[0].Path != src.Path || f.Evidence[0].Field != "Device Serial Number" {
		t.Errorf("first evidence: got %+v, want the device list's serial cell", f.Evidence[0])
	}
}

// Without a registration file, a recording from a serial the account's
// Alexa device list names is explained; only the others cannot be told.
func TestAlexaListWithoutRegistration(t *testing.T) {
	x := amazonClean()
	x.Devices = nil
	for i := range x.Expected {
		if x.Expected[i].What == "registration" {
			x.Expected[i].Found = false
		}
	}
	src := at("Alexa.zip", "Smart Home/Devices Data-1.csv", 2, "")
	x.Devices = append(x.Devices, export.Device{Serial: val(echoDot, at(src.Part, src.Path, 2, "Device Serial Number")), Src: src, List: export.ListAlexaDevices})
	r := Run(x, Declared{})
	f := findRule(r, RuleUnregisteredDevice, Unknown)
	if f == nil {
		t.Fatalf("want unknown: the Echo's recordings cannot be told; findings %v", summary(r.Findings))
	}
	if f.Records != 2 {
		t.Errorf("records: got %d want 2 (the Echo's; not the Echo Dot's, which the Alexa list names)", f.Records)
	}
	for _, e := range f.Evidence {
		if e.Value == echoDot {
			t.Errorf("evidence cites the listed serial: %+v", e)
		}
	}
}

// An unregistered device's recordings name its product when they all name
// the same known type; the severity is the serial's, not the product's.
func TestUnregisteredDeviceProduct(t *testing.T) {
	for _, tc := range []struct {
		types []string
		want  string
	}{
		{[]string{"A3S5BH2HU6VAYF", " a3s5bh2hu6vayf"}, "2 recordings come from a device (Echo Dot (Gen 2)) that is not registered to this account"},
		{[]string{"A3S5BH2HU6VAYF", "A7WXQPH584YP"}, "2 recordings come from a device that is not registered to this account"},
		{[]string{"A3S5BH2HU6VAYF", ""}, "2 recordings come from a device that is not registered to this account"},
		{[]string{"AZZZZUNKNOWNZZ", "AZZZZUNKNOWNZZ"}, "2 recordings come from a device that is not registered to this account"},
	} {
		x := amazonClean()
		for i, typ := range tc.types {
			addRecording(x, 6+i, custID, foreignDev, anna, "", false)
			r := &x.Recordings[len(x.Recordings)-1]
			r.Set(export.FieldDeviceType, val(typ, at("Alexa.zip", historyCSV, 6+i, "DeviceType")))
		}
		r := Run(x, Declared{})
		f := findRule(r, RuleUnregisteredDevice, Mismatch)
		if f == nil || f.Subject != foreignDev {
			t.Fatalf("%v: want a mismatch about %s; findings %v", tc.types, foreignDev, summary(r.Findings))
		}
		if f.Title != tc.want {
			t.Errorf("%v: title\ngot  %q\nwant %q", tc.types, f.Title, tc.want)
		}
	}
}

// Several registrations without a known type (every app of the account):
// the finding counts them and names the first; it stays unknown.
func TestSeveralTypelessRegistrations(t *testing.T) {
	x := amazonClean()
	reg := func(line int, f string) export.Source { return at("Devices.Registration.zip", regCSV, line, f) }
	x.Devices = nil
	for i, d := range []struct{ serial, name, model string }{
		{"0A1B2C3D4E5F60718293A4B5C6D7E8F9", "Annas PC", "Kindle for PC"},
		{echoDot, "Annas Echo Dot", ""},
		{echo, "Box", ""},
	} {
		line := i + 2
		x.Devices = append(x.Devices, export.Device{Serial: val(d.serial, reg(line, "DeviceSerialNumber")),
			Name: val(d.name, reg(line, "AccountName")), Model: val(d.model, reg(line, "DeviceModel")), Src: reg(line, "")})
	}
	x.Recordings, x.Audio = nil, nil
	addRecording(x, 2, custID, "", anna, "", false)
	r := Run(x, Declared{})
	f := findRule(r, RuleRecordingsWithoutDevice, Unknown)
	if f == nil || r.Verdict != VerdictUnknown || findRule(r, RuleRecordingsWithoutDevice, Likely) != nil {
		t.Fatalf("want unknown only, verdict unknown; got %v, %s", summary(r.Findings), r.Verdict)
	}
	want := "1 recording could come from any of 3 registered devices whose type is unknown or not given, such as 0A1B2C3D4E5F60718293A4B5C6D7E8F9 (Kindle for PC)"
	if !strings.HasPrefix(f.Title, want) {
		t.Errorf("title\ngot  %q\nwant %q…", f.Title, want)
	}
}
