// Package hostile builds the hostile archives ExportLens must survive: zip
// bombs, lying and damaged directories, dangerous names, deep nesting. They
// are made in code, byte-identical on every run, and never committed.
//
// Entry points: Archives (every archive, name and bytes) and Write (all of
// them into a folder; `go run ./cmd/mkexport -hostile DIR`).
//
// It lives in its own package, not in mkexport's main package, so that the
// tests of cmd/exportlens can build the same archives without `go run`.
package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Archive is one hostile archive.
type Archive struct {
	Name string // file name, e.g. "overlap.zip"
	What string // what is hostile about it, one sentence
	Data []byte
}

// Archives builds every hostile archive, in a fixed order: the ones below,
// then those the other files of this package register, sorted by name. It
// takes about a second: zeros.zip needs the checksum of 1 GiB of zeros.
func Archives() []Archive {
	more := make([]Archive, 0, len(registered))
	for _, r := range registered {
		more = append(more, r())
	}
	sort.Slice(more, func(i, j int) bool { return more[i].Name < more[j].Name })
	return append(coreArchives(), more...)
}

// registered builds the archives of the package's other files (register).
var registered []func() Archive

// register adds an archive builder; called from init functions, so each
// kind of attack keeps its builder and its description in its own file.
func register(build func() Archive) { registered = append(registered, build) }

func coreArchives() []Archive {
	return []Archive{
		{"overlap.zip", "the better zip bomb: 1000 directory records share one 5 MiB deflated member", Overlap()},
		{"zeros.zip", "a deflate bomb: 1 GiB of zeros in about 1 MB named as the voice history table, next to a small normal member", Zeros()},
		{"traversal.zip", `member names ../../etc/passwd, /abs/path and C:\win\x next to a normal member`, Traversal()},
		{"truncated.zip", "an Amazon-like export cut in half: no central directory", Truncated()},
		{"lying.zip", "the central directory declares one table smaller and one larger than its data", Lying()},
		{"nested-deep.zip", "a ZIP in a ZIP, 10 levels deep", NestedDeep()},
		{"duplicate.zip", "two members with the same name and different content", Duplicate()},
	}
}

// Write writes every archive of Archives into dir, creating it.
func Write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("hostile: %w", err)
	}
	for _, a := range Archives() {
		p := filepath.Join(dir, a.Name)
		if err := os.WriteFile(p, a.Data, 0o644); err != nil {
			return fmt.Errorf("hostile: write %s: %w", p, err)
		}
	}
	return nil
}

// modTime is the time of every member, so that a re-run writes the same bytes.
var modTime = time.Date(2024, 3, 1, 10, 15, 0, 0, time.UTC)

// member is one file for zipOf.
type member struct {
	name   string
	data   []byte
	method uint16
}

// zipOf writes the members in the order given (duplicates and hostile names
// allowed: archive/zip's writer does not check names).
func zipOf(members ...member) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, m := range members {
		fw, err := w.CreateHeader(&zip.FileHeader{Name: m.name, Method: m.method, Modified: modTime})
		if err != nil {
			panic(err) // only for invalid headers, which these are not
		}
		fw.Write(m.data)
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// deflateZeros returns a raw deflate stream of n zeros (n a multiple of
// 1 MiB). One MiB is compressed once and its sync-flushed blocks repeated:
// every block only copies zeros from the window, so the repeats decode to
// more zeros, and 1 GiB takes milliseconds instead of seconds.
func deflateZeros(n int64) (stream []byte, crc uint32) {
	const chunk = 1 << 20
	if n%chunk != 0 {
		panic("hostile: deflateZeros wants a multiple of 1 MiB")
	}
	zeros := make([]byte, chunk)
	var block bytes.Buffer
	fw, _ := flate.NewWriter(&block, flate.BestCompression)
	fw.Write(zeros)
	fw.Flush() // ends on a byte boundary: blocks can be concatenated

	var end bytes.Buffer
	fe, _ := flate.NewWriter(&end, flate.BestCompression)
	fe.Close() // an empty final block

	out := make([]byte, 0, int(n/chunk)*block.Len()+end.Len())
	for range n / chunk {
		out = append(out, block.Bytes()...)
		crc = crc32.Update(crc, crc32.IEEETable, zeros)
	}
	return append(out, end.Bytes()...), crc
}

// Overlap is the "better zip bomb" (Fifield 2019) in its simplest form: one
// local file of 5 MiB of deflated zeros and 1000 central-directory records
// that all point at it, declaring about 5 GiB in all from a file of ~60 KB.
// archive/zip accepts it: every record is valid on its own.
func Overlap() []byte {
	const n, size = 1000, 5 << 20
	kernel, crc := deflateZeros(size)
	b := localHeader("0000.bin", zip.Deflate, crc, len(kernel), size)
	b = append(b, kernel...)
	dirAt := len(b)
	for i := range n {
		b = append(b, centralHeader(fmt.Sprintf("%04d.bin", i), zip.Deflate, crc, len(kernel), size, 0)...)
	}
	return append(b, endRecord(n, len(b)-dirAt, dirAt)...)
}

// Zeros is a deflate bomb: 1 GiB of zeros in about 1 MB, next to
// README.txt, a small normal member that must stay readable. The bomb wears
// the name of the voice history table, so the checker does read it: a bomb
// nobody opens is harmless, one that is parsed must be stopped early.
func Zeros() []byte {
	const size = 1 << 30
	stream, crc := deflateZeros(size)
	tm, dt := dosTime() // CreateRaw takes the time only in this form
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	fw, err := w.CreateRaw(&zip.FileHeader{
		//lint:ignore SA1019 CreateRaw writes the MS-DOS fields as given
		Name: voiceHistoryPath, Method: zip.Deflate, ModifiedTime: tm, ModifiedDate: dt, CRC32: crc,
		CompressedSize64: uint64(len(stream)), UncompressedSize64: size,
	})
	if err != nil {
		panic(err)
	}
	fw.Write(stream)
	fw, _ = w.CreateHeader(&zip.FileHeader{Name: "README.txt", Method: zip.Store, Modified: modTime})
	fw.Write([]byte(readmeText))
	if err := w.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Traversal holds names that would escape the folder a naive tool unpacks
// into: climbing out with "..", absolute, and a Windows drive.
func Traversal() []byte {
	return zipOf(
		member{"../../etc/passwd", []byte("root:x:0:0:synthetic:/root:/bin/sh\n"), zip.Deflate},
		member{"/abs/path", []byte("an absolute member name\n"), zip.Store},
		member{`C:\win\x`, []byte("a Windows drive in a member name\n"), zip.Store},
		member{"README.txt", []byte("A normal member.\n"), zip.Store},
	)
}

// Synthetic Amazon-like tables (the IDs of the fixtures; all invented).
const (
	voiceHistoryPath  = "Alexa.VoiceHistory/datasets/Alexa.VoiceHistory/Alexa.VoiceHistory.csv"
	voiceProfilesPath = "Alexa.VoiceProfiles/datasets/Alexa.VoiceProfiles/Alexa.VoiceProfiles.csv"
	readmeText        = "This archive contains the data associated with your Alexa account.\n"
)

func voiceHistory(wavs []string) []byte {
	var b strings.Builder
	b.WriteString("Timestamp,CustomerId,DeviceSerialNumber,DeviceType,DeviceName,UtteranceId,CustomerTranscript,AlexaResponse,PersonId,PersonFirstName,AudioFile\n")
	for i, w := range wavs {
		fmt.Fprintf(&b, "2023-09-16T07:%02d:03.277Z,A1B2C3D4E5F6G7,G070RQ0000000001,A3S5BH2HU6VAYF,Küche,UTT-%04d,\"Alexa, what time is it?\",It is %d past seven.,amzn1.actor.person.oid.A1ANNAPROFILE1,Anna,%s\n", i, i, i, w)
	}
	return []byte(b.String())
}

func voiceProfiles() []byte {
	return []byte("PersonId,PersonFirstName,PersonType,CustomerId,EnrolledAt\n" +
		"amzn1.actor.person.oid.A1ANNAPROFILE1,Anna,ADULT,A1B2C3D4E5F6G7,2023-05-02T18:31:54.000Z\n")
}

// wav is a short, valid 8 kHz mono PCM file of deterministic noise.
func wav(seed uint32, samples int) []byte {
	b := make([]byte, 44, 44+2*samples)
	copy(b, "RIFF")
	binary.LittleEndian.PutUint32(b[4:], uint32(36+2*samples))
	copy(b[8:], "WAVEfmt ")
	binary.LittleEndian.PutUint32(b[16:], 16)
	binary.LittleEndian.PutUint16(b[20:], 1) // PCM
	binary.LittleEndian.PutUint16(b[22:], 1) // mono
	binary.LittleEndian.PutUint32(b[24:], 8000)
	binary.LittleEndian.PutUint32(b[28:], 16000)
	binary.LittleEndian.PutUint16(b[32:], 2)
	binary.LittleEndian.PutUint16(b[34:], 16)
	copy(b[36:], "data")
	binary.LittleEndian.PutUint32(b[40:], uint32(2*samples))
	x := seed
	for range samples {
		x = x*1664525 + 1013904223
		b = binary.LittleEndian.AppendUint16(b, uint16(x>>16)>>4) // quiet noise
	}
	return b
}

// amazonLike is a small Alexa.zip: two tables, four recordings, a README.
func amazonLike() []byte {
	var wavs []string
	var ms []member
	for i := range 4 {
		name := fmt.Sprintf("media/%04d.wav", i)
		wavs = append(wavs, name)
		ms = append(ms, member{"Alexa.VoiceHistory/" + name, wav(uint32(i+1), 8000), zip.Store})
	}
	return zipOf(append([]member{
		{voiceHistoryPath, voiceHistory(wavs), zip.Deflate},
		{voiceProfilesPath, voiceProfiles(), zip.Deflate},
		{"README.txt", []byte(readmeText), zip.Store},
	}, ms...)...)
}

// Truncated is the Amazon-like export cut in half, as an interrupted
// download leaves it: the central directory at the end is gone.
func Truncated() []byte {
	z := amazonLike()
	return z[:len(z)/2]
}

// Lying declares, in the central directory only, the voice history smaller
// than its data and the voice profiles larger; README.txt is honest. The
// tables are ones the checker reads, so the lie is met while reading.
func Lying() []byte {
	history, profiles := voiceHistory([]string{"media/0000.wav", "media/0001.wav"}), voiceProfiles()
	z := zipOf(
		member{voiceHistoryPath, history, zip.Deflate},
		member{voiceProfilesPath, profiles, zip.Deflate},
		member{"README.txt", []byte(readmeText), zip.Store},
	)
	setDeclaredSize(z, voiceHistoryPath, uint32(len(history)/2))
	setDeclaredSize(z, voiceProfilesPath, uint32(len(profiles)+1000))
	return z
}

// NestedDeep is nested-deep.zip > level01.zip > … > level10.zip > leaf.txt:
// ten archives below the input, all stored as real exports store ZIPs.
func NestedDeep() []byte {
	z := zipOf(member{"leaf.txt", []byte("the bottom\n"), zip.Store})
	for i := 10; i >= 1; i-- {
		z = zipOf(member{fmt.Sprintf("level%02d.zip", i), z, zip.Store})
	}
	return z
}

// Duplicate holds the voice profiles table twice under the same name: the
// first is the account's own, the second names a stranger. A tool that
// serves the first of duplicates (as archive/zip's Open does) hides it.
func Duplicate() []byte {
	stranger := "PersonId,PersonFirstName,PersonType,CustomerId,EnrolledAt\n" +
		"amzn1.actor.person.oid.A9STRANGERPRF9,Fremd,ADULT,A9Z8Y7X6W5V4U3,2023-06-01T09:00:00.000Z\n"
	return zipOf(
		member{voiceProfilesPath, voiceProfiles(), zip.Deflate},
		member{voiceProfilesPath, []byte(stranger), zip.Deflate},
		member{"README.txt", []byte(readmeText), zip.Store},
	)
}

// Raw ZIP records, for what archive/zip's writer refuses to write.

// dosTime is modTime in MS-DOS form (time, date).
func dosTime() (uint16, uint16) {
	t := modTime
	return uint16(t.Hour()<<11 | t.Minute()<<5 | t.Second()/2),
		uint16((t.Year()-1980)<<9 | int(t.Month())<<5 | t.Day())
}

func localHeader(name string, method uint16, crc uint32, comp, size int) []byte {
	tm, dt := dosTime()
	b := make([]byte, 30, 30+len(name))
	binary.LittleEndian.PutUint32(b[0:], 0x04034b50)
	binary.LittleEndian.PutUint16(b[4:], 20)
	binary.LittleEndian.PutUint16(b[8:], method)
	binary.LittleEndian.PutUint16(b[10:], tm)
	binary.LittleEndian.PutUint16(b[12:], dt)
	binary.LittleEndian.PutUint32(b[14:], crc)
	binary.LittleEndian.PutUint32(b[18:], uint32(comp))
	binary.LittleEndian.PutUint32(b[22:], uint32(size))
	binary.LittleEndian.PutUint16(b[26:], uint16(len(name)))
	return append(b, name...)
}

func centralHeader(name string, method uint16, crc uint32, comp, size, offset int) []byte {
	tm, dt := dosTime()
	b := make([]byte, 46, 46+len(name))
	binary.LittleEndian.PutUint32(b[0:], 0x02014b50)
	binary.LittleEndian.PutUint16(b[4:], 20)
	binary.LittleEndian.PutUint16(b[6:], 20)
	binary.LittleEndian.PutUint16(b[10:], method)
	binary.LittleEndian.PutUint16(b[12:], tm)
	binary.LittleEndian.PutUint16(b[14:], dt)
	binary.LittleEndian.PutUint32(b[16:], crc)
	binary.LittleEndian.PutUint32(b[20:], uint32(comp))
	binary.LittleEndian.PutUint32(b[24:], uint32(size))
	binary.LittleEndian.PutUint16(b[28:], uint16(len(name)))
	binary.LittleEndian.PutUint32(b[42:], uint32(offset))
	return append(b, name...)
}

func endRecord(records, dirSize, dirOffset int) []byte {
	b := make([]byte, 22)
	binary.LittleEndian.PutUint32(b[0:], 0x06054b50)
	binary.LittleEndian.PutUint16(b[8:], uint16(records))
	binary.LittleEndian.PutUint16(b[10:], uint16(records))
	binary.LittleEndian.PutUint32(b[12:], uint32(dirSize))
	binary.LittleEndian.PutUint32(b[16:], uint32(dirOffset))
	return b
}

// setDeclaredSize overwrites the uncompressed size in name's central
// directory record; the local header and the data keep the truth.
func setDeclaredSize(z []byte, name string, size uint32) {
	for i := len(z) - 46; i >= 0; i-- {
		if binary.LittleEndian.Uint32(z[i:]) != 0x02014b50 {
			continue
		}
		n := int(binary.LittleEndian.Uint16(z[i+28:]))
		if i+46+n <= len(z) && string(z[i+46:i+46+n]) == name {
			binary.LittleEndian.PutUint32(z[i+24:], size)
			return
		}
	}
	panic("hostile: no central record for " + name)
}
