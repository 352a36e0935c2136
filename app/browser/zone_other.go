//go:build !wasm

package browser

import "time"

// UseLocalZone leaves time.Local as the system has it natively and returns
// its name.
func UseLocalZone() string { return time.Local.String() }
