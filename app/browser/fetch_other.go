//go:build !wasm

package browser

import "context"

// FetchFile reports that there is no browser.
func FetchFile(ctx context.Context, url, name string) (*File, error) { return nil, errNoBrowser }

// FetchText reports that there is no browser.
func FetchText(ctx context.Context, url string) (string, error) { return "", errNoBrowser }
