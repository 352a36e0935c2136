package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
)

// fixture is planted.json: what the generator put into one fixture, the
// truth the parser, checker and end-to-end tests compare against.
type fixture struct {
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Vendor      string   `json:"vendor"`
	Verdict     string   `json:"verdict"`
	Declared    declared `json:"declared"`
	Claim       claim    `json:"claim"`
	Recordings  int      `json:"recordings"`
	// Activity counts the voice product's records that are not speech.
	Activity int       `json:"activity,omitempty"`
	Planted  []planted `json:"planted"`
	// Notes are the notes on files that were read (export.Problem.Note)
	// the fixture must give, and no others.
	Notes []note `json:"notes,omitempty"`
	// Phrases are the foreign transcript phrases the fixture holds (another
	// person's words): no report, evidence pack or letter may contain them.
	Phrases []string `json:"phrases,omitempty"`
	// Tools are the versions of the programs that made the audio and the
	// 7z archives (toolVersions): another version may write other bytes.
	Tools map[string]string `json:"tools,omitempty"`
}

// note is one expected note: its kind and where.
type note struct {
	Kind string `json:"kind"`
	Part string `json:"part"`
	Path string `json:"path,omitempty"`
}

type declared struct {
	Emails      []string `json:"emails"`
	CustomerIDs []string `json:"customerIds"`
	Devices     []string `json:"devices"`
	NoDevices   bool     `json:"noDevices"`
}

type claim struct {
	CustomerIDs []string `json:"customerIds"`
	Emails      []string `json:"emails"`
}

// planted is one foreign (or deliberately broken) thing and where it starts.
type planted struct {
	Rule    string `json:"rule"`
	Subject string `json:"subject"`
	Part    string `json:"part"`
	Path    string `json:"path"`
	Line    int    `json:"line,omitempty"`
	Page    int    `json:"page,omitempty"`
	Pointer string `json:"pointer,omitempty"`
	Field   string `json:"field,omitempty"`
	Records int    `json:"records"`
}

func emptyDeclared() declared {
	return declared{Emails: []string{}, CustomerIDs: []string{}, Devices: []string{}}
}

// write stores planted.json beside input/.
func (f *fixture) write(dir string) error {
	if f.Planted == nil {
		f.Planted = []planted{}
	}
	if f.Tools == nil {
		f.Tools = toolVersions()
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "planted.json"), b.Bytes(), 0o644)
}
