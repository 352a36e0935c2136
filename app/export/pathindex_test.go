package export

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestPathIndex: over many seeds, files with shared and repeated paths in
// a few parts are found by part and path (as a string and as bytes), the
// first of a repeated pair is the one found, and names not listed, or
// listed only in another part, are not found.
func TestPathIndex(t *testing.T) {
	for seed := range uint64(200) {
		rng := rand.New(rand.NewPCG(seed, 9))
		parts := []string{"", "takeout-001.zip", "takeout-002.zip", "a.zip!b.zip"}[:1+rng.IntN(4)]
		n := rng.IntN(3000)
		if seed%2 == 1 {
			n = rng.IntN(12) // a small table: probes pass other parts' paths
		}
		var files []file
		for range n {
			files = append(files, file{Part: parts[rng.IntN(len(parts))],
				Path: fmt.Sprintf("Alexa/media/%d.wav", rng.IntN(max(n, 1)))})
		}
		x := newPathIndex(files, len(files))
		first := map[[2]string]int{}
		for i, f := range files {
			k := [2]string{f.Part, f.Path}
			want, seen := first[k]
			if !seen {
				first[k], want = i, i
			}
			if got := x.add(i); got != want {
				t.Fatalf("seed %d: add(%d) of %q is %d, want %d", seed, i, k, got, want)
			}
		}
		for k, want := range first {
			if got, ok := x.find(k[0], k[1]); !ok || got != want {
				t.Fatalf("seed %d: find %q = %d, %v; want %d", seed, k, got, ok, want)
			}
			if got, ok := x.findBytes(k[0], []byte(k[1])); !ok || got != want {
				t.Fatalf("seed %d: findBytes %q = %d, %v; want %d", seed, k, got, ok, want)
			}
		}
		for range 200 {
			k := [2]string{parts[rng.IntN(len(parts))], fmt.Sprintf("Alexa/media/%d.wav", rng.IntN(2*max(n, 1)))}
			if rng.IntN(4) == 0 {
				k[0] = "other.zip"
			}
			_, want := first[k]
			if _, got := x.find(k[0], k[1]); got != want {
				t.Fatalf("seed %d: find %q found %v, want %v", seed, k, got, want)
			}
			if _, got := x.findBytes(k[0], []byte(k[1])); got != want {
				t.Fatalf("seed %d: findBytes %q found %v, want %v", seed, k, got, want)
			}
		}
	}
	var none *pathIndex
	if _, ok := none.find("", "a"); ok {
		t.Error("a nil index finds a path")
	}
}
