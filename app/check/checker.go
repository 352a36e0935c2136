package check

import (
	"slices"

	"exportlens/app/export"
)

// checker holds the export, the claim derived from it, and the findings so far.
type checker struct {
	x *export.Export
	d Declared

	ids refSet // the claimed customer IDs
	// numericIDs: how many claimed customer IDs are numeric (see numericID).
	numericIDs int
	emails     refSet // the claimed e-mails (the reference one and those that agree with it)
	refEmail   *emailObs

	// devices registered to the claimed account, by normalised serial
	// (deregistered ones too); the current ones in source order in
	// accountDevices.
	devices        refSet
	accountDevices []*export.Device
	// listedDevices: serials only the Alexa side's lists name (Device.List),
	// one per serial, in source order.
	listedDevices []*export.Device
	deviceByKey   map[string]*export.Device // first row per normalised serial: current registrations, then deregistered ones, then the Alexa lists' (Device.List)
	// voice profiles enrolled under the claimed account.
	profiles        refSet
	accountProfiles []*export.VoiceProfile

	findings []Finding
	question Question // set by declaredVoiceDevice, with the answer the declared facts give
	answer   string
	normOnly map[RuleID]*group // rule -> values that matched only after normalising
}

// recordingRow is rowKey of recording i's record.
func (c *checker) recordingRow(i int) rowID { return rowKey(c.x.Recordings[i].Src()) }

// rowOf is rowKey(src), the recording's key when src is on the row of
// recording rec (-1: none).
func (c *checker) rowOf(src export.Source, rec int) rowID {
	if rec >= 0 && sameRow(src, c.x.Recordings[rec].Src()) {
		return c.recordingRow(rec)
	}
	return rowKey(src)
}

// sameRow: a and b have the same rowKey.
func sameRow(a, b export.Source) bool {
	return a.Part == b.Part && a.Path == b.Path && a.Page == b.Page && a.Line == b.Line && a.Pointer == b.Pointer
}

func newChecker(x *export.Export, d Declared) *checker {
	c := &checker{x: x, d: d, normOnly: map[RuleID]*group{}}
	c.ids = newRefSet(export.NormID, true)
	for _, v := range x.CustomerIDs {
		c.ids.add(v.Text, v.Src())
	}
	for _, k := range c.ids.keys() {
		if numericID(k) {
			c.numericIDs++
		}
	}
	c.buildEmails()
	c.buildDevices()
	c.buildProfiles()
	return c
}

func (c *checker) vendor() string {
	if c.x.Vendor == "" {
		return string(export.Unknown)
	}
	return string(c.x.Vendor)
}

func (c *checker) vendorKnown() bool {
	return c.x.Vendor == export.Amazon || c.x.Vendor == export.Google
}

// claimEstablished: the export names whom it belongs to.
func (c *checker) claimEstablished() bool {
	return c.ids.len() > 0 || c.emails.len() > 0
}

// ownedBy reports whether a row's customer ID puts it in the claimed account:
// an empty ID does not contradict the claim, and without a claimed ID of its
// numbering (numericID) there is nothing to compare with.
func (c *checker) ownedBy(customerID export.Value) bool {
	if customerID.Empty() {
		return true
	}
	ok, _, comparable := c.claimedID(customerID.Text)
	return ok || !comparable
}

// numericID: Amazon numbers one account twice (export.CustomerIDNumbering):
// an ID of the retail numbering says nothing about one of the Alexa
// numbering, and the other way round. An ID of neither shape counts as
// Alexa's, so it is compared with the claim as before.
func numericID(id string) bool {
	return export.CustomerIDNumbering(id) == export.NumberingRetail
}

// claimedID compares a customer ID with the claimed ones of its numbering.
// comparable is false when the claim has no ID of that numbering: then the
// value can be neither the claim's nor foreign to it.
func (c *checker) claimedID(v string) (ok, onlyNorm, comparable bool) {
	k := export.NormID(v)
	if k == "" {
		return false, false, false
	}
	same := c.numericIDs
	if !numericID(k) {
		same = c.ids.len() - c.numericIDs
	}
	if same == 0 {
		return false, false, false
	}
	ok, onlyNorm = c.ids.match(v)
	return ok, onlyNorm, true
}

func (c *checker) buildDevices() {
	c.devices = newRefSet(export.NormID, true)
	var past, listed []*export.Device
	for i := range c.x.Devices {
		dv := &c.x.Devices[i]
		if dv.Serial.Empty() || !c.ownedBy(dv.CustomerID) {
			continue
		}
		c.devices.add(dv.Serial.Text, dv.Serial.Src())
		if !dv.FromRegistration() {
			// Named by the Alexa side's lists (Smart Home devices,
			// feedback): a serial of the account, no registration.
			listed = append(listed, dv)
			continue
		}
		if dv.Inactive {
			// Deregistered: not a current device, but a serial of the
			// account, so a recording from it is not foreign.
			past = append(past, dv)
			continue
		}
		c.accountDevices = append(c.accountDevices, dv)
	}
	slices.SortStableFunc(c.accountDevices, func(a, b *export.Device) int { return compareSrc(a.Src, b.Src) })
	slices.SortStableFunc(past, func(a, b *export.Device) int { return compareSrc(a.Src, b.Src) })
	slices.SortStableFunc(listed, func(a, b *export.Device) int { return compareSrc(a.Src, b.Src) })
	c.deviceByKey = map[string]*export.Device{}
	for _, dv := range append(append(slices.Clip(c.accountDevices), past...), listed...) {
		if k := export.NormID(dv.Serial.Text); c.deviceByKey[k] == nil {
			c.deviceByKey[k] = dv
			if !dv.FromRegistration() {
				c.listedDevices = append(c.listedDevices, dv)
			}
		}
	}
}

func (c *checker) buildProfiles() {
	c.profiles = newRefSet(export.NormID, false)
	for i := range c.x.VoiceProfiles {
		p := &c.x.VoiceProfiles[i]
		if p.ID.Empty() || !c.ownedBy(p.CustomerID) {
			continue
		}
		c.accountProfiles = append(c.accountProfiles, p)
		c.profiles.add(p.ID.Text, p.ID.Src())
	}
	slices.SortStableFunc(c.accountProfiles, func(a, b *export.VoiceProfile) int { return compareSrc(a.Src, b.Src) })
}

// claim is the report's view of whom the export belongs to: normalised,
// de-duplicated and sorted, so the input order does not show.
func (c *checker) claim() Claim {
	cl := Claim{
		CustomerIDs:   c.ids.sorted(),
		Emails:        c.emails.sorted(),
		Names:         c.names(),
		Devices:       []ClaimDevice{},
		VoiceProfiles: []ClaimProfile{},
		Declared:      c.d,
	}
	seen := map[string]bool{}
	for _, dv := range c.accountDevices {
		k := export.NormID(dv.Serial.Text)
		if seen[k] {
			continue
		}
		seen[k] = true
		cl.Devices = append(cl.Devices, ClaimDevice{Serial: c.devices.display(k), Type: export.NormID(dv.Type.Text), Name: export.NormName(dv.Name.Text), Product: describeDevice(dv)})
	}
	slices.SortFunc(cl.Devices, func(a, b ClaimDevice) int { return cmpStrings(a.Serial, b.Serial) })
	clear(seen)
	for _, p := range c.accountProfiles {
		k := export.NormID(p.ID.Text)
		if seen[k] {
			continue
		}
		seen[k] = true
		cl.VoiceProfiles = append(cl.VoiceProfiles, ClaimProfile{ID: c.profiles.display(k), Name: export.NormName(p.Name.Text)})
	}
	slices.SortFunc(cl.VoiceProfiles, func(a, b ClaimProfile) int { return cmpStrings(a.ID, b.ID) })
	cl.Declared.Emails = nonNil(cl.Declared.Emails)
	cl.Declared.CustomerIDs = nonNil(cl.Declared.CustomerIDs)
	cl.Declared.Devices = nonNil(cl.Declared.Devices)
	if len(cl.Declared.NotMineDevices) == 0 {
		cl.Declared.NotMineDevices = nil
	}
	if len(cl.Declared.NotMineProfiles) == 0 {
		cl.Declared.NotMineProfiles = nil
	}
	if len(cl.Declared.MineRecordings) == 0 {
		cl.Declared.MineRecordings = nil
	}
	if len(cl.Declared.NotMineRecordings) == 0 {
		cl.Declared.NotMineRecordings = nil
	}
	return cl
}

// names lists the claimed names, each once, as first written in source order.
// A name from a file that names account e-mails, none of them the
// reference, is that other account's (a stranger's Profile.json in a part
// mixed in), not the claim's.
func (c *checker) names() []string {
	vs := slices.Clone(c.x.Names)
	if c.refEmail != nil && c.x.Vendor == export.Google {
		keys := map[string]map[string]bool{} // file -> e-mails it names
		for _, o := range c.emailObservations() {
			if keys[o.file] == nil {
				keys[o.file] = map[string]bool{}
			}
			keys[o.file][o.key] = true
		}
		vs = slices.DeleteFunc(vs, func(v export.Value) bool {
			k := keys[fileKey(v.Src())]
			return len(k) > 0 && !k[c.refEmail.key]
		})
	}
	slices.SortStableFunc(vs, func(a, b export.Value) int {
		if d := compareSrc(a.Src(), b.Src()); d != 0 {
			return d
		}
		return cmpStrings(a.Text, b.Text)
	})
	out := []string{}
	seen := map[string]bool{}
	for _, v := range vs {
		k := export.NormName(v.Text)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// noteNormOnly remembers a value that matched the claim only after
// normalising; flushNormOnly turns them into one note per rule.
func (c *checker) noteNormOnly(rule RuleID, ev Evidence, row rowID, rec int) {
	g := c.normOnly[rule]
	if g == nil {
		g = &group{}
		c.normOnly[rule] = g
	}
	g.add(ev, row, rec)
}

func (c *checker) flushNormOnly() {
	for rule, g := range c.normOnly {
		n := g.hits
		c.add(finding(rule, Note, "", n, g.evidence(), g.affected(), msgNormOnly, n))
	}
}

func (c *checker) add(f Finding) { c.findings = append(c.findings, f) }

// expectation tells whether the file a check needs was found. listed is
// false when the export does not list that kind of file at all; exp is then
// the zero value.
func (c *checker) expectation(what export.Need) (exp export.Expectation, listed, found bool) {
	var missing []export.Expectation
	for _, e := range c.x.Expected {
		if e.What != what {
			continue
		}
		if e.Found {
			return e, true, true
		}
		missing = append(missing, e)
	}
	if len(missing) == 0 {
		return export.Expectation{}, false, false
	}
	slices.SortFunc(missing, func(a, b export.Expectation) int { return cmpStrings(a.Path, b.Path) })
	return missing[0], true, false
}

// missingSubject names a missing file for a finding: its expected path, or
// the kind of file when the export does not say where it should be.
func missingSubject(exp export.Expectation, what export.Need) string {
	if exp.Path != "" {
		return exp.Path
	}
	return string(what)
}

// registrationKnown: the devices registered to the account are known (the
// registration file was read). Without an expectation, devices in the export
// prove it was read.
func (c *checker) registrationKnown() (bool, string) {
	exp, listed, found := c.expectation(export.NeedRegistration)
	if found || (!listed && len(c.x.Devices) > 0) {
		return true, ""
	}
	return false, missingSubject(exp, "registration")
}

// profilesKnown: the voice profiles enrolled under the account are known.
func (c *checker) profilesKnown() (bool, string) {
	exp, listed, found := c.expectation(export.NeedVoiceProfiles)
	if found || (!listed && len(c.x.VoiceProfiles) > 0) {
		return true, ""
	}
	return false, missingSubject(exp, "voice-profiles")
}

// reportNoClaim: when the export names nobody, no comparison means anything.
func (c *checker) reportNoClaim() {
	if c.claimEstablished() {
		return
	}
	rl := RuleForeignCustomer
	wants := []export.Need{export.NeedCustomerProfile, export.NeedProfile}
	if c.x.Vendor == export.Google {
		rl = RuleIdentityConflict
		wants = []export.Need{export.NeedProfile, export.NeedCustomerProfile}
	}
	for _, w := range wants {
		if exp, listed, found := c.expectation(w); listed && !found {
			c.add(finding(rl, Unknown, missingSubject(exp, w), len(c.x.Recordings), nil, nil, msgNoClaimFile, missingSubject(exp, w)))
			return
		}
	}
	c.add(finding(rl, Unknown, "", len(c.x.Recordings), nil, nil, msgNoClaim))
}

// missingRules says which rule reports a missing file that no rule has
// reported yet.
var missingRules = map[export.Need]struct {
	rule RuleID
	msg  string
}{
	export.NeedCustomerProfile: {RuleForeignCustomer, msgMissingCustomerProfile},
	export.NeedRegistration:    {RuleUnregisteredDevice, msgMissingRegistration},
	export.NeedVoiceHistory:    {RuleUnreferencedRecording, msgMissingVoiceHistory},
	export.NeedVoiceProfiles:   {RuleUnknownVoiceProfile, msgMissingVoiceProfiles},
	export.NeedActivity:        {RuleUnrecognizedSpeaker, msgMissingActivity},
	export.NeedProfile:         {RuleIdentityConflict, msgMissingProfile},
	export.NeedArchiveBrowser:  {RuleForeignPart, msgMissingArchiveBrowser},
	export.NeedTranscript:      {RuleTranscriptMismatch, msgMissingTranscript},
}

// reportMissingFiles makes sure every needed file that is missing shows up as
// an unknown finding naming it: a missing file is never a silent "all good".
func (c *checker) reportMissingFiles() {
	reported := map[string]bool{}
	for _, f := range c.findings {
		if f.Severity == Unknown && f.Subject != "" {
			reported[f.Subject] = true
		}
	}
	for _, e := range c.x.Expected {
		if e.Found {
			continue
		}
		if _, _, found := c.expectation(e.What); found {
			continue // another file of the same kind was found
		}
		subj := missingSubject(e, e.What)
		if reported[subj] {
			continue
		}
		reported[subj] = true
		m, ok := missingRules[e.What]
		if !ok {
			m.rule, m.msg = RuleForeignCustomer, msgMissingFile
			if c.x.Vendor == export.Google {
				m.rule = RuleIdentityConflict
			}
		}
		if e.What == export.NeedCustomerProfile && len(c.x.Emails) > 0 {
			// The account is named (Retail.Authentication.json), only
			// its customer ID is not.
			m.msg = msgMissingCustomerID
		}
		c.add(finding(m.rule, Unknown, subj, 0, nil, nil, m.msg, subj))
	}
}
