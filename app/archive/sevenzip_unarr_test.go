//go:build !wasm

package archive_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"exportlens/app/archive"
	"exportlens/app/archive/unarr"
	"exportlens/app/check"
	"exportlens/app/export"
)

// TestMain lets the test binary serve as go-unarr's child process, as
// cmd/exportlens does.
func TestMain(m *testing.M) {
	if unarr.IsChild() {
		unarr.ChildMain()
		return
	}
	os.Exit(m.Run())
}

// TestSevenZipAgreesWithUnarr: the pure-Go path (the browser's, and the
// command's now) and go-unarr (the command's before) read the same
// entries with the same bytes from every 7z variant and from the
// amazon-foreign-7z fixture, and the checks find the same on both.
func TestSevenZipAgreesWithUnarr(t *testing.T) {
	files := []string{"../../testdata/fixtures/amazon-foreign-7z/input/export.7z"}
	// Not ppmd.7z, bzip2.7z, deflate.7z: go-unarr cannot decode those
	// methods ("cannot decompress"). Not copy.7z: go-unarr tries ZIP
	// before 7z, finds the end record of the ZIP stored in it, and lists
	// that ZIP instead. TestSevenZipVariants checks them all against what
	// the generator wrote.
	for _, v := range []string{"lzma2-solid.7z", "lzma-solid.7z", "nonsolid.7z", "bcj2.7z", "plain-header.7z"} {
		files = append(files, filepath.Join("testdata/sevenzip", v))
	}
	agree(t, files)
}

// TestRarAgreesWithUnarr: as TestSevenZipAgreesWithUnarr for RAR: the
// stored RAR 4 of cmd/mkexport and go-unarr's own test archive (RAR 4,
// copied into unarr/testdata). Not stored5.rar: go-unarr does not read
// RAR 5 (it falls through to its ZIP reader, which lists the ZIP stored
// inside); TestRarVariants checks it against what the generator wrote.
func TestRarAgreesWithUnarr(t *testing.T) {
	agree(t, []string{"testdata/rar/stored4.rar", "unarr/testdata/unarr-test.rar"})
}

// agree opens each file on both paths and compares entries, bytes and findings.
func agree(t *testing.T, files []string) {
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			in := archive.Input{Name: name, R: bytes.NewReader(b), Size: int64(len(b))}
			pure := openTree(t, []archive.Input{in}, archive.Options{})
			// With an Unpacker, as the command runs: the pure-Go decoder still reads it.
			native := openTree(t, []archive.Input{in}, archive.Options{Unpacker: &unarr.Unpacker{}})
			fsys, closeFn, err := (&unarr.Unpacker{}).Unpack(context.Background(), name, in.R, in.Size, archive.DefaultLimits())
			if err != nil {
				t.Fatalf("unarr: %v", err)
			}
			t.Cleanup(func() { closeFn() })
			viaUnarr := openTree(t, []archive.Input{{Name: name, FS: fsys}}, archive.Options{})

			want := contents(t, viaUnarr, name+"/")
			for label, tree := range map[string]*archive.Tree{"pure Go": pure, "pure Go with an Unpacker": native} {
				if len(tree.Problems) > 0 {
					t.Errorf("%s: problems %v", label, tree.Problems)
				}
				if got := contents(t, tree, name+"!"); got != want {
					t.Errorf("%s read\n%s\ngo-unarr read\n%s", label, got, want)
				}
			}
			if got, want := findings(t, pure, name), findings(t, viaUnarr, name); got != want {
				t.Errorf("pure Go found\n%s\ngo-unarr found\n%s", got, want)
			}
		})
	}
}

func openTree(t *testing.T, inputs []archive.Input, opt archive.Options) *archive.Tree {
	t.Helper()
	tree, err := archive.Open(context.Background(), inputs, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tree.Close() })
	return tree
}

// contents lists every entry as name, size and SHA-256, with the input's
// prefix ("x.7z!" or, for the unpacked folder, "x.7z/") cut off.
func contents(t *testing.T, tree *archive.Tree, prefix string) string {
	t.Helper()
	var sb strings.Builder
	for _, e := range tree.Entries {
		rc, err := e.Open()
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		h := sha256.New()
		n, err := io.Copy(h, rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		fmt.Fprintf(&sb, "%s %d %x\n", strings.TrimPrefix(e.Name(), prefix), n, h.Sum(nil))
	}
	return sb.String()
}

// findings is the verdict and findings of the checks on tree, the input's
// name cut from the evidence's parts ("x.7z!a.zip" and "x.7z/a.zip" are
// both "a.zip").
func findings(t *testing.T, tree *archive.Tree, input string) string {
	t.Helper()
	x, err := export.Load(context.Background(), tree, nil)
	if err != nil {
		t.Fatal(err)
	}
	rep := check.Run(x, check.Declared{})
	for _, f := range rep.Findings {
		for i := range f.Evidence {
			part := strings.TrimPrefix(f.Evidence[i].Part, input)
			f.Evidence[i].Part = strings.TrimLeft(part, "!/")
		}
	}
	b, err := json.MarshalIndent(struct {
		Verdict  string
		Summary  check.Summary
		Findings []check.Finding
	}{rep.Verdict, rep.Summary, rep.Findings}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
