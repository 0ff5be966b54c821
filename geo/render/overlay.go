package render

import (
	"image"
	"image/color"
	"math"

	"sovmap/geo"
)

// overlays draws the title and caption with the legend below them (top
// left), the north arrow (top right), the scale bar (bottom left) and the
// attribution (bottom right), each on a translucent panel.
func (r *Renderer) overlays(s surface, b image.Rectangle, vp geo.Viewport, sc *Scene) {
	st := &sc.Style
	k := st.Scale
	pad := int(math.Round(8 * k))
	next := image.Pt(b.Min.X+pad, b.Min.Y+pad)
	if sc.Title != "" || sc.Caption != "" {
		next.Y = r.titlePanel(s, sc, next) + pad/2
	}
	if len(sc.Legend) > 0 {
		r.legend(s, sc, next)
	}
	if sc.NorthArrow {
		r.northArrow(s, vp, sc, image.Pt(b.Max.X-pad, b.Min.Y+pad))
	}
	if sc.ScaleBar {
		r.scaleBar(s, b, vp, sc, pad)
	}
	if sc.Attribution != "" {
		g := r.text.run(sc.Attribution, textSize(attributionSize, k), false)
		sz := g.Size()
		inner := int(4 * k)
		at := image.Pt(b.Max.X-pad-sz.X-inner, b.Max.Y-pad-sz.Y-inner)
		s.panel(image.Rectangle{Min: at.Sub(image.Pt(inner, inner)), Max: at.Add(sz).Add(image.Pt(inner, inner))}, st.Panel)
		s.text(g, at, st.PanelText, st.Halo, false)
	}
}

// titlePanel draws the title and caption and returns the panel's bottom.
func (r *Renderer) titlePanel(s surface, sc *Scene, at image.Point) int {
	st := &sc.Style
	k := st.Scale
	inner := int(math.Round(10 * k))
	var runs [2]*glyphRun
	if sc.Title != "" {
		runs[0] = r.text.run(sc.Title, textSize(titleSize, k), true)
	}
	if sc.Caption != "" {
		runs[1] = r.text.run(sc.Caption, textSize(captionSize, k), false)
	}
	w, h := 0, 0
	for _, g := range runs {
		if g != nil {
			w = max(w, g.Size().X)
			h += g.Size().Y
		}
	}
	panel := image.Rect(at.X, at.Y, at.X+w+2*inner, at.Y+h+2*inner)
	s.panel(panel, st.Panel)
	y := at.Y + inner
	for _, g := range runs {
		if g != nil {
			s.text(g, image.Pt(at.X+inner, y), st.PanelText, st.Halo, false)
			y += g.Size().Y
		}
	}
	return panel.Max.Y
}

func (r *Renderer) legend(s surface, sc *Scene, at image.Point) {
	st := &sc.Style
	k := st.Scale
	size := textSize(overlayTextSize, k)
	line := int(math.Round(22 * k))
	sym := int(math.Round(24 * k))
	inner := int(math.Round(8 * k))
	width := 0
	for _, e := range sc.Legend {
		width = max(width, r.text.run(e.Text, size, false).Size().X)
	}
	s.panel(image.Rect(at.X, at.Y, at.X+2*inner+sym+width, at.Y+2*inner+line*len(sc.Legend)), st.Panel)
	for i, e := range sc.Legend {
		cx := float64(at.X+inner) + float64(sym)/2
		cy := float64(at.Y+inner+i*line) + float64(line)/2
		r.legendSymbol(s, sc, e, cx, cy)
		g := r.text.run(e.Text, size, false)
		s.text(g, image.Pt(at.X+inner+sym, int(cy)-g.Size().Y/2), st.PanelText, st.Halo, false)
	}
}

// legendSymbol draws a legend entry's symbol centred on (cx, cy).
func (r *Renderer) legendSymbol(s surface, sc *Scene, e LegendEntry, cx, cy float64) {
	st := &sc.Style
	k := st.Scale
	rad := st.MarkerSize * k * 0.8
	switch e.Symbol {
	case LegendMarker, LegendCluster:
		s.disc(cx, cy, rad+1.5*k, 0, st.MarkerRing)
		s.disc(cx, cy, rad, 0, st.CategoryColor(e.Category))
		if e.Symbol == LegendCluster {
			s.disc(cx+rad*0.8, cy-rad*0.8, 5*k, 0, st.Badge)
		}
	case LegendHighlight:
		h := int(7 * k)
		box := image.Rect(int(cx)-h-2, int(cy)-h+2, int(cx)+h+2, int(cy)+h-2)
		s.panel(box, st.StateBorder)
		s.panel(box.Inset(max(1, int(k))), st.Highlight)
	case LegendHalo:
		c := st.CategoryColor(e.Category)
		s.disc(cx, cy, rad*1.6, 0, translucent(c, 2*haloFill))
		s.disc(cx, cy, rad*0.7+1.5*k, 0, st.MarkerRing)
		s.disc(cx, cy, rad*0.7, 0, c)
	case LegendArea:
		h := int(7 * k)
		box := image.Rect(int(cx)-h-2, int(cy)-h, int(cx)+h+2, int(cy)+h)
		c := st.CategoryColor(e.Category)
		s.panel(box, translucent(c, areaFill))
		w := max(1, int(1.5*k))
		for _, side := range []image.Rectangle{
			{box.Min, image.Pt(box.Max.X, box.Min.Y+w)}, {image.Pt(box.Min.X, box.Max.Y-w), box.Max},
			{image.Pt(box.Min.X, box.Min.Y+w), image.Pt(box.Min.X+w, box.Max.Y-w)}, {image.Pt(box.Max.X-w, box.Min.Y+w), image.Pt(box.Max.X, box.Max.Y-w)},
		} {
			s.panel(side, c)
		}
		s.disc(cx, cy, rad*0.55+k, 0, st.MarkerRing)
		s.disc(cx, cy, rad*0.55, 0, c)
		s.disc(cx, cy, rad*0.28, 0, st.MarkerRing)
	}
}

// northArrow draws an arrow to true north with an N on a panel, its
// top-right corner at topRight.
func (r *Renderer) northArrow(s surface, vp geo.Viewport, sc *Scene, topRight image.Point) {
	r.northArrowAt(s, vp, sc, topRight, true)
}

// northArrowSize is the north arrow's size at scale k.
func northArrowSize(k float64) image.Point {
	size := 44 * k
	return image.Pt(int(size), int(size*1.35))
}

// northArrowAt draws the north arrow, its top-right corner at topRight,
// on a panel or not.
func (r *Renderer) northArrowAt(s surface, vp geo.Viewport, sc *Scene, topRight image.Point, panel bool) {
	st := &sc.Style
	k := st.Scale
	sz := northArrowSize(k)
	size := float64(sz.X)
	inner := 6 * k
	box := image.Rect(topRight.X-sz.X, topRight.Y, topRight.X, topRight.Y+sz.Y)
	if panel {
		s.panel(box, st.Panel)
	} else {
		// Laid out, it claims its box; drawn, a panel of nothing.
		s.panel(box, transparent)
	}
	g := r.text.run("N", textSize(overlayTextSize+1, k), true)
	gs := g.Size()
	s.text(g, image.Pt(box.Min.X+(box.Dx()-gs.X)/2, box.Min.Y+int(inner/2)), st.PanelText, st.Halo, false)
	cx := float64(box.Min.X) + float64(box.Dx())/2
	cy := float64(box.Min.Y+gs.Y) + (float64(box.Dy()-gs.Y))/2
	a := geo.NorthAngle(vp)
	l := size/2 - inner
	rot := func(dx, dy float64) [2]float64 { // dy up, rotated clockwise by a
		return [2]float64{cx + dx*math.Cos(a) + dy*math.Sin(a), cy + dx*math.Sin(a) - dy*math.Cos(a)}
	}
	tip, left, right, tail := rot(0, l), rot(-l*0.45, -l), rot(l*0.45, -l), rot(0, -l*0.45)
	s.polygon([][2]float64{tip, left, tail}, st.PanelText)
	s.polygon([][2]float64{tip, tail, right}, st.Selection)
}

// scaleBarMax is the longest a scale bar is, points.
const scaleBarMax = 140.0

// scaleBarSize is the size of the scale bar's box, whatever the view: its
// longest bar or its text, and their height.
func scaleBarSize(r *Renderer, sc *Scene) image.Point {
	k := sc.Style.Scale
	g := r.text.run("10,000 km", textSize(overlayTextSize, k), false)
	inner := int(6 * k)
	h := max(3, int(5*k))
	tsz := g.Size()
	return image.Pt(max(int(math.Round(scaleBarMax*k)), tsz.X)+2*inner, tsz.Y+h+2*inner+int(2*k))
}

// scaleBar draws the scale bar on a panel at the bottom left of b.
func (r *Renderer) scaleBar(s surface, b image.Rectangle, vp geo.Viewport, sc *Scene, pad int) {
	k := sc.Style.Scale
	bar := geo.NewScaleBar(vp, scaleBarMax*k)
	g := r.text.run(bar.Text, textSize(overlayTextSize, k), false)
	inner := int(6 * k)
	h := max(3, int(5*k))
	tsz := g.Size()
	panel := image.Rect(0, 0, max(int(math.Round(bar.Pixels)), tsz.X)+2*inner, tsz.Y+h+2*inner+int(2*k))
	panel = panel.Add(image.Pt(b.Min.X+pad, b.Max.Y-pad-panel.Dy()))
	r.scaleBarAt(s, vp, sc, panel, true)
}

// scaleBarAt draws the scale bar in box, on a panel or not: its text at
// the top left, the bar of two halves, dark and light, below.
func (r *Renderer) scaleBarAt(s surface, vp geo.Viewport, sc *Scene, box image.Rectangle, panel bool) {
	st := &sc.Style
	k := st.Scale
	bar := geo.NewScaleBar(vp, scaleBarMax*k)
	g := r.text.run(bar.Text, textSize(overlayTextSize, k), false)
	inner := int(6 * k)
	h := max(3, int(5*k))
	w := int(math.Round(bar.Pixels))
	if panel {
		s.panel(box, st.Panel)
	} else {
		s.panel(box, transparent)
	}
	s.text(g, image.Pt(box.Min.X+inner, box.Min.Y+inner/2), st.PanelText, st.Halo, false)
	by := box.Max.Y - inner - h
	frame := image.Rect(box.Min.X+inner, by, box.Min.X+inner+w, by+h)
	s.panel(frame, st.PanelText)
	half := frame.Inset(1)
	half.Min.X += w / 2
	s.panel(half, opaque(st.Panel))
}

// transparent is a panel colour that draws nothing but still claims its
// box when a layout is worked out.
var transparent = color.RGBA{}

// opaque drops a colour's translucency (it is premultiplied, so undo that).
func opaque(c color.RGBA) color.RGBA {
	if c.A == 0 || c.A == 0xff {
		return color.RGBA{c.R, c.G, c.B, 0xff}
	}
	f := func(v uint8) uint8 { return uint8(min(255, int(v)*255/int(c.A))) }
	return color.RGBA{f(c.R), f(c.G), f(c.B), 0xff}
}
