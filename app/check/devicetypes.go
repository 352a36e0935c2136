package check

import "exportlens/app/export"

// Amazon device type codes. The voice-capable ones can produce voice
// recordings; the others cannot. A code in neither table is unknown, and a
// check that would depend on it says "cannot tell" instead of guessing.
//
// The first five are the codes FORMATS.md lists (seen in Amazon's Alexa web
// API). Echo Flex and Fire TV (Gen3) are listed because both codes were once
// proposed here as a synthetic "Kindle": public Alexa device tables
// (alandtse/alexa_media_player, const.py) name them as voice devices, and
// calling them non-voice would accuse real owners.
var voiceDeviceTypes = map[string]string{
	"A3S5BH2HU6VAYF": "Echo Dot (2nd generation)",
	"A7WXQPH584YP":   "Echo (2nd generation)",
	"A12GXV8XMS007S": "Fire TV",
	"A10A33FOX2NUBK": "Echo Spot",
	"A2TF17PFR55MTB": "Alexa app",
	"A3VRME03NAXFUB": "Echo Flex",
	"A2GFL5ZMWNE0PX": "Fire TV (3rd generation)",
}

// nonVoiceDeviceTypes: devices without a microphone for Alexa. No public
// source shows a Kindle e-reader's type code, so the synthetic fixtures use
// AKINDLESYNTH01, which cannot collide with a real code (real codes are
// random-looking). Replace it here the day a real export shows one.
var nonVoiceDeviceTypes = map[string]string{
	"AKINDLESYNTH01": "Kindle (synthetic code)",
}

// deviceVoice classifies a device type code.
type deviceVoice int

const (
	voiceUnknown deviceVoice = iota
	voiceCapable
	voiceIncapable
)

func classifyDevice(typ string) deviceVoice {
	k := export.NormID(typ)
	if _, ok := voiceDeviceTypes[k]; ok {
		return voiceCapable
	}
	if _, ok := nonVoiceDeviceTypes[k]; ok {
		return voiceIncapable
	}
	return voiceUnknown
}
