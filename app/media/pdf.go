package media

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// PDFLine is one line of text on a PDF page. Page and Line are 1-based; Line counts only
// the non-empty lines of its page, top to bottom.
type PDFLine struct {
	Page, Line int
	Text       string
}

// Limits for PDFLines. A transcript of a few thousand utterances is far below all of them.
const (
	maxPDFSize       = 128 << 20 // bytes of file
	maxPDFPages      = 10_000
	maxPDFTreeNodes  = 4 * maxPDFPages
	maxPDFTreeDepth  = 32
	maxPDFContent    = 8 << 20   // decompressed content-stream bytes per page
	maxPDFAllContent = 256 << 20 // … and over all pages
	maxPDFOps        = 1 << 20   // content operators per page
	maxPDFRuns       = 200_000   // text pieces per page
	maxPDFText       = 16 << 20  // bytes of text returned
	maxPDFFonts      = 256       // distinct fonts per page
	maxPDFGStack     = 64        // q/Q nesting
)

// PDFLines returns the text of a PDF as lines, page by page. Lines are rebuilt from where
// the text is drawn, not from the order of the drawing commands: pieces of text whose
// baselines lie within a fraction of the font size form one line; within a line they are
// ordered left to right, and a space is put between two pieces whose gap is wider than a
// narrow space. Leading and trailing spaces are trimmed and empty lines dropped.
//
// Malformed files give an error "media: pdf: …", never a panic; the PDF library used
// panics on some malformed input, so that is recovered here.
func PDFLines(r io.ReaderAt, size int64) (lines []PDFLine, err error) {
	if size > maxPDFSize {
		return nil, fmt.Errorf("media: pdf: file of %d bytes is larger than the %d accepted", size, maxPDFSize)
	}
	if err := checkPDFXref(r, size); err != nil {
		return nil, err
	}
	defer func() {
		if x := recover(); x != nil {
			lines, err = nil, fmt.Errorf("media: pdf: malformed file: %v", x)
		}
	}()
	rd, err := pdf.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("media: pdf: %w", err)
	}
	pages, err := pdfPages(rd.Trailer().Key("Root").Key("Pages"))
	if err != nil {
		return nil, err
	}
	var contentBudget int64 = maxPDFAllContent
	textBytes := 0
	for i, page := range pages {
		pe := pageExtractor{page: page, budget: &contentBudget}
		runs, err := pe.runs()
		if err != nil {
			return nil, fmt.Errorf("media: pdf: page %d: %w", i+1, err)
		}
		for n, text := range joinRuns(runs) {
			if textBytes += len(text); textBytes > maxPDFText {
				return nil, fmt.Errorf("media: pdf: more than %d bytes of text", maxPDFText)
			}
			lines = append(lines, PDFLine{Page: i + 1, Line: n + 1, Text: text})
		}
	}
	return lines, nil
}

// pdfPages lists the leaves of the page tree in order. The library's own walk trusts /Count
// and loops forever on a tree that contains itself; this one is bounded in depth and nodes.
func pdfPages(root pdf.Value) ([]pdf.Value, error) {
	var pages []pdf.Value
	nodes := 0
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) error {
		if nodes++; nodes > maxPDFTreeNodes {
			return errors.New("media: pdf: page tree too large")
		}
		if depth > maxPDFTreeDepth {
			return errors.New("media: pdf: page tree too deep (or a cycle)")
		}
		kids := v.Key("Kids")
		if v.Key("Type").Name() == "Pages" || kids.Kind() == pdf.Array {
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		if v.Kind() != pdf.Dict {
			return nil
		}
		if len(pages) >= maxPDFPages {
			return fmt.Errorf("media: pdf: more than %d pages", maxPDFPages)
		}
		pages = append(pages, v)
		return nil
	}
	if err := walk(root, 0); err != nil {
		return nil, err
	}
	return pages, nil
}

// textRun is a piece of text drawn by one show-text operator, in page coordinates.
type textRun struct {
	x, y, w, size float64
	text          string
}

// joinRuns groups runs into lines (top to bottom) and joins each line left to right.
func joinRuns(runs []textRun) []string {
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].y > runs[j].y })
	var out []string
	for start := 0; start < len(runs); {
		top := runs[start]
		tol := 0.4 * max(top.size, 1)
		end := start + 1
		for end < len(runs) && top.y-runs[end].y <= tol {
			end++
		}
		line := runs[start:end]
		sort.SliceStable(line, func(i, j int) bool { return line[i].x < line[j].x })
		var b strings.Builder
		right := math.Inf(-1)
		for _, r := range line {
			gap := r.x - right
			if b.Len() > 0 && gap > 0.15*max(r.size, 1) &&
				!strings.HasSuffix(b.String(), " ") && !strings.HasPrefix(r.text, " ") {
				b.WriteByte(' ')
			}
			b.WriteString(r.text)
			right = max(right, r.x+r.w)
		}
		if text := strings.TrimSpace(b.String()); text != "" {
			out = append(out, text)
		}
		start = end
	}
	return out
}

// affine is a PDF transformation matrix [a b c d e f].
type affine [6]float64

var identity = affine{1, 0, 0, 1, 0, 0}

// mul returns m×n: first m, then n.
func (m affine) mul(n affine) affine {
	return affine{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m affine) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

func translate(x, y float64) affine { return affine{1, 0, 0, 1, x, y} }

// textState is the part of the graphics state that places text.
type textState struct {
	ctm                     affine
	charSp, wordSp, scale   float64
	leading, rise, fontSize float64
	font                    *pdfFont
}

// pdfFont caches what text placement needs from a font dictionary.
type pdfFont struct {
	f         pdf.Font
	composite bool // Type0: multi-byte codes, widths not read here
	raw       bool // decode bytes as Latin-1, not with the font's encoding
	first     int
	widths    []float64
}

// pageExtractor interprets one page's content stream and collects text runs.
type pageExtractor struct {
	page   pdf.Value
	budget *int64
	fonts  map[string]*pdfFont
	out    []textRun
	ops    int
}

func (pe *pageExtractor) runs() ([]textRun, error) {
	data, err := pe.content()
	if err != nil {
		return nil, err
	}
	pe.fonts = map[string]*pdfFont{}
	if err := pe.interpret(data); err != nil {
		return nil, err
	}
	return pe.out, nil
}

// content returns the page's decompressed content, bounded per page and over all pages.
// It is tokenized here, not by the library, whose lexer can loop for ever at the end of a
// stream.
func (pe *pageExtractor) content() ([]byte, error) {
	contents := pe.page.Key("Contents")
	streams := []pdf.Value{contents}
	if contents.Kind() == pdf.Array {
		if contents.Len() > 4096 {
			return nil, fmt.Errorf("content made of %d streams", contents.Len())
		}
		streams = streams[:0]
		for i := 0; i < contents.Len(); i++ {
			streams = append(streams, contents.Index(i))
		}
	}
	var data []byte
	for _, s := range streams {
		if s.Kind() != pdf.Stream {
			continue
		}
		b, err := readStream(s, maxPDFContent-int64(len(data)))
		if err != nil {
			return nil, fmt.Errorf("content stream: %w", err)
		}
		data = append(append(data, b...), '\n') // streams split only between tokens
	}
	if *pe.budget -= int64(len(data)); *pe.budget < 0 {
		return nil, fmt.Errorf("content of all pages larger than %d bytes", maxPDFAllContent)
	}
	return data, nil
}

// readStream decompresses a stream, refusing more than limit bytes.
func readStream(s pdf.Value, limit int64) ([]byte, error) {
	rc := s.Reader()
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("larger than %d bytes", limit)
	}
	return b, nil
}

// resources finds the page's resource dictionary, inherited from a parent if needed.
// The library's lookup follows /Parent without a bound; this one stops.
func (pe *pageExtractor) resources() pdf.Value {
	v := pe.page
	for i := 0; i < maxPDFTreeDepth && !v.IsNull(); i++ {
		if r := v.Key("Resources"); !r.IsNull() {
			return r
		}
		v = v.Key("Parent")
	}
	return pdf.Value{}
}

// maxPDFCMap bounds a font's ToUnicode CMap; real ones are a few KB.
const maxPDFCMap = 1 << 20

func (pe *pageExtractor) font(name string) *pdfFont {
	if f, ok := pe.fonts[name]; ok {
		return f
	}
	v := pe.resources().Key("Font").Key(name)
	f := &pdfFont{f: pdf.Font{V: v}, composite: v.Key("Subtype").Name() == "Type0"}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		// The library parses the CMap with its own lexer: check first that it is small
		// and ends cleanly, else decode the bytes as they are.
		b, err := readStream(tu, maxPDFCMap)
		if err != nil || !pdfTokensEnd(b) {
			f.raw = true
		}
	}
	if !f.composite {
		f.first = int(v.Key("FirstChar").Int64())
		w := v.Key("Widths")
		for i := 0; i < w.Len() && i < 256; i++ {
			f.widths = append(f.widths, w.Index(i).Float64())
		}
	}
	if len(pe.fonts) < maxPDFFonts {
		pe.fonts[name] = f
	}
	return f
}

// pdfTokensEnd reports whether b tokenizes to its end without a string left open.
func pdfTokensEnd(b []byte) bool {
	sc := newPDFScanner(bytes.NewReader(b))
	for sc.token() != nil {
	}
	return !sc.eof && sc.err == nil
}

// interpret walks the content stream, tracking the text matrix as PDF 32000-1 §9.4 says.
func (pe *pageExtractor) interpret(data []byte) error {
	g := textState{ctm: identity, scale: 1}
	var stack []textState
	tm, tlm := identity, identity

	nextLine := func(tx, ty float64) {
		tlm = translate(tx, ty).mul(tlm)
		tm = tlm
	}
	show := func(raw string) error {
		if g.font == nil {
			g.font = &pdfFont{raw: true}
		}
		text, adv := g.font.decode(raw, g)
		trm := tm.mul(g.ctm)
		x0, y0 := trm.apply(0, g.rise)
		x1, _ := trm.apply(adv, g.rise)
		_, ys := trm.apply(0, g.rise+g.fontSize)
		if text != "" {
			if len(pe.out) >= maxPDFRuns {
				return fmt.Errorf("more than %d pieces of text", maxPDFRuns)
			}
			pe.out = append(pe.out, textRun{x: x0, y: y0, w: x1 - x0, size: math.Abs(ys - y0), text: text})
		}
		tm = translate(adv, 0).mul(tm)
		return nil
	}

	sc := newPDFScanner(bytes.NewReader(data))
	sc.strings = true
	sc.limit = 8 * maxPDFOps
	var args []any
	for {
		v := sc.object(0)
		if v == nil {
			if sc.err != nil {
				return sc.err
			}
			return nil // end of content
		}
		kw, isOp := v.(pdfKeyword)
		if !isOp {
			if len(args) < 64 { // no operator takes more; the rest is junk
				args = append(args, v)
			}
			continue
		}
		op := string(kw)
		if pe.ops++; pe.ops > maxPDFOps {
			return fmt.Errorf("more than %d drawing operators", maxPDFOps)
		}
		if op == "BI" {
			sc.skipInlineImage()
			args = args[:0]
			continue
		}
		if k, ok := pdfOperands[op]; ok && len(args) != k {
			args = args[:0]
			continue // malformed operator: skip it rather than guess
		}
		var err error
		switch op {
		case "q":
			if len(stack) < maxPDFGStack {
				stack = append(stack, g)
			}
		case "Q":
			if len(stack) > 0 {
				g = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			g.ctm = pdfMatrix(args).mul(g.ctm)
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			g.charSp = pdfNum(args[0])
		case "Tw":
			g.wordSp = pdfNum(args[0])
		case "Tz":
			g.scale = pdfNum(args[0]) / 100
		case "TL":
			g.leading = pdfNum(args[0])
		case "Ts":
			g.rise = pdfNum(args[0])
		case "Tf":
			name, _ := args[0].(pdfName)
			g.font = pe.font(string(name))
			g.fontSize = pdfNum(args[1])
		case "Td":
			nextLine(pdfNum(args[0]), pdfNum(args[1]))
		case "TD":
			g.leading = -pdfNum(args[1])
			nextLine(pdfNum(args[0]), pdfNum(args[1]))
		case "Tm":
			tm = pdfMatrix(args)
			tlm = tm
		case "T*":
			nextLine(0, -g.leading)
		case "Tj":
			err = show(pdfString(args[0]))
		case "'":
			nextLine(0, -g.leading)
			err = show(pdfString(args[0]))
		case "\"":
			g.wordSp, g.charSp = pdfNum(args[0]), pdfNum(args[1])
			nextLine(0, -g.leading)
			err = show(pdfString(args[2]))
		case "TJ":
			a, _ := args[0].([]any)
			for _, x := range a {
				if s, ok := x.(string); ok {
					if err = show(s); err != nil {
						break
					}
				} else {
					tm = translate(-pdfNum(x)/1000*g.fontSize*g.scale, 0).mul(tm)
				}
			}
		}
		if err != nil {
			return err
		}
		args = args[:0]
	}
}

func pdfNum(v any) float64 {
	var f float64
	switch x := v.(type) {
	case int64:
		f = float64(x)
	case float64:
		f = x
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

func pdfString(v any) string {
	s, _ := v.(string)
	return s
}

func pdfMatrix(args []any) affine {
	var m affine
	for i := range m {
		m[i] = pdfNum(args[i])
	}
	return m
}

// pdfOperands is the operand count of each operator interpreted here.
var pdfOperands = map[string]int{"cm": 6, "Tm": 6, "Td": 2, "TD": 2, "Tf": 2, "Tc": 1, "Tw": 1,
	"Tz": 1, "TL": 1, "Ts": 1, "Tj": 1, "'": 1, "\"": 3, "TJ": 1}

// decode returns the text of raw and its advance in text space units.
func (f *pdfFont) decode(raw string, g textState) (string, float64) {
	var text string
	if f.raw || f.f.V.IsNull() {
		text = latin1(raw)
	} else {
		text = f.f.Encoder().Decode(raw)
	}
	text = cleanText(text)
	var adv float64
	if f.composite {
		// Widths of composite fonts live in descendant fonts; half an em per glyph is
		// close enough to tell a word gap from a glyph gap.
		for range text {
			adv += 0.5*g.fontSize + g.charSp
		}
		return text, adv * g.scale
	}
	for i := 0; i < len(raw); i++ {
		w := 500.0 // a font without /Widths (e.g. a bare standard font): an average glyph
		if len(f.widths) > 0 {
			w = 0
			if k := int(raw[i]) - f.first; k >= 0 && k < len(f.widths) {
				w = f.widths[k]
			}
		}
		adv += w/1000*g.fontSize + g.charSp
		if raw[i] == ' ' {
			adv += g.wordSp
		}
	}
	return text, adv * g.scale
}

func latin1(raw string) string {
	r := make([]rune, len(raw))
	for i := 0; i < len(raw); i++ {
		r[i] = rune(raw[i])
	}
	return string(r)
}

// cleanText makes decoded text safe to show: valid UTF-8, no control characters.
func cleanText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}
