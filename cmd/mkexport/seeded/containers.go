package seeded

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing/fstest"
	"time"

	"golang.org/x/text/unicode/norm"

	"exportlens/app/archive"
)

// Container is the form in which a person hands the export over.
type Container string

// The containers (the shapes the archive package reads).
const (
	Separate Container = "separate ZIPs"         // each part as its own ZIP, as delivered
	OneZip   Container = "one ZIP"               // the parts' members re-zipped into one ZIP
	Nested   Container = "nested ZIPs"           // the delivered ZIPs inside one ZIP
	Folder   Container = "folder one level deep" // each part extracted into a folder of its name, below a folder
	TGZ      Container = "tgz"                   // each part as a .tgz
	SevenZip Container = "7z"                    // the extracted folders re-packed as one 7z (needs the 7z tool)
)

// Containers are the forms Generate picks from; SevenZip is picked
// separately and rarely.
var Containers = []Container{Separate, OneZip, Nested, Folder, TGZ}

// ErrNoTool is returned by Inputs when the 7z tool is not installed.
var ErrNoTool = errors.New("seeded: the 7z tool is not installed")

// stem is a part's name without its extension: the folder it extracts to.
func stem(name string) string { return strings.TrimSuffix(name, ".zip") }

// Inputs delivers the export in its container, as the command would open
// the files the person named. tmp is a folder for the 7z tool's work.
func (ex *Export) Inputs(tmp string) ([]archive.Input, error) {
	switch ex.Container {
	case Separate:
		var ins []archive.Input
		for i, p := range ex.Parts {
			ins = append(ins, fileInput(p.Name, zipOf(p.Files)))
			if i+1 == ex.Duplicate {
				ins = append(ins, fileInput(stem(p.Name)+" (1).zip", zipOf(p.Files)))
			}
		}
		return ins, nil
	case OneZip:
		var all []File
		for _, p := range ex.Parts {
			for _, f := range p.Files {
				all = append(all, File{ex.oneZipPath(p.Name, f.Path), f.Data})
			}
		}
		return []archive.Input{fileInput("export.zip", zipOf(all))}, nil
	case Nested:
		var all []File
		for _, p := range ex.Parts {
			all = append(all, File{p.Name, zipOf(p.Files)})
		}
		return []archive.Input{fileInput("export.zip", zipOf(all))}, nil
	case Folder:
		m := fstest.MapFS{}
		for _, p := range ex.Parts {
			for _, f := range p.Files {
				m[stem(p.Name)+"/"+f.Path] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
			}
		}
		return []archive.Input{{Name: "export", FS: m}}, nil
	case TGZ:
		var ins []archive.Input
		for _, p := range ex.Parts {
			data, err := tgzOf(p.Files)
			if err != nil {
				return nil, err
			}
			ins = append(ins, fileInput(stem(p.Name)+".tgz", data))
		}
		return ins, nil
	case SevenZip:
		data, err := sevenZipOf(tmp, ex.Parts)
		if err != nil {
			return nil, err
		}
		return []archive.Input{fileInput("export.7z", data)}, nil
	}
	return nil, fmt.Errorf("seeded: unknown container %q", ex.Container)
}

// Where is the part and path under which the engine reports a member that
// the generator put at path in part.
func (ex *Export) Where(part, path string) (string, string) {
	switch ex.Container {
	case OneZip:
		return "export.zip", ex.oneZipPath(part, path)
	case Nested:
		return "export.zip!" + part, path
	case Folder:
		return "export", stem(part) + "/" + path
	case TGZ:
		return stem(part) + ".tgz", path
	case SevenZip:
		return "export.7z", stem(part) + "/" + path
	}
	return part, path
}

// oneZipPath is where OneZip puts a member of part: below TopFolder, or
// for another job's part (StrangerPart) below a folder of its own name,
// since its members have the same paths as the person's.
func (ex *Export) oneZipPath(part, path string) string {
	if part == ex.OtherJob {
		return ex.rezipped(stem(part) + "/" + path)
	}
	return ex.rezipped(ex.TopFolder + path)
}

// rezipped is a member name as a re-zip wrote it: decomposed (NFD) when
// the export was extracted and zipped again on a Mac.
func (ex *Export) rezipped(name string) string {
	if ex.Decomposed {
		return norm.NFD.String(name)
	}
	return name
}

func fileInput(name string, data []byte) archive.Input {
	return archive.Input{Name: name, R: bytes.NewReader(data), Size: int64(len(data))}
}

// modTime is fixed so that the same seed gives the same bytes.
var modTime = time.Date(2024, 3, 1, 10, 15, 0, 0, time.UTC)

func zipOf(files []File) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Path, Method: zip.Deflate, Modified: modTime})
		if err != nil {
			panic(err) // only for invalid names, which the generator does not make
		}
		w.Write(f.Data)
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func tgzOf(files []File) ([]byte, error) {
	var b bytes.Buffer
	gz := gzip.NewWriter(&b)
	tw := tar.NewWriter(gz)
	for _, f := range files {
		if err := tw.WriteHeader(&tar.Header{Name: f.Path, Mode: 0o644, Size: int64(len(f.Data)), ModTime: modTime,
			Typeflag: tar.TypeReg, Format: tar.FormatPAX}); err != nil {
			return nil, err
		}
		if _, err := tw.Write(f.Data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// sevenZipOf writes the parts as extracted folders under tmp and packs
// them with the 7z tool.
func sevenZipOf(tmp string, parts []Part) ([]byte, error) {
	tool, err := exec.LookPath("7z")
	if err != nil {
		return nil, ErrNoTool
	}
	src := filepath.Join(tmp, "src")
	for _, p := range parts {
		for _, f := range p.Files {
			name := filepath.Join(src, stem(p.Name), filepath.FromSlash(f.Path))
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				return nil, err
			}
			if err := os.WriteFile(name, f.Data, fs.FileMode(0o644)); err != nil {
				return nil, err
			}
		}
	}
	out := filepath.Join(tmp, "export.7z")
	cmd := exec.Command(tool, "a", "-t7z", "-bd", "-y", out, ".")
	cmd.Dir = src
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("seeded: 7z: %v: %s", err, msg)
	}
	return os.ReadFile(out)
}
