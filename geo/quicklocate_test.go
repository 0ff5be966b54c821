package geo_test

import (
	"io/fs"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"

	"sovmap/assets"
	"sovmap/geo"
)

// LocateIn's answers are the whole map's: over random points of Mexico,
// its seas and its neighbours, points just beyond the margin of the
// boundaries, and points within it (read with the finest lines near
// them), wherever the coarse levels say they are sure, the whole map's
// LocateOne gives the same. And LocateIn itself answers the story's
// places, a point offshore and one abroad as the whole map does.
func TestQuickLocateAgreesWithTheWholeMap(t *testing.T) {
	full, err := geo.LoadMap(assets.Map(), 0)
	if err != nil {
		t.Fatal(err)
	}
	coarse, err := geo.LoadMap(assets.Map(), geo.LocateLevel)
	if err != nil {
		t.Fatal(err)
	}
	levels := map[int][]byte{}
	for lvl := range geo.LocateLevel {
		if levels[lvl], err = fs.ReadFile(assets.Map(), geo.LevelFile(lvl)); err != nil {
			t.Fatal(err)
		}
	}
	level := func(lvl int) ([]byte, error) { return levels[lvl], nil }
	margin := coarse.Tolerances[0] + 3
	code := func(l geo.Location) string {
		switch {
		case l.Municipality != nil:
			return l.Municipality.Code
		case l.Country != nil:
			return l.Country.Code
		}
		return ""
	}
	same := func(a, b geo.Location) bool {
		return code(a) == code(b) && a.Offshore == b.Offshore && (a.State == nil) == (b.State == nil)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	type sample struct {
		p    orb.Point
		kind string
	}
	var pts []sample
	// Fewer under -short (the race detector's run): each point near a
	// boundary reads the finest levels. Arcs are sampled every every
	// (nearEvery, a multiple of it, for the points within the margin).
	random, every, nearEvery := 8000, 5, 200
	if testing.Short() {
		random, every, nearEvery = 1000, 40, 800
	}
	b := full.Bound.Pad(50e3)
	for range random {
		pts = append(pts, sample{orb.Point{b.Min[0] + rng.Float64()*(b.Max[0]-b.Min[0]), b.Min[1] + rng.Float64()*(b.Max[1]-b.Min[1])}, "random"})
	}
	// Beyond the margin of the boundaries, either side, and within it:
	// the middle of arcs' middle segments, moved across them.
	for i, a := range full.Arcs(0) {
		if i%every != 0 || len(a) < 2 {
			continue
		}
		p, q := a[len(a)/2-1+len(a)%2], a[len(a)/2]
		if len(a) == 2 {
			p, q = a[0], a[1]
		}
		dx, dy := q[0]-p[0], q[1]-p[1]
		l := math.Hypot(dx, dy)
		if l == 0 {
			continue
		}
		offsets := []float64{margin + 1, margin + 30, -(margin + 1), -(margin + 30)}
		kind := "beyond the margin"
		if i%nearEvery == 0 {
			offsets = append(offsets, 0.5, 3, 40, 250, -0.5, -3, -40, -250)
			kind = "a boundary near"
		}
		for _, off := range offsets {
			pts = append(pts, sample{orb.Point{(p[0]+q[0])/2 - dy/l*off, (p[1]+q[1])/2 + dx/l*off}, kind})
		}
	}
	answered := map[string]int{}
	asked := map[string]int{}
	for _, s := range pts {
		asked[s.kind]++
		loc, ok := geo.LocateCoarse(coarse, s.p, level)
		if !ok {
			continue
		}
		answered[s.kind]++
		if want := full.Locate(s.p); !same(loc, want) { // as LocateOne (TestLocateMatchesTheShapes)
			t.Fatalf("at %v (%s) the coarse levels say %q (offshore %v), the whole map %q (offshore %v)", s.p, s.kind, code(loc), loc.Offshore, code(want), want.Offshore)
		}
	}
	for kind, n := range asked {
		t.Logf("%s: the coarse levels answered %d of %d points", kind, answered[kind], n)
		if answered[kind] < n*99/100 {
			t.Errorf("%s: the coarse levels answered only %d of %d points", kind, answered[kind], n)
		}
	}
	for _, ll := range []orb.Point{{-99.2697, 19.0299}, {-103.8494, 20.6853}, {-102.6789, 21.4352}, {-97.5553, 20.1647}, {-95.0, 25.0}, {-89.6, 21.3}, {-100, 30}, {-99.2, 18.9}} {
		p := geo.MexicoLCC.Forward(ll)
		got, _, err := geo.LocateIn(assets.Map(), p)
		if err != nil {
			t.Fatal(err)
		}
		if want := full.LocateOne(p); !same(got, want) {
			t.Errorf("LocateIn(%v) = %q, the whole map %q", ll, code(got), code(want))
		}
	}
}

// BenchmarkLocateIn is --where's work for one point inside a
// municipality: the coarse levels read and the point located.
func BenchmarkLocateIn(b *testing.B) {
	p := geo.MexicoLCC.Forward(orb.Point{-99.27, 19.03})
	for b.Loop() {
		if loc, _, err := geo.LocateIn(assets.Map(), p); err != nil || loc.Municipality == nil {
			b.Fatal(loc, err)
		}
	}
}

// BenchmarkLocateInNearABoundary is --where's work for a point 50 m from
// a municipal boundary: the coarse levels read, and the finest lines of
// the arcs near it.
func BenchmarkLocateInNearABoundary(b *testing.B) {
	p := geo.MexicoLCC.Forward(orb.Point{-99.2, 18.9})
	for b.Loop() {
		if loc, _, err := geo.LocateIn(assets.Map(), p); err != nil || loc.Municipality == nil {
			b.Fatal(loc, err)
		}
	}
}
