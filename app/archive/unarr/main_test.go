//go:build !wasm

package unarr

import (
	"os"
	"testing"
	"time"
)

// stallEnv makes the test child sleep before extracting, so that a test can
// watch the time limit kill it without needing a slow archive.
const stallEnv = "EXPORTLENS_UNARR_TEST_STALL"

// TestMain lets the test binary serve as the child, as cmd/exportlens does.
func TestMain(m *testing.M) {
	if IsChild() {
		if os.Getenv(stallEnv) == "1" {
			time.Sleep(time.Minute)
		}
		ChildMain()
		return
	}
	os.Exit(m.Run())
}
