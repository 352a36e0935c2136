package archive

import (
	"bytes"
	"fmt"
	"io"
)

// list lists the archive of kind k in r into the scope c. It reports
// whether the archive could be read; when not, a Problem says why.
func (o *opener) list(c *scope, k kind, r io.ReaderAt, size int64) bool {
	switch k {
	case kindZip:
		return o.zip(c, r, size)
	case kindTar:
		return o.tar(c, tarSource{ra: r, size: size})
	case kindTgz:
		return o.tar(c, tarSource{ra: r, size: size, gz: true})
	case kind7z:
		ok, fallback := o.sevenZip(c, r, size)
		if fallback {
			return o.unpack(c, r, size)
		}
		return ok
	case kindRar:
		ok, fallback := o.rar(c, r, size)
		if fallback {
			return o.unpack(c, r, size)
		}
		return ok
	}
	return false
}

// nestedIn opens the member e of s as an archive of its own when its
// name says it may be one (.zip, .7z, .rar, .tar, .tgz) and its first
// bytes confirm it: a stored member is read in place, a compressed one is
// decoded into memory within Limits.MaxInflate, as nested ZIPs are. It
// reports whether e was opened; if not, the caller lists it as a file.
// Names choose the candidates because sniffing every member would cost
// a read each (a round trip each in the browser).
func (o *opener) nestedIn(s *scope, e *Entry) bool {
	if kindByName(e.Path) == kindPlain {
		return false
	}
	if !o.mayNest(s, e) {
		return false
	}
	if ra, ok := e.Section(); ok {
		k := sniff(e.Path, ra, e.Size)
		if k == kindPlain {
			return false
		}
		c := s.child(e.Path, -1)
		ok := o.list(c, k, ra, e.Size)
		c.finish()
		return ok
	}
	buf, ok := o.inflate(s, e)
	if !ok {
		return false
	}
	ra := bytes.NewReader(buf)
	k := sniff(e.Path, ra, int64(len(buf)))
	c := s.child(e.Path, -1)
	ok = k != kindPlain && o.list(c, k, ra, int64(len(buf)))
	c.finish()
	if !ok {
		o.inflated -= int64(len(buf)) // freed: it is listed as a plain entry
	}
	return ok
}

// nestedTooLarge reports whether archives of n bytes in all, inside a 7z
// or RAR, pass what is left of the budget for decoding nested archives
// into memory. Where there is an Unpacker (the command), such a 7z or
// RAR goes to it instead: it unpacks to temporary disk, and the nested
// archives are read from there, as big Alexa exports packed in a 7z
// need. In the browser the budget holds, and the first archive that does
// not fit is reported (ErrInflateBudget).
func (o *opener) nestedTooLarge(n int64) bool {
	return n > min(o.lim.MaxInflate, o.lim.MaxMemory)-o.inflated
}

// mayNest counts member e of s as one more nested archive when the limits
// allow it (depth, the number of nested archives, the budget), and reports
// whether they did; a member past a limit is listed as a plain entry.
func (o *opener) mayNest(s *scope, e *Entry) bool {
	if s.depth+1 > o.lim.MaxDepth {
		o.problem(&Error{Part: s.part, Path: e.Path, Err: fmt.Errorf("%w: more than %d levels", ErrTooDeep, o.lim.MaxDepth)})
		return false
	}
	if o.budgetSpent {
		if o.unopened++; o.unopenedPart == "" {
			o.unopenedPart = s.part
		}
		return false
	}
	if o.nested >= o.lim.MaxArchives {
		o.problem(&Error{Part: s.part, Path: e.Path, Err: fmt.Errorf("%w: more than %d nested archives; the rest are listed as files", ErrTooManyEntries, o.lim.MaxArchives)})
		o.budgetSpent = true
		return false
	}
	o.nested++
	return true
}

// solidLimit refuses member e of s when it lies at bytes into a solid
// block (of what: "a solid RAR", "a solid 7z block"): reading it decodes
// them first, and together they must stay within Limits.MaxEntrySize.
func (o *opener) solidLimit(s *scope, e *Entry, at int64, what string) {
	if at > 0 && (at > o.lim.MaxEntrySize || e.Size > o.lim.MaxEntrySize-at) {
		e.err = fmt.Errorf("%w: it lies after %d bytes of %s, and reading it decodes them first; the limit is %d", ErrTooLarge, at, what, o.lim.MaxEntrySize)
		s.tooLarge = append(s.tooLarge, e.Path)
	}
}

// listMember opens member e of a 7z or RAR (named name in it) as a nested
// archive when it is one, else adds it to s; false when s takes no more.
func (o *opener) listMember(s *scope, e *Entry, name string) bool {
	o.entryMem += int64(len(name))
	if e.err == nil && !e.Encrypted && o.nestedIn(s, e) {
		return true
	}
	return s.add(e)
}

// lockedProblem reports the locked members of a password-protected
// archive once for the archive, not per member: one password locks them all.
func (o *opener) lockedProblem(s *scope, locked int) {
	if locked > 0 {
		o.problem(&Error{Part: s.part, Err: fmt.Errorf("%w: the archive is password-protected; %d entries cannot be read", ErrEncrypted, locked)})
	}
}
