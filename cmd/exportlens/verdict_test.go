//go:build !wasm

package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"exportlens/app/check"
)

// rewritten copies the inputs of a fixture into a temporary folder, with the
// ZIP member named member of the part named part replaced by body, or left
// out when body is nil; it returns the copies' paths.
func rewritten(t *testing.T, fixture, part, member string, body []byte) []string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(fixtures, fixture, "input")
	ins, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	var args []string
	found := false
	for _, in := range ins {
		data, err := os.ReadFile(filepath.Join(src, in.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if in.Name() == part {
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			zw := zip.NewWriter(&b)
			for _, f := range zr.File {
				content := []byte(nil)
				if f.Name == member {
					found = true
					if body == nil {
						continue
					}
					content = body
				} else {
					rc, err := f.Open()
					if err != nil {
						t.Fatal(err)
					}
					if content, err = io.ReadAll(rc); err != nil {
						t.Fatal(err)
					}
					rc.Close()
				}
				w, err := zw.Create(f.Name)
				if err != nil {
					t.Fatal(err)
				}
				w.Write(content)
			}
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
			data = b.Bytes()
		}
		p := filepath.Join(dir, in.Name())
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	if !found {
		t.Fatalf("%s has no %s!%s", fixture, part, member)
	}
	return args
}

// TestVerdictCannotTellFromFiles: the 2018 story whose one registered device
// has a type code nobody knows, or that has no device list, and a Takeout
// whose activity file is damaged, are "cannot tell" (exit 3), never "nothing
// points to someone else"; the text report's verdict line gives the reason.
func TestVerdictCannotTellFromFiles(t *testing.T) {
	const reg = "Devices.Registration/registration.csv"
	tests := []struct {
		name string
		args []string
		why  string // in the verdict line
	}{
		{"2018: device type nobody knows", rewritten(t, "amazon-2018", "export.zip", reg, []byte(
			"AccountName,DeviceSerialNumber,DeviceType,CustomerId,FirstTimeRegistered,RegistrationDate\n"+
				"Annas Gerät,G000KD0000000003,AZZZZUNKNOWNZZ,A1B2C3D4E5F6G7,2016-12-24 17:45:02,2016-12-24 17:45:02\n")),
			"whose type AZZZZUNKNOWNZZ is unknown: cannot tell whether it records voice."},
		{"2018: no device list", rewritten(t, "amazon-2018", "export.zip", reg, nil),
			"is missing."},
		{"takeout: activity file damaged", rewritten(t, "takeout-clean", "takeout-20240301T101500Z-001.zip",
			"Takeout/My Activity/Assistant/MyActivity.json", []byte(`[{"header":"Assistant","title":"Said wie wird`)),
			"could not be read: takeout-20240301T101500Z-001.zip!Takeout/My Activity/Assistant/MyActivity.json."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _, code := runJSON(t, tt.args)
			if r.Verdict != check.VerdictUnknown || code != check.ExitUnknown {
				t.Fatalf("verdict %q, exit %d; want %q, exit %d\n%s", r.Verdict, code, check.VerdictUnknown, check.ExitUnknown, summarize(r))
			}
			var out, errb bytes.Buffer
			runCheck(tt.args, &out, &errb)
			first, _, _ := strings.Cut(out.String(), "\n")
			if !strings.HasPrefix(first, "Verdict: cannot tell whether this export is yours. ") || !strings.HasSuffix(first, tt.why) {
				t.Errorf("verdict line %q: want \"cannot tell\" and the reason %q", first, tt.why)
			}
		})
	}
}
