package media

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
)

// pdfScanner is a small PDF tokenizer: enough syntax to read xref tables, dictionaries and
// content streams. Values: int64, float64, string, pdfName, pdfKeyword, []any,
// map[string]any. Unlike the library's lexer it stops at the end of its input: that one
// returns newlines forever there, so an unterminated hex string at the end of a content
// stream or CMap made it loop for ever (found by FuzzPDFLines).
type pdfScanner struct {
	r       *bufio.Reader
	tokens  int
	limit   int  // tokens allowed
	strings bool // decode strings (else skip them and return "")
	eof     bool // the input ended inside a token
	err     error
}

type (
	pdfName    string
	pdfKeyword string
)

func newPDFScanner(r io.Reader) *pdfScanner {
	return &pdfScanner{r: bufio.NewReaderSize(r, 4096), limit: maxPDFTokens}
}

// object reads one value; containers are read recursively up to maxPDFNesting deep.
// It returns nil at the end of input or on error (kept in sc.err).
func (sc *pdfScanner) object(depth int) any {
	tok := sc.token()
	switch tok {
	case pdfKeyword("["):
		if depth >= maxPDFNesting {
			sc.fail("media: pdf: objects nested too deeply")
			return nil
		}
		var a []any
		for {
			if sc.peekKeyword("]") {
				return a
			}
			v := sc.object(depth + 1)
			if v == nil {
				return nil
			}
			a = append(a, v)
		}
	case pdfKeyword("<<"):
		if depth >= maxPDFNesting {
			sc.fail("media: pdf: objects nested too deeply")
			return nil
		}
		d := map[string]any{}
		for {
			if sc.peekKeyword(">>") {
				return d
			}
			tok := sc.token()
			if _, ok := tok.(int64); ok || tok == pdfKeyword("R") {
				continue // the rest of a reference "N G R"; its value kept N
			}
			k, ok := tok.(pdfName)
			if !ok {
				sc.fail("media: pdf: dictionary key is not a name")
				return nil
			}
			v := sc.object(depth + 1)
			if v == nil {
				return nil
			}
			d[string(k)] = v
		}
	}
	// In "N G R" (a reference) only N is returned here; dictionaries skip "G R".
	return tok
}

// peekKeyword consumes the next token if it is kw.
func (sc *pdfScanner) peekKeyword(kw string) bool {
	sc.skipSpace()
	b, err := sc.r.Peek(len(kw))
	if err == nil && string(b) == kw {
		sc.r.Discard(len(kw))
		return true
	}
	return false
}

func (sc *pdfScanner) fail(msg string) {
	if sc.err == nil {
		sc.err = errors.New(msg)
	}
}

func (sc *pdfScanner) skipSpace() {
	for {
		c, err := sc.r.ReadByte()
		if err != nil {
			return
		}
		switch {
		case c == '%':
			for c != '\n' && c != '\r' && err == nil {
				c, err = sc.r.ReadByte()
			}
		case isPDFSpace(c):
		default:
			sc.r.UnreadByte()
			return
		}
	}
}

// token reads one token. Every token costs budget so hostile input cannot make it run long.
func (sc *pdfScanner) token() any {
	if sc.err != nil {
		return nil
	}
	if sc.tokens++; sc.tokens > sc.limit {
		sc.fail("media: pdf: too many tokens")
		return nil
	}
	sc.skipSpace()
	c, err := sc.r.ReadByte()
	if err != nil {
		return nil
	}
	switch c {
	case '[', ']', '{', '}':
		return pdfKeyword(string(c))
	case '<':
		if n, _ := sc.r.Peek(1); len(n) == 1 && n[0] == '<' {
			sc.r.ReadByte()
			return pdfKeyword("<<")
		}
		return sc.hexString()
	case '>':
		if n, _ := sc.r.Peek(1); len(n) == 1 && n[0] == '>' {
			sc.r.ReadByte()
			return pdfKeyword(">>")
		}
		return pdfKeyword(">")
	case '(':
		return sc.literalString()
	}
	var word []byte
	word = append(word, c)
	for len(word) < 256 {
		c, err := sc.r.ReadByte()
		if err != nil {
			break
		}
		if isPDFSpace(c) || isPDFDelim(c) {
			sc.r.UnreadByte()
			break
		}
		word = append(word, c)
	}
	if word[0] == '/' {
		return pdfName(word[1:])
	}
	if n, err := strconv.ParseInt(string(word), 10, 64); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(string(word), 64); err == nil {
		return f
	}
	return pdfKeyword(word)
}

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0
}

func isPDFDelim(c byte) bool {
	return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

// maxPDFString bounds one string token; a content stream is at most maxPDFContent anyway.
const maxPDFString = 1 << 20

// literalString reads a (…) string after its "(": balanced parentheses, backslash escapes.
func (sc *pdfScanner) literalString() any {
	var b []byte
	for depth := 1; ; {
		c, err := sc.r.ReadByte()
		if err != nil {
			sc.eof = true
			break
		}
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return sc.keep(b)
			}
		case '\\':
			c, err = sc.r.ReadByte()
			if err != nil {
				sc.eof = true
				return sc.keep(b)
			}
			switch c {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r', '\n': // line continuation
				if c == '\r' {
					if n, _ := sc.r.Peek(1); len(n) == 1 && n[0] == '\n' {
						sc.r.ReadByte()
					}
				}
				continue
			default:
				if c >= '0' && c <= '7' {
					x := int(c - '0')
					for i := 0; i < 2; i++ {
						n, _ := sc.r.Peek(1)
						if len(n) == 0 || n[0] < '0' || n[0] > '7' {
							break
						}
						sc.r.ReadByte()
						x = x*8 + int(n[0]-'0')
					}
					c = byte(x)
				}
			}
		}
		if sc.strings && len(b) < maxPDFString {
			b = append(b, c)
		}
	}
	return sc.keep(b)
}

// hexString reads a <…> string after its "<"; an odd last digit counts as followed by 0.
func (sc *pdfScanner) hexString() any {
	var b []byte
	hi := -1
	for {
		c, err := sc.r.ReadByte()
		if err != nil {
			sc.eof = true
			break
		}
		if c == '>' {
			break
		}
		d := unhexDigit(c)
		if d < 0 {
			continue // whitespace, or junk the library would reject; skip it
		}
		if hi < 0 {
			hi = d
			continue
		}
		if sc.strings && len(b) < maxPDFString {
			b = append(b, byte(hi<<4|d))
		}
		hi = -1
	}
	if hi >= 0 && sc.strings && len(b) < maxPDFString {
		b = append(b, byte(hi<<4))
	}
	return sc.keep(b)
}

func (sc *pdfScanner) keep(b []byte) string {
	if !sc.strings {
		return ""
	}
	return string(b)
}

func unhexDigit(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// skipInlineImage skips the parameters and data of an inline image after "BI": the data
// after "ID" is binary and ends at the first "EI" between whitespace.
func (sc *pdfScanner) skipInlineImage() {
	for i := 0; ; i++ {
		tok := sc.token()
		if tok == nil || i > 1000 {
			return
		}
		if tok == pdfKeyword("ID") {
			break
		}
	}
	w := [3]byte{' ', ' ', ' '} // the last three bytes read
	for {
		c, err := sc.r.ReadByte()
		if err != nil {
			return
		}
		if isPDFSpace(w[0]) && w[1] == 'E' && w[2] == 'I' && (isPDFSpace(c) || isPDFDelim(c)) {
			return
		}
		w[0], w[1], w[2] = w[1], w[2], c
	}
}
