package ui

import (
	"testing"
	"time"
)

func TestNumbers(t *testing.T) {
	tests := []struct {
		name, lang string
		key        textKey
		args       []any
		want       string
	}{
		{"german thousands", "de", tRecordingsCount, []any{1234, 1234567}, "1.234 von 1.234.567 Aufnahmen"},
		{"english thousands", "en", tRecordingsCount, []any{1234, 1234567}, "1,234 of 1,234,567 recordings"},
		{"small", "de", tRecordingsCount, []any{7, 999}, "7 von 999 Aufnahmen"},
		{"negative", "de", tEvLine, []any{-12345}, "Zeile -12.345"},
		{"strings untouched", "de", tOpenReading, []any{"1,5 MB", "3,0 MB", 1000}, "Wird gelesen: 1,5 MB von 3,0 MB, 1.000 Einträge"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tr(tc.lang, tc.key, tc.args...); got != tc.want {
				t.Errorf("tr(%q, %q, %v): got %q, want %q", tc.lang, tc.key.name, tc.args, got, tc.want)
			}
		})
	}
}

func TestSizes(t *testing.T) {
	tests := []struct {
		lang string
		n    int64
		want string
	}{
		{"de", 1536, "1,5 kB"},
		{"en", 1536, "1.5 kB"},
		{"de", 3 << 30, "3,0 GB"},
		{"de", 512, "512 B"},
	}
	for _, tc := range tests {
		if got := sizeText(tc.lang, tc.n); got != tc.want {
			t.Errorf("sizeText(%q, %d): got %q, want %q", tc.lang, tc.n, got, tc.want)
		}
	}
	if got := mib("de", 1234567890); got != "1,1 GB" {
		t.Errorf("mib(de, 1234567890): got %q, want 1,1 GB", got)
	}
}

// TestTimesInZone pins the hour a summer time was off by: time.Local is a
// zone with daylight saving (as browser.UseLocalZone sets it in the wasm),
// and every form shows the local clock.
func TestTimesInZone(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no zone database:", err)
	}
	saved := time.Local
	time.Local = berlin
	defer func() { time.Local = saved }()
	summer := time.Date(2023, 9, 16, 7, 12, 3, 0, time.UTC)
	winter := time.Date(2024, 2, 12, 7, 12, 3, 0, time.UTC)
	tests := []struct {
		lang string
		at   time.Time
		want string
	}{
		{"de", summer, "16.09.2023 09:12:03"},
		{"en", summer, "2023-09-16 09:12:03"},
		{"de", winter, "12.02.2024 08:12:03"},
		{"en", time.Time{}, ""},
	}
	for _, tc := range tests {
		if got := timeText(tc.lang, tc.at); got != tc.want {
			t.Errorf("timeText(%q, %v): got %q, want %q", tc.lang, tc.at, got, tc.want)
		}
	}
}

func TestDays(t *testing.T) {
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"german day", dayText("de", "2026-12-02"), "02.12.2026"},
		{"english day", dayText("en", "2026-12-02"), "2026-12-02"},
		{"german short", shortDayText("de", "2026-12-02"), "02.12."},
		{"english short", shortDayText("en", "2026-12-02"), "12-02"},
		{"german long", longDay("de", "2026-12-02"), "2. Dezember 2026"},
		{"english long", longDay("en", "2026-12-02"), "2 December 2026"},
		{"not a day", dayText("de", "soon"), "soon"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}
