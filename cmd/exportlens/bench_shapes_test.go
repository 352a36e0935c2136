//go:build !wasm

package main

// The benchmark exports and their floor. make bench generates one export
// per shape (cmd/mkexport -big -shape) into testdata/big/<shape>-<n>/ and
// names them in EXPORTLENS_BIG;
// every figure of the benchmarks is also given as a ratio to the floor:
// the time it takes just to read the ZIP central directories of the same
// files, measured in the same run (natively here, in the page by
// floorJS), which no opening can beat.

import (
	"archive/zip"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// benchShapeOrder is the order of cmd/mkexport's shapes in reports.
var benchShapeOrder = []string{"stored", "deflated", "small", "parts", "nested"}

// benchShape is one generated export.
type benchShape struct {
	Name       string   // the folder's name: "stored-10k"
	Files      []string // its inputs, absolute
	Recordings int      // from its planted.json
	Verdict    string   // from its planted.json
}

// benchShapes returns the generated exports EXPORTLENS_BIG names, fewest
// recordings first, then in benchShapeOrder. EXPORTLENS_BIG is a list of
// folders (separated as PATH is); a folder that holds input/ is an export,
// any other stands for the exports in its subfolders. Benchmarks skip
// without it, so that `go test -bench` elsewhere works.
func benchShapes(b *testing.B) []benchShape {
	list := os.Getenv("EXPORTLENS_BIG")
	if list == "" {
		b.Skip("EXPORTLENS_BIG not set: run make bench")
	}
	var shapes []benchShape
	for _, dir := range filepath.SplitList(list) {
		if s, ok := readBenchShape(b, dir); ok {
			shapes = append(shapes, s)
			continue
		}
		subs, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, d := range subs {
			if s, ok := readBenchShape(b, d); ok {
				shapes = append(shapes, s)
			}
		}
	}
	if len(shapes) == 0 {
		b.Fatalf("no generated export (a folder with input/) in %s: run make bench", list)
	}
	rank := func(name string) int {
		i := slices.IndexFunc(benchShapeOrder, func(s string) bool { return strings.HasPrefix(name, s+"-") })
		return cmp.Or(i+1, len(benchShapeOrder)+1)
	}
	slices.SortFunc(shapes, func(x, y benchShape) int {
		return cmp.Or(cmp.Compare(x.Recordings, y.Recordings), cmp.Compare(rank(x.Name), rank(y.Name)), cmp.Compare(x.Name, y.Name))
	})
	return shapes
}

// readBenchShape reads the export in dir, if it is one.
func readBenchShape(b *testing.B, dir string) (benchShape, bool) {
	files, _ := filepath.Glob(filepath.Join(dir, "input", "*"))
	if len(files) == 0 {
		return benchShape{}, false
	}
	s := benchShape{Name: filepath.Base(dir)}
	for _, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			b.Fatal(err)
		}
		s.Files = append(s.Files, abs)
	}
	var fx struct {
		Recordings int    `json:"recordings"`
		Verdict    string `json:"verdict"`
	}
	if raw, err := os.ReadFile(filepath.Join(dir, "planted.json")); err == nil {
		if err := json.Unmarshal(raw, &fx); err != nil {
			b.Fatalf("%s/planted.json: %v", dir, err)
		}
	}
	s.Recordings, s.Verdict = fx.Recordings, fx.Verdict
	return s, true
}

// eachShape runs f as a sub-benchmark per generated export.
func eachShape(b *testing.B, f func(b *testing.B, s benchShape)) {
	for _, s := range benchShapes(b) {
		b.Run(s.Name, func(b *testing.B) { f(b, s) })
	}
}

// zipDirectoryEntries reads the central directory of every file with
// archive/zip, and those of the stored ZIPs inside them, and counts the
// entries: the native floor. It reads nothing but directories (and a
// nested ZIP's local header, to find its start).
func zipDirectoryEntries(paths []string) (int, error) {
	n := 0
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return 0, err
		}
		st, err := f.Stat()
		if err == nil {
			var k int
			k, err = zipEntries(f, st.Size())
			n += k
		}
		f.Close()
		if err != nil {
			return 0, fmt.Errorf("%s: %w", p, err)
		}
	}
	return n, nil
}

// zipEntries counts the entries of the ZIP in r and of the stored ZIPs it
// holds. (Test code over generated exports: no limits.)
func zipEntries(r io.ReaderAt, size int64) (int, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return 0, err
	}
	n := len(zr.File)
	for _, f := range zr.File {
		if f.Method != zip.Store || !strings.EqualFold(filepath.Ext(f.Name), ".zip") {
			continue
		}
		off, err := f.DataOffset()
		if err != nil {
			return 0, err
		}
		k, err := zipEntries(io.NewSectionReader(r, off, int64(f.CompressedSize64)), int64(f.CompressedSize64))
		if err != nil {
			return 0, fmt.Errorf("%s: %w", f.Name, err)
		}
		n += k
	}
	return n, nil
}

// nativeFloor times zipDirectoryEntries on paths: the median of five
// runs, in milliseconds, and the entries counted.
func nativeFloor(b *testing.B, paths []string) (float64, int) {
	b.Helper()
	var ms []float64
	entries := 0
	for range 5 {
		start := time.Now()
		n, err := zipDirectoryEntries(paths)
		if err != nil {
			b.Fatalf("floor: %v", err)
		}
		ms = append(ms, float64(time.Since(start).Microseconds())/1000)
		entries = n
	}
	slices.Sort(ms)
	return ms[len(ms)/2], entries
}

// floorJS defines window.__floor(files) in the page: it reads each File's
// end of central directory (ZIP64 too) and central directory through
// Blob.slice, follows stored .zip members into their own directories (a
// local header read each), counts the entries and resolves to
// {ms, entries}. It is the floor of opening in the browser: what every
// reader of these files must read before it knows what they hold.
const floorJS = `(() => {
  const u16 = (v, o) => v.getUint16(o, true), u32 = (v, o) => v.getUint32(o, true);
  const u64 = (v, o) => Number(v.getBigUint64(o, true));
  const read = async (f, a, b) => new DataView(await f.slice(a, b).arrayBuffer());
  const isZip = (v, end) => end >= 4 && String.fromCharCode(v.getUint8(end - 4), v.getUint8(end - 3), v.getUint8(end - 2), v.getUint8(end - 1)).toLowerCase() === '.zip';
  // zip64 reads a central directory record's ZIP64 extra field for the
  // values that are 0xffffffff, in the order the format gives them.
  const zip64 = (cd, p, nl, xl, vals) => {
    for (let q = p + 46 + nl; q + 4 <= p + 46 + nl + xl; q += 4 + u16(cd, q + 2)) {
      if (u16(cd, q) !== 1) continue;
      let r = q + 4;
      for (const k of ['usize', 'csize', 'off']) if (vals[k] === 0xffffffff) { vals[k] = u64(cd, r); r += 8; }
      break;
    }
    return vals;
  };
  const zip = async (f, base, size) => {
    const tail = Math.min(size, 22 + 65535 + 20);
    const t = await read(f, base + size - tail, base + size);
    let e = -1;
    for (let i = t.byteLength - 22; i >= 0; i--) if (u32(t, i) === 0x06054b50) { e = i; break; }
    if (e < 0) throw new Error('no end of central directory');
    let cdSize = u32(t, e + 12), cdOff = u32(t, e + 16);
    if ((u16(t, e + 10) === 0xffff || cdSize === 0xffffffff || cdOff === 0xffffffff) && e >= 20 && u32(t, e - 20) === 0x07064b50) {
      const at = u64(t, e - 20 + 8);
      const z = await read(f, base + at, base + at + 56);
      if (u32(z, 0) === 0x06064b50) { cdSize = u64(z, 40); cdOff = u64(z, 48); }
    }
    const cd = await read(f, base + cdOff, base + cdOff + cdSize);
    let n = 0;
    const inner = [];
    for (let p = 0; p + 46 <= cd.byteLength && u32(cd, p) === 0x02014b50;) {
      const nl = u16(cd, p + 28), xl = u16(cd, p + 30), cl = u16(cd, p + 32);
      if (u16(cd, p + 10) === 0 && isZip(cd, p + 46 + nl)) {
        const v = zip64(cd, p, nl, xl, {csize: u32(cd, p + 20), usize: u32(cd, p + 24), off: u32(cd, p + 42)});
        inner.push(v);
      }
      n++;
      p += 46 + nl + xl + cl;
    }
    for (const v of inner) {
      const lh = await read(f, base + v.off, base + v.off + 30);
      n += await zip(f, base + v.off + 30 + u16(lh, 26) + u16(lh, 28), v.csize);
    }
    return n;
  };
  window.__floor = async (files) => {
    const t0 = performance.now();
    let entries = 0;
    for (const f of files) entries += await zip(f, 0, f.size);
    return {ms: performance.now() - t0, entries};
  };
  return true;
})()`

// benchRSS runs the built command (bin/exportlens, as make bench builds it)
// on paths and returns its wall time in ms and peak RSS in MiB (rusage
// Maxrss, KiB on Linux). ok is false when the binary is not there.
func benchRSS(b *testing.B, paths []string) (ms, rssMiB float64, ok bool) {
	b.Helper()
	bin := filepath.Join("..", "..", "bin", "exportlens")
	if _, err := os.Stat(bin); err != nil {
		b.Logf("no %s (make build): the command's RSS is not measured", bin)
		return 0, 0, false
	}
	return runForRSS(b, bin, append([]string{"check", "--json"}, paths...))
}
