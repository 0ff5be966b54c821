package topology

import (
	"cmp"
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// Crossing is a place where two arcs (or an arc and itself, A == B) meet
// other than at a shared vertex: they cross, touch, or run along each
// other. Between areas made of arcs it is an overlap or a gap.
type Crossing struct {
	A, B   int       // the arcs
	SA, SB int       // the segments, by the index of their first point in their arc
	At     orb.Point // the first segment's first point
}

// Crossings finds every place where the arcs meet other than at a vertex
// they share: segments that cross, a vertex on another's segment, and
// segments that overlap along a line (including an arc doubling back on
// itself). Arcs sharing an end, as arcs do at a junction, are fine. The
// test is exact for coordinates that are whole numbers below 2^26, as
// quantised arcs are; a grid keeps it near linear in the segments.
func Crossings(arcs []orb.LineString) []Crossing {
	var segs []segment
	total := 0.0
	for i, a := range arcs {
		for j := 0; j+1 < len(a); j++ {
			if a[j] == a[j+1] {
				continue
			}
			segs = append(segs, segment{a[j], a[j+1], int32(i), int32(j)})
			total += math.Abs(a[j+1][0]-a[j][0]) + math.Abs(a[j+1][1]-a[j][1])
		}
	}
	if len(segs) == 0 {
		return nil
	}
	cell := math.Max(2*total/float64(len(segs)), 1)
	// Each segment is noted in the grid cells it passes; sorted by cell,
	// the segments of a cell are side by side.
	type entry struct {
		cell uint64
		seg  int32
	}
	var entries []entry
	key := func(x, y float64) (int64, int64) { return int64(math.Floor(x / cell)), int64(math.Floor(y / cell)) }
	for si, s := range segs {
		x0, y0 := key(math.Min(s.a[0], s.b[0]), math.Min(s.a[1], s.b[1]))
		x1, y1 := key(math.Max(s.a[0], s.b[0]), math.Max(s.a[1], s.b[1]))
		for x := x0; x <= x1; x++ {
			for y := y0; y <= y1; y++ {
				// A long diagonal segment need not be in every cell of
				// its box, only those its line passes near.
				if x1 > x0 && y1 > y0 && !s.nearCell(float64(x)*cell, float64(y)*cell, cell) {
					continue
				}
				entries = append(entries, entry{uint64(x)<<32 | uint64(uint32(y)), int32(si)})
			}
		}
	}
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.cell, b.cell) })
	type pair struct{ p, q int32 }
	seen := map[pair]bool{}
	var out []Crossing
	for lo := 0; lo < len(entries); {
		hi := lo + 1
		for hi < len(entries) && entries[hi].cell == entries[lo].cell {
			hi++
		}
		for i := lo; i < hi; i++ {
			for j := i + 1; j < hi; j++ {
				p, q := entries[i].seg, entries[j].seg
				s, t := &segs[p], &segs[q]
				if !s.conflicts(t) {
					continue
				}
				k := pair{min(p, q), max(p, q)}
				if seen[k] {
					continue
				}
				seen[k] = true
				out = append(out, Crossing{A: int(s.arc), B: int(t.arc), SA: int(s.i), SB: int(t.i), At: s.a})
			}
		}
		lo = hi
	}
	return out
}

// segment is one segment of an arc: its ends, the arc and its index there.
type segment struct {
	a, b orb.Point
	arc  int32
	i    int32
}

// nearCell reports whether the segment's line passes within the square
// cell at (x, y) of side size (grown a little, to be safe).
func (s *segment) nearCell(x, y, size float64) bool {
	dx, dy := s.b[0]-s.a[0], s.b[1]-s.a[1]
	// The line's distance from the cell's centre, against the cell's
	// half-diagonal.
	cx, cy := x+size/2, y+size/2
	d := math.Abs(dx*(cy-s.a[1])-dy*(cx-s.a[0])) / math.Hypot(dx, dy)
	return d <= size*0.75
}

// orient is the sign of the turn a→b→c: positive to the left.
func orient(a, b, c orb.Point) float64 {
	v := (b[0]-a[0])*(c[1]-a[1]) - (b[1]-a[1])*(c[0]-a[0])
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// onSegment reports whether c, collinear with a and b, lies within their box.
func onSegment(a, b, c orb.Point) bool {
	return math.Min(a[0], b[0]) <= c[0] && c[0] <= math.Max(a[0], b[0]) &&
		math.Min(a[1], b[1]) <= c[1] && c[1] <= math.Max(a[1], b[1])
}

// conflicts reports whether two segments meet other than at one shared
// end, or overlap along a line from one.
func (s *segment) conflicts(t *segment) bool {
	if s.arc == t.arc && s.i == t.i {
		return false
	}
	var shared, other1, other2 orb.Point
	n := 0
	for _, p := range [2]orb.Point{s.a, s.b} {
		for _, q := range [2]orb.Point{t.a, t.b} {
			if p == q {
				n++
				shared = p
			}
		}
	}
	switch n {
	case 2:
		return true // the same segment twice
	case 1:
		other1, other2 = s.a, t.a
		if s.a == shared {
			other1 = s.b
		}
		if t.a == shared {
			other2 = t.b
		}
		// Meeting at a shared end is fine, unless they go on along the
		// same line from it.
		if orient(shared, other1, other2) != 0 {
			return false
		}
		return (other1[0]-shared[0])*(other2[0]-shared[0])+(other1[1]-shared[1])*(other2[1]-shared[1]) > 0
	}
	d1, d2 := orient(t.a, t.b, s.a), orient(t.a, t.b, s.b)
	d3, d4 := orient(s.a, s.b, t.a), orient(s.a, s.b, t.b)
	if d1*d2 < 0 && d3*d4 < 0 {
		return true
	}
	return (d1 == 0 && onSegment(t.a, t.b, s.a)) || (d2 == 0 && onSegment(t.a, t.b, s.b)) ||
		(d3 == 0 && onSegment(s.a, s.b, t.a)) || (d4 == 0 && onSegment(s.a, s.b, t.b))
}

// Touch is a vertex of one arc that lies on, or within a distance of, a
// segment of another arc without being one of its ends: where two
// boundaries meet or nearly meet without sharing a vertex.
type Touch struct {
	Arc, Seg int       // the segment, by its arc and the index of its first point
	P        orb.Point // the vertex
}

// Touches finds every vertex that lies within within of a segment of
// another arc (but not at one of the segment's ends).
func Touches(arcs []orb.LineString, within float64) []Touch {
	var segs []segment
	for i, a := range arcs {
		for j := 0; j+1 < len(a); j++ {
			if a[j] != a[j+1] {
				segs = append(segs, segment{a[j], a[j+1], int32(i), int32(j)})
			}
		}
	}
	// Cells a little wider than a typical segment; a vertex is compared
	// with the segments of its own cell and the cells around.
	total := 0.0
	for _, s := range segs {
		total += math.Abs(s.b[0]-s.a[0]) + math.Abs(s.b[1]-s.a[1])
	}
	if len(segs) == 0 {
		return nil
	}
	cell := math.Max(2*total/float64(len(segs)), 4*within+1)
	key := func(x, y float64) uint64 {
		return uint64(int64(math.Floor(x/cell)))<<32 | uint64(uint32(int64(math.Floor(y/cell))))
	}
	// Segments noted in every cell they come within of, vertices in the
	// one cell they lie in; sorted by cell, each cell's vertices meet its
	// segments.
	type entry struct {
		cell uint64
		seg  int32 // a segment, or -1 for a vertex
		arc  int32 // a vertex's arc
		p    orb.Point
	}
	var entries []entry
	for si, s := range segs {
		x0, y0 := math.Floor((math.Min(s.a[0], s.b[0])-within)/cell), math.Floor((math.Min(s.a[1], s.b[1])-within)/cell)
		x1, y1 := math.Floor((math.Max(s.a[0], s.b[0])+within)/cell), math.Floor((math.Max(s.a[1], s.b[1])+within)/cell)
		for x := x0; x <= x1; x++ {
			for y := y0; y <= y1; y++ {
				entries = append(entries, entry{cell: key(x*cell, y*cell), seg: int32(si)})
			}
		}
	}
	for ai, a := range arcs {
		for _, p := range a {
			entries = append(entries, entry{cell: key(p[0], p[1]), seg: -1, arc: int32(ai), p: p})
		}
	}
	slices.SortFunc(entries, func(a, b entry) int { return cmp.Compare(a.cell, b.cell) })
	type found struct {
		seg int32
		p   orb.Point
	}
	seen := map[found]bool{}
	var out []Touch
	for lo := 0; lo < len(entries); {
		hi := lo + 1
		for hi < len(entries) && entries[hi].cell == entries[lo].cell {
			hi++
		}
		for i := lo; i < hi; i++ {
			v := &entries[i]
			if v.seg >= 0 {
				continue
			}
			for j := lo; j < hi; j++ {
				if entries[j].seg < 0 {
					continue
				}
				s := &segs[entries[j].seg]
				if s.arc == v.arc || v.p == s.a || v.p == s.b || !(segmentDistance(s.a, s.b, v.p) <= within) {
					continue
				}
				if f := (found{entries[j].seg, v.p}); !seen[f] {
					seen[f] = true
					out = append(out, Touch{Arc: int(s.arc), Seg: int(s.i), P: v.p})
				}
			}
		}
		lo = hi
	}
	return out
}

// segmentDistance is the distance from p to the segment a–b.
func segmentDistance(a, b, p orb.Point) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := ((p[0]-a[0])*dx + (p[1]-a[1])*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(a[0]+t*dx-p[0], a[1]+t*dy-p[1])
}
