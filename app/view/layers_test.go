package view

import (
	"go/build"
	"path/filepath"
	"slices"
	"testing"
)

// TestLayers: the imports point one way. The pages (app/ui) reach the
// archive, the media readers and the evidence pack only through this
// package; this package and the domain below it import neither go-app, nor
// the DOM, nor a page, so they run natively. Checked for the native build and the wasm one,
// tests included, from the packages' own import lists.
func TestLayers(t *testing.T) {
	const mod = "exportlens/app/"
	forbidden := map[string][]string{
		"ui": {mod + "archive", mod + "media", mod + "pack"},
	}
	gui := []string{"github.com/maxence-charriere/go-app/v9/pkg/app", "syscall/js", mod + "ui", mod + "browser"}
	for _, p := range []string{"view", "check", "export", "pack", "media", "archive"} {
		forbidden[p] = append(forbidden[p], gui...)
	}
	forbidden["check"] = append(forbidden["check"], mod+"view")
	forbidden["export"] = append(forbidden["export"], mod+"view", mod+"check")
	forbidden["archive"] = append(forbidden["archive"], mod+"view", mod+"check", mod+"export")
	for _, target := range [][2]string{{"linux", "amd64"}, {"js", "wasm"}} {
		ctx := build.Default
		ctx.GOOS, ctx.GOARCH = target[0], target[1]
		for pkg, bad := range forbidden {
			p, err := ctx.ImportDir(filepath.Join("..", pkg), 0)
			if err != nil {
				t.Fatalf("%s (%s): %v", pkg, ctx.GOOS, err)
			}
			imports := slices.Concat(p.Imports, p.TestImports)
			if len(imports) == 0 {
				t.Fatalf("%s (%s): no imports read", pkg, ctx.GOOS)
			}
			for _, imp := range imports {
				if slices.Contains(bad, imp) {
					t.Errorf("app/%s imports %s (%s build)", pkg, imp, ctx.GOOS)
				}
			}
		}
	}
}
