package topology

import (
	"cmp"
	"errors"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Repair mends what rounding coordinates leaves where two boundaries, or
// one and itself, came closer than the rounding: arcs that cross (see
// Crossings), and arcs that come within snap of another's vertex without
// sharing it, between which a sliver of gap or overlap lies that no
// crossing shows. It changes t in place, round by round:
//
//   - an arc that is the same as another, point for point (forwards or
//     backwards), is merged into it: the rings that followed it follow
//     the other, and the sliver between them is gone;
//   - a vertex that lies on another arc's segment, or within snap of it,
//     is added to that segment, so that the two boundaries meet at a
//     vertex they share (this moves the segment by snap at most); the
//     topology is then built again from its shapes, which joins
//     boundaries that now share their vertices into shared arcs;
//   - where neither applies, a vertex of one of two crossing segments that
//     is not an arc's end is dropped, if that moves the boundary by no
//     more than maxMove; as each arc is shared, both areas along it move.
//
// It returns the crossings it could not remove.
//
// Where joining would make two areas follow one boundary the same way
// (an overlap), that round is undone and the touches near it are left.
func (t *Topology) Repair(snap, maxMove float64) ([]Crossing, error) {
	// Where joining made an overlap, and how far around to leave alone.
	skip := map[orb.Point]float64{}
	skipped := func(p orb.Point) bool {
		for q, r := range skip {
			if planar.Distance(p, q) < r {
				return true
			}
		}
		return false
	}
	// First, joining, while it helps (a join can undo another's, and
	// two rounds can then take turns forever).
	best := -1
	for round := 0; round < joinRounds; round++ {
		t.mergeDuplicates()
		crossings := Crossings(t.Arcs)
		inserts := t.inserts(t.betweenAreas(Touches(t.Arcs, snap)), crossings, skipped)
		if RepairLog != nil {
			RepairLog(round, len(crossings), len(inserts), len(skip))
		}
		if len(inserts) == 0 {
			break
		}
		if n := len(crossings) + len(inserts); best >= 0 && n >= best {
			break
		} else {
			best = n
		}
		before := *t
		before.Arcs = slices.Clone(t.Arcs)
		t.insert(inserts)
		err := t.rebuild()
		var overlap *OverlapError
		if errors.As(err, &overlap) {
			*t = before
			skip[overlap.At] = max(2*skip[overlap.At], 10*snap)
			best = -1
			continue
		}
		if err != nil {
			return nil, err
		}
	}
	// Then dropping vertices at what still crosses.
	for round := 0; round < 100; round++ {
		t.mergeDuplicates()
		crossings := Crossings(t.Arcs)
		if len(crossings) == 0 || !t.dropVertices(crossings, maxMove) {
			return crossings, nil
		}
	}
	t.mergeDuplicates()
	return Crossings(t.Arcs), nil
}

// joinRounds bounds Repair's rounds of joining.
const joinRounds = 12

// RepairLog, when set, is told of each round of Repair: the crossings it
// found, how many arcs it adds vertices to, and how many places it leaves
// alone.
var RepairLog func(round, crossings, inserts, skipped int)

// insertion is a vertex to add to an arc's segment.
type insertion struct {
	seg int
	p   orb.Point
}

// inserts are the vertices to add: each touching vertex to the segment it
// touches, and, at each crossing where a vertex of one segment lies inside
// the other (of the same arc, which Touches leaves out), that vertex to
// the other; but none that skip says to leave alone.
func (t *Topology) inserts(touches []Touch, crossings []Crossing, skip func(orb.Point) bool) map[int][]insertion {
	adds := map[int][]insertion{}
	for _, tc := range touches {
		if !skip(tc.P) {
			adds[tc.Arc] = append(adds[tc.Arc], insertion{tc.Seg, tc.P})
		}
	}
	for _, c := range crossings {
		for _, side := range [2][4]int{{c.A, c.SA, c.B, c.SB}, {c.B, c.SB, c.A, c.SA}} {
			onArc, onSeg, fromArc, fromSeg := side[0], side[1], side[2], side[3]
			a, b := t.Arcs[onArc][onSeg], t.Arcs[onArc][onSeg+1]
			for _, p := range t.Arcs[fromArc][fromSeg : fromSeg+2] {
				if p != a && p != b && orient(a, b, p) == 0 && onSegment(a, b, p) && !skip(p) {
					adds[onArc] = append(adds[onArc], insertion{onSeg, p})
				}
			}
		}
	}
	return adds
}

// insert adds the vertices to their arcs.
func (t *Topology) insert(adds map[int][]insertion) {
	for arc, ins := range adds {
		l := t.Arcs[arc]
		// From the arc's end backwards, so that indices stay true; along
		// a segment, nearest its start first once inserted.
		slices.SortFunc(ins, func(x, y insertion) int {
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
	nt, err := Build(shapes, t.cuts...)
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

// betweenAreas keeps the touches of two arcs that have no area in common:
// slivers between two areas, which snapping closes. An area's own narrow
// features (the jetties, a metre or two wide, of a marina) stay as they
// are, and never fold onto each other.
func (t *Topology) betweenAreas(touches []Touch) []Touch {
	if len(touches) == 0 {
		return nil
	}
	sides := make([][2]int, len(t.Arcs))
	for i := range sides {
		sides[i] = [2]int{-1, -1}
	}
	for si, s := range t.Shapes {
		for _, poly := range s {
			for _, r := range poly {
				for _, ref := range r {
					i, back := Arc(ref)
					if back {
						sides[i][1] = si
					} else {
						sides[i][0] = si
					}
				}
			}
		}
	}
	shareArea := func(a, b int) bool {
		for _, x := range sides[a] {
			for _, y := range sides[b] {
				if x >= 0 && x == y {
					return true
				}
			}
		}
		return false
	}
	arcOf := map[orb.Point][]int{}
	for i, a := range t.Arcs {
		for _, p := range a {
			arcOf[p] = append(arcOf[p], i)
		}
	}
	var out []Touch
	for _, tc := range touches {
		for _, b := range arcOf[tc.P] {
			if b != tc.Arc && !shareArea(b, tc.Arc) {
				out = append(out, tc)
				break
			}
		}
	}
	return out
}
