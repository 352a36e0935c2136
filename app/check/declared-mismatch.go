package check

import (
	"strings"

	"exportlens/app/export"
)

const ruleDeclaredMismatch = "declared-mismatch"

// voiceRecordingsSubject is the subject when the person owns no voice device.
const voiceRecordingsSubject = "voice recordings"

// checkDeclaredMismatch compares the export with what the person says about
// themselves: their customer ID (another one proves a foreign export:
// mismatch), their e-mail (people have several addresses: likely), the
// devices they own, or that they own none.
func checkDeclaredMismatch(c *checker) {
	declaredCustomerID(c)
	declaredEmail(c)
	declaredDevices(c)
	declaredNoDevices(c)
}

func declaredCustomerID(c *checker) {
	given := cleanList(c.d.CustomerIDs, export.NormID)
	if len(given) == 0 || !c.claimEstablished() {
		return // reportNoClaim says why nothing can be compared
	}
	if c.ids.len() == 0 {
		if c.x.Vendor == export.Amazon {
			c.add(finding(ruleDeclaredMismatch, Unknown, export.NormID(given[0]), 0, nil, nil, msgDeclaredNoClaimCustomer, strings.Join(given, ", ")))
		}
		return
	}
	if declaredMatches(c, given, c.ids, c.x.CustomerIDs, export.NormID) {
		return
	}
	for _, key := range c.ids.keys() {
		ev := claimEvidence(c.x.CustomerIDs, key, export.NormID)
		subj := c.ids.display(key)
		c.add(finding(ruleDeclaredMismatch, Mismatch, subj, len(c.x.Recordings), ev, nil, msgDeclaredCustomer, subj, strings.Join(given, ", ")))
	}
}

func declaredEmail(c *checker) {
	given := cleanList(c.d.Emails, export.NormEmail)
	if len(given) == 0 || !c.claimEstablished() {
		return
	}
	if c.emails.len() == 0 {
		c.add(finding(ruleDeclaredMismatch, Unknown, export.NormEmail(given[0]), 0, nil, nil, msgDeclaredNoClaimEmail, strings.Join(given, ", ")))
		return
	}
	vals := c.x.Emails
	if c.refEmail != nil {
		vals = append([]export.Value{c.refEmail.v}, vals...)
	}
	if declaredMatches(c, given, c.emails, vals, export.NormEmail) {
		return
	}
	for _, key := range c.emails.keys() {
		ev := claimEvidence(vals, key, export.NormEmail)
		c.add(finding(ruleDeclaredMismatch, Likely, key, len(c.x.Recordings), ev, nil, msgDeclaredEmail, key, strings.Join(given, ", ")))
	}
}

// declaredMatches reports whether any given value is in the claim, and notes
// the claim's places when the match needed normalising.
func declaredMatches(c *checker, given []string, claim refSet, vals []export.Value, norm func(string) string) bool {
	for _, g := range given {
		ok, onlyNorm := claim.match(g)
		if !ok {
			continue
		}
		if onlyNorm {
			for _, v := range vals {
				if norm(v.Text) == norm(g) && v.Text != g {
					c.noteNormOnly(ruleDeclaredMismatch, valueEvidence(v, v.Src), rowKey(v.Src), -1)
				}
			}
		}
		return true
	}
	return false
}

// claimEvidence shows where the export names a claimed value.
func claimEvidence(vals []export.Value, key string, norm func(string) string) []Evidence {
	var evs []Evidence
	for _, v := range vals {
		if norm(v.Text) == key {
			evs = append(evs, valueEvidence(v, v.Src))
		}
	}
	return firstEvidence(evs, maxEvidence)
}

// cleanList drops values that are empty once normalised.
func cleanList(vs []string, norm func(string) string) []string {
	var out []string
	for _, v := range vs {
		if norm(v) != "" {
			out = append(out, strings.TrimSpace(v))
		}
	}
	return out
}

// declaredDevices: a device of the account, or a device a recording names,
// that the person did not list as theirs. Devices known not to record voice
// (a Kindle) are left out: the question is whose voice is in the export.
func declaredDevices(c *checker) {
	given := cleanList(c.d.Devices, export.NormID)
	if len(given) == 0 {
		return
	}
	decl := newRefSet(export.NormID, true)
	for _, g := range given {
		decl.add(g, export.Source{})
	}
	groups := map[string]*group{}
	registered := map[string][]Evidence{}
	see := func(key string, v export.Value, row export.Source, counted bool, rec int) {
		ev := valueEvidence(v, row)
		ok, onlyNorm := decl.match(v.Text)
		if ok {
			if onlyNorm {
				c.noteNormOnly(ruleDeclaredMismatch, ev, rowKey(ev.src()), rec)
			}
			return
		}
		g := groups[key]
		if g == nil {
			g = &group{}
			groups[key] = g
		}
		if !counted {
			registered[key] = append(registered[key], ev)
			return
		}
		g.add(ev, rowKey(row), rec)
	}
	for _, dv := range c.accountDevices {
		if classifyDevice(dv.Type.Text) != voiceIncapable {
			see(export.NormID(dv.Serial.Text), dv.Serial, dv.Src, false, -1)
		}
	}
	for i := range c.x.Recordings {
		pace()
		r := &c.x.Recordings[i]
		key := export.NormID(r.Device.Text)
		if dv := c.deviceByKey[key]; dv != nil && dv.Inactive {
			continue // a former device of the account: not the person's to list
		}
		if key != "" {
			see(key, r.Device, r.Src, true, i)
		}
	}
	for key, g := range groups {
		pace()
		// The registration row first, then the recordings.
		ev := firstEvidence(registered[key], 1)
		ev = append(ev, firstEvidence(evidenceOf(g), maxEvidence-len(ev))...)
		n, subj := g.records(), key
		if n > 0 {
			c.add(finding(ruleDeclaredMismatch, Likely, subj, n, ev, g.affected(), msgDeclaredDeviceRecordings, n, subj))
		} else {
			c.add(finding(ruleDeclaredMismatch, Likely, subj, 0, ev, nil, msgDeclaredDeviceRegistered, subj))
		}
	}
}

// declaredNoDevices: the person owns no voice-assistant device, yet the
// export holds voice recordings, or a voice device is registered to it.
func declaredNoDevices(c *checker) {
	if !c.d.NoDevices {
		return
	}
	if items := c.voiceItems(); len(items) > 0 {
		g := itemGroup(items)
		n := g.records()
		c.add(finding(ruleDeclaredMismatch, Likely, voiceRecordingsSubject, n, g.evidence(), g.affected(), msgDeclaredNoDevicesRecordings, n))
	}
	groups := map[string]*group{}
	var keys []string
	for _, dv := range c.accountDevices { // one device per serial, first row
		key := export.NormID(dv.Serial.Text)
		if classifyDevice(dv.Type.Text) == voiceCapable && c.deviceByKey[key] == dv {
			groups[key] = &group{}
			keys = append(keys, key)
		}
	}
	for i := range c.x.Recordings {
		pace()
		r := &c.x.Recordings[i]
		if g := groups[export.NormID(r.Device.Text)]; g != nil {
			g.add(valueEvidence(r.Device, r.Src), rowKey(r.Src), i)
		}
	}
	for _, key := range keys {
		dv, g := c.deviceByKey[key], groups[key]
		// The registration row (serial and type), then the recordings.
		ev := []Evidence{valueEvidence(dv.Serial, dv.Src), valueEvidence(dv.Type, dv.Src)}
		ev = append(ev, firstEvidence(evidenceOf(g), maxEvidence-len(ev))...)
		subj, typ := c.devices.display(key), export.NormID(dv.Type.Text)
		c.add(finding(ruleDeclaredMismatch, Likely, subj, g.records(), ev, g.affected(), msgDeclaredNoDevicesDevice, subj, typ))
	}
}
