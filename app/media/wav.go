package media

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// Limits for WAV headers; beyond them a header is a lie, not an unusual recording.
const (
	maxWAVChunks     = 1024
	maxWAVSampleRate = 768_000
	maxWAVChannels   = 64
)

// WAV format codes (the wFormatTag of the fmt chunk).
const (
	wavPCM        = 0x0001
	wavFloat      = 0x0003
	wavALaw       = 0x0006
	wavMuLaw      = 0x0007
	wavExtensible = 0xfffe
)

// ProbeWAV reads the headers of a RIFF/WAVE (or RF64/BW64) file. Chunk sizes are checked
// against the file size; a data chunk that runs past the end is cut at the end and the
// result marked Truncated, since recordings cut short by a copy are common and still play.
func ProbeWAV(r io.ReaderAt, size int64) (Info, error) {
	var hdr [12]byte
	if err := readFull(r, hdr[:], 0, size); err != nil {
		return Info{}, fmt.Errorf("media: wav: header: %w", err)
	}
	magic := string(hdr[:4])
	if magic != "RIFF" && magic != "RF64" && magic != "BW64" || string(hdr[8:12]) != "WAVE" {
		return Info{}, errors.New("media: wav: not a RIFF/WAVE file")
	}
	is64 := magic != "RIFF"

	var (
		info       = Info{Format: "wav", Exact: true}
		haveFmt    bool
		haveData   bool
		formatTag  uint16
		byteRate   uint32
		blockAlign uint16
		factFrames int64 = -1
		ds64Data   int64 = -1
		dataSize   int64
		dataOffset int64
	)
	off := int64(12)
	for i := 0; off+8 <= size; i++ {
		if i >= maxWAVChunks {
			return Info{}, fmt.Errorf("media: wav: more than %d chunks", maxWAVChunks)
		}
		var ch [8]byte
		if err := readFull(r, ch[:], off, size); err != nil {
			return Info{}, fmt.Errorf("media: wav: chunk header at %d: %w", off, err)
		}
		id := string(ch[:4])
		csize := int64(binary.LittleEndian.Uint32(ch[4:]))
		body := off + 8
		switch id {
		case "data":
			if haveData {
				return Info{}, errors.New("media: wav: second data chunk")
			}
			haveData = true
			if is64 && csize == 0xffffffff && ds64Data >= 0 {
				csize = ds64Data
			}
			dataOffset, dataSize = body, csize
			if csize > size-body {
				// Cut short (or streamed with a placeholder size): use what is there.
				dataSize = size - body
				info.Truncated = true
			}
		case "fmt ":
			if haveFmt {
				return Info{}, errors.New("media: wav: second fmt chunk")
			}
			if csize < 16 {
				return Info{}, fmt.Errorf("media: wav: fmt chunk of %d bytes, need 16", csize)
			}
			if csize > size-body {
				return Info{}, fmt.Errorf("media: wav: fmt chunk size %d beyond end of file", csize)
			}
			var f [40]byte
			n := min(csize, int64(len(f)))
			if err := readFull(r, f[:n], body, size); err != nil {
				return Info{}, fmt.Errorf("media: wav: fmt chunk: %w", err)
			}
			haveFmt = true
			formatTag = binary.LittleEndian.Uint16(f[0:])
			info.Channels = int(binary.LittleEndian.Uint16(f[2:]))
			info.SampleRate = int(binary.LittleEndian.Uint32(f[4:]))
			byteRate = binary.LittleEndian.Uint32(f[8:])
			blockAlign = binary.LittleEndian.Uint16(f[12:])
			info.BitsPerSample = int(binary.LittleEndian.Uint16(f[14:]))
			if formatTag == wavExtensible && n >= 26 {
				// WAVE_FORMAT_EXTENSIBLE: the real format is the start of the SubFormat GUID.
				formatTag = binary.LittleEndian.Uint16(f[24:])
			}
		case "fact":
			if csize >= 4 && csize <= size-body {
				var b [4]byte
				if err := readFull(r, b[:], body, size); err == nil {
					factFrames = int64(binary.LittleEndian.Uint32(b[:]))
				}
			}
		case "ds64":
			// RF64: 64-bit RIFF size, data size and sample count replace 0xFFFFFFFF fields.
			if csize >= 24 && csize <= size-body {
				var b [24]byte
				if err := readFull(r, b[:], body, size); err != nil {
					return Info{}, fmt.Errorf("media: wav: ds64 chunk: %w", err)
				}
				if v := binary.LittleEndian.Uint64(b[8:]); v < 1<<62 {
					ds64Data = int64(v)
				}
			}
		}
		if id != "data" && csize > size-body {
			return Info{}, fmt.Errorf("media: wav: chunk %q size %d beyond end of file (%d bytes left)", id, csize, size-body)
		}
		if haveFmt && haveData {
			break
		}
		// Chunks are padded to an even length.
		off = body + csize + csize&1
	}
	switch {
	case !haveFmt:
		return Info{}, errors.New("media: wav: no fmt chunk")
	case !haveData:
		return Info{}, errors.New("media: wav: no data chunk")
	case info.Channels == 0:
		return Info{}, errors.New("media: wav: zero channels")
	case info.Channels > maxWAVChannels:
		return Info{}, fmt.Errorf("media: wav: %d channels (at most %d)", info.Channels, maxWAVChannels)
	case info.SampleRate == 0 || info.SampleRate > maxWAVSampleRate:
		return Info{}, fmt.Errorf("media: wav: sample rate %d Hz out of range (1–%d)", info.SampleRate, maxWAVSampleRate)
	case blockAlign == 0:
		return Info{}, errors.New("media: wav: block align is zero")
	}
	info.DataOffset, info.DataSize = dataOffset, dataSize
	info.Bitrate = int(byteRate) * 8

	switch formatTag {
	case wavPCM, wavFloat, wavALaw, wavMuLaw:
		if info.BitsPerSample == 0 || info.BitsPerSample > 64 {
			return Info{}, fmt.Errorf("media: wav: %d bits per sample", info.BitsPerSample)
		}
		// One block holds one sample of every channel.
		info.Duration = durationOf(dataSize/int64(blockAlign), int64(info.SampleRate))
	default:
		// Compressed (ADPCM, GSM, MP3 in WAV …): the fact chunk counts samples; else
		// estimate from the byte rate.
		switch {
		case factFrames >= 0 && !info.Truncated:
			info.Duration = durationOf(factFrames, int64(info.SampleRate))
		case byteRate > 0:
			info.Duration = durationOf(dataSize, int64(byteRate))
			info.Exact = false
		default:
			return Info{}, fmt.Errorf("media: wav: format 0x%04x without a byte rate", formatTag)
		}
	}
	return info, nil
}

// readFull reads len(b) bytes at off, failing cleanly when they lie beyond size.
func readFull(r io.ReaderAt, b []byte, off, size int64) error {
	if off < 0 || off > size || int64(len(b)) > size-off {
		return io.ErrUnexpectedEOF
	}
	n, err := r.ReadAt(b, off)
	if n == len(b) {
		return nil
	}
	if err == nil || err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return err
}
