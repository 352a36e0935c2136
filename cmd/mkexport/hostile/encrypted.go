package hostile

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
)

func init() {
	register(func() Archive {
		return Archive{"encrypted.zip",
			"the Amazon-like export with every member marked encrypted (a password-protected ZIP)",
			Encrypted()}
	})
}

// Encrypted is amazonLike with every member marked as encrypted with a
// password (the general-purpose flag's bit 0) and its bytes scrambled, as
// a ZIP tool writes one with a password: the names and sizes can be
// listed, the contents not.
func Encrypted() []byte {
	src, err := zip.NewReader(bytes.NewReader(amazonLike()), int64(len(amazonLike())))
	if err != nil {
		panic(err)
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i, f := range src.File {
		rc, err := f.Open()
		if err != nil {
			panic(err)
		}
		var plain bytes.Buffer
		plain.ReadFrom(rc)
		rc.Close()
		// 12 header bytes, then the data: a scramble stands in for the cipher.
		data := append(make([]byte, 12), plain.Bytes()...)
		for j := range data {
			data[j] ^= byte(0x5a + 31*j + i)
		}
		h := &zip.FileHeader{Name: f.Name, Method: zip.Store, Flags: 1, Modified: modTime,
			CRC32: crc32.ChecksumIEEE(plain.Bytes()), CompressedSize64: uint64(len(data)), UncompressedSize64: uint64(plain.Len())}
		fw, err := w.CreateRaw(h)
		if err != nil {
			panic(err)
		}
		fw.Write(data)
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
