package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"exportlens/cmd/mkexport/storedrar"
)

// writeRarVariants writes the RAR archives that app/archive's tests read
// into dir: the members of the 7z variants (sevenZipMembers) stored in
// the RAR 5 format (stored5.rar) and, ASCII names only, in the RAR 1.5–4
// format (stored4.rar): ../sevenzip/manifest.txt lists them. solid5.rar
// is a solid RAR 5 of 256 KiB of zeros between two small members.
// Only stored members: no free tool compresses RAR (see package storedrar).
func writeRarVariants(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	all := rarMembers(sevenZipMembers())
	var ascii []storedrar.File
	for _, f := range all {
		if strings.IndexFunc(f.Name, func(r rune) bool { return r >= 0x80 }) < 0 {
			ascii = append(ascii, f)
		}
	}
	r4, err := storedrar.RAR4(ascii)
	if err != nil {
		return err
	}
	when := time.Date(2024, 3, 1, 10, 15, 0, 0, time.UTC)
	solid := storedrar.RAR5([]storedrar.File{
		{Name: "note.txt", Data: []byte("still here\n"), Modified: when},
		{Name: "zeros.bin", Data: make([]byte, 256<<10), Modified: when, Solid: true},
		{Name: "zz-after.txt", Data: []byte("still here\n"), Modified: when, Solid: true},
	})
	for name, b := range map[string][]byte{"stored5.rar": storedrar.RAR5(all), "stored4.rar": r4, "solid5.rar": solid} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// rarMembers sorts files into RAR members with the fixtures' fixed time.
func rarMembers(files map[string][]byte) []storedrar.File {
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []storedrar.File
	for _, n := range names {
		out = append(out, storedrar.File{Name: n, Data: files[n], Modified: time.Date(2024, 3, 1, 10, 15, 0, 0, time.UTC)})
	}
	return out
}
