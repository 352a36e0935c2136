package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// parseSize reads sizes like 1GB, 500MB, 2GiB, 123456 (bytes; decimal units
// are powers of 1000, binary ones of 1024).
func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		mult   int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"B", 1}}
	u := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, x := range units {
		if strings.HasSuffix(u, x.suffix) {
			u, mult = strings.TrimSpace(strings.TrimSuffix(u, x.suffix)), x.mult
			break
		}
	}
	n, err := strconv.ParseFloat(u, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("mkexport: bad size %q (want e.g. 500MB, 1GB, 2GiB)", s)
	}
	return int64(n * float64(mult)), nil
}

// bigForeignEvery: every that-many-th row comes from the unregistered device,
// giving the checker a few hundred rows of work in 10,000.
const bigForeignEvery = 37

// The shapes of the -big export. Each is one way a real export is less
// friendly than one ZIP of stored WAVs; all hold the same rows and the
// same planted serial, so all must give the same verdict.
const (
	shapeStored   = "stored"   // one Alexa.zip, WAVs stored (the first benchmark export)
	shapeDeflated = "deflated" // WAVs deflated: every play and probe inflates
	shapeSmall    = "small"    // 2 kB WAVs: the entry count, not the bytes, is the work
	shapeParts    = "parts"    // the voice history split over bigParts ZIPs, as a split download
	shapeNested   = "nested"   // one export.zip holding the category ZIPs
)

// bigShapes lists the shapes in the order benchmarks report them.
var bigShapes = []string{shapeStored, shapeDeflated, shapeSmall, shapeParts, shapeNested}

// bigParts is how many Alexa ZIPs the parts shape writes.
const bigParts = 5

// smallWAVBytes is the size of every WAV of the small shape (-size is
// ignored there): 2 kB, a fraction of a second of speech.
const smallWAVBytes = 2000

// bigSpec says what writeBig writes.
type bigSpec struct {
	Shape      string
	Recordings int
	Size       int64 // total bytes of the WAVs before compression
}

// wavBytes is the size of one WAV of spec.
func (spec bigSpec) wavBytes() int64 {
	if spec.Shape == shapeSmall {
		return smallWAVBytes
	}
	return spec.Size / int64(spec.Recordings)
}

func (spec bigSpec) validate() error {
	if !slices.Contains(bigShapes, spec.Shape) {
		return fmt.Errorf("mkexport: -shape %q unknown (want one of %s)", spec.Shape, strings.Join(bigShapes, ", "))
	}
	if spec.Recordings < 1 || spec.Recordings > 10_000_000 {
		return fmt.Errorf("mkexport: -recordings %d out of range", spec.Recordings)
	}
	if spec.wavBytes() < 44+2 {
		return fmt.Errorf("mkexport: -size %d too small for %d recordings", spec.Size, spec.Recordings)
	}
	return nil
}

// bigMember is one WAV's bytes as they go into the ZIP, made once and
// written for every recording that uses it: only four distinct WAVs
// exist, so a gigabyte is written without compressing a gigabyte.
type bigMember struct {
	raw    []byte // stored bytes or a raw deflate stream
	method uint16
	crc    uint32
	size   uint64 // uncompressed
}

// bigExport is the export being written: its rows and the four WAVs.
type bigExport struct {
	spec bigSpec
	rows []alexaRow
	wavs []bigMember
}

// bigPlace is where a part's first foreign row is and how many it holds.
type bigPlace struct {
	part          string
	line, records int
}

// writeBig writes an Amazon export of spec.Recordings WAVs of about
// spec.Size bytes in the spec's shape, with planted.json. Speech is
// synthesised four times and reused, padded to the size per file; the ZIPs
// are streamed to disk and the same spec writes the same bytes.
func writeBig(out string, spec bigSpec, s *synth) error {
	if err := spec.validate(); err != nil {
		return err
	}
	b := &bigExport{spec: spec, rows: bigRows(spec.Recordings)}
	if err := b.makeWAVs(s); err != nil {
		return err
	}
	in := filepath.Join(out, "input")
	if err := os.MkdirAll(in, 0o755); err != nil {
		return err
	}
	small, err := buildAmazon(s, nil, false)
	if err != nil {
		return err
	}
	others := map[string][]byte{}
	for _, name := range []string{"Devices.Registration.zip", "Retail.CustomerProfile.zip"} {
		others[name] = small.zips()[name].zipBytes()
	}
	var places []bigPlace
	switch spec.Shape {
	case shapeNested:
		places, err = b.writeNested(filepath.Join(in, "export.zip"), others)
	default:
		places, err = b.writeAlexaFiles(in)
		for name, data := range others {
			if err == nil {
				err = os.WriteFile(filepath.Join(in, name), data, 0o644)
			}
		}
	}
	if err != nil {
		return err
	}
	return b.fixture(places).write(out)
}

// bigRows are the voice-history rows: the household's four utterances in
// turn, 13 minutes apart, every bigForeignEvery-th from serialForeign.
func bigRows(n int) []alexaRow {
	base := householdRows()
	rows := make([]alexaRow, n)
	start := time.Date(2023, 1, 2, 6, 0, 0, 0, time.UTC)
	for i := range rows {
		r := base[i%4]
		r.At = start.Add(time.Duration(i) * 13 * time.Minute).Add(time.Duration(i%997) * time.Millisecond)
		if i%bigForeignEvery == bigForeignEvery-1 {
			r.setDevice(serialForeign)
			r.Person, r.PersonName, r.Voice = "", "", voiceStranger
		}
		r.Audio = audioPresent
		rows[i] = r
	}
	return rows
}

// makeWAVs speaks the four utterances and makes each a WAV of the spec's
// size. The stored shapes pad with silence, as the first benchmark export
// did; the deflated one pads with quiet noise, because deflating silence
// leaves nothing to inflate and real speech does not compress that well.
func (b *bigExport) makeWAVs(s *synth) error {
	base := householdRows()
	data := b.spec.wavBytes() - 44
	data -= data % 2
	for i := range 4 {
		p, err := s.pcm(base[i].Voice, base[i].Said)
		if err != nil {
			return err
		}
		var pcm bytes.Buffer
		binary.Write(&pcm, binary.LittleEndian, p)
		sp := pcm.Bytes()[:min(int64(pcm.Len()), data)]
		wav := make([]byte, 44+data)
		copy(wav, wavHeader(int(data)))
		copy(wav[44:], sp)
		if b.spec.Shape == shapeDeflated {
			quietNoise(wav[44+len(sp):], uint32(i+1))
		}
		m := bigMember{raw: wav, method: zip.Store, crc: crc32.ChecksumIEEE(wav), size: uint64(len(wav))}
		if b.spec.Shape == shapeDeflated {
			var z bytes.Buffer
			fw, _ := flate.NewWriter(&z, flate.DefaultCompression)
			fw.Write(wav)
			if err := fw.Close(); err != nil {
				return err
			}
			m.raw, m.method = z.Bytes(), zip.Deflate
		}
		b.wavs = append(b.wavs, m)
	}
	return nil
}

// quietNoise fills p with 16-bit samples of ±255 from a fixed generator
// (xorshift), so the same seed gives the same bytes.
func quietNoise(p []byte, seed uint32) {
	x := seed*2654435761 | 1
	for i := 0; i+1 < len(p); i += 2 {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		binary.LittleEndian.PutUint16(p[i:], uint16(int16(x%511)-255))
	}
}

// alexaNames are the Alexa ZIPs of the shape, each with the rows it holds.
func (b *bigExport) alexaNames() (names []string, bounds [][2]int) {
	n := len(b.rows)
	if b.spec.Shape != shapeParts {
		return []string{"Alexa.zip"}, [][2]int{{0, n}}
	}
	k := min(bigParts, n)
	for i := range k {
		names = append(names, fmt.Sprintf("Alexa-%d.zip", i+1))
		bounds = append(bounds, [2]int{i * n / k, (i + 1) * n / k})
	}
	return names, bounds
}

// writeAlexaFiles writes the Alexa ZIP or ZIPs into dir.
func (b *bigExport) writeAlexaFiles(dir string) ([]bigPlace, error) {
	names, bounds := b.alexaNames()
	var places []bigPlace
	for i, name := range names {
		err := writeFileBuffered(filepath.Join(dir, name), func(w io.Writer) error {
			p, err := b.writeAlexa(w, bounds[i][0], bounds[i][1], i == 0)
			p.part = name
			if p.records > 0 {
				places = append(places, p)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return places, nil
}

// writeNested writes one export.zip that holds Alexa.zip and the other
// category ZIPs, all stored (as a re-zipped download is), Alexa.zip
// streamed into its entry.
func (b *bigExport) writeNested(file string, others map[string][]byte) ([]bigPlace, error) {
	outer := "export.zip"
	var place bigPlace
	err := writeFileBuffered(file, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		e, err := createEntry(zw, "Alexa.zip", zip.Store)
		if err != nil {
			return err
		}
		bw := bufio.NewWriterSize(e, 1<<20)
		if place, err = b.writeAlexa(bw, 0, len(b.rows), true); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
		for _, name := range []string{"Devices.Registration.zip", "Retail.CustomerProfile.zip"} {
			e, err := createEntry(zw, name, zip.Store)
			if err != nil {
				return err
			}
			if _, err := e.Write(others[name]); err != nil {
				return err
			}
		}
		return zw.Close()
	})
	place.part = outer + "!Alexa.zip"
	if place.records == 0 {
		return nil, err
	}
	return []bigPlace{place}, err
}

// writeFileBuffered creates file and hands write a buffered writer on it.
func writeFileBuffered(file string, write func(io.Writer) error) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	if err := write(bw); err != nil {
		return fmt.Errorf("mkexport: write %s: %w", filepath.Base(file), err)
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// createEntry starts a streamed entry with the generator's fixed time.
func createEntry(zw *zip.Writer, name string, method uint16) (io.Writer, error) {
	h := &zip.FileHeader{Name: name, Method: method, Modified: zipTime}
	h.SetMode(0o644)
	return zw.CreateHeader(h)
}

// writeAlexa writes rows[lo:hi] as one Alexa ZIP to w: the voice history
// table (deflated), the rows' WAVs, and with profiles the voice profiles.
// It returns where the first foreign row is.
func (b *bigExport) writeAlexa(w io.Writer, lo, hi int, profiles bool) (bigPlace, error) {
	var place bigPlace
	zw := zip.NewWriter(w)
	h := newCSV(false, false)
	h.Record("Timestamp", "CustomerId", "DeviceSerialNumber", "DeviceType", "DeviceName", "UtteranceId",
		"CustomerTranscript", "AlexaResponse", "PersonId", "PersonFirstName", "AudioFile")
	for _, r := range b.rows[lo:hi] {
		line := h.Record(isoTime(r.At), r.Customer, r.Serial, r.DevType, r.DevName, utteranceIDFor(r.key()),
			r.Said, r.Answer, r.Person, r.PersonName, r.audioRef())
		if r.Serial == serialForeign {
			if place.records == 0 {
				place.line = line
			}
			place.records++
		}
	}
	e, err := createEntry(zw, historyCSV, zip.Deflate)
	if err != nil {
		return place, err
	}
	if _, err := e.Write(h.Bytes()); err != nil {
		return place, err
	}
	for i := lo; i < hi; i++ {
		if err := b.writeWAV(zw, historyDir+b.rows[i].audioRef(), b.wavs[i%len(b.wavs)]); err != nil {
			return place, err
		}
	}
	if profiles {
		vp := newCSV(false, false)
		vp.Record("PersonId", "PersonFirstName", "PersonType", "CustomerId", "EnrolledAt")
		vp.Record(personAnna, "Anna", "ADULT", customerAnna, "2023-05-02T18:31:54.000Z")
		e, err := createEntry(zw, profilesCSV, zip.Deflate)
		if err != nil {
			return place, err
		}
		if _, err := e.Write(vp.Bytes()); err != nil {
			return place, err
		}
	}
	return place, zw.Close()
}

// writeWAV writes one prepared WAV as it is (CreateRaw), with a data
// descriptor as a streaming writer leaves one.
func (b *bigExport) writeWAV(zw *zip.Writer, name string, m bigMember) error {
	h := &zip.FileHeader{Name: name, Method: m.method, Modified: zipTime, Flags: 0x8,
		CRC32: m.crc, CompressedSize64: uint64(len(m.raw)), UncompressedSize64: m.size}
	h.SetMode(0o644)
	w, err := zw.CreateRaw(h)
	if err != nil {
		return err
	}
	_, err = w.Write(m.raw)
	return err
}

// fixture is planted.json of the export: places lists each part's first
// foreign row.
func (b *bigExport) fixture(places []bigPlace) *fixture {
	n := len(b.rows)
	fx := &fixture{Name: "big-" + b.spec.Shape,
		Description: fmt.Sprintf("A large per-category Amazon export (%d recordings, shape %s) for benchmarks; every %dth row comes from an unregistered device.", n, b.spec.Shape, bigForeignEvery),
		Vendor:      "amazon", Verdict: "mismatch", Declared: emptyDeclared(), Claim: amazonClaim(), Recordings: n}
	for _, p := range places {
		fx.Planted = append(fx.Planted, planted{Rule: "unregistered-device", Subject: serialForeign, Part: p.part,
			Path: historyCSV, Line: p.line, Field: "DeviceSerialNumber", Records: p.records})
	}
	if len(fx.Planted) == 0 {
		fx.Verdict = "consistent"
	}
	return fx
}

// writeBigExport writes the big export with espeak-ng's speech.
func writeBigExport(out string, spec bigSpec) error {
	tmp, err := os.MkdirTemp("", "mkexport-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	return writeBig(out, spec, newSynth(tmp))
}
