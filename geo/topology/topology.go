// Package topology stores polygons that share boundaries as arcs, each
// shared boundary once, as TopoJSON does. A ring is a list of arcs; an arc
// used backwards is written ^i. Built from polygons whose neighbours share
// their boundary vertices exactly (Build), the arcs can be simplified one
// by one (Simplify) and every polygon made of them stays gap-free and
// overlap-free with its neighbours; areas made of several polygons (a
// state of its municipalities, a country of its states) follow from the
// same arcs (Dissolve). Encode and Decode give it a compact form: integer
// coordinates, delta-encoded.
package topology

import (
	"github.com/paulmach/orb"
)

// Ring is a closed ring as the arcs it follows, in order: i is arc i
// forwards, ^i (that is, -i-1) arc i backwards.
type Ring []int32

// Polygon is an outer ring and its holes. Outer rings run
// counter-clockwise and holes clockwise, so that a polygon lies to the
// left of each of its arcs as the ring follows it.
type Polygon []Ring

// Shape is one area of the map: its polygons.
type Shape []Polygon

// Topology is a set of shapes over shared arcs.
type Topology struct {
	Arcs   []orb.LineString
	Shapes []Shape
	cuts   []orb.Point // Build's extra junctions, for Repair to build again with
}

// Arc is the index of the arc a ring entry refers to, and whether the ring
// follows it backwards.
func Arc(ref int32) (index int, backwards bool) {
	if ref < 0 {
		return int(^ref), true
	}
	return int(ref), false
}

// RingPoints appends the points of ring r, made of arcs, to dst: each arc's
// points in the direction the ring follows it, a point never twice in a
// row (arcs share their ends), and the first point again at the end.
func RingPoints(dst orb.Ring, arcs []orb.LineString, r Ring) orb.Ring {
	start := len(dst)
	add := func(p orb.Point) {
		if len(dst) == start || dst[len(dst)-1] != p {
			dst = append(dst, p)
		}
	}
	for _, ref := range r {
		i, back := Arc(ref)
		a := arcs[i]
		if back {
			for j := len(a) - 1; j >= 0; j-- {
				add(a[j])
			}
			continue
		}
		for _, p := range a {
			add(p)
		}
	}
	if n := len(dst); n > start && dst[start] != dst[n-1] {
		dst = append(dst, dst[start])
	}
	return dst
}

// MultiPolygon is shape s as orb geometry, from the arcs: rings that
// enclose no area (collapsed by simplification) are left out, and a
// polygon whose outer ring went is left out whole.
func (t *Topology) MultiPolygon(s Shape) orb.MultiPolygon {
	return ShapeGeometry(t.Arcs, s)
}

// ShapeGeometry is shape s built from arcs (see Topology.MultiPolygon).
func ShapeGeometry(arcs []orb.LineString, s Shape) orb.MultiPolygon {
	var out orb.MultiPolygon
	for _, poly := range s {
		var p orb.Polygon
		for k, r := range poly {
			ring := RingPoints(nil, arcs, r)
			if len(ring) < 4 || ringArea(ring) == 0 {
				if k == 0 {
					break
				}
				continue
			}
			p = append(p, ring)
		}
		if len(p) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// ringArea is the signed area of a closed ring (counter-clockwise
// positive), by the shoelace formula about the first point.
func ringArea(r orb.Ring) float64 {
	if len(r) < 4 {
		return 0
	}
	o := r[0]
	var a float64
	for i := 1; i+1 < len(r); i++ {
		a += (r[i][0]-o[0])*(r[i+1][1]-o[1]) - (r[i+1][0]-o[0])*(r[i][1]-o[1])
	}
	return a / 2
}
