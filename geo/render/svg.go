package render

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"io"
	"math"
	"strconv"

	"sovmap/geo"

	"github.com/paulmach/orb"
)

// WriteSVG writes the view vp of the map and the scene as an SVG document of
// vp.Width by vp.Height: vectors from the same geometry and the same layout
// as Render, one <path> per state (its id the ISO code) and per country,
// markers as circles and text as text.
func (r *Renderer) WriteSVG(w io.Writer, vp geo.Viewport, sc *Scene) error {
	bw := bufio.NewWriter(w)
	s := &svgSurface{w: bw, width: vp.Width}
	st := &sc.Style
	lvl := r.Map.Level(vp.Res)
	view := vp.Bound()
	border := math.Max(0.5, st.BorderWidth*st.Scale)
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">
<rect id="sea" width="%d" height="%d" fill="%s"/>
`, vp.Width, vp.Height, vp.Width, vp.Height, vp.Width, vp.Height, hex(st.Sea))
	bw.WriteString(`<g id="countries" stroke-linejoin="round">` + "\n")
	for _, c := range r.Map.Countries {
		if c.Shape(lvl) == nil || !c.Bound.Intersects(view) {
			continue
		}
		fmt.Fprintf(bw, `<path id="%s" class="country" fill="%s" fill-rule="evenodd" d="`, xmlText(c.Code), hex(st.Neighbour))
		s.polygons(vp, c.Shape(lvl))
		bw.WriteString(`"/>` + "\n")
		if len(c.Outlines(lvl)) > 0 {
			fmt.Fprintf(bw, `<path class="border" fill="none" stroke="%s" stroke-width="%.2f" d="`, hex(st.CountryBorder), border)
			s.lines(vp, c.Outlines(lvl))
			bw.WriteString(`"/>` + "\n")
		}
	}
	bw.WriteString("</g>\n" + `<g id="states" stroke-linejoin="round">` + "\n")
	for _, reg := range r.Map.States {
		if reg.Shape(lvl) == nil || !reg.Bound.Intersects(view) {
			continue
		}
		fmt.Fprintf(bw, `<path id="%s" class="state" data-name="%s" fill="%s" fill-rule="evenodd" stroke="%s" stroke-width="%.2f" d="`,
			xmlText(reg.Code), xmlText(reg.Name), hex(stateColor(reg, sc)), hex(st.StateBorder), border)
		s.polygons(vp, reg.Shape(lvl))
		bw.WriteString(`"/>` + "\n")
	}
	bw.WriteString("</g>\n" + `<g id="labels-markers-overlays" font-family="Go, 'DejaVu Sans', Arial, sans-serif">` + "\n")
	r.decorate(s, image.Rect(0, 0, vp.Width, vp.Height), vp, sc)
	bw.WriteString("</g>\n</svg>\n")
	return bw.Flush()
}

// svgSurface writes markers, labels and overlays as SVG elements.
type svgSurface struct {
	w     *bufio.Writer
	buf   []byte
	width int // the document's, pixels
}

func (s *svgSurface) num(v float64) {
	s.buf = strconv.AppendFloat(s.buf[:0], math.Round(v*100)/100, 'f', -1, 64)
	s.w.Write(s.buf)
}

// polygons writes the path data of a multipolygon in pixels.
func (s *svgSurface) polygons(vp geo.Viewport, mp orb.MultiPolygon) {
	for _, poly := range mp {
		for _, ring := range poly {
			s.path(vp, orb.LineString(ring), true)
		}
	}
}

// lines writes the path data of open lines in pixels.
func (s *svgSurface) lines(vp geo.Viewport, ls []orb.LineString) {
	for _, l := range ls {
		s.path(vp, l, false)
	}
}

func (s *svgSurface) path(vp geo.Viewport, l orb.LineString, closed bool) {
	var px, py float64
	for i, p := range l {
		x, y := vp.ToPixel(p)
		if i > 0 && i < len(l)-1 && math.Abs(x-px) < 0.25 && math.Abs(y-py) < 0.25 {
			continue // below what any display shows
		}
		if i == 0 {
			s.w.WriteString("M")
		} else {
			s.w.WriteString("L")
		}
		s.num(x)
		s.w.WriteByte(' ')
		s.num(y)
		px, py = x, y
	}
	if closed {
		s.w.WriteString("Z")
	}
}

func (s *svgSurface) panel(r image.Rectangle, c color.RGBA) {
	fmt.Fprintf(s.w, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"%s/>`+"\n",
		r.Min.X, r.Min.Y, r.Dx(), r.Dy(), hex(c), opacity("fill-opacity", c))
}

func (s *svgSurface) disc(cx, cy, outer, inner float64, c color.RGBA) {
	if inner > 0 {
		fmt.Fprintf(s.w, `<circle cx="%.2f" cy="%.2f" r="%.2f" fill="none" stroke="%s" stroke-width="%.2f"/>`+"\n",
			cx, cy, (outer+inner)/2, hex(c), outer-inner)
		return
	}
	fmt.Fprintf(s.w, `<circle cx="%.2f" cy="%.2f" r="%.2f" fill="%s"%s stroke="none"/>`+"\n", cx, cy, outer, hex(c), opacity("fill-opacity", c))
}

func (s *svgSurface) text(g *glyphRun, at image.Point, fg color.RGBA, h color.RGBA, halo bool) {
	weight := "normal"
	if g.bold {
		weight = "bold"
	}
	x, y, text := at.X+g.pad, at.Y+g.ascent, xmlText(g.str)
	// The width is pinned to the Go font's, so a viewer's substitute font
	// keeps the layout.
	width := g.Size().X - 2*g.pad
	anchor := ""
	if x+width > s.width/2 { // right half: grow leftwards, away from the edge
		x, anchor = x+width, ` text-anchor="end"`
	}
	common := fmt.Sprintf(`x="%d" y="%d" font-size="%d" font-weight="%s" textLength="%d" lengthAdjust="spacingAndGlyphs"%s`, x, y, g.size, weight, width, anchor)
	if halo { // a separate element under the text: paint-order is not read everywhere
		fmt.Fprintf(s.w, `<text %s fill="none" stroke="%s"%s stroke-width="%d" stroke-linejoin="round">%s</text>`+"\n",
			common, hex(h), opacity("stroke-opacity", h), 2*g.pad, text)
	}
	fmt.Fprintf(s.w, `<text %s fill="%s">%s</text>`+"\n", common, hex(fg), text)
}

func (s *svgSurface) polygon(pts [][2]float64, c color.RGBA) {
	s.w.WriteString(`<polygon points="`)
	for i, p := range pts {
		if i > 0 {
			s.w.WriteByte(' ')
		}
		s.num(p[0])
		s.w.WriteByte(',')
		s.num(p[1])
	}
	fmt.Fprintf(s.w, `" fill="%s"/>`+"\n", hex(c))
}

// hex writes a colour as #rrggbb, undoing premultiplied alpha.
func hex(c color.RGBA) string {
	o := opaque(c)
	return fmt.Sprintf("#%02x%02x%02x", o.R, o.G, o.B)
}

func opacity(attr string, c color.RGBA) string {
	if c.A == 0xff {
		return ""
	}
	return fmt.Sprintf(` %s="%.3f"`, attr, float64(c.A)/255)
}

func xmlText(s string) string {
	var b []byte
	w := &byteWriter{&b}
	xml.EscapeText(w, []byte(s))
	return string(b)
}

type byteWriter struct{ b *[]byte }

func (w *byteWriter) Write(p []byte) (int, error) {
	*w.b = append(*w.b, p...)
	return len(p), nil
}
