package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
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

// writeBig writes a per-category Amazon export with n stored WAVs totalling
// about size bytes. Speech is synthesised four times and reused, padded with
// silence to the size per file; the ZIP is streamed to disk.
func writeBig(out string, n int, size int64) error {
	if n < 1 || n > 10_000_000 {
		return fmt.Errorf("mkexport: -recordings %d out of range", n)
	}
	per := size / int64(n)
	if per < 44+2 {
		return fmt.Errorf("mkexport: -size %d too small for %d recordings", size, n)
	}
	tmp, err := os.MkdirTemp("", "mkexport-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	s := newSynth(tmp)
	base := householdRows()
	speech := make([][]byte, 4)
	for i := range speech {
		p, err := s.pcm(base[i].Voice, base[i].Said)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		binary.Write(&b, binary.LittleEndian, p)
		speech[i] = b.Bytes()
	}

	in := filepath.Join(out, "input")
	if err := os.MkdirAll(in, 0o755); err != nil {
		return err
	}
	rows := make([]alexaRow, n)
	start := time.Date(2023, 1, 2, 6, 0, 0, 0, time.UTC)
	for i := range rows {
		r := base[i%len(speech)]
		r.At = start.Add(time.Duration(i) * 13 * time.Minute).Add(time.Duration(i%997) * time.Millisecond)
		if i%bigForeignEvery == bigForeignEvery-1 {
			r.setDevice(serialForeign)
			r.Person, r.PersonName, r.Voice = "", "", voiceStranger
		}
		r.Audio = audioPresent
		rows[i] = r
	}
	h := newCSV(false, false)
	h.Record("Timestamp", "CustomerId", "DeviceSerialNumber", "DeviceType", "DeviceName", "UtteranceId",
		"CustomerTranscript", "AlexaResponse", "PersonId", "PersonFirstName", "AudioFile")
	firstForeign, foreign := 0, 0
	for _, r := range rows {
		line := h.Record(isoTime(r.At), r.Customer, r.Serial, r.DevType, r.DevName, utteranceIDFor(r.key()),
			r.Said, r.Answer, r.Person, r.PersonName, r.audioRef())
		if r.Serial == serialForeign {
			if foreign == 0 {
				firstForeign = line
			}
			foreign++
		}
	}

	f, err := os.Create(filepath.Join(in, "Alexa.zip"))
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	zw := zip.NewWriter(bw)
	entry := func(name string, method uint16) (*bufio.Writer, error) {
		hd := &zip.FileHeader{Name: name, Method: method, Modified: zipTime}
		hd.SetMode(0o644)
		w, err := zw.CreateHeader(hd)
		if err != nil {
			return nil, err
		}
		return bufio.NewWriterSize(w, 64<<10), nil
	}
	w, err := entry(historyCSV, zip.Deflate)
	if err != nil {
		return err
	}
	w.Write(h.Bytes())
	if err := w.Flush(); err != nil {
		return err
	}
	zeros := make([]byte, 64<<10)
	for i, r := range rows {
		w, err := entry(historyDir+r.audioRef(), zip.Store)
		if err != nil {
			return err
		}
		data := per - 44
		data -= data % 2
		sp := speech[i%len(speech)]
		if int64(len(sp)) > data {
			sp = sp[:data]
		}
		w.Write(wavHeader(int(data)))
		w.Write(sp)
		for pad := data - int64(len(sp)); pad > 0; {
			k := min(pad, int64(len(zeros)))
			w.Write(zeros[:k])
			pad -= k
		}
		if err := w.Flush(); err != nil {
			return fmt.Errorf("mkexport: write Alexa.zip: %w", err)
		}
	}
	w, err = entry(profilesCSV, zip.Deflate)
	if err != nil {
		return err
	}
	vp := newCSV(false, false)
	vp.Record("PersonId", "PersonFirstName", "PersonType", "CustomerId", "EnrolledAt")
	vp.Record(personAnna, "Anna", "ADULT", customerAnna, "2023-05-02T18:31:54.000Z")
	w.Write(vp.Bytes())
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}

	small, err := buildAmazon(s, nil, false)
	if err != nil {
		return err
	}
	for _, name := range []string{"Devices.Registration.zip", "Retail.CustomerProfile.zip"} {
		if err := os.WriteFile(filepath.Join(in, name), small.zips()[name].zipBytes(), 0o644); err != nil {
			return err
		}
	}
	fx := &fixture{Name: "big", Description: fmt.Sprintf("A large per-category Amazon export (%d recordings) for benchmarks; every %dth row comes from an unregistered device.", n, bigForeignEvery),
		Vendor: "amazon", Verdict: "mismatch", Declared: emptyDeclared(), Claim: amazonClaim(), Recordings: n}
	if foreign > 0 {
		fx.Planted = []planted{{Rule: "unregistered-device", Subject: serialForeign, Part: "Alexa.zip",
			Path: historyCSV, Line: firstForeign, Field: "DeviceSerialNumber", Records: foreign}}
	} else {
		fx.Verdict = "consistent"
	}
	return fx.write(out)
}
