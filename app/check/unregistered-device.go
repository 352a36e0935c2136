package check

import "exportlens/app/export"

// checkUnregisteredDevice: a recording whose device serial is not registered
// to the claimed account comes from someone else's device. One finding per
// serial. Without the registration file nothing can be said: unknown —
// except of serials the account's own Alexa files name (the Smart Home
// device list, feedback): those are the account's devices, registration or
// not, so their recordings are explained.
func checkUnregisteredDevice(c *checker) {
	regKnown, _ := c.registrationKnown()
	checkRecordingIDs(c, idCheck{
		rule: RuleUnregisteredDevice,
		value: func(r *export.Recording) export.Value {
			if !regKnown {
				if dv := c.deviceByKey[export.NormID(r.Device().Text)]; dv != nil && !dv.FromRegistration() {
					return export.Value{}
				}
			}
			return r.Device()
		},
		known:     c.registrationKnown,
		set:       &c.devices,
		severity:  Mismatch,
		normalize: true,
		msg:       msgUnregisteredDevice,
		msgNoFile: msgRecordingsNoRegistration,
		with:      func(recs []int) string { return sharedProduct(c.x, recs) },
		msgWith:   msgUnregisteredDeviceProduct,
	})
}

// sharedProduct is the product every one of the recordings names by its
// device type (devicetypes.go), "" when one names none or they differ. It
// only words the finding.
func sharedProduct(x *export.Export, recs []int) string {
	product := ""
	for _, i := range recs {
		p := deviceProduct(x.Recordings[i].DeviceType().Text)
		if p == "" || product != "" && p != product {
			return ""
		}
		product = p
	}
	return product
}
