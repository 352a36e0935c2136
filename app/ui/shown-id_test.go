package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/check"
	"exportlens/app/view"
)

// TestIdentifiersShownIsolated: the places that print identifiers from the
// export (a finding's subject and evidence, the claim, devices and voice
// profiles) isolate them in <bdi>, never print an invisible or direction
// character raw, and say what was made visible, in English and German.
func TestIdentifiersShownIsolated(t *testing.T) {
	const (
		rlo      = "G070RQ\u202e0000000001"
		zwsp     = "G070RQ\u200b0000000001"
		cyrillic = "\u04101B2C3D4E5F6G7"
		longS    = "amzn1.actor.per\u017fon.oid.A1ANNAPROFILE1"
	)
	f := check.Finding{Rule: "unregistered-device", Severity: check.Mismatch, Title: "t", Subject: rlo,
		Evidence: []check.Evidence{{Path: "a.csv", Line: 2, Field: "DeviceSerialNumber", Value: zwsp, Raw: zwsp + " "}}}
	claim := &claimView{Claim: check.Claim{CustomerIDs: []string{cyrillic}, Emails: []string{"anna@ex\u0430mple.com"}},
		Devices:  []view.DeviceRow{{Serial: rlo, Name: "K\u00fcche\u202e", Type: "A3S5BH2HU6VAYF"}},
		Profiles: []view.ProfileRow{{ID: longS, Name: "Anna"}}}
	for _, c := range []struct {
		lang  string
		notes []string
	}{
		{"en", []string{"contains a character that changes the direction of text", "contains an invisible character", "contains a Cyrillic letter", "contains a character that only looks like a plain letter or digit"}},
		{"de", []string{"enthält ein Steuerzeichen für die Schreibrichtung", "enthält ein unsichtbares Zeichen", "enthält einen kyrillischen Buchstaben", "ähnelt"}},
	} {
		claim.Lang = c.lang
		fv := &findingView{Lang: c.lang, Finding: f}
		html := app.HTMLString(fv.Render()) + app.HTMLString(claim.Render())
		for _, want := range []string{
			"<bdi", "G070RQ⟨U+202E⟩0000000001", "G070RQ⟨U+200B⟩0000000001", "⟨\u0410 U+0410⟩1B2C3D4E5F6G7",
			"ex⟨\u0430 U+0430⟩mple.com", "per⟨\u017f U+017F⟩on", "Küche⟨U+202E⟩",
		} {
			if !strings.Contains(html, want) {
				t.Errorf("%s: the page does not show %q:\n%s", c.lang, want, html)
			}
		}
		for _, n := range c.notes {
			if !strings.Contains(html, n) {
				t.Errorf("%s: the page does not say %q", c.lang, n)
			}
		}
		for _, raw := range []string{"\u202e", "\u200b"} {
			// The raw value stays in data-subject (for tests and scripts);
			// nothing shown to people holds it.
			if strings.Count(html, raw) > strings.Count(html, `data-subject="`+rlo) {
				t.Errorf("%s: the page shows a raw %q", c.lang, raw)
			}
		}
	}
}
