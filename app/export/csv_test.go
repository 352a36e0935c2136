package export

import (
	"fmt"
	"strings"
	"testing"
)

func TestReadCSV(t *testing.T) {
	known := func(c string) bool {
		switch c {
		case "timestamp", "customerid", "deviceserialnumber", "accountname":
			return true
		}
		return false
	}
	footer := []string{"File Summary:"}
	tests := []struct {
		name       string
		in         string
		wantHeader string
		wantRows   []string // "line:cell|cell"
		wantErr    bool
	}{
		{
			name:       "clean",
			in:         "Timestamp,CustomerId\n2023-01-01,A1\n2023-01-02,A2\n",
			wantHeader: "Timestamp|CustomerId",
			wantRows:   []string{"2:2023-01-01|A1", "3:2023-01-02|A2"},
		},
		{
			name:       "bom and crlf",
			in:         "\ufeffTimestamp,CustomerId\r\n2023-01-01,A1\r\n",
			wantHeader: "Timestamp|CustomerId",
			wantRows:   []string{"2:2023-01-01|A1"},
		},
		{
			name:       "documentation row before header",
			in:         "\"This file lists your interactions. All times are UTC.\"\nCustomerId,Timestamp\nA1,2023\n",
			wantHeader: "CustomerId|Timestamp",
			wantRows:   []string{"3:A1|2023"},
		},
		{
			name:       "footer and rows after it ignored",
			in:         "AccountName,DeviceSerialNumber\r\nKüche,G1\r\n\r\nFile Summary:\r\nTotal records: 1\r\n",
			wantHeader: "AccountName|DeviceSerialNumber",
			wantRows:   []string{"2:Küche|G1"},
		},
		{
			name:       "quoted field over two lines keeps the start line",
			in:         "Timestamp,CustomerId\n\"a\nb\",A1\nx,A2\n",
			wantHeader: "Timestamp|CustomerId",
			wantRows:   []string{"2:a\nb|A1", "4:x|A2"},
		},
		{
			name:       "blank lines skipped, lines still physical",
			in:         "Timestamp,CustomerId\n\n,\nx,A2\n",
			wantHeader: "Timestamp|CustomerId",
			wantRows:   []string{"4:x|A2"},
		},
		{
			name:       "ragged rows and bare quotes",
			in:         "Timestamp,CustomerId\nx\"y,A1,extra\nz\n",
			wantHeader: "Timestamp|CustomerId",
			wantRows:   []string{"2:x\"y|A1|extra", "3:z"},
		},
		{
			name:       "unknown table: first row is the header",
			in:         "a,b\n1,2\n",
			wantHeader: "a|b",
			wantRows:   []string{"2:1|2"},
		},
		{
			name:    "empty file",
			in:      "",
			wantErr: true,
		},
		{
			name:    "line too long",
			in:      "Timestamp\n" + strings.Repeat("x", maxCSVLine+10) + "\n",
			wantErr: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var header string
			var rows []string
			err := readCSV(strings.NewReader(tc.in), known, footer,
				func(h csvHeader) error { header = join(h.Cells); return nil },
				func(r csvRow) error { rows = append(rows, fmt.Sprintf("%d:%s", r.Line, join(r.Cells))); return nil })
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %v", err, tc.wantErr)
			}
			if tc.wantErr {
				return
			}
			if header != tc.wantHeader {
				t.Errorf("header: got %q want %q", header, tc.wantHeader)
			}
			if join(rows) != join(tc.wantRows) {
				t.Errorf("rows: got %q want %q", rows, tc.wantRows)
			}
		})
	}
}

func TestNormColumn(t *testing.T) {
	tests := []struct{ in, want string }{
		{"DeviceSerialNumber", "deviceserialnumber"},
		{"Device Serial-Number", "deviceserialnumber"},
		{"device_serial_number", "deviceserialnumber"},
		{"\ufeffTimestamp ", "timestamp"},
	}
	for _, tc := range tests {
		if got := normColumn(tc.in); got != tc.want {
			t.Errorf("normColumn(%q): got %q want %q", tc.in, got, tc.want)
		}
	}
}
