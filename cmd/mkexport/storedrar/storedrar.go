// Package storedrar writes RAR archives whose members are stored
// (uncompressed), in the RAR 5 and the RAR 1.5–4 formats, for the test
// fixtures: the rar tool that compresses is not free software and not
// installed here, and stored members are enough to test how archives are
// listed, read and nested. The layouts follow RARLAB's technote for
// RAR 5 and the RAR 2.9–4 header layout.
//
// Entry points: RAR5, RAR4.
package storedrar

import (
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"time"
)

// File is one member.
type File struct {
	Name     string // slash-separated; RAR4 takes ASCII names only
	Data     []byte
	Modified time.Time
	// Solid marks the member solid (RAR 5): its decoding continues the
	// previous member's, so a reader must read the archive from its start
	// to reach it. Stored data does not depend on it; readers follow it.
	Solid bool
}

// Header types and flags of RAR 5.
const (
	r5Main     = 1
	r5File     = 2
	r5End      = 5
	r5HasData  = 0x0002
	r5FileTime = 0x0002 // file flags: modification time (Unix, 32 bits)
	r5FileCRC  = 0x0004 // file flags: CRC32 of the data
	r5HostUnix = 1
)

// RAR5 writes files as a RAR 5 archive of stored members.
func RAR5(files []File) []byte {
	out := []byte("Rar!\x1a\x07\x01\x00")
	out = r5Header(out, r5Main, 0, nil, vint(nil, 0)) // archive flags: none
	for _, f := range files {
		var b []byte
		fileFlags := uint64(r5FileCRC)
		if !f.Modified.IsZero() {
			fileFlags |= r5FileTime
		}
		b = vint(b, fileFlags)
		b = vint(b, uint64(len(f.Data))) // unpacked size
		b = vint(b, 0o644)               // attributes (Unix mode)
		if !f.Modified.IsZero() {
			b = binary.LittleEndian.AppendUint32(b, uint32(f.Modified.Unix()))
		}
		b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(f.Data))
		var comp uint64 // version 0, method 0 (store), smallest dictionary
		if f.Solid {
			comp |= 0x40
		}
		b = vint(b, comp)
		b = vint(b, r5HostUnix)
		b = vint(b, uint64(len(f.Name)))
		b = append(b, f.Name...)
		out = r5Header(out, r5File, r5HasData, f.Data, b)
		out = append(out, f.Data...)
	}
	return r5Header(out, r5End, 0, nil, vint(nil, 0)) // end flags: last volume
}

// r5Header appends one header: CRC32, size, type, flags, [data size],
// fields. The CRC covers everything from the size on.
func r5Header(out []byte, typ, flags uint64, data, fields []byte) []byte {
	var body []byte
	body = vint(body, typ)
	body = vint(body, flags)
	if flags&r5HasData != 0 {
		body = vint(body, uint64(len(data)))
	}
	body = append(body, fields...)
	sized := vint(nil, uint64(len(body)))
	sized = append(sized, body...)
	out = binary.LittleEndian.AppendUint32(out, crc32.ChecksumIEEE(sized))
	return append(out, sized...)
}

// vint appends v in RAR 5's variable-length form: 7 bits a byte, low
// bits first, the high bit set on every byte but the last.
func vint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

// Block types and flags of RAR 1.5–4.
const (
	r4Archive   = 0x73
	r4File      = 0x74
	r4End       = 0x7b
	r4LongBlock = 0x8000 // file headers: a data size follows the header
	r4Store     = 0x30
	r4HostUnix  = 3
	r4Version   = 29 // the version needed to extract: RAR 2.9
)

// RAR4 writes files as a RAR 1.5–4 archive of stored members. It
// refuses names that are not ASCII (the format keeps them in an OEM
// code page or a compressed Unicode form) and members of 4 GiB or more.
func RAR4(files []File) ([]byte, error) {
	out := []byte("Rar!\x1a\x07\x00")
	out = r4Block(out, r4Archive, 0, make([]byte, 6)) // reserved fields
	for _, f := range files {
		for _, c := range []byte(f.Name) {
			if c >= 0x80 {
				return nil, fmt.Errorf("storedrar: %q: RAR4 names here are ASCII", f.Name)
			}
		}
		if uint64(len(f.Data)) > 0xffffffff {
			return nil, fmt.Errorf("storedrar: %q: too large for a RAR4 header", f.Name)
		}
		var b []byte
		b = binary.LittleEndian.AppendUint32(b, uint32(len(f.Data))) // packed size
		b = binary.LittleEndian.AppendUint32(b, uint32(len(f.Data))) // unpacked size
		b = append(b, r4HostUnix)
		b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(f.Data))
		b = binary.LittleEndian.AppendUint32(b, dosTime(f.Modified))
		b = append(b, r4Version, r4Store)
		b = binary.LittleEndian.AppendUint16(b, uint16(len(f.Name)))
		b = binary.LittleEndian.AppendUint32(b, 0o100644) // attributes: a regular Unix file
		b = append(b, f.Name...)
		out = r4Block(out, r4File, r4LongBlock, b)
		out = append(out, f.Data...)
	}
	return r4Block(out, r4End, 0x4000, nil), nil // 0x4000: the end block of old RARs ignores the CRC field's meaning
}

// r4Block appends one block: CRC16 (the low half of the CRC32 of what
// follows it), type, flags, size, fields.
func r4Block(out []byte, typ byte, flags uint16, fields []byte) []byte {
	body := []byte{typ}
	body = binary.LittleEndian.AppendUint16(body, flags)
	body = binary.LittleEndian.AppendUint16(body, uint16(2+len(body)+2+len(fields)))
	body = append(body, fields...)
	out = binary.LittleEndian.AppendUint16(out, uint16(crc32.ChecksumIEEE(body)))
	return append(out, body...)
}

// dosTime is t in MS-DOS date and time form (local fields of t, two-second steps).
func dosTime(t time.Time) uint32 {
	if t.IsZero() || t.Year() < 1980 {
		return 0x00210000 // 1980-01-01 00:00
	}
	return uint32(t.Year()-1980)<<25 | uint32(t.Month())<<21 | uint32(t.Day())<<16 |
		uint32(t.Hour())<<11 | uint32(t.Minute())<<5 | uint32(t.Second()/2)
}
