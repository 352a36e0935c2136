package check

import (
	"strconv"
	"strings"

	"exportlens/app/export"
)

// checkFormatUnknown: an export of no known vendor still opens as a file
// tree, but nothing in it can be compared with an account. Say so plainly,
// with what was found instead (a PDF, holiday photos, an empty ZIP), not a
// silent "all good".
func checkFormatUnknown(c *checker) {
	c.add(finding(RuleFormatUnknown, Unknown, "", 0, nil, nil, msgFormatUnknown, contentsArg(c.x.Contents)))
}

// contentsArg is a message argument that says what an export holds, in
// the message's language (render asks it through localized).
type contentsArg export.Contents

// kindNames are the names of the kinds of files, singular and plural, in
// English and German.
var kindNames = []struct{ en1, en, de1, de string }{
	{"audio file", "audio files", "Audiodatei", "Audiodateien"},
	{"CSV table", "CSV tables", "CSV-Tabelle", "CSV-Tabellen"},
	{"JSON file", "JSON files", "JSON-Datei", "JSON-Dateien"},
	{"HTML page", "HTML pages", "HTML-Seite", "HTML-Seiten"},
	{"PDF", "PDFs", "PDF-Datei", "PDF-Dateien"},
	{"image", "images", "Bild", "Bilder"},
	{"text file", "text files", "Textdatei", "Textdateien"},
	{"archive", "archives", "Archiv", "Archive"},
	{"other file", "other files", "sonstige Datei", "sonstige Dateien"},
}

func (c contentsArg) localized(lang string) string {
	de := lang == "de"
	if c.Files == 0 {
		if de {
			return "keine Dateien"
		}
		return "no files"
	}
	counts := []int{c.Audio, c.Tables, c.Data, c.Pages, c.PDFs, c.Images, c.Texts, c.Archives}
	other := c.Files
	for _, n := range counts {
		other -= n
	}
	counts = append(counts, max(other, 0))
	var parts []string
	for i, n := range counts {
		if n == 0 {
			continue
		}
		k := kindNames[i]
		name := map[bool]string{true: k.en1, false: k.en}[n == 1]
		if de {
			name = map[bool]string{true: k.de1, false: k.de}[n == 1]
		}
		parts = append(parts, strconv.Itoa(n)+" "+name)
	}
	files := map[bool]string{true: "file", false: "files"}[c.Files == 1]
	if de {
		files = map[bool]string{true: "Datei", false: "Dateien"}[c.Files == 1]
	}
	return strconv.Itoa(c.Files) + " " + files + ": " + strings.Join(parts, ", ")
}
