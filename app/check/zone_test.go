package check

import (
	"encoding/json"
	"strings"
	"testing"

	"exportlens/app/export"
)

// A file whose times are in a zone no table knows is named, with the zone,
// in the report and in both languages of the text; the verdict is not
// changed by it.
func TestZoneProblemReported(t *testing.T) {
	x := amazonClean()
	want := Run(x, Declared{}).Verdict
	src := export.Source{Part: "export.zip", Path: "Takeout/My Activity/Assistant/MyActivity.html"}
	x.Problems = append(x.Problems, export.Problem{Src: src, Kind: "zone", Zone: "WIB",
		Reason: `time zone "WIB" is not known: its times are read as UTC and may be hours off`})
	r := Run(x, Declared{})
	if r.Verdict != want {
		t.Errorf("verdict: got %s want %s", r.Verdict, want)
	}
	js, err := json.Marshal(r.Problems)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(js), `"zone":"WIB"`) {
		t.Errorf("report problems: got %s want the zone named", js)
	}
	for lang, line := range map[string]string{
		"en": "  export.zip!Takeout/My Activity/Assistant/MyActivity.html: its times are given in the time zone WIB, which ExportLens does not know; they are read as UTC and may be off by hours",
		"de": "  export.zip!Takeout/My Activity/Assistant/MyActivity.html: seine Zeiten sind in der Zeitzone WIB angegeben, die ExportLens nicht kennt; sie werden als UTC gelesen und können um Stunden abweichen",
	} {
		if txt := writeText(t, r, lang); !strings.Contains("\n"+txt, "\n"+line+"\n") {
			t.Errorf("%s text: want line %q in\n%s", lang, line, txt)
		}
	}
}
