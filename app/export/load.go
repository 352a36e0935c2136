package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"exportlens/app/archive"
)

// file is one member of the tree as the parsers see it. Load builds them
// from an archive.Tree (entry); tests build them by hand (OpenFn).
type file struct {
	Part, Path string
	Size       int64
	// entry is the tree's entry. Keeping it, rather than two closures
	// over it, spares a tree of 200,000 entries 400,000 small objects
	// that the browser's collector must mark without yielding.
	entry  *archive.Entry
	OpenFn func() (io.ReadCloser, error)
}

// Open returns the file's bytes.
func (f file) Open() (io.ReadCloser, error) {
	if f.entry != nil {
		return f.entry.Open()
	}
	return f.OpenFn()
}

// Section gives random access when it is cheap; !ok otherwise.
func (f file) Section() (io.ReaderAt, bool) {
	if f.entry != nil {
		return f.entry.Section()
	}
	return nil, false
}

// fileKind is what a file's extension says it is, case-insensitively.
type fileKind uint8

const (
	kindOther fileKind = iota
	// kindAudio: the audio formats listed in Export.Audio. Their bytes are
	// never read while loading: sizes come from the tree.
	kindAudio
	kindCSV
	kindJSON
	kindHTML
	kindPDF
	kindImage
	kindText
	kindArchive
)

// kindOf is the kind of the file name. A switch on the lower-cased
// extension, copied to the stack: in the browser a map of extensions
// (hashing each name's extension, lower-cased by a copy when it was not)
// cost 30 ms over the 100,000 files of a big export.
func kindOf(name string) fileKind {
	ext := path.Ext(name)
	var b [5]byte
	if len(ext) > len(b) {
		return kindOther
	}
	for i := range len(ext) {
		c := ext[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	switch string(b[:len(ext)]) {
	case ".wav", ".mp3", ".ogg", ".opus", ".m4a", ".aac", ".flac":
		return kindAudio
	case ".csv":
		return kindCSV
	case ".json":
		return kindJSON
	case ".html", ".htm":
		return kindHTML
	case ".pdf":
		return kindPDF
	case ".jpg", ".jpeg", ".png", ".gif", ".heic", ".webp":
		return kindImage
	case ".txt":
		return kindText
	case ".zip", ".7z", ".rar", ".tar", ".tgz", ".gz":
		return kindArchive
	}
	return kindOther
}

// count adds a file of kind k to c.
func (c *Contents) count(k fileKind) {
	c.Files++
	switch k {
	case kindAudio:
		c.Audio++
	case kindCSV:
		c.Tables++
	case kindJSON:
		c.Data++
	case kindHTML:
		c.Pages++
	case kindPDF:
		c.PDFs++
	case kindImage:
		c.Images++
	case kindText:
		c.Texts++
	case kindArchive:
		c.Archives++
	}
}

// loader carries the state of one Load.
type loader struct {
	ctx   context.Context
	lay   *Layout
	ex    *Export
	files []file

	byPath *pathIndex // part and path -> index into files
	// anyPath: path -> index of its first file in any part; made when a
	// Takeout record first looks for its audio (anyPathIndex).
	anyPath map[string]int
	// audioOf: by the index byPath gives a part's path, the index into
	// ex.Audio of its (last) audio file, -1 for none. A slice beside byPath
	// instead of a map of its own: 100,000 audio files cost 400 kB, not a
	// 4 MB map filled while the page waits.
	audioOf []int32

	tabs     []compiledTable
	known    map[string]bool // every normalised column name of the vendor table
	custCols map[string]bool
	docs     []docPattern // Documentation patterns, lower-case (isDoc)

	amazonHits, googleHits int
	histories              int             // voice-history tables read
	listed                 map[string]bool // list+"\x00"+serial of the Alexa lists' devices read (amazon.go)

	google googleState

	zoneNoted map[string]bool // part+"\x00"+path of files with a kind "zone" problem

	budget      int64 // bytes the records may still take (see allowance)
	budgetStart int64 // the budget the load began with
	// csvAhead: by path, the bytes of the CSVs of that path still to read.
	// A table split over the parts of an export has one path in each, so
	// growRecordings counts their rows ahead and the records are not
	// copied to a bigger slice once per part.
	csvAhead map[string]int64

	rawCells int          // cells read whose raw text differs (each has its own origin: charged)
	texts    keptTexts    // the kept values' own texts
	recs     *recordStore // what the Recordings keep (newRecording)
	pathBuf  []byte       // amazonAudio's candidates
}

// newRecording is a Recording of the load's store with its ID, read at p.
func (l *loader) newRecording(id string, p place) Recording {
	if l.recs == nil {
		l.recs = newRecordStore()
	}
	return newRecordingIn(l.recs, id, p)
}

// keptBytes is what the kept texts and the Recordings' store hold.
func (l *loader) keptBytes() int64 {
	n := l.texts.bytes
	if l.recs != nil {
		n += l.recs.bytes
	}
	return n
}

// yieldEvery is how many records a parser reads between archive.Yield
// calls. In the browser (wasm) nothing preempts a running goroutine, and a
// garbage collection that started cannot finish until the goroutine yields:
// without these yields the heap (and the wasm memory, which never shrinks)
// grows by everything a parse allocates. Natively a yield costs nothing.
const yieldEvery = 256

// load is Load on plain files: the whole pipeline, independent of archive.
func load(ctx context.Context, files []file, lay *Layout) (*Export, error) {
	return loadWithin(ctx, files, lay, DefaultBudget)
}

// loadWithin is load with budget bytes for the records it keeps.
func loadWithin(ctx context.Context, files []file, lay *Layout, budget int64) (*Export, error) {
	if lay == nil {
		lay = DefaultLayout()
	}
	// A part downloaded twice is read once (its copy's files are left out).
	files, dups := duplicateParts(files)
	// The indexes are made at their size: grown by doubling they cost a
	// big export's tree several times over in garbage.
	audio := countAudio(files)
	l := &loader{ctx: ctx, lay: lay, ex: &Export{Vendor: Unknown, Audio: make([]AudioFile, 0, audio)}, files: files,
		byPath: newPathIndex(files, len(files)), audioOf: make([]int32, len(files)), budget: budget, budgetStart: budget}
	l.compile()
	l.google.duplicates = dups

	var csvs, jsons, htmls, pdfs []int
	for i, f := range files {
		if i%yieldEvery == yieldEvery-1 {
			archive.Yield() // a tree of 200,000 entries took the page half a second here
		}
		first := l.byPath.add(i)
		l.audioOf[i] = -1
		base := path.Base(f.Path)
		kind := kindOf(base)
		l.ex.Contents.count(kind)
		if l.isDoc(base) {
			continue
		}
		switch kind {
		case kindAudio:
			l.audioOf[first] = int32(len(l.ex.Audio))
			l.ex.Audio = append(l.ex.Audio, AudioFile{Part: f.Part, Path: f.Path, Size: f.Size})
		case kindCSV:
			csvs = append(csvs, i)
		case kindJSON:
			jsons = append(jsons, i)
		case kindHTML:
			htmls = append(htmls, i)
		case kindPDF:
			pdfs = append(pdfs, i)
		}
	}

	l.csvAhead = map[string]int64{}
	for _, i := range csvs {
		l.csvAhead[files[i].Path] += files[i].Size
	}
	for _, i := range csvs {
		archive.Yield()
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		l.csvAhead[files[i].Path] -= files[i].Size
		l.readCSVFile(files[i])
	}
	for _, i := range jsons {
		archive.Yield()
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		l.readJSONFile(files[i])
	}
	for _, i := range htmls {
		archive.Yield()
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		l.readHTMLFile(files[i])
	}
	// A PDF can be a transcript only beside recordings without a voice
	// history (the 2018 layout); reading every PDF of an export would be slow.
	if l.histories == 0 && l.hasWAV() {
		l.readTranscripts(pdfs)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	l.finish()
	return l.ex, nil
}

// countAudio counts the files with an audio extension (documentation files
// included: an upper bound of what Export.Audio lists).
func countAudio(files []file) int {
	n := 0
	for i, f := range files {
		if i%yieldEvery == yieldEvery-1 {
			archive.Yield()
		}
		if kindOf(f.Path) == kindAudio {
			n++
		}
	}
	return n
}

// docPattern is a Documentation pattern, lower-case, with what it needs
// for a match: most are a name or "*suffix", compared directly, for
// path.Match backtracks on every member of a big export.
type docPattern struct {
	text string
	kind uint8 // docName, docSuffix (text is the suffix) or docGlob
}

const (
	docName = iota
	docSuffix
	docGlob
)

// isDoc reports whether a base name is a documentation file.
func (l *loader) isDoc(base string) bool {
	if l.docs == nil {
		l.docs = make([]docPattern, 0, len(l.lay.Documentation))
		for _, p := range l.lay.Documentation {
			p = strings.ToLower(p)
			switch {
			case p == "":
			case !strings.ContainsAny(p, `*?[\`):
				l.docs = append(l.docs, docPattern{p, docName})
			case p[0] == '*' && !strings.ContainsAny(p[1:], `*?[\`):
				l.docs = append(l.docs, docPattern{p[1:], docSuffix})
			default:
				l.docs = append(l.docs, docPattern{p, docGlob})
			}
		}
	}
	// Compared without a lower-cased copy: strings.ToLower of every
	// member's name was a fortieth of a big export's load.
	lb := ""
	for _, p := range l.docs {
		switch p.kind {
		case docName:
			if len(p.text) == len(base) && strings.EqualFold(p.text, base) {
				return true
			}
		case docSuffix:
			if len(base) >= len(p.text) && strings.EqualFold(base[len(base)-len(p.text):], p.text) {
				return true
			}
		default:
			if lb == "" {
				lb = strings.ToLower(base)
			}
			if ok, _ := path.Match(p.text, lb); ok {
				return true
			}
		}
	}
	return false
}

func (l *loader) hasWAV() bool {
	for _, a := range l.ex.Audio {
		if strings.EqualFold(path.Ext(a.Path), ".wav") {
			return true
		}
	}
	return false
}

// problem records a file that could not be (fully) parsed. The reason
// never holds the file's content: it may be personal data.
func (l *loader) problem(f file, kind ProblemKind, err error) {
	if f.entry != nil && f.entry.Encrypted && errors.Is(err, archive.ErrEncrypted) {
		return // entryWarnings says so, once
	}
	if errors.Is(err, ErrBudget) {
		kind = ProblemBudget
	}
	l.ex.Problems = append(l.ex.Problems, Problem{Src: Source{Part: f.Part, Path: f.Path}, Reason: reason(err), Kind: kind})
}

// zoneUnknown notes, once per file, that its times are written in a zone
// no table knows and were read as UTC.
func (l *loader) zoneUnknown(f file, zone string) {
	if zone == "" {
		return
	}
	key := f.Part + "\x00" + f.Path
	if l.zoneNoted == nil {
		l.zoneNoted = map[string]bool{}
	}
	if l.zoneNoted[key] {
		return
	}
	l.zoneNoted[key] = true
	l.problem(f, ProblemZone, fmt.Errorf("time zone %q is not known: its times are read as UTC and may be hours off", zone))
	l.ex.Problems[len(l.ex.Problems)-1].Zone = zone
}

// reason words err for a Problem, whose Source already names the file: the
// archive's own location prefix and the package prefix would only repeat it.
func reason(err error) string {
	var ae *archive.Error
	if errors.As(err, &ae) && ae.Err != nil {
		err = ae.Err
	}
	return strings.TrimPrefix(err.Error(), "export: ")
}

// lookup finds a member by part and path.
func (l *loader) lookup(part, p string) (file, bool) {
	i, ok := l.byPath.find(part, p)
	if !ok {
		return file{}, false
	}
	return l.files[i], true
}

// markAudio flags an audio file as referenced by a record, and as its
// Recording's own audio when ofRecording.
func (l *loader) markAudio(part, p string, ofRecording bool) {
	if i, ok := l.byPath.find(part, p); ok {
		l.markAudioAt(i, ofRecording)
	}
}

// markAudioAt is markAudio for the file at index i of l.files: a row that
// found its audio (amazonAudio) knows the index, and looking its path up
// again was a tenth of a big voice history's load.
func (l *loader) markAudioAt(i int, ofRecording bool) {
	if l.audioOf[i] >= 0 {
		a := &l.ex.Audio[l.audioOf[i]]
		a.Referenced = true
		a.OfRecording = a.OfRecording || ofRecording
	}
}

// anyPathIndex is anyPath, made on first use: only Takeout records look
// for audio in another part.
func (l *loader) anyPathIndex() map[string]int {
	if l.anyPath == nil {
		l.anyPath = make(map[string]int, len(l.files))
		for i, f := range l.files {
			if i%yieldEvery == yieldEvery-1 {
				archive.Yield()
			}
			if _, dup := l.anyPath[f.Path]; !dup {
				l.anyPath[f.Path] = i
			}
		}
	}
	return l.anyPath
}

// finish decides the vendor and the layout and fills what depends on all
// files: the 2018 recordings, Takeout parts, expectations.
func (l *loader) finish() {
	ex := l.ex
	switch {
	case l.amazonHits > 0 && l.amazonHits >= l.googleHits:
		ex.Vendor = Amazon
		if l.histories == 0 && (l.hasWAV() || len(ex.Transcripts) > 0) {
			ex.Layout = "single-zip-2018"
			l.legacyRecordings()
		} else {
			ex.Layout = "per-category"
		}
		l.amazonExpectations()
	case l.googleHits > 0:
		ex.Vendor = Google
		ex.Layout = "takeout"
		l.finishGoogle()
	default:
		ex.Vendor = Unknown
	}
	l.noteDuplicates()
}
