// Package cluster merges map markers that would overlap on screen. An Index
// is built once for a set of points (as supercluster does): it clusters them
// greedily at a fixed ladder of resolutions, each level from the one below,
// so that drawing a frame only reads the level that fits the view. The same
// view resolution always gives the same clusters, whatever the size of the
// image they are drawn into.
package cluster

import (
	"math"
	"slices"
	"sync"

	"github.com/paulmach/orb"
)

// Point is one thing to cluster: a projected position and a weight (say,
// the incidents at a place).
type Point struct {
	At     orb.Point
	Weight int
}

// Cluster is a marker as drawn at one level: a single point, or several
// merged at their mean position.
type Cluster struct {
	At     orb.Point // mean position of its points
	Weight int       // sum of its points' weights
	Size   int       // how many points it holds
	// First and Last are the smallest and largest point index among its
	// points: for a single point, that point; for two, both of them.
	First, Last int
	sumX, sumY  float64 // sum of its points' positions
}

// Ladder of resolutions, metres per point (a screen unit): from the
// deepest zoom the map allows, in steps of √2.
const (
	finestRes = 20.0
	numLevels = 28
)

// LevelRes is the resolution of level k, metres per point.
func LevelRes(k int) float64 { return finestRes * math.Pow(2, float64(k)/2) }

// LevelFor is the level to draw a view of res metres per point: the finest
// whose resolution is at least res, so that markers closer than the radius
// on screen are always merged.
func LevelFor(res float64) int {
	for k := 0; k < numLevels; k++ {
		if LevelRes(k) >= res*(1-1e-9) {
			return k
		}
	}
	return numLevels - 1
}

// Index holds the clusters of a set of points at every level.
type Index struct {
	radius float64 // points
	points []Point
	levels [numLevels]level
	// weighed, when set, is the index seen through other weights (Weigh):
	// the same tree, each level's clusters summed afresh on first query.
	weighed *weighing
	// homes holds, for each level once a weighing asks for it, the
	// cluster of each point: shared by every weighing of the index.
	homes *homes
}

// homes is, for each level, the cluster each point falls in: worked out
// once a level (O(points × level)), so that a weighing reads it in order.
type homes struct {
	once [numLevels]sync.Once
	of   [numLevels][]int32
}

// homesAt is the cluster of each point at level k: from the level below's,
// one pass in order.
func (ix *Index) homesAt(k int) []int32 {
	h := ix.homes
	h.once[k].Do(func() {
		parent := ix.levels[k].parent
		of := make([]int32, len(ix.points))
		if k == 0 {
			copy(of, parent)
		} else {
			for i, c := range ix.homesAt(k - 1) {
				of[i] = parent[c]
			}
		}
		h.of[k] = of
	})
	return h.of[k]
}

// Warm works out level k's clusters as weighed now, on the calling
// goroutine, so that the first query of that level does not (a window's
// filter, worked out off the UI goroutine, warms the level of its view).
func (ix *Index) Warm(k int) {
	if ix.weighed != nil {
		ix.clustersAt(min(max(k, 0), numLevels-1))
	}
}

// weighing is what Weigh sees: a weight per point and, for each level once
// asked for, the clusters of the points that weigh something.
type weighing struct {
	// points are the points that weigh something, ascending, weights
	// what each weighs.
	points, weights []int32
	once            [numLevels]sync.Once
	levels          [numLevels][]Cluster // by the level's cluster index; Size 0 where none weighs
}

type level struct {
	clusters []Cluster
	// parent[i] is the cluster of this level that holds cluster i of the
	// level below (for level 0: point i).
	parent []int32
	cells  cellIndex
}

// New clusters points so that at any level, no two clusters lie within
// radius points of each other's seed. It keeps points (it does not modify
// them). The work is O(n log n) for each level, done once.
func New(points []Point, radius float64) *Index {
	ix := &Index{radius: radius, points: points, homes: &homes{}}
	below := make([]Cluster, len(points))
	for i, p := range points {
		below[i] = Cluster{At: p.At, Weight: p.Weight, Size: 1, First: i, Last: i, sumX: p.At[0], sumY: p.At[1]}
	}
	for k := range ix.levels {
		lv := &ix.levels[k]
		lv.clusters, lv.parent = merge(below, radius*LevelRes(k))
		lv.cells = newCellIndex(lv.clusters, 64*radius*LevelRes(k))
		below = lv.clusters
	}
	return ix
}

// Len is the number of points the index holds.
func (ix *Index) Len() int { return len(ix.points) }

// merge clusters items greedily, in the order of the grid cells of side r
// metres they fall in (row by row, then by index within a cell): each item
// not yet taken gathers every untaken item within r metres of it. Going
// cell by cell, the neighbouring cells are found by three cursors that only
// move forward along the sorted cells, one for each of the rows above, at
// and below: the whole level reads its cells once, in order.
func merge(items []Cluster, r float64) ([]Cluster, []int32) {
	parent := make([]int32, len(items))
	grid := newCellIndex(items, r)
	keys, ids := grid.keys, grid.ids
	taken := make([]bool, len(items))
	out := make([]Cluster, 0, len(items))
	r2 := r * r
	var cursor [3]int
	row := int64(math.MinInt64)
	for _, i32 := range ids {
		i := int(i32)
		if taken[i] {
			continue
		}
		taken[i] = true
		c := items[i]
		id := int32(len(out))
		parent[i] = id
		at := items[i].At
		cx, cy := grid.cell(at)
		if cy != row { // a new row: find the three rows' cells afresh
			row = cy
			for d := range cursor {
				cursor[d], _ = slices.BinarySearch(keys, cellKey(cx-1, cy+int64(d)-1))
			}
		}
		for d := range cursor {
			lo, hi := cellKey(cx-1, cy+int64(d)-1), cellKey(cx+1, cy+int64(d)-1)
			for cursor[d] < len(keys) && keys[cursor[d]] < lo {
				cursor[d]++
			}
			for k := cursor[d]; k < len(keys) && keys[k] <= hi; k++ {
				j := ids[k]
				if taken[j] {
					continue
				}
				dx, dy := items[j].At[0]-at[0], items[j].At[1]-at[1]
				if dx*dx+dy*dy > r2 {
					continue
				}
				taken[j] = true
				parent[j] = id
				o := &items[j]
				c.Weight += o.Weight
				c.Size += o.Size
				c.sumX += o.sumX
				c.sumY += o.sumY
				c.First = min(c.First, o.First)
				c.Last = max(c.Last, o.Last)
			}
		}
		c.At = orb.Point{c.sumX / float64(c.Size), c.sumY / float64(c.Size)}
		out = append(out, c)
	}
	return slices.Clip(out), parent
}

// Weigh is the index with new weights: points (indices, ascending)
// weigh weights, each point not among them nothing (it is left out). The
// same clusters at every level, each with the weight, size, position
// (their mean) and first and last of its points that weigh something; a
// cluster of none is left out of queries. A filter of the points so costs
// nothing at once and O(points weighed) for each level queried, where
// building an index is O(points log points) a level; the weights are
// given for the points shown only, as a filter of 200,000 places makes
// them a step. Clusters keep the radius apart as the whole index placed
// them; left with a part of their points, two may come a little closer.
func (ix *Index) Weigh(points, weights []int32) *Index {
	w := *ix
	w.weighed = &weighing{points: points, weights: weights}
	return &w
}

// clustersAt is the clusters of level k as they weigh.
func (ix *Index) clustersAt(k int) []Cluster {
	if ix.weighed == nil {
		return ix.levels[k].clusters
	}
	wg := ix.weighed
	wg.once[k].Do(func() {
		out := make([]Cluster, len(ix.levels[k].clusters))
		for i := range out {
			out[i].First = -1
		}
		home := ix.homesAt(k)
		for j, pt := range wg.points {
			w, i := wg.weights[j], int(pt)
			if w == 0 {
				continue
			}
			c := &out[home[i]]
			p := ix.points[i].At
			c.Weight += int(w)
			c.Size++
			c.sumX += p[0]
			c.sumY += p[1]
			if c.First < 0 {
				c.First = i
			}
			c.Last = i
		}
		for i := range out {
			if c := &out[i]; c.Size > 0 {
				c.At = orb.Point{c.sumX / float64(c.Size), c.sumY / float64(c.Size)}
			}
		}
		wg.levels[k] = out
	})
	return wg.levels[k]
}

// weight is point p's weight, as the index weighs it.
func (ix *Index) weight(p int) int {
	if ix.weighed != nil {
		wg := ix.weighed
		if j, ok := slices.BinarySearch(wg.points, int32(p)); ok {
			return int(wg.weights[j])
		}
		return 0
	}
	return ix.points[p].Weight
}

// Query calls emit for each cluster of level k within bound, with the
// point keep (an index, or -1) taken out of its cluster and emitted on its
// own, so that a selection never merges away. Clusters are emitted in a
// fixed order for the level (the order of their seeds), keep last.
func (ix *Index) Query(k int, bound orb.Bound, keep int, emit func(Cluster)) {
	k = min(max(k, 0), numLevels-1)
	lv := &ix.levels[k]
	clusters := ix.clustersAt(k)
	home := -1
	if keep >= 0 && keep < len(ix.points) && ix.weight(keep) != 0 {
		home = ix.ClusterOf(k, keep)
	}
	lv.cells.within(bound, func(i int) {
		c := clusters[i]
		if c.Size == 0 {
			return // none of its points weighs
		}
		if i == home {
			if c.Size == 1 {
				return // emitted last, as keep
			}
			c = ix.without(c, keep)
		}
		emit(c)
	})
	if home >= 0 {
		p := ix.points[keep]
		emit(Cluster{At: p.At, Weight: ix.weight(keep), Size: 1, First: keep, Last: keep, sumX: p.At[0], sumY: p.At[1]})
	}
}

// ClusterOf is the index, at level k, of the cluster that holds point p.
func (ix *Index) ClusterOf(k, p int) int {
	c := p
	for j := 0; j <= k; j++ {
		c = int(ix.levels[j].parent[c])
	}
	return c
}

// without is cluster c with point p taken out.
func (ix *Index) without(c Cluster, p int) Cluster {
	pt := ix.points[p]
	c.Size--
	c.Weight -= ix.weight(p)
	c.sumX -= pt.At[0]
	c.sumY -= pt.At[1]
	if c.Size == 1 { // the other of two: First and Last are both of them
		q := c.First
		if q == p {
			q = c.Last
		}
		o := ix.points[q]
		return Cluster{At: o.At, Weight: ix.weight(q), Size: 1, First: q, Last: q, sumX: o.At[0], sumY: o.At[1]}
	}
	c.At = orb.Point{c.sumX / float64(c.Size), c.sumY / float64(c.Size)}
	return c
}

// cellIndex finds clusters by position: their indices sorted by the grid
// cell they fall in, rows of cells contiguous, so that a box is read row by
// row with a binary search each.
type cellIndex struct {
	size  float64
	keys  []uint64 // sorted cell keys, one per entry of ids
	ids   []int32
	items []Cluster
}

func cellKey(cx, cy int64) uint64 {
	return uint64(cy+1<<31)<<32 | uint64(cx+1<<31)&0xffffffff
}

func (g *cellIndex) cell(p orb.Point) (int64, int64) {
	clamp := func(v float64) int64 {
		return int64(math.Max(math.Min(math.Floor(v/g.size), math.MaxInt32), math.MinInt32))
	}
	return clamp(p[0]), clamp(p[1])
}

func newCellIndex(items []Cluster, size float64) cellIndex {
	g := cellIndex{size: size, items: items, keys: make([]uint64, len(items)), ids: make([]int32, len(items))}
	for i, c := range items {
		cx, cy := g.cell(c.At)
		g.keys[i], g.ids[i] = cellKey(cx, cy), int32(i)
	}
	radixSort(g.keys, g.ids)
	return g
}

// radixSort sorts keys, and ids along with them, stably (equal keys keep
// their ids' order): a byte at a time from the lowest, skipping the bytes
// that every key shares. O(n) for each byte that varies.
func radixSort(keys []uint64, ids []int32) {
	if len(keys) < 2 {
		return
	}
	k2, i2 := make([]uint64, len(keys)), make([]int32, len(ids))
	src, dst, isrc, idst := keys, k2, ids, i2
	for shift := uint(0); shift < 64; shift += 8 {
		var count [256]int
		for _, k := range src {
			count[byte(k>>shift)]++
		}
		if count[byte(src[0]>>shift)] == len(src) {
			continue // every key has this byte
		}
		pos := 0
		for b, n := range count {
			count[b] = pos
			pos += n
		}
		for j, k := range src {
			b := byte(k >> shift)
			dst[count[b]], idst[count[b]] = k, isrc[j]
			count[b]++
		}
		src, dst, isrc, idst = dst, src, idst, isrc
	}
	if &src[0] != &keys[0] {
		copy(keys, src)
		copy(ids, isrc)
	}
}

// within calls f with every item in the cells that b touches, in index
// order within each row of cells.
func (g *cellIndex) within(b orb.Bound, f func(int)) {
	if len(g.keys) == 0 {
		return
	}
	x0, y0 := g.cell(b.Min)
	x1, y1 := g.cell(b.Max)
	// A box far larger than the data: clamp to the data's rows and columns.
	first, last := g.keys[0], g.keys[len(g.keys)-1]
	y0 = max(y0, int64(first>>32)-1<<31)
	y1 = min(y1, int64(last>>32)-1<<31)
	for cy := y0; cy <= y1; cy++ {
		lo, hi := cellKey(x0, cy), cellKey(x1, cy)
		i, _ := slices.BinarySearch(g.keys, lo)
		for ; i < len(g.keys) && g.keys[i] <= hi; i++ {
			f(int(g.ids[i]))
		}
	}
}
