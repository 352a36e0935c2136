package main

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// The amazon-real fixture has the real structure (app/export/export.go, "Real
// exports"): its files where a real export has them, the real columns, a
// NUL-padded DSN, and no voice history at all.
func TestAmazonRealStructure(t *testing.T) {
	zips := buildAmazonReal()
	want := map[string][]string{
		"Alexa.zip": {"Location/Country of Residence-1.csv", "Smart Home/Devices Data-1.csv", "Feedback/Feedback-1.csv",
			"Devices/Mobile/000.csv", "Calendars/Calendars-1.csv", "Lists/Lists-1.csv"},
		"Devices.Registration.zip":   {"registration.csv"},
		"Retail.Authentication.zip":  {"Retail.Authentication/Retail.Authentication.json"},
		"Search-Data.zip":            {"Search-Data/Search-Data.Product-Metrics.csv"},
		"Retail.CustomerProfile.zip": {"Retail.CustomerProfile.ProfileAttributes/Retail.CustomerProfile.ProfileAttributes.csv"},
	}
	for z, names := range want {
		got := strings.Join(zips[z].names(), ",")
		for _, n := range names {
			if !strings.Contains(","+got+",", ","+n+",") {
				t.Errorf("%s lacks %s (has %s)", z, n, got)
			}
		}
		if len(zips[z]) != len(names) {
			t.Errorf("%s: got members %s, want exactly %v", z, got, names)
		}
	}
	header := func(z, p string) ([]string, [][]string) {
		data := zips[z][p]
		if !bytes.HasPrefix(data, []byte("\uFEFF")) {
			t.Errorf("%s!%s: no BOM", z, p)
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
		if err != nil || len(rows) < 2 {
			t.Fatalf("%s!%s: %v (%d rows)", z, p, err, len(rows))
		}
		return rows[0], rows[1:]
	}
	h, rows := header("Devices.Registration.zip", "registration.csv")
	if got := strings.Join(h, ","); got != "DeviceSerialNumber,CustomerType,DeviceAccountRole,AccountName,FirstTimeRegistered,LastTimeRegistered,TimeDeregistered,State,CurrentFirmwareVersion,DeviceModel,localTimeOffset,ipAddress,CUSTOMER_LOGIN_POOL" {
		t.Errorf("registration header: %s", got)
	}
	states, gcast, dayMonth := map[string]int{}, 0, 0
	for _, r := range rows {
		states[r[7]]++
		if strings.HasSuffix(r[0], "GCAST") {
			gcast++
		}
		if strings.Contains(r[4], "/Jan/") || strings.Contains(r[4], "/Feb/") {
			dayMonth++
		}
	}
	if states["ACTIVE"] == 0 || states["INACTIVE"] == 0 || gcast == 0 || dayMonth == 0 {
		t.Errorf("registration rows: states %v, GCAST serials %d, dd/Mon/yyyy dates %d: want each", states, gcast, dayMonth)
	}
	h, _ = header("Alexa.zip", "Smart Home/Devices Data-1.csv")
	if got := strings.Join(h, ","); got != "Account Name,Account Role,Appliance Name,Customer Type,Device Serial Number,Group Name" {
		t.Errorf("Smart Home header: %s", got)
	}
	h, rows = header("Alexa.zip", "Feedback/Feedback-1.csv")
	if i := strings.Index(strings.Join(h, ","), "DSN"); i < 0 || !strings.HasSuffix(rows[0][1], "\x00") || strings.Trim(rows[0][1], "\x00") != serialKueche {
		t.Errorf("feedback: header %v, DSN %q: want a DSN column padded with NULs", h, rows[0][1])
	}
	h, rows = header("Search-Data.zip", "Search-Data/Search-Data.Product-Metrics.csv")
	if h[0] != "Customer ID" || h[1] != "Last Known Customer ID" || rows[0][0] != customerAnnaRetail {
		t.Errorf("search data: header %v, first row %v", h, rows[0])
	}
	if !bytes.Contains(zips["Retail.Authentication.zip"][realAuthJSON], []byte(`"Email": "`+emailAnna+`"`)) {
		t.Errorf("Retail.Authentication.json lacks the e-mail")
	}
}
