package topology

import (
	"cmp"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Repair removes the crossings of t's arcs (see Crossings) that rounding
// coordinates leaves where two boundaries, or one and itself, came closer
// than the rounding. It changes t in place, round by round:
//
//   - an arc that is the same as another, point for point (forwards or
//     backwards), is merged into it: the rings that followed it follow
//     the other, and the sliver between them is gone;
//   - a vertex that lies on another segment is added to that segment, so
//     that the two boundaries meet at a vertex they share (this moves
//     nothing); the topology is then built again from its shapes, which
//     joins boundaries that now share their vertices into shared arcs;
//   - where neither applies, a vertex of one of the two segments that is
//     not an arc's end is dropped, if that moves the boundary by no more
//     than maxMove; as each arc is shared, both areas along it move.
//
// It returns the crossings it could not remove.
func (t *Topology) Repair(maxMove float64) ([]Crossing, error) {
	for round := 0; round < 100; round++ {
		t.mergeDuplicates()
		crossings := Crossings(t.Arcs)
		if len(crossings) == 0 {
			return nil, nil
		}
		if t.insertTouches(crossings) {
			if err := t.rebuild(); err != nil {
				return nil, err
			}
			continue
		}
		if !t.dropVertices(crossings, maxMove) {
			return crossings, nil
		}
	}
	t.mergeDuplicates()
	return Crossings(t.Arcs), nil
}

// insertTouches adds, at each crossing where a vertex of one segment lies
// inside the other, that vertex to the other; it reports whether it added
// any.
func (t *Topology) insertTouches(crossings []Crossing) bool {
	type insert struct {
		seg int
		p   orb.Point
	}
	adds := map[int][]insert{}
	for _, c := range crossings {
		for _, side := range [2][4]int{{c.A, c.SA, c.B, c.SB}, {c.B, c.SB, c.A, c.SA}} {
			onArc, onSeg, fromArc, fromSeg := side[0], side[1], side[2], side[3]
			a, b := t.Arcs[onArc][onSeg], t.Arcs[onArc][onSeg+1]
			for _, p := range t.Arcs[fromArc][fromSeg : fromSeg+2] {
				if p != a && p != b && orient(a, b, p) == 0 && onSegment(a, b, p) {
					adds[onArc] = append(adds[onArc], insert{onSeg, p})
				}
			}
		}
	}
	for arc, ins := range adds {
		l := t.Arcs[arc]
		// From the arc's end backwards, so that indices stay true; along
		// a segment, nearest its start first once inserted.
		slices.SortFunc(ins, func(x, y insert) int {
			if x.seg != y.seg {
				return cmp.Compare(y.seg, x.seg)
			}
			s := l[x.seg]
			return cmp.Compare(planar.DistanceSquared(s, y.p), planar.DistanceSquared(s, x.p))
		})
		out := slices.Clone(l)
		for k, in := range ins {
			if k > 0 && ins[k-1] == in {
				continue
			}
			out = slices.Insert(out, in.seg+1, in.p)
		}
		t.Arcs[arc] = out
	}
	return len(adds) > 0
}

// dropVertices drops, at each crossing, one vertex of its two segments
// that is not an arc's end, where that moves the boundary by no more than
// maxMove (at most one vertex an arc, so that indices stay true); it
// reports whether it dropped any.
func (t *Topology) dropVertices(crossings []Crossing, maxMove float64) bool {
	drop := map[int]int{}
	for _, c := range crossings {
		for _, cand := range [...][2]int{{c.A, c.SA + 1}, {c.A, c.SA}, {c.B, c.SB + 1}, {c.B, c.SB}} {
			arc, v := cand[0], cand[1]
			if _, taken := drop[arc]; taken {
				continue
			}
			l := t.Arcs[arc]
			if v > 0 && v < len(l)-1 && planar.DistanceFromSegment(l[v-1], l[v+1], l[v]) <= maxMove {
				drop[arc] = v
				break
			}
		}
	}
	for arc, v := range drop {
		t.Arcs[arc] = slices.Delete(slices.Clone(t.Arcs[arc]), v, v+1)
	}
	return len(drop) > 0
}

// rebuild builds the topology again from its shapes' geometry.
func (t *Topology) rebuild() error {
	shapes := make([]orb.MultiPolygon, len(t.Shapes))
	for i, s := range t.Shapes {
		shapes[i] = t.MultiPolygon(s)
	}
	nt, err := Build(shapes)
	if err != nil {
		return err
	}
	*t = *nt
	return nil
}

// mergeDuplicates merges each arc that is the same as an earlier one, point
// for point, into it. The merged arc is left with no points; rings no
// longer refer to it.
func (t *Topology) mergeDuplicates() {
	type ends struct{ a, b orb.Point }
	byEnds := map[ends][]int{}
	remap := map[int32]int32{} // arc → the reference that replaces it
	for i, a := range t.Arcs {
		if len(a) == 0 {
			continue
		}
		e := ends{a[0], a[len(a)-1]}
		if e.b[0] < e.a[0] || (e.b[0] == e.a[0] && e.b[1] < e.a[1]) {
			e.a, e.b = e.b, e.a
		}
		merged := false
		for _, j := range byEnds[e] {
			b := t.Arcs[j]
			switch {
			case slices.Equal(a, b):
				remap[int32(i)] = int32(j)
			case sameBackwards(a, b):
				remap[int32(i)] = ^int32(j)
			default:
				continue
			}
			merged = true
			break
		}
		if merged {
			t.Arcs[i] = nil
			continue
		}
		byEnds[e] = append(byEnds[e], i)
	}
	if len(remap) == 0 {
		return
	}
	for _, s := range t.Shapes {
		for _, poly := range s {
			for _, r := range poly {
				for k, ref := range r {
					i, back := Arc(ref)
					to, ok := remap[int32(i)]
					if !ok {
						continue
					}
					if back {
						to = ^to
					}
					r[k] = to
				}
			}
		}
	}
}

func sameBackwards(a, b orb.LineString) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[len(b)-1-i] {
			return false
		}
	}
	return true
}
