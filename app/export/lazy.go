package export

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles expr on its first use, not when the package loads:
// the viewer's start runs every package's initialisation on the page's
// main thread, before anything responds (BenchmarkBrowserStart), and the
// patterns are needed only once an export is read.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
