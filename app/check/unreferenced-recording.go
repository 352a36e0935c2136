package check

import (
	"strings"

	"exportlens/app/export"
)

// checkUnreferencedRecording: audio files that no record of the voice history
// (or Takeout activity) refers to were put in the export from elsewhere. Only
// where such a table exists: the 2018 layout has none, and there
// recordings-without-device judges the audio. Audio of another product
// (a Google Voice voicemail) is no recording and not judged here.
func checkUnreferencedRecording(c *checker) {
	x := c.x
	if x.Layout == "single-zip-2018" {
		return
	}
	// A Takeout's parts hold disjoint files: one path in two parts is the
	// same file downloaded twice (a copy of a part, or one that differs by
	// a lost file and so is not known as a copy), referenced when either is.
	copies := map[string]bool{}
	if x.Vendor == export.Google {
		for _, a := range x.Audio {
			pace()
			if a.Referenced {
				copies[a.Path] = true
			}
		}
	}
	var files []int // indexes into x.Audio
	for i, a := range x.Audio {
		pace()
		if !a.Referenced && !a.OtherProduct && !copies[a.Path] {
			files = append(files, i)
		}
	}
	if len(files) == 0 {
		return
	}
	what := export.NeedVoiceHistory
	if x.Vendor == export.Google {
		what = export.NeedActivity
	}
	exp, listed, found := c.expectation(what)
	// Without the table (expected and missing, or absent with no other
	// record table either) nothing explains the audio: that is no sign of
	// someone else, but no "consistent" either.
	if listed && !found || !found && !c.hasRecordTable() {
		g := audioGroup(c, files)
		subj := missingSubject(exp, what)
		n := g.records()
		c.add(g.withAudio(finding(RuleUnreferencedRecording, Unknown, subj, n, g.evidence(), g.affected(), msgUnreferencedNoTable, n, subj)))
		return
	}
	// A table read only in part (its file stopped on the memory budget or
	// a damaged record) leaves its later records out: the audio they name
	// is unreferenced only because they were not read. That absence is no
	// sign of someone else's recordings.
	if p := c.partialTable(what); p != nil {
		g := audioGroup(c, files)
		n := g.records()
		subj := p.Src.Path
		c.add(g.withAudio(finding(RuleUnreferencedRecording, Unknown, subj, n, g.evidence(), g.affected(), msgUnreferencedPartial, n, subj)))
		return
	}
	// One finding per folder: a foreign batch usually sits together.
	byFolder := map[string][]int{}
	for _, i := range files {
		pace()
		f := folderOf(x.Audio[i].Path)
		byFolder[f] = append(byFolder[f], i)
	}
	tables := c.activityFolders()
	for folder, fs := range byFolder {
		pace()
		g := audioGroup(c, fs)
		n := g.records()
		// A Takeout keeps a product's activity beside its audio
		// ("My Activity/Assistant/MyActivity.json"): audio in a folder
		// whose activity was not read (lost, deleted, another product's)
		// is unexplained, not someone else's, though other folders' was.
		if tables != nil && !tables[jobFolder(folder)] {
			c.add(g.withAudio(finding(RuleUnreferencedRecording, Unknown, folder, n, g.evidence(), g.affected(), msgUnreferencedNoFolderTable, n, folder)))
			continue
		}
		c.add(g.withAudio(finding(RuleUnreferencedRecording, Likely, folder, n, g.evidence(), g.affected(), msgUnreferencedRecording, n)))
	}
}

// activityFolders returns, for a Takeout, the folders (as folderOf names
// them, in any part) that hold an activity file with at least one record
// read; nil for other exports, whose record tables sit apart from their
// audio (Amazon's datasets/ and media/).
func (c *checker) activityFolders() map[string]bool {
	if c.x.Vendor != export.Google {
		return nil
	}
	out := map[string]bool{}
	for i := range c.x.Recordings {
		pace()
		if s := c.x.Recordings[i].Src(); s.Line > 0 || s.Pointer != "" || s.Page > 0 {
			out[jobFolder(folderOf(s.Path))] = true
		}
	}
	for i := range c.x.Activity {
		out[jobFolder(folderOf(c.x.Activity[i].Src.Path))] = true
	}
	return out
}

// jobFolder is a folder of a Takeout without the part's own folder that an
// extracted part sits in ("takeout-20240722T135004Z-001/Takeout/My
// Activity/Assistant/" is "Takeout/My Activity/Assistant/"), so the same
// folder of two parts is one.
func jobFolder(folder string) string {
	rest := folder
	for {
		i := strings.IndexByte(rest, '/')
		if i < 0 {
			return folder
		}
		if takeoutJob(rest[:i]) != "" {
			return rest[i+1:]
		}
		rest = rest[i+1:]
	}
}

// audioGroup makes a group of audio files (indexes into Export.Audio); the
// affected recordings are the recordings that stand for those files alone
// (no record behind them), the affected audio the files no recording
// stands for.
func audioGroup(c *checker, files []int) *group {
	bare := map[[2]string]int{} // {part, path}
	for i := range c.x.Recordings {
		pace()
		r := &c.x.Recordings[i]
		if src := r.Src(); r.AudioPath() != "" && src.Line == 0 && src.Pointer == "" && src.Page == 0 {
			part := r.AudioPart()
			if part == "" {
				part = src.Part
			}
			bare[[2]string{part, r.AudioPath()}] = i
		}
	}
	g := &group{}
	for _, i := range files {
		pace()
		a := &c.x.Audio[i]
		ev := Evidence{Part: a.Part, Path: a.Path}
		if rec, ok := bare[[2]string{a.Part, a.Path}]; ok {
			g.add(ev, rowKey(ev.src()), rec)
		} else {
			g.addAudio(ev, rowKey(ev.src()), i)
		}
	}
	return g
}

// hasRecordTable: the export holds records (rows, JSON elements) and not only
// audio files, so an audio file can be referenced at all.
func (c *checker) hasRecordTable() bool {
	for i := range c.x.Recordings {
		pace()
		s := c.x.Recordings[i].Src
		if s().Line > 0 || s().Pointer != "" || s().Page > 0 {
			return true
		}
	}
	return false
}

// partialTable returns the problem of a record table of kind what (the
// voice history, the activity) that was found but not read whole, or nil.
// A table split over parts (Alexa-1.zip … Alexa-5.zip each with its
// voice history) is expected once, where it was found first, so a
// problem on a file of the same path in any part counts too.
func (c *checker) partialTable(what export.Need) *export.Problem {
	tables := map[string]bool{}
	for _, e := range c.x.Expected {
		if e.What == what && e.Found {
			tables[e.Src.Path] = true
		}
	}
	for i := range c.x.Problems {
		p := &c.x.Problems[i]
		if !p.Note() && tables[p.Src.Path] {
			return p
		}
	}
	return nil
}
