package render

import (
	"testing"

	"github.com/go-text/typesetting/font"
)

// visualGlyphs is the glyphs of a shaped line, left to right.
func visualGlyphs(line shapedLine) []font.GID {
	var ids []font.GID
	for _, run := range line.runs {
		for _, g := range run.Glyphs {
			ids = append(ids, g.GlyphID)
		}
	}
	return ids
}

// Labels in scripts the Go fonts lack are shaped with the bundled
// fallback: every character gets a real glyph (none is the .notdef box),
// and the label has width.
func TestShapeCoversScripts(t *testing.T) {
	for _, s := range []string{"Αθήνα", "Москва", "Київ", "القاهرة", "ירושלים", "Ciudad de México ↔ القاهرة", "Ελλάς: ῥῆμα"} {
		for _, bold := range []bool{false, true} {
			line := shapeLine(newShapingFonts(bold), s, 16)
			if line.advance <= 0 {
				t.Errorf("%q: no width", s)
			}
			for _, id := range visualGlyphs(line) {
				if id == 0 {
					t.Errorf("%q (bold %v): a character has no glyph", s, bold)
				}
			}
		}
	}
}

// Hebrew runs right to left: the first letter typed is drawn rightmost.
func TestShapeRightToLeft(t *testing.T) {
	fonts := newShapingFonts(false)
	alef, _ := fonts.ResolveFace('א').NominalGlyph('א')
	bet, _ := fonts.ResolveFace('ב').NominalGlyph('ב')
	for _, tc := range []struct {
		text string
		want []font.GID // left to right
	}{
		{"אב", []font.GID{bet, alef}},
		// A Hebrew word inside a left-to-right label keeps its own order.
		{"x אב", nil},
	} {
		got := visualGlyphs(shapeLine(fonts, tc.text, 16))
		if tc.want == nil {
			// The Hebrew pair, wherever it is, still reads bet then alef
			// from left to right.
			n := len(got)
			if n < 2 || got[n-2] != bet || got[n-1] != alef {
				t.Errorf("%q: glyphs %v, want the pair as bet %d, alef %d at the end", tc.text, got, bet, alef)
			}
			continue
		}
		if len(got) != len(tc.want) || got[0] != tc.want[0] || got[1] != tc.want[1] {
			t.Errorf("%q: glyphs %v left to right, want %v", tc.text, got, tc.want)
		}
	}
}

// Arabic letters join: beh between two others takes its medial form, a
// glyph other than the isolated letter's.
func TestShapeJoinsArabic(t *testing.T) {
	fonts := newShapingFonts(false)
	beh, _ := fonts.ResolveFace('ب').NominalGlyph('ب')
	got := visualGlyphs(shapeLine(fonts, "ببب", 16))
	if len(got) != 3 {
		t.Fatalf("glyphs %v, want 3", got)
	}
	for i, id := range got {
		if id == beh {
			t.Errorf("glyph %d is the isolated beh: the letters were not joined", i)
		}
	}
}

// The Go fonts keep drawing what they cover, hinted as before.
func TestGoFontCovers(t *testing.T) {
	for s, want := range map[string]bool{
		"Teocaltiche": true, "Teuchitlán, Michoacán": true, "Αθήνα": true, "Москва": true,
		"ירושלים": false, "القاهرة": false, "北京": false, "Ꮳ": false,
	} {
		if got := goFontCovers(s); got != want {
			t.Errorf("goFontCovers(%q) = %v, want %v", s, got, want)
		}
	}
}

// What no bundled font has is listed, each character once.
func TestMissingGlyphs(t *testing.T) {
	sc := &Scene{Title: "北京 and القاهرة", Caption: "北京", Markers: []Marker{{Label: "東京"}}}
	got := string(MissingGlyphs(sc))
	if got != "北京東" {
		t.Errorf("MissingGlyphs = %q, want %q", got, "北京東")
	}
	if m := MissingGlyphs(&Scene{Title: "Ciudad de México — القاهرة — ירושלים"}); len(m) != 0 {
		t.Errorf("MissingGlyphs of covered scripts = %q", string(m))
	}
}
