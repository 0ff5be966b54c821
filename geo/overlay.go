package geo

import (
	"image"
	"image/color"
	"math"
	"strconv"
	"sync"

	"github.com/paulmach/orb"
)

// ScaleBar is a scale bar that fits in maxPixels: a round ground length and
// the pixels it spans at the centre of the view.
type ScaleBar struct {
	Metres float64
	Pixels float64
	Text   string // "200 km", "500 m"
}

// NewScaleBar picks the longest 1, 2 or 5 times a power of ten that spans
// at most maxPixels at the view's centre, using the true ground distance
// (the projection's scale factor at that latitude corrected for).
func NewScaleBar(vp Viewport, maxPixels float64) ScaleBar {
	ground := vp.GroundResolution()
	limit := maxPixels * ground
	p := math.Pow(10, math.Floor(math.Log10(limit)))
	length := p
	for _, m := range [...]float64{5, 2, 1} {
		if m*p <= limit {
			length = m * p
			break
		}
	}
	return ScaleBar{Metres: length, Pixels: length / ground, Text: distanceText(length)}
}

// distanceTexts keeps the few distinct scale bar labels, so a frame
// formats none.
var distanceTexts sync.Map // float64 → string

func distanceText(metres float64) string {
	if s, ok := distanceTexts.Load(metres); ok {
		return s.(string)
	}
	text := strconv.FormatFloat(metres, 'f', -1, 64) + " m"
	if metres >= 1000 {
		text = strconv.FormatFloat(metres/1000, 'f', -1, 64) + " km"
	}
	distanceTexts.Store(metres, text)
	return text
}

// NorthAngle is the direction of true north at the view's centre, in
// radians clockwise from straight up. A conic projection's meridians
// converge, so north is straight up only on the central meridian.
func NorthAngle(vp Viewport) float64 {
	c := vp.Proj.Inverse(vp.Center)
	north := vp.Proj.Forward(orb.Point{c[0], math.Min(c[1]+0.1, 89.9)})
	return math.Atan2(north[0]-vp.Center[0], north[1]-vp.Center[1])
}

// overlays draws the title and caption with the legend below them (top
// left), the north arrow (top right), the scale bar (bottom left) and the
// attribution (bottom right), each on a translucent panel.
func (r *Renderer) overlays(s surface, b image.Rectangle, vp Viewport, sc *Scene) {
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
		rad := st.MarkerSize * k * 0.8
		switch e.Symbol {
		case LegendMarker, LegendCluster:
			s.disc(cx, cy, rad+1.5*k, 0, st.MarkerRing)
			s.disc(cx, cy, rad, 0, st.Marker)
			if e.Symbol == LegendCluster {
				s.disc(cx+rad*0.8, cy-rad*0.8, 5*k, 0, st.Badge)
			}
		case LegendHighlight:
			h := int(7 * k)
			box := image.Rect(int(cx)-h-2, int(cy)-h+2, int(cx)+h+2, int(cy)+h-2)
			s.panel(box, st.StateBorder)
			s.panel(box.Inset(max(1, int(k))), st.Highlight)
		}
		g := r.text.run(e.Text, size, false)
		s.text(g, image.Pt(at.X+inner+sym, int(cy)-g.Size().Y/2), st.PanelText, st.Halo, false)
	}
}

// northArrow draws an arrow to true north with an N, its top-right corner
// at topRight.
func (r *Renderer) northArrow(s surface, vp Viewport, sc *Scene, topRight image.Point) {
	st := &sc.Style
	k := st.Scale
	size := 44 * k
	inner := 6 * k
	box := image.Rect(topRight.X-int(size), topRight.Y, topRight.X, topRight.Y+int(size*1.35))
	s.panel(box, st.Panel)
	g := r.text.run("N", textSize(overlayTextSize+1, k), true)
	gs := g.Size()
	s.text(g, image.Pt(box.Min.X+(box.Dx()-gs.X)/2, box.Min.Y+int(inner/2)), st.PanelText, st.Halo, false)
	cx := float64(box.Min.X) + float64(box.Dx())/2
	cy := float64(box.Min.Y+gs.Y) + (float64(box.Dy()-gs.Y))/2
	a := NorthAngle(vp)
	l := size/2 - inner
	rot := func(dx, dy float64) [2]float64 { // dy up, rotated clockwise by a
		return [2]float64{cx + dx*math.Cos(a) + dy*math.Sin(a), cy + dx*math.Sin(a) - dy*math.Cos(a)}
	}
	tip, left, right, tail := rot(0, l), rot(-l*0.45, -l), rot(l*0.45, -l), rot(0, -l*0.45)
	s.polygon([][2]float64{tip, left, tail}, st.PanelText)
	s.polygon([][2]float64{tip, tail, right}, st.Selection)
}

func (r *Renderer) scaleBar(s surface, b image.Rectangle, vp Viewport, sc *Scene, pad int) {
	st := &sc.Style
	k := st.Scale
	bar := NewScaleBar(vp, 140*k)
	g := r.text.run(bar.Text, textSize(overlayTextSize, k), false)
	inner := int(6 * k)
	h := max(3, int(5*k))
	w := int(math.Round(bar.Pixels))
	tsz := g.Size()
	panel := image.Rect(0, 0, max(w, tsz.X)+2*inner, tsz.Y+h+2*inner+int(2*k))
	panel = panel.Add(image.Pt(b.Min.X+pad, b.Max.Y-pad-panel.Dy()))
	s.panel(panel, st.Panel)
	s.text(g, image.Pt(panel.Min.X+inner, panel.Min.Y+inner/2), st.PanelText, st.Halo, false)
	// A bar of two halves, dark and light, with a dark frame.
	by := panel.Max.Y - inner - h
	frame := image.Rect(panel.Min.X+inner, by, panel.Min.X+inner+w, by+h)
	s.panel(frame, st.PanelText)
	half := frame.Inset(1)
	half.Min.X += w / 2
	s.panel(half, opaque(st.Panel))
}

// opaque drops a colour's translucency (it is premultiplied, so undo that).
func opaque(c color.RGBA) color.RGBA {
	if c.A == 0 || c.A == 0xff {
		return color.RGBA{c.R, c.G, c.B, 0xff}
	}
	f := func(v uint8) uint8 { return uint8(min(255, int(v)*255/int(c.A))) }
	return color.RGBA{f(c.R), f(c.G), f(c.B), 0xff}
}
