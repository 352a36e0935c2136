// Package export understands an opened archive: it detects the vendor
// (Amazon, Google Takeout, or unknown), parses the files it knows, repairs
// messy text, and returns an Export whose every record remembers its source.
//
// Entry points: Load (archive tree -> *Export), DefaultLayout, ReadLayout;
// NormID, NormEmail, NormName for comparing what it found.
//
// # Real exports
//
// Files are recognised by their structure (columns, keys, markup) at any
// folder depth, and every name is looked up in the layout table
// (layout.go), never taken for granted. What real exports published by
// other projects showed, and the fixtures copy in structure only
// (cmd/mkexport/takeout.go, takeout_voice.go, amazon_real.go):
//
// Google Takeout:
//   - Takeout/ may lie below the root (an extracted folder zipped again).
//   - The overview archive_browser.html lists files as nested folder and
//     file-leaf cells, base names only; its header names the account.
//   - Activity files are MyActivity, My Activity (with a space, English
//     since 2019) or translated (MonActivité, MeineAktivitäten), .json or
//     .html; every product folder has one, and the voice product's counts.
//     Voice and Audio (older, header "Google App") and Assistant are both
//     the person's own voice history.
//   - Titles say what was said as "Said …", "Vous avez dit …", with the
//     verb last in German ("… gesagt") and Dutch ("Je hebt … gezegd").
//     Records that are not speech ("Used Assistant") are activity.
//   - HTML times carry the account's zone: "6 May 2019, 23:05:36 WIB",
//     "16 mai 2022, 00:58:09 UTC−7" (U+2212); an abbreviation no table
//     knows is reported, never silently read as UTC.
//   - Other products' audio (Google Voice) is not a recording.
//   - SubscriberInfo pages label their addresses: alternate addresses are
//     the account's, contact and recovery addresses are not accounts.
//   - A part may be downloaded twice ("… (1).zip") or cut short.
//
// Amazon:
//   - registration.csv has no DeviceType or CustomerId column; empty cells
//     read "null"; dates are written "Sat Jul 24 18:36:22 UTC 2021" or
//     "26/Jan/2017 20:03:14 UTC"; serials need not look like "G0…"; rows
//     with State INACTIVE or a TimeDeregistered are past registrations.
//   - The account's e-mail is in Retail.Authentication.json ("Email"); a
//     numeric customer ID of Amazon's retail numbering is in the search
//     data (Customer ID, Last Known Customer ID).
//   - An Alexa.zip without voice history holds the Alexa side's device
//     list (Smart Home/Devices Data-N.csv) and feedback DSNs (NUL-padded).
//   - The voice history table, its audio, the voice profiles and the 2018
//     PDF transcript have not been published anywhere: their layout is
//     assumed (DefaultLayout) and recognised by columns.
package export
