package main

import (
	"fmt"
	"path/filepath"
	"strings"
)

// The real per-category structure (app/export/export.go, "Real exports"), with
// synthetic values: an account that never spoke to Alexa.
const (
	customerAnnaRetail = "4711081500"                                // numeric retail customer ID (search data)
	serialKindlePC     = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"          // Kindle for PC: 32 hex digits
	serialPrimeTV      = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8bGCAST" // Prime Video on a TV: uuid + suffix
	serialAlexaPhone   = "9f8e7d6c5b4a39281706f5e4d3c2b1a0fedcba98"  // the Alexa app on a phone: 40 hex digits

	realCountryCSV   = "Location/Country of Residence-1.csv"
	realSmartHomeCSV = "Smart Home/Devices Data-1.csv"
	realFeedbackCSV  = "Feedback/Feedback-1.csv"
	realMobileCSV    = "Devices/Mobile/000.csv"
	realCalendarsCSV = "Calendars/Calendars-1.csv"
	realListsCSV     = "Lists/Lists-1.csv"
	realAuthJSON     = "Retail.Authentication/Retail.Authentication.json"
	realSearchCSV    = "Search-Data/Search-Data.Product-Metrics.csv"
	realAttrsCSV     = "Retail.CustomerProfile.ProfileAttributes/Retail.CustomerProfile.ProfileAttributes.csv"
)

// buildAmazonReal returns the ZIPs of the amazon-real fixture by name.
func buildAmazonReal() map[string]tree {
	alexa := tree{}
	c := newCSV(true, false)
	c.Record("Timestamp", "Country")
	c.Record("2021-07-24T18:36:22.000Z", "DE")
	alexa.add(realCountryCSV, c.Bytes())

	// The Alexa side's device list: the Echo Dot, once per appliance.
	c = newCSV(true, false)
	c.Record("Account Name", "Account Role", "Appliance Name", "Customer Type", "Device Serial Number", "Group Name")
	c.Record("Annas Echo Dot", "OWNER", "Stehlampe", "null", serialKueche, "Wohnzimmer")
	c.Record("Annas Echo Dot", "OWNER", "Leselampe", "null", serialKueche, "Wohnzimmer")
	alexa.add(realSmartHomeCSV, c.Bytes())

	// Feedback names its device by a DSN padded with NULs to 32 bytes.
	c = newCSV(true, false)
	c.Record("Timestamp", "DSN", "Feedback Type")
	c.Record("2021-08-01T10:00:00.000Z", serialKueche+strings.Repeat("\x00", 32-len(serialKueche)), "THUMBS_UP")
	alexa.add(realFeedbackCSV, c.Bytes())

	c = newCSV(true, false)
	c.Record("Device Name", "Platform", "App Version")
	c.Record("Annas Telefon", "Android", "2.2.400000.0")
	alexa.add(realMobileCSV, c.Bytes())

	c = newCSV(true, false)
	c.Record("Calendar Name", "Provider")
	c.Record("Familie", "null")
	alexa.add(realCalendarsCSV, c.Bytes())

	c = newCSV(true, false)
	c.Record("List Name", "Item", "Created")
	c.Record("Einkaufsliste", "Milch", "2021-08-02T09:00:00.000Z")
	alexa.add(realListsCSV, c.Bytes())

	// registration.csv as the real one: BOM, no DeviceType or CustomerId,
	// null cells, both date forms, every app of the account, old rows
	// INACTIVE with TimeDeregistered.
	c = newCSV(true, false)
	c.Record("DeviceSerialNumber", "CustomerType", "DeviceAccountRole", "AccountName", "FirstTimeRegistered",
		"LastTimeRegistered", "TimeDeregistered", "State", "CurrentFirmwareVersion", "DeviceModel",
		"localTimeOffset", "ipAddress", "CUSTOMER_LOGIN_POOL")
	c.Record(serialKueche, "null", "null", "Annas Echo Dot", "Sat Jul 24 18:36:22 UTC 2021", "Sat Jul 24 18:36:22 UTC 2021",
		"null", "ACTIVE", "8289901188", "null", "null", "null", "null")
	c.Record(serialKindlePC, "null", "null", "Annas PC", "26/Jan/2017 20:03:14 UTC", "Mon Mar 01 08:00:00 UTC 2021",
		"null", "ACTIVE", "null", "Kindle for PC", "null", "null", "null")
	c.Record(serialPrimeTV, "null", "null", "Fernseher", "Tue Jun 04 19:20:00 UTC 2019", "null",
		"Wed Jan 06 12:00:00 UTC 2021", "INACTIVE", "null", "Prime Video", "null", "null", "null")
	c.Record(serialAlexaPhone, "null", "null", "Annas Telefon", "14/Feb/2020 07:45:10 UTC", "Sat Jul 24 18:30:00 UTC 2021",
		"null", "ACTIVE", "null", "Alexa", "null", "null", "null")
	registration := tree{}
	registration.add(regCSV, c.Bytes())

	auth := tree{}
	auth.add(realAuthJSON, []byte(fmt.Sprintf(`[
  {
    "Account Creation Date": "2015-03-01T09:00:00Z",
    "Email": %q,
    "Origin Marketplace": "amazon.de"
  }
]
`, emailAnna)))

	// Search data: the numeric customer ID in both of its columns.
	c = newCSV(true, false)
	c.Record("Customer ID", "Last Known Customer ID", "Marketplace", "Search Count", "Day")
	c.Record(customerAnnaRetail, customerAnnaRetail, "amazon.de", "12", "2021-07-20")
	c.Record(customerAnnaRetail, customerAnnaRetail, "amazon.de", "3", "2021-07-21")
	search := tree{}
	search.add(realSearchCSV, c.Bytes())

	c = newCSV(true, false)
	c.Record("publicName", "location", "occupation")
	c.Record("Anna B.", "Berlin", "null")
	profile := tree{}
	profile.add(realAttrsCSV, c.Bytes())

	return map[string]tree{
		"Alexa.zip":                  alexa,
		"Devices.Registration.zip":   registration,
		"Retail.Authentication.zip":  auth,
		"Search-Data.zip":            search,
		"Retail.CustomerProfile.zip": profile,
	}
}

func (w *writer) amazonReal(*synth) error {
	in, err := w.input("amazon-real")
	if err != nil {
		return err
	}
	for name, t := range buildAmazonReal() {
		if err := w.file(in, name, t.zipBytes()); err != nil {
			return err
		}
	}
	f := &fixture{Name: "amazon-real",
		Description: "Anna Beispiel's per-category Amazon export in the real structure: an Alexa.zip without voice history " +
			"(Smart Home device list, feedback with a NUL-padded DSN), the real registration.csv (no types, INACTIVE rows, " +
			"Kindle for PC, Prime Video on a TV, the Alexa app), the e-mail in Retail.Authentication.json, a numeric " +
			"customer ID in the search data; no recordings, nothing foreign: consistent.",
		Vendor: "amazon", Verdict: "consistent", Declared: emptyDeclared(),
		// The numeric ID is an identity of the account, not its claim
		// (export.CustomerIDNumbering): the claim is the e-mail.
		Claim: claim{CustomerIDs: []string{}, Emails: []string{emailAnna}}}
	return f.write(filepath.Dir(in))
}
