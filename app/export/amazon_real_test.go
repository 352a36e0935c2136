package export

import (
	"strings"
	"testing"
	"time"
)

// A documentation row under the header (as real Amazon tables have) must
// not become a customer, a device or a voice profile: it is a parse note.
func TestDocumentationRowIsNoIdentity(t *testing.T) {
	files := amazonClean()
	files[0] = memFile("Alexa.zip", histPath,
		"Timestamp,CustomerId,DeviceSerialNumber,DeviceType,DeviceName,UtteranceId,CustomerTranscript,AlexaResponse,PersonId,PersonFirstName,AudioFile\n"+
			"Time of the request,Customer identifier,Serial number of the device,Type of the device,Name of the device,Identifier of the utterance,What you said,What Alexa answered,Voice profile identifier,First name,Audio file\n"+
			"2023-09-16T13:43:12.277Z,A1B2C3D4E5F6G7,G070RQ0000000001,A3S5BH2HU6VAYF,Küche,U1,wie spät ist es,Es ist 15 Uhr,amzn1.actor.person.oid.A1ANNAPROFILE1,Anna,media/aaa.wav\n")
	files = append(files, memFile("Search-Data.zip", "Search-Data/Search-Data.Product-Metrics.csv",
		"Customer ID,Query\nCustomer identifier,What you searched for\n123456789012,kaffee\n"))
	ex := mustLoad(t, files, nil)
	if len(ex.Recordings) != 1 || ex.Recordings[0].ID != "U1" {
		t.Fatalf("recordings: got %d (%+v), want only U1", len(ex.Recordings), ex.Recordings)
	}
	for _, id := range ex.Identities {
		if strings.Contains(id.Value.Text, " ") {
			t.Errorf("identity from a documentation row: %q at %+v", id.Value.Text, id.Value.Src())
		}
	}
	found := false
	for _, id := range ex.Identities {
		if id.Value.Text == "123456789012" {
			found = true
		}
	}
	if !found {
		t.Errorf("the numeric Customer ID was dropped: identities %+v", ex.Identities)
	}
	notes := map[string]bool{}
	for _, p := range ex.Problems {
		if p.Kind == ProblemIDShape {
			notes[p.Src.Path+"|"+p.Src.Field] = true
			if p.Src.Line != 2 || strings.Contains(p.Reason, "identifier") {
				t.Errorf("note: want line 2 and no cell text, got %+v", p)
			}
		}
	}
	for _, want := range []string{histPath + "|CustomerId", histPath + "|DeviceSerialNumber", histPath + "|PersonId",
		"Search-Data/Search-Data.Product-Metrics.csv|Customer ID"} {
		if !notes[want] {
			t.Errorf("no parse note for %s; problems %+v", want, ex.Problems)
		}
	}
}

// A placeholder in one ID cell of a real row empties that cell only.
func TestPlaceholderIDCellIsEmptied(t *testing.T) {
	files := amazonClean()
	files[0] = memFile("Alexa.zip", histPath,
		"Timestamp,CustomerId,DeviceSerialNumber,UtteranceId,CustomerTranscript\n"+
			"2023-09-16T13:43:12Z,A1B2C3D4E5F6G7,unknown device,U1,licht an\n")
	ex := mustLoad(t, files, nil)
	if len(ex.Recordings) != 1 {
		t.Fatalf("recordings: got %d want 1", len(ex.Recordings))
	}
	r := ex.Recordings[0]
	if !r.Device().Empty() || r.CustomerID().Text != "A1B2C3D4E5F6G7" {
		t.Errorf("device %q customer %q: want empty device, the customer kept", r.Device().Text, r.CustomerID().Text)
	}
}

func TestIDShapes(t *testing.T) {
	for _, tc := range []struct {
		f    func(string) bool
		in   string
		want bool
	}{
		{IsCustomerID, "A1B2C3D4E5F6G7", true},
		{IsCustomerID, " a1b2c3d4e5f6g7 ", true},
		{IsCustomerID, "123456789012", true},
		{IsCustomerID, "Customer identifier", false},
		{IsCustomerID, "B1B2C3D4E5F6G7", false},
		{IsCustomerID, "A1B2C3D4E5F6G", false},
		{IsDeviceSerial, "G070RQ0000000001", true},
		{IsDeviceSerial, " g090lf0000000002", true},
		{IsDeviceSerial, "0123456789abcdef0123456789abcdef", true},
		{IsDeviceSerial, "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5dGCAST", true},
		{IsDeviceSerial, "00112233445566778899AABBCCDDEEFF_GCAST", true},
		{IsDeviceSerial, "Serial number of the device", false},
		{IsDeviceSerial, "0123456789", false},
		{IsDeviceSerial, "0123456789abcdef0123456789abcdef0123456789abcdef", false},
		{IsVoiceProfileID, "amzn1.actor.person.oid.A1ANNAPROFILE1", true},
		{IsVoiceProfileID, "AMZN1.ACTOR.PERSON.OID.A9STRANGERPRF9", true},
		{IsVoiceProfileID, "Voice profile identifier", false},
		{IsVoiceProfileID, "amzn1.actor.person.oid.SHORT", false},
	} {
		if got := tc.f(tc.in); got != tc.want {
			t.Errorf("%q: got %v want %v", tc.in, got, tc.want)
		}
	}
}

// The real registration.csv: BOM, no DeviceType or CustomerId, "null"
// cells, Unix-date times, long hex serials, INACTIVE rows.
func TestRealRegistration(t *testing.T) {
	files := amazonClean()
	for i, f := range files {
		if f.Path == "registration.csv" {
			files[i] = memFile("Devices.Registration.zip", "registration.csv",
				"\ufeffDeviceSerialNumber,CustomerType,DeviceAccountRole,AccountName,FirstTimeRegistered,LastTimeRegistered,TimeDeregistered,State,CurrentFirmwareVersion,DeviceModel,localTimeOffset,ipAddress,CUSTOMER_LOGIN_POOL\n"+
					"G070RQ0000000001,null,null,Küche,Sat Jul 24 18:36:22 UTC 2021,Sun Jul 25 08:00:00 UTC 2021,null,ACTIVE,8289901188,Echo Dot,null,null,null\n"+
					"0123456789abcdef0123456789abcdefGCAST,null,null,Annas Fernseher,Mon Jan 04 10:00:00 UTC 2021,null,Tue Feb 02 10:00:00 UTC 2021,INACTIVE,null,null,null,null,null\n"+
					"G090LF0000000002,null,null,Wohnzimmer,Mon Jan 04 10:00:00 UTC 2021,null,null,INACTIVE,null,Echo,null,null,null\n")
		}
	}
	ex := mustLoad(t, files, nil)
	if len(ex.Devices) != 3 {
		t.Fatalf("devices: got %d want 3", len(ex.Devices))
	}
	d := ex.Devices[0]
	if d.Serial.Text != "G070RQ0000000001" || d.Model.Text != "Echo Dot" || d.Inactive || !d.Type.Empty() || !d.CustomerID.Empty() {
		t.Errorf("device 1: got %+v", d)
	}
	if want := time.Date(2021, 7, 24, 18, 36, 22, 0, time.UTC); !d.Registered.Equal(want) {
		t.Errorf("device 1 registered: got %v want %v", d.Registered, want)
	}
	if !ex.Devices[1].Inactive || !ex.Devices[2].Inactive {
		t.Errorf("deregistered / INACTIVE rows: got inactive %v, %v", ex.Devices[1].Inactive, ex.Devices[2].Inactive)
	}
	for _, dv := range ex.Devices {
		for _, v := range append([]Value{dv.Serial, dv.Name, dv.Model}, dv.Extra...) {
			if strings.EqualFold(v.Text, "null") {
				t.Errorf("a null cell read as a value: %+v", v.Src())
			}
		}
	}
	for _, p := range ex.Problems {
		if p.Kind == ProblemIDShape {
			t.Errorf("a real serial was taken for a non-ID: %+v", p)
		}
	}
}

// The e-mail of a real export is in Retail.Authentication.json.
func TestRetailAuthenticationEmail(t *testing.T) {
	ex := mustLoad(t, []file{
		memFile("Retail.Authentication.zip", "Retail.Authentication/Retail.Authentication.json",
			`{"Authentication": [{"Account Creation Date": "2015-03-01", "Details": {"Email": " anna.beispiel@example.com "}, "Origin Marketplace": "amazon.de"}]}`),
		memFile("Devices.Registration.zip", "registration.csv",
			"DeviceSerialNumber,AccountName,FirstTimeRegistered\nG070RQ0000000001,Küche,2021-01-01 10:00:00\n"),
	}, nil)
	if ex.Vendor != Amazon {
		t.Errorf("vendor: got %s want amazon", ex.Vendor)
	}
	if len(ex.Emails) != 1 || ex.Emails[0].Text != "anna.beispiel@example.com" {
		t.Fatalf("claimed e-mails: got %+v", ex.Emails)
	}
	if src := ex.Emails[0].Src(); src.Pointer != "/Authentication/0/Details/Email" || src.Field != "Email" || src.Part != "Retail.Authentication.zip" {
		t.Errorf("source: got %+v", src)
	}
}
