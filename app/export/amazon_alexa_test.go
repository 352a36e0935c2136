package export

import (
	"fmt"
	"slices"
	"testing"
)

// realAlexa is an Alexa.zip as an account without voice use receives it
// (app/export/export.go, "Real exports"), below root inside the part.
func realAlexa(root string) []file {
	return []file{
		memFile("Alexa.zip", root+"Location/Country of Residence-1.csv", "Timestamp,Country\n2021-07-24T18:36:22Z,DE\n"),
		memFile("Alexa.zip", root+"Smart Home/Devices Data-1.csv",
			"Account Name,Account Role,Appliance Name,Customer Type,Device Serial Number,Group Name\n"+
				"Annas Echo Dot,OWNER,Stehlampe,null,G070RQ0000000001,Wohnzimmer\n"+
				"Annas Echo Dot,OWNER,Leselampe,null,G070RQ0000000001,Wohnzimmer\n"),
		memFile("Alexa.zip", root+"Feedback/Feedback-1.csv",
			"Timestamp,DSN,Feedback\n2021-08-01T10:00:00Z,G090LF0000000002\x00\x00\x00\x00,gut\n2021-08-02T10:00:00Z,G090LF0000000002\x00\x00,gut\n"),
		memFile("Alexa.zip", root+"Devices/Mobile/000.csv", "Name,Value\nModel,Pixel\n"),
		memFile("Alexa.zip", root+"Lists/Lists-1.csv", "ListName,Item\nEinkauf,Milch\n"),
	}
}

// An Alexa.zip without voice history is Amazon's, at any folder depth, with
// no recordings, and needs no voice history or voice profiles.
func TestAlexaZipWithoutVoiceHistory(t *testing.T) {
	for _, root := range []string{"", "Alexa/", "Downloads/Alexa/Alexa/"} {
		t.Run("root="+root, func(t *testing.T) {
			ex := mustLoad(t, realAlexa(root), nil)
			if ex.Vendor != Amazon || ex.Layout != "per-category" {
				t.Fatalf("vendor/layout: got %s/%s want amazon/per-category", ex.Vendor, ex.Layout)
			}
			if len(ex.Recordings) != 0 {
				t.Errorf("recordings: got %d want 0", len(ex.Recordings))
			}
			for _, e := range ex.Expected {
				if e.What == "voice-history" || e.What == "voice-profiles" {
					t.Errorf("an export without voice history or audio expects %s", e.What)
				}
			}
			for _, p := range ex.Problems {
				t.Errorf("problem: %+v", p)
			}
		})
	}
}

// Only the marker file of an Alexa export: still Amazon's, not unknown.
func TestAlexaMarkerFileAlone(t *testing.T) {
	ex := mustLoad(t, []file{memFile("Alexa.zip", "Location/Country of Residence-3.csv", "Timestamp,Country\n2021-07-24T18:36:22Z,DE\n")}, nil)
	if ex.Vendor != Amazon {
		t.Errorf("vendor: got %s want amazon", ex.Vendor)
	}
	// The same columns under another name prove nothing.
	ex = mustLoad(t, []file{memFile("x.zip", "travel/countries.csv", "Timestamp,Country\n2021-07-24T18:36:22Z,DE\n")}, nil)
	if ex.Vendor != Unknown {
		t.Errorf("vendor of an unrelated CSV: got %s want unknown", ex.Vendor)
	}
}

// The Smart Home device list and the feedback's DSNs name the account's
// devices: each serial once per list, NUL padding trimmed, not registrations.
func TestAlexaDeviceLists(t *testing.T) {
	ex := mustLoad(t, realAlexa("Alexa/"), nil)
	got := map[DeviceList][]string{}
	for _, d := range ex.Devices {
		got[d.List] = append(got[d.List], d.Serial.Text)
		if d.FromRegistration() {
			t.Errorf("device %q from %s counted as a registration", d.Serial.Text, d.Src.Path)
		}
	}
	if s := join(got[ListAlexaDevices]); s != "G070RQ0000000001" {
		t.Errorf("Smart Home serials: got %q want G070RQ0000000001 (once)", s)
	}
	if s := join(got[ListFeedback]); s != "G090LF0000000002" {
		t.Errorf("feedback DSNs: got %q want G090LF0000000002 (once, no NULs)", s)
	}
	for _, d := range ex.Devices {
		switch d.List {
		case ListAlexaDevices:
			if d.Serial.Src().Field != "Device Serial Number" || d.Src.Line != 2 || d.Name.Text != "Annas Echo Dot" {
				t.Errorf("Smart Home device: got serial src %+v line %d name %q", d.Serial.Src(), d.Src.Line, d.Name.Text)
			}
		case ListFeedback:
			if d.Serial.Src().Field != "DSN" || d.Serial.Raw() != "G090LF0000000002\x00\x00\x00\x00" {
				t.Errorf("feedback DSN: got field %q raw %q; want DSN and the padded cell as raw", d.Serial.Src().Field, d.Serial.Raw())
			}
		}
	}
}

// Search data's numeric customer IDs are identities of the account (kind
// customer-id, with their place), in the retail numbering; not the claim.
func TestSearchDataCustomerIDs(t *testing.T) {
	files := append(realAlexa(""),
		memFile("Search-Data.zip", "Search-Data/Search-Data.Product-Metrics.csv",
			"\ufeffCustomer ID,Last Known Customer ID,Query\n123456789,123456789,kaffee\n123456789,987654321,tee\n"),
		memFile("Retail.Authentication.zip", "Retail.Authentication/Retail.Authentication.json", `{"Email":"anna.beispiel@example.com"}`))
	ex := mustLoad(t, files, nil)
	var got []string
	for _, id := range ex.Identities {
		if id.Kind != "customer-id" {
			t.Errorf("identity of kind %q: %+v", id.Kind, id)
			continue
		}
		got = append(got, fmt.Sprintf("%s@%d/%s", id.Value.Text, id.Value.Src().Line, id.Value.Src().Field))
		if id.Value.Src().Part != "Search-Data.zip" || CustomerIDNumbering(id.Value.Text) != NumberingRetail {
			t.Errorf("identity %+v: want from Search-Data.zip, retail numbering", id.Value)
		}
	}
	slices.Sort(got)
	want := "123456789@2/Customer ID|123456789@2/Last Known Customer ID|123456789@3/Customer ID|987654321@3/Last Known Customer ID"
	if join(got) != want {
		t.Errorf("identities:\ngot  %s\nwant %s", join(got), want)
	}
	if len(ex.CustomerIDs) != 0 {
		t.Errorf("numeric IDs claimed: %+v", ex.CustomerIDs)
	}
	// A description row under the header is no customer ID.
	ex = mustLoad(t, []file{memFile("Search-Data.zip", "Search-Data/Search-Data.Product-Metrics.csv",
		"Customer ID,Last Known Customer ID\nThe customer identifier,The last customer identifier\n")}, nil)
	if len(ex.Identities) != 0 {
		t.Errorf("a description row read as identities: %+v", ex.Identities)
	}
}

func TestCustomerIDNumbering(t *testing.T) {
	for in, want := range map[string]Numbering{
		"A1B2C3D4E5F6G7": NumberingAlexa, " a1b2c3d4e5f6g7": NumberingAlexa, "4711081500": NumberingRetail,
		"1234": "", "B1B2C3D4E5F6G7": "", "Customer identifier": "", "": "",
	} {
		if got := CustomerIDNumbering(in); got != want {
			t.Errorf("%q: got %q want %q", in, got, want)
		}
	}
}

// The second date form of a real registration.csv.
func TestRegistrationDayMonthNameDate(t *testing.T) {
	ex := mustLoad(t, []file{memFile("Devices.Registration.zip", "registration.csv",
		"DeviceSerialNumber,FirstTimeRegistered,State\nG070RQ0000000001,26/Jan/2017 20:03:14 UTC,ACTIVE\n")}, nil)
	if len(ex.Devices) != 1 {
		t.Fatalf("devices: got %d want 1", len(ex.Devices))
	}
	if got := ex.Devices[0].Registered.Format("2006-01-02 15:04:05"); got != "2017-01-26 20:03:14" {
		t.Errorf("registered: got %s want 2017-01-26 20:03:14", got)
	}
}
