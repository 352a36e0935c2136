package view

import (
	"fmt"
	"strings"
	"testing"
)

func TestReadCSVPageLines(t *testing.T) {
	// A BOM, a blank line and a quoted cell with a line break: the physical
	// line of each record is where it starts, as export.Source.Line counts.
	src := "\ufeffa,b\n1,x\n\n2,\"two\nlines\"\n3,y\n"
	pg := ReadCSVPage(strings.NewReader(src), 1, 0, "b")
	var got []string
	for _, r := range pg.Records {
		got = append(got, fmt.Sprintf("%d:%s", r.Line, strings.Join(r.Cells, "|")))
	}
	want := "1:a|b 2:1|x 4:2|two\nlines 6:3|y"
	if strings.Join(got, " ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, " "), want)
	}
	if pg.Column != 1 || pg.Next || pg.Err != nil {
		t.Errorf("got column %d, next %v, err %v; want 1, false, nil", pg.Column, pg.Next, pg.Err)
	}
}

func TestReadCSVPagePaging(t *testing.T) {
	var b strings.Builder
	b.WriteString("n\n")
	for i := 1; i <= 450; i++ {
		fmt.Fprintf(&b, "%d\n", i)
	}
	tests := []struct {
		name             string
		page, line       int
		wantPage         int
		wantFirst, wantN int
		wantNext         bool
	}{
		{"first page", 1, 0, 1, 1, RowsPerPage, true},
		{"second page", 2, 0, 2, 201, RowsPerPage, true},
		{"last page", 3, 0, 3, 401, 51, false},
		{"the page of a line", 0, 250, 2, 201, RowsPerPage, true},
		{"a line beyond the end shows the last page", 0, 9999, 3, 401, 51, false},
		{"a page beyond the end is empty", 9, 0, 9, 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pg := ReadCSVPage(strings.NewReader(b.String()), tc.page, tc.line, "")
			first := 0
			if len(pg.Records) > 0 {
				first = pg.Records[0].Line
			}
			if pg.Page != tc.wantPage || first != tc.wantFirst || len(pg.Records) != tc.wantN || pg.Next != tc.wantNext {
				t.Errorf("got page %d first line %d, %d records, next %v; want %d, %d, %d, %v",
					pg.Page, first, len(pg.Records), pg.Next, tc.wantPage, tc.wantFirst, tc.wantN, tc.wantNext)
			}
		})
	}
}

func TestReadCSVPageUnclosedQuote(t *testing.T) {
	// A quote never closed would make one record of the rest of the file.
	src := "a,b\n1,\"" + strings.Repeat("x", MaxCSVRecord+100) + "\n"
	pg := ReadCSVPage(strings.NewReader(src), 1, 0, "")
	if pg.Err == nil {
		t.Fatalf("got no error, want the record refused")
	}
	if len(pg.Records) != 1 || pg.Records[0].Line != 1 {
		t.Errorf("got %d records, want the header kept", len(pg.Records))
	}
}

func TestReadTextPage(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= 1200; i++ {
		fmt.Fprintf(&b, "line %d\r\n", i)
	}
	long := strings.Repeat("é", MaxCellShown) // 2 bytes each: cut in the middle
	b.WriteString(long + "\nlast")
	pg := ReadTextPage(strings.NewReader(b.String()), 0, 1201)
	if pg.Page != 3 || len(pg.Lines) != 202 || pg.Next {
		t.Fatalf("got page %d with %d lines, next %v; want page 3 with 202 lines, no next", pg.Page, len(pg.Lines), pg.Next)
	}
	if l := pg.Lines[0]; l.N != 1001 || l.Text != "line 1001" {
		t.Errorf("got line %d %q, want 1001 %q", l.N, l.Text, "line 1001")
	}
	if l := pg.Lines[200]; l.N != 1201 || !l.Cut || len(l.Text) > MaxCellShown || !strings.HasPrefix(long, l.Text) {
		t.Errorf("got line %d cut=%v (%d bytes), want 1201 cut to at most %d bytes", l.N, l.Cut, len(l.Text), MaxCellShown)
	}
	if l := pg.Lines[201]; l.N != 1202 || l.Text != "last" {
		t.Errorf("got line %d %q, want 1202 %q", l.N, l.Text, "last")
	}
	if pg := ReadTextPage(strings.NewReader(b.String()), 1, 0); !pg.Next || len(pg.Lines) != LinesPerPage {
		t.Errorf("first page: got %d lines, next %v; want %d, true", len(pg.Lines), pg.Next, LinesPerPage)
	}
}

func TestReadJSONTreePointers(t *testing.T) {
	src := `[{"a/b": 1, "details": [{"name": "x"}, {"name": "From unrecognized speaker"}]}]`
	root, err := ReadJSONTree(strings.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	// Walk the tree as the view does, building pointers from the keys.
	found := map[string]string{}
	var walk func(n *JSONNode, ptr string)
	walk = func(n *JSONNode, ptr string) {
		found[ptr] = n.Value
		for _, k := range n.Kids {
			walk(k, ptr+"/"+EscapePointerToken(k.Key))
		}
	}
	walk(root, "")
	for ptr, want := range map[string]string{"/0/a~1b": "1", "/0/details/1/name": "From unrecognized speaker"} {
		if got, ok := found[ptr]; !ok || got != want {
			t.Errorf("%s: got %q (found %v), want %q", ptr, got, ok, want)
		}
	}
	if got := strings.Join(PointerPrefixes("/0/details/1/name"), " "); got != " /0 /0/details /0/details/1 /0/details/1/name" {
		t.Errorf("prefixes: got %q", got)
	}
}

func TestReadJSONTreeBounds(t *testing.T) {
	tests := []struct {
		name string
		src  string
		size int64
		want error
	}{
		{"declared too big", "{}", MaxJSONBytes + 1, ErrJSONTooBig},
		{"too deep", strings.Repeat("[", MaxJSONDepth+2) + strings.Repeat("]", MaxJSONDepth+2), 0, errJSONTooDeep},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := ReadJSONTree(strings.NewReader(tc.src), tc.size); err != tc.want {
				t.Errorf("got %v, want %v", err, tc.want)
			}
		})
	}
}

func TestLooksText(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want bool
	}{
		{"ascii", []byte("hello"), true},
		{"utf-8 cut at the end", []byte("Küche")[:2], true},
		{"nul", []byte("a\x00b"), false},
		{"latin-1", []byte{'K', 0xfc, 'c', 'h', 'e'}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := LooksText(tc.in); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
