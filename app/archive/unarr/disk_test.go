//go:build !wasm && cgo

package unarr

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"exportlens/app/archive"
)

// The child writes every member to temporary disk: a small archive of
// highly compressed members must stop at a few times its size, with a
// message, before it writes them.
func TestUnpackTempDisk(t *testing.T) {
	b := readFixture(t, "zeros-64m.7z") // one member of 64 MiB in about 10 KB
	tests := []struct {
		name    string
		disk    int64
		wantErr string
	}{
		{"under the budget", 64 << 20, ""},
		{"over the budget", 32 << 20, "unarr: zeros.7z: unpacking stopped: it would write more than 33 MB to temporary disk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := unpack(t, &Unpacker{MemoryLimit: 256 << 20}, "zeros.7z", b, archive.Limits{MaxTempDisk: tt.disk})
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("got %v, want no error", err)
				}
				return
			}
			if err == nil || err.Error() != tt.wantErr || !errors.Is(err, ErrDisk) || !errors.Is(err, archive.ErrTempDisk) {
				t.Fatalf("got %v, want %q (ErrDisk)", err, tt.wantErr)
			}
		})
	}
}

// The attack of issue 6: a 1.1 MB 7z of eight non-solid 900 MB blocks made
// the command write 7.4 GB to TMPDIR. Here eight blocks of 16 MiB of zeros
// (128 MiB, in a few KB) against the default budget, TempDiskFor(size):
// the floor of 64 MiB. Written with the 7z tool (p7zip) when it is there.
func TestUnpackNonSolidBlocks(t *testing.T) {
	sevenZip, err := exec.LookPath("7z")
	if err != nil {
		t.Skip("7z (p7zip-full) is not installed")
	}
	dir := t.TempDir()
	var names []string
	for i := range 8 {
		name := fmt.Sprintf("block%d.bin", i)
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		f.Truncate(16 << 20) // sparse: zeros without writing them
		f.Close()
		names = append(names, name)
	}
	arc := filepath.Join(dir, "blocks.7z")
	cmd := exec.Command(sevenZip, append([]string{"a", "-bd", "-t7z", "-ms=off", "-mx=1", arc}, names...)...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("7z: %v: %s", err, out)
	}
	b, err := os.ReadFile(arc)
	if err != nil {
		t.Fatal(err)
	}
	if archive.TempDiskFor(int64(len(b))) != 64<<20 {
		t.Fatalf("the archive of %d bytes is too big for this test", len(b))
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	start := time.Now()
	_, err = unpack(t, &Unpacker{}, "blocks.7z", b, archive.Limits{})
	if !errors.Is(err, ErrDisk) || !strings.Contains(err.Error(), "blocks.7z: unpacking stopped: it would write more than 67 MB to temporary disk") {
		t.Fatalf("got %v, want blocks.7z: unpacking stopped (ErrDisk)", err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("got %d entries left in TMPDIR, want none", len(left))
	}
	t.Logf("%d bytes of 7z stopped after %v", len(b), time.Since(start).Round(time.Millisecond))
}
