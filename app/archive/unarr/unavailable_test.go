//go:build !wasm && !cgo

package unarr

import (
	"context"
	"errors"
	"strings"
	"testing"

	"exportlens/app/archive"
)

func TestUnpackWithoutCgo(t *testing.T) {
	_, _, err := (&Unpacker{}).Unpack(context.Background(), "x.rar", strings.NewReader("Rar!"), 4, archive.Limits{})
	if !errors.Is(err, ErrUnavailable) || !strings.HasPrefix(err.Error(), "unarr: x.rar: ") {
		t.Errorf("got %v, want unarr: x.rar: %v", err, ErrUnavailable)
	}
}
