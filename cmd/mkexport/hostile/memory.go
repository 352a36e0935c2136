package hostile

// Inputs that attack memory rather than the archive structure: members that
// inflate to gigabytes of rows, a record of 200 MB, JSON nested 100,000 deep,
// a million real rows, and 42.zip-style nesting. Each is built from a few
// compressed blocks repeated, so it takes milliseconds and little memory here.

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"strings"
)

// Members the checker reads, named as the vendors name them.
const (
	activityJSONPath = "Takeout/My Activity/Assistant/MyActivity.json"
	historyHeader    = "Timestamp,CustomerId,DeviceSerialNumber,DeviceType,DeviceName,UtteranceId,CustomerTranscript,AlexaResponse,PersonId,PersonFirstName,AudioFile\n"
	historyRow       = "2023-09-16T07:00:03.277Z,A1B2C3D4E5F6G7,G070RQ0000000001,A3S5BH2HU6VAYF,Küche,UTT-0000,\"Alexa, what time is it?\",It is seven.,amzn1.actor.person.oid.A1ANNAPROFILE1,Anna,\n"
	activityItem     = `{"header":"Assistant","title":"Said what time is it","time":"2024-03-01T10:15:00.000Z","products":["Assistant"]},`
)

func init() {
	register(func() Archive {
		return Archive{"high-ratio.zip", "a 2 GiB voice history table and a 2 GiB activity JSON of repeated records in a few MB, beside a normal voice profiles table", HighRatio()}
	})
	register(func() Archive {
		return Archive{"rows-4gib.zip", "a voice history table declaring 4 GiB of real-looking rows (about 36 million) in about 4 MB, beside a normal voice profiles table", Rows4GiB()}
	})
	register(func() Archive {
		return Archive{"rows-1m.zip", "a voice history table of 1,000,000 distinct rows, beside a normal voice profiles table", MillionRows()}
	})
	register(func() Archive {
		return Archive{"long-record.zip", "a 200 MiB voice history record (one quoted cell over many lines) and a 200 MiB single-line activity title, beside a normal voice profiles table", LongRecord()}
	})
	register(func() Archive {
		return Archive{"deep-json.zip", "an activity JSON nested 100,000 arrays deep, beside a normal voice profiles table", DeepJSON()}
	})
	register(func() Archive {
		return Archive{"42.zip", "42.zip-style nesting: 16 compressed ZIPs in 16 in 16 in 16, each leaf ZIP holding 16 members of 256 MiB of zeros (256 TiB declared)", FortyTwo()}
	})
}

// seg is a piece of a member's content repeated times times.
type seg struct {
	data  []byte
	times int
}

// deflated is one member's compressed data with what its header declares.
type deflated struct {
	data []byte
	crc  uint32
	size uint64
}

// deflateSegs compresses each segment once with a fresh writer, flushed to
// a byte boundary, and repeats the compressed blocks: a block that refers
// only to its own output decodes the same wherever it stands, so 4 GiB cost
// one compression of a megabyte and the checksum over the repeats.
func deflateSegs(segs ...seg) deflated {
	var d deflated
	var out bytes.Buffer
	for _, s := range segs {
		var block bytes.Buffer
		fw, _ := flate.NewWriter(&block, flate.BestCompression)
		fw.Write(s.data)
		fw.Flush()
		for range s.times {
			out.Write(block.Bytes())
			d.crc = crc32.Update(d.crc, crc32.IEEETable, s.data)
		}
		d.size += uint64(len(s.data)) * uint64(s.times)
	}
	fe, _ := flate.NewWriter(&out, flate.BestCompression)
	fe.Close() // an empty final block
	d.data = out.Bytes()
	return d
}

// repeatTo repeats unit as often as fits in about n bytes (at least once).
func repeatTo(unit string, n int) []byte {
	return []byte(strings.Repeat(unit, max(n/len(unit), 1)))
}

// rawMember is a member whose data is already deflated.
type rawMember struct {
	name string
	d    deflated
}

// rawZip writes members with precompressed data; archive/zip's writer adds
// the ZIP64 records that sizes over 4 GiB need.
func rawZip(ms ...rawMember) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, m := range ms {
		fw, err := w.CreateRaw(&zip.FileHeader{Name: m.name, Method: zip.Deflate, Modified: modTime,
			CRC32: m.d.crc, CompressedSize64: uint64(len(m.d.data)), UncompressedSize64: m.d.size})
		if err != nil {
			panic(err)
		}
		fw.Write(m.d.data)
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// deflate compresses small content once (for rawZip).
func deflate(b []byte) deflated {
	return deflateSegs(seg{b, 1})
}

// historyOf is a voice history table of about n bytes of repeated rows.
func historyOf(n int64) deflated {
	chunk := repeatTo(historyRow, 1<<20)
	return deflateSegs(seg{[]byte(historyHeader), 1}, seg{chunk, int(n / int64(len(chunk)))})
}

// HighRatio holds a voice history table and an activity JSON of about
// 2 GiB each, in a few MB: each must stop at the memory budget, not at
// the browser's out-of-memory.
func HighRatio() []byte {
	items := repeatTo(activityItem, 1<<20)
	last := strings.TrimSuffix(activityItem, ",") + "]"
	return rawZip(
		rawMember{voiceHistoryPath, historyOf(2 << 30)},
		rawMember{activityJSONPath, deflateSegs(seg{[]byte("["), 1}, seg{items, int((2 << 30) / len(items))}, seg{[]byte(last), 1})},
		rawMember{voiceProfilesPath, deflate(voiceProfiles())},
		rawMember{"README.txt", deflate([]byte(readmeText))},
	)
}

// Rows4GiB declares 4 GiB of voice history rows; at 3.6 KiB of memory per
// kept row it cost 10 GB before rows were bounded by bytes.
func Rows4GiB() []byte {
	return rawZip(
		rawMember{voiceHistoryPath, historyOf(4 << 30)},
		rawMember{voiceProfilesPath, deflate(voiceProfiles())},
	)
}

// MillionRows is an honest-looking table that is simply big: 1,000,000
// rows with distinct IDs and times.
func MillionRows() []byte {
	var b bytes.Buffer
	b.Grow(80 << 20)
	b.WriteString(historyHeader)
	for i := range 1_000_000 {
		fmt.Fprintf(&b, "2023-09-16T%02d:%02d:%02d.277Z,A1B2C3D4E5F6G7,G070RQ0000000001,A3S5BH2HU6VAYF,Küche,UTT-%07d,what time is it,seven,,,\n",
			i/3600%24, i/60%60, i%60, i)
	}
	var z bytes.Buffer
	w := zip.NewWriter(&z)
	w.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return flate.NewWriter(out, flate.BestSpeed) })
	for _, m := range []member{{voiceHistoryPath, b.Bytes(), zip.Deflate}, {voiceProfilesPath, voiceProfiles(), zip.Deflate}} {
		fw, _ := w.CreateHeader(&zip.FileHeader{Name: m.name, Method: m.method, Modified: modTime})
		fw.Write(m.data)
	}
	w.Close()
	return z.Bytes()
}

// LongRecord holds a CSV record of 200 MiB whose lines are short (a quoted
// cell spanning many lines: a limit on physical lines misses it) and an
// activity JSON whose one title is a 200 MiB line.
func LongRecord() []byte {
	const n = 200 << 20
	cell := repeatTo("a\n", 1<<20)
	text := repeatTo("a", 1<<20)
	head := `[{"header":"Assistant","time":"2024-03-01T10:15:00.000Z","title":"Said `
	return rawZip(
		rawMember{voiceHistoryPath, deflateSegs(seg{[]byte(historyHeader + `2023-09-16T07:00:03.277Z,A1B2C3D4E5F6G7,G070RQ0000000001,A3S5BH2HU6VAYF,Küche,UTT-0001,"`), 1},
			seg{cell, n / len(cell)}, seg{[]byte("\",,,,,\n"), 1})},
		rawMember{activityJSONPath, deflateSegs(seg{[]byte(head), 1}, seg{text, n / len(text)}, seg{[]byte(`"}]`), 1})},
		rawMember{voiceProfilesPath, deflate(voiceProfiles())},
	)
}

// DeepJSON is an activity list whose one element is nested 100,000 deep.
func DeepJSON() []byte {
	const depth = 100_000
	return rawZip(
		rawMember{activityJSONPath, deflateSegs(seg{[]byte("["), depth + 1}, seg{[]byte("]"), depth + 1})},
		rawMember{voiceProfilesPath, deflate(voiceProfiles())},
	)
}

// FortyTwo is built like 42.zip: four levels of 16 compressed ZIPs below
// the input, the last holding 16 members of 256 MiB of zeros each: 16^5
// members, 256 TiB declared. Every level is one member compressed once and
// written 16 times; each compresses to less than deflate's 32 KiB window,
// so the next level compresses its 16 copies again.
func FortyTwo() []byte {
	zeros := deflateSegs(seg{make([]byte, 1<<20), 256})
	var ms []rawMember
	for i := range 16 {
		ms = append(ms, rawMember{fmt.Sprintf("%x.dat", i), zeros})
	}
	level := rawZip(ms...)
	for _, name := range []string{"page", "chapter", "book", "lib"} {
		child := deflate(level)
		ms = ms[:0]
		for i := range 16 {
			ms = append(ms, rawMember{fmt.Sprintf("%s %x.zip", name, i), child})
		}
		level = rawZip(ms...)
	}
	return level
}
