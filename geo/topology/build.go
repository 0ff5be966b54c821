package topology

import (
	"fmt"

	"github.com/paulmach/orb"
)

// Build makes the arc topology of shapes, polygons whose neighbours share
// their boundary vertices exactly. A point where the rings through it do
// not all pass the same two neighbours (where three areas meet, or a
// border meets the coast) is a junction; rings are cut at junctions and
// each piece is stored once, however many rings follow it. A ring through
// no junction (an island, or an area inside one other) is one closed arc.
//
// The result has one Shape per input, in order. Build does not change its
// input. It fails when two shapes follow the same piece of boundary in the
// same direction (they overlap). Boundaries that meet without sharing
// their vertices stay apart, as arcs that touch or cross: Crossings finds
// them and Repair mends what rounding made.
//
// Points in cuts are junctions too, wherever rings pass them: an arc
// then ends there (where a country's border meets the edge it was cut
// to, so that the cut can be told from the border).
func Build(shapes []orb.MultiPolygon, cuts ...orb.Point) (*Topology, error) {
	b := builder{points: map[orb.Point]int32{}, forward: map[[2]orb.Point]int32{}, backward: map[[2]orb.Point]int32{}, reversed: map[int32]bool{}}
	cleaned := make([][][]orb.LineString, len(shapes))
	for si, mp := range shapes {
		cleaned[si] = make([][]orb.LineString, len(mp))
		for pi, poly := range mp {
			for ri, ring := range poly {
				l := cleanRing(ring, ri == 0)
				if len(l) < 3 {
					if ri == 0 {
						break
					}
					continue
				}
				cleaned[si][pi] = append(cleaned[si][pi], l)
				b.notePoints(l)
			}
		}
	}
	for _, p := range cuts {
		if k, ok := b.points[p]; ok {
			b.info[k].junction = true
		}
	}
	t := &Topology{Shapes: make([]Shape, len(shapes)), cuts: cuts}
	for si, polys := range cleaned {
		for _, rings := range polys {
			if len(rings) == 0 {
				continue
			}
			var p Polygon
			for _, l := range rings {
				r, err := b.ring(l)
				if err != nil {
					return nil, fmt.Errorf("shape %d: %w", si, err)
				}
				p = append(p, r)
			}
			t.Shapes[si] = append(t.Shapes[si], p)
		}
	}
	t.Arcs = b.arcs
	return t, nil
}

// builder is Build's working state.
type builder struct {
	points   map[orb.Point]int32 // a point's index in info
	info     []pointInfo
	arcs     []orb.LineString
	forward  map[[2]orb.Point]int32 // an arc's first two points → the arc
	backward map[[2]orb.Point]int32 // an arc's last two points, last first → the arc
	reversed map[int32]bool         // arcs a ring follows backwards already
}

// pointInfo is what the rings through a point say of it: the two
// neighbours the first ring passed, and whether another passed others.
type pointInfo struct {
	a, b     orb.Point
	junction bool
}

// cleanRing is a ring without its closing point or repeated points,
// counter-clockwise if outer, clockwise if a hole.
func cleanRing(r orb.Ring, outer bool) orb.LineString {
	// Repeated points go, and so do spikes (a to b and straight back to
	// a), which rounding coordinates leaves where a boundary doubled back
	// by less than the rounding.
	var l orb.LineString
	for _, p := range r {
		switch n := len(l); {
		case n > 0 && l[n-1] == p:
		case n > 1 && l[n-2] == p:
			l = l[:n-1]
		default:
			l = append(l, p)
		}
	}
	for trimmed := true; trimmed; {
		for len(l) > 1 && l[0] == l[len(l)-1] {
			l = l[:len(l)-1]
		}
		switch n := len(l); {
		case n >= 3 && l[n-2] == l[0]: // a spike at the last point
			l = l[:n-1]
		case n >= 3 && l[1] == l[n-1]: // a spike at the first point
			l = l[1:]
		default:
			trimmed = false
		}
	}
	if len(l) >= 3 {
		ccw := ringArea(append(orb.Ring(l), l[0])) > 0
		if ccw != outer {
			for i, j := 0, len(l)-1; i < j; i, j = i+1, j-1 {
				l[i], l[j] = l[j], l[i]
			}
		}
	}
	return l
}

// notePoints records, for each point of the open ring l, the neighbours
// it is passed with.
func (b *builder) notePoints(l orb.LineString) {
	n := len(l)
	for i, p := range l {
		prev, next := l[(i+n-1)%n], l[(i+1)%n]
		k, ok := b.points[p]
		if !ok {
			b.points[p] = int32(len(b.info))
			b.info = append(b.info, pointInfo{a: prev, b: next, junction: prev == next})
			continue
		}
		in := &b.info[k]
		if !(in.a == prev && in.b == next) && !(in.a == next && in.b == prev) {
			in.junction = true
		}
	}
}

func (b *builder) isJunction(p orb.Point) bool { return b.info[b.points[p]].junction }

// ring cuts the open ring l at its junctions into arcs, reusing the arcs
// that earlier rings made.
func (b *builder) ring(l orb.LineString) (Ring, error) {
	n := len(l)
	start := -1
	for i, p := range l {
		if b.isJunction(p) {
			start = i
			break
		}
	}
	if start < 0 {
		// No junction: one closed arc, starting at the ring's least point
		// so that every ring following it starts it at the same place.
		start = 0
		for i, p := range l {
			if p[0] < l[start][0] || (p[0] == l[start][0] && p[1] < l[start][1]) {
				start = i
			}
		}
		piece := make(orb.LineString, 0, n+1)
		for i := 0; i <= n; i++ {
			piece = append(piece, l[(start+i)%n])
		}
		ref, err := b.arc(piece)
		return Ring{ref}, err
	}
	var r Ring
	piece := orb.LineString{l[start]}
	for i := 1; i <= n; i++ {
		p := l[(start+i)%n]
		piece = append(piece, p)
		if b.isJunction(p) {
			ref, err := b.arc(piece)
			if err != nil {
				return nil, err
			}
			r = append(r, ref)
			piece = orb.LineString{p}
		}
	}
	return r, nil
}

// arc is the reference to the arc of piece: an earlier one followed
// backwards, or a new one.
func (b *builder) arc(piece orb.LineString) (int32, error) {
	m := len(piece)
	key := [2]orb.Point{piece[0], piece[1]}
	if i, ok := b.backward[key]; ok {
		a := b.arcs[i]
		if len(a) != m {
			return 0, fmt.Errorf("the boundary near %v is shared by two areas, but not vertex for vertex", piece[0])
		}
		for j := range piece {
			if a[m-1-j] != piece[j] {
				return 0, fmt.Errorf("the boundary near %v is shared by two areas, but not vertex for vertex", piece[j])
			}
		}
		if b.reversed[i] {
			return 0, &OverlapError{piece[0]}
		}
		b.reversed[i] = true
		return ^i, nil
	}
	if _, ok := b.forward[key]; ok {
		return 0, &OverlapError{piece[0]}
	}
	i := int32(len(b.arcs))
	b.arcs = append(b.arcs, piece.Clone())
	b.forward[key] = i
	b.backward[[2]orb.Point{piece[m-1], piece[m-2]}] = i
	return i, nil
}

// OverlapError is Build's error where two shapes follow one boundary the
// same way: they overlap.
type OverlapError struct {
	At orb.Point // where the boundary starts
}

func (e *OverlapError) Error() string {
	return fmt.Sprintf("two areas overlap along the boundary from %v", e.At)
}
