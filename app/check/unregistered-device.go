package check

import "exportlens/app/export"

const ruleUnregisteredDevice = "unregistered-device"

// checkUnregisteredDevice: a recording whose device serial is not registered
// to the claimed account comes from someone else's device. One finding per
// serial. Without the registration file nothing can be said: unknown.
func checkUnregisteredDevice(c *checker) {
	checkRecordingIDs(c, idCheck{
		rule:      ruleUnregisteredDevice,
		value:     func(r *export.Recording) export.Value { return r.Device },
		known:     c.registrationKnown,
		set:       &c.devices,
		severity:  Mismatch,
		normalize: true,
		msg:       msgUnregisteredDevice,
		msgNoFile: msgRecordingsNoRegistration,
	})
}
