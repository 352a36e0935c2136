package view

import (
	"html"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The Files page's text and JSON previews hide what a hidden record says,
// as its CSV preview hides the cells (protect.go): in a text or HTML file
// the words themselves, where they stand in the lines of the record (from
// its first line to the next record's); in a JSON document every string
// under the record's element that holds them. Time, device and the rest of
// the markup stay visible.

// ShownPart is a piece of a previewed line: shown as it is, or hidden.
type ShownPart struct {
	Text   string
	Hidden bool
}

// Redact splits line into the parts to show and the parts that are one of
// said (as read, HTML-escaped as an HTML file writes it, or escaped as a
// URL's query writes it), each found
// only where it is not part of a longer word. When the line was cut
// (cut), a tail that begins one of said is hidden too.
func Redact(line string, said []string, cut bool) []ShownPart {
	if len(said) == 0 || line == "" {
		return []ShownPart{{Text: line}}
	}
	forms := make([]string, 0, 2*len(said))
	for _, s := range said {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		forms = append(forms, s)
		if e := html.EscapeString(s); e != s {
			forms = append(forms, e)
		}
		// A search link of the record ("titleUrl": "…?q=what%27s+the+time").
		if e := url.QueryEscape(s); e != s {
			forms = append(forms, e, html.EscapeString(e))
		}
	}
	// Longest first: a form that holds another is hidden as a whole.
	slices.SortFunc(forms, func(a, b string) int { return len(b) - len(a) })
	hidden := make([]bool, len(line))
	for _, f := range forms {
		for from := 0; from < len(line); {
			i := strings.Index(line[from:], f)
			if i < 0 {
				break
			}
			i += from
			j := i + len(f)
			if wordEdge(line, i, f) && wordEdgeAfter(line, j, f) {
				for k := i; k < j; k++ {
					hidden[k] = true
				}
			}
			from = i + 1
		}
		if cut {
			// The cut line ends inside the record: a tail of at least a few
			// letters that begins f is f's start.
			for n := min(len(f)-1, len(line)); n >= 4; n-- {
				if strings.HasSuffix(line, f[:n]) && wordEdge(line, len(line)-n, f) {
					for k := len(line) - n; k < len(line); k++ {
						hidden[k] = true
					}
					break
				}
			}
		}
	}
	var out []ShownPart
	for i := 0; i < len(line); {
		j := i
		for j < len(line) && hidden[j] == hidden[i] {
			j++
		}
		out = append(out, ShownPart{Text: line[i:j], Hidden: hidden[i]})
		i = j
	}
	return out
}

// wordEdge: f found at line[i:] does not continue a word before it.
func wordEdge(line string, i int, f string) bool {
	if i == 0 {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(line[:i])
	first, _ := utf8.DecodeRuneInString(f)
	return !(isWordRune(before) && isWordRune(first))
}

// wordEdgeAfter: f ending at line[:j] is not followed by more of a word.
func wordEdgeAfter(line string, j int, f string) bool {
	if j >= len(line) {
		return true
	}
	after, _ := utf8.DecodeRuneInString(line[j:])
	last, _ := utf8.DecodeLastRuneInString(f)
	return !(isWordRune(after) && isWordRune(last))
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// AnyHidden reports whether redact hid something.
func AnyHidden(parts []ShownPart) bool {
	for _, p := range parts {
		if p.Hidden {
			return true
		}
	}
	return false
}

// TextSaid returns what the hidden records say that may stand in line n
// of the text file key: the records whose lines hold n (a record runs from
// its first line to the next record's first line). A JSON document shown
// as text has no lines per record: every hidden record's words are looked
// for in every line.
func (p *Protection) TextSaid(key string, n int) []string {
	if p == nil {
		return nil
	}
	if recs := p.Pointers[key]; len(recs) > 0 {
		return p.allSaid(key)
	}
	starts := p.starts[key]
	i, found := slices.BinarySearch(starts, n)
	if !found {
		i--
	}
	if i < 0 {
		return nil
	}
	return p.Records[key][starts[i]]
}

// allSaid is every word of the hidden JSON records of file key.
func (p *Protection) allSaid(key string) []string {
	if s, ok := p.saidCache[key]; ok {
		return s
	}
	var out []string
	for _, said := range p.Pointers[key] {
		out = append(out, said...)
	}
	p.saidCache[key] = out
	return out
}

// FileHides reports whether file key holds hidden records, and their findings.
func (p *Protection) FileHides(key string) (bool, []int) {
	if p == nil {
		return false, nil
	}
	if len(p.Records[key]) == 0 && len(p.Pointers[key]) == 0 {
		return false, nil
	}
	return true, p.RecordFindings[key]
}
