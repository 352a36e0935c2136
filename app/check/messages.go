package check

import "fmt"

// message is one sentence in every language the app speaks. args names the
// kind of each argument ('d' an int, 's' a string, 'i' an identifier: a
// customer ID, serial, voice profile or e-mail, shown with look-alike
// letters marked, see Show) so a test can render every form. The *One forms are used when the first int argument is 1; a message
// that has one must have it in every language.
type message struct {
	args      string
	en, enOne string
	de, deOne string
}

// Message keys. Finding titles (Finding.Msg) and the lines of WriteText.
const (
	msgForeignCustomer             = "foreign-customer"
	msgUnrecognizedRecords         = "unrecognized-records"
	msgCustomersDisagree           = "customers-disagree"
	msgUnregisteredDevice          = "unregistered-device"
	msgRecordingsNoRegistration    = "recordings-no-registration"
	msgUnknownVoiceProfile         = "unknown-voice-profile"
	msgRecordingsNoProfiles        = "recordings-no-profiles"
	msgRecordingsWithoutDevice     = "recordings-without-device"
	msgRecordingsDeviceTypeUnknown = "recordings-device-type-unknown"
	msgRecordingsDeviceMicUnknown  = "recordings-device-mic-unknown"
	msgRecordingsDeviceNoType      = "recordings-device-no-type"
	msgRecordingsListedDevice      = "recordings-listed-device"
	msgRecordingsDevicesUnknown    = "recordings-devices-unknown"
	msgUnregisteredDeviceProduct   = "unregistered-device-product"
	msgIdentityConflict            = "identity-conflict"
	msgUnreferencedRecording       = "unreferenced-recording"
	msgUnreferencedNoTable         = "unreferenced-no-table"
	msgUnreferencedPartial         = "unreferenced-partial"
	msgUnreferencedNoFolderTable   = "unreferenced-no-folder-table"
	msgMissingRecording            = "missing-recording"
	msgUnrecognizedSpeaker         = "unrecognized-speaker"
	msgForeignPartAccount          = "foreign-part-account"
	msgForeignPartUnlisted         = "foreign-part-unlisted"
	msgForeignPartOtherJob         = "foreign-part-other-job"
	msgForeignPartUnverifiable     = "foreign-part-unverifiable"
	msgTranscriptLines             = "transcript-lines"
	msgTranscriptRecordings        = "transcript-recordings"
	msgDeclaredCustomer            = "declared-customer"
	msgDeclaredEmail               = "declared-email"
	msgDeclaredNoClaimCustomer     = "declared-no-claim-customer"
	msgDeclaredNoClaimEmail        = "declared-no-claim-email"
	msgDeclaredCustomerOtherForm   = "declared-customer-other-form"
	msgRecordingsDeclaredDevice    = "recordings-declared-device"
	msgDeclaredDeviceRecordings    = "declared-device-recordings"
	msgDeclaredDeviceRegistered    = "declared-device-registered"
	msgNotMineDeviceRecordings     = "not-mine-device-recordings"
	msgNotMineDevice               = "not-mine-device"
	msgNotMineProfileRecordings    = "not-mine-profile-recordings"
	msgNotMineProfile              = "not-mine-profile"
	msgNotMineRecordings           = "not-mine-recordings"
	msgMineRecordings              = "mine-recordings"
	msgMineRecordingsSettled       = "mine-recordings-settled"
	msgDeclaredNoDevicesRecordings = "declared-no-devices-recordings"
	msgDeclaredNoDevicesDevice     = "declared-no-devices-device"
	msgFormatUnknown               = "format-unknown"
	msgNoClaim                     = "no-claim"
	msgNoClaimFile                 = "no-claim-file"
	msgMissingCustomerProfile      = "missing-customer-profile"
	msgMissingCustomerID           = "missing-customer-id"
	msgMissingRegistration         = "missing-registration"
	msgMissingVoiceHistory         = "missing-voice-history"
	msgMissingVoiceProfiles        = "missing-voice-profiles"
	msgMissingActivity             = "missing-activity"
	msgMissingProfile              = "missing-profile"
	msgMissingFile                 = "missing-file"
	msgMissingArchiveBrowser       = "missing-archive-browser"
	msgMissingTranscript           = "missing-transcript"
	msgNormOnly                    = "norm-only"

	txtVerdictMismatch   = "text-verdict-mismatch"
	txtVerdictConsistent = "text-verdict-consistent"
	txtVerdictUnknown    = "text-verdict-unknown"
	txtVerdictUnknownWhy = "text-verdict-unknown-why"
	txtWhyUnreadable     = "text-why-unreadable"
	txtWhyDamagedPart    = "text-why-damaged-part"
	txtWhyEncrypted      = "text-why-encrypted"
	txtFormat            = "text-format"
	txtClaim             = "text-claim"
	txtClaimNone         = "text-claim-none"
	txtCustomerID        = "text-customer-id"
	txtEmail             = "text-email"
	txtName              = "text-name"
	txtDevice            = "text-device"
	txtProfile           = "text-profile"
	txtDeclared          = "text-declared"
	txtNoDevices         = "text-no-devices"
	txtOwnsDevice        = "text-owns-device"
	txtMarkedNotMine     = "text-marked-not-mine"
	txtMarkedMine        = "text-marked-mine"
	txtRecording         = "text-recording"
	txtSettleVoiceDevice = "text-settle-voice-device"
	txtSummary           = "text-summary"
	txtFindings          = "text-findings"
	txtNoFindings        = "text-no-findings"
	txtRule              = "text-rule"
	txtSubject           = "text-subject"
	txtRecords           = "text-records"
	txtRaw               = "text-raw"
	txtPage              = "text-page"
	txtPageLine          = "text-page-line"
	txtProblems          = "text-problems"
	txtProblemZone       = "text-problem-zone"
	txtProblemCopy       = "text-problem-copy"
	txtActivity          = "text-activity"
	txtSevMismatch       = "text-severity-mismatch"
	txtSevLikely         = "text-severity-likely"
	txtSevUnknown        = "text-severity-unknown"
	txtSevNote           = "text-severity-note"
)

var messages = map[string]message{
	msgForeignCustomer: {args: "di",
		en: "%d records name customer ID %s, not the customer this export belongs to", enOne: "%d record names customer ID %s, not the customer this export belongs to",
		de: "%d Datensätze nennen die Kundennummer %s, nicht die des Kontos dieses Exports", deOne: "%d Datensatz nennt die Kundennummer %s, nicht die des Kontos dieses Exports"},
	msgCustomersDisagree: {args: "dii",
		en: "%d records name customer ID %s while others name %s: the export gives no customer ID of its own, and at most one of the two is its account's", enOne: "%d record names customer ID %s while others name %s: the export gives no customer ID of its own, and at most one of the two is its account's",
		de: "%d Datensätze nennen die Kundennummer %s, andere die Kundennummer %s: Der Export nennt keine eigene Kundennummer, und höchstens eine der beiden gehört zu seinem Konto", deOne: "%d Datensatz nennt die Kundennummer %s, andere die Kundennummer %s: Der Export nennt keine eigene Kundennummer, und höchstens eine der beiden gehört zu seinem Konto"},
	msgUnregisteredDevice: {args: "d",
		en: "%d recordings come from a device that is not registered to this account", enOne: "%d recording comes from a device that is not registered to this account",
		de: "%d Aufnahmen stammen von einem Gerät, das nicht für dieses Konto registriert ist", deOne: "%d Aufnahme stammt von einem Gerät, das nicht für dieses Konto registriert ist"},
	msgUnregisteredDeviceProduct: {args: "ds",
		en: "%d recordings come from a device (%s) that is not registered to this account", enOne: "%d recording comes from a device (%s) that is not registered to this account",
		de: "%d Aufnahmen stammen von einem Gerät (%s), das nicht für dieses Konto registriert ist", deOne: "%d Aufnahme stammt von einem Gerät (%s), das nicht für dieses Konto registriert ist"},
	msgRecordingsNoRegistration: {args: "ds",
		en: "Cannot tell whether %d recordings come from this account's devices: %s is missing", enOne: "Cannot tell whether %d recording comes from this account's devices: %s is missing",
		de: "Ob %d Aufnahmen von Geräten dieses Kontos stammen, ist nicht feststellbar: %s fehlt", deOne: "Ob %d Aufnahme von einem Gerät dieses Kontos stammt, ist nicht feststellbar: %s fehlt"},
	msgUnknownVoiceProfile: {args: "d",
		en: "%d recordings name a voice profile that is not enrolled in this account", enOne: "%d recording names a voice profile that is not enrolled in this account",
		de: "%d Aufnahmen nennen ein Stimmprofil, das in diesem Konto nicht angelegt ist", deOne: "%d Aufnahme nennt ein Stimmprofil, das in diesem Konto nicht angelegt ist"},
	msgRecordingsNoProfiles: {args: "ds",
		en: "Cannot tell whether the voice profiles of %d recordings belong to this account: %s is missing", enOne: "Cannot tell whether the voice profile of %d recording belongs to this account: %s is missing",
		de: "Ob die Stimmprofile von %d Aufnahmen zu diesem Konto gehören, ist nicht feststellbar: %s fehlt", deOne: "Ob das Stimmprofil von %d Aufnahme zu diesem Konto gehört, ist nicht feststellbar: %s fehlt"},
	msgRecordingsWithoutDevice: {args: "d",
		en: "%d recordings exist, but no device registered to this account can record voice", enOne: "%d recording exists, but no device registered to this account can record voice",
		de: "Es gibt %d Aufnahmen, aber kein für dieses Konto registriertes Gerät kann Sprache aufnehmen", deOne: "Es gibt %d Aufnahme, aber kein für dieses Konto registriertes Gerät kann Sprache aufnehmen"},
	msgRecordingsDeviceTypeUnknown: {args: "dii",
		en: "%d recordings can only come from device %s, whose type %s is unknown: cannot tell whether it records voice", enOne: "%d recording can only come from device %s, whose type %s is unknown: cannot tell whether it records voice",
		de: "%d Aufnahmen können nur von Gerät %s stammen, dessen Typ %s unbekannt ist: ob es Sprache aufnimmt, ist nicht feststellbar", deOne: "%d Aufnahme kann nur von Gerät %s stammen, dessen Typ %s unbekannt ist: ob es Sprache aufnimmt, ist nicht feststellbar"},
	msgRecordingsDeviceMicUnknown: {args: "dis",
		en: "%d recordings can only come from device %s (%s): cannot tell whether it has a microphone for Alexa", enOne: "%d recording can only come from device %s (%s): cannot tell whether it has a microphone for Alexa",
		de: "%d Aufnahmen können nur von Gerät %s (%s) stammen: ob es ein Mikrofon für Alexa hat, ist nicht feststellbar", deOne: "%d Aufnahme kann nur von Gerät %s (%s) stammen: ob es ein Mikrofon für Alexa hat, ist nicht feststellbar"},
	msgRecordingsDeviceNoType: {args: "dis",
		en: "%d recordings can only come from device %s (%s), whose registration names no device type: cannot tell whether it records voice", enOne: "%d recording can only come from device %s (%s), whose registration names no device type: cannot tell whether it records voice",
		de: "%d Aufnahmen können nur von Gerät %s (%s) stammen, dessen Registrierung keinen Gerätetyp nennt: ob es Sprache aufnimmt, ist nicht feststellbar", deOne: "%d Aufnahme kann nur von Gerät %s (%s) stammen, dessen Registrierung keinen Gerätetyp nennt: ob es Sprache aufnimmt, ist nicht feststellbar"},
	msgRecordingsDevicesUnknown: {args: "ddis",
		en: "%d recordings could come from any of %d registered devices whose type is unknown or not given, such as %s (%s): cannot tell whether one of them records voice", enOne: "%d recording could come from any of %d registered devices whose type is unknown or not given, such as %s (%s): cannot tell whether one of them records voice",
		de: "%d Aufnahmen könnten von jedem der %d registrierten Geräte stammen, deren Typ unbekannt ist oder fehlt, etwa %s (%s): ob eines davon Sprache aufnimmt, ist nicht feststellbar", deOne: "%d Aufnahme könnte von jedem der %d registrierten Geräte stammen, deren Typ unbekannt ist oder fehlt, etwa %s (%s): ob eines davon Sprache aufnimmt, ist nicht feststellbar"},
	msgRecordingsListedDevice: {args: "di",
		en: "No registered device of this account can have made %d recordings, but its Alexa files name device %s without a device type: cannot tell whether that device records voice", enOne: "No registered device of this account can have made %d recording, but its Alexa files name device %s without a device type: cannot tell whether that device records voice",
		de: "Kein registriertes Gerät dieses Kontos kann %d Aufnahmen gemacht haben, aber seine Alexa-Dateien nennen Gerät %s ohne Gerätetyp: ob dieses Gerät Sprache aufnimmt, ist nicht feststellbar", deOne: "Kein registriertes Gerät dieses Kontos kann %d Aufnahme gemacht haben, aber seine Alexa-Dateien nennen Gerät %s ohne Gerätetyp: ob dieses Gerät Sprache aufnimmt, ist nicht feststellbar"},
	msgIdentityConflict: {args: "ii",
		en: "The export names two different accounts: %s and %s",
		de: "Der Export nennt zwei verschiedene Konten: %s und %s"},
	msgUnreferencedRecording: {args: "d",
		en: "%d audio files are not referenced by any record", enOne: "%d audio file is not referenced by any record",
		de: "%d Audiodateien werden von keinem Datensatz genannt", deOne: "%d Audiodatei wird von keinem Datensatz genannt"},
	msgUnreferencedNoTable: {args: "ds",
		en: "Cannot tell whether %d audio files belong to this account's records: %s is missing", enOne: "Cannot tell whether %d audio file belongs to this account's records: %s is missing",
		de: "Ob %d Audiodateien zu Datensätzen dieses Kontos gehören, ist nicht feststellbar: %s fehlt", deOne: "Ob %d Audiodatei zu Datensätzen dieses Kontos gehört, ist nicht feststellbar: %s fehlt"},
	msgUnreferencedNoFolderTable: {args: "ds",
		en: "Cannot tell whether %d audio files belong to this account's records: no activity file was read in their folder %s", enOne: "Cannot tell whether %d audio file belongs to this account's records: no activity file was read in its folder %s",
		de: "Ob %d Audiodateien zu Datensätzen dieses Kontos gehören, ist nicht feststellbar: in ihrem Ordner %s wurde keine Aktivitätsdatei gelesen", deOne: "Ob %d Audiodatei zu Datensätzen dieses Kontos gehört, ist nicht feststellbar: in ihrem Ordner %s wurde keine Aktivitätsdatei gelesen"},
	msgUnreferencedPartial: {args: "ds",
		en: "Cannot tell whether %d audio files belong to this account's records: %s was read only in part", enOne: "Cannot tell whether %d audio file belongs to this account's records: %s was read only in part",
		de: "Ob %d Audiodateien zu Datensätzen dieses Kontos gehören, ist nicht feststellbar: %s wurde nur zum Teil gelesen", deOne: "Ob %d Audiodatei zu Datensätzen dieses Kontos gehört, ist nicht feststellbar: %s wurde nur zum Teil gelesen"},
	msgMissingRecording: {args: "d",
		en: "%d records refer to an audio file that is missing from the export", enOne: "%d record refers to an audio file that is missing from the export",
		de: "%d Datensätze verweisen auf eine Audiodatei, die im Export fehlt", deOne: "%d Datensatz verweist auf eine Audiodatei, die im Export fehlt"},
	msgUnrecognizedSpeaker: {args: "d",
		en: "%d recordings are marked as coming from an unrecognized speaker", enOne: "%d recording is marked as coming from an unrecognized speaker",
		de: "%d Aufnahmen sind als Aufnahmen eines nicht erkannten Sprechers markiert", deOne: "%d Aufnahme ist als Aufnahme eines nicht erkannten Sprechers markiert"},
	msgUnrecognizedRecords: {args: "d",
		en: "%d activity records are marked as coming from an unrecognized speaker", enOne: "%d activity record is marked as coming from an unrecognized speaker",
		de: "%d Aktivitätseinträge sind als Einträge eines nicht erkannten Sprechers markiert", deOne: "%d Aktivitätseintrag ist als Eintrag eines nicht erkannten Sprechers markiert"},
	msgForeignPartAccount: {args: "si",
		en: "Part %s belongs to another account: %s",
		de: "Teil %s gehört zu einem anderen Konto: %s"},
	msgForeignPartUnlisted: {args: "s",
		en: "Part %s is not listed in the export's archive overview; that alone does not show it belongs to another account",
		de: "Teil %s ist in der Archivübersicht des Exports nicht aufgeführt; das allein zeigt nicht, dass er zu einem anderen Konto gehört"},
	msgForeignPartOtherJob: {args: "ss",
		en: "Part %s comes from another Takeout download (%s) and names no account: an earlier export of the same account, or another's; nothing in it says which",
		de: "Teil %s stammt aus einem anderen Takeout-Download (%s) und nennt kein Konto: ein früherer Export desselben Kontos oder der eines anderen; nichts darin sagt, welches"},
	msgForeignPartUnverifiable: {args: "d",
		en: "Cannot tell whether the %d parts belong together: no part names its account",
		de: "Ob die %d Teile zusammengehören, ist nicht feststellbar: kein Teil nennt sein Konto"},
	msgTranscriptLines: {args: "d",
		en: "%d transcript lines match no recording", enOne: "%d transcript line matches no recording",
		de: "%d Transkriptzeilen passen zu keiner Aufnahme", deOne: "%d Transkriptzeile passt zu keiner Aufnahme"},
	msgTranscriptRecordings: {args: "d",
		en: "%d recordings have no transcript line", enOne: "%d recording has no transcript line",
		de: "%d Aufnahmen haben keine Transkriptzeile", deOne: "%d Aufnahme hat keine Transkriptzeile"},
	msgDeclaredCustomer: {args: "ii",
		en: "The export belongs to customer ID %s, not to the one you gave (%s)",
		de: "Der Export gehört zur Kundennummer %s, nicht zu der von Ihnen angegebenen (%s)"},
	msgDeclaredEmail: {args: "ii",
		en: "The export belongs to the e-mail address %s, not to the one you gave (%s)",
		de: "Der Export gehört zur E-Mail-Adresse %s, nicht zu der von Ihnen angegebenen (%s)"},
	msgDeclaredNoClaimCustomer: {args: "i",
		en: "Cannot compare the customer ID you gave (%s): the export names none",
		de: "Die angegebene Kundennummer (%s) lässt sich nicht vergleichen: der Export nennt keine"},
	msgDeclaredNoClaimEmail: {args: "i",
		en: "Cannot compare the e-mail address you gave (%s): the export names none",
		de: "Die angegebene E-Mail-Adresse (%s) lässt sich nicht vergleichen: der Export nennt keine"},
	msgDeclaredCustomerOtherForm: {args: "ss",
		en: "Cannot compare the customer ID you gave (%s): the export holds customer IDs only in another form (%s)",
		de: "Die angegebene Kundennummer (%s) lässt sich nicht vergleichen: Der Export enthält Kundennummern nur in anderer Form (%s)"},
	msgRecordingsDeclaredDevice: {args: "d",
		en: "%d recordings can come from the voice device you say you own; the export does not show which device it is", enOne: "%d recording can come from the voice device you say you own; the export does not show which device it is",
		de: "%d Aufnahmen können von dem Sprachgerät stammen, das Sie nach Ihrer Angabe besitzen; welches Gerät es ist, zeigt der Export nicht", deOne: "%d Aufnahme kann von dem Sprachgerät stammen, das Sie nach Ihrer Angabe besitzen; welches Gerät es ist, zeigt der Export nicht"},
	msgDeclaredDeviceRecordings: {args: "di",
		en: "%d recordings come from device %s, which you did not name as yours", enOne: "%d recording comes from device %s, which you did not name as yours",
		de: "%d Aufnahmen stammen von Gerät %s, das Sie nicht als Ihr Gerät angegeben haben", deOne: "%d Aufnahme stammt von Gerät %s, das Sie nicht als Ihr Gerät angegeben haben"},
	msgNotMineDeviceRecordings: {args: "di",
		en: "%d recordings come from device %s, which you marked as not yours", enOne: "%d recording comes from device %s, which you marked as not yours",
		de: "%d Aufnahmen stammen vom Gerät %s, das Sie als fremd markiert haben", deOne: "%d Aufnahme stammt vom Gerät %s, das Sie als fremd markiert haben"},
	msgNotMineDevice: {args: "i",
		en: "Device %s, which you marked as not yours, is registered to this account", de: "Das Gerät %s, das Sie als fremd markiert haben, ist bei diesem Konto registriert"},
	msgNotMineProfileRecordings: {args: "di",
		en: "%d recordings are of voice profile %s, which you marked as not yours", enOne: "%d recording is of voice profile %s, which you marked as not yours",
		de: "%d Aufnahmen gehören zum Stimmprofil %s, das Sie als fremd markiert haben", deOne: "%d Aufnahme gehört zum Stimmprofil %s, das Sie als fremd markiert haben"},
	msgNotMineProfile: {args: "i",
		en: "Voice profile %s, which you marked as not yours, is enrolled under this account", de: "Das Stimmprofil %s, das Sie als fremd markiert haben, ist bei diesem Konto eingerichtet"},
	msgNotMineRecordings: {args: "d",
		en: "You marked %d recordings as not yours", enOne: "You marked %d recording as not yours",
		de: "Sie haben %d Aufnahmen als fremd markiert", deOne: "Sie haben %d Aufnahme als fremd markiert"},
	msgMineRecordings: {args: "d",
		en: "You marked %d recordings as yours", enOne: "You marked %d recording as yours",
		de: "Sie haben %d Aufnahmen als Ihre eigenen markiert", deOne: "Sie haben %d Aufnahme als Ihre eigene markiert"},
	msgMineRecordingsSettled: {args: "d",
		en: "You marked %d recordings as yours: that settles what the checks could not tell about them", enOne: "You marked %d recording as yours: that settles what the checks could not tell about it",
		de: "Sie haben %d Aufnahmen als Ihre eigenen markiert: Damit ist geklärt, was die Prüfungen über sie nicht feststellen konnten", deOne: "Sie haben %d Aufnahme als Ihre eigene markiert: Damit ist geklärt, was die Prüfungen über sie nicht feststellen konnten"},
	msgDeclaredDeviceRegistered: {args: "i",
		en: "Device %s is registered to this account, but you did not name it as yours",
		de: "Gerät %s ist für dieses Konto registriert, aber Sie haben es nicht als Ihr Gerät angegeben"},
	msgDeclaredNoDevicesRecordings: {args: "d",
		en: "You own no voice-assistant device, yet the export holds %d voice recordings", enOne: "You own no voice-assistant device, yet the export holds %d voice recording",
		de: "Sie besitzen kein Sprachassistenz-Gerät, doch der Export enthält %d Sprachaufnahmen", deOne: "Sie besitzen kein Sprachassistenz-Gerät, doch der Export enthält %d Sprachaufnahme"},
	msgDeclaredNoDevicesDevice: {args: "is",
		en: "You own no voice-assistant device, yet the voice device %s (%s) is registered to this account",
		de: "Sie besitzen kein Sprachassistenz-Gerät, doch das Sprachgerät %s (%s) ist für dieses Konto registriert"},
	msgFormatUnknown: {args: "c",
		en: "This does not look like an Amazon or Google Takeout export, so no ownership check applies. Found: %s",
		de: "Das sieht nicht nach einem Export von Amazon oder Google Takeout aus, daher gibt es keine Prüfung, wem die Daten gehören. Gefunden: %s"},
	msgNoClaim: {
		en: "Cannot tell whose export this is: it names no customer ID or e-mail address",
		de: "Wem dieser Export gehört, ist nicht feststellbar: er nennt weder Kundennummer noch E-Mail-Adresse"},
	msgNoClaimFile: {args: "s",
		en: "Cannot tell whose export this is: %s is missing",
		de: "Wem dieser Export gehört, ist nicht feststellbar: %s fehlt"},
	msgMissingCustomerProfile: {args: "s",
		en: "Cannot tell whose export this is: %s is missing",
		de: "Wem dieser Export gehört, ist nicht feststellbar: %s fehlt"},
	msgMissingCustomerID: {args: "s",
		en: "Cannot compare customer IDs: the export names the account only by its e-mail address (%s is missing)",
		de: "Kundennummern sind nicht vergleichbar: Der Export nennt das Konto nur mit seiner E-Mail-Adresse (%s fehlt)"},
	msgMissingRegistration: {args: "s",
		en: "Cannot tell which devices are registered to this account: %s is missing",
		de: "Welche Geräte für dieses Konto registriert sind, ist nicht feststellbar: %s fehlt"},
	msgMissingVoiceHistory: {args: "s",
		en: "Cannot tell which records the audio files belong to: %s is missing",
		de: "Zu welchen Datensätzen die Audiodateien gehören, ist nicht feststellbar: %s fehlt"},
	msgMissingVoiceProfiles: {args: "s",
		en: "Cannot tell which voice profiles are enrolled in this account: %s is missing",
		de: "Welche Stimmprofile in diesem Konto angelegt sind, ist nicht feststellbar: %s fehlt"},
	msgMissingActivity: {args: "s",
		en: "Cannot check the Assistant activity: %s is missing",
		de: "Die Assistant-Aktivität lässt sich nicht prüfen: %s fehlt"},
	msgMissingProfile: {args: "s",
		en: "Cannot check the account's identity: %s is missing",
		de: "Die Identität des Kontos lässt sich nicht prüfen: %s fehlt"},
	msgMissingArchiveBrowser: {args: "s",
		en: "Cannot tell which files belong to the export: %s is missing",
		de: "Welche Dateien zum Export gehören, ist nicht feststellbar: %s fehlt"},
	msgMissingTranscript: {args: "s",
		en: "Cannot compare the recordings with a transcript: %s is missing",
		de: "Die Aufnahmen lassen sich nicht mit einem Transkript vergleichen: %s fehlt"},
	msgMissingFile: {args: "s",
		en: "A file needed for a check is missing: %s",
		de: "Eine für eine Prüfung nötige Datei fehlt: %s"},
	msgNormOnly: {args: "d",
		en: "%d values match only after normalising spaces, letter case or Unicode form", enOne: "%d value matches only after normalising spaces, letter case or Unicode form",
		de: "%d Werte stimmen erst nach Angleichen von Leerzeichen, Groß-/Kleinschreibung oder Unicode-Form überein", deOne: "%d Wert stimmt erst nach Angleichen von Leerzeichen, Groß-/Kleinschreibung oder Unicode-Form überein"},

	txtVerdictMismatch: {
		en: "Verdict: this export holds data that points to someone else.",
		de: "Ergebnis: Dieser Export enthält Daten, die auf eine andere Person hinweisen."},
	txtVerdictConsistent: {
		en: "Verdict: nothing in this export points to someone else.",
		de: "Ergebnis: Nichts in diesem Export weist auf eine andere Person hin."},
	txtVerdictUnknown: {
		en: "Verdict: cannot tell whether this export is yours.",
		de: "Ergebnis: Ob dieser Export Ihnen gehört, ist nicht feststellbar."},
	txtVerdictUnknownWhy: {args: "s",
		en: "Verdict: cannot tell whether this export is yours. %s.",
		de: "Ergebnis: Ob dieser Export Ihnen gehört, ist nicht feststellbar. %s."},
	txtWhyUnreadable: {args: "s",
		en: "A file the checks need could not be read: %s",
		de: "Eine Datei, die für die Prüfung nötig ist, ist nicht lesbar: %s"},
	txtWhyEncrypted: {args: "ds",
		en: "%d files are password-protected and could not be read: %s", enOne: "%d file is password-protected and could not be read: %s",
		de: "%d Dateien sind passwortgeschützt und konnten nicht gelesen werden: %s", deOne: "%d Datei ist passwortgeschützt und konnte nicht gelesen werden: %s"},
	txtWhyDamagedPart: {args: "s",
		en: "A part of the export could not be read: %s",
		de: "Ein Teil des Exports ist nicht lesbar: %s"},
	txtFormat:        {args: "s", en: "Format: %s", de: "Format: %s"},
	txtClaim:         {en: "The export says it belongs to:", de: "Laut Export gehört er zu:"},
	txtClaimNone:     {en: "  (nobody named)", de: "  (niemand genannt)"},
	txtCustomerID:    {args: "s", en: "  customer ID %s", de: "  Kundennummer %s"},
	txtEmail:         {args: "s", en: "  e-mail %s", de: "  E-Mail %s"},
	txtName:          {args: "s", en: "  name %s", de: "  Name %s"},
	txtDevice:        {args: "ss", en: "  device %s%s", de: "  Gerät %s%s"},
	txtProfile:       {args: "ss", en: "  voice profile %s%s", de: "  Stimmprofil %s%s"},
	txtDeclared:      {en: "You declared:", de: "Ihre Angaben:"},
	txtNoDevices:     {en: "  no voice-assistant device", de: "  kein Sprachassistenz-Gerät"},
	txtOwnsDevice:    {en: "  a device that records your voice for Alexa (serial not given)", de: "  ein Gerät, das Ihre Stimme für Alexa aufnimmt (ohne Seriennummer)"},
	txtMarkedNotMine: {en: "Not yours, as you marked them (your own statement):", de: "Nach Ihrer eigenen Angabe nicht von Ihnen:"},
	txtMarkedMine:    {en: "Yours, as you marked them (your own statement):", de: "Nach Ihrer eigenen Angabe von Ihnen:"},
	txtRecording:     {args: "s", en: "  recording %s", de: "  Aufnahme %s"},
	txtSettleVoiceDevice: {
		en: "To settle it: if you own no device that records your voice for Alexa (an Echo, a Fire TV, the Alexa app), check again with --no-devices; if you own one, with --device SERIAL (its serial number) or --owns-device.",
		de: "Zur Klärung: Wenn Sie kein Gerät besitzen, das Ihre Stimme für Alexa aufnimmt (einen Echo, einen Fire TV, die Alexa-App), prüfen Sie erneut mit --no-devices; wenn Sie eines besitzen, mit --device SERIENNUMMER oder --owns-device."},
	txtSummary: {args: "dddd",
		en: "Recordings: %d, transcripts: %d, devices: %d, voice profiles: %d",
		de: "Aufnahmen: %d, Transkripte: %d, Geräte: %d, Stimmprofile: %d"},
	txtFindings:   {args: "d", en: "Findings (%d):", de: "Befunde (%d):"},
	txtNoFindings: {en: "No findings.", de: "Keine Befunde."},
	txtRule:       {args: "s", en: "rule %s", de: "Regel %s"},
	txtSubject:    {args: "s", en: "subject %s", de: "betrifft %s"},
	txtRecords: {args: "d",
		en: "%d records", enOne: "%d record",
		de: "%d Datensätze", deOne: "%d Datensatz"},
	txtRaw:      {args: "s", en: " (as written: %s)", de: " (so geschrieben: %s)"},
	txtPage:     {args: "d", en: "(page %d)", de: "(Seite %d)"},
	txtPageLine: {args: "dd", en: "(page %d, line %d)", de: "(Seite %d, Zeile %d)"},
	txtProblems: {args: "d", en: "Files with problems (%d):", de: "Dateien mit Problemen (%d):"},
	txtProblemZone: {args: "s",
		en: "its times are given in the time zone %s, which ExportLens does not know; they are read as UTC and may be off by hours",
		de: "seine Zeiten sind in der Zeitzone %s angegeben, die ExportLens nicht kennt; sie werden als UTC gelesen und können um Stunden abweichen"},
	txtProblemCopy: {args: "s",
		en: "a second download of %s with the same files; they are counted once",
		de: "ein zweiter Download von %s mit denselben Dateien; sie werden nur einmal gezählt"},
	txtActivity: {args: "d",
		en: "Activity without speech (not counted as recordings): %d",
		de: "Aktivitäten ohne Sprache (nicht als Aufnahmen gezählt): %d"},
	txtSevMismatch: {en: "mismatch", de: "fremd"},
	txtSevLikely:   {en: "likely", de: "wahrscheinlich fremd"},
	txtSevUnknown:  {en: "unknown", de: "unklar"},
	txtSevNote:     {en: "note", de: "Hinweis"},
}

// render formats message key in lang ("de" for German, English otherwise).
// An unknown key renders as itself, so a missing entry shows instead of
// vanishing; a test keeps the table complete.
func render(lang, key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	format, one := m.en, m.enOne
	if lang == "de" {
		format, one = m.de, m.deOne
	}
	if one != "" && firstInt(args) == 1 {
		format = one
	}
	// A value from the export in a sentence of ours must not reverse it
	// (a right-to-left override) or hide in it (a zero-width space).
	// An identifier also must not pass for an owned one (a Cyrillic А
	// among Latin letters): it is shown as Show does.
	shown := make([]any, len(args))
	for i, a := range args {
		if l, ok := a.(interface{ localized(string) string }); ok {
			a = l.localized(lang)
		}
		if s, ok := a.(string); ok && !isLocalized(args[i]) {
			if i < len(m.args) && m.args[i] == 'i' {
				a = Show(s).Text
			} else {
				a = ShowText(s)
			}
		}
		shown[i] = a
	}
	return fmt.Sprintf(format, shown...)
}

// isLocalized: a is an argument that words itself in the message's
// language (ours, not the export's: shown as it is).
func isLocalized(a any) bool {
	_, ok := a.(interface{ localized(string) string })
	return ok
}

// firstInt returns the first int argument, -1 when there is none.
func firstInt(args []any) int {
	for _, a := range args {
		if n, ok := a.(int); ok {
			return n
		}
	}
	return -1
}

// Text is the finding's title in lang ("de" or "en"); English for any other.
func (f Finding) Text(lang string) string {
	if f.Msg == "" {
		return f.Title
	}
	return render(lang, f.Msg, f.Args...)
}

// subjects are the subjects of findings that are phrases of ours, not
// identifiers or paths: the report keeps them in English (they are data),
// people read them in their language.
var subjects = map[string]struct{ en, de string }{
	voiceRecordingsSubject:   {"voice recordings", "Sprachaufnahmen"},
	notMineRecordingsSubject: {"recordings marked not yours", "als fremd markierte Aufnahmen"},
	mineRecordingsSubject:    {"recordings marked yours", "als Ihre eigenen markierte Aufnahmen"},
	unrecognizedSubject:      {"unrecognized speaker", "nicht erkannter Sprecher"},
	// The kinds of file a finding names when the export does not say
	// where the file should be (missingSubject).
	"registration":     {"the device registration", "die Geräteregistrierung"},
	"voice-profiles":   {"the voice profiles", "die Stimmprofile"},
	"voice-history":    {"the voice history", "der Sprachverlauf"},
	"customer-profile": {"the customer profile", "das Kundenprofil"},
	"archive-browser":  {"the archive overview", "die Archivübersicht"},
	"transcript":       {"the transcript", "das Transkript"},
}

// SubjectText is a finding's subject in lang when it is a phrase of ours
// ("voice recordings"), and ok false when it is a value from the export
// (a serial, an ID, an e-mail address, a path), which is shown as it is.
func SubjectText(lang, subject string) (text string, ok bool) {
	s, ok := subjects[subject]
	if !ok {
		return "", false
	}
	if lang == "de" {
		return s.de, true
	}
	return s.en, true
}
