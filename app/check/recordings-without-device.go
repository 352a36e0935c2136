package check

import (
	"exportlens/app/export"
	"iter"
)

// maxDeviceEvidence: registration rows shown beside the recordings.
const maxDeviceEvidence = 2

// checkRecordingsWithoutDevice catches the 2018 case, where the recordings
// carried no ID at all: recordings exist, but no device registered to the
// account can record voice, so nothing of the account explains them.
//
// A recording without a serial is explained by any voice-capable device of
// the account; a recording naming a registered device that cannot record
// voice (a Kindle) is explained by nothing. A recording naming an
// unregistered serial is unregistered-device's. When the only candidates are
// devices of unknown type, the finding is unknown: the device may well record
// voice.
func checkRecordingsWithoutDevice(c *checker) {
	if c.x.Vendor != export.Amazon {
		return
	}
	// Grouped as they come, not listed: a list of the items held 25 MB
	// at 100,000 recordings (BenchmarkCheckBig).
	serialLess, nonVoice := &group{}, &group{}
	incapable := func(serial string) bool {
		dv := c.accountDevice(serial)
		return dv != nil && classifyDevice(dv.Type.Text) == voiceIncapable
	}
	for it := range c.voiceItemsOf(func(serial string) bool { return serial == "" || incapable(serial) }) {
		pace()
		if it.serial == "" {
			serialLess.addItem(it)
		} else {
			nonVoice.addItem(it)
		}
	}
	if serialLess.hits+nonVoice.hits == 0 {
		return
	}
	if known, missing := c.registrationKnown(); !known {
		g := serialLess.merged(nonVoice)
		n := g.records()
		c.add(g.withAudio(finding(RuleRecordingsWithoutDevice, Unknown, missing, n, g.evidence(), g.affected(), msgRecordingsNoRegistration, n, missing)))
		return
	}
	voice := false
	var unknownDev *export.Device
	unknownSerials := map[string]bool{}
	for _, dv := range c.accountDevices {
		switch classifyDevice(dv.Type.Text) {
		case voiceCapable:
			voice = true
		case voiceUnknown:
			unknownSerials[export.NormID(dv.Serial.Text)] = true
			if unknownDev == nil {
				unknownDev = dv
			}
		}
	}
	if voice {
		serialLess = &group{}
	}
	if serialLess.hits > 0 && unknownDev == nil && len(c.listedDevices) > 0 {
		// No registered device can be it, but the account's own Alexa
		// files (the Smart Home device list, feedback) name a device: it
		// may well be the one that recorded. Cannot tell, never likely.
		dv := c.listedDevices[0]
		g := serialLess
		n := g.records()
		serial := export.NormID(dv.Serial.Text)
		ev := append([]Evidence{valueEvidence(dv.Serial, dv.Src)}, g.first(maxEvidence-1)...)
		c.add(g.withAudio(finding(RuleRecordingsWithoutDevice, Unknown, serial, n, ev, g.affected(), msgRecordingsListedDevice, n, serial)))
		serialLess = &group{}
	}
	if serialLess.hits > 0 && unknownDev != nil {
		g := serialLess
		n := g.records()
		serial := export.NormID(unknownDev.Serial.Text)
		typ := export.NormID(unknownDev.Type.Text)
		if typ == "" {
			typ = "?"
		}
		ev := append([]Evidence{deviceEvidence(unknownDev)}, g.first(maxEvidence-1)...)
		// What the device is (its product, or what its model or name
		// says) only words the question; the severity stays unknown.
		product := describeDevice(unknownDev)
		if product == "" && typ == "?" {
			product = export.NormName(unknownDev.Name.Text) // "(Box)": better than a type "?"
		}
		switch {
		case len(unknownSerials) > 1:
			// Several candidates (the real registration lists every app
			// of the account): name the first, count them all.
			if product == "" {
				product = typ
			}
			c.add(g.withAudio(finding(RuleRecordingsWithoutDevice, Unknown, serial, n, ev, g.affected(), msgRecordingsDevicesUnknown, n, len(unknownSerials), serial, product)))
		case deviceProduct(typ) != "": // a known product, its microphone not
			c.add(g.withAudio(finding(RuleRecordingsWithoutDevice, Unknown, serial, n, ev, g.affected(), msgRecordingsDeviceMicUnknown, n, serial, product)))
		case typ == "?" && product != "":
			c.add(g.withAudio(finding(RuleRecordingsWithoutDevice, Unknown, serial, n, ev, g.affected(), msgRecordingsDeviceNoType, n, serial, product)))
		default:
			c.add(g.withAudio(finding(RuleRecordingsWithoutDevice, Unknown, serial, n, ev, g.affected(), msgRecordingsDeviceTypeUnknown, n, serial, typ)))
		}
		serialLess = &group{}
	}
	g := serialLess.merged(nonVoice)
	if g.hits == 0 {
		return
	}
	n := g.records()
	// A few recordings, then the registration rows that show only devices
	// without voice (or the registration file itself when it lists none).
	var devEv []Evidence
	for _, dv := range c.accountDevices {
		devEv = append(devEv, valueEvidence(dv.Type, dv.Src))
	}
	if len(devEv) == 0 {
		if exp, _, found := c.expectation(export.NeedRegistration); found {
			devEv = append(devEv, Evidence{Part: exp.Src.Part, Path: exp.Src.Path})
		}
	}
	devEv = firstEvidence(devEv, maxDeviceEvidence)
	ev := append(g.first(maxEvidence-len(devEv)), devEv...)
	first := g.evidence()[0]
	c.add(g.withAudio(finding(RuleRecordingsWithoutDevice, Likely, folderOf(first.Path), n, ev, g.affected(), msgRecordingsWithoutDevice, n)))
}

// voiceItem is something that shows voice was recorded: a recording, or an
// audio file that no recording stands for.
type voiceItem struct {
	ev     Evidence
	row    rowID
	rec    int    // index into Recordings, -1 for a bare audio file
	audio  int    // index into Audio of a bare audio file, -1 for a recording
	serial string // normalised device serial, "" when none
}

// voiceItems yields every recording and every audio file no recording
// holds. A sequence, not a list: a rule keeps only the few it is about,
// and a list of every recording's evidence was 170 bytes a recording.
func (c *checker) voiceItems(yield func(voiceItem) bool) { c.voiceItemsOf(nil)(yield) }

// voiceItemsOf is voiceItems of the items whose serial keep accepts (nil:
// all): the evidence of the others is never made (at 100,000 recordings
// that was most of the check of recordings without a device).
func (c *checker) voiceItemsOf(keep func(serial string) bool) iter.Seq[voiceItem] {
	return func(yield func(voiceItem) bool) { c.yieldVoiceItems(keep, yield) }
}

func (c *checker) yieldVoiceItems(keep func(serial string) bool, yield func(voiceItem) bool) {
	x := c.x
	for i := range x.Recordings {
		pace()
		r := &x.Recordings[i]
		serial := export.NormID(r.Device().Text)
		if keep != nil && !keep(serial) {
			continue
		}
		if !yield(voiceItem{ev: recordingEvidence(r), row: c.recordingRow(i), rec: i, audio: -1, serial: serial}) {
			return
		}
	}
	for j, a := range x.Audio {
		pace()
		if a.OfRecording || (keep != nil && !keep("")) {
			continue // its recording's item
		}
		ev := Evidence{Part: a.Part, Path: a.Path}
		if !yield(voiceItem{ev: ev, row: rowKey(ev.src()), rec: -1, audio: j}) {
			return
		}
	}
}

func itemGroup(items []voiceItem) *group {
	g := &group{}
	for _, it := range items {
		pace()
		g.addItem(it)
	}
	return g
}

// addItem adds a recording or a bare audio file to g.
func (g *group) addItem(it voiceItem) {
	if it.rec < 0 && it.audio >= 0 {
		g.addAudio(it.ev, it.row, it.audio)
	} else {
		g.add(it.ev, it.row, it.rec)
	}
}

// accountDevice returns the first registration row of the account for a
// normalised serial.
func (c *checker) accountDevice(serial string) *export.Device {
	return c.deviceByKey[serial]
}

// deviceEvidence points at what the registration row says of a device's
// kind: its type code, else its DeviceModel, else its name, else the serial.
func deviceEvidence(dv *export.Device) Evidence {
	for _, v := range []export.Value{dv.Type, dv.Model, dv.Name} {
		if !v.Empty() {
			return valueEvidence(v, dv.Src)
		}
	}
	return valueEvidence(dv.Serial, dv.Src)
}
