package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// writeFixtures writes every fixture below out, replacing what was there.
func writeFixtures(out string) error {
	tmp, err := os.MkdirTemp("", "mkexport-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	s := newSynth(tmp)
	w := &writer{out: out, tmp: tmp}
	for _, step := range []func(*synth) error{
		w.amazonClean, w.amazonMessy, w.amazonReal, w.amazonForeign, w.amazon2018,
		w.takeoutFixtures, w.takeoutVoice, w.unrelated,
	} {
		if err := step(s); err != nil {
			return err
		}
	}
	return nil
}

type writer struct{ out, tmp string }

// fixtureDir empties and returns <out>/<name>/input.
func (w *writer) input(name string) (string, error) {
	dir := filepath.Join(w.out, name)
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	in := filepath.Join(dir, "input")
	return in, os.MkdirAll(in, 0o755)
}

func (w *writer) file(in, name string, data []byte) error {
	return os.WriteFile(filepath.Join(in, name), data, 0o644)
}

func (w *writer) amazonClean(s *synth) error {
	ex, err := buildAmazon(s, householdRows(), false)
	if err != nil {
		return err
	}
	return w.perCategory("amazon-clean", ex, &fixture{
		Description: "Anna Beispiel's per-category Amazon export: two Echo devices, her voice profile, her partner's voice; everything belongs to her.",
		Verdict:     "consistent",
	})
}

func (w *writer) amazonMessy(s *synth) error {
	ex, err := buildAmazonMessy(s, householdRows())
	if err != nil {
		return err
	}
	return w.perCategory("amazon-messy", ex, &fixture{
		Description: "The amazon-clean household written messily (BOM, CRLF, double-encoded and NFD names, N/A, mixed time formats, reordered and unknown columns, padded IDs, footer); consistent.",
		Verdict:     "consistent",
	})
}

// perCategory writes the three ZIPs of a consistent export.
func (w *writer) perCategory(name string, ex *amazonExport, f *fixture) error {
	in, err := w.input(name)
	if err != nil {
		return err
	}
	for zipName, t := range ex.zips() {
		if err := w.file(in, zipName, t.zipBytes()); err != nil {
			return err
		}
	}
	f.Name, f.Vendor, f.Declared, f.Claim = name, "amazon", emptyDeclared(), amazonClaim()
	f.Recordings = ex.recordings()
	return f.write(filepath.Dir(in))
}

func (ex *amazonExport) zips() map[string]tree {
	return map[string]tree{
		"Alexa.zip":                  ex.alexa,
		"Devices.Registration.zip":   ex.registration,
		"Retail.CustomerProfile.zip": ex.profile,
	}
}

// folderOf names the folder a per-category ZIP is extracted into.
func folderOf(zipName string) string { return strings.TrimSuffix(zipName, ".zip") }

func (w *writer) amazonForeign(s *synth) error {
	ex, err := buildAmazon(s, foreignRows(), true)
	if err != nil {
		return err
	}
	zips := map[string][]byte{}
	for n, t := range ex.zips() {
		zips[n] = t.zipBytes()
	}
	desc := "Anna Beispiel's export mixed with a stranger household's records: an unregistered device, a foreign customer ID, an unknown voice profile, unreferenced and missing recordings"
	forms := []struct {
		name, suffix string
		part         func(string) string
		path         func(string, string) string
		write        func(in string) error
	}{
		{"amazon-foreign", ".", func(z string) string { return z }, func(_, p string) string { return p },
			func(in string) error {
				for n, b := range zips {
					if err := w.file(in, n, b); err != nil {
						return err
					}
				}
				return nil
			}},
		{"amazon-foreign-onezip", ", as one export.zip holding the three ZIPs.",
			func(z string) string { return "export.zip!" + z }, func(_, p string) string { return p },
			func(in string) error {
				outer := tree{}
				for n, b := range zips {
					outer.add(n, b)
				}
				return w.file(in, "export.zip", outer.zipBytes())
			}},
		{"amazon-foreign-folder", ", extracted into one folder input \"amazon\".",
			func(string) string { return "amazon" }, func(z, p string) string { return folderOf(z) + "/" + p },
			func(in string) error {
				for n, t := range ex.zips() {
					if err := t.writeFolder(filepath.Join(in, "amazon", folderOf(n))); err != nil {
						return err
					}
				}
				return nil
			}},
		{"amazon-foreign-7z", ", as export.7z holding the three ZIPs.",
			func(z string) string { return "export.7z!" + z }, func(_, p string) string { return p },
			func(in string) error { return write7z(w.tmp, filepath.Join(in, "export.7z"), zips) }},
	}
	for _, form := range forms {
		in, err := w.input(form.name)
		if err != nil {
			return err
		}
		if err := form.write(in); err != nil {
			return fmt.Errorf("mkexport: %s: %w", form.name, err)
		}
		f := &fixture{Name: form.name, Description: desc + form.suffix, Vendor: "amazon", Verdict: "mismatch",
			Declared: emptyDeclared(), Claim: amazonClaim(), Recordings: ex.recordings(),
			Planted: amazonPlanted(ex, form.part, form.path)}
		if err := f.write(filepath.Dir(in)); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) amazon2018(s *synth) error {
	t, f, err := buildAmazon2018(s)
	if err != nil {
		return err
	}
	in, err := w.input(f.Name)
	if err != nil {
		return err
	}
	if err := w.file(in, "export.zip", t.zipBytes()); err != nil {
		return err
	}
	return f.write(filepath.Dir(in))
}

func (w *writer) takeoutFixtures(s *synth) error {
	plans := []struct {
		plan    takeoutPlan
		desc    string
		verdict string
	}{
		{takeoutPlan{name: "takeout-clean", loc: takeoutEN, parts: 2, profile: emailAlice},
			"Alice Muster's Google Assistant Takeout in two parts, English names; consistent.", "consistent"},
		{takeoutPlan{name: "takeout-de", loc: takeoutDE, parts: 1, profile: emailAlice},
			"Alice Muster's Takeout in one part with German folder and file names and titles with the verb last („…“ gesagt); consistent.", "consistent"},
		{takeoutPlan{name: "takeout-fr", loc: takeoutFR, parts: 1, profile: emailAlice},
			"Alice Muster's Takeout in one part with French folder and file names; consistent.", "consistent"},
		{takeoutPlan{name: "takeout-unrecognized", loc: takeoutEN, parts: 1, profile: emailAlice, strangerAt: []int{1, 4, 5}},
			"Alice Muster's Takeout where three records come from an unrecognised speaker (another voice).", "mismatch"},
		{takeoutPlan{name: "takeout-parts", loc: takeoutEN, parts: 3, profile: emailAlice, realOverview: true, accountsLast: true, duplicate: 2},
			"Alice Muster's Takeout in three parts as Google writes it: the real overview tree (base names, no file list) in part 1 only, the profile and account page in part 3, part 2 downloaded twice (…-002 (1).zip, counted once, a note); consistent.", "consistent"},
		{takeoutPlan{name: "takeout-emails", loc: takeoutEN, parts: 1, profile: emailBob},
			"A Takeout whose Profile.json names bob.fremd@example.org while archive_browser.html names alice.muster@example.com.", "mismatch"},
	}
	for _, p := range plans {
		res, err := buildTakeout(s, p.plan)
		if err != nil {
			return err
		}
		in, err := w.input(p.plan.name)
		if err != nil {
			return err
		}
		for i, t := range res.parts {
			if err := w.file(in, res.partNames[i], t.zipBytes()); err != nil {
				return err
			}
		}
		f := &fixture{Name: p.plan.name, Description: p.desc, Vendor: "google", Verdict: p.verdict,
			Declared: emptyDeclared(), Claim: claim{CustomerIDs: []string{}, Emails: []string{emailAlice}},
			Recordings: len(res.records)}
		if d := p.plan.duplicate; d > 0 {
			// The same bytes again, under the name a browser gives a second download.
			name := strings.TrimSuffix(res.partNames[d-1], ".zip") + " (1).zip"
			if err := w.file(in, name, res.parts[d-1].zipBytes()); err != nil {
				return err
			}
			f.Notes = append(f.Notes, note{Kind: "duplicate-part", Part: name})
		}
		if p.plan.profile != emailAlice {
			f.Claim.Emails = append(f.Claim.Emails, p.plan.profile)
			f.Planted = append(f.Planted, planted{Rule: "identity-conflict", Subject: p.plan.profile,
				Part: res.partNames[0], Path: res.path["profile"], Pointer: "/emails/0/value", Field: "value", Records: 1})
		}
		if first, n := res.firstRecord(func(a activity) bool {
			return len(a.Details) > 1 && a.Details[1].Name == p.plan.loc.unrecognized
		}); n > 0 {
			f.Planted = append(f.Planted, planted{Rule: "unrecognized-speaker", Subject: "unrecognized speaker",
				Part: res.partNames[0], Path: res.path["activity"], Pointer: fmt.Sprintf("/%d/details/1/name", first),
				Field: "name", Records: n})
		}
		if err := f.write(filepath.Dir(in)); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) takeoutVoice(s *synth) error {
	v, err := buildTakeoutVoice(s)
	if err != nil {
		return err
	}
	in, err := w.input("takeout-voice")
	if err != nil {
		return err
	}
	if err := v.tree.writeFolder(filepath.Join(in, voiceJob)); err != nil {
		return err
	}
	f := &fixture{Name: "takeout-voice", Vendor: "google", Verdict: "consistent",
		Description: "Alice Muster's one-part Takeout as real ones are, extracted into its folder: the overview tree, " +
			"Voice and Audio records (My Activity.json) with MP3s, an Assistant HTML page in WIB and UTC−7 with " +
			"non-speech records, Search activity, Google Voice voicemail and greeting, a subscriber page with " +
			"alternate, contact and recovery addresses on other domains; consistent (the unknown zone is a note).",
		Declared: emptyDeclared(), Claim: claim{CustomerIDs: []string{}, Emails: []string{emailAlice, altAlice}},
		Recordings: v.records, Activity: v.activity}
	for _, p := range v.zonePaths {
		f.Notes = append(f.Notes, note{Kind: "zone", Part: voiceJob, Path: p})
	}
	return f.write(filepath.Dir(in))
}

func (w *writer) unrelated(*synth) error {
	in, err := w.input("unrelated")
	if err != nil {
		return err
	}
	if err := w.file(in, "holiday.zip", buildUnrelated().zipBytes()); err != nil {
		return err
	}
	f := &fixture{Name: "unrelated", Description: "A ZIP of holiday photos and a note: no data export, no ownership check applies.",
		Vendor: "unknown", Verdict: "unknown", Declared: emptyDeclared(),
		Claim: claim{CustomerIDs: []string{}, Emails: []string{}}}
	return f.write(filepath.Dir(in))
}
