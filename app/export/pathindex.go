package export

import "hash/maphash"

// pathIndex finds a file of a load by its part and path. It is a table of
// indexes into the load's files (open addressing, linear probing) and
// holds no pointer: a map of 100,000 paths is 100,000 strings that every
// collection during the load marks, and in the browser a mark holds the
// page (about 5 ms of each at that size, measured in wasm).
type pathIndex struct {
	files []file
	slots []int32 // an index into files plus one; 0 is an empty slot
	mask  uint64
	seed  maphash.Seed

	part     string // the part hashed last, and its hash: lookups come part by part
	partHash uint64
}

// newPathIndex is an index with room for n files, at most half full.
func newPathIndex(files []file, n int) *pathIndex {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &pathIndex{files: files, slots: make([]int32, size), mask: uint64(size - 1), seed: maphash.MakeSeed()}
}

func (x *pathIndex) hash(part string, h uint64) uint64 {
	if part != x.part || x.partHash == 0 {
		x.part, x.partHash = part, maphash.String(x.seed, part)|1
	}
	return h ^ x.partHash*0x9e3779b97f4a7c15
}

// add records files[i] under its part and path, unless a file before it
// has both: it is the index of the first file with them (i when none).
func (x *pathIndex) add(i int) int {
	f := &x.files[i]
	for s := x.hash(f.Part, maphash.String(x.seed, f.Path)) & x.mask; ; s = (s + 1) & x.mask {
		v := x.slots[s]
		if v == 0 {
			x.slots[s] = int32(i + 1)
			return i
		}
		if g := &x.files[v-1]; g.Path == f.Path && g.Part == f.Part {
			return int(v - 1)
		}
	}
}

// find is the index of the first file of part and path, false when there
// is none.
func (x *pathIndex) find(part, p string) (int, bool) {
	if x == nil {
		return 0, false
	}
	for s := x.hash(part, maphash.String(x.seed, p)) & x.mask; ; s = (s + 1) & x.mask {
		v := x.slots[s]
		if v == 0 {
			return 0, false
		}
		if g := &x.files[v-1]; g.Path == p && g.Part == part {
			return int(v - 1), true
		}
	}
}

// findBytes is find for a path in a buffer: no string is made of it.
func (x *pathIndex) findBytes(part string, p []byte) (int, bool) {
	if x == nil {
		return 0, false
	}
	for s := x.hash(part, maphash.Bytes(x.seed, p)) & x.mask; ; s = (s + 1) & x.mask {
		v := x.slots[s]
		if v == 0 {
			return 0, false
		}
		if g := &x.files[v-1]; g.Path == string(p) && g.Part == part {
			return int(v - 1), true
		}
	}
}
