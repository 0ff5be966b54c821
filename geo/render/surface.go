package render

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"sovmap/geo"
	"sovmap/geo/topology"
)

// surface is what markers, labels and overlays are drawn on: the raster
// image of a frame, or an SVG document. Both take the same calls, so a PNG
// and an SVG export have one layout.
type surface interface {
	// panel fills a rectangle; translucent colours blend.
	panel(r image.Rectangle, c color.RGBA)
	// disc fills a circle, or a ring when inner > 0.
	disc(cx, cy, outer, inner float64, c color.RGBA)
	// text draws a rendered label with its top-left corner at at; with
	// halo set, a halo of colour h goes under it.
	text(g *glyphRun, at image.Point, fg color.RGBA, h color.RGBA, halo bool)
	// polygon fills a small closed polygon (the north arrow's halves).
	polygon(pts [][2]float64, c color.RGBA)
	// locator draws the locator map in box: the land of view vp (the box's
	// size) and the outline of the area area (pixels of that view).
	locator(box image.Rectangle, vp geo.Viewport, sc *Scene, area image.Rectangle)
	// outline strokes a region's rings, width pixels wide.
	outline(reg *geo.Region, vp geo.Viewport, width float64, c color.RGBA)
	// area fills a region in fill (translucent: it blends) and strokes
	// its rings in stroke, width pixels wide.
	area(reg *geo.Region, vp geo.Viewport, fill, stroke color.RGBA, width float64)
}

// markerGrouper is a surface that groups each marker's drawing under the
// place's id (the SVG does).
type markerGrouper interface {
	marker(id string, open bool)
}

// rasterSurface draws into the frame's image; with touched set, it also
// notes the box of every pixel it may have changed.
type rasterSurface struct {
	r       *Renderer
	dst     *image.RGBA
	touched *[]image.Rectangle
}

// touch notes that the pixels of box may have changed.
func (s *rasterSurface) touch(box image.Rectangle) {
	if s.touched == nil {
		return
	}
	if box = box.Intersect(s.dst.Rect); !box.Empty() {
		*s.touched = append(*s.touched, box)
	}
}

func (s *rasterSurface) panel(r image.Rectangle, c color.RGBA) {
	if c.A == 0 {
		return
	}
	s.touch(r)
	op := draw.Over
	if c.A == 0xff {
		op = draw.Src
	}
	draw.Draw(s.dst, r, s.r.colors.of(c), image.Point{}, op)
}

func (s *rasterSurface) disc(cx, cy, outer, inner float64, c color.RGBA) {
	pad := outer + 3 // the mask's own margin of two pixels, and rounding
	s.touch(image.Rect(int(math.Floor(cx-pad)), int(math.Floor(cy-pad)), int(math.Ceil(cx+pad)), int(math.Ceil(cy+pad))))
	s.r.disc(s.dst, cx, cy, outer, inner, c)
}

func (s *rasterSurface) text(g *glyphRun, at image.Point, fg color.RGBA, h color.RGBA, halo bool) {
	var hu *image.Uniform
	if halo {
		hu = s.r.colors.of(h)
	}
	s.touch(g.halo.Rect.Add(at))
	g.draw(s.dst, at, s.r.colors.of(fg), hu)
}

func (s *rasterSurface) polygon(pts [][2]float64, c color.RGBA) {
	if len(pts) < 3 {
		return
	}
	box := image.Rectangle{}
	for i, p := range pts {
		pr := image.Rect(int(p[0])-1, int(p[1])-1, int(p[0])+2, int(p[1])+2)
		if i == 0 {
			box = pr
		} else {
			box = box.Union(pr)
		}
	}
	box = box.Intersect(s.dst.Rect)
	if box.Empty() {
		return
	}
	s.touch(box)
	p := &s.r.main
	p.begin(box)
	for i, pt := range pts {
		if i == 0 {
			p.path.moveTo(pt[0], pt[1])
		} else {
			p.path.lineTo(pt[0], pt[1])
		}
	}
	p.path.close()
	p.end(s.dst, c)
}

// reserveSurface draws nothing: it lays the overlays out and claims their
// panels' space, so that labels placed after keep clear of them.
type reserveSurface struct{ r *Renderer }

func (s *reserveSurface) panel(r image.Rectangle, _ color.RGBA) {
	s.r.placed = append(s.r.placed, r)
}
func (s *reserveSurface) disc(_, _, _, _ float64, _ color.RGBA)                          {}
func (s *reserveSurface) text(_ *glyphRun, _ image.Point, _, _ color.RGBA, _ bool)       {}
func (s *reserveSurface) polygon(_ [][2]float64, _ color.RGBA)                           {}
func (s *reserveSurface) outline(_ *geo.Region, _ geo.Viewport, _ float64, _ color.RGBA) {}
func (s *reserveSurface) area(_ *geo.Region, _ geo.Viewport, _, _ color.RGBA, _ float64) {}
func (s *reserveSurface) locator(box image.Rectangle, _ geo.Viewport, _ *Scene, _ image.Rectangle) {
	s.r.placed = append(s.r.placed, box)
}

// locator draws the locator's land into its box of the frame's image, then
// the outline of the area and a hairline around the box.
func (s *rasterSurface) locator(box image.Rectangle, vp geo.Viewport, sc *Scene, area image.Rectangle) {
	box = box.Add(s.dst.Rect.Min)
	if !box.In(s.dst.Rect) {
		return
	}
	sub := image.RGBA{Pix: s.dst.Pix[s.dst.PixOffset(box.Min.X, box.Min.Y):], Stride: s.dst.Stride, Rect: image.Rect(0, 0, box.Dx(), box.Dy())}
	s.r.land(&sub, vp, sc, sub.Rect)
	line := max(1, int(math.Round(sc.Style.Scale)))
	s.touch(box.Inset(-line))
	// The area's outline inside the box, then a hairline around the box.
	s.frameLine(area.Add(box.Min).Intersect(box.Inset(line)), line, box, sc.Style.Selection)
	s.frameLine(box, line, s.dst.Rect, sc.Style.StateBorder)
}

// frameLine draws a line of width line just outside r, clipped to clip.
func (s *rasterSurface) frameLine(r image.Rectangle, line int, clip image.Rectangle, c color.RGBA) {
	o := r.Inset(-line)
	for _, side := range [4]image.Rectangle{
		{o.Min, image.Pt(o.Max.X, r.Min.Y)}, {image.Pt(o.Min.X, r.Max.Y), o.Max},
		{o.Min, image.Pt(r.Min.X, o.Max.Y)}, {image.Pt(r.Max.X, o.Min.Y), o.Max},
	} {
		draw.Draw(s.dst, side.Intersect(clip), s.r.colors.of(c), image.Point{}, draw.Src)
	}
}

func (s *rasterSurface) outline(reg *geo.Region, vp geo.Viewport, width float64, c color.RGBA) {
	box := pixelBox(vp, reg.Bound, width+1, s.dst.Rect)
	if box.Empty() {
		return
	}
	s.touch(box)
	m := s.r.Map
	p := &s.r.main
	p.beginStroke(box, width)
	arcs := m.Arcs(m.Level(vp.Res))
	for _, poly := range reg.Rings() {
		for _, ring := range poly {
			for _, ref := range ring {
				i, _ := topology.Arc(ref)
				p.strokeLine(vp, arcs[i], width, 0.5, box)
			}
		}
	}
	p.end(s.dst, c)
}

func (s *rasterSurface) area(reg *geo.Region, vp geo.Viewport, fill, stroke color.RGBA, width float64) {
	box := pixelBox(vp, reg.Bound, width+1, s.dst.Rect)
	if box.Empty() {
		return
	}
	s.touch(box)
	m := s.r.Map
	p := &s.r.main
	arcs := m.Arcs(m.Level(vp.Res))
	p.begin(box)
	for _, poly := range reg.Rings() {
		for _, ring := range poly {
			p.ring(vp, m, arcs, ring)
		}
	}
	p.end(s.dst, fill)
	s.outline(reg, vp, width, stroke)
}
