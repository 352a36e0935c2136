package view

import (
	"net/url"
	"strconv"
	"time"
)

// Shared views (issue 12): every page's address says what it shows, so a
// link to it shows the same view of the same export, once whoever opens it
// has opened that export on their own device. An address holds positions
// and choices only: the page, the Recordings page's filters by their
// places in its lists (a device is "the 2nd in the list", never its
// serial), the dates chosen, the finding and recording by number, the
// Files page's member by a hash (FileLoc) and its line. Never a name, an
// ID, a file name or anything said; not the search text either (it is
// typed from what the export says).

// RecordingsRoute is the Recordings page.
const RecordingsRoute = "/recordings"

// PresentParam asks for presenter mode (present=1): a support person's
// link can ask for it; the person turns it off as they like.
const PresentParam = "present"

// RecordingsView is what the Recordings page's address holds.
type RecordingsView struct {
	Filter Filter // Query is never in the address
	Rec    int    // the recording chosen (an index into the items); -1 for none
}

// URL is v's address.
func (v RecordingsView) URL() string {
	q := url.Values{}
	f := v.Filter
	if f.Finding >= 0 {
		q.Set("finding", strconv.Itoa(f.Finding))
	}
	if v.Rec >= 0 {
		q.Set("rec", strconv.Itoa(v.Rec))
	}
	list := func(k string, n int) {
		switch {
		case n == FilterNone:
			q.Set(k, "none")
		case n >= 0:
			q.Set(k, strconv.Itoa(n))
		}
	}
	list("device", f.Device)
	list("profile", f.Profile)
	if f.From != "" {
		q.Set("from", f.From)
	}
	if f.To != "" {
		q.Set("to", f.To)
	}
	if f.Flagged {
		q.Set("flagged", "1")
	}
	if len(q) == 0 {
		return RecordingsRoute
	}
	return RecordingsRoute + "?" + q.Encode()
}

// ParseRecordingsView reads the Recordings page's address. What is not
// valid (a typed or cut address) is left out; places beyond the open
// export's lists select nothing (Recordings.Fit).
func ParseRecordingsView(q url.Values) RecordingsView {
	v := RecordingsView{Filter: NewFilter(), Rec: -1}
	num := func(k string) int {
		n, err := strconv.Atoi(q.Get(k))
		if err != nil || n < 0 {
			return -1
		}
		return n
	}
	v.Filter.Finding = num("finding")
	v.Rec = num("rec")
	list := func(k string) int {
		if q.Get(k) == "none" {
			return FilterNone
		}
		if n := num(k); n >= 0 {
			return n
		}
		return FilterAll
	}
	v.Filter.Device, v.Filter.Profile = list("device"), list("profile")
	day := func(k string) string {
		if _, err := time.Parse(DayLayout, q.Get(k)); err != nil {
			return ""
		}
		return q.Get(k)
	}
	v.Filter.From, v.Filter.To = day("from"), day("to")
	v.Filter.Flagged = q.Get("flagged") == "1"
	return v
}

// Fit is v for the export ix indexes: a place its lists lack is dropped
// (a link made for an export with more devices than this one's).
func (v RecordingsView) Fit(ix *Recordings) RecordingsView {
	if v.Filter.Device >= len(ix.Devices) {
		v.Filter.Device = FilterAll
	}
	if v.Filter.Profile >= len(ix.Profiles) {
		v.Filter.Profile = FilterAll
	}
	if v.Filter.Finding >= len(ix.Report.Findings) {
		v.Filter.Finding = -1
	}
	if v.Rec >= len(ix.Items) {
		v.Rec = -1
	}
	return v
}

// WithPresent is the address u asking for presenter mode too.
func WithPresent(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	q := p.Query()
	q.Set(PresentParam, "1")
	p.RawQuery = q.Encode()
	return p.String()
}

// AsksPresent reports whether an address's query asks for presenter mode.
func AsksPresent(q url.Values) bool { return q.Get(PresentParam) == "1" }

// ViewParams reports whether an address's query names a view (anything
// but presenter mode): a link made on a page with an export open.
func ViewParams(q url.Values) bool {
	for k := range q {
		if k != PresentParam {
			return true
		}
	}
	return false
}
