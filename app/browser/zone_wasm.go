//go:build wasm

package browser

import (
	"syscall/js"
	"time"
)

// UseLocalZone makes time.Local the browser's time zone with its daylight
// saving rules, and returns the zone's name ("Europe/Berlin"). Go's js/wasm
// port sets time.Local to a fixed offset, the browser's offset of today,
// so a summer time read in winter was an hour off. The zone database is in
// the binary (cmd/exportlens imports time/tzdata). When the browser names
// no zone that the database knows, time.Local stays as it was and its name
// ("UTC+1") is returned.
func UseLocalZone() (name string) {
	defer func() {
		if recover() != nil {
			name = time.Local.String()
		}
	}()
	intl := js.Global().Get("Intl")
	if intl.Type() != js.TypeObject {
		return time.Local.String()
	}
	tz := intl.Get("DateTimeFormat").Invoke().Call("resolvedOptions").Get("timeZone")
	if tz.Type() != js.TypeString || tz.String() == "" {
		return time.Local.String()
	}
	loc, err := time.LoadLocation(tz.String())
	if err != nil {
		return time.Local.String()
	}
	time.Local = loc
	return loc.String()
}
