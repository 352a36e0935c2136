package check

import (
	"testing"

	"exportlens/app/export"
)

// A deregistered (INACTIVE) registration is not a current device, but its
// serial is the account's: a recording from it is not foreign.
func TestInactiveRegistration(t *testing.T) {
	x := amazonClean()
	reg := func(f string) export.Source { return at("Devices.Registration.zip", regCSV, 4, f) }
	x.Devices = append(x.Devices, export.Device{
		Serial: val(foreignDev, reg("DeviceSerialNumber")), Type: val("A3S5BH2HU6VAYF", reg("DeviceType")),
		Name: val("Alter Echo", reg("AccountName")), CustomerID: val(custID, reg("CustomerId")),
		Src: reg(""), Inactive: true,
	})
	addRecording(x, 6, custID, foreignDev, anna, "", false)
	r := Run(x, Declared{})
	wantFindings(t, r, []string{})
	if r.Verdict != VerdictConsistent {
		t.Errorf("verdict: got %s want %s", r.Verdict, VerdictConsistent)
	}
	if r.Summary.Devices != 2 {
		t.Errorf("summary devices: got %d want 2 (the deregistered one is not current)", r.Summary.Devices)
	}
	for _, d := range r.Claim.Devices {
		if d.Serial == foreignDev {
			t.Errorf("claim lists the deregistered device %s as current", d.Serial)
		}
	}
	// Declared devices: the deregistered one need not be listed.
	r = Run(x, Declared{Devices: []string{echoDot, echo}})
	wantFindings(t, r, []string{})
}

// A real export names the account by e-mail (Retail.Authentication.json)
// and has no customer profile: the finding says what cannot be compared,
// not that nobody is named.
func TestMissingCustomerProfileWithEmail(t *testing.T) {
	x := amazonClean()
	x.CustomerIDs, x.Identities = nil, nil
	x.Emails = []export.Value{val(annaEmail, at("Retail.Authentication.zip", "Retail.Authentication/Retail.Authentication.json", 0, "Email"))}
	for i := range x.Expected {
		if x.Expected[i].What == "customer-profile" {
			x.Expected[i].Found = false
		}
	}
	r := Run(x, Declared{})
	f := findRule(r, RuleForeignCustomer, Unknown)
	if f == nil || f.Msg != msgMissingCustomerID {
		t.Fatalf("want an unknown foreign-customer finding %q, got %+v", msgMissingCustomerID, r.Findings)
	}
}
