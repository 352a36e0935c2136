//go:build !wasm

// Command exportlens checks data-access exports (GDPR Art. 15 downloads) for
// data that belongs to someone else.
//
//	exportlens check [--json | --letter de|en] [--lang de] [--pack FILE] [--email E]
//	                 [--customer-id ID] [--device SERIAL]... [--no-devices | --owns-device]
//	                 [--not-my-device SERIAL]... [--not-my-profile ID]...
//	                 [--my-recording REF]... [--not-my-recording REF]... [--layout FILE] PATH...
//	exportlens check --batch [--json | --csv] [--lang en|de] [--jobs N] PATH...
//
// Exit status: 0 when nothing points to someone else's data, 1 when a finding
// of severity mismatch or likely exists, 2 when the input cannot be read, 3
// when it cannot tell (the verdict is unknown).
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"exportlens/app/export"

	"exportlens/app/archive/unarr"
)

const usage = `usage: exportlens check [--json | --letter en|de] [--lang en|de] [--pack FILE] [--email E]
                        [--customer-id ID] [--device SERIAL]... [--no-devices | --owns-device]
                        [--not-my-device SERIAL]... [--not-my-profile ID]...
                        [--my-recording REF]... [--not-my-recording REF]... [--layout FILE] PATH...
           exit status: 0 consistent, 1 someone else's data, 2 unreadable, 3 cannot tell
       exportlens check --batch [--json | --csv] [--lang en|de] [--jobs N] PATH...
                        (each file or folder in each PATH is one export; Takeout parts together)
       exportlens layout    (prints the default layout table, a valid --layout file)
       exportlens serve [--addr 127.0.0.1:8000] [--open=false]   (the viewer in your browser)
       exportlens static [--prefix /sub/path] DIR   (the viewer as a static site)
`

func main() {
	// The same binary re-executes itself to run go-unarr in a child process
	// with resource limits; that child does nothing else.
	if unarr.IsChild() {
		unarr.ChildMain()
		return
	}
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, usage)
		return 2
	}
	switch args[0] {
	case "check":
		checkMemoryLimit()
		return runCheck(args[1:], os.Stdout, os.Stderr)
	case "layout":
		return printLayout(os.Stdout, os.Stderr)
	case "serve":
		return runServe(args[1:], os.Stdout, os.Stderr)
	case "static":
		return runStatic(args[1:], os.Stdout, os.Stderr)
	case "-h", "--help", "help":
		fmt.Print(usage)
		return 0
	default:
		fmt.Fprintf(os.Stderr, "exportlens: unknown command %q\n%s", args[0], usage)
		return 2
	}
}

// printLayout writes the default vendor table as JSON: the starting point of
// a --layout file that teaches a changed real-world layout.
func printLayout(stdout, stderr io.Writer) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(export.DefaultLayout()); err != nil {
		fmt.Fprintf(stderr, "exportlens layout: %v\n", err)
		return 2
	}
	return 0
}

// checkMemoryLimit makes the garbage collector work harder as the heap
// nears checkMemory, unless GOMEMLIMIT says otherwise: an export of 100,000
// recordings peaks at 87-95 MiB of RSS instead of 142 MB (stored and five
// parts) in the same time (README, Measured). It is a soft limit: an
// export that needs more still gets it.
func checkMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(checkMemory)
	}
}

// checkMemory is one and a quarter times the memory budget of one export
// (export.DefaultBudget): the live heap of a full one (records, tree and
// report, about 55 MiB at 100,000 recordings) and some of its garbage. At
// one and a half budgets the RSS of the 100k exports stayed at 106-110 MiB.
const checkMemory = 5 * export.DefaultBudget / 4
