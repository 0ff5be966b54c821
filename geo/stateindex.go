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
	// cells holds per cell a state's index, noState, or for the k-th
	// border cell firstBorder-k: its states to test are
	// tests[from[k]:from[k+1]].
	cells []int32
	tests []int32
	from  []int32
	rings [][]ringBound // per state: its rings with their bounds
}

const (
	noState     int32 = -1
	firstBorder int32 = -2
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
	ix := &stateIndex{bound: b, nx: int(math.Ceil(w/size)) + 1, ny: int(math.Ceil(h/size)) + 1, cw: size, ch: size}
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
// there: the one its centre lies in, then those whose edges pass. It keeps
// its notes in slices a cell long: with a map of lists, the coarse map's
// index (built on the way to the first frame) took 8.5 ms, most of it
// inserting; now 3.5 ms (BenchmarkStateIndex).
func (ix *stateIndex) markBorders() {
	type note struct{ cell, state int32 }
	var notes []note
	// last is, per cell, 1 + the state last noted there: a state's edges
	// are walked together, so each state is noted once a cell. count is
	// how many states a cell needs tested, its centre's among them.
	last := make([]int32, len(ix.cells))
	count := make([]int32, len(ix.cells))
	for si, rings := range ix.rings {
		s := int32(si)
		for _, rb := range rings {
			r := rb.r
			for i := 0; i < len(r)-1; i++ {
				x0, y0 := ix.cellOf(r[i])
				x1, y1 := ix.cellOf(r[i+1])
				for cy := max(min(y0, y1)-1, 0); cy <= min(max(y0, y1)+1, ix.ny-1); cy++ {
					row := cy * ix.nx
					for cx := max(min(x0, x1)-1, 0); cx <= min(max(x0, x1)+1, ix.nx-1); cx++ {
						c := row + cx
						if last[c] == s+1 {
							continue
						}
						if last[c] == 0 && ix.cells[c] >= 0 {
							count[c]++ // room for the centre's state
						}
						if last[c] = s + 1; s != ix.cells[c] {
							count[c]++
							notes = append(notes, note{int32(c), s})
						}
					}
				}
			}
		}
	}
	// Each border cell's run in tests, in cell order: its centre's state
	// first, the likeliest, then the others whose edges pass. last becomes
	// the run's next free slot.
	ix.from = append(ix.from[:0], 0)
	total := int32(0)
	for _, n := range count {
		total += n
	}
	ix.tests = make([]int32, total)
	k := int32(0)
	for c, n := range count {
		if n == 0 {
			continue
		}
		start := ix.from[k]
		ix.from = append(ix.from, start+n)
		if centre := ix.cells[c]; centre >= 0 {
			ix.tests[start] = centre
			start++
		}
		last[c] = start
		ix.cells[c] = firstBorder - k
		k++
	}
	for _, n := range notes {
		ix.tests[last[n.cell]] = n.state
		last[n.cell]++
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
	switch s := ix.cells[cy*ix.nx+cx]; {
	case s == noState:
		return -1
	case s >= 0:
		return int(s)
	default:
		k := firstBorder - s
		for _, si := range ix.tests[ix.from[k]:ix.from[k+1]] {
			if ix.contains(si, p) {
				return int(si)
			}
		}
		return -1
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
