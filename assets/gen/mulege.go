package main

import (
	"fmt"
	"math"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// The one municipality the public copy of the Marco lacks, and the state
// it is rebuilt from.
const (
	mulegeKey  = "03002"
	mulegeName = "Mulegé"
	// mulegeArea is its area as the INEGI folder's README measured it
	// (the state less its other four municipalities, EPSG:6372), m².
	mulegeArea = 30609e6
	// nearCoast is how near the simplified state outline (about 100 m)
	// a point of a municipality must come to count as on its coast.
	nearCoast = 400.0
)

// rebuildMulege makes Mulegé from Baja California Sur's outline (state,
// simplified at about 100 m) and its neighbours, all projected. Its border
// with its neighbours must be theirs vertex for vertex, so that no gap or
// sliver opens:
//
//   - with the state's other four municipalities, their northern edge:
//     the part of their union's outline that runs inland, away from the
//     state's coast;
//   - with Baja California, to the north, that state's southern edge, the
//     part of its municipalities' outline that runs along the state
//     outline;
//   - its coast, and the islands that are not the four's, the state
//     outline's own.
func rebuildMulege(munis []*municipality, state orb.MultiPolygon) (*municipality, error) {
	var four, bc []orb.MultiPolygon
	for _, m := range munis {
		switch {
		case m.key == mulegeKey:
			return nil, fmt.Errorf("%s is in the data already", mulegeKey)
		case strings.HasPrefix(m.key, "03"):
			four = append(four, m.shape)
		case strings.HasPrefix(m.key, "02"):
			bc = append(bc, m.shape)
		}
	}
	if len(four) != 4 || len(bc) == 0 {
		return nil, fmt.Errorf("found %d of Baja California Sur's other four municipalities and %d of Baja California's", len(four), len(bc))
	}
	fourOutline, err := outline(four)
	if err != nil {
		return nil, fmt.Errorf("the four municipalities of Baja California Sur: %w", err)
	}
	bcOutline, err := outline(bc)
	if err != nil {
		return nil, fmt.Errorf("Baja California: %w", err)
	}
	main := largest(state)
	mainland := openRing(main[0])
	coast := newSegmentIndex([][]orb.Point{mainland}, nearCoast)

	// The four's northern edge: the longest run of their outline's
	// points away from the coast, with a point on the coast at each end.
	u := openRing(largest(fourOutline)[0])
	inland := make([]bool, len(u))
	for i, p := range u {
		inland[i] = !coast.within(p)
	}
	// Where the edge passes near a shore (a bay's) for a few points, it
	// is still the edge.
	bridgeGaps(inland, 50)
	edge := longestRun(u, inland)
	if len(edge) < 3 {
		return nil, fmt.Errorf("found no inland edge of the four municipalities")
	}
	fourIndex := newSegmentIndex(outerRings(fourOutline), nearCoast)

	// The state's coast from one end of the edge to the other, the way
	// that does not run along the four's coast.
	i0, i1 := nearest(mainland, edge[0]), nearest(mainland, edge[len(edge)-1])
	var ring []orb.Point
	for _, try := range [2]bool{false, true} {
		e := append([]orb.Point(nil), edge...)
		from, to := i0, i1
		if try {
			reverse(e)
			from, to = i1, i0
		}
		path := forwardPath(mainland, to, from)
		if mid := path[len(path)/2]; fourIndex.within(mid) {
			continue
		}
		path = awayFromEdge(path, edge)
		cand := append(e, path[1:len(path)-1]...)
		if planar.Area(closeRing(cand)) > 0 {
			ring = cand
			break
		}
	}
	if ring == nil {
		return nil, fmt.Errorf("found no way round the north of the state")
	}
	// Baja California's southern edge in place of the outline's.
	ub := openRing(largest(bcOutline)[0])
	ubIndex := newSegmentIndex([][]orb.Point{ub}, nearCoast)
	a, b := -1, -1
	for i, p := range ring {
		if ubIndex.within(p) {
			if a < 0 {
				a = i
			}
			b = i
		}
	}
	if a < 0 || b-a < 1 {
		return nil, fmt.Errorf("found no border with Baja California")
	}
	south := shorterPath(ub, nearest(ub, ring[a]), nearest(ub, ring[b]))
	ring = append(append(append([]orb.Point(nil), ring[:a]...), south...), ring[b+1:]...)
	mp := orb.MultiPolygon{{closeRing(ring)}}

	// The state's islands that are not the four's.
	for _, poly := range state {
		if &poly[0][0] == &main[0][0] {
			continue
		}
		r := openRing(poly[0])
		near := 0
		for _, p := range r {
			if fourIndex.within(p) {
				near++
			}
		}
		if 2*near >= len(r) {
			continue
		}
		mp = append(mp, orb.Polygon{closeRing(r)})
	}
	area := planar.Area(mp)
	if math.Abs(area-mulegeArea)/mulegeArea > 0.01 {
		return nil, fmt.Errorf("rebuilt %s has %.0f km², want %.0f within 1%%", mulegeName, area/1e6, mulegeArea/1e6)
	}
	return &municipality{key: mulegeKey, name: mulegeName, shape: mp}, nil
}

// nearEdge is how near the inland edge the state outline's coast may come
// (where a bay reaches the edge: Bahía Concepción): nearer, its points go,
// so that Mulegé's coast never runs along its own border with the four,
// which would give one boundary two areas on one side.
const nearEdge = 150.0

// awayFromEdge is path without the points (but its ends) that lie within
// nearEdge of the edge, away from the edge's ends, where path meets it.
func awayFromEdge(path, edge []orb.Point) []orb.Point {
	ix := newLineIndex([][]orb.Point{edge}, false, nearEdge)
	ends := [2]orb.Point{edge[0], edge[len(edge)-1]}
	out := []orb.Point{path[0]}
	for _, p := range path[1 : len(path)-1] {
		if ix.within(p) && planar.Distance(p, ends[0]) > 1000 && planar.Distance(p, ends[1]) > 1000 {
			continue
		}
		out = append(out, p)
	}
	return append(out, path[len(path)-1])
}

// bridgeGaps sets the runs of false in flags shorter than gap, with true
// on both sides, to true.
func bridgeGaps(flags []bool, gap int) {
	n := len(flags)
	for i := 0; i < n; i++ {
		if flags[i] || !flags[(i+n-1)%n] {
			continue
		}
		l := 0
		for l < gap && !flags[(i+l)%n] {
			l++
		}
		if l < gap {
			for k := 0; k < l; k++ {
				flags[(i+k)%n] = true
			}
		}
	}
}

// longestRun is the longest run of the ring's points (around its end too)
// whose flags in are set, with the point before and the point after it.
func longestRun(r []orb.Point, in []bool) []orb.Point {
	n := len(r)
	all := true
	for _, f := range in {
		all = all && f
	}
	if all {
		return nil
	}
	start := 0
	for in[start] {
		start++ // a point that fails, so that no run wraps past the start
	}
	bestFrom, bestLen := -1, 0
	for k := 1; k <= n; k++ {
		i := (start + k) % n
		if !in[i] {
			continue
		}
		from := i
		l := 0
		for in[(from+l)%n] {
			l++
		}
		if l > bestLen {
			bestFrom, bestLen = from, l
		}
		k += l
	}
	if bestFrom < 0 {
		return nil
	}
	return forwardPath(r, (bestFrom+n-1)%n, (bestFrom+bestLen)%n)
}
