//go:build !wasm

package main

import (
	"fmt"
	"strings"
	"testing"
)

// lineDiff shows how got differs from want, line by line: "-" for a line
// only want has, "+" for one only got has, each with its line number in
// its file, at most limit lines (a longest common subsequence of the lines;
// the reports compared are a few hundred lines long).
func lineDiff(want, got string, limit int) string {
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	// lcs[i][j]: the longest common subsequence of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			i, j = i+1, j+1
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, fmt.Sprintf("-%4d %s", i+1, a[i]))
			i++
		default:
			out = append(out, fmt.Sprintf("+%4d %s", j+1, b[j]))
			j++
		}
	}
	if len(out) > limit {
		out = append(out[:limit], fmt.Sprintf("… and %d more lines", len(out)-limit))
	}
	return strings.Join(out, "\n")
}

// TestLineDiff: only the lines that differ are shown, each with its line
// number, the removed before the added; equal texts show nothing.
func TestLineDiff(t *testing.T) {
	want := "{\n  \"verdict\": \"mismatch\",\n  \"n\": 3\n}"
	got := "{\n  \"verdict\": \"consistent\",\n  \"n\": 3,\n  \"m\": 1\n}"
	if d := lineDiff(want, want, 10); d != "" {
		t.Errorf("equal texts: %q", d)
	}
	wantDiff := "-   2   \"verdict\": \"mismatch\",\n-   3   \"n\": 3\n+   2   \"verdict\": \"consistent\",\n+   3   \"n\": 3,\n+   4   \"m\": 1"
	if d := lineDiff(want, got, 10); d != wantDiff {
		t.Errorf("diff:\n%s\nwant:\n%s", d, wantDiff)
	}
	if d := lineDiff(want, got, 2); !strings.HasSuffix(d, "… and 3 more lines") {
		t.Errorf("cut at 2 lines: %q", d)
	}
}
