package check

import (
	"slices"
	"strings"

	"exportlens/app/export"
)

// voiceRecordingsSubject is the subject when the person owns no voice device.
const voiceRecordingsSubject = "voice recordings"

// Question is the one question only the person can answer, asked when the
// verdict is unknown because of recordings (Report.Question). Its value is
// a stable code: the command and the viewer both read it from the report.
type Question string

// QuestionVoiceDevice: "Do you own a device that records your voice for
// Alexa?" Recordings that carry no device serial can only be explained by
// a voice device of the account, and the export cannot show one (the
// registration file is missing, or the only candidate is a device of
// unknown type). Declared.NoDevices answers no (the recordings become
// likely someone else's), Declared.OwnsDevice or a listed serial answers
// yes (a device the person owns explains them).
const QuestionVoiceDevice Question = "voice-device"

// Answers to the question, as the declared facts give them (Report.Answer).
const (
	AnswerYes = "yes"
	AnswerNo  = "no"
)

// Answer is how the declared facts answered Report.Question: AnswerNo,
// AnswerYes (Declared.OwnsDevice, or a serial the person listed), or ""
// when they do not answer it.
func (r *Report) Answer() string { return r.answer }

// checkDeclaredMismatch compares the export with what the person says about
// themselves: their customer ID (another one of the same form proves a
// foreign export: mismatch), their e-mail (people have several addresses:
// likely), the devices they own, or that they own none. It runs after the
// other rules, because the answer to the voice-device question settles
// what recordings-without-device could not tell.
func checkDeclaredMismatch(c *checker) {
	declaredCustomerID(c)
	declaredEmail(c)
	declaredDevices(c)
	declaredNoDevices(c)
	declaredVoiceDevice(c)
	declaredNotMine(c)
	declaredRecordings(c)
}

// The declared facts are compared as a person types them: spaces around and
// inside, letter case, and for serials and customer IDs the hyphens people
// add to read them in groups ("a1b2 c3d4 e5f6 g7", " Anna@Example.com ",
// "G070-RQ00-0000-0001"). Only the person's input is treated so loosely; the
// export's own values are compared with each other as written (refSet).

// declaredIDKey is the form in which a declared customer ID or serial is
// compared: upper-case, without white space or hyphens.
func declaredIDKey(s string) string {
	return export.NormID(strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u202f', '\u2009', '-', '\u2010', '\u2011', '\u2012', '\u2013':
			return -1
		}
		return r
	}, s))
}

// declaredEmailKey is the form in which a declared e-mail address is
// compared: lower-case, without white space (an address has none).
func declaredEmailKey(s string) string {
	return export.NormEmail(strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u202f', '\u2009':
			return -1
		}
		return r
	}, s))
}

// customerIDForm is the numbering of an Amazon customer ID
// (export.CustomerIDNumbering): the claim's "A" form, Search-Data's numeric
// form, or "" for anything else.
func customerIDForm(key string) export.Numbering { return export.CustomerIDNumbering(key) }

// declaredKeys returns the distinct non-empty keys of what the person typed,
// in the order given, and the typed values (trimmed) for the titles.
func declaredKeys(vs []string, key func(string) string) (keys, typed []string) {
	for _, v := range vs {
		k := key(v)
		if k == "" || slices.Contains(keys, k) {
			continue
		}
		keys = append(keys, k)
		typed = append(typed, strings.TrimSpace(v))
	}
	return keys, typed
}

// maxShownIDs bounds the export's IDs named in a title.
const maxShownIDs = 3

// exportCustomerID is a customer ID the export holds: one of the claim, or
// one read anywhere (Export.AllIdentities of kind "customer-id", such as
// the numeric IDs of Search-Data).
type exportCustomerID struct {
	key   string // declaredIDKey of the value
	claim bool   // one of the claim's IDs
	vals  []export.Value
}

// exportCustomerIDs lists the customer IDs of the export by key, the
// claim's first.
func exportCustomerIDs(c *checker) []*exportCustomerID {
	var out []*exportCustomerID
	byKey := map[string]*exportCustomerID{}
	add := func(v export.Value, claim bool) {
		k := declaredIDKey(v.Text)
		if k == "" {
			return
		}
		e := byKey[k]
		if e == nil {
			e = &exportCustomerID{key: k}
			byKey[k] = e
			out = append(out, e)
		}
		e.claim = e.claim || claim
		e.vals = append(e.vals, v)
	}
	for _, v := range c.x.CustomerIDs {
		add(v, true)
	}
	for id := range c.x.AllIdentities(export.IdentityCustomerID) {
		add(id.Value, false)
	}
	slices.SortStableFunc(out, func(a, b *exportCustomerID) int {
		if a.claim != b.claim {
			if a.claim {
				return -1
			}
			return 1
		}
		return strings.Compare(a.key, b.key)
	})
	return out
}

// declaredCustomerID compares the customer IDs the person gave with every
// customer ID the export holds. One that is the claim's, or a numeric one
// the export holds, settles it. Otherwise the export belongs to another
// customer only when it holds an ID of the same form that differs: the
// claim's A-form ID against a declared A-form ID, a numeric ID against a
// declared numeric one. An ID of a form the export does not hold cannot be
// compared; that is never a mismatch.
func declaredCustomerID(c *checker) {
	given, typed := declaredKeys(c.d.CustomerIDs, declaredIDKey)
	if len(given) == 0 || !c.claimEstablished() {
		return // reportNoClaim says why nothing can be compared
	}
	held := exportCustomerIDs(c)
	if len(held) == 0 {
		if c.x.Vendor == export.Amazon {
			c.add(finding(RuleDeclaredMismatch, Unknown, given[0], 0, nil, nil, msgDeclaredNoClaimCustomer, strings.Join(typed, ", ")))
		}
		return
	}
	for _, g := range given {
		for _, h := range held {
			// The claim's ID of any form, or a numeric ID anywhere: a
			// numeric ID is read only from the account's own tables.
			if h.key == g && (h.claim || customerIDForm(g) == export.NumberingRetail) {
				return
			}
		}
	}
	forms := map[export.Numbering]bool{}
	for _, g := range given {
		if f := customerIDForm(g); f != "" {
			forms[f] = true
		}
	}
	var differ []*exportCustomerID
	for _, h := range held {
		f := customerIDForm(h.key)
		if f == "" || !forms[f] {
			continue
		}
		// An A-form ID that is not the claim's is another customer's row:
		// foreign-customer shows it. The claim is whom the export belongs to.
		if f == export.NumberingAlexa && !h.claim {
			continue
		}
		differ = append(differ, h)
	}
	if len(differ) == 0 {
		// A few of the export's own IDs: a title stays a line.
		var shown []string
		for _, h := range held {
			if len(shown) == maxShownIDs {
				shown = append(shown, "…")
				break
			}
			shown = append(shown, h.key)
		}
		c.add(finding(RuleDeclaredMismatch, Unknown, given[0], 0, nil, nil, msgDeclaredCustomerOtherForm, strings.Join(typed, ", "), strings.Join(shown, ", ")))
		return
	}
	for _, h := range differ {
		var evs []Evidence
		for _, v := range h.vals {
			evs = append(evs, valueEvidence(v, v.Src()))
		}
		subj := h.key
		if h.claim {
			subj = c.ids.display(export.NormID(h.vals[0].Text))
			if subj == "" {
				subj = h.key
			}
		}
		c.add(finding(RuleDeclaredMismatch, Mismatch, subj, len(c.x.Recordings), firstEvidence(evs, maxEvidence), nil, msgDeclaredCustomer, subj, strings.Join(typed, ", ")))
	}
}

func declaredEmail(c *checker) {
	given, typed := declaredKeys(c.d.Emails, declaredEmailKey)
	if len(given) == 0 || !c.claimEstablished() {
		return
	}
	if c.emails.len() == 0 {
		c.add(finding(RuleDeclaredMismatch, Unknown, given[0], 0, nil, nil, msgDeclaredNoClaimEmail, strings.Join(typed, ", ")))
		return
	}
	for _, key := range c.emails.keys() {
		if slices.Contains(given, declaredEmailKey(key)) {
			return
		}
	}
	vals := c.x.Emails
	if c.refEmail != nil {
		vals = append([]export.Value{c.refEmail.v}, vals...)
	}
	for _, key := range c.emails.keys() {
		ev := claimEvidence(vals, key, export.NormEmail)
		c.add(finding(RuleDeclaredMismatch, Likely, key, len(c.x.Recordings), ev, nil, msgDeclaredEmail, key, strings.Join(typed, ", ")))
	}
}

// claimEvidence shows where the export names a claimed value.
func claimEvidence(vals []export.Value, key string, norm func(string) string) []Evidence {
	var evs []Evidence
	for _, v := range vals {
		if norm(v.Text) == key {
			evs = append(evs, valueEvidence(v, v.Src()))
		}
	}
	return firstEvidence(evs, maxEvidence)
}

// declaredDevices: a device of the account, or a device a recording names,
// that the person did not list as theirs. That is a note, not a sign of
// someone else: people forget a device, and a device registered to the
// account is the account's (unregistered-device speaks for the others).
// Devices known not to record voice (a Kindle) are left out: the question
// is whose voice is in the export.
func declaredDevices(c *checker) {
	given, _ := declaredKeys(c.d.Devices, declaredIDKey)
	if len(given) == 0 {
		return
	}
	groups := map[string]*group{}
	registered := map[string][]Evidence{}
	see := func(key string, v export.Value, row export.Source, counted bool, rec int) {
		if slices.Contains(given, declaredIDKey(v.Text)) {
			return
		}
		ev := valueEvidence(v, row)
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
		key := export.NormID(r.Device().Text)
		if dv := c.deviceByKey[key]; dv != nil && dv.Inactive {
			continue // a former device of the account: not the person's to list
		}
		if key != "" {
			see(key, r.Device(), r.Src(), true, i)
		}
	}
	for key, g := range groups {
		pace()
		// The registration row first, then the recordings.
		ev := firstEvidence(registered[key], 1)
		ev = append(ev, g.first(maxEvidence-len(ev))...)
		n, subj := g.records(), key
		if n > 0 {
			c.add(g.withAudio(finding(RuleDeclaredMismatch, Note, subj, n, ev, g.affected(), msgDeclaredDeviceRecordings, n, subj)))
		} else {
			c.add(finding(RuleDeclaredMismatch, Note, subj, 0, ev, nil, msgDeclaredDeviceRegistered, subj))
		}
	}
}

// declaredNoDevices: the person owns no voice-assistant device, yet the
// export holds voice recordings, or a voice device is registered to it.
func declaredNoDevices(c *checker) {
	if !c.d.NoDevices {
		return
	}
	if items := slices.Collect(c.voiceItems); len(items) > 0 {
		g := itemGroup(items)
		n := g.records()
		c.add(g.withAudio(finding(RuleDeclaredMismatch, Likely, voiceRecordingsSubject, n, g.evidence(), g.affected(), msgDeclaredNoDevicesRecordings, n)))
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
		if g := groups[export.NormID(r.Device().Text)]; g != nil {
			g.add(valueEvidence(r.Device(), r.Src()), c.recordingRow(i), i)
		}
	}
	for _, key := range keys {
		dv, g := c.deviceByKey[key], groups[key]
		// The registration row (serial and type), then the recordings.
		ev := []Evidence{valueEvidence(dv.Serial, dv.Src), valueEvidence(dv.Type, dv.Src)}
		ev = append(ev, g.first(maxEvidence-len(ev))...)
		subj, typ := c.devices.display(key), export.NormID(dv.Type.Text)
		c.add(g.withAudio(finding(RuleDeclaredMismatch, Likely, subj, g.records(), ev, g.affected(), msgDeclaredNoDevicesDevice, subj, typ)))
	}
}

// declaredVoiceDevice asks the voice-device question when
// recordings-without-device could not tell (an unknown finding: the
// registration is missing, or the only candidate is a device of unknown
// type), and settles it with the answer:
//   - no (Declared.NoDevices): declaredNoDevices has called the recordings
//     likely someone else's; the unknown finding is answered and goes;
//   - yes (Declared.OwnsDevice, or a listed serial that is not a registered
//     device known to have no microphone): a device the person owns explains
//     the recordings; the finding stays, as a note, with its evidence. The
//     serial is not known, so this is never a match of identifiers and
//     never raises a severity;
//   - no answer: the finding stays unknown, and so does the verdict.
func declaredVoiceDevice(c *checker) {
	owns := c.d.OwnsDevice
	for _, g := range c.d.Devices {
		k := declaredIDKey(g)
		if k == "" {
			continue
		}
		if dv := registeredAs(c, k); dv == nil || classifyDevice(dv.Type.Text) != voiceIncapable {
			owns = true
		}
	}
	kept := c.findings[:0]
	for _, f := range c.findings {
		if f.Rule != RuleRecordingsWithoutDevice || f.Severity != Unknown {
			kept = append(kept, f)
			continue
		}
		c.question = QuestionVoiceDevice
		switch {
		case c.d.NoDevices:
			c.answer = AnswerNo
			continue // answered: the likely finding of declaredNoDevices speaks
		case owns:
			c.answer = AnswerYes
			f = finding(f.Rule, Note, f.Subject, f.Records, f.Evidence, f.Affected, msgRecordingsDeclaredDevice, f.Records)
		}
		kept = append(kept, f)
	}
	c.findings = kept
}

// registeredAs returns the account's registration of the device whose
// serial the person typed as key (declaredIDKey), nil when none.
func registeredAs(c *checker, key string) *export.Device {
	if dv := c.deviceByKey[key]; dv != nil {
		return dv
	}
	for _, dv := range c.accountDevices {
		if declaredIDKey(dv.Serial.Text) == key {
			return dv
		}
	}
	return nil
}
