//go:build wasm

package browser

import (
	"context"
	"fmt"
	"syscall/js"
)

// FetchFile gets one of the app's own files (a bundled demo) as a File named
// name. The bytes go into a Blob held by the browser, not into wasm memory,
// and are then read like a file the person chose. Only same-origin URLs of
// the app are ever passed here: nothing is sent but the GET.
func FetchFile(ctx context.Context, url, name string) (f *File, err error) {
	resp, err := fetch(ctx, url)
	if err != nil {
		return nil, err
	}
	defer recoverJS(&err)
	blob, err := await(resp.Call("blob"))
	if err != nil {
		return nil, fmt.Errorf("browser: %s: %v", url, err)
	}
	return newFile(name, blob), nil
}

// FetchText gets one of the app's own small text files (the demo index).
func FetchText(ctx context.Context, url string) (s string, err error) {
	resp, err := fetch(ctx, url)
	if err != nil {
		return "", err
	}
	defer recoverJS(&err)
	v, err := await(resp.Call("text"))
	if err != nil {
		return "", fmt.Errorf("browser: %s: %v", url, err)
	}
	return v.String(), nil
}

// fetch GETs url and checks the status. Cancelling ctx aborts the request.
func fetch(ctx context.Context, url string) (resp js.Value, err error) {
	defer recoverJS(&err)
	if err := ctx.Err(); err != nil {
		return js.Value{}, err
	}
	abort := js.Global().Get("AbortController").New()
	stop := context.AfterFunc(ctx, func() { abort.Call("abort") })
	defer stop()
	opts := js.Global().Get("Object").New()
	opts.Set("signal", abort.Get("signal"))
	opts.Set("credentials", "same-origin")
	resp, err = await(js.Global().Call("fetch", url, opts))
	if err != nil {
		if ctx.Err() != nil {
			return js.Value{}, ctx.Err()
		}
		return js.Value{}, fmt.Errorf("browser: %s: %v", url, err)
	}
	if !resp.Get("ok").Bool() {
		return js.Value{}, fmt.Errorf("browser: %s: HTTP status %d", url, resp.Get("status").Int())
	}
	return resp, nil
}
