package seeded

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"strings"
	"unicode"
)

// table is a CSV before rendering: canonical column names and rows of
// cells in that order. idCols and nameCols say which columns may have
// their IDs padded or lower-cased and their names double-encoded.
type table struct {
	name     string // for the steps: the file's base name
	cols     []string
	rows     [][]string
	idCols   []string
	nameCols []string
	mark     int // index of the row whose line is wanted (the planted row), -1 for none
}

// render writes t with random, verdict-preserving changes, names them in
// ex.Steps and returns the bytes and the physical line of row t.mark.
func (t *table) render(r *rand.Rand, ex *Export) ([]byte, int) {
	var steps []string
	rows := make([][]string, len(t.rows))
	for i, row := range t.rows {
		rows[i] = append([]string(nil), row...)
	}
	idx := func(name string) int {
		for i, c := range t.cols {
			if c == name {
				return i
			}
		}
		return -1
	}
	// Cell changes that a careful reader undoes: padded and lower-case
	// IDs, names encoded as UTF-8 twice.
	if r.IntN(3) == 0 {
		for _, c := range t.idCols {
			ci := idx(c)
			for _, row := range rows {
				// Both draws are made for every cell, so that a planted
				// value does not shift the choices after it.
				skip, lower := r.IntN(2) == 0, r.IntN(2) == 0
				if ci < 0 || row[ci] == "" || row[ci] == "null" || skip {
					continue
				}
				if lower {
					row[ci] = strings.ToLower(row[ci])
				} else {
					row[ci] = " " + row[ci] + "  "
				}
			}
		}
		steps = append(steps, "IDs padded/lower-cased")
	}
	if r.IntN(3) == 0 {
		n := 0
		for _, c := range t.nameCols {
			ci := idx(c)
			for _, row := range rows {
				if pick := r.IntN(2) == 0; ci >= 0 && hasNonASCII(row[ci]) && pick {
					row[ci] = doubleEncode(row[ci])
					n++
				}
			}
		}
		if n > 0 {
			steps = append(steps, "names double-encoded")
		}
	}
	// Record order.
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	if r.IntN(2) == 0 {
		r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		steps = append(steps, "rows shuffled")
	}
	// Column order and spelling.
	perm := make([]int, len(t.cols))
	for i := range perm {
		perm[i] = i
	}
	if r.IntN(2) == 0 {
		r.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
		steps = append(steps, "columns reordered")
	}
	header := make([]string, len(t.cols))
	respell := r.IntN(2) == 0
	for i, p := range perm {
		header[i] = t.cols[p]
		if respell {
			header[i] = respellColumn(r, t.cols[p])
		}
	}
	if respell {
		steps = append(steps, "columns re-spelled "+strings.Join(header, "|"))
	}
	bom, crlf := r.IntN(2) == 0, r.IntN(2) == 0
	docAbove, docBelow, footer := r.IntN(4) == 0, r.IntN(4) == 0, r.IntN(4) == 0
	for _, s := range []struct {
		on   bool
		name string
	}{{bom, "BOM"}, {crlf, "CRLF"}, {docAbove, "documentation row above the header"},
		{docBelow, "documentation row below the header"}, {footer, "File Summary footer"}} {
		if s.on {
			steps = append(steps, s.name)
		}
	}
	if len(steps) > 0 {
		ex.step("%s: %s", t.name, strings.Join(steps, ", "))
	}

	w := &csvOut{crlf: crlf}
	if bom {
		w.buf.WriteString("\ufeff")
	}
	doc := make([]string, len(header))
	for i, p := range perm {
		doc[i] = describe(t.cols[p])
	}
	if docAbove {
		w.record(doc)
	}
	w.record(header)
	if docBelow {
		w.record(doc)
	}
	line := 0
	for _, ri := range order {
		cells := make([]string, len(perm))
		for i, p := range perm {
			cells[i] = rows[ri][p]
		}
		l := w.record(cells)
		if ri == t.mark {
			line = l
		}
	}
	if footer {
		w.record([]string{""})
		w.record([]string{"File Summary:"})
		w.record([]string{"Total records: " + itoa(len(rows))})
	}
	return w.buf.Bytes(), line
}

// csvOut counts the physical lines it writes.
type csvOut struct {
	buf  bytes.Buffer
	crlf bool
	nl   int
}

func (c *csvOut) record(cells []string) int {
	start := c.nl + 1
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	cw.UseCRLF = c.crlf
	_ = cw.Write(cells) // a bytes.Buffer does not fail
	cw.Flush()
	c.nl += bytes.Count(b.Bytes(), []byte("\n"))
	c.buf.Write(b.Bytes())
	return start
}

// words splits a column name into its words: "DeviceSerialNumber",
// "CUSTOMER_LOGIN_POOL", "ipAddress".
func words(name string) []string {
	var out []string
	var cur []rune
	rs := []rune(name)
	for i, c := range rs {
		switch {
		case c == '_' || c == ' ' || c == '-':
			if len(cur) > 0 {
				out = append(out, string(cur))
			}
			cur = nil
			continue
		case unicode.IsUpper(c) && len(cur) > 0 && (unicode.IsLower(cur[len(cur)-1]) ||
			i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(cur[len(cur)-1])):
			out = append(out, string(cur))
			cur = nil
		}
		cur = append(cur, c)
	}
	if len(cur) > 0 {
		out = append(out, string(cur))
	}
	return out
}

// respellColumn writes a column name as another tool would: other case,
// words joined by spaces, '_' or '-'. The engine compares column names
// ignoring exactly these.
func respellColumn(r *rand.Rand, name string) string {
	ws := words(name)
	sep := []string{" ", "_", "-", ""}[r.IntN(4)]
	for i, w := range ws {
		switch r.IntN(3) {
		case 0:
			ws[i] = strings.ToLower(w)
		case 1:
			ws[i] = strings.ToUpper(w)
		default:
			ws[i] = strings.ToUpper(w[:1]) + strings.ToLower(w[1:])
		}
	}
	return strings.Join(ws, sep)
}

// describe is the documentation-row text of a column: words, never an
// identifier's shape.
func describe(col string) string {
	return "The " + strings.ToLower(strings.Join(words(col), " ")) + " of this entry"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
