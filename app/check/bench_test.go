package check

import (
	"fmt"
	"testing"

	"exportlens/app/export"
)

// bigAmazon is amazonClean with n voice-history rows shaped like
// `mkexport -big`'s: every 37th from a device nobody registered, each
// row's customer ID also an identity (as Load reads it), every audio file
// present.
func bigAmazon(n int) *export.Export {
	x := amazonClean()
	x.Recordings = x.Recordings[:0]
	x.Audio = x.Audio[:0]
	for i := 0; i < n; i++ {
		dev, person := echoDot, anna
		switch {
		case i%37 == 36:
			dev, person = foreignDev, ""
		case i%2 == 1:
			dev = echo
		}
		line := i + 2
		addRecording(x, line, custID, dev, person, fmt.Sprintf("media/%06d.wav", i), true)
		x.Identities = append(x.Identities, export.Identity{Kind: "customer-id", Value: val(custID, at("Alexa.zip", historyCSV, line, "CustomerId"))})
	}
	return x
}

func benchmarkRun(b *testing.B, n int) {
	x := bigAmazon(n)
	b.ReportAllocs()
	for b.Loop() {
		r := Run(x, Declared{})
		if r.Verdict != VerdictMismatch || r.Summary.Recordings != n {
			b.Fatalf("got verdict %s, %d recordings", r.Verdict, r.Summary.Recordings)
		}
	}
}

func BenchmarkRun10000(b *testing.B)  { benchmarkRun(b, 10_000) }
func BenchmarkRun100000(b *testing.B) { benchmarkRun(b, 100_000) }
