package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// sevenZipVariants are the 7z archives that app/archive's tests read:
// one set of members packed with each method and layout the 7z command
// writes, and hostile ones. Encrypted archives differ on every run (7z
// draws a random IV); the rest are byte-identical.
var sevenZipVariants = []struct {
	name   string
	method []string
}{
	{"lzma2-solid.7z", []string{"-mx=5"}},
	{"lzma-solid.7z", []string{"-m0=LZMA", "-mx=5"}},
	{"ppmd.7z", []string{"-m0=PPMd", "-mx=5"}},
	{"bzip2.7z", []string{"-m0=BZip2", "-mx=5"}},
	{"deflate.7z", []string{"-m0=Deflate", "-mx=5"}},
	{"copy.7z", []string{"-m0=Copy"}},
	{"nonsolid.7z", []string{"-mx=5", "-ms=off"}},
	{"bcj2.7z", []string{"-m0=BCJ2", "-m1=LZMA:d=1m", "-m2=LZMA:d=64k", "-m3=LZMA:d=64k", "-mb0:1", "-mb0s1:2", "-mb0s2:3", "-mx=5"}},
	{"plain-header.7z", []string{"-mx=5", "-mhc=off"}},
	{"encrypted.7z", []string{"-mx=5", "-pexportlens", "-mhe=off"}},
	{"encrypted-header.7z", []string{"-mx=5", "-pexportlens", "-mhe=on"}},
}

// sevenZipMembers are the members of every variant: the shapes of an
// export (a table large enough that later members of a solid folder lie
// deep in it, JSON, a nested ZIP, a folder, a non-ASCII name, an empty
// file). All invented.
func sevenZipMembers() map[string][]byte {
	var csv bytes.Buffer
	csv.WriteString("Timestamp,DeviceSerialNumber,Transcript\n")
	for i := range 1500 {
		fmt.Fprintf(&csv, "2024-03-01T10:%02d:%02dZ,G070RQ%010d,Alexa what time is it number %d\n", i/60%60, i%60, i%7, i)
	}
	inner := tree{}
	inner.add("Devices.Registration/Devices.Registration.csv", []byte("serialNumber,deviceType\nG070RQ0000000001,A3S5BH2HU6VAYF\n"))
	return map[string][]byte{
		"Alexa.VoiceHistory/Alexa.VoiceHistory.csv": csv.Bytes(),
		"Retail.CustomerProfile/profile.json":       []byte(`{"customerId":"A1B2C3D4E5F6G7","email":"anna.beispiel@example.com"}` + "\n"),
		"Devices.Registration.zip":                  inner.zipBytes(),
		"Küche/notiz.txt":                           []byte("Kaffee kaufen\n"),
		"empty.txt":                                 nil,
	}
}

// writeSevenZipVariants writes the variants into dir, with manifest.txt
// listing every member (path, size, SHA-256) as written, and
// zeros-256m.7z: 256 MiB of zeros in 39 KB, a bomb by ratio.
func writeSevenZipVariants(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "mkexport-7z-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	files := sevenZipMembers()
	for _, v := range sevenZipVariants {
		if err := write7zWith(tmp, filepath.Join(dir, v.name), files, v.method...); err != nil {
			return fmt.Errorf("mkexport: %s: %w", v.name, err)
		}
	}
	// One solid block: note.txt before the zeros, zz-after.bin after them.
	zeros := map[string][]byte{"zeros.bin": make([]byte, 256<<20), "note.txt": []byte("still here\n"), "zz-after.bin": []byte("still here\n")}
	if err := write7zWith(tmp, filepath.Join(dir, "zeros-256m.7z"), zeros, "-mx=1", "-ms=1g"); err != nil {
		return err
	}
	// deep-solid.7z: an export's voice history behind 256 MiB of zeros in
	// one solid block: reading it decodes the zeros first.
	deep := map[string][]byte{"0-padding.bin": make([]byte, 256<<20)}
	for n, b := range files {
		if strings.HasPrefix(n, "Alexa.") || strings.HasPrefix(n, "Retail.") {
			deep[n] = b
		}
	}
	if err := write7zWith(tmp, filepath.Join(dir, "deep-solid.7z"), deep, "-mx=1", "-ms=1g"); err != nil {
		return err
	}
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var m strings.Builder
	m.WriteString("# Members of every variant but zeros-256m.7z and deep-solid.7z: path, size, SHA-256 (written by go run ./cmd/mkexport -7z-variants DIR).\n")
	for _, n := range names {
		fmt.Fprintf(&m, "%s\t%d\t%x\n", n, len(files[n]), sha256.Sum256(files[n]))
	}
	return os.WriteFile(filepath.Join(dir, "manifest.txt"), []byte(m.String()), 0o644)
}
