package ui

import (
	"slices"
	"testing"
)

// TestWithExcerpt: choosing adds a recording once, in the order chosen;
// un-choosing takes out only it; Clear takes out all; the slice a published
// session holds is never changed.
func TestWithExcerpt(t *testing.T) {
	a, b := "Alexa/0001.wav", "Takeout/My Activity/Assistant/MyActivity.json#/3"
	ex, ok := withExcerpt(nil, excerptRequest{Ref: a, On: true})
	if !ok || !slices.Equal(ex, []string{a}) {
		t.Fatalf("add %s: %q, %v", a, ex, ok)
	}
	if again, ok := withExcerpt(ex, excerptRequest{Ref: a, On: true}); ok || !slices.Equal(again, ex) {
		t.Errorf("add %s twice: %q, changed %v", a, again, ok)
	}
	published := slices.Clone(ex)
	two, _ := withExcerpt(ex, excerptRequest{Ref: b, On: true})
	if !slices.Equal(two, []string{a, b}) {
		t.Errorf("add %s: %q", b, two)
	}
	one, ok := withExcerpt(two, excerptRequest{Ref: a})
	if !ok || !slices.Equal(one, []string{b}) || !slices.Equal(two, []string{a, b}) || !slices.Equal(ex, published) {
		t.Errorf("take out %s: %q (from %q, first %q)", a, one, two, ex)
	}
	if same, ok := withExcerpt(one, excerptRequest{Ref: a}); ok || !slices.Equal(same, one) {
		t.Errorf("take out what is not there: %q, changed %v", same, ok)
	}
	if _, ok := withExcerpt(one, excerptRequest{On: true}); ok {
		t.Error("an empty ref changed the excerpts")
	}
	if none, ok := withExcerpt(two, excerptRequest{Clear: true}); !ok || len(none) != 0 {
		t.Errorf("clear: %q, %v", none, ok)
	}
	if _, ok := withExcerpt(nil, excerptRequest{Clear: true}); ok {
		t.Error("clearing nothing reported a change")
	}
}
