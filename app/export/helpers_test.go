package export

import (
	"context"
	"errors"
	"io"
	"strings"
	"sync/atomic"
	"testing"
)

// memFile is a member with the given content.
func memFile(part, p, content string) file {
	return file{Part: part, Path: p, Size: int64(len(content)),
		OpenFn: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(content)), nil }}
}

// opened counts reads of files that Load must never open (audio).
var opened atomic.Int64

// audioFile is an audio member whose bytes must not be read while loading.
func audioFile(part, p string, size int64) file {
	return file{Part: part, Path: p, Size: size, OpenFn: func() (io.ReadCloser, error) {
		opened.Add(1)
		return nil, errors.New("audio must not be opened while loading")
	}}
}

// brokenFile fails when opened.
func brokenFile(part, p string) file {
	return file{Part: part, Path: p, Size: 10, OpenFn: func() (io.ReadCloser, error) {
		return nil, errors.New("damaged member")
	}}
}

func mustLoad(t testing.TB, files []file, lay *Layout) *Export {
	t.Helper()
	before := opened.Load()
	ex, err := load(context.Background(), files, lay)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if n := opened.Load() - before; n != 0 {
		t.Errorf("load opened audio files %d times, want 0", n)
	}
	return ex
}

func texts(vs []Value) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.Text
	}
	return out
}

func join(ss []string) string { return strings.Join(ss, "|") }
