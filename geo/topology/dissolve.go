package topology

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Dissolve is the shape of the union of the shapes members, made of the
// same arcs: the arcs two members share (one on each side) are inside and
// go; the rest, chained end to end, are the union's rings, outer rings
// counter-clockwise with their holes. The union of a state's
// municipalities is the state, sharing its border arcs with them and with
// its neighbours.
func (t *Topology) Dissolve(members []int) Shape {
	// How many times each direction of each arc is used: an arc used
	// both ways lies between two members.
	fwd, back := map[int]int{}, map[int]int{}
	var order []int32 // the boundary's directed arcs, in the members' order
	for _, si := range members {
		for _, poly := range t.Shapes[si] {
			for _, r := range poly {
				for _, ref := range r {
					i, b := Arc(ref)
					if b {
						back[i]++
					} else {
						fwd[i]++
					}
					order = append(order, ref)
				}
			}
		}
	}
	type node = orb.Point
	out := map[node][]int32{} // directed boundary arcs by their first point
	var edges []int32
	for _, ref := range order {
		i, _ := Arc(ref)
		if fwd[i] > 0 && back[i] > 0 {
			continue // inside the union
		}
		if len(t.Arcs[i]) == 0 {
			continue
		}
		edges = append(edges, ref)
		s, _ := t.ends(ref)
		out[s] = append(out[s], ref)
	}
	used := map[int32]bool{}
	var rings []Ring
	for _, first := range edges {
		if used[first] {
			continue
		}
		var r Ring
		ref := first
		start, _ := t.ends(first)
		for {
			used[ref] = true
			r = append(r, ref)
			_, end := t.ends(ref)
			if end == start && len(r) > 0 {
				break
			}
			next := int32(0)
			found := false
			for _, cand := range out[end] {
				if !used[cand] {
					next, found = cand, true
					break
				}
			}
			if !found {
				break // an open chain: the members were not a clean partition
			}
			ref = next
		}
		rings = append(rings, r)
	}
	return t.polygons(rings)
}

// ends are the first and last points of an arc as ref follows it.
func (t *Topology) ends(ref int32) (orb.Point, orb.Point) {
	i, back := Arc(ref)
	a := t.Arcs[i]
	if back {
		return a[len(a)-1], a[0]
	}
	return a[0], a[len(a)-1]
}

// polygons sorts rings into polygons: each counter-clockwise ring is an
// outer ring, and each clockwise one a hole of the smallest outer ring that
// holds it.
func (t *Topology) polygons(rings []Ring) Shape {
	type outer struct {
		ring orb.Ring
		area float64
		poly int
	}
	var outers []outer
	var shape Shape
	var holes []Ring
	var holePts []orb.Ring
	for _, r := range rings {
		pts := RingPoints(nil, t.Arcs, r)
		switch a := ringArea(pts); {
		case a > 0:
			outers = append(outers, outer{pts, a, len(shape)})
			shape = append(shape, Polygon{r})
		case a < 0:
			holes = append(holes, r)
			holePts = append(holePts, pts)
		}
	}
	for k, h := range holes {
		// The midpoint of the hole's first segment lies on the hole's
		// edge, and so inside every outer ring that holds the hole.
		p := holePts[k]
		mid := orb.Point{(p[0][0] + p[1][0]) / 2, (p[0][1] + p[1][1]) / 2}
		best := -1
		for i, o := range outers {
			if planar.RingContains(o.ring, mid) && (best < 0 || o.area < outers[best].area) {
				best = i
			}
		}
		if best >= 0 {
			pi := outers[best].poly
			shape[pi] = append(shape[pi], h)
		}
	}
	return shape
}
