package check

import "exportlens/app/export"

const ruleUnregisteredDevice = "unregistered-device"

// checkUnregisteredDevice: a recording whose device serial is not registered
// to the claimed account comes from someone else's device. One finding per
// serial. Without the registration file nothing can be said: unknown.
func checkUnregisteredDevice(c *checker) {
	x := c.x
	var withSerial []int
	for i := range x.Recordings {
		if export.NormID(x.Recordings[i].Device.Text) != "" {
			withSerial = append(withSerial, i)
		}
	}
	if len(withSerial) == 0 {
		return
	}
	if known, missing := c.registrationKnown(); !known {
		g := &group{}
		for _, i := range withSerial {
			r := &x.Recordings[i]
			g.add(valueEvidence(r.Device, r.Src), rowKey(r.Src), i)
		}
		n := g.records()
		c.add(finding(ruleUnregisteredDevice, Unknown, missing, n, g.evidence(), g.affected(), msgRecordingsNoRegistration, n, missing))
		return
	}
	groups := map[string]*group{}
	for _, i := range withSerial {
		r := &x.Recordings[i]
		ev := valueEvidence(r.Device, r.Src)
		ok, onlyNorm := c.devices.match(r.Device.Text)
		if ok {
			if onlyNorm {
				c.noteNormOnly(ruleUnregisteredDevice, ev, rowKey(r.Src), i)
			}
			continue
		}
		key := export.NormID(r.Device.Text)
		g := groups[key]
		if g == nil {
			g = &group{}
			groups[key] = g
		}
		g.add(ev, rowKey(r.Src), i)
	}
	for _, g := range groups {
		n := g.records()
		c.add(finding(ruleUnregisteredDevice, Mismatch, export.NormID(g.subject()), n, g.evidence(), g.affected(), msgUnregisteredDevice, n))
	}
}
