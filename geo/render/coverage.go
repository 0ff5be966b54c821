package render

import (
	"encoding/binary"
	"image"
	"image/color"
	"math"
	"unsafe"
)

// coverage is an anti-aliased scanline rasterizer for the map's fills and
// strokes. Each edge adds, to the cells of the rows it crosses, the signed
// area it puts to its right; a running sum along a row gives each pixel's
// coverage (nonzero winding, its magnitude capped at one). Unlike a
// rasterizer that sweeps its whole area, it notes the span of cells each
// row was given, and sums, paints and clears only that span: a border's
// stroke across a frame touches a few cells a row. Coordinates are pixels
// of its area; edges beyond the left side count at its left column, as a
// shape reaching out to the left covers its left side; beyond the right
// side they add nothing. A pass of lines (hairline) holds each pixel's
// own coverage instead, read cell by cell, not summed.
type coverage struct {
	w, h       int
	cells      []float32 // w a row
	lo, hi     []int32   // the span of cells given to each row; lo > hi when none
	penX, penY float32
	// lines says the cells hold each pixel's own coverage (hairline),
	// not edges' areas to sum along the row.
	lines bool
}

// reserve makes room for areas of up to n pixels and h rows, so that
// reset to one of them allocates nothing.
func (c *coverage) reserve(n, h int) {
	if cap(c.cells) < n {
		c.cells = make([]float32, 0, n) // zero, as reset needs
	}
	if cap(c.lo) < h {
		c.lo, c.hi = make([]int32, 0, h), make([]int32, 0, h)
	}
}

// reset makes the area w x h pixels, with nothing drawn.
func (c *coverage) reset(w, h int) {
	c.w, c.h, c.lines = w, h, false
	c.reserve(w*h, h)
	c.cells = c.cells[:w*h] // zero: paint leaves what it read zero again
	c.lo, c.hi = c.lo[:h], c.hi[:h]
	for y := range c.lo {
		c.lo[y], c.hi[y] = math.MaxInt32, -1
	}
}

// Size is the area's size.
func (c *coverage) Size() image.Point { return image.Pt(c.w, c.h) }

// MoveTo moves the pen without a line.
func (c *coverage) MoveTo(x, y float32) { c.penX, c.penY = x, y }

// LineTo adds the edge from the pen to (x, y) and moves the pen there.
func (c *coverage) LineTo(x, y float32) {
	ax, ay, bx, by := c.penX, c.penY, x, y
	c.penX, c.penY = x, y
	dir := float32(1)
	if ay > by {
		ax, ay, bx, by, dir = bx, by, ax, ay, -1
	}
	if by-ay < 1e-6 { // (nearly) level: no coverage, and an unstable slope
		return
	}
	dxdy := (bx - ax) / (by - ay)
	y0 := max(float32(math.Floor(float64(ay))), 0)
	for y := y0; y < by && y < float32(c.h); y++ {
		top, bot := max(ay, y), min(by, y+1)
		if bot <= top {
			continue
		}
		c.row(int(y), ax+(top-ay)*dxdy, ax+(bot-ay)*dxdy, (bot-top)*dir)
	}
}

// row adds to row y an edge crossing it from x0 to x1 (either way), over
// the height d (signed by direction): each cell it passes through gets the
// part of its area right of the edge, the next cell the rest, so that the
// cells beyond sum to d. What lies left of the area counts at its left
// column; what lies right of it, nowhere.
func (c *coverage) row(y int, x0, x1, d float32) {
	if x0 > x1 {
		x0, x1 = x1, x0
	}
	w := c.w
	if x0 >= float32(w) || !(x0 <= x1) { // beyond the right side, or NaN
		return
	}
	cells := c.cells[y*w : (y+1)*w : (y+1)*w]
	first, last := 0, 0
	switch {
	case x1 <= 0:
		cells[0] += d
	case x0 < 0:
		// The part left of the area puts all its area right of it.
		left := d * (0 - x0) / (x1 - x0)
		cells[0] += left
		d -= left
		x0 = 0
		fallthrough
	default:
		first = int(x0)
		if x1 <= float32(first+1) {
			// Within one cell: its part right of the edge's middle.
			f := (x0+x1)/2 - float32(first)
			cells[first] += d * (1 - f)
			if first+1 < w {
				cells[first+1] += d * f
			}
			last = first + 1
			break
		}
		// Across cells: each piece gets its share of d, by its width.
		per := d / (x1 - x0)
		for k := first; k < w && float32(k) < x1; k++ {
			l, r := max(x0, float32(k)), min(x1, float32(k+1))
			part := per * (r - l)
			f := (l+r)/2 - float32(k)
			cells[k] += part * (1 - f)
			if k+1 < w {
				cells[k+1] += part * f
			}
			last = k + 1
		}
	}
	if int32(first) < c.lo[y] {
		c.lo[y] = int32(first)
	}
	if last = min(last, w-1); int32(last) > c.hi[y] {
		c.hi[y] = int32(last)
	}
}

// alpha turns a running sum into a coverage byte.
func alpha(acc float32) uint8 {
	if acc < 0 {
		acc = -acc
	}
	if acc >= 1 {
		return 0xff
	}
	return uint8(acc*0xff + 0.5)
}

// paint paints colour c (premultiplied) through the coverage onto the box
// of dst, the area's size, and clears the coverage for the next pass.
func (c *coverage) paint(dst *image.RGBA, box image.Rectangle, col color.RGBA) {
	solid := binary.LittleEndian.Uint32([]byte{col.R, col.G, col.B, col.A})
	opaque := col.A == 0xff
	w := c.w
	for y := 0; y < c.h; y++ {
		lo, hi := int(c.lo[y]), int(c.hi[y])
		if lo > hi {
			continue
		}
		cells := c.cells[y*c.w : (y+1)*c.w]
		d := dst.Pix[dst.PixOffset(box.Min.X, box.Min.Y+y):]
		d = d[:4*w]
		var acc float32
		var a uint8
		for x := lo; x <= hi; {
			// A run of cells given nothing has the coverage before it.
			n := x
			for n+1 <= hi && *(*uint64)(unsafe.Pointer(&cells[n])) == 0 {
				n += 2 // two cells at a time: runs inside a fill, and between lines, are long
			}
			for n <= hi && cells[n] == 0 {
				n++
			}
			paintRun(d[4*x:4*n], a, col, solid, opaque)
			if n > hi {
				break
			}
			if c.lines {
				acc = cells[n]
			} else {
				acc += cells[n]
			}
			cells[n] = 0
			a = alpha(acc)
			blend(d[4*n:4*n+4:4*n+4], a, col, solid, opaque)
			if c.lines {
				a = 0 // a line's pixel covers only itself
			}
			x = n + 1
		}
		// Beyond the span the sum stays: a shape reaching out to the right.
		paintRun(d[4*(hi+1):], a, col, solid, opaque)
		c.lo[y], c.hi[y] = math.MaxInt32, -1
	}
}

// paintRun paints colour c with coverage a over the pixels of run.
func paintRun(run []uint8, a uint8, c color.RGBA, solid uint32, opaque bool) {
	switch {
	case a == 0:
	case a == 0xff && opaque:
		if len(run) < 4 {
			return
		}
		binary.LittleEndian.PutUint32(run, solid)
		for n := 4; n < len(run); n *= 2 { // doubling: copy is a memmove
			copy(run[n:], run[:n])
		}
	default:
		for i := 0; i+4 <= len(run); i += 4 {
			blend(run[i:i+4:i+4], a, c, solid, opaque)
		}
	}
}

// mask writes the coverage into dst, the area's size, and clears it.
func (c *coverage) mask(dst *image.Alpha) {
	clear(dst.Pix)
	for y := 0; y < c.h; y++ {
		lo, hi := int(c.lo[y]), int(c.hi[y])
		if lo > hi {
			continue
		}
		cells := c.cells[y*c.w : (y+1)*c.w]
		row := dst.Pix[y*dst.Stride : y*dst.Stride+c.w]
		var acc float32
		for x := lo; x <= hi; x++ {
			acc += cells[x]
			cells[x] = 0
			row[x] = alpha(acc)
		}
		if a := alpha(acc); a != 0 {
			for x := hi + 1; x < c.w; x++ {
				row[x] = a
			}
		}
		c.lo[y], c.hi[y] = math.MaxInt32, -1
	}
}

// blend paints colour c with coverage a over the pixel p.
func blend(p []uint8, a uint8, c color.RGBA, solid uint32, opaque bool) {
	switch {
	case a == 0:
		return
	case a == 0xff && opaque:
		binary.LittleEndian.PutUint32(p, solid)
		return
	}
	// Porter-Duff over with coverage a: out = src·a + dst·(1 − srcA·a).
	ca := uint32(a)
	ia := 0xff*0xff - uint32(c.A)*ca
	p[0] = uint8((uint32(c.R)*ca*0xff + uint32(p[0])*ia) / (0xff * 0xff))
	p[1] = uint8((uint32(c.G)*ca*0xff + uint32(p[1])*ia) / (0xff * 0xff))
	p[2] = uint8((uint32(c.B)*ca*0xff + uint32(p[2])*ia) / (0xff * 0xff))
	p[3] = uint8((uint32(c.A)*ca*0xff + uint32(p[3])*ia) / (0xff * 0xff))
}

// hairline adds a line w pixels wide (at most one) from (ax, ay) to
// (bx, by) as each pixel's own coverage, not as edges to sum along the
// row: the area it covers in each pixel, w times its length there, taken
// one pixel step along it at a time. A border's line is then a few cells a
// pixel of its length, where its outline as a quad crosses four times as
// many; the pass must be begun with lines (see reset). Where lines meet,
// their coverage adds, capped at one as a fill's is.
func (c *coverage) hairline(ax, ay, bx, by, w float32) {
	// Clipped to the area and a pixel around it: what lies beyond adds
	// nothing, and a long line need not be walked there.
	var ok bool
	if ax, ay, bx, by, ok = clipSegment(ax, ay, bx, by, -1, -1, float32(c.w)+1, float32(c.h)+1); !ok {
		return
	}
	dx, dy := bx-ax, by-ay
	steep := abs32(dy) > abs32(dx)
	if steep { // walk along y: swap the roles of x and y
		ax, ay, bx, by, dx, dy = ay, ax, by, bx, dy, dx
	}
	if ax > bx {
		ax, ay, bx, by = bx, by, ax, ay
	}
	if dx == 0 && dy == 0 {
		return
	}
	slope := dy / dx
	if bx-ax < 1e-6 {
		return
	}
	// Across the walk the line is w·√(1+slope²) thick; each step of it
	// covers the pixels across by how much of that thickness, centred on
	// the line at the step's middle, falls in each (a column's cross
	// section: exact for a level line, within a slope's slant otherwise).
	half := w * float32(math.Sqrt(float64(1+slope*slope))) / 2
	for i := float32(math.Floor(float64(ax))); i < bx; i++ {
		l, r := max(ax, i), min(bx, i+1)
		if r <= l {
			continue
		}
		mid := ay + ((l+r)/2-ax)*slope
		lo, hi := mid-half, mid+half
		for j := float32(math.Floor(float64(lo))); j < hi; j++ {
			v := (min(hi, j+1) - max(lo, j)) * (r - l)
			if steep {
				c.dot(int(j), int(i), v)
			} else {
				c.dot(int(i), int(j), v)
			}
		}
	}
}

// dot adds coverage v to the pixel (x, y) of a pass of lines.
func (c *coverage) dot(x, y int, v float32) {
	if x < 0 || y < 0 || x >= c.w || y >= c.h || v == 0 {
		return
	}
	c.cells[y*c.w+x] += v
	if int32(x) < c.lo[y] {
		c.lo[y] = int32(x)
	}
	if int32(x) > c.hi[y] {
		c.hi[y] = int32(x)
	}
}

func abs32(v float32) float32 {
	if v < 0 {
		return -v
	}
	return v
}

// clipSegment is the part of the segment from (ax, ay) to (bx, by) inside
// the rectangle x0 ≤ x ≤ x1, y0 ≤ y ≤ y1 (Liang–Barsky); ok is false when
// none is.
func clipSegment(ax, ay, bx, by, x0, y0, x1, y1 float32) (float32, float32, float32, float32, bool) {
	t0, t1 := float32(0), float32(1)
	dx, dy := bx-ax, by-ay
	for _, e := range [4][2]float32{{-dx, ax - x0}, {dx, x1 - ax}, {-dy, ay - y0}, {dy, y1 - ay}} {
		p, q := e[0], e[1]
		switch {
		case p == 0:
			if q < 0 {
				return 0, 0, 0, 0, false
			}
		case p < 0:
			if t := q / p; t > t1 {
				return 0, 0, 0, 0, false
			} else if t > t0 {
				t0 = t
			}
		default:
			if t := q / p; t < t0 {
				return 0, 0, 0, 0, false
			} else if t < t1 {
				t1 = t
			}
		}
	}
	return ax + t0*dx, ay + t0*dy, ax + t1*dx, ay + t1*dy, true
}
