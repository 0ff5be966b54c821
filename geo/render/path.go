package render

import (
	"math"
)

// bandPath feeds a coverage rasterizer with closed paths clipped to a
// horizontal band a little taller than the rasterizer. The rasterizer's
// cost grows with the height of every edge, visible or not; clipping in y
// keeps a deeply zoomed view cheap. Edges above or below the band are moved
// onto its edge as horizontal segments, which add no coverage, so what falls
// inside the band is drawn exactly. x needs no clipping: the rasterizer
// clamps it without extra work.
type bandPath struct {
	z        *coverage
	top, bot float64
	px, py   float64 // the last point given, unclipped
	started  bool
	sx, sy   float64 // the path's first point, unclipped
	ox, oy   float64 // the pixel offset subtracted from every point
}

func (b *bandPath) reset(z *coverage, ox, oy float64) {
	b.z = z
	h := float64(z.Size().Y)
	b.top, b.bot = -1, h+1
	b.ox, b.oy = ox, oy
	b.started = false
}

func (b *bandPath) clampY(y float64) float64 { return math.Min(math.Max(y, b.top), b.bot) }

func (b *bandPath) moveTo(x, y float64) {
	if b.started {
		b.close()
	}
	x, y = x-b.ox, y-b.oy
	b.sx, b.sy, b.px, b.py = x, y, x, y
	b.started = true
	b.z.MoveTo(float32(x), float32(b.clampY(y)))
}

func (b *bandPath) lineTo(x, y float64) {
	x, y = x-b.ox, y-b.oy
	b.segment(b.px, b.py, x, y)
	b.px, b.py = x, y
}

// segment sends the clipped part of (ax,ay)-(bx,by); the pen is already at
// the clipped start.
func (b *bandPath) segment(ax, ay, bx, by float64) {
	if (ay < b.top && by < b.top) || (ay > b.bot && by > b.bot) {
		// Wholly above or below the band: clipped, a horizontal line
		// along its edge, from where the pen already is on that edge.
		// It adds no coverage, and the pen's place on the edge does not
		// matter to the next segment, which starts on the edge too.
		return
	}
	edges := [2]float64{b.top, b.bot}
	if ay > by { // going up: the bottom edge comes first
		edges = [2]float64{b.bot, b.top}
	}
	for _, edge := range edges {
		// Crossing the edge: stop at the crossing point first.
		if (ay < edge) != (by < edge) && ay != edge && by != edge {
			t := (edge - ay) / (by - ay)
			cx := ax + t*(bx-ax)
			if cx != ax || edge != ay {
				b.z.LineTo(float32(cx), float32(b.clampY(edge)))
			}
			ax, ay = cx, edge
		}
	}
	b.z.LineTo(float32(bx), float32(b.clampY(by)))
}

// quad adds the closed quadrilateral a-b-c-d: straight to the rasterizer
// when it lies within the band, as a stroke's segment mostly does.
func (b *bandPath) quad(ax, ay, bx, by, cx, cy, dx, dy float64) {
	if min(ay, by, cy, dy)-b.oy < b.top || max(ay, by, cy, dy)-b.oy > b.bot {
		b.moveTo(ax, ay)
		b.lineTo(bx, by)
		b.lineTo(cx, cy)
		b.lineTo(dx, dy)
		b.close()
		return
	}
	if b.started {
		b.close()
	}
	ox, oy := b.ox, b.oy
	b.z.MoveTo(float32(ax-ox), float32(ay-oy))
	b.z.LineTo(float32(bx-ox), float32(by-oy))
	b.z.LineTo(float32(cx-ox), float32(cy-oy))
	b.z.LineTo(float32(dx-ox), float32(dy-oy))
	b.z.LineTo(float32(ax-ox), float32(ay-oy))
}

// offBand reports whether pixels y0 to y1 lie wholly above or below the
// band: a line there adds no coverage, and can be skipped with jump.
func (b *bandPath) offBand(y0, y1 float64) bool {
	y0, y1 = y0-b.oy, y1-b.oy
	return y1 < b.top || y0 > b.bot
}

// jump moves the pen to (x, y) over a line that lies wholly above or
// below the band, as drawing it would have (see segment).
func (b *bandPath) jump(x, y float64) {
	b.px, b.py = x-b.ox, y-b.oy
}

func (b *bandPath) close() {
	if b.started && (b.px != b.sx || b.py != b.sy) {
		b.segment(b.px, b.py, b.sx, b.sy)
	}
	b.z.LineTo(float32(b.sx), float32(b.clampY(b.sy))) // the pen is there already, unless clamped
	b.started = false
}
