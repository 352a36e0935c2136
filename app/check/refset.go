package check

import (
	"slices"

	"exportlens/app/export"
)

// refSet is a set of reference values (the claim, registered serials, ...)
// compared through a normalisation: a value matches when its normal form is
// in the set, and matches "only after normalising" when its text as written
// is not one of the reference texts.
type refSet struct {
	norm  func(string) string
	exact map[string]bool  // reference texts as written
	shown map[string]shown // normal form -> how it is shown
	// showNorm shows the normal form itself (customer IDs and serials read
	// best upper-case, e-mail addresses lower-case); otherwise a value is
	// shown as first written (a person ID "amzn1.actor.person.oid.…").
	showNorm bool
}

// shown is a value as first written in source order, so that a person ID
// reads "amzn1.actor.person.oid.…" rather than its upper-cased normal form,
// whatever order the export listed it in.
type shown struct {
	text string
	src  export.Source
}

func newRefSet(norm func(string) string, showNorm bool) refSet {
	return refSet{norm: norm, exact: map[string]bool{}, shown: map[string]shown{}, showNorm: showNorm}
}

// add puts text, read at src, into the set.
func (s refSet) add(text string, src export.Source) {
	k := s.norm(text)
	if k == "" {
		return
	}
	s.exact[text] = true
	t := displayText(text)
	if s.showNorm {
		t = k
	}
	if old, ok := s.shown[k]; !ok || earlier(src, t, old.src, old.text) {
		s.shown[k] = shown{t, src}
	}
}

// earlier orders places by source, then text, for a stable choice.
func earlier(a export.Source, at string, b export.Source, bt string) bool {
	if d := compareSrc(a, b); d != 0 {
		return d < 0
	}
	return at < bt
}

// displayText is an identifier as shown in subjects and the claim: ASCII
// spaces trimmed, everything else as written. Composing or folding it (NFC
// turns the Kelvin sign into "K", folding spaces drops a trailing no-break
// space) would show a foreign value exactly like the owned one.
func displayText(s string) string { return export.TrimASCIISpace(s) }

func (s refSet) len() int { return len(s.shown) }

// match reports whether text is in the set, and whether it needed
// normalising (spaces, letter case, Unicode form) to get there.
func (s refSet) match(text string) (ok, onlyNorm bool) {
	if s.exact[text] {
		// A reference text as written (the common case: every row names
		// the account's own IDs): no normal form to build.
		return true, false
	}
	if _, ok := s.shown[s.norm(text)]; !ok {
		return false, false
	}
	return true, !s.exact[text]
}

// keys returns the normal forms in order.
func (s refSet) keys() []string {
	keys := make([]string, 0, len(s.shown))
	for k := range s.shown {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// sorted returns the values as shown, ordered by their normal forms.
func (s refSet) sorted() []string {
	keys := s.keys()
	for i, k := range keys {
		keys[i] = s.shown[k].text
	}
	return keys
}

// display returns how the value of normal form key is shown.
func (s refSet) display(key string) string { return s.shown[key].text }
