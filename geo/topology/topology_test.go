package topology

import (
	"bytes"
	"encoding/binary"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// square is the unit square with its lower left corner at (x, y), scaled
// by s, as a polygon of one ring with a point in the middle of each side,
// so that neighbours share two segments a side.
func square(x, y, s float64) orb.Polygon {
	p := func(u, v float64) orb.Point { return orb.Point{(x + u) * s, (y + v) * s} }
	return orb.Polygon{{p(0, 0), p(0.5, 0), p(1, 0), p(1, 0.5), p(1, 1), p(0.5, 1), p(0, 1), p(0, 0.5), p(0, 0)}}
}

// grid is an n by n grid of squares of side s, each its own shape.
func grid(n int, s float64) []orb.MultiPolygon {
	var out []orb.MultiPolygon
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			out = append(out, orb.MultiPolygon{square(float64(x), float64(y), s)})
		}
	}
	return out
}

func area(mp orb.MultiPolygon) float64 { return planar.Area(mp) }

func TestBuildSharesEachBoundaryOnce(t *testing.T) {
	tests := []struct {
		name      string
		shapes    []orb.MultiPolygon
		arcs      int // how many arcs
		outline   float64
		outerRing int // rings in the dissolved whole
	}{
		{"one square", grid(1, 1), 1, 1, 1},
		// 3x3: 12 interior edges and 12 outline edges between junctions;
		// the outline's corners are not junctions, so the outline is 8
		// arcs (the four corners merge two edges each).
		{"3x3 grid", grid(3, 1), 20, 9, 1},
		{"a square in a hole of another", []orb.MultiPolygon{
			{{square(0, 0, 3)[0], square(1, 1, 1)[0]}},
			{square(1, 1, 1)},
		}, 2, 9, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			topo, err := Build(tc.shapes)
			if err != nil {
				t.Fatal(err)
			}
			if len(topo.Arcs) != tc.arcs {
				t.Errorf("%d arcs, want %d", len(topo.Arcs), tc.arcs)
			}
			// Every shape comes back with its own area, and each arc is
			// followed at most once each way.
			uses := map[int32]int{}
			for i, s := range topo.Shapes {
				if got, want := area(topo.MultiPolygon(s)), area(tc.shapes[i]); math.Abs(got-want) > 1e-9 {
					t.Errorf("shape %d: area %g, want %g", i, got, want)
				}
				for _, poly := range s {
					for _, r := range poly {
						for _, ref := range r {
							uses[ref]++
						}
					}
				}
			}
			for ref, n := range uses {
				if n != 1 {
					t.Errorf("arc ref %d followed %d times", ref, n)
				}
			}
			all := make([]int, len(tc.shapes))
			for i := range all {
				all[i] = i
			}
			whole := topo.Dissolve(all)
			if got := area(topo.MultiPolygon(whole)); math.Abs(got-tc.outline) > 1e-9 {
				t.Errorf("dissolved area %g, want %g", got, tc.outline)
			}
			if len(whole) != tc.outerRing || len(whole[0]) != 1 {
				t.Errorf("dissolved into %d polygons (the first of %d rings), want %d of 1", len(whole), len(whole[0]), tc.outerRing)
			}
		})
	}
}

// ring is a rectangle from (x0, y0) to (x1, y1), counter-clockwise.
func ring(x0, y0, x1, y1 float64) orb.Ring {
	return orb.Ring{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}
}

func TestDissolveKeepsHoles(t *testing.T) {
	// A ring of eight squares around an empty middle: one polygon with a
	// hole.
	var shapes []orb.MultiPolygon
	for _, s := range grid(3, 1) {
		if s[0][0][0] == (orb.Point{1, 1}) {
			continue
		}
		shapes = append(shapes, s)
	}
	topo, err := Build(shapes)
	if err != nil {
		t.Fatal(err)
	}
	all := []int{0, 1, 2, 3, 4, 5, 6, 7}
	d := topo.Dissolve(all)
	if len(d) != 1 || len(d[0]) != 2 {
		t.Fatalf("dissolved into %v, want one polygon with one hole", d)
	}
	if got := area(topo.MultiPolygon(d)); math.Abs(got-8) > 1e-9 {
		t.Errorf("area %g, want 8", got)
	}
}

func TestBuildRefusesBrokenTopology(t *testing.T) {
	tests := []struct {
		name   string
		shapes []orb.MultiPolygon
		want   string
	}{
		{"two shapes along one boundary the same way", []orb.MultiPolygon{{square(0, 0, 1)}, {square(0, 0, 1)}}, "overlap"},
		// The square between them follows the shared side backwards, and
		// so does a third shape on the same side as the second.
		{"two shapes on one side of a boundary", []orb.MultiPolygon{
			{{ring(0, 0, 1, 1)}},
			{{{{1, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 0}}}},
			{{{{1, 1}, {1, 0}, {3, 0}, {3, 2}, {1, 1}}}},
		}, "overlap"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Build(tc.shapes)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

func TestCleanRing(t *testing.T) {
	tests := []struct {
		name string
		in   orb.Ring
		want int // points left
	}{
		{"plain", ring(0, 0, 1, 1), 4},
		{"repeated points", orb.Ring{{0, 0}, {1, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 1}, {0, 0}}, 4},
		{"a spike", orb.Ring{{0, 0}, {1, 0}, {2, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}, 4},
		{"a spike at the closing point", orb.Ring{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {-1, 1}, {0, 1}, {0, 0}}, 4},
		{"all spike", orb.Ring{{0, 0}, {1, 0}, {0, 0}}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cleanRing(tc.in, true); len(got) != tc.want {
				t.Errorf("%v: %d points, want %d", got, len(got), tc.want)
			}
		})
	}
}

func TestCrossings(t *testing.T) {
	tests := []struct {
		name string
		arcs []orb.LineString
		want int
	}{
		{"apart", []orb.LineString{{{0, 0}, {10, 0}}, {{0, 1}, {10, 1}}}, 0},
		{"meeting at their ends", []orb.LineString{{{0, 0}, {10, 0}}, {{10, 0}, {10, 10}}}, 0},
		{"a straight arc", []orb.LineString{{{0, 0}, {5, 0}, {10, 0}}}, 0},
		{"crossing", []orb.LineString{{{0, 0}, {10, 10}}, {{0, 10}, {10, 0}}}, 1},
		// Both segments through the vertex touch.
		{"a vertex on another's segment", []orb.LineString{{{0, 0}, {10, 0}}, {{5, 5}, {5, 0}, {6, 5}}}, 2},
		{"along each other", []orb.LineString{{{0, 0}, {10, 0}}, {{5, 0}, {15, 0}}}, 1},
		{"the same segment twice", []orb.LineString{{{0, 0}, {10, 0}}, {{10, 0}, {0, 0}}}, 1},
		{"doubling back", []orb.LineString{{{0, 0}, {10, 0}, {5, 0}}}, 1},
		{"crossing itself", []orb.LineString{{{0, 0}, {10, 0}, {10, 10}, {5, -5}}}, 1},
		{"a long diagonal across a crowd", []orb.LineString{{{0, 0}, {1000, 1000}}, {{499, 501}, {501, 499}}, {{0, 10}, {1, 10}}, {{3, 10}, {4, 10}}}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Crossings(tc.arcs); len(got) != tc.want {
				t.Errorf("%d crossings (%v), want %d", len(got), got, tc.want)
			}
		})
	}
}

// combs are two shapes whose shared... no: two separate shapes whose
// facing edges are close, wiggling combs: simplified alone, each edge
// straightens through the other's teeth.
func combs() []orb.MultiPolygon {
	var top, bottom orb.Ring
	// The bottom shape's top edge has teeth reaching up to y=10; the top
	// shape's bottom edge teeth reach down to y=0, between them.
	bottom = append(bottom, orb.Point{0, -20}, orb.Point{200, -20})
	for x := 200.0; x >= 0; x -= 20 {
		bottom = append(bottom, orb.Point{x, 0}, orb.Point{x - 5, 10}, orb.Point{x - 10, 0})
	}
	bottom = append(bottom, orb.Point{0, -20})
	top = append(top, orb.Point{0, 30})
	for x := 0.0; x <= 200; x += 20 {
		top = append(top, orb.Point{x, 12}, orb.Point{x + 5, 2}, orb.Point{x + 10, 12})
	}
	top = append(top, orb.Point{200, 30}, orb.Point{0, 30})
	return []orb.MultiPolygon{{{bottom}}, {{top}}}
}

func TestSimplifyNeverCrosses(t *testing.T) {
	topo, err := Build(combs())
	if err != nil {
		t.Fatal(err)
	}
	full := Full(topo.Arcs)
	if c := Crossings(topo.Arcs); len(c) != 0 {
		t.Fatalf("the fixture crosses already: %v", c)
	}
	crossedAlone := false
	for _, tol := range []float64{1, 4, 8, 16, 64} {
		// Each arc simplified alone crosses the other at these
		// tolerances: what Simplify must mend.
		alone := make(Level, len(full))
		for i := range full {
			alone[i] = simplifyArc(topo.Arcs[i], full[i], tol)
		}
		lv := Simplify(topo.Arcs, full, tol)
		if c := Crossings(lv.Arcs(topo.Arcs)); len(c) != 0 {
			t.Errorf("tolerance %g: %d crossings after Simplify", tol, len(c))
		}
		crossedAlone = crossedAlone || len(Crossings(alone.Arcs(topo.Arcs))) > 0
		if lv.Points() > full.Points() {
			t.Errorf("tolerance %g: %d points, more than the %d of full detail", tol, lv.Points(), full.Points())
		}
	}
	if !crossedAlone {
		t.Error("arcs simplified alone never cross: the test shows nothing")
	}
}

func TestSimplifyKeepsEndsAndTolerance(t *testing.T) {
	// A shared zigzag border between two shapes: the border's arc keeps
	// its ends, and no point of the full arc strays further than the
	// tolerance from the simplified one, even simplified twice.
	var left, right orb.Ring
	left = append(left, orb.Point{-100, 0})
	var border []orb.Point
	for y := 0.0; y <= 100; y += 5 {
		border = append(border, orb.Point{math.Mod(y, 10), y})
	}
	left = append(left, border...)
	left = append(left, orb.Point{-100, 100}, orb.Point{-100, 0})
	right = append(right, orb.Point{100, 100})
	for i := len(border) - 1; i >= 0; i-- {
		right = append(right, border[i])
	}
	right = append(right, orb.Point{100, 0}, orb.Point{100, 100})
	topo, err := Build([]orb.MultiPolygon{{{left}}, {{right}}})
	if err != nil {
		t.Fatal(err)
	}
	lv := Simplify(topo.Arcs, Full(topo.Arcs), 2)
	lv2 := Simplify(topo.Arcs, lv, 6)
	for i, a := range lv2.Arcs(topo.Arcs) {
		base := topo.Arcs[i]
		if a[0] != base[0] || a[len(a)-1] != base[len(base)-1] {
			t.Errorf("arc %d lost its ends", i)
		}
		for _, p := range base {
			if d := planar.DistanceFrom(a, p); d > 6+1e-9 {
				t.Errorf("arc %d: %v is %g from the simplified arc", i, p, d)
			}
		}
	}
	if got, want := area(topo.MultiPolygon(topo.Shapes[0]))+area(topo.MultiPolygon(topo.Shapes[1])), 200.0*100; math.Abs(got-want) > 1e-9 {
		t.Errorf("areas add up to %g, want %g", got, want)
	}
}

func TestQuantizeThenBuildJoinsBoundaries(t *testing.T) {
	// Two squares whose shared side differs by a tenth of a unit: two
	// boundaries in the source, one shared boundary once rounded to whole
	// units and built.
	a := orb.MultiPolygon{{ring(0, 0, 10, 10)}}
	b := orb.MultiPolygon{{{{10.1, 0}, {20, 0}, {20, 10}, {10.1, 10}, {10.1, 0}}}}
	topo, err := Build(Quantize([]orb.MultiPolygon{a, b}, 1))
	if err != nil {
		t.Fatal(err)
	}
	if c := Crossings(topo.Arcs); len(c) != 0 {
		t.Errorf("%d crossings", len(c))
	}
	d := topo.Dissolve([]int{0, 1})
	if got := area(topo.MultiPolygon(d)); got != 200 || len(d) != 1 || len(d[0]) != 1 {
		t.Errorf("the two make %v of area %g, want one ring of 200 with no gap", d, got)
	}
}

func TestRepair(t *testing.T) {
	tests := []struct {
		name   string
		shapes []orb.MultiPolygon
		area   float64 // of all the shapes together, after
	}{
		// A vertex of one that rounding puts on the other's side: it is
		// added to that side, and the two meet at a vertex.
		{"a vertex on a side", []orb.MultiPolygon{
			{{ring(0, 0, 10, 10)}},
			{{{{2, 20}, {5, 10.4}, {8, 20}, {2, 20}}}},
		}, 100 + 0.5*6*10},
		// A boundary one side gives with a vertex the other lacks.
		{"a side with a vertex the other lacks", []orb.MultiPolygon{
			{{ring(0, 0, 10, 10)}},
			{{{{10, 0}, {20, 0}, {20, 10}, {10, 10}, {10, 5}, {10, 0}}}},
		}, 200},
		// A side that passes a unit from its neighbour's without
		// touching: a thin overlap no segment crossing shows, mended by
		// snapping the vertex onto the other side.
		{"a vertex just across the other side", []orb.MultiPolygon{
			{{ring(0, 0, 1000, 500)}},
			{{{{0, 0}, {0, -500}, {1000, -500}, {1000, 0}, {500, 1}, {0, 0}}}},
		}, 1000 * 1000},
		// A boundary that rounding makes double back over its neighbour's
		// corner by under a unit: the vertex goes.
		{"a notch under the rounding", []orb.MultiPolygon{
			{{{{0, 0}, {10, 0}, {10, 10}, {5, 10}, {5, 10.3}, {4.6, 9.6}, {0, 10}, {0, 0}}}},
		}, 100},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			topo, err := Build(Quantize(tc.shapes, 1))
			if err != nil {
				t.Fatal(err)
			}
			left, err := topo.Repair(2, 1)
			if err != nil || len(left) != 0 {
				t.Fatalf("left %v, %v", left, err)
			}
			if c := Crossings(topo.Arcs); len(c) != 0 {
				t.Errorf("%d crossings after Repair", len(c))
			}
			all := make([]int, len(tc.shapes))
			for i := range all {
				all[i] = i
			}
			sum := 0.0
			for _, s := range topo.Shapes {
				sum += area(topo.MultiPolygon(s))
			}
			if union := area(topo.MultiPolygon(topo.Dissolve(all))); math.Abs(sum-tc.area) > 1e-9 || math.Abs(union-tc.area) > 1e-9 {
				t.Errorf("areas add up to %g and make %g together, want %g", sum, union, tc.area)
			}
		})
	}
}

func TestRepairLeavesWhatItCannotMendUnmoved(t *testing.T) {
	// Two squares overlapping by three units: no rounding made that, and
	// no vertex may move three units to hide it.
	shapes := []orb.MultiPolygon{{{ring(0, 0, 10, 10)}}, {{ring(7, 2, 17, 12)}}}
	topo, err := Build(shapes)
	if err != nil {
		t.Fatal(err)
	}
	left, err := topo.Repair(0.5, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) == 0 {
		t.Error("Repair hid an overlap of three units")
	}
	for i, s := range topo.Shapes {
		if got := area(topo.MultiPolygon(s)); got != 100 {
			t.Errorf("shape %d has area %g, want 100 as it was", i, got)
		}
	}
}

func TestLevelRoundTrip(t *testing.T) {
	topo, err := Build(append(grid(4, 1000), combs()...))
	if err != nil {
		t.Fatal(err)
	}
	full := Full(topo.Arcs)
	levels := []Level{full}
	for _, tol := range []float64{2, 8, 32} {
		levels = append(levels, Simplify(topo.Arcs, levels[len(levels)-1], tol))
	}
	var coarserArcs []orb.LineString
	for k := len(levels) - 1; k >= 0; k-- {
		var coarser Level
		if k+1 < len(levels) {
			coarser = levels[k+1]
		}
		var buf bytes.Buffer
		if err := EncodeLevel(&buf, topo.Arcs, levels[k], coarser, 1); err != nil {
			t.Fatal(err)
		}
		got, err := DecodeLevel(&buf, coarserArcs)
		if err != nil {
			t.Fatalf("level %d: %v", k, err)
		}
		want := levels[k].Arcs(topo.Arcs)
		for i := range want {
			if !want[i].Equal(got[i]) {
				t.Fatalf("level %d arc %d: %v, want %v", k, i, got[i], want[i])
			}
		}
		coarserArcs = got
	}
	var buf bytes.Buffer
	if err := EncodeShapes(&buf, topo.Shapes); err != nil {
		t.Fatal(err)
	}
	shapes, err := DecodeShapes(&buf, len(topo.Arcs))
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range shapes {
		if got, want := area(ShapeGeometry(coarserArcs, s)), area(topo.MultiPolygon(topo.Shapes[i])); got != want {
			t.Errorf("shape %d: area %g, want %g", i, got, want)
		}
	}
}

// Reading a level for some of its arcs gives them as reading it whole
// does, and every arc's size, whichever arcs are wanted; corrupt levels
// are refused.
func TestRefineSomeReadsAsTheWhole(t *testing.T) {
	topo, err := Build(append(grid(4, 1000), combs()...))
	if err != nil {
		t.Fatal(err)
	}
	levels := []Level{Full(topo.Arcs)}
	for _, tol := range []float64{2, 8, 32} {
		levels = append(levels, Simplify(topo.Arcs, levels[len(levels)-1], tol))
	}
	files := make([][]byte, len(levels))
	whole := make([][]orb.LineString, len(levels))
	for k := len(levels) - 1; k >= 0; k-- {
		var coarser Level
		var coarserArcs []orb.LineString
		if k+1 < len(levels) {
			coarser, coarserArcs = levels[k+1], whole[k+1]
		}
		var buf bytes.Buffer
		if err := EncodeLevel(&buf, topo.Arcs, levels[k], coarser, 1); err != nil {
			t.Fatal(err)
		}
		files[k] = buf.Bytes()
		if whole[k], err = DecodeLevel(bytes.NewReader(files[k]), coarserArcs); err != nil {
			t.Fatal(err)
		}
	}
	n := len(topo.Arcs)
	rng := rand.New(rand.NewPCG(9, 10))
	for trial := range 50 {
		want := make([]bool, n)
		for a := range want {
			want[a] = trial == 0 || rng.IntN(4) == 0 // every arc, then about a quarter
		}
		top := len(levels) - 1
		arcs := make([]orb.LineString, n)
		sizes := make([]int32, n)
		for a, l := range whole[top] {
			sizes[a] = int32(len(l))
			if want[a] {
				arcs[a] = l
			}
		}
		for k := top - 1; k >= 0; k-- {
			arcs, sizes, err = RefineSome(files[k], arcs, sizes, want)
			if err != nil {
				t.Fatalf("trial %d, level %d: %v", trial, k, err)
			}
			for a := range n {
				if int(sizes[a]) != len(whole[k][a]) {
					t.Fatalf("trial %d, level %d, arc %d: size %d, want %d", trial, k, a, sizes[a], len(whole[k][a]))
				}
				if want[a] != (arcs[a] != nil) && len(whole[k][a]) > 0 || want[a] && !arcs[a].Equal(whole[k][a]) {
					t.Fatalf("trial %d, level %d, arc %d: %v, want %v", trial, k, a, arcs[a], whole[k][a])
				}
			}
		}
	}
	// Cut short, padded, or the coarsest level (which refines none).
	sizes := make([]int32, n)
	for a, l := range whole[1] {
		sizes[a] = int32(len(l))
	}
	all := make([]bool, n)
	for a := range all {
		all[a] = true
	}
	for name, raw := range map[string][]byte{
		"cut short": files[0][:len(files[0])-3],
		"padded":    append(slices.Clone(files[0]), 0),
		"empty":     nil,
		"coarsest":  files[len(files)-1],
	} {
		if _, _, err := RefineSome(raw, whole[1], sizes, all); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestDecodeRefusesCorruptData(t *testing.T) {
	topo, err := Build(grid(2, 10))
	if err != nil {
		t.Fatal(err)
	}
	var level, shapes bytes.Buffer
	if err := EncodeLevel(&level, topo.Arcs, Full(topo.Arcs), nil, 1); err != nil {
		t.Fatal(err)
	}
	if err := EncodeShapes(&shapes, topo.Shapes); err != nil {
		t.Fatal(err)
	}
	lv, sh := level.Bytes(), shapes.Bytes()
	tests := []struct {
		name  string
		level []byte
		refs  int // arcs the shapes may name
	}{
		{"empty", nil, len(topo.Arcs)},
		{"another file", []byte("GIF89a........"), len(topo.Arcs)},
		{"cut short", lv[:len(lv)/2], len(topo.Arcs)},
		{"a byte more", append(append([]byte{}, lv...), 0), len(topo.Arcs)},
		{"a huge count", append(append([]byte{}, lv[:13]...), 0xff, 0xff, 0xff, 0xff, 0x0f), len(topo.Arcs)},
		{"shapes naming missing arcs", nil, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.level != nil || tc.name == "empty" {
				if _, err := DecodeLevel(bytes.NewReader(tc.level), nil); err == nil {
					t.Error("DecodeLevel took it")
				}
			}
			if tc.refs != len(topo.Arcs) {
				if _, err := DecodeShapes(bytes.NewReader(sh), tc.refs); err == nil {
					t.Error("DecodeShapes took it")
				}
			}
		})
	}
}

func FuzzDecodeLevel(f *testing.F) {
	topo, err := Build(grid(2, 10))
	if err != nil {
		f.Fatal(err)
	}
	var level bytes.Buffer
	if err := EncodeLevel(&level, topo.Arcs, Full(topo.Arcs), nil, 1); err != nil {
		f.Fatal(err)
	}
	f.Add(level.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		arcs, err := DecodeLevel(bytes.NewReader(data), nil)
		if err == nil {
			// What decodes refines too, against itself as the coarser
			// level, without a panic.
			DecodeLevel(bytes.NewReader(data), arcs)
		}
		DecodeShapes(bytes.NewReader(data), 16)
	})
}

// The word-at-a-time helpers agree with a byte at a time: sumCounts sums
// the one-byte counts it may, skipVarints ends where the varints end.
func TestCountAndVarintHelpers(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for trial := range 2000 {
		var b []byte
		for range rng.IntN(40) {
			if rng.IntN(6) == 0 {
				b = binary.AppendUvarint(b, uint64(128+rng.IntN(100000)))
			} else {
				b = append(b, byte(rng.IntN(128)))
			}
		}
		n := rng.IntN(45)
		wantSum, wantDone := 0, 0
		for wantDone < n && wantDone < len(b) && b[wantDone] < 0x80 {
			wantSum += int(b[wantDone])
			wantDone++
		}
		if sum, done := sumCounts(b, n); sum != wantSum || done != wantDone {
			t.Fatalf("trial %d: sumCounts(%v, %d) = %d, %d; want %d, %d", trial, b, n, sum, done, wantSum, wantDone)
		}
		end, ok, left := 0, true, n
		for ; left > 0; end++ {
			if end >= len(b) {
				ok = false
				break
			}
			if b[end] < 0x80 {
				left--
			}
		}
		if got, gotOK := skipVarints(b, 0, n); gotOK != ok || ok && got != end {
			t.Fatalf("trial %d: skipVarints(%v, %d) = %d, %v; want %d, %v", trial, b, n, got, gotOK, end, ok)
		}
	}
}
