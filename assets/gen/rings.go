package main

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"sovmap/geo/topology"
)

// The generator's ring surgery works in projected metres, on rings with
// their closing point left out (a ring of n points has n edges).

// openRing is r without its closing point.
func openRing(r orb.Ring) []orb.Point {
	if n := len(r); n > 1 && r[0] == r[n-1] {
		return append([]orb.Point(nil), r[:n-1]...)
	}
	return append([]orb.Point(nil), r...)
}

// closeRing is the ring of the points pts.
func closeRing(pts []orb.Point) orb.Ring {
	r := append(orb.Ring(nil), pts...)
	return append(r, pts[0])
}

// forwardPath is the points of ring r from index i to index j, going
// forwards (and around past the end), both included.
func forwardPath(r []orb.Point, i, j int) []orb.Point {
	var out []orb.Point
	for k := i; ; k = (k + 1) % len(r) {
		out = append(out, r[k])
		if k == j {
			return out
		}
	}
}

// shorterPath is the shorter of the two ways along ring r from index i to
// index j: forwards, or backwards.
func shorterPath(r []orb.Point, i, j int) []orb.Point {
	fwd := forwardPath(r, i, j)
	back := forwardPath(r, j, i)
	reverse(back)
	if pathLength(back) < pathLength(fwd) {
		return back
	}
	return fwd
}

func pathLength(p []orb.Point) float64 {
	l := 0.0
	for i := 1; i < len(p); i++ {
		l += planar.Distance(p[i-1], p[i])
	}
	return l
}

func reverse(p []orb.Point) {
	for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
		p[i], p[j] = p[j], p[i]
	}
}

// nearest is the index of the point of r nearest p.
func nearest(r []orb.Point, p orb.Point) int {
	best, bd := 0, math.Inf(1)
	for i, q := range r {
		if d := planar.DistanceSquared(p, q); d < bd {
			best, bd = i, d
		}
	}
	return best
}

// segmentIndex answers "how far is the nearest of these lines, up to a
// distance" from a grid of cells that distance wide.
type segmentIndex struct {
	cell  float64
	cells map[[2]int][][2]orb.Point
}

// newSegmentIndex indexes the edges of rings (closed: the last point
// joins the first) with reach.
func newSegmentIndex(rings [][]orb.Point, reach float64) *segmentIndex {
	return newLineIndex(rings, true, reach)
}

// newLineIndex indexes the segments of lines, closed or open, with reach.
func newLineIndex(lines [][]orb.Point, closed bool, reach float64) *segmentIndex {
	ix := &segmentIndex{cell: reach, cells: map[[2]int][][2]orb.Point{}}
	for _, r := range lines {
		for i := range r {
			if !closed && i+1 == len(r) {
				break
			}
			a, b := r[i], r[(i+1)%len(r)]
			x0, y0 := ix.key(orb.Point{math.Min(a[0], b[0]), math.Min(a[1], b[1])})
			x1, y1 := ix.key(orb.Point{math.Max(a[0], b[0]), math.Max(a[1], b[1])})
			for x := x0; x <= x1; x++ {
				for y := y0; y <= y1; y++ {
					ix.cells[[2]int{x, y}] = append(ix.cells[[2]int{x, y}], [2]orb.Point{a, b})
				}
			}
		}
	}
	return ix
}

func (ix *segmentIndex) key(p orb.Point) (int, int) {
	return int(math.Floor(p[0] / ix.cell)), int(math.Floor(p[1] / ix.cell))
}

// within reports whether a line of the index passes within the index's
// reach of p.
func (ix *segmentIndex) within(p orb.Point) bool {
	x, y := ix.key(p)
	for dx := -1; dx <= 1; dx++ {
		for dy := -1; dy <= 1; dy++ {
			for _, s := range ix.cells[[2]int{x + dx, y + dy}] {
				if planar.DistanceFromSegment(s[0], s[1], p) <= ix.cell {
					return true
				}
			}
		}
	}
	return false
}

// outline is the dissolved outline of shapes, as their topology makes it:
// every ring of the union.
func outline(shapes []orb.MultiPolygon) (orb.MultiPolygon, error) {
	t, err := topology.Build(shapes)
	if err != nil {
		return nil, err
	}
	all := make([]int, len(shapes))
	for i := range all {
		all[i] = i
	}
	return t.MultiPolygon(t.Dissolve(all)), nil
}

// largest is the polygon of mp with the largest area.
func largest(mp orb.MultiPolygon) orb.Polygon {
	var best orb.Polygon
	ba := -1.0
	for _, p := range mp {
		if a := planar.Area(p); a > ba {
			best, ba = p, a
		}
	}
	return best
}

// outerRings are the outer rings of mp, open.
func outerRings(mp orb.MultiPolygon) [][]orb.Point {
	var out [][]orb.Point
	for _, p := range mp {
		out = append(out, openRing(p[0]))
	}
	return out
}
