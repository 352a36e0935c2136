package check

import (
	"regexp"
	"slices"
	"strings"
	"sync"

	"exportlens/app/export"
)

// emailObs is one place that names an account e-mail.
type emailObs struct {
	v    export.Value
	key  string // normalised e-mail
	file string // the file it was read from
	// part is set when the place is a Takeout part's archive overview
	// (archive_browser.html): such places are foreign-part's to judge.
	part string
	// claim is set for the export's own claim (Export.Emails).
	claim bool
}

func fileKey(s export.Source) string { return s.Part + "\x00" + s.Path }

// buildEmails collects every place that names an account e-mail and picks the
// reference: among the accounts the parts' archive overviews name, the one
// the account files and the Takeout jobs' parts support (pickPartsReference), else the e-mail most files of the export's
// profile name (then the first in source order). The claim is the reference
// plus the e-mails of files that also name it (a profile may list an
// alternate address besides the primary one).
func (c *checker) buildEmails() {
	c.emails = newRefSet(export.NormEmail, true)
	obs := c.emailObservations()
	c.refEmail = pickReference(obs, c.x.Parts)
	if c.refEmail == nil {
		return
	}
	ref := c.refEmail
	c.emails.add(ref.v.Text, ref.v.Src())
	agree := map[string]bool{}
	for _, o := range obs {
		pace()
		if o.key == ref.key {
			agree[o.file] = true
		}
	}
	for _, v := range c.x.Emails {
		if agree[fileKey(v.Src())] && export.NormEmail(v.Text) != ref.key {
			c.emails.add(v.Text, v.Src())
		}
	}
}

// emailObservations lists, in source order and without repeats, the e-mails
// of the profile files, of the identities and of the parts' overviews.
func (c *checker) emailObservations() []*emailObs {
	overview := map[string]string{} // file -> part name
	var obs []*emailObs
	for _, p := range c.x.Parts {
		if p.Src.Path != "" {
			overview[fileKey(p.Src)] = p.Name
		}
		if k := export.NormEmail(p.Account); k != "" {
			obs = append(obs, &emailObs{v: export.NewValue(p.Account, p.Src), key: k, file: fileKey(p.Src), part: p.Name})
		}
	}
	type email struct {
		v     export.Value
		claim bool
	}
	var vals []email
	for _, v := range c.x.Emails {
		vals = append(vals, email{v, true})
	}
	for _, id := range c.x.Identities {
		if id.Kind == export.IdentityEmail {
			vals = append(vals, email{id.Value, false})
		}
	}
	for _, e := range vals {
		v := e.v
		k := export.NormEmail(v.Text)
		if k == "" {
			continue
		}
		f := fileKey(v.Src())
		o := &emailObs{v: v, key: k, file: f, part: overview[f], claim: e.claim}
		if o.part == "" && v.Src().Path == "" {
			o.file = "" // no source: counts as the export's own profile
		}
		obs = append(obs, o)
	}
	slices.SortStableFunc(obs, func(a, b *emailObs) int {
		if d := compareSrc(a.v.Src(), b.v.Src()); d != 0 {
			return d
		}
		return cmpStrings(a.key, b.key, a.v.Text, b.v.Text, a.part, b.part)
	})
	// The same place seen as claim and as identity is one observation that
	// belongs to the claim.
	out := obs[:0]
	for _, o := range obs {
		pace()
		if n := len(out); n > 0 {
			last := out[n-1]
			if last.key == o.key && last.v.Text == o.v.Text && rowKey(last.v.Src()) == rowKey(o.v.Src()) {
				last.claim = last.claim || o.claim
				continue
			}
		}
		out = append(out, o)
	}
	return out
}

func pickReference(obs []*emailObs, allParts []export.Part) *emailObs {
	var parts []*emailObs
	for _, o := range obs {
		pace()
		if o.part != "" {
			parts = append(parts, o)
		}
	}
	if len(parts) > 0 {
		return pickPartsReference(obs, parts, allParts)
	}
	if len(obs) == 0 {
		return nil
	}
	// One vote per file that names the address, wherever it is named (a
	// subscriber page names its account as an identity and the account's
	// alternate address as a claim: counting only the claim's places, the
	// alternate tied with the profile's address and won by sorting first).
	files := map[string]map[string]bool{}
	for _, o := range obs {
		pace()
		if files[o.key] == nil {
			files[o.key] = map[string]bool{}
		}
		files[o.key][o.file] = true
	}
	// The export's own claim decides; other places only when it names none.
	var claimed []*emailObs
	for _, o := range obs {
		pace()
		if o.claim {
			claimed = append(claimed, o)
		}
	}
	if len(claimed) > 0 {
		obs = claimed
	}
	return mostVoted(obs, func(o *emailObs) int { return len(files[o.key]) })
}

// pickPartsReference chooses among the accounts that parts' overviews name.
// The order of file names is no evidence: a stranger's part may sort first.
// What decides, in this order:
//  1. the account files (Profile, SubscriberInfo: any file that is not an
//     overview) that name the account;
//  2. the parts that speak for it: a part whose overview names it, and a
//     part whose overview names no account but that belongs to the same
//     Takeout job (takeout-<timestamp>-NNN) as an overview or account file
//     that names it;
//  3. only when both tie, the first part by name, so that the report stays
//     the same for the same input.
func pickPartsReference(obs, parts []*emailObs, allParts []export.Part) *emailObs {
	slices.SortStableFunc(parts, func(a, b *emailObs) int { return cmpStrings(a.part, b.part) })
	jobKeys := map[string]map[string]bool{} // job -> keys its overviews and account files name
	inJob := func(part, key string) {
		if j := takeoutJob(part); j != "" {
			if jobKeys[j] == nil {
				jobKeys[j] = map[string]bool{}
			}
			jobKeys[j][key] = true
		}
	}
	files := map[string]map[string]bool{} // key -> account files naming it
	for _, o := range obs {
		pace()
		if o.part == "" && o.file != "" {
			if files[o.key] == nil {
				files[o.key] = map[string]bool{}
			}
			files[o.key][o.file] = true
			inJob(o.v.Src().Part, o.key)
		}
	}
	named := map[string]bool{} // parts whose overview names an account
	for _, o := range parts {
		named[o.part] = true
		inJob(o.part, o.key)
	}
	support := map[string]map[string]bool{} // key -> parts speaking for it
	vote := func(key, part string) {
		if support[key] == nil {
			support[key] = map[string]bool{}
		}
		support[key][part] = true
	}
	for _, o := range parts {
		vote(o.key, o.part)
	}
	for _, p := range allParts {
		if named[p.Name] {
			continue
		}
		for k := range jobKeys[takeoutJob(p.Name)] {
			vote(k, p.Name)
		}
	}
	best := parts[0]
	for _, o := range parts[1:] {
		df := len(files[o.key]) - len(files[best.key])
		if df > 0 || df == 0 && len(support[o.key]) > len(support[best.key]) {
			best = o
		}
	}
	return best
}

// reTakeoutJob is the name Google gives the parts of one Takeout job.
var reTakeoutJob = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^takeout-(\d{8}T\d{6}Z)-\d+`) })

// takeoutJob returns the job (its timestamp) a part's name says it belongs
// to, "" when the name is not Google's.
func takeoutJob(part string) string {
	if i := strings.LastIndex(part, "/"); i >= 0 {
		part = part[i+1:]
	}
	if m := reTakeoutJob().FindStringSubmatch(part); m != nil {
		return strings.ToUpper(m[1])
	}
	return ""
}

// mostVoted returns the first observation with the most votes.
func mostVoted(obs []*emailObs, votes func(*emailObs) int) *emailObs {
	best := obs[0]
	for _, o := range obs[1:] {
		if votes(o) > votes(best) {
			best = o
		}
	}
	return best
}

// checkIdentityConflict: a file that names the export's own account (a
// profile, a subscriber page) but not the reference e-mail names a second
// account — the export mixes two identities. Parts' overviews are left to
// foreign-part.
func checkIdentityConflict(c *checker) {
	ref := c.refEmail
	if ref == nil {
		return
	}
	obs := c.emailObservations()
	byFile := map[string][]*emailObs{}
	for _, o := range obs {
		pace()
		if o.part == "" {
			byFile[o.file] = append(byFile[o.file], o)
		}
	}
	conflicts := map[string]*group{}
	var order []string
	for _, o := range obs {
		pace()
		if o.part != "" {
			continue
		}
		if o.key == ref.key {
			if o.v.Text != ref.v.Text {
				c.noteNormOnly(RuleIdentityConflict, valueEvidence(o.v, o.v.Src()), rowKey(o.v.Src()), -1)
			}
			continue
		}
		if slices.ContainsFunc(byFile[o.file], func(p *emailObs) bool { return p.key == ref.key }) {
			continue // an alternate address beside the reference one
		}
		g := conflicts[o.key]
		if g == nil {
			g = &group{}
			conflicts[o.key] = g
			order = append(order, o.key)
		}
		g.add(valueEvidence(o.v, o.v.Src()), rowKey(o.v.Src()), -1)
	}
	for _, k := range order {
		g := conflicts[k]
		// The reference place first, then where the other account appears.
		ev := append([]Evidence{valueEvidence(ref.v, ref.v.Src())}, g.first(maxEvidence-1)...)
		c.add(finding(RuleIdentityConflict, Mismatch, k, g.records(), ev, nil, msgIdentityConflict, ref.key, k))
	}
}
