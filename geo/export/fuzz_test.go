package export_test

import (
	"testing"

	"sovmap/geo/export"
)

// FuzzParseSize: --size never panics, and what it accepts is in range.
func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"1920x1080", "0x0", "x", "16384x16384", "1x99999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, h, err := export.ParseSize(s)
		if err == nil && (w < 1 || h < 1 || w > export.MaxSide || h > export.MaxSide) {
			t.Fatalf("ParseSize(%q) accepted %dx%d", s, w, h)
		}
	})
}
