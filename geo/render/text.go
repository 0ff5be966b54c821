package render

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Go fonts (BSD licence, shipped in golang.org/x/image) cover the Spanish
// accents of the place names and need no system font; shape.go draws what
// they do not cover.
var (
	regularFont = mustParseFont(goregular.TTF)
	boldFont    = mustParseFont(gobold.TTF)
)

func mustParseFont(ttf []byte) *opentype.Font {
	f, err := opentype.Parse(ttf)
	if err != nil {
		panic(err) // the font is compiled in; it cannot be malformed at run time
	}
	return f
}

// textKey names one rendered label.
type textKey struct {
	s    string
	size int // pixels
	bold bool
}

// glyphRun is a label rendered once: its coverage, a dilated halo around it,
// and where the baseline sits.
type glyphRun struct {
	text, halo *image.Alpha
	ascent     int // pixels from the top of the masks to the baseline
	str        string
	size, pad  int // font size and halo width, pixels
	bold       bool
}

// Size is the label's size in pixels, halo included.
func (g *glyphRun) Size() image.Point { return g.halo.Rect.Size() }

// textCache renders labels once and reuses them on every frame, so that
// drawing text allocates nothing once warm.
type textCache struct {
	faces   map[textKey]font.Face // keyed with s == ""
	runs    map[textKey]*glyphRun
	shapers [2]*shapingFonts // regular and bold, made on first use
}

// shaping is the cache's own faces for shaping text, bold or not.
func (c *textCache) shaping(bold bool) shapingFonts {
	i := 0
	if bold {
		i = 1
	}
	if c.shapers[i] == nil {
		f := newShapingFonts(bold)
		c.shapers[i] = &f
	}
	return *c.shapers[i]
}

func newTextCache() *textCache {
	return &textCache{faces: map[textKey]font.Face{}, runs: map[textKey]*glyphRun{}}
}

const maxCachedRuns = 2048

func (c *textCache) face(size int, bold bool) font.Face {
	k := textKey{size: size, bold: bold}
	if f, ok := c.faces[k]; ok {
		return f
	}
	src := regularFont
	if bold {
		src = boldFont
	}
	f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: float64(size), DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic(err) // only fails on a bad size, which textSize rules out
	}
	c.faces[k] = f
	return f
}

// maxTextRunes is the most characters a label or title is drawn with:
// longer texts (a file may hold anything) are cut with an ellipsis before
// they are measured, so that no text costs more than a line of a map.
const maxTextRunes = 200

// clipRunes cuts s to at most n characters, the last an ellipsis.
func clipRunes(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	i, k := 0, 0
	for i = range s {
		if k == n-1 {
			break
		}
		k++
	}
	return s[:i] + "…"
}

// run renders s at size pixels, with a halo of the given radius.
func (c *textCache) run(s string, size int, bold bool) *glyphRun {
	s = clipRunes(s, maxTextRunes)
	k := textKey{s, size, bold}
	if g, ok := c.runs[k]; ok {
		return g
	}
	if len(c.runs) >= maxCachedRuns {
		clear(c.runs)
	}
	face := c.face(size, bold)
	m := face.Metrics()
	halo := max(1, size/6)
	ascent, descent := m.Ascent.Ceil(), m.Descent.Ceil()
	var text *image.Alpha
	if goFontCovers(s) {
		width := font.MeasureString(face, s).Ceil()
		text = image.NewAlpha(image.Rect(0, 0, width+2*halo, ascent+descent+2*halo))
		d := font.Drawer{Dst: text, Src: image.Opaque, Face: face, Dot: fixed.P(halo, halo+ascent)}
		d.DrawString(s)
	} else {
		line := shapeLine(c.shaping(bold), s, size)
		ascent, descent = max(ascent, line.ascent.Ceil()), max(descent, line.descent.Ceil())
		text = image.NewAlpha(image.Rect(0, 0, line.advance.Ceil()+2*halo, ascent+descent+2*halo))
		drawShaped(text, line, halo, halo+ascent)
	}
	g := &glyphRun{text: text, halo: dilate(text, halo), ascent: ascent + halo, str: s, size: size, pad: halo, bold: bold}
	c.runs[k] = g
	return g
}

// dilate spreads a mask by r pixels: a running maximum along rows, then
// along columns, so it costs O(r) a pixel, not O(r²). The square brush this
// makes is used a little smaller than r, which a halo cannot tell from round.
func dilate(src *image.Alpha, r int) *image.Alpha {
	r = max(1, (r*5+3)/6)
	b := src.Rect
	w, h := b.Dx(), b.Dy()
	rows := image.NewAlpha(b)
	for y := 0; y < h; y++ {
		in, out := src.Pix[y*src.Stride:y*src.Stride+w], rows.Pix[y*rows.Stride:y*rows.Stride+w]
		for x := range out {
			var m uint8
			for i := max(0, x-r); i <= min(w-1, x+r); i++ {
				m = max(m, in[i])
			}
			out[x] = m
		}
	}
	out := image.NewAlpha(b)
	for x := 0; x < w; x++ {
		for y := 0; y < h; y++ {
			var m uint8
			for i := max(0, y-r); i <= min(h-1, y+r); i++ {
				m = max(m, rows.Pix[i*rows.Stride+x])
			}
			out.Pix[y*out.Stride+x] = m
		}
	}
	return out
}

// draw puts the run with its top-left corner at at: the halo, then the text.
func (g *glyphRun) draw(dst *image.RGBA, at image.Point, fg, halo *image.Uniform) {
	r := g.halo.Rect.Add(at)
	if halo != nil {
		draw.DrawMask(dst, r, halo, image.Point{}, g.halo, image.Point{}, draw.Over)
	}
	draw.DrawMask(dst, r, fg, image.Point{}, g.text, image.Point{}, draw.Over)
}

// textSize turns a size in points at scale 1 into whole pixels at scale.
func textSize(pt, scale float64) int {
	return max(6, int(math.Round(pt*scale)))
}

// uniform caches *image.Uniform values so drawing a colour allocates nothing.
type uniforms map[color.RGBA]*image.Uniform

func (u uniforms) of(c color.RGBA) *image.Uniform {
	if v, ok := u[c]; ok {
		return v
	}
	v := image.NewUniform(c)
	u[c] = v
	return v
}
