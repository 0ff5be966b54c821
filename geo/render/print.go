package render

import (
	"image"
	"math"
	"sync"

	"sovmap/geo"
)

// A print layout puts the furniture in bands around the map, as a page
// layout does, never over it: the title and caption (and the north arrow,
// at the right) in a band at the top; the legend, the scale bar and the
// attribution in a band at the bottom; the map in the frame between, on
// paper. A scene with a MapFrame is drawn this way; the window floats its
// furniture over the map instead.

// printLayout lays the furniture of an image w x h out, or draws it when
// s draws, and returns the map's frame between the bands. vp is the map's
// view in that frame: the scale bar and the north arrow read it; laying
// out alone, any view serves, as neither's size depends on it.
func (r *Renderer) printLayout(s surface, w, h int, vp geo.Viewport, sc *Scene) image.Rectangle {
	st := &sc.Style
	k := st.Scale
	pad := int(math.Round(12 * k))
	gap := int(math.Round(8 * k))

	// The top band: title and caption, left; the north arrow, right.
	top := pad
	titleRight := w - pad
	arrow := image.Point{}
	if sc.NorthArrow {
		arrow = northArrowSize(k)
		titleRight -= arrow.X + gap
	}
	y := top
	if sc.Title != "" {
		g := r.fitText(sc.Title, titleSize, k, true, titleRight-pad)
		s.text(g, image.Pt(pad, y), st.PanelText, st.Halo, false)
		y += g.Size().Y
	}
	if sc.Caption != "" {
		g := r.fitText(sc.Caption, captionSize, k, false, titleRight-pad)
		s.text(g, image.Pt(pad, y), st.PanelText, st.Halo, false)
		y += g.Size().Y
	}
	if sc.NorthArrow {
		r.northArrowAt(s, vp, sc, image.Pt(w-pad, top), false)
		y = max(y, top+arrow.Y)
	}
	frameTop := pad
	if y > top {
		frameTop = y + gap
	}

	// The bottom band, from the bottom up: the scale bar at the left and
	// the attribution at the right (on a row of its own when both do not
	// fit on one), then the legend's entries side by side, in rows.
	bottom := h - pad
	var bar image.Point
	if sc.ScaleBar {
		bar = scaleBarSize(r, sc)
	}
	if sc.Attribution != "" {
		g := r.fitText(sc.Attribution, attributionSize, k, false, w-2*pad)
		sz := g.Size()
		if bar.X > 0 && pad+bar.X+gap+sz.X > w-pad {
			s.text(g, image.Pt(w-pad-sz.X, bottom-sz.Y), st.PanelText, st.Halo, false)
			bottom -= sz.Y + gap/2
		} else {
			rowH := max(bar.Y, sz.Y)
			s.text(g, image.Pt(w-pad-sz.X, bottom-rowH+(rowH-sz.Y)/2), st.PanelText, st.Halo, false)
			if bar.X == 0 {
				bottom -= rowH + gap
			}
		}
	}
	if bar.X > 0 {
		r.scaleBarAt(s, vp, sc, image.Rect(pad, bottom-bar.Y, pad+bar.X, bottom), false)
		bottom -= bar.Y + gap
	}
	// Above, the legend at the left and the locator map at the right.
	legendRight := w - pad
	var inset image.Point
	if sc.Inset {
		inset = image.Pt(int(math.Round(170*k)), int(math.Round(110*k)))
		legendRight -= inset.X + 2*gap
	}
	legendH := 0
	if len(sc.Legend) > 0 {
		size := textSize(overlayTextSize, k)
		line := int(math.Round(22 * k))
		sym := int(math.Round(24 * k))
		// Count the rows first, to know where the first one starts.
		rows, x := 1, pad
		for _, e := range sc.Legend {
			ew := sym + r.text.run(e.Text, size, false).Size().X
			if x > pad && x+ew > legendRight {
				rows, x = rows+1, pad
			}
			x += ew + 2*gap
		}
		legendH = rows * line
		rowTop := bottom - legendH
		x = pad
		for _, e := range sc.Legend {
			g := r.text.run(e.Text, size, false)
			ew := sym + g.Size().X
			if x > pad && x+ew > legendRight {
				x, rowTop = pad, rowTop+line
			}
			cy := float64(rowTop) + float64(line)/2
			r.legendSymbol(s, sc, e, float64(x)+float64(sym)/2, cy)
			s.text(g, image.Pt(x+sym, int(cy)-g.Size().Y/2), st.PanelText, st.Halo, false)
			x += ew + 2*gap
		}
	}
	if sc.Inset {
		box := image.Rect(w-pad-inset.X, bottom-inset.Y, w-pad, bottom)
		if r.Map != nil { // laying out alone, only the box matters
			ivp := geo.Fit(vp.Proj, r.Map.Bound, box.Dx(), box.Dy(), 4*k)
			b := vp.Bound()
			x0, y0 := ivp.ToPixel(b.Min)
			x1, y1 := ivp.ToPixel(b.Max)
			area := image.Rect(int(math.Floor(x0)), int(math.Floor(y1)), int(math.Ceil(x1)), int(math.Ceil(y0)))
			s.locator(box, ivp, sc, area)
		} else {
			s.locator(box, vp, sc, image.Rectangle{})
		}
	}
	if block := max(legendH, inset.Y); block > 0 {
		bottom -= block + gap
	}
	frameBottom := h - pad
	if bottom < h-pad {
		frameBottom = bottom
	}
	if frameBottom <= frameTop || w <= 2*pad {
		return image.Rectangle{} // the bands leave no room for a map
	}
	return image.Rectangle{Min: image.Pt(pad, frameTop), Max: image.Pt(w-pad, frameBottom)}
}

// fitText renders s at size points, or smaller (down to three fifths) when
// it is wider than width pixels; what still does not fit is cut with an
// ellipsis, so that a title never runs off the page.
func (r *Renderer) fitText(s string, size, k float64, bold bool, width int) *glyphRun {
	px := textSize(size, k)
	g := r.text.run(s, px, bold)
	for px > textSize(size*0.6, k) && g.Size().X > width {
		px = max(textSize(size*0.6, k), px*9/10)
		g = r.text.run(s, px, bold)
	}
	for n := len([]rune(g.str)); g.Size().X > width && n > 1; n = n * 9 / 10 {
		g = r.text.run(clipRunes(s, n), px, bold)
	}
	return g
}

// measurer lays print layouts out for PrintFrame, where no renderer is at
// hand: text measurement needs one's text cache.
var measurer = struct {
	sync.Mutex
	r *Renderer
}{r: &Renderer{text: newTextCache(), colors: uniforms{}}}

// PrintFrame is the map's frame in a print layout of sc's furniture in an
// image w x h: the rectangle between the top and bottom bands. vp is any
// view of the map (the layout's sizes do not depend on it). Draw the scene
// with that frame as its MapFrame and a view of the frame's size.
func PrintFrame(sc *Scene, vp geo.Viewport, w, h int) image.Rectangle {
	measurer.Lock()
	defer measurer.Unlock()
	r := measurer.r
	r.reserve.r = r
	return r.printLayout(&r.reserve, w, h, vp, sc)
}

// paperStrip is the rows of paper filled at a time.
const paperStrip = 256

// renderPrint draws a print layout into dst: paper, the map in
// sc.MapFrame (vp is its view), a hairline around it, and the furniture.
func (r *Renderer) renderPrint(dst *image.RGBA, vp geo.Viewport, sc *Scene) {
	frame := sc.MapFrame.Add(dst.Rect.Min)
	if frame.Dx() != vp.Width || frame.Dy() != vp.Height || !frame.In(dst.Rect) {
		panic("geo: Render: the map frame and the viewport differ in size, or the frame leaves the image")
	}
	st := &sc.Style
	r.raster = rasterSurface{r: r, dst: dst}
	// The paper, in strips, so that a cancelled export of a large page
	// stops within one (a 16384-pixel page is a gigabyte).
	for y := dst.Rect.Min.Y; y < dst.Rect.Max.Y && !r.stopped(); y += paperStrip {
		r.raster.panel(image.Rect(dst.Rect.Min.X, y, dst.Rect.Max.X, min(y+paperStrip, dst.Rect.Max.Y)), opaque(st.Panel))
	}
	r.frame = image.RGBA{Pix: dst.Pix[dst.PixOffset(frame.Min.X, frame.Min.Y):], Stride: dst.Stride, Rect: image.Rect(0, 0, vp.Width, vp.Height)}
	r.land(&r.frame, vp, sc, r.frame.Rect)
	if r.stopped() {
		r.raster = rasterSurface{}
		return
	}
	r.placed = r.placed[:0]
	r.reserveMarkerLabels(vp, sc)
	r.raster = rasterSurface{r: r, dst: &r.frame}
	r.onLand(&r.raster, r.frame.Rect, vp, sc, nil)
	r.raster = rasterSurface{r: r, dst: dst}
	r.raster.frameLine(frame, max(1, int(math.Round(st.Scale))), dst.Rect, st.StateBorder)
	r.printLayout(&r.raster, dst.Rect.Dx(), dst.Rect.Dy(), vp, sc)
	r.frame = image.RGBA{}
	r.raster = rasterSurface{}
}
