package archive

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"math/bits"

	"github.com/ulikunitz/xz/lzma"
)

// The 7z decoder (github.com/bodgit/sevenzip) sizes its slices by the
// counts a header declares (files, folders, streams: up to 2^32 each) and
// its dictionaries by the coders' properties (up to 4 GiB), before it
// reads what they count. In the browser an out-of-memory is fatal, so the
// header is walked here first, with every count and size bounded by the
// limits, and only a header that passes is handed to the decoder. The
// walk follows the 7z format's header layout (7-Zip's 7zFormat.txt).

// 7z property IDs.
const (
	k7End = iota
	k7Header
	k7ArchiveProperties
	k7AdditionalStreamsInfo
	k7MainStreamsInfo
	k7FilesInfo
	k7PackInfo
	k7UnpackInfo
	k7SubStreamsInfo
	k7Size
	k7CRC
	k7Folder
	k7CodersUnpackSize
	k7NumUnpackStream
)

const k7EncodedHeader = 0x17

// sevenStartLen is the signature header: magic, version, CRC, then where
// the header lies (offset after these 32 bytes, size, CRC).
const sevenStartLen = 32

// maxSevenCoders bounds the coders of one folder and their streams: 7-Zip
// writes at most four (BCJ2 and its three LZMA inputs).
const maxSevenCoders = 16

// sevenHeader is what the walk learned.
type sevenHeader struct {
	files     uint64
	folders   []sevenFolder
	encrypted bool   // some folder is AES-encrypted
	method    string // the first method this package does not decode, "" if none
}

// sevenFolder is one solid block: its coders and what decoding it holds.
type sevenFolder struct {
	mem       int64  // bytes its decoders allocate (dictionaries, models)
	size      uint64 // unpacked size
	encrypted bool
	crcKnown  bool
	crc       uint32
	coders    []sevenCoder
	packed    int // packed streams it reads
}

type sevenCoder struct {
	id    string
	props []byte
	in    uint64
	out   uint64
}

// sevenWalk reads a header byte by byte; the first error sticks.
type sevenWalk struct {
	b        []byte
	err      error
	maxCount uint64 // bound for every count (files, folders, streams)
	// Pack info of the last streams info, for an encoded header.
	packPos   uint64
	packSizes []uint64
}

func (w *sevenWalk) fail(format string, a ...any) {
	if w.err == nil {
		w.err = truncated("7z header: "+format, a...)
	}
}

func (w *sevenWalk) byte() byte {
	if len(w.b) == 0 {
		w.fail("it ends early")
		return 0
	}
	c := w.b[0]
	w.b = w.b[1:]
	return c
}

func (w *sevenWalk) bytes(n uint64) []byte {
	if n > uint64(len(w.b)) {
		w.fail("a field runs past its end")
		w.b = nil
		return nil
	}
	p := w.b[:n]
	w.b = w.b[n:]
	return p
}

// number reads a 7z NUMBER: the leading one bits of the first byte count
// the bytes that follow (little-endian); the rest of it are the high bits.
func (w *sevenWalk) number() uint64 {
	first := w.byte()
	var v uint64
	mask := byte(0x80)
	for i := range 8 {
		if first&mask == 0 {
			return v | uint64(first&(mask-1))<<(8*i)
		}
		v |= uint64(w.byte()) << (8 * i)
		mask >>= 1
	}
	return v
}

// count reads a count and checks it against max.
func (w *sevenWalk) count(what string, max uint64) uint64 {
	n := w.number()
	if w.err == nil && n > max {
		w.err = fmt.Errorf("%w: the 7z header declares %d %s, more than the %d the limits allow", ErrTooManyEntries, n, what, max)
		return 0
	}
	return n
}

func (w *sevenWalk) expect(id byte) {
	if got := w.byte(); w.err == nil && got != id {
		w.fail("property %#x where %#x belongs", got, id)
	}
}

// digests skips a digest list of n items; it returns which are defined.
func (w *sevenWalk) digests(n uint64) (defined func(i uint64) bool, crcs []byte) {
	all := w.byte()
	var vec []byte
	k := n
	if all == 0 {
		vec = w.bytes((n + 7) / 8)
		k = 0
		for _, c := range vec {
			k += uint64(bits.OnesCount8(c))
		}
	}
	crcs = w.bytes(4 * k)
	return func(i uint64) bool { return all != 0 || vec != nil && vec[i/8]&(0x80>>(i%8)) != 0 }, crcs
}

// walkSevenHeader walks a plain header (after its kHeader byte was read).
func (w *sevenWalk) header(h *sevenHeader) {
	id := w.byte()
	if id == k7ArchiveProperties {
		for w.err == nil {
			if w.byte() == 0 {
				break
			}
			w.bytes(w.number())
		}
		id = w.byte()
	}
	if id == k7AdditionalStreamsInfo {
		w.streams(&sevenHeader{})
		id = w.byte()
	}
	if id == k7MainStreamsInfo {
		w.streams(h)
		id = w.byte()
	}
	if id == k7FilesInfo {
		h.files = w.count("files", w.maxCount)
		for w.err == nil {
			if w.byte() == 0 {
				break
			}
			w.bytes(w.number()) // each property says its size; the decoder bounds its arrays by files
		}
		id = w.byte()
	}
	if w.err == nil && id != k7End {
		w.fail("property %#x where the end belongs", id)
	}
}

// streams walks a StreamsInfo: pack info, folders, substreams.
func (w *sevenWalk) streams(h *sevenHeader) {
	id := w.byte()
	if id == k7PackInfo {
		w.packPos = w.number()
		n := w.count("packed streams", 4*w.maxCount)
		id = w.byte()
		w.packSizes = w.packSizes[:0]
		if id == k7Size {
			for range n {
				if w.err != nil {
					return
				}
				w.packSizes = append(w.packSizes, w.number())
			}
			id = w.byte()
		}
		if id == k7CRC {
			w.digests(n)
			id = w.byte()
		}
		if w.err == nil && id != k7End {
			w.fail("pack info: property %#x", id)
		}
		id = w.byte()
	}
	if id == k7UnpackInfo {
		w.folders(h)
		id = w.byte()
	}
	if id == k7SubStreamsInfo {
		w.substreams(h)
		id = w.byte()
	}
	if w.err == nil && id != k7End {
		w.fail("streams info: property %#x", id)
	}
}

func (w *sevenWalk) folders(h *sevenHeader) {
	w.expect(k7Folder)
	n := w.count("folders", w.maxCount)
	if w.byte() != 0 && w.err == nil {
		w.err = fmt.Errorf("%w: a 7z header kept outside the header", ErrUnsupported)
	}
	h.folders = make([]sevenFolder, 0, min(n, 1024))
	for range n {
		if w.err != nil {
			return
		}
		h.folders = append(h.folders, w.folder())
	}
	w.expect(k7CodersUnpackSize)
	for i := range h.folders {
		f := &h.folders[i]
		var outs uint64
		for _, c := range f.coders {
			outs += c.out
		}
		for range outs {
			f.size = max(f.size, w.number()) // the unbound output is the largest in practice; it bounds the rest
		}
	}
	id := w.byte()
	if id == k7CRC {
		defined, crcs := w.digests(uint64(len(h.folders)))
		k := 0
		for i := range h.folders {
			if w.err == nil && defined(uint64(i)) {
				h.folders[i].crcKnown, h.folders[i].crc = true, binary.LittleEndian.Uint32(crcs[4*k:])
				k++
			}
		}
		id = w.byte()
	}
	if w.err == nil && id != k7End {
		w.fail("unpack info: property %#x", id)
	}
	for i := range h.folders {
		h.folders[i].estimate()
		h.encrypted = h.encrypted || h.folders[i].encrypted
		if h.method == "" {
			h.method = h.folders[i].unsupported()
		}
	}
}

func (w *sevenWalk) folder() sevenFolder {
	var f sevenFolder
	n := w.number()
	if n == 0 || n > maxSevenCoders {
		w.fail("a folder of %d coders", n)
		return f
	}
	var ins, outs uint64
	for range n {
		flags := w.byte()
		if flags&0x80 != 0 {
			w.fail("alternative coder methods")
			return f
		}
		c := sevenCoder{id: string(w.bytes(uint64(flags & 0x0f))), in: 1, out: 1}
		if flags&0x10 != 0 {
			c.in, c.out = w.number(), w.number()
			if c.in > maxSevenCoders || c.out > maxSevenCoders {
				w.fail("a coder of %d inputs and %d outputs", c.in, c.out)
				return f
			}
		}
		if flags&0x20 != 0 {
			c.props = w.bytes(w.number())
		}
		ins, outs = ins+c.in, outs+c.out
		f.coders = append(f.coders, c)
	}
	if outs == 0 || ins+1 < outs {
		w.fail("a folder of %d inputs and %d outputs", ins, outs)
		return f
	}
	for range outs - 1 { // bind pairs
		if in, out := w.number(), w.number(); w.err == nil && (in >= ins || out >= outs) {
			w.fail("a bind pair out of range")
		}
	}
	f.packed = int(ins - (outs - 1))
	if f.packed > 1 {
		for range f.packed {
			if w.number() >= ins && w.err == nil {
				w.fail("a packed stream out of range")
			}
		}
	}
	return f
}

func (w *sevenWalk) substreams(h *sevenHeader) {
	per := make([]uint64, len(h.folders))
	for i := range per {
		per[i] = 1
	}
	id := w.byte()
	if id == k7NumUnpackStream {
		var total uint64
		for i := range per {
			per[i] = w.number()
			if total += per[i]; w.err == nil && (per[i] > w.maxCount || total > w.maxCount) {
				w.err = fmt.Errorf("%w: the 7z header declares more than %d streams", ErrTooManyEntries, w.maxCount)
				return
			}
		}
		id = w.byte()
	}
	if id == k7Size {
		for i, n := range per {
			var sum uint64
			for range max(n, 1) - 1 {
				sum += w.number()
			}
			if w.err == nil && n > 0 && sum > h.folders[i].size {
				w.fail("folder %d: its files are larger than the folder", i)
			}
		}
		id = w.byte()
	}
	var unknown uint64
	for i, n := range per {
		if n != 1 || !h.folders[i].crcKnown {
			unknown += n
		}
	}
	for id == k7CRC {
		w.digests(unknown)
		id = w.byte()
	}
	if w.err == nil && id != k7End {
		w.fail("substreams info: property %#x", id)
	}
}

// 7z method IDs that matter here.
const (
	sevenCopy  = "\x00"
	sevenLZMA  = "\x03\x01\x01"
	sevenLZMA2 = "\x21"
	sevenPPMd  = "\x03\x04\x01"
	sevenBzip2 = "\x04\x02\x02"
	sevenAES   = "\x06\xf1\x07\x01"
)

// sevenMethods are the methods decoded here and their names; the memory
// of the dictionary coders is estimated from their properties.
var sevenMethods = map[string]string{
	sevenCopy: "Copy", "\x03": "Delta", sevenLZMA: "LZMA", sevenLZMA2: "LZMA2", sevenPPMd: "PPMd",
	"\x03\x03\x01\x03": "BCJ", "\x03\x03\x01\x1b": "BCJ2", "\x03\x03\x02\x05": "PPC",
	"\x03\x03\x05\x01": "ARM", "\x03\x03\x08\x05": "SPARC", "\x0a": "ARM64",
	"\x04\x01\x08": "Deflate", sevenBzip2: "bzip2", sevenAES: "AES",
}

// estimate sets f.mem: what its decoders allocate. LZMA's dictionary is
// never larger than the output (the decoder caps it); LZMA2's is
// allocated whole; PPMd allocates the model size its properties name.
func (f *sevenFolder) estimate() {
	f.mem = 64 << 10 // buffers of every coder's streams
	for _, c := range f.coders {
		switch c.id {
		case sevenLZMA:
			if len(c.props) >= 5 {
				f.mem += min(int64(binary.LittleEndian.Uint32(c.props[1:])), int64(min(f.size, 1<<40)))
			}
		case sevenLZMA2:
			if len(c.props) >= 1 && c.props[0] <= 40 {
				p := c.props[0]
				f.mem += int64(2|p&1) << (p/2 + 11)
			} else {
				f.mem += 1 << 40 // invalid: refused as too large
			}
		case sevenPPMd:
			if len(c.props) >= 5 {
				f.mem += int64(binary.LittleEndian.Uint32(c.props[1:]))
			}
		case sevenBzip2:
			f.mem += 8 << 20
		case sevenAES:
			f.encrypted = true
		}
	}
}

// unsupported names the first method of f not decoded here, or "".
func (f *sevenFolder) unsupported() string {
	for _, c := range f.coders {
		if _, ok := sevenMethods[c.id]; !ok {
			return fmt.Sprintf("method %x", c.id)
		}
	}
	return ""
}

// readSevenHeader reads and walks the header of the 7z archive in r. An
// encoded (LZMA-compressed) header is decoded here, within maxHeader
// bytes, to be walked; the decoder later decodes it again.
func readSevenHeader(r io.ReaderAt, size int64, maxHeader int64, maxCount uint64) (*sevenHeader, error) {
	var start [sevenStartLen]byte
	if _, err := r.ReadAt(start[:], 0); err != nil {
		return nil, truncated("7z signature header: %w", err)
	}
	if crc32.ChecksumIEEE(start[12:32]) != binary.LittleEndian.Uint32(start[8:]) {
		return nil, truncated("7z signature header: checksum mismatch")
	}
	off, n := binary.LittleEndian.Uint64(start[12:]), binary.LittleEndian.Uint64(start[20:])
	if off > uint64(size) || n > uint64(size)-sevenStartLen || off > uint64(size)-sevenStartLen-n {
		return nil, truncated("the 7z header lies outside the file (%d bytes at %d)", n, off)
	}
	if int64(n) > maxHeader {
		return nil, fmt.Errorf("%w: the 7z header takes %d bytes; the memory left for one export's listing holds %d", ErrEntryMemory, n, maxHeader)
	}
	raw := make([]byte, n) // bounded by maxHeader above
	if _, err := r.ReadAt(raw, sevenStartLen+int64(off)); err != nil {
		return nil, truncated("7z header: %w", err)
	}
	if crc32.ChecksumIEEE(raw) != binary.LittleEndian.Uint32(start[28:]) {
		return nil, truncated("7z header: checksum mismatch")
	}
	h := &sevenHeader{}
	w := &sevenWalk{b: raw, maxCount: maxCount}
	switch w.byte() {
	case k7Header:
		w.header(h)
		return h, w.err
	case k7EncodedHeader:
	default:
		w.fail("no header")
		return nil, w.err
	}
	var enc sevenHeader
	w.streams(&enc)
	if w.err != nil {
		return nil, w.err
	}
	if enc.encrypted {
		return &sevenHeader{encrypted: true}, fmt.Errorf("%w: the archive is password-protected (its list of files too)", ErrEncrypted)
	}
	if len(enc.folders) != 1 || len(enc.folders[0].coders) != 1 || enc.folders[0].coders[0].id != sevenLZMA || len(w.packSizes) != 1 {
		return nil, fmt.Errorf("%w: a 7z header compressed other than with LZMA", ErrUnsupported)
	}
	f := enc.folders[0]
	if f.size > uint64(maxHeader) {
		return nil, fmt.Errorf("%w: the 7z header unpacks to %d bytes; the memory left for one export's listing holds %d", ErrEntryMemory, f.size, maxHeader)
	}
	at, packed := w.packPos, w.packSizes[0]
	if at > uint64(size) || packed > uint64(size)-sevenStartLen || at > uint64(size)-sevenStartLen-packed {
		return nil, truncated("the 7z header's packed stream lies outside the file")
	}
	plain, err := unLZMA(f.coders[0].props, f.size, io.NewSectionReader(r, sevenStartLen+int64(at), int64(packed)))
	if err != nil {
		return nil, err
	}
	if f.crcKnown && crc32.ChecksumIEEE(plain) != f.crc {
		return nil, truncated("7z header: checksum mismatch")
	}
	w = &sevenWalk{b: plain, maxCount: maxCount}
	w.expect(k7Header)
	w.header(h)
	return h, w.err
}

// unLZMA decodes an LZMA stream of n bytes (n bounded by the caller).
func unLZMA(props []byte, n uint64, packed io.Reader) ([]byte, error) {
	if len(props) != 5 {
		return nil, truncated("7z header: LZMA properties of %d bytes", len(props))
	}
	var hdr [13]byte
	copy(hdr[:], props)
	binary.LittleEndian.PutUint64(hdr[5:], n)
	lr, err := lzma.ReaderConfig{DictCap: lzma.MaxDictCap}.NewReader(io.MultiReader(bytes.NewReader(hdr[:]), packed))
	if err != nil {
		return nil, truncated("7z header: %w", err)
	}
	plain := make([]byte, n) // bounded by maxHeader; the dictionary is capped at n by the decoder
	if _, err := io.ReadFull(lr, plain); err != nil {
		return nil, truncated("7z header: %w", err)
	}
	return plain, nil
}
