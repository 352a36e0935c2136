package export

import (
	"strconv"
	"strings"
	"time"
)

// timeLayouts are the timestamp formats seen in exports (app/export/export.go, times.go), most
// common first. A layout without a zone is read as UTC.
var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999", // ISO without zone
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05 MST",
	"01/02/2006 15:04:05 MST",
	"01/02/2006 15:04:05",
	"01/02/2006 15:04",
	"1/2/06 3:04:05 PM MST",
	"1/2/2006 3:04:05 PM MST",
	"1/2/06 3:04:05 PM",
	"1/2/2006 3:04:05 PM",
	time.UnixDate, // Mon Jan _2 15:04:05 MST 2006
	"Mon Jan 02 15:04:05 MST 2006",
	time.RFC1123, // Mon, 02 Jan 2006 15:04:05 MST
	time.RFC1123Z,
	"Mon, 2 Jan 2006 15:04:05 MST",
	"02.01.2006 15:04:05",
	"02.01.2006 15:04",
	"02/Jan/2006 15:04:05 MST", // a real registration.csv (app/export/export.go, times.go)
	"2006-01-02",
	// Takeout HTML activity (month names made English first, see monthNames).
	"Jan 2, 2006, 3:04:05 PM MST",
	"2 Jan 2006, 15:04:05 MST",
	"02.01.2006, 15:04:05 MST",
}

// zoneOffsets gives the offset of zone abbreviations that appear in
// exports. Go's parser gives an unknown abbreviation offset zero, which
// would shift a PST time by eight hours without a word.
var zoneOffsets = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "UT": 0,
	"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
	"PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10,
	"WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2,
	"EET": 2, "EEST": 3, "JST": 9, "KST": 9, "IST": 5, // IST: India (+5:30, fixed below)
	"AEST": 10, "AEDT": 11,
}

// monthNames turns French and German month names (as Takeout writes them in
// localised HTML) into English, so one set of layouts reads them.
var monthNames = strings.NewReplacer(
	"janv.", "Jan", "févr.", "Feb", "mars", "Mar", "avr.", "Apr", "mai", "May", "juin", "Jun",
	"juil.", "Jul", "août", "Aug", "sept.", "Sep", "oct.", "Oct", "nov.", "Nov", "déc.", "Dec",
	"Januar", "Jan", "Februar", "Feb", "März", "Mar", "Mai", "May", "Juni", "Jun", "Juli", "Jul",
	"Oktober", "Oct", "Dezember", "Dec",
)

// parseTime reads a timestamp in any format of timeLayouts (and Unix
// seconds or milliseconds) and returns it in UTC. A time in a zone nobody
// knows is read as if it were UTC: use parseTimeZone where that must be said.
func parseTime(s string) (time.Time, bool) {
	t, _, ok := parseTimeZone(s)
	return t, ok
}

// reOffsetZone is a trailing numeric zone: "UTC−7", "UTC+5:30", "GMT+0200",
// "GMT -03:00" (Takeout HTML writes U+2212 MINUS SIGN as well as '-').
var reOffsetZone = lazyRegexp(`\b(?:UTC|GMT)\s?([+\-\x{2212}])(\d{1,2})(?::?(\d{2}))?$`)

// parseTimeZone is parseTime that also returns the zone abbreviation of s
// when no table knows it ("WIB"): the time is then the clock time read as
// UTC, which may be hours off, and the caller must say so.
func parseTimeZone(s string) (t time.Time, unknownZone string, ok bool) {
	s = cleanSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, "", false
	}
	if t, ok := parseEpoch(s); ok {
		return t, "", true
	}
	offset := 0
	// The regexp costs more than the parse; most times name no offset zone.
	if !strings.Contains(s, "UTC") && !strings.Contains(s, "GMT") {
		return parseLayouts(s)
	}
	if m := reOffsetZone().FindStringSubmatchIndex(s); m != nil {
		h, _ := strconv.Atoi(s[m[4]:m[5]])
		mins := 0
		if m[6] >= 0 {
			mins, _ = strconv.Atoi(s[m[6]:m[7]])
		}
		if h > 14 || mins > 59 {
			return time.Time{}, "", false
		}
		offset = h*3600 + mins*60
		if s[m[2]:m[3]] != "+" {
			offset = -offset
		}
		s = s[:m[0]] + "UTC"
	}
	t, unknownZone, ok = parseLayouts(s)
	if !ok {
		return time.Time{}, "", false
	}
	return t.Add(-time.Duration(offset) * time.Second), unknownZone, true
}

// parseLayouts tries every layout, first on s and then with its month
// names made English.
func parseLayouts(s string) (time.Time, string, bool) {
	for _, l := range timeLayouts {
		if t, err := time.ParseInLocation(l, s, time.UTC); err == nil {
			t, unknown := fixZone(t)
			return t, unknown, true
		}
	}
	if m := monthNames.Replace(s); m != s {
		for _, l := range timeLayouts {
			if t, err := time.ParseInLocation(l, m, time.UTC); err == nil {
				t, unknown := fixZone(t)
				return t, unknown, true
			}
		}
	}
	return time.Time{}, "", false
}

// parseEpoch reads 10-digit seconds or 13-digit milliseconds since 1970.
func parseEpoch(s string) (time.Time, bool) {
	if len(s) != 10 && len(s) != 13 {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, false
	}
	if len(s) == 13 {
		return time.UnixMilli(n).UTC(), true
	}
	return time.Unix(n, 0).UTC(), true
}

// fixZone applies the offset of a known zone abbreviation that Go parsed
// with offset zero, and returns UTC; unknown is the abbreviation when the
// table does not know it (the clock time is then returned as UTC).
func fixZone(t time.Time) (_ time.Time, unknown string) {
	name, off := t.Zone()
	if off != 0 || name == "UTC" || name == "" {
		return t.UTC(), ""
	}
	h, ok := zoneOffsets[strings.ToUpper(name)]
	if !ok {
		return t.UTC(), name
	}
	secs := h * 3600
	if name == "IST" {
		secs += 1800
	}
	y, mo, d := t.Date()
	hh, mm, ss := t.Clock()
	return time.Date(y, mo, d, hh, mm, ss, t.Nanosecond(), time.FixedZone(name, secs)).UTC(), ""
}
