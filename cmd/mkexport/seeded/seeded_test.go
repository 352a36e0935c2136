package seeded

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// The same seed gives the same export, byte for byte: a failing seed
// reproduces.
func TestGenerateDeterministic(t *testing.T) {
	for seed := uint64(1); seed <= 60; seed++ {
		for _, k := range []Kind{None, KindFor(seed, Amazon), KindFor(seed, Google)} {
			a, errA := Generate(seed, k)
			b, errB := Generate(seed, k)
			if (errA == nil) != (errB == nil) {
				t.Fatalf("seed %d %s: errors %v, %v", seed, k, errA, errB)
			}
			if errA != nil {
				continue // the kind is the other vendor's
			}
			if !reflect.DeepEqual(a, b) {
				t.Errorf("seed %d %s: two runs differ", seed, k)
			}
		}
	}
}

// An Amazon export with a plant differs from the clean one of its seed in
// the planted file only, and the planted line holds the planted value.
func TestAmazonPlantOnlyThere(t *testing.T) {
	n := 0
	for seed := uint64(1); seed <= 300; seed++ {
		clean, err := Generate(seed, None)
		if err != nil {
			t.Fatal(err)
		}
		if clean.Vendor != Amazon {
			continue
		}
		n++
		kind := KindFor(seed, Amazon)
		dirty, err := Generate(seed, kind)
		if err != nil {
			t.Fatal(err)
		}
		files := func(ex *Export) map[string][]byte {
			m := map[string][]byte{}
			for _, p := range ex.Parts {
				for _, f := range p.Files {
					m[p.Name+"!"+f.Path] = f.Data
				}
			}
			return m
		}
		before, after := files(clean), files(dirty)
		where := dirty.Plant.Part + "!" + dirty.Plant.Path
		for name, data := range after {
			if name != where && !bytes.Equal(before[name], data) {
				t.Errorf("seed %d %s: %s changed, want only %s", seed, kind, name, where)
			}
		}
		if kind == StrayWAV {
			if _, ok := before[where]; ok || len(after) != len(before)+1 {
				t.Errorf("seed %d: the stray WAV is not the one file added", seed)
			}
			continue
		}
		lines := strings.Split(string(after[where]), "\n")
		if dirty.Plant.Line < 1 || dirty.Plant.Line > len(lines) {
			t.Fatalf("seed %d %s: line %d of %d", seed, kind, dirty.Plant.Line, len(lines))
		}
		if line := strings.ToUpper(lines[dirty.Plant.Line-1]); !strings.Contains(line, strings.ToUpper(dirty.Plant.Subject)) {
			t.Errorf("seed %d %s: line %d is %q, want it to hold %s", seed, kind, dirty.Plant.Line, lines[dirty.Plant.Line-1], dirty.Plant.Subject)
		}
	}
	if n < 100 {
		t.Errorf("only %d Amazon seeds of 300", n)
	}
}

// A re-spelled column name is the same name once case, spaces, '_' and '-'
// are ignored, as the export package compares columns.
func TestRespellColumn(t *testing.T) {
	norm := func(s string) string {
		return strings.NewReplacer(" ", "", "_", "", "-", "").Replace(strings.ToLower(s))
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range []string{"DeviceSerialNumber", "CUSTOMER_LOGIN_POOL", "ipAddress", "Device Serial Number", "PersonFirstName"} {
		for range 20 {
			if got := respellColumn(r, c); norm(got) != norm(c) {
				t.Errorf("%q re-spelled as %q", c, got)
			}
		}
	}
	if got := words("CUSTOMER_LOGIN_POOL"); !reflect.DeepEqual(got, []string{"CUSTOMER", "LOGIN", "POOL"}) {
		t.Errorf("words: got %q", got)
	}
	if got := words("DeviceSerialNumber"); !reflect.DeepEqual(got, []string{"Device", "Serial", "Number"}) {
		t.Errorf("words: got %q", got)
	}
}
