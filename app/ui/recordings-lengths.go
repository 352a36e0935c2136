package ui

import (
	"github.com/maxence-charriere/go-app/v9/pkg/app"

	"exportlens/app/view"
)

// wantRowLengths asks for the lengths of the rows drawn, and draws them
// again once they are read.
func (p *recordingsPage) wantRowLengths(ix *view.Recordings, items []int) {
	ctx := p.ctx
	if ctx == nil {
		return
	}
	ix.WantLengths(items, ctx.Async, func() {
		ctx.Dispatch(func(app.Context) {})
	})
}

// lengthText is the row's length, "0:07"; "" while it is being read or when
// the file declares none.
func lengthText(ix *view.Recordings, k int) string {
	if d, ok := ix.LengthOf(k); ok && d > 0 {
		return clock(d.Seconds())
	}
	return ""
}
