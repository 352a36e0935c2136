package storedrar

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSevenZipReadsThem: p7zip, a reader independent of the one
// ExportLens uses, tests (checksums included) and lists both formats.
func TestSevenZipReadsThem(t *testing.T) {
	tool, err := exec.LookPath("7z")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("7z is missing (make tools installs p7zip-full)")
		}
		t.Skip("7z is missing")
	}
	when := time.Date(2024, 3, 1, 10, 15, 0, 0, time.UTC)
	files := []File{
		{Name: "a/b.txt", Data: []byte("hello\n"), Modified: when},
		{Name: "empty", Modified: when},
		{Name: "big.bin", Data: make([]byte, 70000), Modified: when},
	}
	r4, err := RAR4(files)
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"x5.rar": RAR5(files), "x4.rar": r4} {
		p := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(tool, "t", p).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "Everything is Ok") || !strings.Contains(string(out), "Files: 3") {
			t.Errorf("%s: 7z t: %v\n%s", name, err, out)
		}
		out, _ = exec.Command(tool, "l", p).CombinedOutput()
		for _, f := range files {
			if !strings.Contains(string(out), f.Name) {
				t.Errorf("%s: 7z l does not list %s:\n%s", name, f.Name, out)
			}
		}
	}
	if _, err := RAR4([]File{{Name: "Küche.txt"}}); err == nil {
		t.Error("RAR4 took a name that is not ASCII")
	}
}
