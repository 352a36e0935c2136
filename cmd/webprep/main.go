// Command webprep is the build step between the wasm build and the native
// build (`make build` runs it as `go run ./cmd/webprep`): it copies
// GOROOT's wasm_exec.js into web/, writes brotli and gzip copies of
// web/app.wasm for the server to send when the browser accepts them, and
// copies the demo exports with their index into web/demo. Everything it
// writes is gitignored and embedded by the native binary.
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/andybalholm/brotli"
)

// demo is one bundled demo export: a fixture and its titles.
type demo struct {
	Name    string `json:"name"`
	TitleEN string `json:"title_en"`
	TitleDE string `json:"title_de"`
	// Files are URL paths under /web/demo; a client resolves them against the
	// static resources location (go-app's ResolveStaticResource), so they work
	// under a sub-path too.
	Files    []string        `json:"files"`
	Declared json.RawMessage `json:"declared"`
}

var demos = []demo{
	{Name: "amazon-2018", TitleEN: "The 2018 household mix-up", TitleDE: "Die Haushalts-Verwechslung von 2018"},
	{Name: "amazon-clean", TitleEN: "A clean Amazon export", TitleDE: "Ein sauberer Amazon-Export"},
	{Name: "takeout-unrecognized", TitleEN: "Takeout with an unknown speaker", TitleDE: "Takeout mit einer unbekannten Stimme"},
}

func main() {
	web := flag.String("web", "web", "the web `folder`")
	fixtures := flag.String("fixtures", "testdata/fixtures", "the fixtures `folder`")
	goroot := flag.String("goroot", "", "GOROOT (`go env GOROOT`), whose lib/wasm/wasm_exec.js is served")
	stamp := flag.String("stamp", "", "`file` that keeps the hash of the last compressed app.wasm, to skip compressing it again")
	flag.Parse()
	if err := run(*web, *fixtures, *goroot, *stamp); err != nil {
		fmt.Fprintf(os.Stderr, "webprep: %v\n", err)
		os.Exit(1)
	}
}

func run(web, fixtures, goroot, stamp string) error {
	if goroot == "" {
		return errors.New("--goroot is required")
	}
	b, err := os.ReadFile(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(web, "wasm_exec.js"), b, 0o644); err != nil {
		return err
	}
	if err := compress(filepath.Join(web, "app.wasm"), stamp); err != nil {
		return err
	}
	return copyDemos(web, fixtures)
}

// compress writes NAME.br and NAME.gz next to NAME, at the best ratio: it runs
// once per build, and every visitor downloads the result.
// go build rewrites app.wasm even when nothing changed, so a hash in stamp,
// not the file time, tells whether the copies are still current.
func compress(name, stamp string) error {
	raw, err := os.ReadFile(name)
	if err != nil {
		return fmt.Errorf("%w (build the wasm first: GOOS=js GOARCH=wasm go build -o web/app.wasm ./cmd/exportlens)", err)
	}
	sum := sha256.Sum256(raw)
	hash := hex.EncodeToString(sum[:])
	if stamp != "" {
		old, _ := os.ReadFile(stamp)
		_, errBr := os.Stat(name + ".br")
		_, errGz := os.Stat(name + ".gz")
		if string(old) == hash && errBr == nil && errGz == nil {
			return nil
		}
	}
	var br bytes.Buffer
	bw := brotli.NewWriterOptions(&br, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
	if _, err := bw.Write(raw); err != nil {
		return err
	}
	if err := bw.Close(); err != nil {
		return err
	}
	var gz bytes.Buffer
	gw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if _, err := gw.Write(raw); err != nil {
		return err
	}
	if err := gw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(name+".br", br.Bytes(), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(name+".gz", gz.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("webprep: %s %d bytes, brotli %d, gzip %d\n", name, len(raw), br.Len(), gz.Len())
	if stamp == "" {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(stamp), 0o755); err != nil {
		return err
	}
	return os.WriteFile(stamp, []byte(hash), 0o644)
}

// copyDemos copies each demo fixture's input files into web/demo/NAME/ and
// writes web/demo/index.json.
func copyDemos(web, fixtures string) error {
	out := filepath.Join(web, "demo")
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	var index []demo
	for _, d := range demos {
		in := filepath.Join(fixtures, d.Name, "input")
		entries, err := os.ReadDir(in)
		if err != nil {
			return err
		}
		var planted struct {
			Declared json.RawMessage `json:"declared"`
		}
		pb, err := os.ReadFile(filepath.Join(fixtures, d.Name, "planted.json"))
		if err != nil {
			return err
		}
		if err := json.Unmarshal(pb, &planted); err != nil {
			return fmt.Errorf("%s/planted.json: %w", d.Name, err)
		}
		d.Declared = planted.Declared
		if err := os.MkdirAll(filepath.Join(out, d.Name), 0o755); err != nil {
			return err
		}
		for _, e := range entries {
			if !e.Type().IsRegular() {
				return fmt.Errorf("%s: %s is not a plain file; demos hold files only", in, e.Name())
			}
			if err := copyFile(filepath.Join(in, e.Name()), filepath.Join(out, d.Name, e.Name())); err != nil {
				return err
			}
			d.Files = append(d.Files, "/web/demo/"+d.Name+"/"+e.Name())
		}
		sort.Strings(d.Files)
		index = append(index, d)
	}
	b, err := json.MarshalIndent(index, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "index.json"), append(b, '\n'), 0o644)
}

func copyFile(from, to string) error {
	r, err := os.Open(from)
	if err != nil {
		return err
	}
	defer r.Close()
	w, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, r); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
