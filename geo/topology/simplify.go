package topology

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Level is one level of detail of a set of base arcs: for each arc, the
// indices of the base points it keeps, in order, always its first and last.
type Level [][]int32

// Full is the level that keeps every point of arcs.
func Full(arcs []orb.LineString) Level {
	lv := make(Level, len(arcs))
	for i, a := range arcs {
		lv[i] = make([]int32, len(a))
		for j := range a {
			lv[i][j] = int32(j)
		}
	}
	return lv
}

// Arcs are the level's arcs, built from base.
func (lv Level) Arcs(base []orb.LineString) []orb.LineString {
	out := make([]orb.LineString, len(lv))
	for i, keep := range lv {
		l := make(orb.LineString, len(keep))
		for j, k := range keep {
			l[j] = base[i][k]
		}
		out[i] = l
	}
	return out
}

// Points counts the points the level keeps.
func (lv Level) Points() int {
	n := 0
	for _, k := range lv {
		n += len(k)
	}
	return n
}

// Simplify is the coarser level that keeps, of the points from keeps, only
// as many as hold every base point within tolerance of its arc (Douglas
// and Peucker's method, measured against the base arcs, so that levels
// simplified one from the next never drift further than their own
// tolerance). Every arc keeps its ends, so arcs still meet where they met.
//
// Arcs simplified alone can cross their neighbours, which would make
// areas overlap. Simplify then simplifies the arcs of each crossing again
// with half the tolerance, and so on down to the points of from, until no
// two arcs cross or touch but at their ends; from must be free of
// crossings itself (see Crossings) for the result to be.
func Simplify(base []orb.LineString, from Level, tolerance float64) Level {
	out := make(Level, len(from))
	tol := make([]float64, len(from))
	for i := range from {
		tol[i] = tolerance
		out[i] = simplifyArc(base[i], from[i], tolerance)
	}
	for {
		arcs := out.Arcs(base)
		bad := map[int]bool{}
		for _, c := range Crossings(arcs) {
			bad[c.A], bad[c.B] = true, true
		}
		if len(bad) == 0 {
			return out
		}
		progress := false
		for i := range bad {
			if len(out[i]) == len(from[i]) {
				continue // already as fine as it can be
			}
			progress = true
			tol[i] /= 2
			if tol[i] < tolerance/64 {
				out[i] = from[i]
			} else {
				out[i] = simplifyArc(base[i], from[i], tol[i])
			}
		}
		if !progress {
			return out // what is left crosses in from too
		}
	}
}

// simplifyArc keeps, of the points keep of arc, those Douglas-Peucker
// keeps at tolerance tol, measured against every point of arc.
func simplifyArc(arc orb.LineString, keep []int32, tol float64) []int32 {
	n := len(keep)
	if n <= 2 {
		return keep
	}
	mark := make([]bool, n)
	mark[0], mark[n-1] = true, true
	tol2 := tol * tol
	stack := []int{0, n - 1}
	for len(stack) > 0 {
		a, b := stack[len(stack)-2], stack[len(stack)-1]
		stack = stack[:len(stack)-2]
		if b-a < 2 {
			continue
		}
		pa, pb := arc[keep[a]], arc[keep[b]]
		far := 0.0
		for k := keep[a] + 1; k < keep[b]; k++ {
			far = math.Max(far, planar.DistanceFromSegmentSquared(pa, pb, arc[k]))
		}
		if far <= tol2 {
			continue
		}
		split, best := a+1, -1.0
		for c := a + 1; c < b; c++ {
			if d := planar.DistanceFromSegmentSquared(pa, pb, arc[keep[c]]); d > best {
				split, best = c, d
			}
		}
		mark[split] = true
		stack = append(stack, a, split, split, b)
	}
	out := make([]int32, 0, n)
	for i, m := range mark {
		if m {
			out = append(out, keep[i])
		}
	}
	return out
}
