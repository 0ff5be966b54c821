package render

import (
	"bytes"
	"image"
	"sync"
	"unicode"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-text/typesetting/di"
	gotext "github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// Text in scripts the Go fonts do not cover (Arabic, Hebrew, and more
// Greek and Cyrillic than they have) is shaped by go-text's port of
// HarfBuzz, in the Go font where it has the glyph and in DejaVu Sans (a
// free licence, shipped inside the app) where it does not, and laid out
// right to left where the script runs that way. Labels the Go fonts cover
// alone keep the hinted Go rendering.

// shapingFonts are the faces a label is shaped with, first choice first.
type shapingFonts struct{ faces []*gotext.Face }

// ResolveFace is the first face with a glyph for r, or the first face.
func (f shapingFonts) ResolveFace(r rune) *gotext.Face {
	for _, face := range f.faces {
		if _, ok := face.NominalGlyph(r); ok {
			return face
		}
	}
	return f.faces[0]
}

// covers reports whether one of the faces has a glyph for r.
func (f shapingFonts) covers(r rune) bool {
	for _, face := range f.faces {
		if _, ok := face.NominalGlyph(r); ok {
			return true
		}
	}
	return false
}

func mustShapingFont(ttf []byte) *gotext.Font {
	f, err := gotext.ParseTTF(bytes.NewReader(ttf))
	if err != nil {
		panic(err) // the fonts are compiled in; they cannot be malformed at run time
	}
	return f.Font
}

// The fonts are parsed when a label first needs them: most maps never do.
// A parsed font is safe for concurrent use, but a face over it is not (it
// caches glyph extents): each renderer makes its own faces
// (newShapingFonts) over the fonts parsed once here.
var (
	regularShapingFonts = sync.OnceValue(func() []*gotext.Font {
		return []*gotext.Font{mustShapingFont(goregular.TTF), mustShapingFont(dejavusans.TTF)}
	})
	boldShapingFonts = sync.OnceValue(func() []*gotext.Font {
		return []*gotext.Font{mustShapingFont(gobold.TTF), mustShapingFont(dejavusansbold.TTF)}
	})
)

// newShapingFonts makes faces of the bundled fonts for one renderer.
func newShapingFonts(bold bool) shapingFonts {
	fonts := regularShapingFonts()
	if bold {
		fonts = boldShapingFonts()
	}
	f := shapingFonts{make([]*gotext.Face, len(fonts))}
	for i, font := range fonts {
		f.faces[i] = gotext.NewFace(font)
	}
	return f
}

// goFontCovers reports whether the Go fonts draw s alone, left to right:
// every character has a glyph there and none is written right to left.
func goFontCovers(s string) bool {
	var buf sfnt.Buffer
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		if unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko) {
			return false
		}
		if i, err := regularFont.GlyphIndex(&buf, r); err != nil || i == 0 {
			return false
		}
		if i, err := boldFont.GlyphIndex(&buf, r); err != nil || i == 0 {
			return false
		}
	}
	return true
}

// MissingGlyphs lists, once each and in order, the characters of the
// scene's texts that no font Sovmap carries can draw: they show as boxes.
func MissingGlyphs(sc *Scene) []rune {
	fonts := newShapingFonts(false)
	var missing []rune
	check := func(s string) {
		if goFontCovers(s) {
			return
		}
		for _, r := range s {
			if unicode.IsPrint(r) && !unicode.IsSpace(r) && !fonts.covers(r) && !containsRune(missing, r) {
				missing = append(missing, r)
			}
		}
	}
	check(sc.Title)
	check(sc.Caption)
	check(sc.Attribution)
	for _, e := range sc.Legend {
		check(e.Text)
	}
	for _, m := range sc.Markers {
		check(m.Label)
	}
	return missing
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// shapedLine is a label shaped for drawing: its runs in visual order, left
// to right.
type shapedLine struct {
	runs    []shaping.Output
	advance fixed.Int26_6
	ascent  fixed.Int26_6 // above the baseline, the most of any run
	descent fixed.Int26_6 // below the baseline, positive
}

// shapeLine shapes s at size pixels with fonts (a renderer's own). The
// paragraph runs right to left when its first strong character does (as
// the Unicode bidirectional algorithm decides it), and the runs are put in
// visual order.
func shapeLine(fonts shapingFonts, s string, size int) shapedLine {
	text := []rune(s)
	dir := di.DirectionLTR
	if firstStrongIsRTL(text) {
		dir = di.DirectionRTL
	}
	in := shaping.Input{Text: text, RunEnd: len(text), Direction: dir, Face: fonts.faces[0], Size: fixed.I(size)}
	var seg shaping.Segmenter
	var shaper shaping.HarfbuzzShaper
	var line shapedLine
	for _, run := range seg.Split(in, fonts) {
		out := shaper.Shape(run)
		line.runs = append(line.runs, out)
		line.advance += out.Advance
		line.ascent = max(line.ascent, out.LineBounds.Ascent)
		line.descent = max(line.descent, -out.LineBounds.Descent)
	}
	visualOrder(line.runs, dir == di.DirectionRTL)
	return line
}

// firstStrongIsRTL reports whether the first character with a strong
// direction is written right to left.
func firstStrongIsRTL(text []rune) bool {
	for _, r := range text {
		switch {
		case unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko):
			return true
		case unicode.IsLetter(r):
			return false
		}
	}
	return false
}

// visualOrder reorders runs given in logical order into visual order, left
// to right (the Unicode bidirectional algorithm's rule L2 for the two or
// three levels a single line of labels has): in a left-to-right paragraph
// each stretch of right-to-left runs is reversed; in a right-to-left one
// the whole line is reversed, then each stretch of left-to-right runs back.
func visualOrder(runs []shaping.Output, rtlParagraph bool) {
	rtl := func(o *shaping.Output) bool { return o.Direction.Progression() == di.TowardTopLeft }
	reverseStretches := func(want bool) {
		for i := 0; i < len(runs); {
			if rtl(&runs[i]) != want {
				i++
				continue
			}
			j := i
			for j < len(runs) && rtl(&runs[j]) == want {
				j++
			}
			reverseRuns(runs[i:j])
			i = j
		}
	}
	if !rtlParagraph {
		reverseStretches(true)
		return
	}
	reverseRuns(runs)
	reverseStretches(false)
}

func reverseRuns(runs []shaping.Output) {
	for i, j := 0, len(runs)-1; i < j; i, j = i+1, j-1 {
		runs[i], runs[j] = runs[j], runs[i]
	}
}

// drawShaped draws the line's glyph outlines into a coverage mask, with
// the baseline at y = baseline and the line starting at x = x0.
func drawShaped(dst *image.Alpha, line shapedLine, x0, baseline int) {
	z := vector.NewRasterizer(dst.Rect.Dx(), dst.Rect.Dy())
	pen := float32(x0)
	base := float32(baseline)
	for _, run := range line.runs {
		scale := float32(run.Size) / 64 / float32(run.Face.Upem())
		for _, g := range run.Glyphs {
			outline, ok := run.Face.GlyphData(g.GlyphID).(gotext.GlyphOutline)
			gx := pen + float32(g.XOffset)/64
			gy := base - float32(g.YOffset)/64
			if ok {
				pt := func(p gotext.SegmentPoint) (float32, float32) { return gx + p.X*scale, gy - p.Y*scale }
				for _, sg := range outline.Segments {
					switch sg.Op {
					case ot.SegmentOpMoveTo:
						x, y := pt(sg.Args[0])
						z.MoveTo(x, y)
					case ot.SegmentOpLineTo:
						x, y := pt(sg.Args[0])
						z.LineTo(x, y)
					case ot.SegmentOpQuadTo:
						x1, y1 := pt(sg.Args[0])
						x, y := pt(sg.Args[1])
						z.QuadTo(x1, y1, x, y)
					case ot.SegmentOpCubeTo:
						x1, y1 := pt(sg.Args[0])
						x2, y2 := pt(sg.Args[1])
						x, y := pt(sg.Args[2])
						z.CubeTo(x1, y1, x2, y2, x, y)
					}
				}
				z.ClosePath()
			}
			pen += float32(g.XAdvance) / 64
		}
	}
	z.Draw(dst, dst.Rect, image.Opaque, image.Point{})
}
