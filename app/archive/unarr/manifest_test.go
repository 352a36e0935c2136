//go:build !wasm

package unarr

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadManifest(t *testing.T) {
	lim := limits{MaxEntries: 2, MaxEntrySize: 100, MaxTotalBytes: 150}
	tests := []struct {
		name, in, wantErr string
		want              int
	}{
		{"empty", "", "", 0},
		{"two", `{"name":"a","file":"0","size":1}` + "\n" + `{"name":"b","size":0,"err":"bad"}` + "\n", "", 2},
		{"too many", `{"name":"a","file":"0","size":1}` + "\n" + `{"name":"a","file":"1","size":1}` + "\n" + `{"name":"a","file":"2","size":1}` + "\n", "more than 2 members", 0},
		{"member too big", `{"name":"a","file":"0","size":101}` + "\n", "over the limit of 100", 0},
		{"negative size", `{"name":"a","file":"0","size":-1}` + "\n", "over the limit", 0},
		{"total too big", `{"name":"a","file":"0","size":100}` + "\n" + `{"name":"b","file":"1","size":100}` + "\n", "more than 150 bytes", 0},
		{"wrong stored file", `{"name":"a","file":"../../etc/passwd","size":1}` + "\n", "unexpected stored file", 0},
		{"torn line", `{"name":"a","file":"0","size":1}`, "unexpected EOF", 0},
		{"long line", `{"name":"` + strings.Repeat("x", maxRecordBytes) + `"}` + "\n", "line too long", 0},
		{"not json", "hello\n", "manifest line 1", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := readManifest(strings.NewReader(tt.in), lim)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("got %v, want an error containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || len(recs) != tt.want {
				t.Errorf("got %d records, %v; want %d", len(recs), err, tt.want)
			}
		})
	}
}

// newFS serves what the manifest lists, checks the stored files and keeps
// failed members visible.
func TestNewFS(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"0": "one", "2": "three"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	recs := []record{
		{Name: "x/one.txt", File: "0", Size: 3, MTime: 1},
		{Name: "x/two.txt", Size: 9, Err: "cannot decompress"},
		{Name: "../three.txt", File: "2", Size: 5},
	}
	f, err := newFS(dir, recs)
	if err != nil {
		t.Fatal(err)
	}
	// fstest wants every listed file to open, which a failed member does not.
	ok, err := newFS(dir, []record{recs[0], recs[2]})
	if err != nil {
		t.Fatal(err)
	}
	if err := fstest.TestFS(ok, "x/one.txt", "three.txt"); err != nil {
		t.Error(err)
	}
	if _, err := f.Open("x/two.txt"); err == nil || !strings.Contains(err.Error(), "cannot decompress") {
		t.Errorf("open failed member: got %v, want its error", err)
	}
	if m := f.Members()[2]; !m.Unsafe || m.Path != "three.txt" {
		t.Errorf("got %+v, want unsafe three.txt", m)
	}

	recs[0].Size = 4 // the stored file no longer matches
	if _, err := newFS(dir, recs); err == nil {
		t.Error("size mismatch: got nil error, want one")
	}
	if err := os.Symlink("/etc/hostname", filepath.Join(dir, "3")); err != nil {
		t.Fatal(err)
	}
	if _, err := newFS(dir, []record{{Name: "s", File: "3", Size: 1}}); err == nil {
		t.Error("symlink: got nil error, want one")
	}
}

func TestChildError(t *testing.T) {
	exit1 := exec.Command("sh", "-c", "exit 1").Run()
	killed := exec.Command("sh", "-c", "kill -9 $$").Run()
	if exit1 == nil || killed == nil {
		t.Fatalf("sh: got %v and %v, want two exit errors", exit1, killed)
	}
	tests := []struct {
		name, stderr string
		killed       bool
		want         error
		wantText     string
	}{
		{"child line", "noise\nunarr-child: not a RAR, ZIP, 7z or tar archive, or damaged\n", false, nil, "not a RAR, ZIP, 7z or tar archive, or damaged"},
		{"go out of memory", "fatal error: runtime: cannot allocate memory\n\ngoroutine 1", false, ErrMemory, "memory limit exceeded (1024 MiB)"},
		{"thread out of memory", "runtime: out of memory: cannot allocate 4194304-byte block\n", false, ErrMemory, "memory limit exceeded"},
		{"segfault", "SIGSEGV: segmentation violation\nPC=0x0 m=0", false, ErrCrashed, "SIGSEGV: segmentation violation"},
		{"silent", "", false, nil, "unpacker failed: exit status 1"},
		{"killed by the kernel", "", true, ErrMemory, "the unpacker was killed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exit := exit1
			if tt.killed {
				exit = killed
			}
			err := childError(exit, tt.stderr, 1<<30)
			if (tt.want != nil && !errors.Is(err, tt.want)) || !strings.Contains(err.Error(), tt.wantText) {
				t.Errorf("got %v, want %v containing %q", err, tt.want, tt.wantText)
			}
		})
	}
}
