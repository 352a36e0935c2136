package check

import (
	"slices"
	"testing"

	"exportlens/app/export"
)

// A Google Voice voicemail that no activity record names is another
// product's audio: no unreferenced-recording, the verdict stays consistent.
// The same file without the mark is unexplained: in a folder whose activity
// was read (the Assistant's) an unreferenced recording, likely someone
// else's; in a folder with no activity read (Voice/Calls) it cannot be told
// (the folder's activity may be what is missing), and the verdict is not
// consistent.
func TestGoogleVoiceAudioIsNoRecording(t *testing.T) {
	for _, c := range []struct {
		folder string
		other  bool
		want   Severity // "" for no finding
	}{
		{"Takeout/Voice/Calls/", true, ""},
		{"Takeout/Voice/Calls/", false, Unknown},
		{"Takeout/My Activity/Assistant/", false, Likely},
	} {
		x := takeout()
		x.Audio = append(x.Audio, export.AudioFile{Part: x.Parts[0].Name,
			Path: c.folder + "+15550100 - Voicemail - 2022-05-10T10_00_00Z.mp3", Size: 100, OtherProduct: c.other})
		r := Run(x, Declared{})
		var got []Severity
		for _, f := range r.Findings {
			if f.Rule == RuleUnreferencedRecording {
				got = append(got, f.Severity)
			}
		}
		switch {
		case c.want == "" && (len(got) > 0 || r.Verdict != VerdictConsistent):
			t.Errorf("voicemail in %s: got verdict %s and %v, want consistent and no unreferenced-recording", c.folder, r.Verdict, summary(r.Findings))
		case c.want != "" && (!slices.Equal(got, []Severity{c.want}) || r.Verdict == VerdictConsistent):
			t.Errorf("unmarked audio in %s: got verdict %s and %v, want one unreferenced-recording of severity %s", c.folder, r.Verdict, summary(r.Findings), c.want)
		}
	}
}

// A second download of a part is neither foreign nor unlisted.
func TestDuplicatePartIsNoForeignPart(t *testing.T) {
	x := takeout()
	dup := "takeout-20240301T101500Z-002 (1).zip"
	x.Parts = append(x.Parts, export.Part{Name: dup, DuplicateOf: x.Parts[1].Name, Src: export.Source{Part: dup}})
	x.Problems = append(x.Problems, export.Problem{Src: export.Source{Part: dup}, Kind: export.ProblemDuplicatePart,
		Reason: "a second download of takeout-20240301T101500Z-002.zip with the same files: they are counted once"})
	r := Run(x, Declared{})
	if r.Verdict != VerdictConsistent || len(r.Findings) != 0 {
		t.Errorf("got verdict %s and %v, want consistent with no findings", r.Verdict, summary(r.Findings))
	}
	if len(r.Problems) != 1 {
		t.Errorf("problems: got %+v, want the duplicate note", r.Problems)
	}
}

// Contact and recovery addresses are not identities; the loader keeps them
// apart, so an address of another domain there names no second account.
func TestContactEmailIsNoConflict(t *testing.T) {
	x := takeout()
	sub := export.Source{Part: x.Parts[1].Name, Path: "Takeout/Google Account/alice.muster.SubscriberInfo.html", Line: 5, Field: "email"}
	x.Identities = append(x.Identities, export.Identity{Kind: "email", Value: val(alice, sub)})
	rec := sub
	rec.Line = 9
	x.ContactEmails = []export.Value{val("muster.family@example.org", rec)}
	alt := sub
	alt.Line, alt.Field = 6, "alternate"
	x.Emails = append(x.Emails, val("alice.m@example.org", alt))
	r := Run(x, Declared{})
	if r.Verdict != VerdictConsistent || findRule(r, RuleIdentityConflict, Mismatch) != nil {
		t.Errorf("got verdict %s and %v, want consistent", r.Verdict, summary(r.Findings))
	}
	if got := r.Claim.Emails; len(got) != 2 || !slices.Contains(got, alice) || !slices.Contains(got, "alice.m@example.org") {
		t.Errorf("claim: got %q, want alice and her alternate address", got)
	}
}
