package check

import (
	"testing"

	"exportlens/app/export"
)

// ownerAndStranger is alice's three-part Takeout (the overview in part 1,
// the profile in part 3) plus one part of a stranger's Takeout whose
// overview names bob.
func ownerAndStranger(strangerPart string) *export.Export {
	x := takeout()
	p3 := "takeout-20240301T101500Z-003.zip"
	profile := export.Source{Part: p3, Path: "Takeout/Profile/Profile.json", Pointer: "/emails/0/value", Field: "value"}
	x.Identities[1].Value = val(x.Identities[1].Value.Text, profile)
	x.Emails = append(x.Emails, val(alice, profile))
	x.Parts = append(x.Parts,
		export.Part{Name: p3, Listed: true, Src: export.Source{Part: p3}},
		export.Part{Name: strangerPart, Account: bob,
			Src: export.Source{Part: strangerPart, Path: "Takeout/archive_browser.html", Line: 3, Field: "header_title"}})
	stranger := val(bob, x.Parts[3].Src)
	x.Emails = append(x.Emails, stranger)
	x.Identities = append(x.Identities, export.Identity{Kind: "email", Value: stranger})
	return x
}

// Regression: the part whose name sorted first decided the claim, so a
// stranger's part named takeout-2019… took over alice's export and alice's
// own part was blamed.
func TestForeignPartBlamesTheStrangerWhateverTheNames(t *testing.T) {
	for _, name := range []string{
		"takeout-20190101T000000Z-001.zip", // sorts before alice's parts
		"takeout-20250101T000000Z-001.zip", // sorts after them
	} {
		t.Run(name, func(t *testing.T) {
			r := Run(ownerAndStranger(name), Declared{})
			wantFindings(t, r, []string{`mismatch foreign-part "bob.fremd@example.org" 0`})
			if r.Verdict != VerdictMismatch {
				t.Errorf("verdict: got %s want %s", r.Verdict, VerdictMismatch)
			}
			if f := findRule(r, RuleForeignPart, Mismatch); f != nil && len(f.Evidence) > 1 && f.Evidence[1].Part != name {
				t.Errorf("blamed part: got %s want %s", f.Evidence[1].Part, name)
			}
			if len(r.Claim.Emails) == 0 || r.Claim.Emails[0] != alice {
				t.Errorf("claim: got %q want %s first", r.Claim.Emails, alice)
			}
		})
	}
}

// The unlisted part of alice's own job, and a part of another job that
// names no account, are absences: never a mismatch.
func TestForeignPartAbsenceIsNoMismatch(t *testing.T) {
	x := takeout()
	x.Parts[1].Listed = false
	other := "takeout-20231105T090000Z-001.zip"
	x.Parts = append(x.Parts, export.Part{Name: other, Src: export.Source{Part: other}})
	r := Run(x, Declared{})
	for _, f := range r.Findings {
		if f.Severity == Mismatch || f.Severity == Likely {
			t.Errorf("got %s %s %q, want no mismatch from an absence", f.Severity, f.Rule, f.Subject)
		}
	}
	if r.Verdict != VerdictConsistent {
		t.Errorf("verdict: got %s want %s", r.Verdict, VerdictConsistent)
	}
}
