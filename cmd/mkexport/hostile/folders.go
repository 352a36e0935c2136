package hostile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
)

// FolderCount is how many folders Folders holds.
const FolderCount = 200_000

func init() {
	register(func() Archive {
		return Archive{"folders.zip", fmt.Sprintf("%d folders with one small file each: a file tree that renders every folder freezes the page", FolderCount), Folders()}
	})
}

// Folders is a ZIP of FolderCount folders, each holding one stored file of
// two bytes (about 20 MB, nearly all of it directory records). The names
// are short and in order, so the archive is built in well under a second.
func Folders() []byte {
	var buf bytes.Buffer
	buf.Grow(FolderCount * 110)
	w := zip.NewWriter(&buf)
	data := []byte("x\n")
	crc := crc32.ChecksumIEEE(data)
	for i := range FolderCount {
		fw, err := w.CreateRaw(&zip.FileHeader{
			Name: fmt.Sprintf("f%06d/a.txt", i), Method: zip.Store, Modified: modTime,
			CRC32: crc, CompressedSize64: uint64(len(data)), UncompressedSize64: uint64(len(data)),
		})
		if err != nil {
			panic(err) // writing to memory does not fail
		}
		fw.Write(data)
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}
