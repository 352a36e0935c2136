package pack

import (
	"strings"
	"unicode"

	"exportlens/app/check"
)

// Recipient is whom a letter is for.
type Recipient int

const (
	Company   Recipient = iota // the company that sent the export
	Authority                  // the data protection authority (a complaint under Art. 77 GDPR)
)

// Letter is the letter to, in m.Lang, filled from the report and what the
// person stated: the access request (Art. 15 GDPR), the date the export
// arrived, the files received with their SHA-256, the account it was sent
// for, and every finding of another person's data with its count and
// identifier, never its content. What only the person knows stays a
// [placeholder]. Letter returns "" unless the verdict is mismatch: for a
// consistent export there is nothing to report, and for an unknown one the
// question in the report comes first (NoLetter says which, in words).
func Letter(rep *check.Report, to Recipient, m Meta) string {
	if rep.Verdict != check.VerdictMismatch {
		return ""
	}
	lang := m.Lang
	var b strings.Builder
	line := func(s string) { b.WriteString(s); b.WriteByte('\n') }
	gap := func() { b.WriteByte('\n') }
	company := vendorName(lang, rep.Vendor)
	requested, arrived := tr(lang, "requested"), tr(lang, "arrived")
	if !m.Requested.IsZero() {
		requested = longDate(lang, m.Requested)
	}
	if !m.Arrived.IsZero() {
		arrived = longDate(lang, m.Arrived)
	}

	line(tr(lang, "sender"))
	gap()
	if to == Company {
		line(tr(lang, "c.to", company))
	} else {
		line(tr(lang, "a.to"))
	}
	gap()
	line(tr(lang, "place", longDate(lang, m.Made.UTC())))
	gap()
	if to == Company {
		line(tr(lang, "c.subject"))
	} else {
		line(tr(lang, "a.subject", company))
	}
	gap()
	line(tr(lang, "dear"))
	gap()
	if to == Authority {
		line(tr(lang, "a.lodge", company))
		gap()
		line(tr(lang, "a.request", requested, arrived))
	} else {
		line(tr(lang, "c.request", requested, arrived))
	}
	for _, in := range rep.Inputs {
		if in.SHA256 != "" {
			line(tr(lang, "file", check.ShowText(in.Name), in.SHA256))
		} else {
			line(tr(lang, "file.nohash", check.ShowText(in.Name)))
		}
	}
	if acc := account(lang, rep.Claim); acc != "" {
		line(tr(lang, "account", acc))
	}
	gap()
	line(tr(lang, "found"))
	most := 0
	for _, f := range rep.Findings {
		if f.Severity != check.Mismatch && f.Severity != check.Likely {
			continue
		}
		most = max(most, f.Records)
		title := f.Text(lang)
		if f.Rule == ruleDeclared {
			// Its titles speak to the person ("You own no …"); the
			// letter speaks for them, and states the facts below.
			title = tr(lang, "finding.declared", f.Records)
		}
		if sub := subjectIdent(f); sub != "" && !strings.Contains(title, sub) {
			line(tr(lang, "finding.sub", title, sub))
		} else {
			line(tr(lang, "finding", title))
		}
	}
	var tail []string
	if rep.Summary.Recordings > 0 {
		tail = append(tail, tr(lang, "total", most, rep.Summary.Recordings))
	} else {
		tail = append(tail, tr(lang, "total.norec", most))
	}
	d := m.declared(rep)
	if d.NoDevices {
		tail = append(tail, tr(lang, "stmt.nodevices"))
	} else if len(d.Devices) > 0 {
		shown := make([]string, len(d.Devices))
		for i, s := range d.Devices {
			shown[i] = check.Show(s).Text
		}
		tail = append(tail, tr(lang, "stmt.devices", strings.Join(shown, ", ")))
	}
	var own []string
	for _, id := range d.CustomerIDs {
		own = append(own, tr(lang, "account.id", check.Show(id).Text))
	}
	for _, e := range d.Emails {
		own = append(own, tr(lang, "account.em", check.Show(e).Text))
	}
	if len(own) > 0 {
		tail = append(tail, tr(lang, "stmt.account", strings.Join(own, ", ")))
	}
	tail = append(tail, tr(lang, "nocontent"))
	line(strings.Join(tail, " "))
	gap()
	if to == Company {
		line(tr(lang, "c.ask"))
		for _, k := range []string{"c.ask1", "c.ask2", "c.ask3", "c.ask4"} {
			line(tr(lang, k))
		}
		gap()
		line(tr(lang, "c.keep"))
	} else {
		line(tr(lang, "a.breach"))
		gap()
		line(tr(lang, "a.told"))
		gap()
		line(tr(lang, "a.ask"))
	}
	gap()
	line(tr(lang, "regards"))
	gap()
	if to == Company {
		line(tr(lang, "c.attach"))
	} else {
		line(tr(lang, "a.attach"))
	}
	return b.String()
}

// Letters is both letters, each under a heading line, as `exportlens check
// --letter` prints them; "" when Letter gives none.
func Letters(rep *check.Report, m Meta) string {
	c := Letter(rep, Company, m)
	if c == "" {
		return ""
	}
	rule := strings.Repeat("=", 72)
	return rule + "\n" + tr(m.Lang, "letters.company") + "\n" + rule + "\n\n" + c +
		"\n" + rule + "\n" + tr(m.Lang, "letters.authority") + "\n" + rule + "\n\n" + Letter(rep, Authority, m)
}

// NoLetter says in lang why Letter gives no letter for rep, "" when it
// gives one.
func NoLetter(rep *check.Report, lang string) string {
	switch rep.Verdict {
	case check.VerdictMismatch:
		return ""
	case check.VerdictConsistent:
		return tr(lang, "noletter.consistent")
	}
	return tr(lang, "noletter.unknown")
}

// vendorName is the company as people call it; a placeholder when the
// export does not say.
func vendorName(lang, vendor string) string {
	switch vendor {
	case "amazon":
		return "Amazon"
	case "google":
		return "Google"
	}
	return tr(lang, "company.ph")
}

// account names the claimed account by its customer IDs and e-mails.
func account(lang string, c check.Claim) string {
	var parts []string
	for _, id := range c.CustomerIDs {
		parts = append(parts, tr(lang, "account.id", check.Show(id).Text))
	}
	for _, e := range c.Emails {
		parts = append(parts, tr(lang, "account.em", check.Show(e).Text))
	}
	return strings.Join(parts, ", ")
}

const ruleDeclared = check.RuleDeclaredMismatch

// subjectIdent is the finding's subject as shown, when it is an identifier
// or a path from the export: unrecognized-speaker's subject is a phrase of
// ours, and so is declared-mismatch's when it has a space ("voice
// recordings"; else it is the serial or ID that contradicts the person).
func subjectIdent(f check.Finding) string {
	switch {
	case f.Subject == "", f.Rule == "unrecognized-speaker",
		f.Rule == ruleDeclared && strings.ContainsFunc(f.Subject, unicode.IsSpace):
		return ""
	}
	return check.Show(f.Subject).Text
}
