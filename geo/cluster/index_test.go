package cluster_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"

	"sovmap/geo/cluster"
)

// everything is a bound around any point of these tests.
var everything = orb.Bound{Min: orb.Point{-1e8, -1e8}, Max: orb.Point{1e8, 1e8}}

func query(ix *cluster.Index, k, keep int) []cluster.Cluster {
	var out []cluster.Cluster
	ix.Query(k, everything, keep, func(c cluster.Cluster) { out = append(out, c) })
	return out
}

func TestLevelFor(t *testing.T) {
	for _, res := range []float64{1, 20, 21, 100, 2000, 19999, 1e6} {
		k := cluster.LevelFor(res)
		if cluster.LevelRes(k) < res && res < 1e5 {
			t.Errorf("LevelFor(%v) = %d at %v m/pt: finer than the view, markers could overlap", res, k, cluster.LevelRes(k))
		}
		if k > 0 && cluster.LevelRes(k-1) >= res {
			t.Errorf("LevelFor(%v) = %d, but level %d fits too", res, k, k-1)
		}
	}
}

func TestClustersMergeOnlyWithinTheRadius(t *testing.T) {
	const radius = 20 // points
	// Two points 1 km apart and one 50 km away.
	pts := []cluster.Point{
		{At: orb.Point{0, 0}, Weight: 1},
		{At: orb.Point{1000, 0}, Weight: 2},
		{At: orb.Point{50000, 0}, Weight: 1},
	}
	ix := cluster.New(pts, radius)
	tests := []struct {
		res   float64 // metres per point of the view
		sizes []int
	}{
		{20, []int{1, 1, 1}}, // 1 km is 50 points apart: all apart
		{100, []int{2, 1}},   // 1 km is 10 points: the first two merge
		{1500, []int{2, 1}},  // 50 km is 33 points: still apart
		{5000, []int{3}},     // 50 km is 10 points: all one
		{1e6, []int{3}},      // and beyond the ladder
	}
	for _, tt := range tests {
		got := query(ix, cluster.LevelFor(tt.res), -1)
		var sizes []int
		for _, c := range got {
			sizes = append(sizes, c.Size)
		}
		if fmt.Sprint(sizes) != fmt.Sprint(tt.sizes) {
			t.Errorf("at %v m/pt: clusters of sizes %v, want %v", tt.res, sizes, tt.sizes)
		}
	}
	pair := query(ix, cluster.LevelFor(100), -1)[0]
	if pair.Weight != 3 || pair.At != (orb.Point{500, 0}) || pair.First != 0 || pair.Last != 1 {
		t.Errorf("the pair's cluster %+v, want weight 3 at their mean (500, 0), points 0 and 1", pair)
	}
}

// At every level, every point is in exactly one cluster, the weights add
// up, and no two clusters' centres are closer than the radius to a seed:
// the markers drawn do not overlap.
func TestClustersPartitionThePoints(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var pts []cluster.Point
	total := 0
	for i := 0; i < 3000; i++ {
		w := 1 + rng.IntN(3)
		total += w
		pts = append(pts, cluster.Point{At: orb.Point{rng.NormFloat64() * 3e5, rng.NormFloat64() * 2e5}, Weight: w})
	}
	ix := cluster.New(pts, 20)
	for k := 0; k < 28; k += 3 {
		got := query(ix, k, -1)
		size, weight := 0, 0
		for _, c := range got {
			size += c.Size
			weight += c.Weight
			if c.First > c.Last || (c.Size == 1 && c.First != c.Last) {
				t.Fatalf("level %d: cluster %+v has bad members", k, c)
			}
		}
		if size != len(pts) || weight != total {
			t.Errorf("level %d: clusters hold %d points of weight %d, want %d of %d", k, size, weight, len(pts), total)
		}
		for _, c := range got {
			if c.Size == 1 {
				p := pts[c.First]
				if p.At != c.At || p.Weight != c.Weight {
					t.Fatalf("level %d: single cluster %+v is not its point %+v", k, c, p)
				}
			}
		}
		if k > 0 && len(got) > len(query(ix, k-1, -1)) {
			t.Errorf("level %d has more clusters than the finer level %d", k, k-1)
		}
	}
}

// The point to keep comes out on its own, taken from its cluster, whose
// size, weight and mean lose it; a pair leaves its other point alone.
func TestQueryKeepsAPointApart(t *testing.T) {
	pts := []cluster.Point{
		{At: orb.Point{0, 0}, Weight: 1},
		{At: orb.Point{300, 0}, Weight: 2},
		{At: orb.Point{600, 0}, Weight: 4},
		{At: orb.Point{1e6, 0}, Weight: 1},
	}
	ix := cluster.New(pts, 20)
	k := cluster.LevelFor(1000) // all of the first three within 20 points
	if got := query(ix, k, -1); len(got) != 2 || got[0].Size != 3 {
		t.Fatalf("clusters %+v, want the three together and one apart", got)
	}
	got := query(ix, k, 1)
	if len(got) != 3 {
		t.Fatalf("keeping point 1: %+v", got)
	}
	rest, kept := got[0], got[2]
	if kept.First != 1 || kept.Size != 1 || kept.Weight != 2 {
		t.Errorf("kept %+v, want point 1 alone, last", kept)
	}
	if rest.Size != 2 || rest.Weight != 5 || math.Abs(rest.At[0]-300) > 1e-9 {
		t.Errorf("the rest %+v, want points 0 and 2 (weight 5) at x=300", rest)
	}
	// Keeping one of a pair leaves the other as a single point.
	ix = cluster.New(pts[:2], 20)
	got = query(ix, k, 0)
	if len(got) != 2 || got[0].Size != 1 || got[0].First != 1 || got[0].At != pts[1].At || got[1].First != 0 {
		t.Errorf("keeping one of a pair: %+v", got)
	}
	// A point already alone comes out once.
	if got := query(ix, 0, 0); len(got) != 2 {
		t.Errorf("keeping a lone point: %d clusters, want 2", len(got))
	}
}

// Query reads only the part of the level in the bound (plus the edges of
// its grid cells), and the same query gives the same clusters in the same
// order.
func TestQueryBound(t *testing.T) {
	var pts []cluster.Point
	for i := 0; i < 100; i++ {
		pts = append(pts, cluster.Point{At: orb.Point{float64(i) * 1e5, 0}, Weight: 1})
	}
	ix := cluster.New(pts, 20)
	var got []int
	ix.Query(0, orb.Bound{Min: orb.Point{4.5e6, -1}, Max: orb.Point{5.5e6, 1}}, -1, func(c cluster.Cluster) { got = append(got, c.First) })
	for _, i := range got {
		if i < 40 || i > 60 {
			t.Errorf("a query around points 45..55 gave point %d", i)
		}
	}
	for i := 45; i <= 55; i++ {
		found := false
		for _, j := range got {
			found = found || i == j
		}
		if !found {
			t.Errorf("point %d is missing from the query", i)
		}
	}
	a, b := query(ix, 5, -1), query(ix, 5, -1)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Error("the same query gave different results")
	}
}

func ExampleIndex_Query() {
	// Three places, two of them 1 km apart; a view of 100 m per point
	// draws those two as one marker.
	ix := cluster.New([]cluster.Point{
		{At: orb.Point{0, 0}, Weight: 1},
		{At: orb.Point{1000, 0}, Weight: 2},
		{At: orb.Point{50000, 0}, Weight: 1},
	}, 20)
	view := orb.Bound{Min: orb.Point{-1e5, -1e5}, Max: orb.Point{1e5, 1e5}}
	ix.Query(cluster.LevelFor(100), view, -1, func(c cluster.Cluster) {
		fmt.Printf("%d places, %d incidents at %.0f\n", c.Size, c.Weight, c.At[0])
	})
	// Output:
	// 2 places, 3 incidents at 500
	// 1 places, 1 incidents at 50000
}

// BenchmarkNew builds the index for 200,000 places, as opening a country's
// whole history does once.
func BenchmarkNew(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	pts := make([]cluster.Point, 200000)
	for i := range pts {
		pts[i] = cluster.Point{At: orb.Point{rng.NormFloat64() * 5e5, rng.NormFloat64() * 3e5}, Weight: 1}
	}
	for b.Loop() {
		cluster.New(pts, 20)
	}
}

// No points, or one, make an index that answers with nothing, or it.
func TestSmallIndexes(t *testing.T) {
	if got := query(cluster.New(nil, 20), 5, -1); len(got) != 0 {
		t.Errorf("an empty index gave %v", got)
	}
	one := cluster.New([]cluster.Point{{At: orb.Point{1, 2}, Weight: 3}}, 20)
	for k := 0; k < 28; k++ {
		if got := query(one, k, 0); len(got) != 1 || got[0].Weight != 3 {
			t.Errorf("level %d of one point kept: %v", k, got)
		}
	}
}

// Weighed with the points' own weights, the index answers as itself;
// weighed with some points left out, every level's clusters hold exactly
// the points that weigh, each cluster its points' weight and mean, and the
// kept point stays on its own.
func TestWeigh(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	pts := make([]cluster.Point, 3000)
	for i := range pts {
		pts[i] = cluster.Point{At: orb.Point{r.Float64() * 2e6, r.Float64() * 2e6}, Weight: 1 + r.IntN(5)}
	}
	ix := cluster.New(pts, 20)
	same := make([]int32, len(pts))
	some := make([]int32, len(pts))
	for i, p := range pts {
		same[i] = int32(p.Weight)
		if r.IntN(3) == 0 {
			some[i] = int32(p.Weight)
		}
	}
	for _, k := range []int{0, 5, 10, 15, 20, 27} {
		got, want := query(ix.Weigh(sparse(same)), k, 7), query(ix, k, 7)
		if len(got) != len(want) {
			t.Fatalf("level %d: weighed with its own weights, %d clusters, want %d", k, len(got), len(want))
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.Size != w.Size || g.Weight != w.Weight || g.First != w.First || g.Last != w.Last ||
				math.Abs(g.At[0]-w.At[0]) > 1e-6 || math.Abs(g.At[1]-w.At[1]) > 1e-6 {
				t.Fatalf("level %d: weighed with its own weights, cluster %d is %+v, want %+v", k, i, g, w)
			}
		}
		keep := -1
		for i, w := range some {
			if w > 0 {
				keep = i
				break
			}
		}
		got = query(ix.Weigh(sparse(some)), k, keep)
		var size, weight int
		for _, c := range got {
			if c.Size == 0 || c.Weight == 0 {
				t.Fatalf("level %d: an empty cluster %+v", k, c)
			}
			size += c.Size
			weight += c.Weight
			if c.Size == 1 && (c.First != c.Last || int(some[c.First]) != c.Weight || c.At != pts[c.First].At) {
				t.Fatalf("level %d: a single point %+v is not point %d as weighed", k, c, c.First)
			}
			if some[c.First] == 0 || some[c.Last] == 0 {
				t.Fatalf("level %d: cluster %+v starts or ends at a point left out", k, c)
			}
		}
		wantSize, wantWeight := 0, 0
		for _, w := range some {
			if w > 0 {
				wantSize++
				wantWeight += int(w)
			}
		}
		if size != wantSize || weight != wantWeight {
			t.Errorf("level %d: clusters hold %d points weighing %d, want %d weighing %d", k, size, weight, wantSize, wantWeight)
		}
		if last := got[len(got)-1]; last.Size != 1 || last.First != keep {
			t.Errorf("level %d: the kept point %d is not last on its own: %+v", k, keep, last)
		}
	}
}

// BenchmarkWeigh200k is a filter's cost for the clusters of 200,000 places:
// weighing the index and reading one level, against building an index.
func BenchmarkWeigh200k(b *testing.B) {
	r := rand.New(rand.NewPCG(23, 24))
	pts := make([]cluster.Point, 200_000)
	w := make([]int32, len(pts))
	for i := range pts {
		pts[i] = cluster.Point{At: orb.Point{r.Float64() * 3e6, r.Float64() * 2e6}, Weight: 1}
		w[i] = r.Int32N(2)
	}
	ix := cluster.New(pts, 20)
	points, weights := sparse(w)
	for b.Loop() {
		n := 0
		ix.Weigh(points, weights).Query(cluster.LevelFor(3000), everything, -1, func(cluster.Cluster) { n++ })
	}
}

// sparse is a weight a point as Weigh takes them: the points that weigh
// something and their weights.
func sparse(w []int32) (points, weights []int32) {
	for i, v := range w {
		if v != 0 {
			points, weights = append(points, int32(i)), append(weights, v)
		}
	}
	return points, weights
}
