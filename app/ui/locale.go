package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"exportlens/app/view"
)

// zoneName is the time zone the pages show times in ("Europe/Berlin"):
// the browser's, set by Routes (browser.UseLocalZone), so that time.Local
// follows its daylight saving rules.
var zoneName = "UTC"

// Time and date layouts of each language: German writes 02.12.2026 09:12:03,
// English keeps the ISO order, which no reader mistakes.
const (
	timeLayoutDE = "02.01.2006 15:04:05"
	timeLayoutEN = "2006-01-02 15:04:05"
	dayLayoutDE  = "02.01.2006"
)

// timeText is t in the browser's zone in lang's form, "" when unknown.
func timeText(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if lang == "de" {
		return t.Local().Format(timeLayoutDE)
	}
	return t.Local().Format(timeLayoutEN)
}

// dayText shows a day kept as dayLayout in lang's form ("02.12.2026").
func dayText(lang, day string) string {
	if lang != "de" {
		return day
	}
	t, err := time.Parse(view.DayLayout, day)
	if err != nil {
		return day
	}
	return t.Format(dayLayoutDE)
}

// shortDayText is a day without its year: "02.12." in German, "12-02" in
// English.
func shortDayText(lang, day string) string {
	if len(day) != len(view.DayLayout) {
		return day
	}
	if lang == "de" {
		return day[8:10] + "." + day[5:7] + "."
	}
	return day[5:]
}

// germanMonths are the month names of a long German date.
var germanMonths = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
	"August", "September", "Oktober", "November", "Dezember"}

// longDay is a day kept as dayLayout in words: "2. Dezember 2026",
// "2 December 2026".
func longDay(lang, day string) string {
	t, err := time.Parse(view.DayLayout, day)
	if err != nil {
		return day
	}
	if lang == "de" {
		return strconv.Itoa(t.Day()) + ". " + germanMonths[t.Month()-1] + " " + strconv.Itoa(t.Year())
	}
	return t.Format("2 January 2006")
}

// zoneText says which zone the times on a page are in.
func zoneText(lang string) string { return tr(lang, tTimeZone, zoneName) }

// number is an integer argument of a UI string, written with the
// language's digit grouping (1.234 in German, 1,234 in English) whatever
// the verb.
type number struct {
	n   int64
	sep byte
}

func (v number) Format(f fmt.State, verb rune) { f.Write([]byte(groupDigits(v.n, v.sep))) }

// groupDigits writes n with sep between groups of three digits.
func groupDigits(n int64, sep byte) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, sep)
		}
		b = append(b, s[i])
	}
	if neg {
		return "-" + string(b)
	}
	return string(b)
}

// digitSep is lang's separator between groups of digits.
func digitSep(lang string) byte {
	if lang == "de" {
		return '.'
	}
	return ','
}

// localArgs puts lang's grouping on the integer arguments of a UI string.
func localArgs(lang string, args []any) []any {
	sep := digitSep(lang)
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case int:
			out[i] = number{int64(v), sep}
		case int64:
			out[i] = number{v, sep}
		default:
			out[i] = a
		}
	}
	return out
}

// decimal is f with one decimal in lang's form ("1,5" in German).
func decimal(lang string, f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	if lang == "de" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
