//go:build !wasm

package browser

// Stage is the start of one stage of the work; natively it records nothing
// (the command's stages are measured by its benchmarks).
type Stage float64

// StartStage starts a stage.
func StartStage() Stage { return 0 }

// End records nothing natively.
func (Stage) End(string) {}

// EndAtPaint records nothing natively.
func (Stage) EndAtPaint(string) {}
