package geo

import (
	"image"
	"image/draw"
	"math"
	"strconv"
	"sync"
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
	for _, m := range []float64{5, 2, 1} {
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

// overlays draws the legend (top left), the scale bar (bottom left) and the
// attribution (bottom right), each on a translucent panel.
func (r *Renderer) overlays(dst *image.RGBA, vp Viewport, sc *Scene) {
	st := &sc.Style
	s := st.Scale
	pad := int(math.Round(8 * s))
	if len(sc.Legend) > 0 {
		r.legend(dst, sc, image.Pt(pad, pad))
	}
	if sc.ScaleBar {
		r.scaleBar(dst, vp, sc, pad)
	}
	if sc.Attribution != "" {
		g := r.text.run(sc.Attribution, textSize(attributionSize, s), false)
		sz := g.Size()
		inner := int(4 * s)
		at := image.Pt(dst.Rect.Max.X-pad-sz.X-inner, dst.Rect.Max.Y-pad-sz.Y-inner)
		panel := image.Rectangle{Min: at.Sub(image.Pt(inner, inner)), Max: at.Add(sz).Add(image.Pt(inner, inner))}
		draw.Draw(dst, panel, r.colors.of(st.Panel), image.Point{}, draw.Over)
		g.draw(dst, at, r.colors.of(st.PanelText), nil)
	}
}

func (r *Renderer) legend(dst *image.RGBA, sc *Scene, at image.Point) {
	st := &sc.Style
	s := st.Scale
	size := textSize(overlayTextSize, s)
	line := int(math.Round(22 * s))
	sym := int(math.Round(24 * s))
	inner := int(math.Round(8 * s))
	width := 0
	for _, e := range sc.Legend {
		width = max(width, r.text.run(e.Text, size, false).Size().X)
	}
	panel := image.Rect(at.X, at.Y, at.X+2*inner+sym+width, at.Y+2*inner+line*len(sc.Legend))
	draw.Draw(dst, panel, r.colors.of(st.Panel), image.Point{}, draw.Over)
	for i, e := range sc.Legend {
		cx := float64(at.X+inner) + float64(sym)/2
		cy := float64(at.Y+inner+i*line) + float64(line)/2
		rad := st.MarkerSize * s * 0.8
		switch e.Symbol {
		case LegendMarker, LegendCluster:
			r.disc(dst, cx, cy, rad+1.5*s, 0, st.MarkerRing)
			r.disc(dst, cx, cy, rad, 0, st.Marker)
			if e.Symbol == LegendCluster {
				r.disc(dst, cx+rad*0.8, cy-rad*0.8, 5*s, 0, st.Badge)
			}
		case LegendHighlight:
			h := int(7 * s)
			box := image.Rect(int(cx)-h-2, int(cy)-h+2, int(cx)+h+2, int(cy)+h-2)
			draw.Draw(dst, box, r.colors.of(st.StateBorder), image.Point{}, draw.Src)
			draw.Draw(dst, box.Inset(max(1, int(s))), r.colors.of(st.Highlight), image.Point{}, draw.Src)
		}
		g := r.text.run(e.Text, size, false)
		g.draw(dst, image.Pt(at.X+inner+sym, int(cy)-g.Size().Y/2), r.colors.of(st.PanelText), nil)
	}
}

func (r *Renderer) scaleBar(dst *image.RGBA, vp Viewport, sc *Scene, pad int) {
	st := &sc.Style
	s := st.Scale
	bar := NewScaleBar(vp, 140*s)
	g := r.text.run(bar.Text, textSize(overlayTextSize, s), false)
	inner := int(6 * s)
	h := max(3, int(5*s))
	w := int(math.Round(bar.Pixels))
	tsz := g.Size()
	panel := image.Rect(0, 0, max(w, tsz.X)+2*inner, tsz.Y+h+2*inner+int(2*s))
	panel = panel.Add(image.Pt(pad, dst.Rect.Max.Y-pad-panel.Dy()))
	draw.Draw(dst, panel, r.colors.of(st.Panel), image.Point{}, draw.Over)
	g.draw(dst, image.Pt(panel.Min.X+inner, panel.Min.Y+inner/2), r.colors.of(st.PanelText), nil)
	// A bar of two halves, dark and light, with a dark frame.
	by := panel.Max.Y - inner - h
	frame := image.Rect(panel.Min.X+inner, by, panel.Min.X+inner+w, by+h)
	draw.Draw(dst, frame, r.colors.of(st.PanelText), image.Point{}, draw.Src)
	half := frame.Inset(1)
	half.Min.X += w / 2
	draw.Draw(dst, half, r.colors.of(st.Panel), image.Point{}, draw.Src)
}
