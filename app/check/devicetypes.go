package check

import (
	"strings"

	"exportlens/app/export"
)

// deviceType is what is known of an Amazon device type code.
type deviceType struct {
	product string
	mic     deviceVoice // voiceCapable: has a microphone for Alexa (built in, or the voice remote)
}

// deviceTypes maps Amazon device type codes to the product and whether it
// records voice for Alexa. A code not listed is unknown, and a check that
// would depend on it says "cannot tell" instead of guessing.
//
// Compiled as facts from two public device tables:
//   - alandtse/alexa_media_player, custom_components/alexa_media/const.py
//     (MODEL_IDS: code -> product name);
//   - Apollon77/ioBroker.alexa2, main.js (knownDeviceType: code -> name,
//     with each device's capability list as Amazon reports it, among them
//     MICROPHONE and FAR_FIELD_WAKE_WORD).
//
// voiceCapable: Echo speakers and displays, Fire TV (through its voice
// remote), Fire tablets and the Alexa apps, and third-party devices whose
// capability list names MICROPHONE. A wrong "yes" can only leave a question
// open; a wrong "no" would call the owner's recordings foreign
// (recordings-without-device, likely), so voiceIncapable is given only where
// nothing can record: a speaker group, and the synthetic Kindle code. Neither
// table lists a Kindle e-reader (they do not run Alexa) or says of any real
// device that it has no microphone; a product they name without a
// microphone capability (a Sonos, a Bose SoundTouch, an Echo Link) is known
// by name but stays voiceUnknown. A second code of a product one table
// gives a microphone (a Sonos Beam, a Bose Home Speaker 500) shares it.
// Product names are Amazon's and the same in every language ("Gen 2", as
// the sources write generations).
var deviceTypes = map[string]deviceType{
	// Echo speakers and displays.
	"AB72C64C86AW2":  {"Echo (Gen 1)", voiceCapable},
	"A7WXQPH584YP":   {"Echo (Gen 2)", voiceCapable},
	"A30YDR2MK8HMRV": {"Echo (Gen 3)", voiceCapable},
	"A3FX4UWTP28V1P": {"Echo (Gen 3)", voiceCapable},
	"A2M35JJZWCQOMZ": {"Echo Plus (Gen 1)", voiceCapable},
	"A18O6U1UQFJ0XK": {"Echo Plus (Gen 2)", voiceCapable},
	"AKNO1N0KSFN8L":  {"Echo Dot (Gen 1)", voiceCapable},
	"A3S5BH2HU6VAYF": {"Echo Dot (Gen 2)", voiceCapable},
	"A32DDESGESSHZA": {"Echo Dot (Gen 3)", voiceCapable},
	"A32DOYMUN6DTXA": {"Echo Dot (Gen 3)", voiceCapable},
	"A1RABVCI4QCIKC": {"Echo Dot (Gen 3)", voiceCapable},
	"A3RMGO6LYLH7YN": {"Echo Dot (Gen 4)", voiceCapable},
	"A4ZXE0RM7LQ7A":  {"Echo Dot (Gen 5)", voiceCapable},
	"A2U21SRK4QGSE1": {"Echo Dot with clock (Gen 4)", voiceCapable},
	"A2H4LV5GIZ1JFT": {"Echo Dot with clock (Gen 4)", voiceCapable},
	"A2DS1Q2TPDJ48U": {"Echo Dot with clock (Gen 5)", voiceCapable},
	"ASQZWP4GPYUT7":  {"Echo Pop", voiceCapable},
	"A3VRME03NAXFUB": {"Echo Flex", voiceCapable},
	"A1JJ0KFC4ZPNJ3": {"Echo Input", voiceCapable},
	"A3RBAYBE7VM004": {"Echo Studio", voiceCapable},
	"A3SSG6GR8UU7SN": {"Echo Sub", voiceCapable},     // ioBroker lists MICROPHONE
	"AKOAGQTKAS9YB":  {"Echo Connect", voiceCapable}, // ioBroker lists MICROPHONE
	"A10A33FOX2NUBK": {"Echo Spot (Gen 1)", voiceCapable},
	"A3EH2E0YZ30OD6": {"Echo Spot (Gen 2)", voiceCapable},
	"A1NL4BVLQ4L3N3": {"Echo Show (Gen 1)", voiceCapable},
	"AWZZ5CVHX2CD":   {"Echo Show (Gen 2)", voiceCapable},
	"A4ZP7ZC4PI6TO":  {"Echo Show 5 (Gen 1)", voiceCapable},
	"A1XWJRHALS1REP": {"Echo Show 5 (Gen 2)", voiceCapable},
	"A11QM4H9HGV71H": {"Echo Show 5 (Gen 3)", voiceCapable},
	"A1Z88NGR2BK6A2": {"Echo Show 8 (Gen 1)", voiceCapable},
	"A15996VY63BQ2D": {"Echo Show 8 (Gen 2)", voiceCapable},
	"A2UONLFQW0PADH": {"Echo Show 8 (Gen 3)", voiceCapable},
	"AIPK7MM90V7TB":  {"Echo Show 10 (Gen 3)", voiceCapable},
	"A1EIANJ7PNB0Q7": {"Echo Show 15", voiceCapable},
	"A13W6HQIHKEN3Z": {"Echo Auto", voiceCapable},
	"A195TXHV1M5D4A": {"Echo Auto", voiceCapable},
	"A303PJF6ISQ7IC": {"Echo Auto", voiceCapable},
	"ALT9P69K6LORD":  {"Echo Auto", voiceCapable},
	"A15QWUTQ6FSMYX": {"Echo Buds (Gen 2)", voiceCapable},
	"A3IYPH06PH1HRA": {"Echo Frames", voiceCapable},
	"A27VEYGQBW3YR5": {"Echo Link", voiceUnknown},
	"A2RU4B77X9R9NZ": {"Echo Link Amp", voiceUnknown},

	// Fire TV: Alexa listens through the voice remote (the Cube also
	// through its own microphones).
	"A12GXV8XMS007S": {"Fire TV (Gen 1)", voiceCapable},
	"A2E0SNTXJVT7WK": {"Fire TV (Gen 2)", voiceCapable},
	"A2GFL5ZMWNE0PX": {"Fire TV (Gen 3)", voiceCapable},
	"A1P7E7V3FCZKU6": {"Fire TV (Gen 3)", voiceCapable},
	"AFF5OAL5E3DIU":  {"Fire TV", voiceCapable},
	"AGHZIK8D6X7QR":  {"Fire TV", voiceCapable},
	"A1F8D55J0FWDTN": {"Fire TV Edition TV (Toshiba)", voiceCapable},
	"AN630UQPG2CA4":  {"Fire TV Edition TV (Toshiba)", voiceCapable},
	"AP4RS91ZQ0OOI":  {"Fire TV Edition TV (Toshiba)", voiceCapable},
	"AFF50AL5E3DIU":  {"Fire TV Edition TV (Insignia)", voiceCapable},
	"ADVBD696BHNV5":  {"Fire TV Stick (Gen 1)", voiceCapable},
	"A2LWARUGJLBYEW": {"Fire TV Stick (Gen 2)", voiceCapable},
	"A265XOI9586NML": {"Fire TV Stick", voiceCapable},
	"A31DTMEEVDDOIV": {"Fire TV Stick Lite", voiceCapable},
	"AKPGW064GI9HE":  {"Fire TV Stick 4K", voiceCapable},
	"A1WZKXFLI43K86": {"Fire TV Stick 4K Max", voiceCapable},
	"A3HF4YRA2L7XGC": {"Fire TV Cube (Gen 1)", voiceCapable},
	"A2JKHJ0PX4J3L3": {"Fire TV Cube (Gen 2)", voiceCapable},
	"A1VGB7MHSIEYFK": {"Fire TV Cube (Gen 3)", voiceCapable},

	// Fire tablets (Alexa with the tablet's microphone).
	"A2M4YX06LWP8WI": {"Fire 7", voiceCapable},
	"A1C66CX2XD756O": {"Fire HD 8", voiceCapable},
	"A38EHHIB10L47V": {"Fire HD 8", voiceCapable},
	"A3L0T0VL9A921N": {"Fire HD 8", voiceCapable},
	"AVU7CPPF2ZRAS":  {"Fire HD 8", voiceCapable},
	"A3R9S4ZZECZ6YL": {"Fire HD 10", voiceCapable},
	"A2V9UEGZ82H4KZ": {"Fire HD 10", voiceCapable},
	"A2N49KXGVA18AR": {"Fire HD 10 Plus", voiceCapable},
	"A1J16TEDOYCZTN": {"Fire (tablet)", voiceCapable},
	"A3V3VA38K169FO": {"Fire (tablet)", voiceCapable},

	// The Alexa apps.
	"A2TF17PFR55MTB": {"Amazon Alexa (Android)", voiceCapable},
	"A2IVLV5VM2W81":  {"Amazon Alexa (iOS)", voiceCapable},
	"A1RTAM01W29CUP": {"Amazon Alexa (Windows)", voiceCapable},

	// Third-party devices with Alexa.
	"AVD3HM0HOJAAL":  {"Sonos One (Gen 2)", voiceCapable},
	"A3NPD82ABCPIDP": {"Sonos Beam", voiceCapable},
	"A2EZ3TS0L1S2KV": {"Sonos Beam", voiceCapable},
	"A15ERDAKK5HQQG": {"Sonos", voiceUnknown},
	"A2OSP3UA4VC85F": {"Sonos", voiceUnknown},
	"A37SHHQ3NUL7B5": {"Bose Home Speaker 500", voiceCapable},
	"AVN2TMX8MU2YM":  {"Bose Home Speaker 500", voiceCapable},
	"A1H0CMF1XM0ZP4": {"Bose SoundTouch 30", voiceUnknown},

	// Nothing that records: a group of speakers (each registered itself).
	"A3C9PE6TNYLTCH": {"Multiroom", voiceIncapable},
	// No public source shows a Kindle e-reader's type code, so the
	// synthetic fixtures use AKINDLESYNTH01, which cannot collide with a
	// real code (real codes are random-looking). Replace it here the day a
	// real export shows one.
	"AKINDLESYNTH01": {"Kindle", voiceIncapable},
}

// deviceVoice classifies a device type code.
type deviceVoice int

const (
	voiceUnknown deviceVoice = iota
	voiceCapable
	voiceIncapable
)

func classifyDevice(typ string) deviceVoice {
	return deviceTypes[export.NormID(typ)].mic
}

// deviceProduct names the product of a type code, "" when the code is unknown.
func deviceProduct(typ string) string {
	return deviceTypes[export.NormID(typ)].product
}

// modelWords name the kind of device a registration without a type code
// describes in its DeviceModel or its friendly name (AccountName), longest
// first. They only word a finding ("Kindle for PC"), never decide one: a
// name is chosen by the person and a model text by the app that registered.
var modelWords = []struct{ word, product string }{
	{"kindle for pc", "Kindle for PC"},
	{"kindle for mac", "Kindle for Mac"},
	{"kindle for android", "Kindle for Android"},
	{"kindle for iphone", "Kindle for iPhone"},
	{"kindle for ipad", "Kindle for iPad"},
	{"prime video", "Prime Video"},
	{"fire tv stick", "Fire TV Stick"},
	{"fire tv cube", "Fire TV Cube"},
	{"fire tv", "Fire TV"},
	{"echo show", "Echo Show"},
	{"echo dot", "Echo Dot"},
	{"echo studio", "Echo Studio"},
	{"echo", "Echo"},
	{"alexa", "Amazon Alexa"},
	{"kindle", "Kindle"},
}

// describeDevice words what kind of device a registration row is: the
// product of its type code, else what its DeviceModel or name says, else "".
func describeDevice(dv *export.Device) string {
	if p := deviceProduct(dv.Type.Text); p != "" {
		return p
	}
	for _, v := range []export.Value{dv.Model, dv.Name} {
		t := strings.ToLower(strings.Join(strings.Fields(v.Text), " "))
		if t == "" {
			continue
		}
		for _, w := range modelWords {
			if strings.Contains(t, w.word) {
				return w.product
			}
		}
	}
	return ""
}
