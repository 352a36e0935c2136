// Command mkexport writes the synthetic data exports ExportLens is tested
// with. Everything in them is invented (example.com/example.org addresses,
// made-up IDs), the speech is synthesised with espeak-ng, and a re-run
// writes byte-identical files (fixed IDs, times and ZIP dates, sorted
// entries).
//
//	go run ./cmd/mkexport -out testdata/fixtures     the committed fixtures
//	go run ./cmd/mkexport -check-tools               are espeak-ng, lame, 7z there?
//	go run ./cmd/mkexport -big -out DIR -recordings 10000 -size 1GB [-shape stored]
//	                                                 a large Amazon export for benchmarks
//	                                                 (DIR/input/*.zip + DIR/planted.json; never commit it);
//	                                                 -shape stored (one Alexa.zip, the default), deflated
//	                                                 (deflated WAVs), small (2 kB WAVs, -size ignored),
//	                                                 parts (Alexa-1.zip … Alexa-5.zip), nested (export.zip
//	                                                 holding the category ZIPs); see big.go
//	go run ./cmd/mkexport -7z-variants app/archive/testdata/sevenzip
//	                                                 one set of members in every 7z method and layout,
//	                                                 encrypted, and a ratio bomb (needs 7z only)
//	go run ./cmd/mkexport -rar-variants app/archive/testdata/rar
//	                                                 the same members stored in RAR 5 and RAR 4 archives
//	                                                 (written in Go: package storedrar; needs no tool)
//	go run ./cmd/mkexport -hostile DIR               zip bombs and damaged archives (package hostile;
//	                                                 never commit them)
//
// Each fixture is <out>/<name>/input/... (every entry of input/ is one input,
// as a person would select it) and <out>/<name>/planted.json (what was planted,
// with the line, JSON pointer or PDF page+line where it starts, counted from
// the bytes written). The fixtures:
//
//   - amazon-clean: Alexa.zip, Devices.Registration.zip and Retail.CustomerProfile.zip
//     of Anna Beispiel (A1B2C3D4E5F6G7): two Echo devices, her voice profile, her
//     partner's unenrolled voice, one record without audio. Consistent.
//   - amazon-messy: the same household written the messy way real files are: BOM,
//     CRLF, a documentation line before the header, other column order plus unknown
//     columns, seven time formats, double-encoded and NFD device names, IDs with
//     spaces and other letter case, N/A cells, a multi-line cell, a "File Summary:"
//     footer. Consistent once normalised.
//   - amazon-foreign: Anna's export mixed with a stranger household: an unregistered
//     device, a foreign customer ID, an unknown voice profile, two WAVs no row
//     references and one row whose WAV is missing. Mismatch.
//   - amazon-foreign-onezip, -folder, -7z: the same export (same ZIP bytes) as one
//     outer export.zip, as one extracted folder input "amazon" (part "amazon", paths
//     "Alexa/...", "Devices.Registration/...", "Retail.CustomerProfile/...") and as
//     export.7z holding the three ZIPs.
//   - amazon-2018: the 2018 case: one export.zip with Anna's profile and a Kindle,
//     and Alexa/0001.wav… plus a PDF transcript from a stranger household; the person
//     declares no Alexa device. Mismatch.
//   - takeout-clean: Google Takeout of alice.muster@example.com in two parts,
//     English names, MP3s named a little later than their records. Consistent.
//   - takeout-de, takeout-fr: one part with German / French folder and file names.
//   - takeout-unrecognized: three records "From unrecognized speaker" (another voice).
//   - takeout-emails: Profile.json names bob.fremd@example.org, the overview Alice.
//   - unrelated: holiday photos and a note; no ownership check applies.
//
// Each fixture's planted.json says what was planted where; the writers in
// this package (amazon.go, takeout.go, …) are the reference for every file
// and column.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"exportlens/cmd/mkexport/hostile"
)

func main() {
	out := flag.String("out", "testdata/fixtures", "output folder")
	check := flag.Bool("check-tools", false, "only check that espeak-ng, lame and 7z are installed")
	big := flag.Bool("big", false, "write one large Amazon export for benchmarks instead of the fixtures")
	recordings := flag.Int("recordings", 10000, "with -big: number of recordings")
	size := flag.String("size", "1GB", "with -big: total size of the WAVs (e.g. 500MB, 1GB, 2GiB)")
	shape := flag.String("shape", shapeStored, "with -big: the export's `shape`: "+strings.Join(bigShapes, ", "))
	hostileDir := flag.String("hostile", "", "write the hostile archives (zip bombs, damaged ZIPs) into this `folder` instead")
	variants := flag.String("7z-variants", "", "write the 7z variants that app/archive tests read into this `folder` instead")
	rarVariants := flag.String("rar-variants", "", "write the RAR archives that app/archive tests read into this `folder` instead")
	flag.Parse()

	if *rarVariants != "" {
		if err := writeRarVariants(*rarVariants); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	if *variants != "" {
		if err := writeSevenZipVariants(*variants); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}

	if *hostileDir != "" { // made in code: needs none of the tools
		if err := hostile.Write(*hostileDir); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}

	if err := checkTools(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *check {
		fmt.Println("mkexport: espeak-ng, lame and 7z found")
		return
	}
	var err error
	if *big {
		var n int64
		n, err = parseSize(*size)
		if err == nil {
			err = writeBigExport(*out, bigSpec{Shape: *shape, Recordings: *recordings, Size: n})
		}
	} else {
		err = writeFixtures(*out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
