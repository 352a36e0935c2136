//go:build !wasm

package unarr

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// The child's output directory holds the manifest and, under filesDir, one
// file per extracted member named by its index: no name taken from the
// archive ever reaches the file system.
const (
	manifestName = "manifest.jsonl"
	filesDir     = "files"
)

// record is one line of the manifest: one member, in archive order.
type record struct {
	Name  string `json:"name"`            // as written in the archive (decoded to UTF-8 by unarr)
	File  string `json:"file,omitempty"`  // the stored file under filesDir; empty when Err is set
	Size  int64  `json:"size"`            // declared size, which is also the stored size
	MTime int64  `json:"mtime,omitempty"` // Unix seconds; 0 when unknown
	Err   string `json:"err,omitempty"`   // why the member could not be extracted
}

func storedName(i int) string { return strconv.Itoa(i) }

// maxRecordBytes bounds one manifest line: a name of maxNameBytes, each
// byte escaped as \u00XX at worst, plus the other fields.
const maxRecordBytes = 6*maxNameBytes + 1024

// readManifest reads the child's manifest, checking every record against the
// limits again: the child runs hostile C code, so its output is input too.
func readManifest(r io.Reader, lim limits) ([]record, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var recs []record
	var total int64
	for {
		line, err := readLine(br)
		if err == io.EOF {
			return recs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("manifest: %w", err)
		}
		if len(recs) >= lim.MaxEntries {
			return nil, fmt.Errorf("more than %d members (the limit)", lim.MaxEntries)
		}
		var rec record
		if err := json.Unmarshal(line, &rec); err != nil {
			return nil, fmt.Errorf("manifest line %d: %w", len(recs)+1, err)
		}
		switch {
		case len(rec.Name) > maxNameBytes:
			return nil, fmt.Errorf("manifest line %d: name of %d bytes", len(recs)+1, len(rec.Name))
		case rec.Size < 0 || rec.Size > lim.MaxEntrySize:
			return nil, fmt.Errorf("member %q: %d bytes, over the limit of %d", rec.Name, rec.Size, lim.MaxEntrySize)
		case rec.Err == "" && rec.File != storedName(len(recs)):
			return nil, fmt.Errorf("manifest line %d: unexpected stored file %q", len(recs)+1, rec.File)
		}
		total += rec.Size
		if total > lim.MaxTotalBytes {
			return nil, fmt.Errorf("members total more than %d bytes (the limit)", lim.MaxTotalBytes)
		}
		recs = append(recs, rec)
	}
}

var errLongLine = errors.New("line too long")

// readLine returns the next line without its newline, refusing lines longer
// than maxRecordBytes before buffering them.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line)+len(chunk) > maxRecordBytes+1 {
			return nil, errLongLine
		}
		line = append(line, chunk...)
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && len(line) > 0:
			return nil, io.ErrUnexpectedEOF // the child writes whole lines; a torn one means it died
		case err != nil:
			return nil, err
		}
		return bytes.TrimSuffix(line, []byte("\n")), nil
	}
}
