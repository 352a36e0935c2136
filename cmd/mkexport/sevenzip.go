package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
)

// write7z packs files (name -> content) into out with the 7z command. Times,
// attributes and threading are fixed so that a re-run gives the same bytes.
func write7z(tmp, out string, files map[string][]byte) error {
	return write7zWith(tmp, out, files, "-mx=5")
}

// write7zWith is write7z with other method switches of the 7z command
// ("-m0=PPMd", "-ms=off", "-pSECRET"...) in place of "-mx=5". Names may
// hold folders.
func write7zWith(tmp, out string, files map[string][]byte, method ...string) error {
	dir, err := os.MkdirTemp(tmp, "7z-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	var names []string
	for n, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
		if err := os.Chmod(p, 0o644); err != nil { // 7z stores the mode; the umask must not leak in
			return err
		}
		names = append(names, n)
	}
	sort.Strings(names)
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	os.Remove(abs) // 7z a would add to an existing archive
	args := append([]string{"a", "-t7z"}, method...)
	args = append(args, "-mmt=1", "-mtm=off", "-mtc=off", "-mta=off", "-bd", "-bso0", "-bsp0", abs, "--")
	args = append(args, names...)
	cmd := exec.Command("7z", args...)
	cmd.Dir = dir
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("mkexport: 7z: %w: %s", err, msg)
	}
	return nil
}
