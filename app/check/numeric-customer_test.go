package check

import (
	"testing"

	"exportlens/app/export"
)

// Regression (found by cmd/mkexport/seeded's metamorphic test): the
// account's own numeric customer ID, which real exports hold in
// Search-Data's "Customer ID" column, was reported as another customer's
// (mismatch) beside an "A…" claim. An ID is compared only with claimed IDs
// of its own form; within one form a foreign ID is still a mismatch.
func TestNumericCustomerIDBesideLetterClaim(t *testing.T) {
	search := func(id string, line int) export.Identity {
		return export.Identity{Kind: "customer-id", Value: val(id, at("Search-Data.zip",
			"Search-Data/Search-Data.Product-Metrics.csv", line, "Customer ID"))}
	}
	for _, tc := range []struct {
		name    string
		claim   []string // extra claimed IDs
		ids     []export.Identity
		foreign string // the subject of the one foreign-customer mismatch wanted, "" for none
	}{
		{name: "own number, letter claim", ids: []export.Identity{search("731482153938", 2)}},
		{name: "a foreign letter ID is still one", ids: []export.Identity{search(foreignID, 2)}, foreign: foreignID},
		{name: "a foreign number beside a numeric claim", claim: []string{"731482153938"},
			ids: []export.Identity{search("731482153938", 2), search("123456789012", 3)}, foreign: "123456789012"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := amazonClean()
			for _, id := range tc.claim {
				x.CustomerIDs = append(x.CustomerIDs, val(id, at("Retail.CustomerProfile.zip", profileCSV, 2, "CustomerId")))
			}
			x.Identities = append(x.Identities, tc.ids...)
			rep := Run(x, Declared{})
			var got []string
			for _, f := range rep.Findings {
				if f.Rule == ruleForeignCustomer && f.Severity == Mismatch {
					got = append(got, f.Subject)
				}
			}
			switch {
			case tc.foreign == "" && (len(got) != 0 || rep.Verdict != VerdictConsistent):
				t.Errorf("got foreign customers %q, verdict %s; want none, consistent", got, rep.Verdict)
			case tc.foreign != "" && (len(got) != 1 || got[0] != tc.foreign):
				t.Errorf("got foreign customers %q, want [%s]", got, tc.foreign)
			}
		})
	}
}
