package view

import (
	"strings"
	"testing"
)

func joinShown(parts []ShownPart) string {
	var b strings.Builder
	for _, p := range parts {
		if p.Hidden {
			b.WriteString("[·]")
			continue
		}
		b.WriteString(p.Text)
	}
	return b.String()
}

// TestRedact: what a hidden record says is hidden in a line as read and as
// HTML writes it, only as whole words, the longer of two forms as a whole,
// and at the end of a cut line; the rest of the line is kept byte for byte.
func TestRedact(t *testing.T) {
	for _, tc := range []struct {
		line string
		said []string
		cut  bool
		want string
	}{
		{`<div class="c">Said „licht aus“</div>`, []string{"licht aus"}, false, `<div class="c">Said „[·]“</div>`},
		{`Said Tom &amp; Jerry<br>Sat`, []string{"Tom & Jerry"}, false, `Said [·]<br>Sat`},
		{`stop the stopwatch, stop`, []string{"stop"}, false, `[·] the stopwatch, [·]`},
		{`play some jazz music`, []string{"some jazz", "jazz"}, false, `play [·] music`},
		{`x Said what is the weather in Ber`, []string{"what is the weather in Berlin"}, true, `x Said [·]`},
		{`x Said what is the weather in Ber`, []string{"what is the weather in Berlin"}, false, `x Said what is the weather in Ber`},
		{`"titleUrl": "https://www.google.com/search?q=what%27s+my+bank+balance"`, []string{"what's my bank balance"}, false, `"titleUrl": "https://www.google.com/search?q=[·]"`},
		{`nothing here`, nil, false, `nothing here`},
		{`  `, []string{"  "}, false, `  `},
	} {
		parts := Redact(tc.line, tc.said, tc.cut)
		if got := joinShown(parts); got != tc.want {
			t.Errorf("redact(%q, %q, %v) = %q, want %q", tc.line, tc.said, tc.cut, got, tc.want)
		}
		var all strings.Builder
		for _, p := range parts {
			all.WriteString(p.Text)
		}
		if all.String() != tc.line {
			t.Errorf("redact(%q): the parts join to %q, not the line", tc.line, all.String())
		}
		if AnyHidden(parts) != strings.Contains(tc.want, "[·]") {
			t.Errorf("anyHidden(%q) = %v", tc.line, AnyHidden(parts))
		}
	}
}

// TestTextSaid: a record's words are looked for from its first line up to
// the next record's first line, not in the lines of records around it.
func TestTextSaid(t *testing.T) {
	const key = "p\x00a.html"
	p := &Protection{
		Records: map[string]map[int][]string{key: {10: {"stranger words"}}},
		starts:  map[string][]int{key: {3, 10, 17}},
	}
	for n, want := range map[int]bool{2: false, 3: false, 9: false, 10: true, 16: true, 17: false, 40: false} {
		if got := len(p.TextSaid(key, n)) > 0; got != want {
			t.Errorf("line %d: words looked for %v, want %v", n, got, want)
		}
	}
	json := &Protection{Pointers: map[string]map[string][]string{key: {"/1": {"a"}, "/4": {"b"}}}, saidCache: map[string][]string{}}
	if got := json.TextSaid(key, 1); len(got) != 2 {
		t.Errorf("JSON shown as text: words looked for %q, want both records'", got)
	}
}
