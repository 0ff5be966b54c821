package geo

import (
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// stateIndex answers "which state holds this point" in constant time for
// almost every point: a grid over Mexico whose cells lie wholly inside one
// state (or none) answer at once; only the cells that a state's border
// crosses run an exact test, against the few states whose borders cross
// them. It is built once, from the full-detail shapes, in a few
// milliseconds.
type stateIndex struct {
	bound  orb.Bound
	nx, ny int
	cw, ch float64
	cells  []int32           // per cell: a state's index, noState, or border
	border map[int32][]int32 // for border cells: the states to test
	rings  [][]ringBound     // per state: its rings with their bounds
}

const (
	noState int32 = -1
	border  int32 = -2
	// gridCells is the grid's size along its longer side.
	gridCells = 512
)

// ringBound is a ring with its bound, so that a point far from it is
// ruled out without walking it.
type ringBound struct {
	r orb.Ring
	b orb.Bound
}

func newStateIndex(states []*Region) *stateIndex {
	var b orb.Bound
	for i, s := range states {
		if i == 0 {
			b = s.Bound
		}
		b = b.Union(s.Bound)
	}
	w, h := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]
	size := math.Max(w, h) / gridCells
	ix := &stateIndex{bound: b, nx: int(math.Ceil(w/size)) + 1, ny: int(math.Ceil(h/size)) + 1, cw: size, ch: size,
		border: map[int32][]int32{}}
	ix.cells = make([]int32, ix.nx*ix.ny)
	for i := range ix.cells {
		ix.cells[i] = noState
	}
	ix.rings = make([][]ringBound, len(states))
	for si, s := range states {
		for _, poly := range s.full {
			for _, r := range poly {
				ix.rings[si] = append(ix.rings[si], ringBound{r, r.Bound()})
			}
		}
	}
	ix.fill()
	ix.markBorders()
	return ix
}

// fill gives every cell the state its centre lies in, row by row: the
// crossings of each state's rings with the row's centre line, sorted,
// bound the runs of cells inside (even-odd, so holes stay out).
func (ix *stateIndex) fill() {
	var xs []float64
	for row := 0; row < ix.ny; row++ {
		y := ix.bound.Min[1] + (float64(row)+0.5)*ix.ch
		for si, rings := range ix.rings {
			xs = xs[:0]
			for _, rb := range rings {
				if y < rb.b.Min[1] || y > rb.b.Max[1] {
					continue
				}
				r := rb.r
				for i := 0; i < len(r)-1; i++ {
					a, c := r[i], r[i+1]
					if (a[1] <= y) != (c[1] <= y) {
						xs = append(xs, a[0]+(y-a[1])/(c[1]-a[1])*(c[0]-a[0]))
					}
				}
			}
			slices.Sort(xs)
			for k := 0; k+1 < len(xs); k += 2 {
				c0 := int(math.Ceil((xs[k]-ix.bound.Min[0])/ix.cw - 0.5))
				c1 := int(math.Floor((xs[k+1]-ix.bound.Min[0])/ix.cw - 0.5))
				for col := max(c0, 0); col <= min(c1, ix.nx-1); col++ {
					ix.cells[row*ix.nx+col] = int32(si)
				}
			}
		}
	}
}

// markBorders marks every cell a border edge passes near (its bounding
// box of cells, grown by one) as a border cell, with the states to test
// there: those whose edges pass, and the one its centre lies in.
func (ix *stateIndex) markBorders() {
	cand := map[int32][]int32{}
	for si, rings := range ix.rings {
		for _, rb := range rings {
			r := rb.r
			for i := 0; i < len(r)-1; i++ {
				x0, y0 := ix.cellOf(r[i])
				x1, y1 := ix.cellOf(r[i+1])
				for cy := max(min(y0, y1)-1, 0); cy <= min(max(y0, y1)+1, ix.ny-1); cy++ {
					for cx := max(min(x0, x1)-1, 0); cx <= min(max(x0, x1)+1, ix.nx-1); cx++ {
						c := int32(cy*ix.nx + cx)
						if l := cand[c]; len(l) == 0 || l[len(l)-1] != int32(si) {
							cand[c] = append(l, int32(si))
						}
					}
				}
			}
		}
	}
	for c, states := range cand {
		if centre := ix.cells[c]; centre >= 0 && !slices.Contains(states, centre) {
			states = append(states, centre)
		}
		ix.border[c] = states
		ix.cells[c] = border
	}
}

func (ix *stateIndex) cellOf(p orb.Point) (int, int) {
	return int(math.Floor((p[0] - ix.bound.Min[0]) / ix.cw)), int(math.Floor((p[1] - ix.bound.Min[1]) / ix.ch))
}

// at is the index of the state holding p, or -1.
func (ix *stateIndex) at(p orb.Point) int {
	cx, cy := ix.cellOf(p)
	if cx < 0 || cy < 0 || cx >= ix.nx || cy >= ix.ny || math.IsNaN(p[0]) || math.IsNaN(p[1]) {
		return -1
	}
	c := int32(cy*ix.nx + cx)
	switch s := ix.cells[c]; s {
	case noState:
		return -1
	case border:
		for _, si := range ix.border[c] {
			if ix.contains(si, p) {
				return int(si)
			}
		}
		return -1
	default:
		return int(s)
	}
}

// contains tests p against a state's rings, even-odd: a point inside an
// odd number of them (an island, or a ring but not its hole) is inside.
func (ix *stateIndex) contains(si int32, p orb.Point) bool {
	in := false
	for _, rb := range ix.rings[si] {
		if !rb.b.Contains(p) {
			continue
		}
		r := rb.r
		for i := 0; i < len(r)-1; i++ {
			a, c := r[i], r[i+1]
			if (a[1] > p[1]) != (c[1] > p[1]) && p[0] < a[0]+(p[1]-a[1])/(c[1]-a[1])*(c[0]-a[0]) {
				in = !in
			}
		}
	}
	return in
}
