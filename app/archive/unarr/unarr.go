//go:build !wasm

// Package unarr reads the archives that the pure-Go decoders of package
// archive cannot — ZIP members compressed with Deflate64 or LZMA, RAR 1.5
// compression, 7z methods the Go decoder lacks — through the C library
// unarr (github.com/gen2brain/go-unarr). It is the native side of
// archive.Unpacker and never part of the browser build.
//
// Entry points: Unpacker.Unpack (parent side), IsChild and ChildMain (the
// child side; a main function calls them first thing).
//
// unarr is never called in the calling process: its Go wrapper reports more
// bytes than it read, allocates whatever size an archive declares and panics
// on empty input, and its RAR code has an open use-after-free. So Unpack
// copies the archive to a temporary file and re-executes the running binary
// as a child that extracts the members under an address-space limit and a
// time limit, into numbered files plus a manifest. The parent checks the
// manifest against the limits again and serves the members as an fs.FS whose
// paths are the cleaned member names; the names as written in the archive
// stay available through FS.Members.
package unarr
