package render

import (
	"image"
	"image/color"
	"math"
	"slices"
	"unsafe"

	"github.com/paulmach/orb"

	"sovmap/geo"
)

// Layers draws the frames of one window, keeping the land it drew so that
// only what changed is drawn again:
//
//   - the land layer (sea, countries, states with their highlights, and
//     borders) is kept. A pan by whole pixels shifts it and draws only the
//     strips it uncovers; a change of the highlighted states draws only
//     those states' boxes; anything else (a zoom, a resize, a new style or
//     map) draws it whole.
//   - each frame copies the land layer, draws the hovered and the selected
//     state's boxes again with their tint, and then the overlay (labels,
//     markers, selection, focus ring, legend and the other furniture) for
//     the exact current view, noting the boxes the overlay drew in.
//   - when the land layer did not change since the last frame, drawn into
//     the same image (a selection, the focus, a filter of the markers),
//     only the last frame's overlay boxes and tinted states are copied
//     back from the land layer instead of the whole of it.
//   - when only the hovered state changed since the last frame, drawn into
//     the same image, only the boxes of the states it left and entered are
//     drawn again: land, tint and overlay, clipped to the boxes.
//
// A frame equals Renderer.Render of the same view and scene, within the
// anti-aliasing of a part drawn alone. Exports draw from scratch with a
// Renderer. Layers keeps one image the size of the frame; it is not safe
// for concurrent use.
type Layers struct {
	r    *Renderer
	land *image.RGBA // the land layer, for the view landView
	// What the land layer shows: its view (whose centre may differ from
	// the frame's by a thousandth of a pixel after shifts), its style and
	// its highlighted states.
	landView    geo.Viewport
	landStyle   uint64 // landKey of the style it was drawn with
	palette     []color.RGBA
	highlighted []string
	valid       bool
	plain       Scene             // the frame's scene with no hover or selected state
	dirty       []image.Rectangle // boxes to draw again, reused
	// The last frame: the image it was drawn into, its view and its scene
	// (the scene's slices copied into buffers of its own).
	last      *uint8
	lastView  geo.Viewport
	lastScene Scene
	clip      image.RGBA  // a box of the frame, as SubImage would give it
	half      *image.RGBA // RenderMoving's land at half resolution
	halfScene Scene       // the scene it is drawn with: its style at half the scale
	// overlay holds the boxes the last frame's overlay drew in (known
	// when overlayKnown): what a frame that keeps the land puts back.
	overlay      []image.Rectangle
	overlayKnown bool
}

// NewLayers returns layers drawing with r.
func NewLayers(r *Renderer) *Layers { return &Layers{r: r} }

// Renderer is the renderer the layers draw with.
func (l *Layers) Renderer() *Renderer { return l.r }

// Render draws the frame of view vp and scene sc into dst, whose size must
// be vp.Width by vp.Height. Between frames, dst must keep what Layers drew
// in it: a frame that changes only the hovered state draws over the last.
func (l *Layers) Render(dst *image.RGBA, vp geo.Viewport, sc *Scene) {
	if dst.Rect.Dx() != vp.Width || dst.Rect.Dy() != vp.Height {
		panic("geo: Layers.Render: image and viewport differ in size")
	}
	if len(dst.Pix) > 0 && &dst.Pix[0] == l.last && vp == l.lastView && l.landView.Center == vp.Center && sameButHover(&l.lastScene, sc) {
		l.patchHover(dst, vp, sc)
		l.remember(dst, vp, sc)
		return
	}
	l.plain = *sc
	l.plain.Hover, l.plain.SelectedState = "", ""
	landChanged := l.updateLand(vp, &l.plain)
	l.plain = Scene{} // hold nothing of the caller's scene between frames
	if !landChanged && l.overlayKnown && len(dst.Pix) > 0 && &dst.Pix[0] == l.last && dst.Rect == l.land.Rect {
		// Only what lies on the land changed (a selection, the focus,
		// the markers): the last frame's overlay and tinted states are
		// put back to land from the layer, the rest of the frame is land
		// already.
		l.dirty = append(l.dirty[:0], l.overlay...)
		for _, code := range [2]string{l.lastScene.Hover, l.lastScene.SelectedState} {
			if code != "" {
				l.dirty = l.addStateBox(l.dirty, l.landView, &l.lastScene, code)
			}
		}
		for _, box := range l.dirty {
			copyBox(dst, l.land, box)
		}
	} else {
		copyBox(dst, l.land, l.land.Rect)
	}
	// The hovered and the selected state: their boxes drawn again with
	// both tints, from the same view as the land layer.
	l.dirty = l.dirty[:0]
	for _, code := range [2]string{sc.Hover, sc.SelectedState} {
		if code != "" {
			l.dirty = l.addStateBox(l.dirty, l.landView, sc, code)
		}
	}
	for _, box := range l.dirty {
		l.r.land(dst, l.landView, sc, box)
	}
	// The overlay, noting every box it draws in for the next frame.
	l.overlay = l.overlay[:0]
	l.r.decorateRaster(dst, vp, sc, &l.overlay)
	l.overlayKnown = true
	l.remember(dst, vp, sc)
}

// patchHover draws again, into the last frame, the boxes of the state the
// pointer left and of the one it entered: the land with its tints, and the
// overlay clipped to the box.
func (l *Layers) patchHover(dst *image.RGBA, vp geo.Viewport, sc *Scene) {
	if l.lastScene.Hover == sc.Hover {
		return // the same frame
	}
	l.dirty = l.dirty[:0]
	for _, code := range [2]string{l.lastScene.Hover, sc.Hover} {
		if code != "" {
			l.dirty = l.addStateBox(l.dirty, vp, sc, code)
		}
	}
	for _, box := range l.dirty {
		l.r.land(dst, vp, sc, box)
		box = box.Add(dst.Rect.Min)
		l.clip = image.RGBA{Pix: dst.Pix[dst.PixOffset(box.Min.X, box.Min.Y):], Stride: dst.Stride, Rect: box}
		l.r.raster = rasterSurface{r: l.r, dst: &l.clip}
		l.r.decorate(&l.r.raster, dst.Rect, vp, sc)
	}
	l.clip = image.RGBA{}
	l.r.raster = rasterSurface{}
}

// remember keeps what the frame drew, to tell what the next one changes.
func (l *Layers) remember(dst *image.RGBA, vp geo.Viewport, sc *Scene) {
	l.last, l.lastView = nil, vp
	if len(dst.Pix) > 0 {
		l.last = &dst.Pix[0]
	}
	ls := &l.lastScene
	markers, legend, highlighted, categories := ls.Markers, ls.Legend, ls.Highlighted, ls.Style.Categories
	*ls = *sc
	ls.Markers = append(markers[:0], sc.Markers...)
	ls.Legend = append(legend[:0], sc.Legend...)
	ls.Highlighted = append(highlighted[:0], sc.Highlighted...)
	ls.Style.Categories = append(categories[:0], sc.Style.Categories...)
}

// sameButHover reports whether two scenes draw the same frame but for the
// hovered state.
func sameButHover(a, b *Scene) bool {
	return sameStyle(&a.Style, &b.Style) &&
		a.Lang == b.Lang && a.Selected == b.Selected && a.SelectedState == b.SelectedState && a.SelectedArea == b.SelectedArea && a.Focused == b.Focused &&
		a.StateLabels == b.StateLabels && a.ScaleBar == b.ScaleBar && a.NorthArrow == b.NorthArrow &&
		a.Attribution == b.Attribution && a.Title == b.Title && a.Caption == b.Caption &&
		slices.Equal(a.Highlighted, b.Highlighted) && slices.Equal(a.Markers, b.Markers) && slices.Equal(a.Legend, b.Legend)
}

// sameStyle reports whether two styles are the same.
func sameStyle(a, b *Style) bool {
	colors := func(s *Style) [20]color.RGBA {
		return [...]color.RGBA{s.Sea, s.Neighbour, s.Land, s.Highlight, s.Hover, s.SelectedLand, s.StateBorder, s.CountryBorder,
			s.MunicipalBorder, s.Marker, s.MarkerRing, s.Selection, s.Badge, s.BadgeText, s.Label, s.CountryLabel, s.MunicipalLabel, s.Halo, s.Panel, s.PanelText}
	}
	return colors(a) == colors(b) && slices.Equal(a.Categories, b.Categories) &&
		a.Scale == b.Scale && a.BorderWidth == b.BorderWidth && a.MunicipalBorderWidth == b.MunicipalBorderWidth &&
		a.MarkerSize == b.MarkerSize && a.LabelSize == b.LabelSize
}

// RenderMoving draws a frame of a zoom in motion (a wheel, an animated
// fly-to): the land at half the resolution, scaled up, and the markers,
// labels and furniture at full resolution for the exact view, so that they
// never stand in a stale place. It keeps nothing: the frame after the
// motion, drawn with Render, is full quality.
func (l *Layers) RenderMoving(dst *image.RGBA, vp geo.Viewport, sc *Scene) {
	if dst.Rect.Dx() != vp.Width || dst.Rect.Dy() != vp.Height {
		panic("geo: Layers.RenderMoving: image and viewport differ in size")
	}
	hv := vp
	hv.Width, hv.Height, hv.Res = (vp.Width+1)/2, (vp.Height+1)/2, vp.Res*2
	if l.half == nil || l.half.Rect.Dx() != hv.Width || l.half.Rect.Dy() != hv.Height {
		l.half = image.NewRGBA(image.Rect(0, 0, hv.Width, hv.Height))
	}
	// At half the scale the lines are as wide, once doubled, and the
	// layers show at the same views, as in the frame drawn whole.
	l.halfScene = *sc
	l.halfScene.Style.Scale /= 2
	l.r.land(l.half, hv, &l.halfScene, l.half.Rect)
	l.halfScene = Scene{} // hold nothing of the caller's between frames
	double(dst, l.half)
	l.r.decorateRaster(dst, vp, sc, nil)
	l.last, l.overlayKnown = nil, false // the next frame draws whole
}

// double scales src up twice into dst (nearest neighbour: each pixel
// becomes a square of four), cut to dst's size. Pixels move as whole
// 32-bit words.
func double(dst, src *image.RGBA) {
	w, h := dst.Rect.Dx(), dst.Rect.Dy()
	sw := src.Rect.Dx()
	for y := 0; y < h; y += 2 {
		s := unsafe.Slice((*uint32)(unsafe.Pointer(&src.Pix[(y/2)*src.Stride])), sw)
		d := unsafe.Slice((*uint32)(unsafe.Pointer(&dst.Pix[y*dst.Stride])), w)
		for x := 0; x+1 < w; x += 2 {
			p := s[x/2]
			d[x], d[x+1] = p, p
		}
		if w%2 == 1 {
			d[w-1] = s[w/2]
		}
		if y+1 < h {
			copy(dst.Pix[(y+1)*dst.Stride:(y+1)*dst.Stride+4*w], dst.Pix[y*dst.Stride:y*dst.Stride+4*w])
		}
	}
}

// updateLand brings the land layer to view vp and scene sc (with no hover
// or selected state), drawing as little as it can, and reports whether it
// changed.
func (l *Layers) updateLand(vp geo.Viewport, sc *Scene) bool {
	full := image.Rect(0, 0, vp.Width, vp.Height)
	if l.land == nil || l.land.Rect != full {
		l.land = image.NewRGBA(full)
		l.valid = false
	}
	style := landKey(&sc.Style, &l.palette)
	lv := l.landView
	dx, dy, shifted := 0, 0, false
	if l.valid && lv.Proj == vp.Proj && lv.Res == vp.Res && lv.Width == vp.Width && lv.Height == vp.Height && l.landStyle == style {
		// The content moves by (sx, sy) pixels from the land layer's view
		// to this one; a whole-pixel move (within a thousandth) shifts it.
		sx := (lv.Center[0] - vp.Center[0]) / vp.Res
		sy := (vp.Center[1] - lv.Center[1]) / vp.Res
		rx, ry := math.Round(sx), math.Round(sy)
		if math.Abs(sx-rx) < 1e-3 && math.Abs(sy-ry) < 1e-3 && math.Abs(rx) < float64(vp.Width) && math.Abs(ry) < float64(vp.Height) {
			dx, dy, shifted = int(rx), int(ry), true
		}
	}
	if !shifted {
		l.landView, l.landStyle = vp, style
		l.highlighted = append(l.highlighted[:0], sc.Highlighted...)
		l.r.land(l.land, vp, sc, full)
		l.valid = true
		return true
	}
	// The layer's view moves by exactly the whole pixels it shifts, so
	// that sub-pixel differences never add up over a long drag.
	l.landView.Center = orb.Point{lv.Center[0] - float64(dx)*vp.Res, lv.Center[1] + float64(dy)*vp.Res}
	l.dirty = l.dirty[:0]
	if dx != 0 || dy != 0 {
		shiftPixels(l.land, dx, dy)
		w, h := vp.Width, vp.Height
		switch {
		case dx > 0:
			l.dirty = append(l.dirty, image.Rect(0, 0, dx, h))
		case dx < 0:
			l.dirty = append(l.dirty, image.Rect(w+dx, 0, w, h))
		}
		switch {
		case dy > 0:
			l.dirty = append(l.dirty, image.Rect(0, 0, w, dy))
		case dy < 0:
			l.dirty = append(l.dirty, image.Rect(0, h+dy, w, h))
		}
	}
	// States whose highlight changed are drawn again, with their
	// neighbours' shared borders, in their boxes.
	if !slices.Equal(l.highlighted, sc.Highlighted) {
		for _, code := range l.highlighted {
			if !slices.Contains(sc.Highlighted, code) {
				l.dirty = l.addStateBox(l.dirty, l.landView, sc, code)
			}
		}
		for _, code := range sc.Highlighted {
			if !slices.Contains(l.highlighted, code) {
				l.dirty = l.addStateBox(l.dirty, l.landView, sc, code)
			}
		}
		l.highlighted = append(l.highlighted[:0], sc.Highlighted...)
	}
	for _, box := range l.dirty {
		l.r.land(l.land, l.landView, sc, box)
	}
	return len(l.dirty) > 0
}

// addStateBox appends the pixel box of the state with the given code, with
// room for its border, as drawn in view vp.
func (l *Layers) addStateBox(boxes []image.Rectangle, vp geo.Viewport, sc *Scene, code string) []image.Rectangle {
	if reg := l.r.Map.StateByCode(code); reg != nil {
		pad := strokeWidth(&sc.Style, sc.Style.BorderWidth) + 2
		if box := pixelBox(vp, reg.Bound, pad, image.Rect(0, 0, vp.Width, vp.Height)); !box.Empty() {
			boxes = append(boxes, box)
		}
	}
	return boxes
}

// copyBox copies the pixels of box, counted from the images' top left
// corners, from src to dst, two images of the same size: the whole image
// in one copy where both are contiguous.
func copyBox(dst, src *image.RGBA, box image.Rectangle) {
	size := image.Rectangle{Max: src.Rect.Size()}
	box = box.Intersect(size)
	w := 4 * box.Dx()
	if box == size && dst.Stride == src.Stride && dst.Stride == w {
		copy(dst.Pix[:len(src.Pix)], src.Pix)
		return
	}
	for y := box.Min.Y; y < box.Max.Y; y++ {
		d, s := y*dst.Stride+4*box.Min.X, y*src.Stride+4*box.Min.X
		copy(dst.Pix[d:d+w], src.Pix[s:s+w])
	}
}

// shiftPixels moves img's content by (dx, dy) pixels in place; what it
// uncovers keeps stale pixels, for the caller to draw.
func shiftPixels(img *image.RGBA, dx, dy int) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	row := 4 * (w - abs(dx))
	srcX, dstX := max(0, -dx)*4, max(0, dx)*4
	if dy > 0 { // moving down: copy from the bottom up
		for y := h - 1; y >= dy; y-- {
			d, s := y*img.Stride, (y-dy)*img.Stride
			copy(img.Pix[d+dstX:d+dstX+row], img.Pix[s+srcX:s+srcX+row])
		}
		return
	}
	for y := 0; y < h+dy; y++ {
		d, s := y*img.Stride, (y-dy)*img.Stride
		copy(img.Pix[d+dstX:d+dstX+row], img.Pix[s+srcX:s+srcX+row])
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
