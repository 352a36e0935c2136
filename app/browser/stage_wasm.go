//go:build wasm

package browser

import "syscall/js"

// Stage is the start of one stage of the work, on the page's clock
// (performance.now, milliseconds).
type Stage float64

// StartStage starts a stage.
func StartStage() Stage {
	defer func() { recover() }()
	return Stage(js.Global().Get("performance").Call("now").Float())
}

// End records the stage from its start until now as a performance
// measure named name, which DevTools' timeline and the browser benchmark
// show ("exportlens:load"). A page without User Timing records nothing.
func (s Stage) End(name string) {
	defer func() { recover() }()
	perf := js.Global().Get("performance")
	opts := js.Global().Get("Object").New()
	opts.Set("start", float64(s))
	opts.Set("end", perf.Call("now"))
	perf.Call("measure", name, opts)
}

// EndAtPaint records the stage as End does, but ends it at the next
// animation frame's timer turn: after the DOM changes made before it have
// been laid out for that frame, which is when the person sees them.
func (s Stage) EndAtPaint(name string) {
	defer func() { recover() }()
	var frame, after js.Func
	after = js.FuncOf(func(js.Value, []js.Value) any {
		after.Release()
		s.End(name)
		return nil
	})
	frame = js.FuncOf(func(js.Value, []js.Value) any {
		frame.Release()
		js.Global().Call("setTimeout", after, 0)
		return nil
	})
	js.Global().Call("requestAnimationFrame", frame)
}
