package geo_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"

	"sovmap/assets"
	"sovmap/geo"
)

// LocateIn's coarse answers are the whole map's: over random points of
// Mexico and points just beyond the margin of boundaries, wherever the
// coarse levels give a municipality and no boundary is within the
// margin, the whole map's LocateOne gives the same. And LocateIn itself
// answers the story's places as the whole map does.
func TestQuickLocateAgreesWithTheWholeMap(t *testing.T) {
	full, err := geo.LoadMap(assets.Map(), 0)
	if err != nil {
		t.Fatal(err)
	}
	coarse, err := geo.LoadMap(assets.Map(), geo.LocateLevel)
	if err != nil {
		t.Fatal(err)
	}
	margin := coarse.Tolerances[0] + 3
	same := func(a, b geo.Location) bool {
		code := func(l geo.Location) string {
			if l.Municipality == nil {
				return ""
			}
			return l.Municipality.Code
		}
		return code(a) == code(b) && a.Offshore == b.Offshore && (a.State == nil) == (b.State == nil)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var pts []orb.Point
	b := full.Bound
	for range 20000 {
		pts = append(pts, orb.Point{b.Min[0] + rng.Float64()*(b.Max[0]-b.Min[0]), b.Min[1] + rng.Float64()*(b.Max[1]-b.Min[1])})
	}
	// Just beyond the margin of the boundaries, either side: the middle
	// of every fifth arc's middle segment, moved across it.
	for i, a := range full.Arcs(0) {
		if i%5 != 0 || len(a) < 2 {
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
		for _, off := range []float64{margin + 1, margin + 30, -(margin + 1), -(margin + 30)} {
			pts = append(pts, orb.Point{(p[0]+q[0])/2 - dy/l*off, (p[1]+q[1])/2 + dx/l*off})
		}
	}
	answered := 0
	for _, p := range pts {
		loc := coarse.LocateOne(p)
		if loc.Municipality == nil || loc.Offshore || geo.NearArc(coarse, p, margin) {
			continue
		}
		answered++
		if want := full.LocateOne(p); !same(loc, want) {
			t.Fatalf("at %v the coarse levels say %v, the whole map %v", p, loc.Municipality.Code, want.Municipality)
		}
	}
	if answered < len(pts)/5 {
		t.Errorf("the coarse levels answered %d of %d points", answered, len(pts))
	}
	t.Logf("the coarse levels answered %d of %d points", answered, len(pts))
	for _, ll := range []orb.Point{{-99.2697, 19.0299}, {-103.8494, 20.6853}, {-102.6789, 21.4352}, {-97.5553, 20.1647}, {-95.0, 25.0}} {
		p := geo.MexicoLCC.Forward(ll)
		got, _, err := geo.LocateIn(assets.Map(), p)
		if err != nil {
			t.Fatal(err)
		}
		if want := full.LocateOne(p); !same(got, want) {
			t.Errorf("LocateIn(%v) = %v, the whole map %v", ll, got, want)
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
