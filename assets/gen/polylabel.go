package main

import (
	"container/heap"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// polylabel is the point of poly farthest from its edges, within
// precision: where a label sits best, well inside even a crescent or a
// long thin area (Mapbox's polylabel: cells searched best first, each
// ruled out once it cannot hold a farther point).
func polylabel(poly orb.Polygon, precision float64) orb.Point {
	b := poly.Bound()
	size := math.Min(b.Max[0]-b.Min[0], b.Max[1]-b.Min[1])
	if size <= 0 {
		return b.Min
	}
	h := size / 2
	q := &cellQueue{}
	for x := b.Min[0]; x < b.Max[0]; x += size {
		for y := b.Min[1]; y < b.Max[1]; y += size {
			heap.Push(q, newCell(orb.Point{x + h, y + h}, h, poly))
		}
	}
	// The centroid is a good first guess.
	c, _ := planar.CentroidArea(poly)
	best := newCell(c, 0, poly)
	for q.Len() > 0 {
		cell := heap.Pop(q).(labelCell)
		if cell.d > best.d {
			best = cell
		}
		if cell.max-best.d <= precision {
			continue
		}
		h := cell.h / 2
		for _, o := range [4][2]float64{{-1, -1}, {1, -1}, {-1, 1}, {1, 1}} {
			heap.Push(q, newCell(orb.Point{cell.c[0] + o[0]*h, cell.c[1] + o[1]*h}, h, poly))
		}
	}
	return best.c
}

// labelCell is a square of half-side h about c; d is c's signed distance
// to the polygon's edges (negative outside), max the most any point of the
// cell can have.
type labelCell struct {
	c      orb.Point
	h      float64
	d, max float64
}

func newCell(c orb.Point, h float64, poly orb.Polygon) labelCell {
	d := math.Inf(1)
	for _, r := range poly {
		for i := 0; i+1 < len(r); i++ {
			d = math.Min(d, planar.DistanceFromSegment(r[i], r[i+1], c))
		}
	}
	if !planar.PolygonContains(poly, c) {
		d = -d
	}
	return labelCell{c: c, h: h, d: d, max: d + h*math.Sqrt2}
}

// cellQueue is a heap of cells, the most promising first.
type cellQueue []labelCell

func (q cellQueue) Len() int           { return len(q) }
func (q cellQueue) Less(i, j int) bool { return q[i].max > q[j].max }
func (q cellQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *cellQueue) Push(x any)        { *q = append(*q, x.(labelCell)) }
func (q *cellQueue) Pop() any {
	old := *q
	c := old[len(old)-1]
	*q = old[:len(old)-1]
	return c
}
