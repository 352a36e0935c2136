//go:build wasm

package browser

import (
	"sync"
	"syscall/js"
	"time"
)

// Pause hands the thread to the page for one turn of its event loop and
// returns when that turn is over: input is handled and, when a frame is
// due, the page is drawn. Go's time.Sleep is a setTimeout, which browsers
// clamp to 4 ms once timers nest, so a pipeline that slept a millisecond
// every 15 ms of work waited a fifth of its time; a message on a
// MessageChannel comes back as soon as the page has had its turn.
func Pause() {
	pauser.mu.Lock()
	defer pauser.mu.Unlock()
	if !pauser.ready && !pauser.init() {
		time.Sleep(time.Millisecond)
		return
	}
	pauser.turn()
	if pacer.collect() { // in a task of its own (PaceGC)
		pauser.turn()
	}
}

// turn posts a message and waits for it: the page's turn.
func (p *pause) turn() {
	p.port.Call("postMessage", nil)
	<-p.back
}

// pause is a MessageChannel whose messages wake the goroutine that posted
// them; one is in flight at a time (mu).
type pause struct {
	mu    sync.Mutex
	ready bool
	port  js.Value
	back  chan struct{}
	fn    js.Func
}

var pauser pause

func (p *pause) init() (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	mc := js.Global().Get("MessageChannel")
	if mc.Type() != js.TypeFunction {
		return false
	}
	ch := mc.New()
	p.back = make(chan struct{}, 1)
	p.fn = js.FuncOf(func(js.Value, []js.Value) any {
		select {
		case p.back <- struct{}{}:
		default:
		}
		return nil
	})
	ch.Get("port1").Set("onmessage", p.fn)
	p.port = ch.Get("port2")
	p.ready = true
	return true
}
